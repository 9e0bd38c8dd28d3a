/** Finding plain-text matches in the source a part was read from. */
import type { CorpusDocument } from '@capsule-docs/graph';
import type { RootContent } from 'mdast';
import { plainText, type CapsulePart, type Span } from 'remark-capsules';
import { spanOf } from './places.js';

/**
 * Locate pieces of a part's plain text in the file, in order. A part's text has its
 * markup removed, so each piece is searched for in the part's source from where the last
 * one ended; a piece the source does not hold verbatim gets the whole `within` span.
 */
export class SourceCursor {
  private cursor: number;
  private readonly end: number;

  constructor(
    private readonly document: CorpusDocument,
    private readonly within: Span,
  ) {
    this.cursor = within.start.offset;
    this.end = within.end.offset;
  }

  /** The span of the next occurrence of `piece`. */
  next(piece: string): Span {
    const source = this.document.text.slice(this.cursor, this.end);
    const index = piece === '' ? -1 : source.indexOf(piece);
    if (index === -1) return this.within;
    const start = this.cursor + index;
    this.cursor = start + piece.length;
    return spanOf(this.document.text, start, start + piece.length);
  }
}

/** A part's content without HTML comments (directives, notes to editors), and where it stands. */
export function partContent(part: CapsulePart, source: string): { text: string; place: Span | undefined } {
  const nodes = part.nodes.filter((node) => !isComment(node));
  const text = nodes.map((node) => plainText(node)).join('\n\n');
  const first = nodes[0]?.position?.start.offset;
  const last = nodes.at(-1)?.position?.end.offset;
  if (nodes.length === part.nodes.length || first === undefined || last === undefined) return { text, place: part.contentPosition };
  return { text, place: spanOf(source, first, last) };
}

/** True for an HTML node holding only comments. */
export function isComment(node: RootContent): boolean {
  return node.type === 'html' && /^\s*(?:<!--[\s\S]*?-->\s*)+$/.test(node.value);
}
