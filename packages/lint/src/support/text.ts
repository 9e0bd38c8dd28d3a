/** Finding plain-text matches in the source a part was read from. */
import type { CorpusDocument } from '@capsule-docs/graph';
import type { RootContent } from 'mdast';
import { isCommentNode, plainText, type CapsulePart, type Span } from 'remark-capsules';
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
    const found = findPiece(this.document.text.slice(this.cursor, this.end), piece);
    if (!found) return this.within;
    const start = this.cursor + found.index;
    this.cursor = start + found.length;
    return spanOf(this.document.text, start, start + found.length);
  }
}

/**
 * Where `piece` stands in `source`. Plain text ends its lines with LF whatever the file
 * does, so a piece of several lines matches any line ending, and CRLF files get LF places.
 */
function findPiece(source: string, piece: string): { index: number; length: number } | undefined {
  if (piece === '') return undefined;
  if (!piece.includes('\n')) {
    const index = source.indexOf(piece);
    return index === -1 ? undefined : { index, length: piece.length };
  }
  const escaped = piece.split('\n').map((line) => line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const match = new RegExp(escaped.join('(?:\\r\\n|\\r|\\n)')).exec(source);
  return match ? { index: match.index, length: match[0].length } : undefined;
}

/**
 * Whether a part holds only a fill-in placeholder, `[What does your quitting look like?]`:
 * text in a template for its user to replace, not a sentence to judge for style.
 */
export function isPlaceholder(part: CapsulePart, source: string): boolean {
  const nodes = part.nodes.filter((node) => !isCommentNode(node));
  if (nodes.length !== 1 || nodes[0]!.type !== 'paragraph') return false;
  return /^\[[^[\]]+\]$/.test(partContent(part, source).text.trim());
}

/** A part's content without HTML comments (directives, notes to editors), and where it stands. */
export function partContent(part: CapsulePart, source: string): { text: string; place: Span | undefined } {
  const nodes = part.nodes.filter((node) => !isCommentNode(node));
  const text = nodes.map((node) => plainText(node)).join('\n\n');
  const first = nodes[0]?.position?.start.offset;
  const last = nodes.at(-1)?.position?.end.offset;
  if (nodes.length === part.nodes.length || first === undefined || last === undefined) return { text, place: part.contentPosition };
  return { text, place: spanOf(source, first, last) };
}
