/**
 * The shapes shared by the host and the rules: severities, rule metadata, what a rule may
 * read (its context) and what it hands back (a report).
 */
import type { CorpusDocument, Edge, FrontmatterSchemaMapping, KnowledgeGraph, SeverityName } from '@capsule-docs/graph';
import type { Point, Span } from 'remark-capsules';

/** A rule's severity, as the configuration names them (in rank order: off < info < warn < error). */
export type Severity = SeverityName;

/** How a rule is configured: a severity, or a severity with options. */
export type RuleSetting = Severity | [Severity, Record<string, unknown>];

/** A safe replacement of `text.slice(start, end)` by `text`, in file offsets. */
export interface Fix {
  start: number;
  end: number;
  text: string;
  /**
   * What the range held when the finding was made; the host fills it in. `applyFixes`
   * skips a fix whose range no longer holds it, so stale findings never corrupt a file.
   */
  original?: string;
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** The id of the rule's message template (`meta.messages`); tests assert it, not the wording. */
    messageId?: string;
    /** The values filled into the template. */
    data?: Record<string, unknown>;
    /** A safe fix for the finding, applied by `applyFixes`. */
    fix?: Fix;
  }
}

export interface RuleMeta {
  /** kebab-case, unique. */
  id: string;
  description: string;
  /** The severity the `recommended` preset gives the rule. */
  defaultSeverity: Severity;
  /** JSON Schema (draft 2020-12) of the rule's options object. */
  optionsSchema: object;
  defaultOptions: Record<string, unknown>;
  /** Message id -> template with `{placeholder}`s filled from the report's data. */
  messages: Record<string, string>;
  fixable: boolean;
  /**
   * `document`: the rule reads only the document it checks (its model and text), so it runs
   * beside the parse on a worker thread and its findings are cached with the parse.
   * `corpus`: the rule reads across documents (references, duplicates, orphans) and runs at
   * the end on the whole graph, where models are reduced to their cross-file summaries.
   */
  scope: 'document' | 'corpus';
  /** `url`: the rule's docs page, as a path in the repository. */
  docs: { url: string; summary: string };
}

/** A related place in another (or the same) file, e.g. the first of two duplicates. */
export interface RelatedPlace {
  file: string;
  place: Span;
  reason: string;
}

/** What a rule hands to `context.report`. */
export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  place: Span | Point;
  /**
   * The most this finding can weigh: a rule configured as `error` may still report some
   * findings as warnings (a free-text SeeAlso is worth a look, not a failure). The finding's
   * severity is the lower of this and the rule's configured severity.
   */
  severityCap?: Exclude<Severity, 'off'>;
  note?: string;
  actual?: string;
  expected?: string[];
  cause?: RelatedPlace;
  fix?: Fix;
}

/** One entry of the `frontmatterSchemas` setting (the configuration is the graph package's). */
export type { FrontmatterSchemaMapping } from '@capsule-docs/graph';

/** Settings that reach every rule, from the lint options. */
export interface LintSettings {
  /** Documents known to live outside the corpus, as written or corpus-relative. */
  externalDocuments: readonly string[];
  /** The schema for every document no `frontmatterSchemas` glob and no shipped kind claims first (see frontmatter-schema). */
  frontmatterSchema: object | undefined;
  /** Globs (corpus-relative) to schemas, in order: the first glob that matches a document's path gives its schema. */
  frontmatterSchemas: readonly FrontmatterSchemaMapping[];
  git:
    | {
        show(ref: string, path: string): string | undefined;
        /** True when the file at `ref` holds exactly this text: nothing can have changed. */
        isUnchanged?(ref: string, path: string, text: string): boolean;
        /**
         * The files git sees renamed since `ref` in the change being checked (the commit being
         * made, with `--staged`), old path to new, both corpus paths; undefined outside a repository.
         */
        renamedSince?(ref: string): ReadonlyMap<string, string> | undefined;
      }
    | undefined;
  gitRef: string;
  /**
   * Capsule names the change being checked takes away, each with the document that defined
   * it at `gitRef`: a reference the change broke is told where its capsule went.
   */
  formerDefinitions?: ReadonlyMap<string, string>;
}

/** What a rule reads while checking one document, and where it reports. */
export interface RuleContext {
  /** The document being checked. */
  readonly document: CorpusDocument;
  /** The whole corpus, for anything that crosses documents. */
  readonly graph: KnowledgeGraph;
  /** The graph's edges written in this document, in the graph's order. */
  readonly edges: readonly Edge[];
  /** The rule's options: its defaults with the user's options over them. */
  readonly options: Readonly<Record<string, unknown>>;
  readonly settings: Readonly<LintSettings>;
  report(descriptor: ReportDescriptor): void;
  /**
   * A value computed once per lint run and shared by every document and rule that asks for
   * the same key, so that corpus-wide work (an index of names, the orphan set) is never
   * redone per file. Keys name what they hold (`capsule-name-index`, `anchors:<path>`).
   */
  memo<T>(key: string, compute: () => T): T;
}

/** A rule: metadata and a check run once per document. */
export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
