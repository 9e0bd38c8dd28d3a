/**
 * TOML frontmatter, between `+++` fences as Hugo and Zola pages write it, read into the same
 * model as YAML's: the data on null-prototype objects, each top-level key (a table's name
 * included) with the places of its key, its value and an array's items, and a TOML error told
 * at its place. The values come from `smol-toml`; the places from a scan of the text here,
 * which only runs once the parser has taken the text as valid TOML.
 */
import { parse, TomlDate, TomlError } from 'smol-toml';
import type { Frontmatter, FrontmatterField } from './model.js';
import type { Report } from './report.js';
import type { SourceText } from './source-text.js';
import type { Toml } from './toml-node.js';
import { contentOf, maxFrontmatterDepth, maxFrontmatterLength, type FrontmatterContent } from './frontmatter.js';

/** Keys that would be dangerous if the data ever reached a plain object. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** Read the TOML frontmatter node of a document. */
export function readTomlFrontmatter(node: Toml, source: SourceText, report: Report): Frontmatter {
  const content = contentOf(node, source);
  const frontmatter: Frontmatter = { language: 'toml', raw: content.raw, data: undefined, fields: [], position: source.spanOf(node) };
  if (content.raw.trim() === '') return frontmatter;
  if (content.raw.length > maxFrontmatterLength) {
    report(
      `Frontmatter is ${Math.ceil(content.raw.length / 1024)} KiB, over the ${maxFrontmatterLength / 1024} KiB read; it was not parsed. Keep it to the fields a document needs`,
      source.span(content.nodeStart, content.contentStart),
      'frontmatter-too-large',
    );
    return frontmatter;
  }
  let parsed: Record<string, unknown>;
  try {
    parsed = parse(content.raw, { maxDepth: maxFrontmatterDepth, unsafeKeyBehaviour: 'keep' });
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    reportTomlError(error, content, report);
    return frontmatter;
  }
  const data = dataOf(parsed, 0);
  if (data === tooDeep) {
    report(`Frontmatter nests deeper than ${maxFrontmatterDepth} levels; it was not parsed`, source.span(content.nodeStart, content.contentStart), 'yaml-depth');
    return frontmatter;
  }
  for (const key of Object.keys(parsed)) {
    if (forbiddenKeys.has(key)) report(`Frontmatter key \`${key}\` is not allowed`, keySpan(content, key), 'yaml-key');
  }
  frontmatter.data = data as Record<string, unknown>;
  frontmatter.fields = fieldsOf(content, frontmatter.data);
  return frontmatter;
}

/** A TOML error at its place: the parser's line and column, counted in the frontmatter's lines. */
function reportTomlError(error: TomlError, content: FrontmatterContent, report: Report): void {
  const reason = (error.message.split('\n')[0] ?? '').replace(/^Invalid TOML document:\s*/, '');
  // smol-toml counts lines at LF, a CR before it belonging to the line's end.
  let offset = 0;
  for (let line = 1; line < error.line; line++) {
    const next = content.raw.indexOf('\n', offset);
    if (next === -1) break;
    offset = next + 1;
  }
  let start = Math.min(offset + error.column - 1, content.raw.length);
  let said = reason;
  // A quote left open: the parser stops at the line's end; told from the opening quote.
  if (/control characters/.test(reason) && /^(?:\r?\n|$)/.test(content.raw.slice(start))) {
    const opening = content.raw.slice(offset, start).search(/=[ \t]*["']/);
    if (opening !== -1) {
      said = 'a quoted value is not closed on its line; close the quote, or write text over several lines between triple quotes';
      start = offset + content.raw.slice(offset + opening).search(/["']/) + opening;
    }
  }
  const lineEnd = content.raw.slice(start).search(/\r?\n|$/);
  const end = Math.max(start + 1, start + lineEnd);
  report(`Frontmatter is not valid TOML: ${said}`, content.span([start, Math.min(end, content.raw.length)]), 'toml-syntax');
}

const tooDeep = Symbol('too deep');

/** The parser's values copied onto null-prototype objects, dates and times as ISO 8601 text. */
function dataOf(value: unknown, depth: number): unknown {
  if (depth > maxFrontmatterDepth) return tooDeep;
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) {
    const items = value.map((item) => dataOf(item, depth + 1));
    return items.includes(tooDeep) ? tooDeep : items;
  }
  if (value !== null && typeof value === 'object') {
    const object: Record<string, unknown> = Object.create(null);
    for (const [key, item] of Object.entries(value)) {
      if (forbiddenKeys.has(key)) continue;
      const copied = dataOf(item, depth + 1);
      if (copied === tooDeep) return tooDeep;
      object[key] = copied;
    }
    return object;
  }
  return value;
}

interface ScannedField {
  key: string;
  keyRange: [number, number];
  valueRange: [number, number];
  itemRanges: [number, number][];
}

function fieldsOf(content: FrontmatterContent, data: Record<string, unknown>): FrontmatterField[] {
  return scanTopLevel(content.raw)
    .filter((field) => field.key in data)
    .map((field) => ({
      key: field.key,
      value: data[field.key],
      keyPosition: content.span(field.keyRange),
      valuePosition: content.span(field.valueRange),
      itemPositions: field.itemRanges.map((range) => content.span(range)),
    }));
}

function keySpan(content: FrontmatterContent, key: string) {
  const found = scanTopLevel(content.raw).find((field) => field.key === key);
  return content.span(found?.keyRange ?? [0, 0]);
}

const bareKey = /[A-Za-z0-9_-]+/y;

/**
 * The top-level keys of valid TOML, in order, each once: the keys before the first table
 * header (the first part of a dotted key), then each table header's first part. A key's value
 * runs to its end, over lines when an array, an inline table or a multi-line string goes on.
 */
export function scanTopLevel(toml: string): ScannedField[] {
  const fields: ScannedField[] = [];
  const seen = new Set<string>();
  let inTable = false;
  let index = 0;
  const skipSpaces = () => {
    while (toml[index] === ' ' || toml[index] === '\t') index++;
  };
  const skipLine = () => {
    const next = toml.indexOf('\n', index);
    index = next === -1 ? toml.length : next + 1;
  };
  /** One part of a key at `index`: bare or quoted, its text and range. */
  const keyPart = (): { text: string; range: [number, number] } | undefined => {
    const start = index;
    const quote = toml[index];
    if (quote === '"' || quote === "'") {
      const end = stringEnd(toml, index);
      index = end;
      const text = quote === "'" ? toml.slice(start + 1, end - 1) : basicString(toml.slice(start, end));
      return { text, range: [start, end] };
    }
    bareKey.lastIndex = index;
    const match = bareKey.exec(toml);
    if (!match) return undefined;
    index += match[0].length;
    return { text: match[0], range: [start, index] };
  };
  const add = (field: ScannedField) => {
    if (seen.has(field.key)) return;
    seen.add(field.key);
    fields.push(field);
  };
  while (index < toml.length) {
    skipSpaces();
    const character = toml[index];
    if (character === '\n' || character === '\r' || character === '#') {
      skipLine();
      continue;
    }
    if (character === '[') {
      const headerStart = index;
      index += toml[index + 1] === '[' ? 2 : 1;
      skipSpaces();
      const part = keyPart();
      const lineEnd = toml.indexOf('\n', index);
      const close = toml.lastIndexOf(']', lineEnd === -1 ? toml.length : lineEnd);
      if (part) add({ key: part.text, keyRange: part.range, valueRange: [headerStart, close + 1], itemRanges: [] });
      inTable = true;
      skipLine();
      continue;
    }
    const part = keyPart();
    if (!part) return fields;
    // The rest of a dotted key.
    for (;;) {
      skipSpaces();
      if (toml[index] !== '.') break;
      index++;
      skipSpaces();
      if (!keyPart()) return fields;
    }
    if (toml[index] !== '=') return fields;
    index++;
    skipSpaces();
    const value = scanValue(toml, index);
    if (!inTable) add({ key: part.text, keyRange: part.range, valueRange: [index, value.end], itemRanges: value.items });
    index = value.next;
  }
  return fields;
}

/** A quoted key's text: its escapes read as TOML reads them (`\\uXXXX`, `\\UXXXXXXXX` and the short ones). */
function basicString(quoted: string): string {
  const short: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\' };
  return quoted.slice(1, -1).replace(/\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|x([0-9A-Fa-f]{2})|(.))/g, (whole, u4?: string, u8?: string, x2?: string, one?: string) => {
    const code = u4 ?? u8 ?? x2;
    if (code !== undefined) return String.fromCodePoint(Number.parseInt(code, 16));
    return short[one!] ?? whole;
  });
}

/** The end of the string opening at `start` (after its closing quote), single-line or multi-line. */
function stringEnd(toml: string, start: number): number {
  const quote = toml[start]!;
  const triple = toml.startsWith(quote.repeat(3), start);
  const opening = triple ? 3 : 1;
  let index = start + opening;
  while (index < toml.length) {
    if (quote === '"' && toml[index] === '\\') {
      index += 2;
      continue;
    }
    if (triple ? toml.startsWith(quote.repeat(3), index) : toml[index] === quote) {
      let end = index + opening;
      // A multi-line string may end in up to two more quotes of its own.
      while (triple && toml[end] === quote && end < index + 5) end++;
      return end;
    }
    index++;
  }
  return toml.length;
}

/**
 * A value from `start`: where it ends (its last character, comments and spaces left out),
 * where the next line starts, and, for an array, its items' ranges.
 */
function scanValue(toml: string, start: number): { end: number; next: number; items: [number, number][] } {
  const items: [number, number][] = [];
  let depth = 0;
  let end = start;
  let itemStart: number | undefined;
  let itemEnd = start;
  const array = toml[start] === '[';
  let index = start;
  while (index < toml.length) {
    const character = toml[index]!;
    if (character === '"' || character === "'") {
      if (array && depth === 1 && itemStart === undefined) itemStart = index;
      index = stringEnd(toml, index);
      end = itemEnd = index;
      continue;
    }
    if (character === '#') {
      const next = toml.indexOf('\n', index);
      index = next === -1 ? toml.length : next;
      continue;
    }
    if (character === '\n') {
      if (depth === 0) return { end, next: index + 1, items };
      index++;
      continue;
    }
    if (character === ' ' || character === '\t' || character === '\r') {
      index++;
      continue;
    }
    if (character === '[' || character === '{') {
      if (array && depth === 1 && itemStart === undefined) itemStart = index;
      depth++;
    } else if (character === ']' || character === '}') {
      depth--;
      if (array && depth === 0 && itemStart !== undefined) {
        items.push([itemStart, itemEnd]);
        itemStart = undefined;
      }
    } else if (character === ',' && array && depth === 1) {
      if (itemStart !== undefined) items.push([itemStart, itemEnd]);
      itemStart = undefined;
    } else if (array && depth === 1 && itemStart === undefined) itemStart = index;
    index++;
    end = index;
    if (depth >= 1 && character !== ',') itemEnd = index;
  }
  return { end, next: toml.length, items };
}
