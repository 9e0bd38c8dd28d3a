/**
 * The inline half of the quick parser (see quick-parse.ts): text, emphasis and strong, code
 * spans, inline links and images, references to labels the same text defines, URL autolinks,
 * HTML tags on one line, hard breaks, backslash escapes and character references,
 * built as mdast-util-from-markdown builds them from micromark. Whatever else could change the
 * tree (HTML comments and tags over lines, e-mail autolinks, a reference to a label defined elsewhere, other brackets, an escape
 * inside a link) makes `parseInline` give up, and the caller hands the block to micromark.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { classifyCharacter } from 'micromark-util-classify-character';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import type { Break, Emphasis, Html, Image, InlineCode, Link, LinkReference, PhrasingContent, Strong, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Point } from 'unist';

/** One line's part of an inline run: `text[start, end)`, its trailing spaces left out. */
export interface InlineLine {
  start: number;
  end: number;
  /** The line ends in two or more spaces and another line follows: a hard break. */
  hardBreak: boolean;
  /** Where the line's content ends before its line ending (after any trailing spaces). */
  lineEnd: number;
  /** Where this line starts (column 1): a text node that ends at the line's content start ends here. */
  lineStart: number;
  /**
   * A list item's line below its first, indented to the item's content: a text node of the line
   * ending above alone (`- [` then `` `code` `` on this line) ends, in micromark, after the
   * item's indentation rather than at the line's start, which is not modelled: the block is given up.
   */
  inItem?: true;
  /** Where the next line of the run starts (column 1), for a hard break's end. */
  nextLineStart: number;
}

/** Gives up on the current block. */
export class NotQuick extends Error {}

const giveUp = new NotQuick();

/** Places in `text`: offsets to points, through the line-start table of the block's source. */
export interface Places {
  point(offset: number): Point;
  /** The labels (normalized, lower case) that the text's own definitions define. */
  readonly defined: ReadonlySet<string>;
}

type Atom =
  | { kind: 'text'; from: number; to: number }
  | { kind: 'delimiter'; marker: number; from: number; count: number; open: boolean; close: boolean }
  | { kind: 'node'; node: PhrasingContent };

const backtick = 96;
const asterisk = 42;
const underscore = 95;
const backslash = 92;
const ampersand = 38;
const lessThan = 60;
const exclamationMark = 33;
const openingBracket = 91;
const closingBracket = 93;

/** The ASCII characters that may start something other than plain text. */
const meaningful = new Uint8Array(128);
for (const code of [backslash, ampersand, lessThan, closingBracket, exclamationMark, backtick, openingBracket, asterisk, underscore, 10, 13]) meaningful[code] = 1;

/**
 * The atoms of a scan as they are read: plain text between the places where something else
 * starts is added as one text atom when that something is.
 */
class AtomList {
  private readonly atoms: Atom[] = [];

  constructor(private textStart: number) {}

  /** Add what starts at `at` (a node, or an emphasis delimiter) after the text before it; the index after it. */
  add(at: number, read: { node: PhrasingContent; end: number } | { atom: Atom; end: number }): number {
    this.flush(at);
    this.atoms.push('atom' in read ? read.atom : { kind: 'node', node: read.node });
    this.textStart = read.end;
    return read.end;
  }

  finish(to: number): Atom[] {
    this.flush(to);
    return this.atoms;
  }

  private flush(at: number): void {
    if (at > this.textStart) this.atoms.push({ kind: 'text', from: this.textStart, to: at });
  }
}

/**
 * The mdast children of an inline run over the given lines of `text`. Offsets in the run's
 * own string (the lines' contents joined by their line endings) map back to `text` through
 * `lines`. Throws `NotQuick` for anything outside the subset.
 */
export function parseInline(text: string, lines: readonly InlineLine[], places: Places): PhrasingContent[] {
  const run = new InlineRun(text, lines, places);
  return run.parse();
}

class InlineRun {
  /** The run's string: each line's content, then the line ending to the next line. */
  private readonly value: string;
  /** For each line: where it starts in `value`, and in `text`. */
  private readonly starts: number[] = [];
  /**
   * Escapes and character references, by where they start in `value`: text nodes hold what
   * they stand for, their places stay those of the source.
   */
  private readonly replacements = new Map<number, { end: number; value: string }>();

  constructor(
    private readonly text: string,
    private readonly lines: readonly InlineLine[],
    private readonly places: Places,
  ) {
    let value = '';
    lines.forEach((line, index) => {
      this.starts.push(value.length);
      value += text.slice(line.start, line.end);
      if (index < lines.length - 1) value += line.hardBreak ? '\n' : lineEndingAfter(text, line.end);
    });
    this.value = value;
  }

  parse(): PhrasingContent[] {
    const atoms = this.scan(0, this.value.length, false);
    return this.build(atoms);
  }

  /**
   * The offset in `text` of the run's index `at`. A place in the run's line ending lies after
   * the line's trailing spaces; a place where something ends, just before them.
   */
  private offset(at: number, isEnd: boolean): number {
    const line = this.lineAt(at);
    const start = this.starts[line]!;
    const own = this.lines[line]!;
    const length = own.end - own.start;
    if (at - start > length || (at - start === length && !isEnd)) return own.lineEnd + (at - start - length);
    return own.start + (at - start);
  }

  /** Where something starting at the run's index `at` starts. */
  private point(at: number): Point {
    return this.places.point(this.offset(at, false));
  }

  /**
   * Where something ending at the run's index `at` ends. Text that runs up to a later line's
   * content ends at that line's start: the line's leading spaces are not part of it.
   */
  private endPoint(at: number): Point {
    const line = this.lineAt(at);
    if (line > 0 && this.starts[line] === at) return this.places.point(this.lines[line]!.lineStart);
    return this.places.point(this.offset(at, true));
  }

  /** Whether `value[from, to)` is a line ending alone, up to a list item's line below its first (see `InlineLine.inItem`). */
  private lineEndingAloneInItem(from: number, to: number): boolean {
    const line = this.lineAt(to);
    return line > 0 && this.starts[line] === to && this.lines[line]!.inItem === true && /^(?:\r\n|\r|\n)$/.test(this.value.slice(from, to));
  }

  /** Atoms of `value[from, to)`; inside a link's text, brackets are not allowed. */
  private scan(from: number, to: number, inLink: boolean): Atom[] {
    const value = this.value;
    const atoms = new AtomList(from);
    let index = from;
    while (index < to) {
      const code = value.charCodeAt(index);
      // Most characters are plain text: step over them here, without a call.
      if (code < 128 && !meaningful[code]) index++;
      else index = this.step(code, index, to, inLink, atoms);
    }
    return atoms.finish(to);
  }

  /** Read what starts with the character `code` at `index`; the index after it. */
  private step(code: number, index: number, to: number, inLink: boolean, atoms: AtomList): number {
    const value = this.value;
    switch (code) {
      case backslash:
        return this.escape(index);
      case ampersand: {
        const reference = characterReferenceAt(value, index, to);
        if (!reference) return index + 1;
        this.replacements.set(index, reference);
        return reference.end;
      }
      case lessThan:
        return atoms.add(index, this.angleBracket(index, to));
      case closingBracket: // outside a link
        throw giveUp;
      case exclamationMark:
        // An exclamation mark before a bracket opens an image.
        if (value.charCodeAt(index + 1) !== openingBracket) return index + 1;
        if (inLink) throw giveUp;
        return atoms.add(index, this.image(index, to));
      case backtick:
        return atoms.add(index, this.codeSpanAt(index, to));
      case openingBracket: {
        if (inLink) throw giveUp;
        const close = this.closingBracket(index, to);
        return atoms.add(index, value.charCodeAt(close + 1) === 40 ? this.link(index, to) : this.reference(index, close, to));
      }
      case asterisk:
      case underscore: {
        let end = index;
        while (value.charCodeAt(end) === code) end++;
        return atoms.add(index, { atom: this.delimiter(index, end, code), end });
      }
      case 10:
      case 13: {
        const line = this.lineAt(index);
        return this.lines[line]!.hardBreak ? atoms.add(index, { node: this.hardBreak(line), end: index + 1 }) : index + 1;
      }
      default:
        // Any other character is text; beside an emphasis marker, `classify` gives its class.
        return index + 1;
    }
  }

  /** A backslash: before ASCII punctuation an escape, the character being text and nothing else. */
  private escape(index: number): number {
    const next = this.value.charCodeAt(index + 1);
    // At the end of a line, a hard break: left to micromark.
    if (next === 10 || next === 13) throw giveUp;
    if (!isAsciiPunctuation(next)) return index + 1;
    this.replacements.set(index, { end: index + 2, value: this.value[index + 1]! });
    return index + 2;
  }

  /**
   * A URL autolink, else an HTML tag on one line (`<kbd>`, `</kbd>`, `<abbr title="…">`),
   * tried in micromark's order; anything else after a less-than sign (a comment, a tag over
   * lines, an e-mail address, a lone `<`) is micromark's.
   */
  private angleBracket(index: number, to: number): { node: Link | Html; end: number } {
    const ahead = this.value.slice(index, Math.min(to, index + 4096));
    const autolink = urlAutolink.exec(ahead);
    if (autolink) return this.autolink(index, autolink);
    const tag = htmlTag.exec(ahead);
    if (!tag) throw giveUp;
    const end = index + tag[0].length;
    return { node: { type: 'html', value: tag[0], position: { start: this.point(index), end: this.endPoint(end) } }, end };
  }

  private autolink(index: number, autolink: RegExpExecArray): { node: Link; end: number } {
    const end = index + autolink[0].length;
    const text: Text = { type: 'text', value: autolink[1]!, position: { start: this.point(index + 1), end: this.endPoint(end - 1) } };
    return { node: { type: 'link', title: null, url: autolink[1]!, children: [text], position: { start: this.point(index), end: this.endPoint(end) } }, end };
  }

  /** A code span opened by the backtick run at `index`; an unclosed run is micromark's. */
  private codeSpanAt(index: number, to: number): { node: InlineCode; end: number } {
    let end = index;
    while (this.value.charCodeAt(end) === backtick) end++;
    const size = end - index;
    const close = closingRun(this.value, end, to, size);
    if (close === -1) throw giveUp;
    return { node: this.codeSpan(index, end, close, close + size), end: close + size };
  }

  /** The run's line that `at` falls on. */
  private lineAt(at: number): number {
    return lineOf(this.starts, at);
  }

  private hardBreak(line: number): Break {
    const own = this.lines[line]!;
    return { type: 'break', position: { start: this.places.point(own.end), end: this.places.point(own.nextLineStart) } };
  }

  private codeSpan(open: number, contentStart: number, contentEnd: number, end: number): InlineCode {
    let content = this.value.slice(contentStart, contentEnd);
    if (/[\r\n]/.test(content)) throw giveUp;
    if (content.length > 2 && content.startsWith(' ') && content.endsWith(' ') && /[^ ]/.test(content)) content = content.slice(1, -1);
    return { type: 'inlineCode', value: content, position: { start: this.point(open), end: this.endPoint(end) } };
  }

  /** The closing bracket of the text opened at `open`: the first outside a code span. */
  private closingBracket(open: number, to: number): number {
    const value = this.value;
    let close = open + 1;
    while (close < to && value.charCodeAt(close) !== 93) {
      // An escaped bracket, or one inside an autolink, does not end the text: leave both to micromark.
      if (value.charCodeAt(close) === 92 || value.charCodeAt(close) === 60) throw giveUp;
      if (value.charCodeAt(close) === backtick) {
        let end = close;
        while (value.charCodeAt(end) === backtick) end++;
        const found = closingRun(value, end, to, end - close);
        if (found === -1) throw giveUp;
        close = found + (end - close);
      } else close++;
    }
    if (close >= to) throw giveUp;
    return close;
  }

  /**
   * A reference at the bracket `open` whose text closes at `close`: `[text][label]`,
   * `[label][]` or `[label]`. Only a label this text defines is sure to be defined; any other
   * is micromark's (brackets that are text, or a label another part of the document defines).
   */
  private reference(open: number, close: number, to: number): { node: LinkReference; end: number } {
    const value = this.value;
    let end = close + 1;
    let label = value.slice(open + 1, close);
    let referenceType: LinkReference['referenceType'] = 'shortcut';
    if (value.charCodeAt(close + 1) === 91) {
      const labelEnd = value.indexOf(']', close + 2);
      if (labelEnd === -1 || labelEnd >= to) throw giveUp;
      const second = value.slice(close + 2, labelEnd);
      if (/[[\\<`&]/.test(second)) throw giveUp;
      end = labelEnd + 1;
      if (second === '') referenceType = 'collapsed';
      else {
        referenceType = 'full';
        label = second;
      }
    }
    if (label.length > 999 || /[&\r\n]/.test(label) || !/[^ \t]/.test(label)) throw giveUp;
    const identifier = normalizeIdentifier(label).toLowerCase();
    if (!this.places.defined.has(identifier)) throw giveUp;
    const children = this.build(this.scan(open + 1, close, true), true);
    const node: LinkReference = { type: 'linkReference', children, position: { start: this.point(open), end: this.endPoint(end) }, label, identifier, referenceType };
    return { node, end };
  }

  /** A plain inline link at the bracket `open`: `[text](destination)` or with a quoted title. */
  private link(open: number, to: number): { node: Link; end: number } {
    const value = this.value;
    const close = this.closingBracket(open, to);
    if (value.charCodeAt(close + 1) !== 40) throw giveUp;
    // A control character ends a destination in micromark, which then reads no link: give up.
    const resource = /^\(([^\s\x00-\x1f\x7f()<>\\`'"&]+)(?: "([^"\\&\r\n`]*)")?\)/.exec(value.slice(close + 1, Math.min(to, close + 2048)));
    if (!resource) throw giveUp;
    const end = close + 1 + resource[0].length;
    const children = this.build(this.scan(open + 1, close, true), true);
    const node: Link = {
      type: 'link',
      title: resource[2] ?? null,
      url: resource[1]!,
      children,
      position: { start: this.point(open), end: this.endPoint(end) },
    };
    return { node, end };
  }

  /** A plain inline image at the exclamation mark `open`: a link's shape, its text read as `alt`. */
  private image(open: number, to: number): { node: Image; end: number } {
    const { node: link, end } = this.link(open + 1, to);
    const node: Image = {
      type: 'image',
      title: link.title,
      url: link.url,
      alt: toString(link.children),
      position: { start: this.point(open), end: link.position!.end },
    };
    return { node, end };
  }

  private delimiter(from: number, end: number, marker: number): Atom {
    const before = classify(this.value.charCodeAt(from - 1));
    const after = classify(this.value.charCodeAt(end));
    // The rules micromark applies (CommonMark's left- and right-flanking runs).
    const open = after === other || (after === punctuation && before !== other);
    const close = before === other || (before === punctuation && after !== other);
    return {
      kind: 'delimiter',
      marker,
      from,
      count: end - from,
      open: marker === asterisk ? open : open && (before !== other || !close),
      close: marker === asterisk ? close : close && (after !== other || !open),
    };
  }

  /** Resolve emphasis among `atoms` and turn them into mdast nodes. */
  private build(atoms: Atom[], inLink = false): PhrasingContent[] {
    resolveEmphasis(atoms, (opener, closer, use, inner) => this.emphasis(opener, closer, use, inner));
    // A marker left unmatched inside a link's text could still pair with one outside it in micromark.
    if (inLink && atoms.some((atom) => atom.kind === 'delimiter' && atom.count > 0)) throw giveUp;
    const nodes: PhrasingContent[] = [];
    let textFrom = -1;
    let textTo = -1;
    const flush = () => {
      if (textFrom === -1) return;
      if (this.lineEndingAloneInItem(textFrom, textTo)) throw giveUp;
      const text: Text = { type: 'text', value: this.textOf(textFrom, textTo), position: { start: this.point(textFrom), end: this.endPoint(textTo) } };
      nodes.push(text);
      textFrom = -1;
    };
    for (const atom of atoms) {
      if (atom.kind === 'node') {
        flush();
        nodes.push(atom.node);
        continue;
      }
      const from = atom.from;
      const to = atom.kind === 'text' ? atom.to : atom.from + atom.count;
      if (from === to) continue;
      if (textFrom === -1) textFrom = from;
      else if (textTo !== from) {
        flush();
        textFrom = from;
      }
      textTo = to;
    }
    flush();
    return nodes;
  }

  /** What `value[from, to)` reads as, escapes and character references replaced. */
  private textOf(from: number, to: number): string {
    if (this.replacements.size === 0) return this.value.slice(from, to);
    let result = '';
    let copied = from;
    for (let index = from; index < to; index++) {
      const replacement = this.replacements.get(index);
      if (!replacement) continue;
      result += this.value.slice(copied, index) + replacement.value;
      copied = replacement.end;
      index = replacement.end - 1;
    }
    return result + this.value.slice(copied, to);
  }

  private emphasis(opener: Atom & { kind: 'delimiter' }, closer: Atom & { kind: 'delimiter' }, use: number, inner: Atom[]): Atom {
    const start = this.point(opener.from + opener.count);
    const end = this.endPoint(closer.from + use);
    const children = this.build(inner);
    const node: Emphasis | Strong = { type: use === 2 ? 'strong' : 'emphasis', children, position: { start, end } };
    return { kind: 'node', node };
  }
}

/**
 * Pair emphasis markers as micromark does: each closer, left to right, takes the nearest
 * opener of its marker before it that the rule of three allows. Markers left between a pair
 * would be matched across it by micromark's flat search; rather than follow that, give up.
 */
function resolveEmphasis(
  atoms: Atom[],
  make: (opener: Atom & { kind: 'delimiter' }, closer: Atom & { kind: 'delimiter' }, use: number, inner: Atom[]) => Atom,
): void {
  for (let index = 0; index < atoms.length; index++) {
    const closer = atoms[index]!;
    if (closer.kind !== 'delimiter' || !closer.close || closer.count === 0) continue;
    let found = -1;
    for (let back = index - 1; back >= 0; back--) {
      const opener = atoms[back]!;
      if (opener.kind !== 'delimiter' || !opener.open || opener.count === 0 || opener.marker !== closer.marker) continue;
      if ((opener.close || closer.open) && closer.count % 3 !== 0 && (opener.count + closer.count) % 3 === 0) continue;
      found = back;
      break;
    }
    if (found === -1) continue;
    const opener = atoms[found] as Atom & { kind: 'delimiter' };
    const inner = atoms.slice(found + 1, index);
    if (inner.some((atom) => atom.kind === 'delimiter' && atom.count > 0)) throw giveUp;
    const use = opener.count > 1 && closer.count > 1 ? 2 : 1;
    opener.count -= use;
    const node = make(opener, closer, use, inner);
    closer.from += use;
    closer.count -= use;
    atoms.splice(found + 1, index - found - 1, node);
    // Look at the same closer again: it may close another opener with what it has left.
    index = found + 1;
  }
}

const other = 0;
const whitespace = 1;
const punctuation = 2;

/**
 * micromark's classes for the character beside a marker run (NaN is the run's edge). Beyond
 * ASCII, micromark's own function decides, one UTF-16 unit at a time as micromark reads them:
 * Unicode whitespace (U+00A0, U+3000) and punctuation or symbols (`，`, `：`, `（`, `→`) as
 * ASCII's, and a surrogate, half of an emoji, as a letter.
 */
function classify(code: number): number {
  // Vertical tab and form feed are whitespace to micromark (\s), other control characters are not.
  if (Number.isNaN(code) || code === 32 || (code >= 9 && code <= 13)) return whitespace;
  if (code < 128) return isAsciiPunctuation(code) ? punctuation : other;
  return classifyCharacter(code) ?? other;
}

function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

/** `<scheme:anything>`: a scheme of 2 to 32 characters, then no space, control character or angle bracket. */
const urlAutolink = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20<>\x7f]*)>/;
/**
 * An opening or closing HTML tag as CommonMark defines one, kept to a line: a tag name,
 * attributes each after spaces or tabs, with an unquoted, single- or double-quoted value.
 */
const htmlTag =
  /^<(?:[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^ \t\r\n"'=<>`]+|'[^'\r\n]*'|"[^"\r\n]*"))?)*[ \t]*\/?|\/[A-Za-z][A-Za-z0-9-]*[ \t]*)>/;

const namedReference = /^&([A-Za-z0-9]{1,31});/;
const decimalReference = /^&#([0-9]{1,7});/;
const hexadecimalReference = /^&#[xX]([0-9A-Fa-f]{1,6});/;

/**
 * The character reference at `at` (`&amp;`, `&#35;`, `&#x23;`) and what it stands for, as
 * micromark reads them: a name must be one HTML knows; otherwise the ampersand is text.
 */
function characterReferenceAt(value: string, at: number, to: number): { end: number; value: string } | undefined {
  const head = value.slice(at, Math.min(to, at + 34));
  const named = namedReference.exec(head);
  if (named) {
    const decoded = decodeNamedCharacterReference(named[1]!);
    return decoded === false ? undefined : { end: at + named[0].length, value: decoded };
  }
  const decimal = decimalReference.exec(head);
  if (decimal) return { end: at + decimal[0].length, value: decodeNumericCharacterReference(decimal[1]!, 10) };
  const hexadecimal = hexadecimalReference.exec(head);
  if (hexadecimal) return { end: at + hexadecimal[0].length, value: decodeNumericCharacterReference(hexadecimal[1]!, 16) };
  return undefined;
}

/** The start of the next run of exactly `size` backticks in `value[from, to)`, or -1. */
function closingRun(value: string, from: number, to: number, size: number): number {
  let index = from;
  while (index < to) {
    if (value.charCodeAt(index) !== backtick) {
      index++;
      continue;
    }
    let end = index;
    while (end < to && value.charCodeAt(end) === backtick) end++;
    if (end - index === size) return index;
    index = end;
  }
  return -1;
}

function lineEndingAfter(text: string, offset: number): string {
  let index = offset;
  while (text.charCodeAt(index) === 32) index++;
  if (text.charCodeAt(index) === 13) return text.charCodeAt(index + 1) === 10 ? '\r\n' : '\r';
  return '\n';
}

/**
 * The index of the last of `starts` (ascending, the first 0) at or before `offset`: the line
 * an offset falls on. A binary search, as a paragraph or a document may have many lines.
 */
export function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
