/**
 * Flat frontmatter read without the YAML parser. Nearly all frontmatter is a column of keys,
 * each with one value on its line (plain text, a quoted string, a small integer, a boolean or
 * a list in brackets) or a list of such items under it. That shape is read here in one pass
 * over the lines; anything else (comments, blocks, nesting, escapes, anchors, tags, other
 * numbers, a repeated key) is declined, and the caller hands it to the `yaml` package, which
 * the tests hold this reader to.
 */

/** A value this reader gives: what the YAML core schema resolves the same text to. */
export type FlatScalar = string | number | boolean;

export interface FlatPair {
  key: string;
  value: FlatScalar | FlatScalar[];
  /** Offsets in the YAML text, end exclusive. */
  keyRange: [number, number];
  /** From the value's first character to its last: quotes and brackets included. */
  valueRange: [number, number];
  /** Each item's range when the value is a list, in order. */
  itemRanges: [number, number][];
}

/**
 * Characters this reader leaves to the YAML parser wherever they are: tabs, line breaks other
 * than LF, controls, and the characters YAML or JavaScript treat as breaks or marks.
 */
const declinedCharacter = /[\0-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

/** `key:` then the value after spaces, or nothing; the key as people write one. */
const keyLine = /^([A-Za-z_][\w-]*):(?: +(\S.*))?$/;
/** `  - item` under a key. */
const itemLine = /^( *)- +(\S.*)$/;

const booleans: Record<string, boolean> = { true: true, True: true, TRUE: true, false: false, False: false, FALSE: false };
/** Keys the core schema resolves to something other than a string, and keys never taken. */
const declinedKeys = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', '__proto__', 'constructor', 'prototype']);
/** YAML reads an implicit key of more than 1,024 characters as an error. */
const longestKey = 1000;

/** The pairs of `yaml` when it is flat, or undefined when the YAML parser must read it. */
export function readFlatYaml(yaml: string): FlatPair[] | undefined {
  if (declinedCharacter.test(yaml)) return undefined;
  const pairs: FlatPair[] = [];
  const keys = new Set<string>();
  let open: FlatPair | undefined;
  let itemIndent = -1;
  for (let lineStart = 0; lineStart < yaml.length; ) {
    const lineEnd = yaml.indexOf('\n', lineStart) === -1 ? yaml.length : yaml.indexOf('\n', lineStart);
    const line = yaml.slice(lineStart, lineEnd);
    const next = lineEnd + 1;
    if (open) {
      const item = itemLine.exec(line);
      if (item) {
        const indent = item[1]!.length;
        if (itemIndent !== -1 && indent !== itemIndent) return undefined;
        itemIndent = indent;
        const start = lineStart + line.length - item[2]!.length;
        const value = blockScalar(item[2]!);
        if (value === undefined) return undefined;
        (open.value as FlatScalar[]).push(value);
        open.itemRanges.push([start, lineEnd]);
        if (open.valueRange[0] === -1) open.valueRange[0] = lineStart + indent;
        open.valueRange[1] = lineEnd;
        lineStart = next;
        continue;
      }
      // A key with nothing after it and no items is null: the parser's.
      if (open.itemRanges.length === 0) return undefined;
      open = undefined;
    }
    if (line === '') {
      lineStart = next;
      continue;
    }
    const pair = keyLine.exec(line);
    if (!pair) return undefined;
    const key = pair[1]!;
    if (key.length > longestKey || declinedKeys.has(key) || keys.has(key)) return undefined;
    keys.add(key);
    const keyRange: [number, number] = [lineStart, lineStart + key.length];
    const written = pair[2];
    if (written === undefined) {
      open = { key, value: [], keyRange, valueRange: [-1, -1], itemRanges: [] };
      itemIndent = -1;
      pairs.push(open);
    } else {
      const start = lineEnd - written.length;
      const read = written.startsWith('[') ? flowList(written, start) : blockScalar(written);
      if (read === undefined) return undefined;
      pairs.push(
        typeof read === 'object'
          ? { key, value: read.items, keyRange, valueRange: [start, lineEnd], itemRanges: read.ranges }
          : { key, value: read, keyRange, valueRange: [start, lineEnd], itemRanges: [] },
      );
    }
    lineStart = next;
  }
  if (open && open.itemRanges.length === 0) return undefined;
  return pairs.length > 0 ? pairs : undefined;
}

/** A value on its own line, or undefined when it is not one of the simple forms. */
function blockScalar(text: string): FlatScalar | undefined {
  if (/\s$/.test(text)) return undefined;
  return quoted(text) ?? plain(text, /: |:$| #/);
}

/** `"text"` without escapes or `'text'` without doubled quotes: the text inside. */
function quoted(text: string): string | undefined {
  const opener = text[0];
  if (opener !== '"' && opener !== "'") return undefined;
  const close = text.indexOf(opener, 1);
  if (close !== text.length - 1) return undefined;
  const inner = text.slice(1, -1);
  return opener === '"' && inner.includes('\\') ? undefined : inner;
}

/**
 * Plain text starting with a letter, which the core schema leaves a string unless it is a
 * boolean; or a small integer. `declined` is what may not appear inside it.
 */
function plain(text: string, declined: RegExp): FlatScalar | undefined {
  if (/^(?:0|[1-9]\d{0,14})$/.test(text)) return Number(text);
  if (!/^\p{L}/u.test(text) || declined.test(text)) return undefined;
  if (text in booleans) return booleans[text];
  return /^(?:null|Null|NULL)$/.test(text) ? undefined : text;
}

/** `[a, "b", 'c']` starting at `offset`: its items and their ranges, or undefined. */
function flowList(text: string, offset: number): { items: FlatScalar[]; ranges: [number, number][] } | undefined {
  if (!text.endsWith(']')) return undefined;
  const items: FlatScalar[] = [];
  const ranges: [number, number][] = [];
  let at = 1;
  const skipSpaces = () => {
    while (text[at] === ' ') at++;
  };
  skipSpaces();
  if (at === text.length - 1) return { items, ranges };
  for (;;) {
    const start = at;
    let item: FlatScalar | undefined;
    if (text[at] === '"' || text[at] === "'") {
      const close = text.indexOf(text[at]!, at + 1);
      if (close === -1) return undefined;
      item = quoted(text.slice(at, close + 1));
      at = close + 1;
    } else {
      while (at < text.length - 1 && text[at] !== ',') at++;
      const end = text.slice(start, at).trimEnd().length + start;
      item = plain(text.slice(start, end), /[[\]{}:#"]/);
      at = end;
    }
    if (item === undefined) return undefined;
    items.push(item);
    ranges.push([offset + start, offset + at]);
    skipSpaces();
    if (at === text.length - 1) return { items, ranges };
    if (text[at] !== ',') return undefined;
    at++;
    skipSpaces();
    // A comma before the bracket, or nothing between two commas: the parser's.
    if (at === text.length - 1 || text[at] === ',') return undefined;
  }
}
