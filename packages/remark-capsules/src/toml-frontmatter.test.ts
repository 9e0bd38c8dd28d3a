import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxFrontmatterDepth, maxFrontmatterLength } from './frontmatter.js';
import { parseCapsuleDocument } from './parse.js';
import { scanTopLevel } from './toml-frontmatter.js';

const findings = (text: string) => parseCapsuleDocument(text, 'content/page.md').messages.map((message) => `${message.ruleId} ${message.line}:${message.column} ${message.reason}`);

describe('TOML frontmatter', () => {
  it('reads Hugo and Zola fields, tables and dates, with CRLF line endings too', () => {
    for (const end of ['\n', '\r\n']) {
      const text = ['+++', 'title = "Launch"', 'date = 2024-01-02T03:04:05Z', 'aliases = ["/old/", "/older/"]', '[extra]', 'author = "Ferris"', '+++', '', '# Launch', ''].join(end);
      const { model, messages } = parseCapsuleDocument(text, 'content/launch.md');
      expect(messages).toEqual([]);
      expect(model.frontmatter?.language).toBe('toml');
      expect(model.frontmatter?.data).toEqual({ title: 'Launch', date: '2024-01-02T03:04:05.000Z', aliases: ['/old/', '/older/'], extra: { author: 'Ferris' } });
      const aliases = model.frontmatter!.fields.find((field) => field.key === 'aliases')!;
      expect(aliases.itemPositions.map((place) => [place.start.line, place.start.column, place.end.column])).toEqual([
        [4, 12, 19],
        [4, 21, 30],
      ]);
      expect(Object.getPrototypeOf(model.frontmatter!.data)).toBeNull();
    }
  });

  it('tells broken TOML at its place as `toml-syntax`, and reads no data from it', () => {
    expect(findings('+++\ntitle = "Launch\n+++\n# T\n')).toEqual([
      'toml-syntax 2:9 Frontmatter is not valid TOML: a quoted value is not closed on its line; close the quote, or write text over several lines between triple quotes',
    ]);
    expect(findings('+++\ntitle = "a"\ntitle = "b"\n+++\n# T\n').map((finding) => finding.slice(0, 15))).toEqual(['toml-syntax 3:1']);
    // YAML written between `+++` fences, as a page moved from another generator keeps it.
    expect(findings('+++\ntitle: Launch\n+++\n# T\n').map((finding) => finding.split(' ')[0])).toEqual(['toml-syntax']);
    expect(parseCapsuleDocument('+++\ntitle: Launch\n+++\n# T\n').model.frontmatter?.data).toBeUndefined();
  });

  it('refuses keys that reach a prototype, and frontmatter too large or too deep', () => {
    const proto = parseCapsuleDocument('+++\n"__proto__" = { polluted = true }\ntitle = "x"\n+++\n# T\n');
    expect(proto.messages.map((message) => `${message.ruleId} ${message.line}:${message.column}`)).toEqual(['yaml-key 2:1']);
    expect(proto.model.frontmatter?.data).toEqual({ title: 'x' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const large = `+++\n${'a = 1\n'.repeat(maxFrontmatterLength / 5)}+++\n# T\n`;
    expect(findings(large).map((finding) => finding.split(' ')[0])).toEqual(['frontmatter-too-large']);
    const deep = `+++\n${'[' + Array.from({ length: maxFrontmatterDepth + 2 }, () => 'a').join('.') + ']'}\nb = 1\n+++\n# T\n`;
    expect(findings(deep).map((finding) => finding.split(' ')[0])).toEqual(['yaml-depth']);
    const inline = `+++\na = ${'['.repeat(maxFrontmatterDepth + 2)}${']'.repeat(maxFrontmatterDepth + 2)}\n+++\n# T\n`;
    expect(findings(inline).map((finding) => finding.split(' ')[0])).toEqual(['toml-syntax']);
  });

  it('places every top-level key, a dotted key by its first part and a table by its name', () => {
    const toml = 'a = 1 # note\n"b c".d = """x\n= y"""\n\'e\' = [\n  1, [2, 3],\n  { f = "]" },\n]\n[g.h]\ni = 2\n[[j]]\n';
    expect(scanTopLevel(toml).map((field) => [field.key, toml.slice(...field.keyRange), toml.slice(...field.valueRange), field.itemRanges.map((range) => toml.slice(...range))])).toEqual([
      ['a', 'a', '1', []],
      ['b c', '"b c"', '"""x\n= y"""', []],
      ['e', "'e'", '[\n  1, [2, 3],\n  { f = "]" },\n]', ['1', '[2, 3]', '{ f = "]" }']],
      ['g', 'g', '[g.h]', []],
      ['j', 'j', '[[j]]', []],
    ]);
  });

  it('never throws, and gives only positioned findings, on any text between `+++` fences', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '=', ' ', '"', "'", '[', ']', '{', '}', ',', '.', '#', '\n', '\r', '\\', '1', '-', ':', 'T') }), (body) => {
        const { messages } = parseCapsuleDocument(`+++\n${body}\n+++\n# T\n`, 'content/page.md');
        for (const message of messages) {
          expect(message.ruleId).not.toBe('internal-error');
          expect(message.place).toBeDefined();
        }
      }),
      { numRuns: 500, seed: 70 },
    );
  });
});
