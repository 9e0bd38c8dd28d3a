import spec from 'commonmark-spec';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseInPieces, pieceStarts } from './pieces.js';
import remarkCapsuleSyntax from './syntax.js';

// The reference is the stock pipeline; pieces are parsed the way parseCapsuleDocument does.
const stock = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkCapsuleSyntax).freeze();
const processor = stock;
const parseWhole = (text: string) => stock.parse(text);
const parsePiece = (text: string) => processor.parse(text);
// The spec writes tabs as arrows.
const examples = (spec as { tests: { markdown: string }[] }).tests.map((test) => test.markdown.replace(/→/g, '\t'));

/** Every CommonMark example in some order, with a separator and a line ending, parsed in pieces and whole. */
const examplesRunTogether = fc.property(
  fc.shuffledSubarray(examples, { minLength: examples.length }),
  fc.constantFrom('\n\n', '\n\n\n', '\n\n# Heading\n\n'),
  fc.constantFrom('\n', '\r\n', '\r'),
  fc.constantFrom(0, 300),
  (order, separator, ending, minimumLength) => {
    const text = order.join(separator).replace(/\n/g, ending);
    expect(parseInPieces(text, parsePiece, minimumLength)).toEqual(parseWhole(text));
  },
);

describe('parseInPieces', () => {
  it('gives the tree of the whole text for every CommonMark example run together, in any order and with any line ending', () => {
    fc.assert(examplesRunTogether, { numRuns: 3 });
  });

  it('parses the whole text when a piece cannot take the definitions it cites (a run that found it)', () => {
    // Under this seed a piece ends in a block that takes in definitions written after it.
    fc.assert(examplesRunTogether, { numRuns: 1, seed: 1322688410 });
  });

  it('resolves a reference whose definition is in another piece', () => {
    const text = 'See [the guide] and [other][Guide].\n\nMiddle.\n\n[the guide]: ./guide.md\n[guide]: ./other.md\n';
    const tree = parseInPieces(text, parsePiece, 0);
    expect(pieceStarts(text, 0).length).toBe(3);
    expect(tree).toEqual(parseWhole(text));
    expect(JSON.stringify(tree)).toContain('"type":"linkReference"');
  });

  it('resolves references in a piece that opens with a heading, a table, a quote, code or HTML', () => {
    // micromark tries the constructs for a block's first character first: each of these
    // once matched before the construct that tells the piece what other pieces define.
    for (const opening of ['# See [the guide]', '| See [the guide] |\n| --- |', '> See [the guide]', '    code\n\nSee [the guide]', '<b>See [the guide]</b>', '- See [the guide]']) {
      const text = `${opening}\n\n[the guide]: ./guide.md\n`;
      const tree = parseInPieces(text, parsePiece, 0);
      expect(tree).toEqual(parseWhole(text));
      expect(JSON.stringify(tree)).toContain('"type":"linkReference"');
    }
  });

  it('parses a piece again where a line that looked like a definition in another piece was none, or one was missed', () => {
    for (const elsewhere of [
      '```\n[guide]: ./in-a-fence.md\n```', // looks like one, inside a fence
      'A paragraph\n[guide]: ./continues-it.md', // cannot interrupt a paragraph
      '[guide\nbook]: ./label-over-two-lines.md', // is one, its label over two lines
      '> [guide]: ./quoted.md', // is one, inside a quote
      '- [guide]: ./in-a-list.md', // is one, inside a list item
    ]) {
      for (const citing of ['See [guide] and [guide book].', 'See [guide] and [guide book].\n\n```\nleft open', '[guide]: ./own.md\n\nSee [guide] and [guide book].']) {
        const text = `${citing}\n\nMiddle.\n\n${elsewhere}\n`;
        expect(parseInPieces(text, parsePiece, 0), JSON.stringify(text)).toEqual(parseWhole(text));
      }
    }
  });

  it('resolves references to thousands of definitions as the stock parser does', () => {
    const definitions = Array.from({ length: 2000 }, (_, index) => `[Label ${index}]: ./doc-${index}.md`).join('\n');
    const references = Array.from({ length: 50 }, (_, index) => `See [label ${index * 40}], [Label ${index}][] and [missing ${index}].`).join('\n\n');
    for (const text of [`${definitions}\n\n${references}\n`, `${references}\n\n${definitions}\n`]) {
      expect(parseInPieces(text, parsePiece)).toEqual(parseWhole(text));
      expect(parseInPieces(text, parsePiece, 0)).toEqual(parseWhole(text));
    }
  });

  it('parses again with the next piece an HTML block left open inside a list item or quote', () => {
    // Parsed alone up to the end of its piece, the block would keep the piece's blank line.
    for (const opening of ['- <!--', '- foo\n- <!foo', '> <script>', '- a\n  <?x', '1. <![CDATA[']) {
      const text = `${opening}\n\nafter\n\nlater\n`;
      expect(parseInPieces(text, parsePiece, 0)).toEqual(parseWhole(text));
    }
  });

  it('parses again with the next piece a fence left open inside a list item', () => {
    // The scan took the item's fence for the close of the fence an item above left open, and
    // cut before `after`; parsed alone up to the end of its piece, the fence would keep the
    // piece's blank line.
    for (const lists of ['- a\n  ```\n2. b\n   ```', '- a\n   ```javascript\n2. b\n   ```', '> - a\n>   ```\n> 2. b\n>    ```']) {
      const text = `${lists}\n\n**after**:\n\nlater\n`;
      expect(parseInPieces(text, parsePiece, 0)).toEqual(parseWhole(text));
    }
  });

  it('parses again as one piece a fence the line scan took for closed', () => {
    // An indented opening fence with a closing fence of four spaces: the scan cannot tell.
    const text = ' ```\ncode\n\nstill code\n    ```\n\nafter\n\n```\n\nlater code\n```\n';
    expect(parseInPieces(text, parsePiece, 0)).toEqual(parseWhole(text));
  });
});

describe('pieceStarts', () => {
  it('cuts a long document only before top-level blocks outside frontmatter and fences', () => {
    const capsule = (index: number) => `### Capsule: Name${index}\n\n**Depth**\n\n- SeeAlso: Name${index + 1}\n\n`;
    const text = `---\ntitle: x\n\nkey: y\n---\n\n\`\`\`\n\n# not a heading\n\`\`\`\n\n${Array.from({ length: 50 }, (_, index) => capsule(index)).join('')}`;
    const starts = pieceStarts(text, 0);
    expect(starts.map((start) => text.slice(start, text.indexOf('\n', start)))).toEqual([
      '---',
      '```',
      ...Array.from({ length: 50 }, (_, index) => [`### Capsule: Name${index}`, '**Depth**']).flat(),
    ]);
    expect(pieceStarts(text, 1024).every((start, index, all) => index === 0 || start - all[index - 1]! >= 1024)).toBe(true);
  });

  it('starts no piece right after an indented code block, where micromark reads the next line as interrupting it', () => {
    const text = 'Intro.\n\n    code\n\n> *\n>\n> foo\n\n\tmore code\n\n# Heading\n\nEnd.\n';
    expect(pieceStarts(text, 0).map((start) => text.slice(start, text.indexOf('\n', start)))).toEqual(['Intro.', 'End.']);
    // Together, micromark reads `> *` as text; apart, it would start an empty list item.
    expect(parseInPieces(text, parsePiece, 0)).toEqual(parseWhole(text));
  });
});
