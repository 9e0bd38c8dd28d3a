/**
 * Frontmatter: YAML parsed with the `yaml` package, keeping every key's place in file
 * coordinates. Data is rebuilt from the YAML syntax tree on null-prototype objects, so no
 * key (`__proto__` included) can reach a prototype, and aliases are refused outright:
 * frontmatter never needs them and they are the vector of alias bombs.
 */
import type { Yaml } from 'mdast';
import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import type { Frontmatter, FrontmatterField, Span } from './model.js';
import type { Report } from './report.js';
import type { Source } from './source.js';

/** Keys that would be dangerous if the data ever reached a plain object. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** Read the frontmatter node of a document. */
export function readFrontmatter(node: Yaml, source: Source, report: Report): Frontmatter {
  const nodeStart = source.startOf(node);
  const nodeEnd = source.endOf(node);
  // The content runs from after the opening fence's line to the start of the closing fence's
  // line; either fence may carry trailing whitespace, and lines may end in LF, CRLF or CR.
  const breaks = [...source.slice(nodeStart, nodeEnd).matchAll(/\r\n|\r|\n/g)];
  const lineEnd = (match: RegExpMatchArray | undefined) =>
    match ? nodeStart + (match.index ?? 0) + match[0].length : nodeEnd;
  const contentStart = lineEnd(breaks[0]);
  const contentEnd = Math.max(contentStart, lineEnd(breaks.at(-1)));
  const raw = source.slice(contentStart, contentEnd);
  // yaml's ranges of block values run through the line break after them; a place ends at the
  // value's last character instead, not at the start of the next line.
  const span = (range: readonly number[] | null | undefined): Span => {
    if (!range) return source.spanOf(node);
    const start = range[0] ?? 0;
    let end = range[1] ?? start;
    while (end > start && /\s/.test(raw[end - 1] ?? '')) end--;
    return source.span(contentStart + start, contentStart + end);
  };

  const frontmatter: Frontmatter = { raw, data: undefined, fields: [], position: source.spanOf(node) };
  if (raw.trim() === '') return frontmatter;

  // YAML does not break lines at a lone CR; an LF in its place keeps every offset.
  const document = parseDocument(raw.replace(/\r(?!\n)/g, '\n'), { uniqueKeys: true, prettyErrors: false, strict: true });
  for (const error of document.errors) {
    const place = error.code === 'DUPLICATE_KEY' ? (duplicateKeyRange(document, error.pos[0]) ?? error.pos) : error.pos;
    report(`Frontmatter is not valid YAML: ${firstLine(error.message)}`, span(place), 'yaml-syntax');
  }
  if (document.errors.length > 0) return frontmatter;

  const toData = (value: YamlNode | null | undefined): unknown => {
    if (value === null || value === undefined) return null;
    if (isAlias(value)) {
      report('Frontmatter uses a YAML alias; aliases are not allowed, write the value out', span(value.range), 'yaml-alias');
      return undefined;
    }
    if (isScalar(value)) return value.value;
    if (isSeq(value)) return value.items.map((item) => toData(item as YamlNode));
    if (isMap(value)) {
      const object: Record<string, unknown> = Object.create(null);
      for (const pair of value.items) {
        const key = keyOf(pair.key as YamlNode | null);
        if (key === undefined) {
          report('Frontmatter keys must be plain strings', span((pair.key as YamlNode | null)?.range), 'yaml-key');
          continue;
        }
        if (forbiddenKeys.has(key)) {
          report(`Frontmatter key \`${key}\` is not allowed`, span((pair.key as YamlNode).range), 'yaml-key');
          continue;
        }
        object[key] = toData(pair.value as YamlNode | null);
      }
      return object;
    }
    return undefined;
  };

  const contents = document.contents as YamlNode | null;
  if (!isMap(contents)) {
    report('Frontmatter must be a mapping of keys to values', span(contents?.range), 'frontmatter-not-mapping');
    return frontmatter;
  }

  frontmatter.data = toData(contents) as Record<string, unknown>;
  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = keyOf(keyNode);
    if (key === undefined || forbiddenKeys.has(key)) continue;
    const valueNode = pair.value as YamlNode | null;
    const field: FrontmatterField = {
      key,
      value: frontmatter.data[key],
      keyPosition: span(keyNode?.range),
      valuePosition: valueNode ? span(valueNode.range) : span(keyNode?.range),
      itemPositions: isSeq(valueNode) ? valueNode.items.map((item) => span((item as YamlNode).range)) : [],
    };
    frontmatter.fields.push(field);
  }
  return frontmatter;
}

/**
 * The range of the repeated key a duplicate-key error is about. `yaml` places the error at
 * the end of the pair before it when that pair has no value; the key itself is where to point.
 */
function duplicateKeyRange(document: Document, from: number): readonly number[] | undefined {
  let found: readonly number[] | undefined;
  visit(document, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const keyNode = pair.key as YamlNode | null;
        const key = keyOf(keyNode);
        if (key === undefined || !keyNode?.range) continue;
        if (seen.has(key) && keyNode.range[0] >= from && (!found || keyNode.range[0] < (found[0] ?? 0))) found = keyNode.range;
        seen.add(key);
      }
    },
  });
  return found;
}

function keyOf(node: YamlNode | null): string | undefined {
  if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
