/**
 * Links inside a document's text, rebased for an export that moves the text elsewhere
 * (`llms-full`, and the parts other exports quote): a relative link or a link to an anchor of
 * the same document would otherwise point wherever the export is read. Each is pointed at the
 * site page (with a base URL) or at the file relative to where the export is read; its
 * `?query` and `#anchor` are kept as written. External links (`https:`, `mailto:`, `//host`)
 * are left as they are, and so are paths from the top (`/x`) unless the check found the file
 * one leads to, and any link whose destination is not written as the parser read it
 * (escapes, entities), or is a template's blank (`{baseDir}/x.md`): better a link unchanged
 * than one rewritten in the wrong place.
 */
import { posix } from 'node:path';
import type { CorpusDocument, KnowledgeGraph } from '@capsule-docs/graph';
import { isTemplated, type DocumentLink, type Span } from 'remark-capsules';
import type { Linker } from './links.js';
import type { SourceText } from './part-markdown.js';

/**
 * Rebasing readers for the documents one export quotes from, each made once however many of a
 * document's parts are read (see `rebasingReader`).
 */
export function rebasingReaders(graph: KnowledgeGraph, linker: Linker): (document: CorpusDocument) => SourceText {
  const readers = new Map<string, SourceText>();
  return (document) => {
    let read = readers.get(document.path);
    if (!read) readers.set(document.path, (read = rebasingReader(graph, document, linker)));
    return read;
  };
}

/**
 * A reader of ranges of the document's text (offsets into it) with the destinations of the
 * links written wholly inside the range rebased, so that a part quoted elsewhere (a checklist
 * item, an invariant, a bundle's parts) links where its document does. The document's links
 * are found once, for every part an export quotes from it.
 */
export function rebasingReader(graph: KnowledgeGraph, document: CorpusDocument, linker: Linker): SourceText {
  const resolved = new Map<number, string>();
  for (const edge of graph.edgesIn(document.path)) {
    if (edge.kind === 'links-to' && edge.status === 'resolved' && edge.toDocument !== undefined) resolved.set(edge.position.start.offset, edge.toDocument);
  }
  const edits: { start: number; end: number; text: string; link: Span }[] = [];
  for (const link of document.model.links) {
    const destination = rebasedDestination(graph, document.path, link, linker, resolved.get(link.position.start.offset));
    if (destination === undefined || destination === link.url) continue;
    const span = destinationSpan(document.text, link);
    // The link's span decides whether a range holds it: a destination inside a range whose
    // link is cut by it stays as written.
    if (span) edits.push({ ...span, text: destination, link: link.position });
  }
  // An address in HTML (`<img src="../img/logo.png">`) leads from the document's folder as a
  // Markdown link's does: its value is what is rewritten, and what a range must hold.
  for (const link of document.model.htmlLinks ?? []) {
    const destination = rebasedDestination(graph, document.path, link, linker);
    if (destination === undefined || destination === link.url) continue;
    edits.push({ start: link.position.start.offset, end: link.position.end.offset, text: attributeValue(destination), link: link.position });
  }
  // In the order of their links, so that a range finds its first by bisection, and its text is
  // put together in one pass: a page of thousands of links (an HTML table) is no slower per link.
  edits.sort((a, b) => a.link.start.offset - b.link.start.offset || a.start - b.start);
  return (start, end) => {
    const inside: typeof edits = [];
    for (let index = firstAtOrAfter(edits, start); index < edits.length && edits[index]!.link.start.offset < end; index++) {
      // A link cut by the range stays as written.
      if (edits[index]!.link.end.offset <= end) inside.push(edits[index]!);
    }
    // A link's destination may come after a link inside it (`[<img src="a.png">](b.md)`).
    inside.sort((a, b) => a.start - b.start);
    const pieces: string[] = [];
    let cursor = start;
    for (const edit of inside) {
      if (edit.start < cursor) continue;
      pieces.push(document.text.slice(cursor, edit.start), edit.text);
      cursor = edit.end;
    }
    pieces.push(document.text.slice(cursor, end));
    return pieces.join('');
  };
}

/** The index of the first edit whose link starts at or after `offset` (edits sorted by that). */
function firstAtOrAfter(edits: readonly { link: Span }[], offset: number): number {
  let low = 0;
  let high = edits.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (edits[middle]!.link.start.offset < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Where a link of the document at `documentPath` should point once its text is moved: to the
 * file the graph resolved it to (`resolvedTo`, as the check found it), else to the one its path names.
 */
export function rebasedDestination(graph: KnowledgeGraph, documentPath: string, link: Pick<DocumentLink, 'url' | 'path' | 'kind'>, linker: Linker, resolvedTo?: string): string | undefined {
  if (link.kind === 'external') return undefined;
  // A path from the top leads somewhere only on the site it was written for (`/helm/helm.md`,
  // `/guide/setup/`): where the check found the file it leads to, it is pointed there too.
  if (link.url.startsWith('/') && resolvedTo === undefined) return undefined;
  // A template's blank (`{baseDir}/references/x.md`, `{{app}}/README.md`) is filled in where
  // the text is used, not a path from the document's folder: joined to one, it would become a
  // file that exists nowhere (`skills/audit/%7BbaseDir%7D/references/x.md`).
  if (resolvedTo === undefined && isTemplated(link.url)) return undefined;
  const suffixAt = link.url.search(/[?#]/);
  const suffix = suffixAt === -1 ? '' : link.url.slice(suffixAt);
  if (link.kind === 'anchor') return `${linker.document(documentPath)}${suffix}`;
  if (!link.path) return undefined;
  const target = resolvedTo ?? posix.normalize(posix.join(posix.dirname(documentPath), link.path));
  if (graph.document(target)) return `${linker.document(target)}${suffix}`;
  const file = linker.file(target.replace(/\/$/, ''));
  if (file === undefined) return undefined;
  // A link to a folder keeps its closing slash.
  return `${file}${link.path.endsWith('/') && !file.endsWith('/') ? '/' : ''}${suffix}`;
}

/** A destination written as an attribute's value, in either quotes: a quote in it is escaped as a character reference. */
function attributeValue(destination: string): string {
  return destination.replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The offsets of a link's destination in the source: the first place in the link's span
 * where its URL is written right after `](` (an inline link) or `]:` (a definition),
 * optionally in `<...>`, and ends where a destination can end.
 */
function destinationSpan(source: string, link: DocumentLink): { start: number; end: number } | undefined {
  const from = link.position.start.offset;
  const written = source.slice(from, link.position.end.offset);
  for (let at = written.indexOf(link.url); at !== -1 && link.url !== ''; at = written.indexOf(link.url, at + 1)) {
    const before = written.slice(0, at);
    const opener = /\]\([ \t]*(?:\r?\n[ \t]*)?(<?)$/.exec(before) ?? /\]:[ \t]*(?:\r?\n[ \t]*)?(<?)$/.exec(before);
    if (!opener) continue;
    const after = written[at + link.url.length];
    const ends = opener[1] === '<' ? after === '>' : after === undefined || after === ')' || /\s/.test(after);
    if (ends) return { start: from + at, end: from + at + link.url.length };
  }
  return undefined;
}
