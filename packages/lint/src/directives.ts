/**
 * Disable comments, read from a document's text:
 *
 * - `<!-- capsule-disable-next-line rule-id [rule-id...] -->`: the next line (every rule
 *   when no id is given);
 * - `<!-- capsule-disable rule-id [rule-id...] -->` to `<!-- capsule-enable rule-id -->`:
 *   a range of lines (an `enable` without ids ends every open range);
 * - `<!-- capsule-disable -->` without ids: the whole file, every rule.
 *
 * The comments are read from the parsed tree's HTML nodes, block or inline, with their places
 * from the nodes: a comment shown inside a code block or code span is text, not a directive.
 * Every rule id a comment names is kept with its place, so the host can report an id that
 * names no rule.
 *
 * Directives turn rule findings off, not what the parser found wrong with the file itself
 * (as ESLint's comments leave parse errors alone): the host only asks about rule findings.
 */
import type { Html, Nodes, Root } from 'mdast';
import { parseTree } from 'remark-capsules';
import type { VFileMessage } from 'vfile-message';
import { pointOf } from './support/places.js';

const directiveStart = /<!--\s*capsule-(?:disable|enable)/;
const directivePattern = /<!--\s*capsule-(disable-next-line|disable|enable)((?:\s+[a-z0-9-]+)*)\s*-->/dg;

/** The HTML nodes of a tree that may hold a directive, in document order. */
function htmlNodes(tree: Nodes): Html[] {
  const found: Html[] = [];
  // An explicit stack, children pushed last-first so they come out in order: no depth limit.
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'html') {
      if (node.value.includes('capsule-')) found.push(node);
    } else if ('children' in node) {
      for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
    }
  }
  return found;
}

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

  /**
   * The directives of `text`, read from `tree` (its parsed tree; parsed here when not given).
   * A text the loader could not parse (nested too deep) is not parsed again: no directives.
   */
  constructor(text: string, tree?: Root | 'unparsed') {
    // Cheap exit: most documents carry no directive at all.
    if (tree === 'unparsed' || !directiveStart.test(text)) return;
    const open = new Map<string, number>();
    for (const node of htmlNodes(tree ?? parseTree(text))) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) continue;
      // Matched in the source, so that every place is the file's own, inside block quotes too.
      const source = text.slice(start, end);
      for (const match of source.matchAll(directivePattern)) {
        const kind = match[1];
        const ids = (match[2] ?? '').split(/\s+/).filter(Boolean);
        const lineNumber = pointOf(text, start + match.index).line;
        this.name(ids, match, start, text);
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
    }
    for (const [ruleId, from] of open) this.ranges.push({ ruleId, from, to: Number.POSITIVE_INFINITY });
  }

  /** Keep each id of `match` (found in the node starting at `nodeStart`) with its place in `text`. */
  private name(ids: string[], match: RegExpMatchArray, nodeStart: number, text: string): void {
    const idsStart = nodeStart + match.indices![2]![0];
    let searchFrom = 0;
    for (const ruleId of ids) {
      const offset = match[2]!.indexOf(ruleId, searchFrom);
      searchFrom = offset + ruleId.length;
      const { line, column } = pointOf(text, idsStart + offset);
      this.named.push({ ruleId, line, column });
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
