/**
 * Properties that must hold for any input, checked on generated capsule-like documents and
 * on mutations of the real guide: the parser never fails, every place it reports lies in
 * the file and agrees with its own offset, and CRLF files read like their LF twins.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCapsuleDocument, type ParsedDocument } from './parse.js';

const guide = readFileSync(new URL('./__fixtures__/guide.md', import.meta.url), 'utf8');

// Capsule names, citable or not, so references and citations sometimes resolve.
const name = fc.constantFrom('ExplorationFirst', 'RiskDiscovery', 'Idea', 'A', 'lower', 'Code Name', '`Ticked`', '');
const words = fc.constantFrom('text', 'two words', 'Trade-off', 'a: b', '(when appropriate)', '**bold**', '_em_', '\\*', '&amp;', '');
const unicode = fc.string({ unit: 'binary', maxLength: 12 });
const phrase = fc.array(fc.oneof(words, name, unicode), { maxLength: 4 }).map((parts) => parts.join(' '));

/** One line (or a short run of lines) of something a capsule document holds. */
const fragment: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), name).map(([depth, value]) => `${'#'.repeat(depth)} Capsule: ${value}`),
  fc.tuple(fc.integer({ min: 1, max: 6 }), phrase).map(([depth, value]) => `${'#'.repeat(depth)} ${value}`),
  fc.constantFrom('**Invariant**', '**Example**', '**Depth**', '**Depth:**', '__Example__', '**Notes**', '**Invariant**:'),
  fc.tuple(fc.constantFrom('**Invariant**', '**Example**:', '**Depth:**', '**Notes**:'), phrase).map(([label, value]) => `${label} ${value}`),
  fc
    .tuple(fc.constantFrom('-', '*', '+', '1.', '  -', '    -'), fc.constantFrom('', 'Distinction: ', 'Trade‑off: ', 'Trade–off: ', 'Staging advantage: ', '**SeeAlso**: ', 'SeeAlso: ', 'https:'), phrase)
    .map(([marker, key, value]) => `${marker} ${key}${value}`),
  fc
    .array(fc.oneof(name, fc.constantFrom('`Ticked`.', 'X (in OTHER.md)', 'free text here', 'https://e.com/x', '[Doc](d.md#a)', 'refs/r.md#part', '<https://a.b>')), { maxLength: 4 })
    .map((targets) => `- SeeAlso: ${targets.join(', ')}`),
  fc.tuple(fc.constantFrom('- [ ] ', '- [x] ', '* [X] ', '- [ ]'), phrase, fc.constantFrom('', ' (RiskDiscovery)', ' (A, B)', ' (ExplorationFirst, RiskDiscovery).', ' (when appropriate)')).map((parts) => parts.join('')),
  fc.constantFrom('```', '```js', '~~~', '    indented code', '//BOUNDARY: edge', '  // boundary : edge', '---', '***', '> quoted', '| a | b |', '| --- | --- |', '<div>', ''),
  fc.constantFrom('[rel](./other.md#sec)', '[abs](https://e.com)', '[ref][r]', '[r]: ./r.md "T"', '[RiskDiscovery]', '`ExplorationFirst`', '[anchor](#top)'),
  phrase,
  unicode,
);

const frontmatter = fc.oneof(
  fc.constant(''),
  fc
    .array(fc.constantFrom('description: x', 'tags: [a, b]', 'tags: [c]', 'base: &a v', 'ref: *a', '__proto__: p', '- item', 'key: [open', '? [k]', ': v', '', 'audience:', '  - LLMs'), { maxLength: 5 })
    .map((lines) => ['---', ...lines, '---'].join('\n') + '\n'),
);

/** A capsule-like document with LF line endings. */
const documentText = fc
  .tuple(fc.constantFrom('', '\uFEFF'), frontmatter, fc.array(fragment, { maxLength: 30 }))
  .map(([mark, front, lines]) => mark + front + lines.join('\n'));

/** Mutations of the real guide: line ranges deleted, duplicated or swapped; characters inserted. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat(), length: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(unicode, fc.constantFrom('`', '*', '**', '[', ']', '(', ')', '#', '\n', '\r', '---\n', '```\n', '//BOUNDARY: x\n', '- ', '\\')) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, mutations: Mutation[]): string {
  let lines = text.split('\n');
  for (const step of mutations) {
    const at = step.at % (lines.length + 1);
    switch (step.kind) {
      case 'delete':
        lines.splice(at, step.length);
        break;
      case 'duplicate':
        lines.splice(at, 0, ...lines.slice(at, at + step.length));
        break;
      case 'swap': {
        const taken = lines.splice(at, step.length);
        const other = step.other % (lines.length + 1);
        lines.splice(other, 0, ...taken);
        break;
      }
      case 'insert': {
        const joined = lines.join('\n');
        const offset = step.at % (joined.length + 1);
        lines = (joined.slice(0, offset) + step.text + joined.slice(offset)).split('\n');
        break;
      }
    }
  }
  return lines.join('\n');
}

function withLineEndings(text: string, ending: string): string {
  return text.replace(/\r\n|\r|\n/g, ending);
}

/** Line start offsets, counting LF, CRLF and a lone CR as line endings like CommonMark does. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push((match.index ?? 0) + match[0].length);
  return starts;
}

interface PointLike {
  line: number;
  column: number;
  offset?: number;
}

function isPoint(value: unknown): value is PointLike {
  return typeof value === 'object' && value !== null && typeof (value as PointLike).line === 'number' && typeof (value as PointLike).column === 'number';
}

/** Every `{start, end}` pair anywhere under `value`, with the path that leads to it. */
function spansIn(value: unknown, path = '$', found: { path: string; start: PointLike; end: PointLike }[] = []) {
  if (typeof value !== 'object' || value === null) return found;
  const record = value as Record<string, unknown>;
  if (isPoint(record.start) && isPoint(record.end)) found.push({ path, start: record.start, end: record.end });
  for (const [key, child] of Object.entries(record)) spansIn(child, `${path}.${key}`, found);
  return found;
}

/** Problems with the places of one parse: each must lie in the file and match its offset. */
function placeProblems(text: string, parsed: ParsedDocument): string[] {
  const starts = lineStarts(text);
  const problems: string[] = [];
  const check = (path: string, point: PointLike) => {
    const { line, column, offset } = point;
    if (offset === undefined || offset < 0 || offset > text.length) return problems.push(`${path}: offset ${offset} outside 0..${text.length}`);
    if (line < 1 || line > starts.length) return problems.push(`${path}: line ${line} outside 1..${starts.length}`);
    const lineStart = starts[line - 1]!;
    const lineEnd = line < starts.length ? starts[line]! : text.length;
    if (column < 1 || lineStart + column - 1 !== offset || offset > lineEnd) {
      return problems.push(`${path}: ${line}:${column} does not match offset ${offset}`);
    }
    return undefined;
  };
  const places = [
    ...spansIn(parsed.model, 'model'),
    ...parsed.messages.flatMap((message, index) => spansIn({ place: message.place }, `messages[${index}]`)),
  ];
  for (const { path, start, end } of places) {
    check(`${path}.start`, start);
    check(`${path}.end`, end);
    if ((start.offset ?? 0) > (end.offset ?? 0)) problems.push(`${path}: start after end`);
  }
  return problems;
}

/**
 * The model with its places reduced to line and column and its mdast nodes left out. Text
 * quoted as written (`raw`) keeps the file's own line endings, so it is compared as LF;
 * message reasons may quote the source too (YAML tokens), so messages compare by id and place.
 */
function comparable(parsed: ParsedDocument): unknown {
  const model = JSON.parse(
    JSON.stringify(parsed.model, (key, value: unknown) => {
      if (key === 'nodes' || key === 'offset') return undefined;
      if (key === 'raw' && typeof value === 'string') return withLineEndings(value, '\n');
      return value;
    }),
  ) as unknown;
  const messages = parsed.messages.map((message) => ({
    ruleId: message.ruleId,
    place: JSON.parse(JSON.stringify(message.place, (key, value: unknown) => (key === 'offset' ? undefined : value))) as unknown,
  }));
  return { model, messages };
}

function expectSound(text: string): ParsedDocument {
  const parsed = parseCapsuleDocument(text, 'generated.md');
  expect(parsed.messages.filter((message) => message.ruleId === 'internal-error')).toEqual([]);
  // Places count from after a leading byte order mark, as the Markdown parser's offsets do.
  expect(placeProblems(text.replace(/^\uFEFF/, ''), parsed)).toEqual([]);
  return parsed;
}

describe('generated capsule documents', () => {
  it('never fail and keep every place inside the file, with any line endings', () => {
    fc.assert(
      fc.property(documentText, fc.constantFrom('\n', '\r\n', '\r'), (text, ending) => {
        expectSound(withLineEndings(text, ending));
      }),
      { numRuns: 200 },
    );
  });

  it('read the same with CRLF as with LF line endings, up to offsets', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const lf = expectSound(text);
        const crlf = expectSound(withLineEndings(text, '\r\n'));
        expect(comparable(crlf)).toEqual(comparable(lf));
      }),
      { numRuns: 200 },
    );
  });
});

describe('mutations of the real guide', () => {
  it('never fail and keep every place inside the file', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n', '\r'), (mutations, ending) => {
        expectSound(withLineEndings(mutate(guide, mutations), ending));
      }),
      { numRuns: 40 },
    );
  });

  it('read the same with CRLF as with LF line endings, up to offsets', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        const text = withLineEndings(mutate(guide, mutations), '\n');
        expect(comparable(parseCapsuleDocument(withLineEndings(text, '\r\n')))).toEqual(comparable(parseCapsuleDocument(text)));
      }),
      { numRuns: 20 },
    );
  });
});
