/**
 * Generated inputs for the differential test: capsule-like documents (frontmatter, headings,
 * capsules with their labelled parts, lists, fences, tables), with what real READMEs and
 * translated docs hold besides (CJK text and punctuation beside emphasis, emoji, badges, HTML
 * blocks, setext headings, indented code, aligned tables with escaped pipes), then mutated with
 * what hand-written and machine-written Markdown holds: Unicode spaces, control characters,
 * tabs, trailing whitespace (on fence and frontmatter lines too) and every line ending.
 */
import fc from 'fast-check';

/** Characters the mutations insert: Unicode spaces, control characters, tabs and Markdown punctuation. */
export const hostileCharacters = [
  '\u00A0', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u3000', '\uFEFF',
  ...Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)),
  '\x7F', ' ', '  ', '\t', '*', '_', '`', '~', '|', '-', '#', '>', '[', ']', '(', ')', '!', '\\', '&', '<', ':', '.', '1.',
];

const lineEndings = ['\n', '\r\n', '\r'];
const word = fc.constantFrom(
  'lease', 'ledger', 'Gateway', 'team', 'review', 'x', 'a1', 'é', 'naïve', 'ümlaut', '42', 'snake_case',
  // Text of translated docs: CJK words and punctuation, full-width forms, emoji, symbols, right-to-left script.
  '中文', '文档，', '（注）', '「引用」', '命令：', '日本語の', '한국어', '😀', '✅', '→', '©', 'مرحبا،', 'Ｆｕｌｌ',
);
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((list) => list.join(' '));
const capsuleName = fc.constantFrom('LeaseLedger', 'GatewayLease', 'JournalCache', 'IdeaCapture', 'RiskDiscovery');
const inline = fc.oneof(
  words,
  words.map((text) => `**${text}**`),
  words.map((text) => `*${text}*`),
  words.map((text) => `\`${text}\``),
  fc.tuple(words, fc.constantFrom('guide.md', '../a.md#part', 'https://e.com/x', 'x.md "Title"')).map(([text, target]) => `[${text}](${target})`),
  fc.tuple(words, fc.constantFrom('img/a.png', 'b.svg "Title"', '')).map(([text, target]) => `![${text}](${target})`),
  fc.constantFrom('<https://e.com/x?a=b>', '<mailto:x@y.z>', '<a@b.c>', '<x:y*z>', '<b>', '<https://e.com/a b>'),
  capsuleName,
  // Badges (an image inside a link), keyboard keys and command placeholders, as READMEs and cheat sheets write them.
  fc.constantFrom('[![build](https://e.com/b.svg)](https://e.com/ci)', '<kbd>Ctrl</kbd> + <kbd>C</kbd>', '`{{path/to/file}}`', '{{placeholder}}', '**中文**：', '（**注意**）', '_中文_', '__x__中'),
  // References, to labels defined below or nowhere.
  fc.constantFrom('[guide]', '[the guide][guide]', '[Guide][]', '[LeaseLedger]', '[x][nowhere]', '[nowhere]', '[guide] [nowhere]'),
  // Escapes and character references, known, unknown and out of range.
  fc.constantFrom('\\*', '\\_', '\\[x\\]', '\\`', '\\\\', 'a\\b', '&amp;', '&#35;', '&#x1F600;', '&copy;', '&nosuch;', '&#0;', '&#1234567;', '&amp'),
);
const sentence = fc.array(inline, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));

const yamlFrontmatter = fc
  .tuple(sentence, fc.array(word, { maxLength: 3 }), fc.constantFrom('---', '--- ', '---\t', '----', '---  '), fc.boolean())
  .map(([description, tags, closing, closed]) => `---\ndescription: ${description}\ntags: [${tags.join(', ')}]\n${closed ? `${closing}\n` : ''}`);

// Hugo's and Zola's TOML between `+++` fences: closed by `+++` only, not by a YAML fence or a longer run.
const tomlFrontmatter = fc
  .tuple(sentence, fc.array(word, { maxLength: 3 }), fc.constantFrom('+++', '+++ ', '+++\t', '++++', '---'), fc.boolean(), fc.constantFrom('+++', '+++  ', '+++\t'))
  .map(([title, tags, closing, closed, opening]) => `${opening}\ntitle = "${title.replace(/["\\]/g, '')}"\ntags = [${tags.map((tag) => `"${tag}"`).join(', ')}]\n${closed ? `${closing}\n` : ''}`);

const frontmatter = fc.oneof(yamlFrontmatter, tomlFrontmatter);

const list = fc
  .tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '1) ', '- [ ] ', '- [x] '), fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([marker, items, loose]) => items.map((item) => `${marker}${item}`).join(loose ? '\n\n' : '\n'));

const fence = fc
  .tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'ts', 'ts title="x"', 'mermaid '), fc.array(words, { maxLength: 3 }), fc.constantFrom('', ' ', '\t', '  '), fc.boolean())
  .map(([run, info, body, trailing, closed]) => `${run}${info}\n${body.join('\n')}${body.length > 0 ? '\n' : ''}${closed ? `${run}${trailing}` : ''}`);

// Cells hold escaped pipes, pipes in code spans, and text beyond ASCII; columns are aligned.
const cell = fc.oneof(words, fc.constantFrom('a \\| b', '`a \\| b`', '`x|y`', '中文 | 表格', '&#124;', '**强调**'));
const table = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { maxLength: 3 }), fc.constantFrom([' --- '], [':---', ':---:', '---:'], ['-', ' :-: ']))
  .map(([columns, rows, alignments]) => {
    const row = (cells: string[]) => `| ${Array.from({ length: columns }, (_, index) => cells[index] ?? '').join(' | ')} |`;
    return [row(Array.from({ length: columns }, (_, index) => `H${index}`)), `|${Array.from({ length: columns }, (_, index) => alignments[index % alignments.length]).join('|')}|`, ...rows.map(row)].join('\n');
  });

const part = fc.tuple(fc.constantFrom('Invariant', 'Example', 'Depth'), fc.boolean(), sentence).map(([label, inlineForm, text]) => (inlineForm ? `**${label}**: ${text}` : `**${label}**\n${text}`));
const capsule = fc
  .tuple(fc.constantFrom('## ', '### '), capsuleName, fc.array(fc.oneof(part, list, fence, table, sentence.map((text) => `//BOUNDARY: ${text}`)), { maxLength: 4 }))
  .map(([hashes, name, parts]) => [`${hashes}Capsule: ${name}`, ...parts].join('\n\n'));

const block = fc.oneof(
  { arbitrary: capsule, weight: 4 },
  { arbitrary: sentence, weight: 2 },
  { arbitrary: list, weight: 2 },
  { arbitrary: fence, weight: 1 },
  { arbitrary: table, weight: 1 },
  { arbitrary: fc.constantFrom('---', '+++', '***', '> quoted', '    indented', '<!-- note -->', '## Verification Checklist'), weight: 1 },
  // Lists nested in an item, right below it or after a blank line, at the content column or not.
  {
    arbitrary: fc
      .tuple(fc.constantFrom('- ', '* ', '1. ', '- [ ] '), fc.constantFrom('- ', '1. ', '3) ', '- [x] '), sentence, fc.array(sentence, { minLength: 1, maxLength: 3 }), fc.constantFrom('\n', '\n\n'), fc.integer({ min: -1, max: 1 }))
      .map(([outer, inner, head, items, gap, shift]) => {
        const indent = ' '.repeat(Math.max(0, outer.length + shift));
        return `${outer}${head}${gap}${items.map((item) => `${indent}${inner}${item}`).join('\n')}\n${outer}${head}`;
      }),
    weight: 1,
  },
  // HTML blocks as READMEs open with them, setext headings and indented code.
  {
    arbitrary: fc.constantFrom(
      '<p align="center">\n  <img src="logo.png" width="200">\n</p>',
      '<div align="center">\n\n**中文** | [English](README.md)\n\n</div>',
      '<details>\n<summary>More</summary>\n\n- hidden item\n\n</details>',
      '<img src="a.png" alt="x"> text after',
      'Title\n=====',
      'Subtitle\n---',
      'text\n\n    indented code\n    more',
      '<br/>',
      // Raw blocks over blank lines (closed by any of the four end tags, or never), block tags
      // that interrupt a paragraph, and tags that open no block of kind 1 or 6.
      '<pre>\ncode\n\n  <b>x</b>\n</pre> tail',
      '<script type="x">\n\n</STYLE>',
      '<textarea\nnever closed',
      'text\n<DIV class=x>\n    # kept\n</div>',
      'text\n</table>',
      '<hr/>\n---',
      '<pre/>\n</pre>',
      '<div/x>',
      '<x-y>\nx\n</x-y>',
    ),
    weight: 1,
  },
  // Definitions, alone, in a run, with a title, followed by text.
  { arbitrary: fc.constantFrom('[guide]: ../guide.md', '[guide]: x.md "Title"\n[LeaseLedger]: #leaseledger', '[guide]: a.md  ', '[guide]: a.md\ntext after', '[guide]:\n  a.md'), weight: 1 },
  // Block quotes of paragraphs, with a parting line, a hard break and a lazy line.
  { arbitrary: fc.tuple(sentence, sentence, fc.constantFrom('\n> ', '\n>\n> ', '  \n> ', '\n', '\n>> ')).map(([a, b, join]) => `> ${a}${join}${b}`), weight: 1 },
  // HTML comments: one line, over a blank line, closed on their opening line, text after the close, never closed.
  { arbitrary: fc.constantFrom('<!-- capsule-disable-next-line -->', '<!--\nkept\n\n### Capsule: Hidden\n-->', '<!-->', '<!-- a --> tail', '<!-- open'), weight: 1 },
);

/** A capsule-like document with LF line endings. */
export const capsuleDocument = fc
  .tuple(fc.option(frontmatter), fc.option(words.map((title) => `# ${title}`)), fc.array(block, { maxLength: 8 }), fc.constantFrom('\n\n', '\n', '\n\n\n'))
  .map(([front, title, blocks, separator]) => `${front ?? ''}${[...(title ? [title] : []), ...blocks].join(separator)}\n`);

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'trail'; line: number; text: string }
  | { kind: 'line of'; line: number; text: string }
  | { kind: 'delete'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...hostileCharacters) }),
  fc.record({ kind: fc.constant('trail' as const), line: fc.nat(), text: fc.constantFrom(' ', '\t', '  ', '\u00A0', '\f', '\v', ' \t') }),
  fc.record({ kind: fc.constant('line of' as const), line: fc.nat(), text: fc.constantFrom('\u00A0', '\u3000', '\u2003', '\uFEFF', '\f', '\v', ' \u00A0 ', '\t') }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let result = text;
  for (const change of mutations) {
    const lines = result.split('\n');
    if (change.kind === 'insert') {
      const at = change.at % (result.length + 1);
      result = result.slice(0, at) + change.text + result.slice(at);
    } else if (change.kind === 'delete') {
      const at = change.at % (result.length + 1);
      result = result.slice(0, at) + result.slice(at + change.length);
    } else if (change.kind === 'trail') {
      const line = change.line % lines.length;
      lines[line] += change.text;
      result = lines.join('\n');
    } else {
      lines.splice(change.line % (lines.length + 1), 0, change.text);
      result = lines.join('\n');
    }
  }
  return result;
}

/** A capsule-like document, mutated, with one of the three line endings (or a mix of them). */
export const hostileDocument = fc
  .tuple(capsuleDocument, fc.array(mutation, { maxLength: 6 }), fc.constantFrom(...lineEndings, 'mixed'), fc.nat())
  .map(([text, mutations, ending, salt]) => {
    const mutated = mutate(text, mutations);
    if (ending !== 'mixed') return mutated.replace(/\n/g, ending);
    let index = salt;
    return mutated.replace(/\n/g, () => lineEndings[index++ % 3]!);
  });
