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
 * names no rule; and each directive that names a rule remembers whether it turned a finding
 * off, so the host can report one that turns nothing off (as ESLint reports an unused
 * `eslint-disable`), which would otherwise hide the next real finding on its lines.
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
  /** The id's offset in the document's text. */
  offset: number;
}

/** A comment as the document holds it: its offsets and the rule ids it names. */
interface DirectiveComment {
  start: number;
  end: number;
  named: NamedRule[];
}

/** A directive naming a rule that turned no finding off, with what removing it takes. */
export interface UnusedDirective {
  named: NamedRule;
  kind: 'disable-next-line' | 'disable';
  /** Removing the id from its comment, or the comment (and its line, when alone on it); none for a range, whose `enable` would stay. */
  fix?: { start: number; end: number; text: string };
}

interface LineRange {
  ruleId: string | undefined;
  from: number;
  to: number;
  /** Where the directive names its rule, and its comment; none for one naming no rule. */
  named?: NamedRule;
  comment?: DirectiveComment;
  kind: 'disable-next-line' | 'disable';
  used: boolean;
}

/** The lines of a document on which rules are turned off. */
export class Directives {
  private readonly ranges: LineRange[] = [];
  private wholeFile = false;
  /** Every rule id the comments name, in document order. */
  readonly named: NamedRule[] = [];
  private readonly text: string;

  /**
   * The directives of `text`, read from `tree` (its parsed tree; parsed here when not given).
   * A text the loader could not parse (nested too deep) is not parsed again: no directives.
   */
  constructor(text: string, tree?: Root | 'unparsed') {
    this.text = text;
    // Cheap exit: most documents carry no directive at all.
    if (tree === 'unparsed' || !directiveStart.test(text)) return;
    const open = new Map<string, Omit<LineRange, 'to'>>();
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
        const comment: DirectiveComment = { start: start + match.index, end: start + match.index + match[0].length, named: this.name(ids, match, start, text) };
        if (kind === 'disable-next-line') {
          const next = { from: lineNumber + 1, to: lineNumber + 1, kind, used: false } as const;
          if (ids.length === 0) this.ranges.push({ ruleId: undefined, ...next });
          for (const named of comment.named) this.ranges.push({ ruleId: named.ruleId, named, comment, ...next });
        } else if (kind === 'disable') {
          if (ids.length === 0) this.wholeFile = true;
          for (const named of comment.named) {
            if (!open.has(named.ruleId)) open.set(named.ruleId, { ruleId: named.ruleId, from: lineNumber, named, comment, kind, used: false });
          }
        } else {
          for (const ruleId of ids.length === 0 ? [...open.keys()] : ids) {
            const range = open.get(ruleId);
            if (range === undefined) continue;
            this.ranges.push({ ...range, to: lineNumber });
            open.delete(ruleId);
          }
        }
      }
    }
    for (const range of open.values()) this.ranges.push({ ...range, to: Number.POSITIVE_INFINITY });
  }

  /** Each id of `match` (found in the node starting at `nodeStart`) with its place in `text`, kept in `named` too. */
  private name(ids: string[], match: RegExpMatchArray, nodeStart: number, text: string): NamedRule[] {
    const idsStart = nodeStart + match.indices![2]![0];
    const found: NamedRule[] = [];
    let searchFrom = 0;
    for (const ruleId of ids) {
      const offset = match[2]!.indexOf(ruleId, searchFrom);
      searchFrom = offset + ruleId.length;
      const { line, column } = pointOf(text, idsStart + offset);
      found.push({ ruleId, line, column, offset: idsStart + offset });
    }
    this.named.push(...found);
    return found;
  }

  /**
   * True when a directive turns the message's rule off where the message starts. Every
   * directive that covers it counts as used, so two that overlap are both kept.
   */
  suppresses(message: VFileMessage): boolean {
    if (this.wholeFile) return true;
    const line = message.line ?? 1;
    let suppressed = false;
    for (const range of this.ranges) {
      if ((range.ruleId === undefined || range.ruleId === message.ruleId) && line >= range.from && line <= range.to) {
        range.used = true;
        suppressed = true;
      }
    }
    return suppressed;
  }

  /**
   * The directives naming a rule for which `ran` holds that turned no finding off, in
   * document order. Ask after every finding has been through `suppresses`. A rule that did
   * not run (off in this configuration) may well have findings there under another, so its
   * directives are never called unused; neither are those naming no rule.
   */
  unused(ran: (ruleId: string) => boolean): UnusedDirective[] {
    const ranges = this.ranges.filter((range) => !range.used && range.named && range.comment && ran(range.named.ruleId));
    const unusedIn = new Map<DirectiveComment, number>();
    for (const range of ranges) unusedIn.set(range.comment!, (unusedIn.get(range.comment!) ?? 0) + 1);
    return ranges
      .map((range) => {
        const comment = range.comment!;
        // Taking every id out one by one would leave a comment naming none, which turns every rule off.
        const wholeComment = unusedIn.get(comment) === comment.named.length;
        const fix = range.kind === 'disable-next-line' ? this.removal(comment, wholeComment ? undefined : range.named) : undefined;
        return { named: range.named!, kind: range.kind, ...(fix ? { fix } : {}) };
      })
      .sort((a, b) => a.named.offset - b.named.offset);
  }

  /** The edit taking `named` out of `comment`, or (without it) the whole comment, and its line when nothing else is on it. */
  private removal(comment: DirectiveComment, named: NamedRule | undefined): { start: number; end: number; text: string } {
    if (named) {
      // The id and the blank before it (every id follows at least one).
      let start = named.offset;
      while (start > comment.start && /[ \t\r\n]/.test(this.text[start - 1]!)) start--;
      return { start, end: named.offset + named.ruleId.length, text: '' };
    }
    const lineStart = this.text.lastIndexOf('\n', comment.start - 1) + 1;
    const lineEnd = this.text.indexOf('\n', comment.end);
    const end = lineEnd === -1 ? this.text.length : lineEnd + 1;
    const aloneOnItsLine = /^[ \t]*$/.test(this.text.slice(lineStart, comment.start)) && /^[ \t]*\r?\n?$/.test(this.text.slice(comment.end, end));
    return aloneOnItsLine ? { start: lineStart, end, text: '' } : { start: comment.start, end: comment.end, text: '' };
  }
}
