/**
 * Places in a document's text: offsets to points, and the check the host makes that a
 * reported place really lies inside the file.
 */
import { TextPoints, type Point, type Span } from 'remark-capsules';

const locations = new Map<string, TextPoints>();
const maxCached = 64;

/** The offset/point index of a text, kept for the few texts a run works on at once. */
function locate(text: string): TextPoints {
  let found = locations.get(text);
  if (!found) {
    found = new TextPoints(text);
    if (locations.size >= maxCached) locations.delete(locations.keys().next().value!);
    locations.set(text, found);
  }
  return found;
}

/** The span from `start` to `end` (offsets) in `text`, clamped into the text. */
export function spanOf(text: string, start: number, end: number): Span {
  const from = clamp(start, text.length);
  return { start: pointOf(text, from), end: pointOf(text, Math.max(from, clamp(end, text.length))) };
}

/** The point at `offset` in `text`. */
export function pointOf(text: string, offset: number): Point {
  return locate(text).point(offset);
}

/** Why a reported place cannot be in `text`, or `undefined` when it can. */
export function placeProblem(text: string, place: Span | Point): string | undefined {
  const isSpan = 'start' in place;
  const start = isSpan ? place.start : place;
  const end = isSpan ? place.end : place;
  const startOffset = offsetOf(text, start);
  if (typeof startOffset === 'string') return startOffset;
  const endOffset = offsetOf(text, end);
  if (typeof endOffset === 'string') return endOffset;
  if (endOffset < startOffset) return `the place ends (${describe(end)}) before it starts (${describe(start)})`;
  return undefined;
}

function offsetOf(text: string, point: Point | { line: number; column: number; offset?: number }): number | string {
  const { line, column } = point;
  if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1) {
    return `${describe(point)} is not a line and column`;
  }
  const offset = locate(text).offset(line, column);
  if (offset === undefined) return `${describe(point)} lies outside the file`;
  if (point.offset !== undefined && point.offset !== offset) {
    return `${describe(point)} has offset ${point.offset}, but that line and column are at offset ${offset}`;
  }
  return offset;
}

function describe(point: { line: number; column: number }): string {
  return `${point.line}:${point.column}`;
}

function clamp(offset: number, length: number): number {
  return Math.max(0, Math.min(Number.isFinite(offset) ? Math.trunc(offset) : 0, length));
}
