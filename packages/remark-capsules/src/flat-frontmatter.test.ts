/**
 * The flat reader held to the `yaml` package: whatever it reads, the parser reads the same way,
 * with no error, the same data and the same places. Expected values come from the parser's
 * own tree here, not from the frontmatter module, which shares code with the reader's caller.
 */
import fc from 'fast-check';
import { isMap, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readFlatYaml } from './flat-frontmatter.js';

/** The parser's view: data, and each pair's key, value and item ranges with trailing whitespace left out. */
function parsed(yaml: string) {
  const document = parseDocument(yaml, { uniqueKeys: false, prettyErrors: false, strict: true });
  const trimmed = (range: readonly number[] | null | undefined): [number, number] => {
    const start = range![0]!;
    let end = range![1]!;
    while (end > start && /\s/.test(yaml[end - 1]!)) end--;
    return [start, end];
  };
  const contents = document.contents as YamlNode | null;
  return {
    errors: document.errors.map((error) => error.code),
    data: document.toJS() as unknown,
    pairs: isMap(contents)
      ? (contents.items as Pair<YamlNode, YamlNode>[]).map((pair) => ({
          keyRange: trimmed(pair.key.range),
          valueRange: trimmed(pair.value?.range),
          itemRanges: isSeq(pair.value) ? pair.value.items.map((item) => trimmed((item as YamlNode).range)) : [],
        }))
      : undefined,
  };
}

function expectParserAgrees(yaml: string): void {
  const flat = readFlatYaml(yaml);
  if (flat === undefined) return;
  const expected = parsed(yaml);
  expect(expected.errors, yaml).toEqual([]);
  expect(Object.fromEntries(flat.map((pair) => [pair.key, pair.value])), yaml).toEqual(expected.data);
  expect(
    flat.map(({ keyRange, valueRange, itemRanges }) => ({ keyRange, valueRange, itemRanges })),
    yaml,
  ).toEqual(expected.pairs);
}

const key = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('name', 'description', 'tags', 'a', 'b_c', 'x-y', 'Key9', '_private') },
  fc.constantFrom('description', 'tags', 'a', 'b_c', 'x-y', 'Key9', '_private', 'true', 'NULL', 'no', '__proto__', 'constructor', 'ключ', '9lives', 'a.b'),
  fc.stringMatching(/^[A-Za-z_][\w-]{0,8}$/),
);
const word = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('alpha', 'Beta', 'été', '日本語', "don't", 'a:b', 'a#b', 'x,y', 'word.', '(note)', 'x🚀', 'yes') },
  fc.constantFrom(
  'alpha', 'Beta', 'été', '日本語', "don't", 'a:b', 'a:', ':', 'a#b', '#', 'x,y', '[x]', '{y}', '"q"', "'s'", 'true', 'False', 'TRUE',
  'null', 'Null', '~', 'yes', 'no', 'on', '-x', '-', '1', '0', '01', '1.5', '12', '-3', '+4', '1e3', '0x1f', '0o7', '.inf', '.nan',
  '🚀', 'a\\b', '\\', 'tab\tx', '&a', '*a', '!t', '%p', '@at', '`t`', '|', '>', '?', '<b>', '2024-01-01', '123456789012345678', '\u00a0x', 'x\u00a0',
  ),
);
const words = fc.array(word, { minLength: 1, maxLength: 4 }).chain((parts) => fc.constantFrom(' ', '  ').map((gap) => parts.join(gap)));
const scalar = fc.oneof(
  { weight: 4, arbitrary: words },
  { weight: 3, arbitrary: words.map((text) => `"${text}"`) },
  { weight: 2, arbitrary: words.map((text) => `'${text}'`) },
  fc.constantFrom('""', "''", '"a\\"b"', "'it''s'", '"a\\nb"', '"open', "'open"),
);
const flowList = fc
  .tuple(fc.array(scalar, { maxLength: 4 }), fc.constantFrom(', ', ',', ' , ', ',  '), fc.constantFrom('', ' '), fc.constantFrom('', '', '', ',', ' ,'))
  .map(([items, separator, pad, trailing]) => `[${pad}${items.join(separator)}${trailing}${pad}]`);
const value = fc.oneof({ weight: 6, arbitrary: scalar }, { weight: 3, arbitrary: flowList }, fc.constantFrom('[a, [b]]', '{a: b}', '[a', 'a]', '|', '>-', '&anchor x', '*alias', '!!str x'));
const itemLines = fc
  .tuple(fc.array(scalar, { minLength: 0, maxLength: 3 }), fc.constantFrom('', ' ', '  ', '    '), fc.boolean())
  .map(([items, indent, ragged]) => items.map((item, index) => `${ragged && index === 1 ? indent + ' ' : indent}- ${item}`));
const line = fc.oneof(
  { weight: 20, arbitrary: fc.tuple(key, fc.constantFrom(': ', ':  ', ':'), value).map(([name, colon, text]) => [`${name}${colon}${text}`]) },
  { weight: 4, arbitrary: fc.tuple(key, itemLines).map(([name, items]) => [`${name}:`, ...items]) },
  { weight: 1, arbitrary: fc.tuple(key, value).map(([name, text]) => [`${name}: ${text} `]) },
  { weight: 1, arbitrary: fc.constantFrom([''], ['# comment'], ['  indented: x'], ['---'], ['...'], ['- item'], ['key: a #c'], ['key:\t x'], ['? k'], ['key: a\r']) },
);
const yaml = fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 5 }), fc.constantFrom('', '\n', '\n\n'))
  .map(([lines, end]) => lines.flat().join('\n') + end);

describe('readFlatYaml', () => {
  it('reads only what the YAML parser reads the same way, with the same places', () => {
    let read = 0;
    let declined = 0;
    fc.assert(
      fc.property(yaml, (text) => {
        if (readFlatYaml(text) === undefined) declined++;
        else read++;
        expectParserAgrees(text);
      }),
      { numRuns: 3000 },
    );
    // Both ways are taken often, or the property says little. About one run in eight is read
    // (350 to 380 of 3,000 over runs with random seeds, once 298); 200 holds in any run.
    expect(read).toBeGreaterThan(200);
    expect(declined).toBeGreaterThan(200);
  });

  it('reads the frontmatter documents are written with', () => {
    const written = [
      'description: Small batches keep the blast radius of a failure small.\ntags: ["Observability", "Reliability"]\naudience: ["LLMs", "Humans"]\ncategories: ["Runbooks[100%]"]\n',
      'name: code-reviewer\ndescription: Reviews a change for bugs, tests and style\ntools: Read, Grep, Glob\nmodel: sonnet\n',
      "title: Getting started\nsidebar_position: 2\ndraft: false\ntags:\n  - setup\n  - 'first steps'\n",
      'alwaysApply: true\nglobs: src/**/*.ts\n',
    ];
    for (const text of written) {
      expect(readFlatYaml(text), text).toBeDefined();
      expectParserAgrees(text);
    }
    expect(readFlatYaml(written[2]!)!.map((pair) => pair.value)).toEqual(['Getting started', 2, false, ['setup', 'first steps']]);
  });

  it('leaves to the parser what it reads another way or reports', () => {
    for (const text of [
      'description: Use it when: asked\n',
      'version: 1.5\n',
      'owner: null\n',
      'title: "a \\"quoted\\" word"\n',
      '# a comment\ntitle: x\n',
      'title: x\r\nname: y\r\n',
      'title: x\ntitle: y\n',
      'tags:\n',
      'tags: [a, b,]\n',
      'base: &a v\n',
      'summary: >\n  folded\n',
    ]) {
      expect(readFlatYaml(text), text).toBeUndefined();
    }
  });
});
