/**
 * llms.txt, after the proposal at llmstxt.org: an H1 title, a blockquote summary, a short
 * note, then H2 sections of `- [name](url): description` links. Documents and capsules come
 * first; material written for people only goes under `## Optional`, which readers with
 * little room may skip.
 */
import type { KnowledgeGraph } from '@capsule-docs/graph';
import { documentDescription, documentTitle, isForHumansOnly, type CorpusInfo } from './corpus-info.js';
import { escapedInline, link } from './markdown.js';
import { knowledgeCapsules, offeredDocuments } from './knowledge.js';
import { createLinker } from './links.js';
import { oneLine, partSource } from './part-markdown.js';
import { rebasingReaders } from './rebase.js';

export interface LlmsTxtOptions extends CorpusInfo {
  /** Make links absolute site URLs under this address. */
  baseUrl?: string;
  /** With `baseUrl`: the document the site shows at its root. */
  home?: string;
  /**
   * Without `baseUrl`: the corpus root as seen from the folder the file is read in (`content`,
   * `../..`); relative links are written from there. The root itself by default.
   */
  rootFromOutput?: string;
}

const note =
  'Each capsule is one named idea in three parts: an invariant (the rule, in one sentence), an example, and depth (distinctions, trade-offs and related capsules). The capsule links below give each invariant; follow a link for the rest.';

export function renderLlmsTxt(graph: KnowledgeGraph, options: LlmsTxtOptions): string {
  const links = createLinker(graph, options.baseUrl, options.home, options.rootFromOutput);
  const line = (name: string, url: string, description: string | undefined) =>
    `- ${listLink(listTitle(name), url)}${description ? `: ${description}` : ''}`;
  const main = { documents: [] as string[], capsules: [] as string[] };
  const optional: string[] = [];
  for (const document of offeredDocuments(graph)) {
    const secondary = isForHumansOnly(graph, document.path);
    (secondary ? optional : main.documents).push(
      line(documentTitle(graph, document.path), links.document(document.path), documentDescription(graph, document.path)),
    );
  }
  const capsules = knowledgeCapsules(graph);
  // An invariant's links lead where its document's do.
  const readerOf = rebasingReaders(graph, links);
  for (const node of capsules) {
    const document = graph.document(node.document)!;
    const invariant = partSource(document, node.capsule.invariant, readerOf(document));
    const entry = line(node.name, links.capsule(node), invariant && oneLine(invariant.markdown));
    (isForHumansOnly(graph, node.document) ? optional : main.capsules).push(entry);
  }
  // The note explains capsules: a corpus of none (a folder of plain documents) goes without it.
  const blocks = [`# ${escapedInline(options.title)}`, `> ${escapedInline(options.summary)}`, ...(capsules.length > 0 ? [note] : [])];
  if (main.documents.length > 0) blocks.push('## Documents', main.documents.join('\n'));
  if (main.capsules.length > 0) blocks.push('## Capsules', main.capsules.join('\n'));
  if (optional.length > 0) blocks.push('## Optional', optional.join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

/** The longest title a list line shows whole, in characters as a reader counts them. */
export const maxListTitleLength = 100;

/**
 * A title as a list line shows it: whole up to `maxListTitleLength` characters; a longer one
 * (a heading that runs on for pages) is cut at the last space within that length, or at the
 * length where there is none, and ends in an ellipsis, as a reader of an index expects. Only
 * the start of the text is split into characters, so a title of megabytes costs no more.
 */
export function listTitle(title: string): string {
  const start = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(title.slice(0, maxListTitleLength * 8))].map((part) => part.segment);
  if (start.length <= maxListTitleLength && start.join('').length === title.length) return title;
  const kept = start.slice(0, maxListTitleLength).join('');
  const space = kept.lastIndexOf(' ');
  return `${(space > maxListTitleLength / 2 ? kept.slice(0, space) : kept).trimEnd()}…`;
}

/**
 * A link whose text holds no `]`: Markdown reads an escaped `\]` as a bracket, but readers
 * written to the proposal take a title to end at the first `]` whatever precedes it, so a
 * character reference stands in for it (Markdown renders both alike). The destination holds
 * no `(`, so the last `](` ends the text.
 */
function listLink(text: string, url: string): string {
  const written = link(text, url);
  const end = written.lastIndexOf('](');
  return `${written.slice(0, end).replaceAll('\\]', '&#93;')}${written.slice(end)}`;
}
