/**
 * The one table from offsets in a text to points (line and column) and back. Every place
 * this project reports is made here, so a place means the same in the model, in a lint
 * finding and in a rename plan.
 */
import { location } from 'vfile-location';
import type { Point } from './model.js';

export class TextPoints {
  private readonly table: ReturnType<typeof location>;

  constructor(readonly text: string) {
    this.table = location(text);
  }

  /** The point at `offset`, clamped into the text so a bad offset never escapes it. */
  point(offset: number): Point {
    let clamped = Math.max(0, Math.min(Number.isFinite(offset) ? Math.trunc(offset) : 0, this.text.length));
    // Never between the CR and LF of one line ending: no place in an LF file corresponds.
    if (this.text[clamped - 1] === '\r' && this.text[clamped] === '\n') clamped++;
    const found = this.table.toPoint(clamped);
    if (found && found.line !== undefined && found.column !== undefined) return { line: found.line, column: found.column, offset: clamped };
    return this.end();
  }

  /** The offset of a line and column, or `undefined` when the text has no such place. */
  offset(line: number, column: number): number | undefined {
    const found = this.table.toOffset({ line, column });
    return found === undefined || found < 0 ? undefined : found;
  }

  private end(): Point {
    const lines = this.text.split(/\r\n|\r|\n/);
    return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, offset: this.text.length };
  }
}
