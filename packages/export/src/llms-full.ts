/**
 * The whole corpus as one Markdown file (`llms-full.txt`): each document's source link and
 * description, then its Markdown without the frontmatter and its HTML comments (closing a block it left open; a
 * `title` the frontmatter alone gives is written as the heading a site shows it as),
 * separated by thematic breaks. Links inside the documents are rebased (`rebase.ts`) so they
 * still lead where they did.
 */
import { titleOf, type CorpusDocument, type KnowledgeGraph } from '@capsule-docs/graph';
import { documentDescription, type CorpusInfo } from './corpus-info.js';
import { createLinker } from './links.js';
import { offeredDocuments } from './knowledge.js';
import { escapedInline, link } from './markdown.js';
import { documentBody } from './part-markdown.js';
import { rebasingReader } from './rebase.js';
import type { SourceText } from './part-markdown.js';

export interface LlmsFullOptions extends CorpusInfo {
  baseUrl?: string;
  /** With `baseUrl`: the document the site shows at its root. */
  home?: string;
  /**
   * Without `baseUrl`: the corpus root as seen from the folder the file is read in (`content`,
   * `../..`); relative links are written from there. The root itself by default.
   */
  rootFromOutput?: string;
}

export function renderLlmsFull(graph: KnowledgeGraph, options: LlmsFullOptions): string {
  const links = createLinker(graph, options.baseUrl, options.home, options.rootFromOutput);
  const blocks = [`# ${escapedInline(options.title)}`, `> ${escapedInline(options.summary)}`];
  for (const document of offeredDocuments(graph)) {
    blocks.push('---', `Source: ${link(document.path, links.document(document.path))}`);
    const description = documentDescription(graph, document.path);
    if (description) blocks.push(`> ${escapedInline(description)}`);
    // A fence or HTML block the document leaves open would swallow every document after it.
    const unclosed = document.model.unclosedBlock;
    const text = documentBody(document, withoutComments(document, rebasingReader(graph, document, links)));
    const body = unclosed ? `${text}\n${unclosed.closer}` : text;
    // A page titled by its frontmatter alone (a site shows that `title` as its heading) would
    // lose its title with the frontmatter: it is given as the heading the page shows.
    const shownTitle = document.model.title === undefined ? titleOf(document) : undefined;
    if (shownTitle !== undefined) blocks.push(`# ${escapedInline(shownTitle)}`);
    if (body !== '') blocks.push(body);
  }
  return `${blocks.join('\n\n')}\n`;
}

/**
 * The document's text without its top-level HTML comments (notes to editors, linters'
 * directives, sections commented out), which the site does not show: a reader of the file
 * would take a section commented out for one in force. Each comment's line ending stays, so
 * the paragraphs around it stay apart as they were.
 */
function withoutComments(document: CorpusDocument, read: SourceText): string {
  let text = '';
  let from = 0;
  for (const comment of document.model.comments ?? []) {
    text += read(from, comment.start.offset);
    from = comment.end.offset;
  }
  return text + read(from, document.text.length);
}
