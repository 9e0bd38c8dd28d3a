/**
 * `remark-capsules`: a unified plugin that reads a capsule document's mdast tree into the
 * capsule document model and stores it on `file.data.capsules`. It never throws: a problem
 * with the input becomes a positioned message on the file.
 */
import type { Root, Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { readCapsules } from './capsules.js';
import { readDocumentFacts, shownHeadingText } from './document.js';
import { readDocumentSeeAlso } from './document-see-also.js';
import { commentCuts } from './html-comments.js';
import { htmlTitle } from './html-title.js';
import { bareFenceBeforeOpenEnd, htmlSwallowedFence, misnestedFence, samplesLetOut, unclosedBlockAtEnd } from './open-block.js';
import { readFrontmatter, reportUnclosedFrontmatter, type FrontmatterOptions } from './frontmatter.js';
import { readTomlFrontmatter } from './toml-frontmatter.js';
import type { Toml } from './toml-node.js';
import { isMdxPath } from './mdx-path.js';
import type { CapsuleDocument, ImportingTool } from './model.js';
import { importingTool } from './agent-imports.js';
import type { Report } from './report.js';
import { isEditorRule } from './editor-rules.js';
import { isSampleDocument, pathWithin } from './sample-documents.js';
import { SourceText } from './source-text.js';

declare module 'vfile' {
  interface DataMap {
    /** The capsule document model, set by `remark-capsules`. */
    capsules: CapsuleDocument;
  }
}

/** The `source` stamped on every message this plugin reports. */
export const messageSource = 'remark-capsules';

/** Read the capsule document model of each file into `file.data.capsules`. */
export default function remarkCapsules() {
  return function transform(tree: Root, file: VFile): void {
    const source = new SourceText(String(file.value ?? ''));
    const path = pathWithin(file.path, file.cwd);
    const sample = isSampleDocument(path);
    const editorRule = isEditorRule(path);
    // A template's frontmatter holds placeholders (`name: {{SKILL_NAME}}`, `description:
    // [Role] + [Trigger]. Use when [Context].`, `description: {agent-description}. Use when
    // {trigger}.`, or a model card's whole `{{ card_data }}`) that read as YAML only once
    // filled in: its syntax, and a key a placeholder makes, are not the template's fault. So
    // in TOML (a Hugo archetype's `date = {{ .Date }}`).
    const matter = sample ? tree.children.find((node): node is Yaml | Toml => node.type === 'yaml' || node.type === 'toml') : undefined;
    const placeholders = matter !== undefined && holdsPlaceholders(matter.value);
    const report: Report = (reason, place, ruleId) => {
      if (placeholders && (ruleId === 'yaml-syntax' || ruleId === 'toml-syntax' || ruleId === 'yaml-key')) return;
      file.message(reason, { place, ruleId, source: messageSource });
    };
    try {
      const model = modelOfTree(tree, source, report, { unquotedGlobs: editorRule, mdx: isMdxPath(file.path), imports: importingTool(path) });
      // The capsules of a template or an exemplar are models to copy, as in a sample section.
      if (sample) for (const capsule of model.capsules) capsule.sample = true;
      file.data.capsules = model;
    } catch (error) {
      // A parser bug must not take the run down: record it on the file and go on.
      const reason = error instanceof Error ? error.message : String(error);
      report(`Could not read this document: ${reason}`, { start: source.point(0), end: source.point(0) }, 'internal-error');
      file.data.capsules = emptyDocument();
    }
  };
}

/**
 * Placeholders YAML cannot read: `{{name}}` (a mapping inside a mapping), or a value that opens
 * with `[Words]` or `{agent-description}` and goes on after it (a list or a mapping with text
 * left over). `[a, b]` or `{a: b}` alone is what YAML reads, so it is no placeholder to excuse.
 */
function holdsPlaceholders(frontmatter: string): boolean {
  return /\{\{[^{}\n]*\}\}/.test(frontmatter) || /^[ \t]*[^\s:#][^:\n]*:[ \t]+(?:\[[^\]\n]*\]|\{[^{}:\n]*\})[ \t]*[^\s#]/m.test(frontmatter);
}

export interface ModelOptions extends FrontmatterOptions {
  /** The tree is an MDX page's: its fences close as MDX reads them, with no indented code. */
  mdx?: boolean;
  /** The tool that reads the document's `@path` words as imports (see `agent-imports.ts`), if one does. */
  imports?: ImportingTool;
}

/** Build the model of one document from its tree. */
export function modelOfTree(tree: Root, source: SourceText, report: Report, options: ModelOptions = {}): CapsuleDocument {
  const { mdx = false } = options;
  const matter = tree.children.find((node): node is Yaml | Toml => node.type === 'yaml' || node.type === 'toml');
  const frontmatter = matter?.type === 'toml' ? readTomlFrontmatter(matter, source, report) : matter ? readFrontmatter(matter, source, report, options) : undefined;
  if (!matter) reportUnclosedFrontmatter(source, report);
  const capsules = readCapsules(tree, source, report);
  const seeAlso = readDocumentSeeAlso(tree, source, capsules);
  const facts = readDocumentFacts(tree, source, capsules, seeAlso.items, options.imports);
  const titleNode = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  const html = titleNode ? undefined : htmlTitle(tree);
  const title = titleNode ? { text: shownHeadingText(titleNode), position: source.spanOf(titleNode) } : html && { text: html.text, position: source.spanOf(html.node) };
  const unclosedBlock = unclosedBlockAtEnd(tree, source, mdx);
  // A sample's bare fence that closed it early may be why the end is left open: its own closer then opens the last block.
  const misnested = unclosedBlock ? bareFenceBeforeOpenEnd(tree, source, unclosedBlock, mdx) : misnestedFence(tree, source, mdx);
  // A fence an HTML block swallowed earlier may be why the last block is open: the fences
  // after it pair wrongly, and the last one is left over.
  const explained = unclosedBlock?.nestedFence ?? unclosedBlock?.earlierCloserWithLanguage ?? unclosedBlock?.fenceInHtml ?? unclosedBlock?.closerWithLanguage;
  const swallowed = explained || misnested ? undefined : htmlSwallowedFence(tree, source, unclosedBlock !== undefined, mdx);
  const letOut = samplesLetOut(tree, source, mdx);
  const comments = commentCuts(tree, source);
  return {
    frontmatter,
    title,
    capsules,
    seeAlso: seeAlso.references,
    ...facts,
    ...(rendersComponents(tree, mdx) ? { rendersComponents: true as const } : {}),
    ...(unclosedBlock ? { unclosedBlock } : {}),
    ...(misnested ? { misnestedFence: misnested } : {}),
    ...(swallowed ? { htmlSwallowedFence: swallowed } : {}),
    ...(letOut.length > 0 ? { samplesLetOut: letOut } : {}),
    ...(comments.length > 0 ? { comments } : {}),
  };
}

/** A JSX element of a component, opening a line: `<ApiReference />`, `<API.Spec url="…">`. */
const componentElement = /^[ \t]*<[A-Z][\w.]*(?:[\s/>]|$)/m;

/**
 * Whether a page renders a component at its top level. In MDX: a paragraph that opens with
 * one, or one in an ```` ```mdx-code-block ```` fence, whose text Docusaurus renders as MDX. In
 * Markdown, which VitePress and VuePress render with Vue's components: an HTML block that opens
 * with one (`<Settings :level="2" />`), which GitHub shows as nothing.
 */
function rendersComponents(tree: Root, mdx: boolean): boolean {
  return tree.children.some((node) => {
    if (!mdx) return node.type === 'html' && componentElement.test(node.value);
    if (node.type === 'code') return node.lang === 'mdx-code-block' && componentElement.test(node.value);
    const first = node.type === 'paragraph' ? node.children[0] : undefined;
    return first?.type === 'html' && componentElement.test(first.value);
  });
}

/** The model of a document with nothing in it. */
export function emptyDocument(): CapsuleDocument {
  return { frontmatter: undefined, title: undefined, headings: [], capsules: [], seeAlso: [], checklist: [], links: [], mentions: [] };
}
