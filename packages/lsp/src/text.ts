/** Offsets, lines and ranges of corpus documents, in the Language Server Protocol's terms. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver';
import type { CorpusDocument } from '@capsule-docs/graph';
import type { Span } from 'remark-capsules';

const lineIndexes = new WeakMap<CorpusDocument, TextDocument>();

/** A line index over a document's text, made once per parsed document. */
export function indexOf(document: CorpusDocument): TextDocument {
  let index = lineIndexes.get(document);
  if (!index) {
    index = TextDocument.create(document.path, 'markdown', 0, document.text);
    lineIndexes.set(document, index);
  }
  return index;
}

export function rangeOf(document: CorpusDocument, start: number, end: number): Range {
  const index = indexOf(document);
  return { start: index.positionAt(start), end: index.positionAt(end) };
}

export function spanRange(document: CorpusDocument, span: Span): Range {
  return rangeOf(document, span.start.offset, span.end.offset);
}

/** The offset of an editor position; positions past a line's end or the text's end are clamped. */
export function offsetOf(document: CorpusDocument, position: Position): number {
  return indexOf(document).offsetAt(position);
}

export function contains(span: Span, offset: number): boolean {
  return span.start.offset <= offset && offset <= span.end.offset;
}
