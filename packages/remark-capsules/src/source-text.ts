/** Source text access shared by the extractors: offsets to points, node spans, slices. */
import type { Nodes } from 'mdast';
import type { Node } from 'unist';
import { TextPoints } from './text-points.js';
import type { Point, Span } from './model.js';

const origin: Point = { line: 1, column: 1, offset: 0 };

/** The document text plus the offset/point conversions every extractor needs. */
export class SourceText {
  readonly text: string;
  private readonly points: TextPoints;

  constructor(text: string) {
    // micromark skips a leading byte order mark, so the offsets in its tree count from after
    // it; so must every place here, or a BOM file is off by one everywhere.
    this.text = text.startsWith('\uFEFF') ? text.slice(1) : text;
    this.points = new TextPoints(this.text);
  }

  /** The point at `offset`, clamped into the file so a bad offset never escapes it. */
  point(offset: number): Point {
    return this.points.point(offset);
  }

  span(startOffset: number, endOffset: number): Span {
    return { start: this.point(startOffset), end: this.point(Math.max(startOffset, endOffset)) };
  }

  /** The span of a node; a node without a position (a generated tree) gets the file start. */
  spanOf(node: Node): Span {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return { start: origin, end: origin };
    return this.span(start, end);
  }

  startOf(node: Node): number {
    return node.position?.start.offset ?? 0;
  }

  endOf(node: Node): number {
    return node.position?.end.offset ?? 0;
  }

  slice(startOffset: number, endOffset: number): string {
    return this.text.slice(startOffset, endOffset);
  }

  sliceOf(node: Node): string {
    return this.slice(this.startOf(node), this.endOf(node));
  }

}

/** What folding changes: whitespace other than one space between two words. */
const unfolded = /[^\S ]| {2}|^ | $/;

/** Fold whitespace runs (soft breaks included) into single spaces and trim. */
export function collapseWhitespace(text: string): string {
  // Most text handed here is folded already, and a test allocates nothing.
  return unfolded.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/**
 * The text of inline content with hard breaks kept as line breaks: `mdast-util-to-string`
 * drops them, which glues the words on either side of a break together. With `html` false,
 * HTML tags are left out, as a browser shows the text (`Use <code>x</code>` reads `Use x`).
 */
export function inlineText(node: Nodes, html = true): string {
  let text = '';
  // An explicit stack, children pushed last-first so they are read in order; inline
  // nesting has no depth limit either.
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.type === 'break') text += '\n';
    else if (next.type === 'html' && !html) continue;
    else if (next.type === 'image' || next.type === 'imageReference') text += next.alt ?? '';
    else if ('value' in next) text += next.value;
    else if ('children' in next) for (let index = next.children.length - 1; index >= 0; index--) stack.push(next.children[index]!);
  }
  return text;
}

/** The text of inline content on one line: whitespace folded, hard breaks included. */
export function lineText(node: Nodes): string {
  return collapseWhitespace(inlineText(node));
}
