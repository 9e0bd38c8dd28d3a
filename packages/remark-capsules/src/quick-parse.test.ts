/**
 * The quick parser against micromark: on what it knows it must build micromark's tree, place
 * for place; on anything else it must give up, and the document still parses to micromark's tree.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { describe as describeDivergence, divergences } from '../../../test/oracle/differential.js';
import { parseCapsuleDocument, parseTree } from './parse.js';
import { quickParse } from './quick-parse.js';

const guide = readFileSync(new URL('./__fixtures__/guide.md', import.meta.url), 'utf8');

/** micromark's tree of a whole text, with nothing from the quick parser. */
function micromarkTree(text: string): Root {
  return parseTree(text, { quick: false });
}

/** Plain data, as the trees are compared after a round trip through a cache. */
function plain(tree: Root | undefined): unknown {
  return JSON.parse(JSON.stringify(tree));
}

const known: Record<string, string> = {
  frontmatter: '---\ndescription: x\ntags: [a, b]\n---\n\n# Title\n',
  'empty frontmatter': '---\n---\ntext\n',
  'TOML frontmatter': '+++\ntitle = "x"\ntags = ["a", "b"]\n+++ \n\n# Title\n\n+++\n',
  'TOML frontmatter not closed by a YAML fence': '+++\ntitle = "x"\n---\n+++\n# Title\n',
  headings: '# One\n\n## Two *words*  \n\n###### Six\n#\n',
  paragraph: 'A line\n    indented continuation\nand a lazy one.  \nAfter a hard break, `code`, **strong**, *em*, _em_ and __strong__.\n',
  'trailing spaces': 'Ends with spaces  \n\nNext `x` \nline\n',
  links: 'See [the guide](../guide.md#part) and [**bold** `code`](x.md "Title"), or [](empty.md).\n',
  emphasis: '***both*** and **a *b* c** and *a **b** c*, snake_case_name, 2*3*4, a * b\n',
  'code spans': 'Use `` a ` b `` and ` x ` and `  ` here.\n',
  'fenced code': '```ts title="x"\nconst a = 1;\n\n\tindented with a tab\n```\n\n~~~\n~~~\n\n````\n```\n````\n',
  'thematic breaks': 'a\n\n---\n\n***\n\n___\n',
  table: '| Phase | Focus |\n| :--- | ---: |\n| One | `a` **b** |\n|  | [x](y.md) |\n| short |\n',
  lists: '- one\n- two\n  continued\n- three\n\n1. first\n2. second\n\n10) tenth\n11) eleventh\n\n* a\n\n* loose\n',
  'task items': '- [ ] open\n- [x] done\n- [X] **labelled** item\n- [ ] `code` first\n',
  'lazy item line': '- Step\n//BOUNDARY: continues the item\n',
  'capsule document': '### Capsule: LeaseLedger605N2\n\n**Invariant**\nThe owning team reviews every change.\n\n**Depth**\n\n- Distinction: a.\n- SeeAlso: GatewayLease86N1, JournalCache359N3\n\n//BOUNDARY: here\n',
  escapes: 'a \\* b, \\*not em\\*, \\`no code\\`, \\[no link\\], *em\\**, \\a and a final \\\n\n# Heading \\# sign\n',
  'character references': 'a &amp; b &copy; &#35; &#x1F600; &#0; &#X110000; &nosuch; & &#; &amp *&amp;*\n\n| &lt;x&gt; |\n| - |\n',
  images: 'See ![a *diagram* of `x`](img/a.png "The title") and ![](empty.png), ![&amp; x](e.png) or [a link](b.md)!\n\n| ![x](y.png) |\n| - |\n',
  autolinks: 'See <https://example.com/a?b=c&amp;d*e*> and *<mailto:x>* or <a+b.c-d:x\\y>, `<http://code>`, <http://x.y/\u00E9>.\n',
  'block quotes': '> One *line* with a [link](a.md)  \n> and a hard break above,\n>\n> a second paragraph.\n\n> Another quote\n',
  'tabs in text': 'A\tline with *a\ttab* and `co\tde`,\nthen\t**strong**\t.\n\n# A\theading\n\n- an\titem\n  more\ttext\n',
  'nested lists': '- a\n  - b *em*\n    continued\n  - [x] c\n    1. deep\n    2. deeper  \n- d\n\n1. one\n   - inner\n2. two\n\n* x\n  * y\n    * z\n',
  'definition-like line': '[a]: b\n',
  references: 'Read [the guide][guide], [Guide][], [guide] and [*the* `x`][Other Label]: all defined here.\n\n# After [guide]\n[guide]: ../guide.md "The guide"\n[other  label]: https://e.com/x\n\n- an item citing [guide]\n\n[unused]: u.md  \n',
  'setext headings': 'Title\n=====\n\nTwo *lines*  \n  of a title\n-\n\nText\n===\nafter\n\nA\n---\n---\n',
  'HTML blocks of kind 6': '<p align="center">\n  <a href="x"><img src="b.svg"></a>\n\t<b>tab</b>  \n</p>\n\nText\n<DIV class=x>interrupts the paragraph\n    # kept\n</div>\n  \n</table>\n<hr/>\r\n<details><summary>More</summary>\r\n\r\n</details>\n<section',
  'HTML blocks of kind 1': '<pre>\ncode\n\n  <b>kept</b>\n</SCRIPT> closes any of the four\n# a heading\n\nText\n<Textarea\n\n</textarea>\n<style>a{}</style> one line\n<script\ttype=x>\n</pre >\n</pre>\n',
  'HTML comments': '<!-- capsule-disable-next-line -->\n# Title\n\n<!--\nmulti\n\n  line, a blank above\t\n-->  after the close \n\n<!-->\n<!--->\nnext\n<!-- a --> b -->\n',
  crlf: '---\r\na: 1\r\n---\r\n# T\r\n\r\nline  \r\nnext\r\n\r\n- [ ] x\r\n  y\r\n\r\n| a |\r\n| - |\r\n| b |\r\n',
  empty: '',
  'blank only': '\n  \n\n',
  'inline HTML tags': 'Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, see the <abbr title="service level objective">SLO</abbr>.\nOwners<br>review it<sup>1</sup>, <br/> <img src=x.png alt=\'a b\' /> <x-y data-a_b:c.d = "1" e> </end >\n**<b>x</b>** and *<i>y</i>* and <a href="a > b &amp; c">k</a>\n\n# Title <Badge type="info">new</Badge>\n\n- item <sup>2</sup>\n\n> quoted <em>x</em>\n\n| <b>x</b> | y |\n| - | - |\n',
  'lines drawn with pipes': '| box |\n|     |\n|\n||\nx | y\n\n| alone\n',
  'pipes in a quote and an item': '> | a |\n> text\n\n- item\n  | cell |\n- | b\n',
  // micromark classes the character beside a marker run one UTF-16 unit at a time: CJK and full-width punctuation and symbols as ASCII's, U+00A0 and U+3000 as spaces, half an emoji as a letter.
  'emphasis beside text beyond ASCII': '**推荐**的，*注意*：（**x**）a —*b*— c\n\n😀**y**😀 ©_z_© **中文**x 文*字*文 _中_文 a\u00A0*b*\u00A0c\u3000**d**\u3000\n\n- **命令**：`ls`\n\n| **列** | _é_ |\n| - | - |\n',
  // Text that ends where an item's line below its first starts its content, or where a lazy line does: at the line's start.
  'text ending at an item line': '- (Note that the\n  `#[experimental]` level)\n  - is now faster and\n       `[u16]::reverse` too\n- [\n`lazy`](c.md)\n',
};

const unknown: Record<string, string> = {
  // A link's text of a line ending alone, before a code span on the item's next line: micromark ends it after the item's indentation.
  'a line ending alone before an item line': '- [\n     `[u8]::reverse` is faster][41764]\n- [\n  `a`](b.md)\n\n[41764]: https://e.com/pull/41764\n',
  'lazy quote line': '> quoted\nlazy\n',
  'quote ending in a parting line': '> quoted\n>\n',
  'heading in a quote': '> # Title\n',
  'nested quote': '> > deep\n',
  'list in a quote': '> - item\n',
  'quote without a space': '>quoted\n',
  'indented quote text': '>   quoted\n',
  'an HTML block of kind 7 (a custom element)': '<x-y>\nx\n</x-y>\n',
  'a raw tag closed by its slash, or a closing one': '<pre/>\ntext\n\n</pre>\n',
  'a block tag with a stray slash': '<div/x>\n',
  'a raw HTML block never closed': '<pre>\nnever closed\n\nstill in it\n',
  'HTML blocks of kinds 3 to 5': '<?php x ?>\n\n<!DOCTYPE html>\n\n<![CDATA[x]]>\n',
  'an HTML block at an indent': '  <div>\n',
  'inline comment in a heading': '# Title <!-- x -->\n',
  'tag over two lines': 'a <abbr\ntitle="x">b</abbr>\n',
  'attribute value over two lines': 'a <abbr title="x\ny">b</abbr>\n',
  'processing instruction': 'a <?php echo 1; ?> b\n',
  'declaration and CDATA': 'a <!DOCTYPE html> b <![CDATA[x]]>\n',
  'tag without a closing bracket': 'a <kbd b\n',
  'tag in a link text': '[a <b>c</b>](d.md)\n',
  'lone less-than sign': 'a < b\n',
  'e-mail autolink': 'see <a@b.com>\n',
  'one-letter scheme': 'see <a:b>\n',
  'autolink with a space': 'see <https://e.com/a b>\n',
  'autolink in a link': '[a <https://e.com/]> b](c.md)\n',
  'escaped bracket in a link': '[a \\] b](c.md)\n',
  'backslash hard break': 'a\\\nb\n',
  'entity in a link destination': '[a](b&amp;c.md)\n',
  'image in a link': '[![alt](i.png)](page.md)\n',
  'image with a reference': '![alt][ref]\n\n[ref]: i.png\n',
  'reference to a label defined nowhere': 'see [label] here\n',
  'definition followed by text': '[label]: x.md\ntext\n',
  'definition after a paragraph line': 'text\n[label]: x.md\n',
  'definition in a code block': '```\n[label]: x.md\n```\n\n[label]\n',
  'definition with an angle destination': '[label]: <x y.md>\n\n[label]\n',
  'full reference to an undefined label': '[a][b]\n\n[a]: x.md\n',
  'control character after a destination': '[label]: x.md\x1e\n\n[label]\n',
  'image reference': '![a]\n\n[a]: x.png\n',
  'bracket text': 'a [b] c\n',
  'indented code': '    code\n',
  'a setext underline with spaces after it': 'Title\n===  \n',
  'a setext underline at an indent': 'Title\n  ---\n',
  'a dash underline below a line with a pipe': 'a | b\n---\n',
  'tab after a list marker': '-\titem\n',
  'tab after an ordered marker': '1.\titem\n',
  'tab after a task box': '- [ ]\titem\n',
  'tab after a heading marker': '#\tTitle\n',
  'tab at the end of a line': 'a\t\nb\n',
  'tab indenting a line': 'a\n\tb\n',
  'tab in a table': '| a\tb |\n| - |\n',
  'closing hashes': '# Title #\n',
  'unclosed comment': '<!-- open\n\n# text\n',
  'indented comment': ' <!-- x -->\n',
  'comment in a list item': '- <!-- x -->\n',
  'inline comment': 'a <!-- x --> b\n',
  'unclosed fence': '```\ncode\n',
  'lone carriage return': 'a\rb\n',
  'NUL byte': 'a\0b\n',
  'nested list after a blank line': '- a\n\n  - b\n',
  'blank line in a nested list': '- a\n  - b\n\n  - c\n',
  'loose list with a nested list': '- a\n  - b\n\n- c\n',
  'nested ordered list from 2': '- a\n  2. b\n',
  'lazy line in a nested item': '- a\n  - b\nlazy\n',
  'paragraph after a nested list': '- a\n  - b\n  more\n',
  'list item between levels': '- a\n  - b\n - c\n',
  'spaced thematic break in a list': '* **\n',
  'empty item': '-\n',
  'empty task item': '- [ ]\n',
  'interrupting list': 'para\n- item\n',
  'emphasis left open in a link': '*[a*](b)\n',
  'table without outer pipes': 'a | b\n--- | ---\n',
};

/** Text with pipes at its lines' starts, where a delimiter row may make a table, for the quick parser and stock remark-parse alike. */
const pipeDrawings = [
  known['lines drawn with pipes']!,
  known['pipes in a quote and an item']!,
  '| a |\nx\n| b | c |\n| - | - |\n',
  'para\n| a |\n|---|\n| b |\n',
  '> | a |\n> | - |\n',
  '- x\n  | a |\n  | :-: |\n',
  '|\n|-\n',
  '| a\n| -\n',
  '|a|\n|\t-|\n',
];

describe('the quick parser', () => {
  for (const [what, text] of Object.entries(known)) {
    it(`builds micromark's tree: ${what}`, () => {
      const quick = quickParse(text);
      expect(quick).toBeDefined();
      expect(plain(quick)).toEqual(plain(micromarkTree(text)));
    });
  }

  for (const [what, text] of Object.entries(unknown)) {
    it(`gives up, and the document still parses as micromark parses it: ${what}`, () => {
      expect(quickParse(text)).toBeUndefined();
      expect(plain(parseTree(text))).toEqual(plain(micromarkTree(text)));
    });
  }

  it('parses a document block by block around what it does not know', () => {
    const text = '# Title\n\n> - a quoted list\n\nA paragraph with **strong** text.\n\n<div>html</div>\n\n- [ ] a task\n';
    expect(quickParse(text)).toBeUndefined();
    expect(plain(parseTree(text))).toEqual(plain(micromarkTree(text)));
  });

  it('keeps definitions from other pieces known while a piece is parsed block by block', () => {
    // The second piece cites a label the first defines and one it defines itself, and holds a
    // quoted list, so the quick parser gives up on it as a whole and it is parsed block by block.
    const filler = 'A paragraph of plain words that fills the first piece.\n\n'.repeat(200);
    const text = `[far]: far.md\n\n${filler}> - a quoted list\n\n[near]: near.md\n\nCites [far] and [near].\n`;
    const tree = parseTree(text);
    expect(plain(tree)).toEqual(plain(micromarkTree(text)));
    const cited = tree.children.at(-1);
    expect(cited?.type === 'paragraph' && cited.children.map((node) => node.type)).toEqual(['text', 'linkReference', 'text', 'linkReference', 'text']);
  });

  it('takes time in proportion to the text on a paragraph of many lines and on a long line of dashes', () => {
    // Each of these once took time in the square of its length (a line looked up from the
    // end of the paragraph, a pattern that backtracked): many minutes here, not seconds. The
    // built parser runs in a process of its own, stopped after a minute.
    const script = `
      import { quickParse } from ${JSON.stringify(new URL('../dist/quick-parse.js', import.meta.url).href)};
      const lines = Array.from({ length: 500000 }, (_, index) => (index % 100 === 0 ? 'word *' + index + '*  ' : 'word ' + index));
      const paragraph = quickParse(lines.join('\\n') + '\\n');
      const dashes = quickParse('-- '.repeat(500000) + 'x\\n');
      console.log(paragraph.children.length, paragraph.children[0].children.length, dashes.children[0].type);
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '--eval', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('1 15001 paragraph');
  });

  it('reads frontmatter closed right below its opening as closed', () => {
    for (const text of ['---\n---\n\nfoo\n- x\n', '---\r\n---\r\nfoo\r\n- x\r\n']) {
      expect(plain(parseTree(text))).toEqual(plain(micromarkTree(text)));
      expect(parseTree(text).children.map((node) => node.type)).toEqual(['yaml', 'paragraph', 'list']);
    }
  });

  it("builds the whole user's guide as micromark does", () => {
    expect(plain(parseTree(guide))).toEqual(plain(micromarkTree(guide)));
  });

  it('leaves a document with unclosed frontmatter to micromark, which reads what follows differently', () => {
    const text = '---\n\nfoo\n- x\n';
    expect(plain(parseTree(text))).toEqual(plain(micromarkTree(text)));
    expect(micromarkTree(text).children.map((node) => node.type)).toEqual(['thematicBreak', 'paragraph']);
  });
});

// Generated documents made of what the quick parser knows and of what makes it give up.
const inlineAtom = fc.constantFrom(
  'foo', 'bar', ' ', ' ', '.', ',', '(', ')', '"', '*', '**', '***', '_', '__', '`', '``', 'x_y', 'snake_case',
  '*a*', '**b**', '_a_', '__b__', '`c`', '`` x ``', '[l](u)', '[**a** `b`](c.md#d "t")', '  \n', '\n', ' \n', '\n  ',
  '[', ']', '!', '\\', '&', '\\*', '\\_', '\\[', '\\`', '\\a', '&amp;', '&#35;', '&#x1F600;', '&#0;', '&nosuch;', '&copy', '[a\\]b](c)', '![i](p.png)', '![**b** `c`](d.png "t")', '!', '![', '<https://e.com/x>', '[d]', '[D][]', '[x][d]', '[y][z]', '\n[d]: u.md\n', '\n\n[d]: u.md "t"\n\n', '\t', ' \t', '\t\n', '\n> ', '\n>\n> ', '<x:y*z>', '<a@b.c>', '<b>', '<',
  '</b>', '<kbd>', '</kbd>', '<br/>', '<br />', '<abbr title="a *b*">', "<i class='x'>", '<img src=a.png alt="x">', '<a\nhref="x">', '<b title="a\nb">', '<-x>', '<a b=>', '<a b="c>', '#', ':', '|', '-', '1.', 'é', '—', '~', '=', '+', 'https://e.com',
);
const inline = fc.array(inlineAtom, { minLength: 1, maxLength: 10 }).map((atoms) => atoms.join(''));
const cell = inline.map((text) => text.replace(/[\r\n|]/g, ' '));
const block = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([depth, text]) => `${'#'.repeat(depth)} ${text.replace(/\n/g, ' ')}`),
  inline,
  fc.tuple(inline, inline).map(([a, b]) => `${a}\n${b}`),
  fc.tuple(fc.constantFrom('- ', '* ', '1. ', '2) ', '- [ ] ', '- [x] '), inline, inline).map(([marker, a, b]) => `${marker}${a}\n${marker}${b}`),
  fc.tuple(inline, inline).map(([a, b]) => `- ${a}\n  ${b}`),
  fc.tuple(fc.constantFrom('- ', '* ', '1. '), fc.constantFrom('- ', '1. ', '2. ', '- [ ] '), inline, inline, fc.constantFrom('\n', '\n\n')).map(
    ([outer, inner, a, b, gap]) => `${outer}${a}\n${' '.repeat(outer.length)}${inner}${b}${gap}${outer}${a}`,
  ),
  fc.tuple(cell, cell).map(([a, b]) => `| a | b |\n| :-- | --: |\n| ${a} | ${b} |`),
  fc.tuple(fc.constantFrom('```', '```js x', '~~~'), inline).map(([fence, body]) => `${fence}\n${body}\n${fence.slice(0, 3)}`),
  fc.tuple(inline, inline).map(([a, b]) => `> ${a}\n> ${b}`),
  fc.tuple(inline, inline).map(([a, b]) => `> ${a}\n>\n> ${b}`),
  fc.constantFrom('<!-- note -->', '<!--\nmulti\n\nline -->', '<!-->', '<!-- open', ' <!-- x -->'),
  fc.constantFrom('---', '***', '> quote', '    code', '<div>', '**Invariant**', '//BOUNDARY: edge', '[r]: x.md'),
);
const generated = fc
  .tuple(fc.constantFrom('', '---\na: 1\n---\n'), fc.array(fc.tuple(block, fc.constantFrom('\n', '\n\n', '\n\n\n')), { minLength: 1, maxLength: 6 }), fc.boolean())
  .map(([front, blocks, crlf]) => {
    const text = front + blocks.map(([content, gap]) => content + gap).join('');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

describe('the quick parser on generated documents', () => {
  it("gives micromark's tree, block for block and place for place", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(generated, (text) => {
        expect(plain(parseTree(text))).toEqual(plain(micromarkTree(text)));
      }),
      { numRuns: 1500 },
    );
  });
});

// Inputs on which the quick parser once built a different tree (and capsule model) from stock
// remark-parse. Each is checked against the reference run in its own process (test/oracle).
const regressions: Record<string, string> = {
  'a space after the closing frontmatter fence': '---\ndescription: x\n--- \n# Title\n\n### Capsule: LeaseLedger\n\n**Invariant**\nHolds.\n',
  'a tab after the frontmatter fences': '---\t\na: 1\n---\t\n# Title\n',
  'TOML fences, with a tab after them': '+++\t\ntitle = "a"\n+++\t\n# Title\n',
  'a YAML fence inside TOML frontmatter': '+++\ntitle = "a"\n---\n+++\n\nfoo\n- x\n',
  'unclosed TOML frontmatter': '+++\ntitle = "a"\n\nfoo\n- x\n',
  'a line of four pluses does not close TOML': '+++\na = 1\n++++\n+++\ntext\n',
  'a tab after a closing code fence': '```ts\ncode\n```\t\n\n### Capsule: GatewayLease\n\n**Invariant**\nHolds.\n',
  'a line holding only a no-break space': '- Distinction: a.\n\u00A0\n**Depth**\n',
  'a line holding only an ideographic space or a form feed': 'a\n\u3000\nb\n\n\f\n\n# c\n',
  'a Unicode space at the start of a continuation line': 'a\n\u2003b\n- c\n\u2003d\n',
  'form feed and vertical tab next to an asterisk': 'a\f*b*\vc and *d*\f\n',
  'a control character in a link destination': '[a](b\x01c) and [d](e\x7f)\n',
  "a trailing space in a fence's info string": '```ts title="x" \ncode\n```\n\n~~~mermaid \u00A0\n~~~\n',
  "a control character after a definition's destination": '[guide]: a.md\x1e\n\nSee [guide].\n',
  'a table with no body rows': '| a | b |\n| - | - |\n\nafter\n',
  'an empty list item in a quote after indented code': '    code\n\n> *\n>\n> foo\n> foo\n',
  'a definition with an empty title': '[site]: https://example.com ""\n\nSee [site].\n',
};

describe('the quick parser against stock remark-parse', () => {
  const texts = Object.values(regressions).flatMap((text) => [text, text.replace(/\n/g, '\r\n')]);
  it('builds the same tree and model on every input it once got wrong', { timeout: 60_000 }, () => {
    expect(divergences(texts).map(describeDivergence)).toEqual([]);
  });

  it('builds the same tree on HTML tags within lines, read by the quick parser or given up on', { timeout: 60_000 }, () => {
    const tags = ['<kbd>C</kbd>', '<abbr title="a > b">x</abbr>', "<img src=a.png alt='x' />", '<br>', '<br/>', '</x >', '<x-y a_b:c.d = "1" e>', '<a\nhref="x">y</a>', '<b title="a\nb">', '<!-- c -->', '<?p ?>', '<!X y>', '<![CDATA[z]]>', '<a b=>', '<1>', '< b>', '<a/ >'];
    const texts = tags.flatMap((tag) => [`Press ${tag} now.\n`, `**${tag}** and *${tag}*\n`, `# Title ${tag}\n`, `- item ${tag}\n`, `| ${tag} | x |\n| - | - |\n`, `[a ${tag}](b.md)\n`, `${tag} starts it\n`]);
    expect(divergences(texts).map(describeDivergence)).toEqual([]);
  });

  it('builds the same tree on lines that start with a pipe, with and without a delimiter row below them', { timeout: 60_000 }, () => {
    const texts = pipeDrawings.flatMap((text) => [text, text.replace(/\n/g, '\r\n')]);
    expect(divergences(texts).map(describeDivergence)).toEqual([]);
  });

  it('reads the title and first capsule of a document whose closing fence has a trailing space', () => {
    const { model, messages } = parseCapsuleDocument(regressions['a space after the closing frontmatter fence']!);
    expect(messages).toEqual([]);
    expect(model.title?.text).toBe('Title');
    expect(model.capsules.map((capsule) => capsule.name)).toEqual(['LeaseLedger']);
  });

  it('ends a code block at a closing fence followed by a tab', () => {
    const { model } = parseCapsuleDocument(regressions['a tab after a closing code fence']!);
    expect(model.capsules.map((capsule) => capsule.name)).toEqual(['GatewayLease']);
  });
});

describe('a document with unclosed frontmatter', () => {
  it('parses to the same tree and model as stock remark-parse, short or longer than a piece', { timeout: 60_000 }, () => {
    const filler = 'A paragraph of plain words that fills the document.\n\n'.repeat(400);
    const texts = ['---\n\nfoo\n- x\n', `---\n\nfoo\n- x\n\n${filler}bar\n- y\n`, `---\ntitle: x\n\n${filler}### Capsule: LeaseLedger\n\n**Invariant**\nHolds.\n- z\n`];
    expect(texts[1]!.length).toBeGreaterThan(2 * 8 * 1024);
    expect(divergences(texts).map(describeDivergence)).toEqual([]);
  });
});
