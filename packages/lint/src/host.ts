/**
 * The rule host: runs each configured rule once per reported document and turns what the
 * rules report into `VFileMessage`s. It stamps every finding with its rule id, source,
 * docs URL and severity, so a rule never repeats that bookkeeping, and it distrusts its
 * rules: a rule that throws, or reports a place outside the file or a message it does not
 * declare, becomes one `internal-error` finding for that rule and file while every other
 * rule and file still runs.
 */
import { fromPlainMessage, KnowledgeGraph, suggestAmong, unparsedIds, type CorpusDocument, type Edge, type FindingDescription, type PlainMessage } from '@capsule-docs/graph';
import { VFileMessage, type Options as MessageOptions } from 'vfile-message';
import { Directives, type NamedRule, type UnusedDirective } from './directives.js';
import { rules } from './rules/index.js';
import { configureRules, severityRank, type ConfiguredRule } from './settings.js';
import { placeProblem } from './support/places.js';
import { isMadeUpForTest } from './support/test-inputs.js';
import type { FrontmatterSchemaMapping, LintSettings, ReportDescriptor, RuleContext, RuleSetting, Severity } from './types.js';

/** The `source` of every finding this package makes. */
export const lintSource = 'capsule-lint';

export interface LintOptions {
  /** Rule settings, merged over the preset. */
  rules?: Record<string, RuleSetting>;
  /** The preset the settings start from (default `recommended`). */
  preset?: 'recommended' | 'strict';
  /** Documents known to live outside the corpus: references to them are not errors. */
  externalDocuments?: string[];
  /** The user's own JSON Schema for frontmatter, in place of the shipped one. */
  frontmatterSchema?: object;
  /** Globs to frontmatter schemas; the first glob matching a document's path gives its schema. */
  frontmatterSchemas?: FrontmatterSchemaMapping[];
  /** Paths of the documents to report on (default: every document). */
  report?: Iterable<string>;
  /** File text at a ref, for `invariant-immutable`. */
  git?: LintSettings['git'];
  /** The ref `invariant-immutable` compares with (default `HEAD`). */
  gitRef?: string;
  /**
   * Capsule names the change being checked takes away (`capsule check` of given files, or
   * `--staged`), each with the document that defined it at `gitRef`.
   */
  formerDefinitions?: readonly FormerDefinition[];
  /**
   * The severity of a disable comment that turns nothing off (default `warn`, as ESLint's
   * `reportUnusedDisableDirectives`, and `error` under `strict`); `off` to leave such comments alone.
   */
  reportUnusedDisableDirectives?: Severity;
}

/** A capsule name as a document defined it at a git ref. */
export interface FormerDefinition {
  name: string;
  document: string;
}

export interface LintResult {
  /** One entry per reported document, sorted by path; messages sorted by line, column, rule. */
  files: { path: string; messages: VFileMessage[] }[];
}

/** What the lint analyzer returns for one document: its document-rule findings. */
export interface LintAnalysis {
  kind: typeof lintAnalysisKind;
  findings: PlainMessage[];
  /** The invariants' token counts, for the next analysis of the document (see `countTokens`). */
  tokenCounts?: Record<string, number>;
}

export const lintAnalysisKind = 'capsule-lint-document-findings';

/** The id of the finding a failing rule becomes. */
export const internalErrorId = 'internal-error';

/** The id of the finding about a disable comment naming a rule that does not exist. */
export const unknownRuleId = 'unknown-rule';

/** The id of the finding about a disable comment that turns no finding off. */
export const unusedDisableId = 'unused-disable';

/** What the host's own findings mean, for reporters that describe every id they emit. */
export const hostFindings: Readonly<Record<string, FindingDescription>> = {
  [internalErrorId]: {
    description: 'A rule failed on this file; its findings are missing',
    help: 'Report it with the file that caused it; the other rules and files were checked.',
  },
  [unknownRuleId]: {
    description: 'A disable comment names a rule that does not exist',
    help: 'Correct the rule id in the comment (the message suggests the nearest one), or remove the comment.',
  },
  [unusedDisableId]: {
    description: 'A disable comment turns off a rule that reports nothing where it applies',
    help: 'Remove the rule id from the comment (`--fix` does, for a next-line comment): left in place it would hide the next real finding there. Set `reportUnusedDisableDirectives` to change its severity.',
  },
};

/** Check a knowledge graph with the configured rules. Throws `LintSettingsError` on bad settings. */
export function lintGraph(graph: KnowledgeGraph, options: LintOptions = {}): LintResult {
  return lintGraphWith(graph, configureRules(options.preset, options.rules), options);
}

/**
 * Check a knowledge graph with rules configured by the caller (the built-in ones from
 * `configureRules`, or rules of one's own); `options.rules` and `options.preset` are ignored.
 */
export function lintGraphWith(graph: KnowledgeGraph, configured: readonly ConfiguredRule[], options: LintOptions = {}): LintResult {
  const settings: LintSettings = {
    externalDocuments: [...(options.externalDocuments ?? [])],
    frontmatterSchema: options.frontmatterSchema,
    frontmatterSchemas: [...(options.frontmatterSchemas ?? [])],
    git: options.git,
    gitRef: options.gitRef ?? 'HEAD',
    formerDefinitions: new Map((options.formerDefinitions ?? []).map(({ name, document }) => [name, document])),
  };
  const reportSet = options.report === undefined ? undefined : new Set(options.report);
  // A rule that is off is still a rule a comment may name.
  const knownRuleIds = new Set([...rules.map((rule) => rule.meta.id), ...configured.map((entry) => entry.rule.meta.id)]);
  const ranRuleIds = new Set(configured.map((entry) => entry.rule.meta.id));
  // As every other warning, an error under `strict`.
  const unusedSeverity = options.reportUnusedDisableDirectives ?? (options.preset === 'strict' ? 'error' : 'warn');
  const memos = new Map<string, unknown>();
  const memo = <T>(key: string, compute: () => T): T => {
    if (!memos.has(key)) memos.set(key, compute());
    return memos.get(key) as T;
  };

  // Rules without a declared scope (rules of one's own) run with the corpus, which is safe.
  const documentRules = configured.filter((entry) => entry.rule.meta.scope === 'document');
  const corpusRules = configured.filter((entry) => entry.rule.meta.scope !== 'document');

  const files: LintResult['files'] = [];
  // The documents to report on, looked up by path: a language server reports on a few after
  // each edit, and walking every document to find them is work the corpus's size pays for.
  const reported = reportSet ? [...reportSet].flatMap((path) => graph.document(path) ?? []) : graph.documents;
  for (const document of reported) {
    const unparsed = document.messages.some((message) => unparsedIds.has(message.ruleId ?? ''));
    const directives = new Directives(document.text, unparsed ? 'unparsed' : document.tree);
    // What the parser found wrong with the file itself stays, whatever the comments say;
    // but the frontmatter of a file made up for a test is what the test needs (a YAML list,
    // an unclosed block), not a mistake.
    const madeUp = document.messages.length > 0 && isMadeUpForTest(document.path, graph);
    const messages = document.messages
      .filter((message) => !(madeUp && madeUpFrontmatterIds.has(message.ruleId ?? '')))
      .map((message) => parserFinding(document.path, message));
    const keep = (message: VFileMessage) => {
      if (message.ruleId === internalErrorId || !directives.suppresses(message)) messages.push(message);
    };
    // Document rules ran beside the parse when the loader had our analyzer; else run them now.
    const analysed = analysedFindings(document);
    // Kept one by one: a spread call fails beyond about 100,000 findings in one file.
    for (const message of analysed ?? runDocumentRules(document, documentRules, settings)) keep(message);
    const edges = graph.edgesIn(document.path);
    for (const entry of corpusRules) for (const message of runRule(entry, { document, graph, edges, settings, memo })) keep(message);
    for (const named of directives.named) {
      if (!knownRuleIds.has(named.ruleId)) messages.push(unknownRuleFinding(document.path, named, knownRuleIds));
    }
    if (unusedSeverity !== 'off') {
      for (const unused of directives.unused((id) => ranRuleIds.has(id))) messages.push(unusedDisableFinding(document, unused, unusedSeverity));
    }
    files.push({ path: document.path, messages: messages.sort(byPlace) });
  }
  return { files: files.sort((a, b) => compareText(a.path, b.path)) };
}

/**
 * Run document-scope rules on one document, as the analyzer does on a worker: the context's
 * graph holds that document alone, so a document rule cannot depend on the rest of the corpus.
 */
export function runDocumentRules(
  document: CorpusDocument,
  configured: readonly ConfiguredRule[],
  settings: LintSettings,
): VFileMessage[] {
  if (configured.length === 0) return [];
  const graph = new KnowledgeGraph({ documents: [document] });
  const memos = new Map<string, unknown>();
  const memo = <T>(key: string, compute: () => T): T => {
    if (!memos.has(key)) memos.set(key, compute());
    return memos.get(key) as T;
  };
  return configured.flatMap((entry) => runRule(entry, { document, graph, edges: graph.edges, settings, memo }));
}

/** What the lint analyzer (see `analyzer.ts`) left on a document, revived; else undefined. */
function analysedFindings(document: CorpusDocument): VFileMessage[] | undefined {
  const analysis = document.analysis as Partial<LintAnalysis> | undefined;
  if (analysis?.kind !== lintAnalysisKind || !Array.isArray(analysis.findings)) return undefined;
  return analysis.findings.map((finding) => fromPlainMessage(finding, document.path));
}

interface RunInput {
  document: CorpusDocument;
  graph: KnowledgeGraph;
  edges: readonly Edge[];
  settings: LintSettings;
  memo: RuleContext['memo'];
}

function runRule({ rule, severity, options }: ConfiguredRule, input: RunInput): VFileMessage[] {
  const { document } = input;
  const findings: VFileMessage[] = [];
  let problem: string | undefined;
  const context: RuleContext = {
    document,
    graph: input.graph,
    edges: input.edges,
    options,
    settings: input.settings,
    memo: input.memo,
    report(descriptor) {
      const built = buildFinding(descriptor);
      if (typeof built === 'string') problem ??= built;
      else findings.push(built);
    },
  };

  const buildFinding = (descriptor: ReportDescriptor): VFileMessage | string => {
    const template = Object.hasOwn(rule.meta.messages, descriptor.messageId) ? rule.meta.messages[descriptor.messageId] : undefined;
    if (template === undefined) return `it reported message \`${descriptor.messageId}\`, which its metadata does not declare`;
    const reason = fill(template, descriptor.data ?? {});
    if (typeof reason !== 'string') return `message \`${descriptor.messageId}\` needs \`${reason.missing}\`, which the report did not give`;
    const outside = placeProblem(document.text, descriptor.place);
    if (outside) return `it reported a place that cannot be in this file: ${outside}`;
    const fixProblem = descriptor.fix ? checkFix(document.text, descriptor.fix) : undefined;
    if (fixProblem) return fixProblem;
    let cause: VFileMessage | undefined;
    if (descriptor.cause) {
      const related = input.graph.document(descriptor.cause.file);
      const causeProblem = related ? placeProblem(related.text, descriptor.cause.place) : `\`${descriptor.cause.file}\` is not in the corpus`;
      if (causeProblem) return `it reported a related place that cannot be: ${causeProblem}`;
      cause = createMessage(descriptor.cause.reason, { place: descriptor.cause.place, ruleId: rule.meta.id, source: lintSource });
      cause.file = descriptor.cause.file;
    }
    const capped = descriptor.severityCap && severityRank(descriptor.severityCap) < severityRank(severity) ? descriptor.severityCap : severity;
    const message = createMessage(reason, { place: descriptor.place, ruleId: rule.meta.id, source: lintSource, cause });
    message.file = document.path;
    message.url = rule.meta.docs.url;
    message.fatal = fatalOf(capped);
    message.messageId = descriptor.messageId;
    message.data = { ...(descriptor.data ?? {}) };
    if (descriptor.note !== undefined) message.note = descriptor.note;
    if (descriptor.actual !== undefined) message.actual = descriptor.actual;
    if (descriptor.expected !== undefined) message.expected = descriptor.expected;
    if (descriptor.fix) message.fix = { ...descriptor.fix, original: document.text.slice(descriptor.fix.start, descriptor.fix.end) };
    return message;
  };

  try {
    rule.check(context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [internalError(rule.meta.id, document.path, `it threw: ${reason}`)];
  }
  if (problem) findings.push(internalError(rule.meta.id, document.path, problem));
  return findings;
}

/** The finding a failing rule becomes: fatal, at the start of the file, naming the rule. */
function internalError(ruleId: string, path: string, problem: string): VFileMessage {
  const message = createMessage(
    `Rule \`${ruleId}\` failed on this file, so its findings here are incomplete: ${problem}. This is a bug in the rule; please report it with this file`,
    { place: { line: 1, column: 1 }, ruleId: internalErrorId, source: lintSource },
  );
  message.file = path;
  message.fatal = true;
  message.messageId = internalErrorId;
  message.data = { rule: ruleId, problem };
  return message;
}

/** The finding for a rule id in a disable comment that names no rule: the comment turns nothing off. */
function unknownRuleFinding(path: string, named: NamedRule, knownRuleIds: ReadonlySet<string>): VFileMessage {
  const suggestion = suggestAmong(named.ruleId, knownRuleIds);
  const advice = suggestion
    ? `; did you mean \`${suggestion}\`?`
    : `; the rules are ${[...knownRuleIds].sort().map((id) => `\`${id}\``).join(', ')}`;
  const message = createMessage(`Unknown rule \`${named.ruleId}\` in a disable comment, which turns nothing off${advice}`, {
    place: { line: named.line, column: named.column },
    ruleId: unknownRuleId,
    source: lintSource,
  });
  message.file = path;
  message.fatal = true;
  message.messageId = unknownRuleId;
  message.data = suggestion ? { rule: named.ruleId, suggestion } : { rule: named.ruleId };
  if (suggestion) message.expected = [suggestion];
  return message;
}

/** The finding for a disable comment naming a rule that reported nothing where the comment applies. */
function unusedDisableFinding(document: CorpusDocument, unused: UnusedDirective, severity: Exclude<Severity, 'off'>): VFileMessage {
  const { named } = unused;
  const where = unused.kind === 'disable-next-line' ? 'on the next line' : 'in the lines it covers';
  const reason = `Disable comment for \`${named.ruleId}\` turns nothing off: the rule reports nothing ${where}; remove it, so that it cannot hide a finding there later`;
  // The id as a range, so that an editor can mark that much of the comment as unnecessary.
  const start = { line: named.line, column: named.column, offset: named.offset };
  const end = { line: named.line, column: named.column + named.ruleId.length, offset: named.offset + named.ruleId.length };
  const message = createMessage(reason, { place: { start, end }, ruleId: unusedDisableId, source: lintSource });
  message.file = document.path;
  message.fatal = fatalOf(severity);
  message.messageId = unusedDisableId;
  message.data = { rule: named.ruleId };
  if (unused.fix) message.fix = { ...unused.fix, original: document.text.slice(unused.fix.start, unused.fix.end) };
  return message;
}

/**
 * The parser's findings about what a frontmatter says, which a test's input may say wrong on
 * purpose; those about what the reader could not read at all (too large, too deep, a
 * paragraph past the limit) stay.
 */
const madeUpFrontmatterIds = new Set(['yaml-syntax', 'toml-syntax', 'yaml-key', 'yaml-alias', 'frontmatter-not-mapping', 'frontmatter-unclosed']);

/** A problem the parser (or the file reader) found with the file itself: always an error. */
function parserFinding(path: string, original: VFileMessage): VFileMessage {
  const message = createMessage(original.reason, {
    place: original.place ?? { line: 1, column: 1 },
    ruleId: original.ruleId ?? 'parse-error',
    source: original.source ?? lintSource,
  });
  message.file = path;
  message.fatal = true;
  message.messageId = message.ruleId ?? 'parse-error';
  message.data = {};
  if (original.url) message.url = original.url;
  return message;
}

/**
 * A `VFileMessage` made without capturing a stack trace: a finding's stack says nothing
 * useful, and capturing it is most of the cost of a finding.
 */
function createMessage(reason: string, options: MessageOptions): VFileMessage {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new VFileMessage(reason, options);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function checkFix(text: string, fix: { start: number; end: number; text: string }): string | undefined {
  const { start, end } = fix;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end < start) {
    return `it offered a fix for offsets ${start}-${end}, outside this file of ${text.length} characters`;
  }
  if (typeof fix.text !== 'string') return 'it offered a fix without replacement text';
  return undefined;
}

const placeholder = /\{([A-Za-z][\w]*)\}/g;

/**
 * The most characters a placeholder's value shows. A value comes from the document (a link's
 * target, a name), and a hostile one may be 100,000 characters long: its finding would be as
 * long in every report and editor. Its start and end, which tell one path from another, are kept.
 */
const longestValue = 300;

/** Fill `{name}` placeholders; name the first missing one instead of printing a hole. */
function fill(template: string, data: Record<string, unknown>): string | { missing: string } {
  let missing: string | undefined;
  const text = template.replace(placeholder, (_, name: string) => {
    if (!Object.hasOwn(data, name)) {
      missing ??= name;
      return '';
    }
    return shortened(String(data[name]));
  });
  return missing === undefined ? text : { missing };
}

/** `value`, or its start and end around a count of what is left out, when it is longer than a finding should quote. */
function shortened(value: string): string {
  if (value.length <= longestValue) return value;
  let head = value.slice(0, longestValue - 80);
  let tail = value.slice(-60);
  // Never half of a character written as two UTF-16 units.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  if (/^[\uDC00-\uDFFF]/.test(tail)) tail = tail.slice(1);
  const omitted = value.slice(head.length, value.length - tail.length);
  // Counted as people count characters: a pair of UTF-16 units is one.
  const characters = omitted.length - (omitted.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
  return `${head}…[${characters} characters]…${tail}`;
}

function fatalOf(severity: Exclude<Severity, 'off'>): boolean | undefined {
  if (severity === 'error') return true;
  if (severity === 'warn') return false;
  return undefined;
}

function byPlace(a: VFileMessage, b: VFileMessage): number {
  return (
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compareText(a.ruleId ?? '', b.ruleId ?? '') ||
    compareText(a.messageId ?? '', b.messageId ?? '') ||
    compareText(a.reason, b.reason)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
