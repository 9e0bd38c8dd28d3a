/**
 * Disable comments, read from a document's text:
 *
 * - `<!-- capsule-disable-next-line rule-id [rule-id...] -->`: the next line (every rule
 *   when no id is given);
 * - `<!-- capsule-disable rule-id [rule-id...] -->` to `<!-- capsule-enable rule-id -->`:
 *   a range of lines (an `enable` without ids ends every open range);
 * - `<!-- capsule-disable -->` without ids: the whole file, every rule.
 *
 * Only the comment syntax is read here, line by line; lines inside fenced code blocks are
 * skipped, so a comment shown as an example in code does nothing. Every rule id a comment
 * names is kept with its place, so the host can report an id that names no rule.
 *
 * Directives turn rule findings off, not what the parser found wrong with the file itself
 * (as ESLint's comments leave parse errors alone): the host only asks about rule findings.
 */
import type { VFileMessage } from 'vfile-message';

const directivePattern = /<!--\s*capsule-(disable-next-line|disable|enable)((?:\s+[a-z0-9-]+)*)\s*-->/dg;
const fencePattern = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** A rule id as written in a comment, with its place (1-based line and column). */
export interface NamedRule {
  ruleId: string;
  line: number;
  column: number;
}

interface LineRange {
  ruleId: string | undefined;
  from: number;
  to: number;
}

/** The lines of a document on which rules are turned off. */
export class Directives {
  private readonly ranges: LineRange[] = [];
  private wholeFile = false;
  /** Every rule id the comments name, in document order. */
  readonly named: NamedRule[] = [];

  constructor(text: string) {
    // Cheap exit: most documents carry no directive at all.
    if (!text.includes('capsule-')) return;
    const open = new Map<string, number>();
    const lines = text.split(/\r\n|\r|\n/);
    let fence: string | undefined;
    lines.forEach((line, index) => {
      const lineNumber = index + 1;
      const fenceMatch = fencePattern.exec(line);
      if (fence !== undefined) {
        if (fenceMatch && fenceMatch[1]!.startsWith(fence) && fenceMatch[2]!.trim() === '') fence = undefined;
        return;
      }
      if (fenceMatch && !(fenceMatch[1]!.startsWith('`') && fenceMatch[2]!.includes('`'))) {
        fence = fenceMatch[1]!;
        return;
      }
      for (const match of line.matchAll(directivePattern)) {
        const kind = match[1];
        const ids = (match[2] ?? '').split(/\s+/).filter(Boolean);
        this.name(ids, match, lineNumber);
        if (kind === 'disable-next-line') {
          if (ids.length === 0) this.ranges.push({ ruleId: undefined, from: lineNumber + 1, to: lineNumber + 1 });
          for (const ruleId of ids) this.ranges.push({ ruleId, from: lineNumber + 1, to: lineNumber + 1 });
        } else if (kind === 'disable') {
          if (ids.length === 0) this.wholeFile = true;
          for (const ruleId of ids) if (!open.has(ruleId)) open.set(ruleId, lineNumber);
        } else {
          for (const ruleId of ids.length === 0 ? [...open.keys()] : ids) {
            const from = open.get(ruleId);
            if (from === undefined) continue;
            this.ranges.push({ ruleId, from, to: lineNumber });
            open.delete(ruleId);
          }
        }
      }
    });
    for (const [ruleId, from] of open) this.ranges.push({ ruleId, from, to: Number.POSITIVE_INFINITY });
  }

  private name(ids: string[], match: RegExpMatchArray, line: number): void {
    const idsStart = match.indices![2]![0];
    let searchFrom = 0;
    for (const ruleId of ids) {
      const offset = match[2]!.indexOf(ruleId, searchFrom);
      searchFrom = offset + ruleId.length;
      this.named.push({ ruleId, line, column: idsStart + offset + 1 });
    }
  }

  /** True when a directive turns the message's rule off where the message starts. */
  suppresses(message: VFileMessage): boolean {
    if (this.wholeFile) return true;
    const line = message.line ?? 1;
    return this.ranges.some(
      (range) => (range.ruleId === undefined || range.ruleId === message.ruleId) && line >= range.from && line <= range.to,
    );
  }
}
