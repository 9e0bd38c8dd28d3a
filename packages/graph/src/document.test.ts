import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from './corpus.js';
import fc from 'fast-check';
import { inlineMarkersPast, nestingPast, paragraphMarkersPast, readDocument, wasParsed, withTree } from './document.js';
import { summarizeModel } from './summary.js';

const encode = (text: string) => new TextEncoder().encode(text);
const findingsOf = (text: string, maxNestingDepth?: number) =>
  readDocument('deep.md', encode(text), { limits: { maxFileBytes: 1 << 24, maxNestingDepth } }).messages.map(
    (message) => `${message.ruleId} ${message.line}:${message.column}`,
  );

describe('the nesting guard', () => {
  it('reports lists or quotes ten thousand deep at the first line past the limit, without parsing them', () => {
    expect(findingsOf(`# Title\n\n${'- '.repeat(10_000)}x\n`)).toEqual(['nesting-too-deep 3:201']);
    expect(findingsOf(`${'> '.repeat(10_000)}x\n`)).toEqual(['nesting-too-deep 1:201']);
    expect(findingsOf(`${'>'.repeat(10_000)}x\n`)).toEqual(['nesting-too-deep 1:101']);
    expect(findingsOf('1. '.repeat(10_000))).toEqual(['nesting-too-deep 1:301']);
  });

  it('counts list items nested by indentation, whatever the indentation step', () => {
    for (const [marker, step] of [['-', 2], ['*', 4], ['1.', 3]] as const) {
      const staircase = Array.from({ length: 150 }, (_, level) => `${' '.repeat(step * level)}${marker} item`).join('\r\n');
      expect(findingsOf(staircase)).toEqual([`nesting-too-deep 101:${step * 100 + 1}`]);
    }
  });

  it('parses nesting up to the limit, thematic breaks and ordinary outlines', () => {
    expect(findingsOf(`${'> '.repeat(100)}x\n`)).toEqual([]);
    expect(findingsOf(`${'- '.repeat(60)}- - - - - -\n`)).toEqual([]);
    const outline = Array.from({ length: 500 }, (_, index) => `- item ${index}\n    - sub-item\n        - detail`).join('\n');
    expect(findingsOf(outline)).toEqual([]);
  });

  it('takes the limit from the read limits', () => {
    expect(findingsOf('- - - - - x\n', 4)).toEqual(['nesting-too-deep 1:9']);
    expect(nestingPast('> - > - x', 3)).toEqual({ line: 1, column: 7 });
  });

  it('keeps the text of a document it refused, for reporters to quote', async () => {
    const root = mkdtempSync(join(tmpdir(), 'capsule-deep-'));
    const text = `# Deep\n\n${'> '.repeat(200)}x\n`;
    writeFileSync(join(root, 'deep.md'), text);
    const [document] = (await loadCorpus({ root })).documents;
    expect(document?.messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([['nesting-too-deep', 3, 201]]);
    expect(document?.text).toBe(text);
  });
});

describe('the inline marker guard', () => {
  const crowdedFindings = (text: string) =>
    readDocument('busy.md', encode(text), { limits: { maxFileBytes: 1 << 24, maxInlineMarkers: 50 } }).messages.map(
      (message) => `${message.ruleId} ${message.line}:${message.column}`,
    );

  it('reports the marker past the limit in one paragraph, wherever its lines wrap', () => {
    // Twenty runs on the first line, two a repeat on the next: the 51st is the 16th repeat's `**`.
    expect(crowdedFindings(`# Title\n\n${'*a **a '.repeat(10)}\n${'b a** a*'.repeat(20)}\n`)).toEqual(['inline-too-complex 4:124']);
    expect(crowdedFindings(`- item ${'['.repeat(60)}`)).toEqual(['inline-too-complex 1:58']);
  });

  it('answers as the line-by-line scan does, its quick count of the lines between blank lines included', () => {
    const piece = fc.constantFrom('*', '**', '_', '`', '[', ']', '<', '[a](b.md)', 'x', ' ', '\t', '\n', '\r\n', '\r', '\n\n', '\n \t\n', '\n> ', '\n- ', '\n# ', '\n| ', '\n```\n', '\n[a]: b\n', '<div>', '---\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.integer({ min: 1, max: 12 }), (pieces, limit) => {
        const text = pieces.join('');
        expect(inlineMarkersPast(text, limit)).toEqual(paragraphMarkersPast(text, limit));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts no paragraph across a blank line, however many markers the whole text holds', () => {
    const paragraphs = Array.from({ length: 40 }, () => '**a** and [b] and `c`').join('\n\n');
    expect(crowdedFindings(`# Title\n\n${paragraphs}\n`)).toEqual([]);
    expect(crowdedFindings(`# Title\n\n${paragraphs.replace(/\n\n/g, '\n')}\n`)).toEqual(['inline-too-complex 11:11']);
  });

  it("leaves out the JavaScript of an MDX page's JSX attributes, which MDX never reads as Markdown", () => {
    const page = `# Rule\n\n<Fragment set:html={"${'<span class=\\"x\\">a</span> '.repeat(30)}"} />\n\nSee [setup](setup.md).\n`;
    const read = (path: string) => readDocument(path, encode(page), { limits: { maxFileBytes: 1 << 24, maxInlineMarkers: 50 } });
    expect(read('rule.md').messages.map((message) => message.ruleId)).toEqual(['inline-too-complex']);
    const mdx = read('rule.mdx');
    expect(mdx.messages).toEqual([]);
    expect(mdx.model.links.map((link) => link.url)).toEqual(['setup.md']);
    expect(mdx.text).toBe(page);
  });

  it('counts each paragraph, list item, heading and table row on its own, and leaves code and definitions out', () => {
    const paragraphs = Array.from({ length: 20 }, () => '[a] [b] `c` *d*').join('\n\n');
    const items = Array.from({ length: 20 }, () => '- [a] [b] `c` *d*').join('\n');
    const rows = `| a | b |\n| - | - |\n${Array.from({ length: 20 }, () => '| [a] `b` | *c* |').join('\n')}`;
    const code = `\`\`\`\n${'[*_`<'.repeat(100)}\n\`\`\``;
    const definitions = Array.from({ length: 100 }, (_, index) => `[label${index}]: ./target.md`).join('\n');
    expect(crowdedFindings([paragraphs, items, rows, code, definitions].join('\n\n'))).toEqual([]);
    // A definition's destination on the line after its label is no paragraph.
    expect(crowdedFindings(`See [the config][config].\n\n[config]:\n  https://example.com/#${'*N__a*_b'.repeat(60)}\n`)).toEqual([]);
    expect(crowdedFindings(`See [the config][config].\n\n[config]:\n  https://example.com/ more ${'*a '.repeat(60)}\n`)).toEqual(['inline-too-complex 4:179']);
    // A definition-like line inside a paragraph is its text.
    expect(crowdedFindings(`text\n[a]: ${'['.repeat(60)}`)).toEqual(['inline-too-complex 2:54']);
  });

  it('parses, under the default limits, a long paragraph of bold code spans, as operations notes write them', () => {
    // 36 lines, 200 bold code spans: 1,200 marker characters, 800 delimiter runs.
    const notes = Array.from({ length: 36 }, (_, line) => Array.from({ length: line < 20 ? 6 : 5 }, (_, index) => `**\`key${line}x${index}\`**`).join(' then ')).join('\n');
    expect(notes.match(/\*\*`/g)).toHaveLength(200);
    expect(readDocument('notes.md', encode(`# Notes\n\n${notes}\n`)).messages).toEqual([]);
  });

  it('leaves HTML blocks out, which nothing parses for inline markers, and counts again after them', () => {
    const row = '<tr><td><a href="https://example.com/"><img src="a.png"/></a></td></tr>';
    const table = `<table>\n${Array.from({ length: 100 }, () => row).join('\n')}\n</table>`;
    expect(crowdedFindings(`## Contributors\n\n${table}\n`)).toEqual([]);
    expect(crowdedFindings(`<table data-full-width="true">${row.repeat(30)}</table>\n`)).toEqual([]);
    expect(crowdedFindings(`text\n<div>${'<b>'.repeat(60)}\n\n<!-- ${'['.repeat(60)}\n`)).toEqual([]);
    // A line of one tag opens no block inside a paragraph: it is the paragraph's text.
    expect(crowdedFindings(`text\n<span class="x">\n${'['.repeat(60)}\n`)).toEqual(['inline-too-complex 3:50']);
    expect(crowdedFindings(`${table}\n\ntext ${'['.repeat(60)}\n`)).toEqual(['inline-too-complex 104:56']);
  });

  it('counts each item of an outline indented with tabs on its own, and an indented line past an item\'s content as its text', () => {
    const outline = `- Settings\n${Array.from({ length: 30 }, (_, index) => `${'\t'.repeat(1 + (index % 3))}- set \`VAR_${index}\` to [one](a.md)`).join('\n')}\n`;
    expect(crowdedFindings(outline)).toEqual([]);
    expect(crowdedFindings(outline.replace(/\t/g, '    '))).toEqual([]);
    // No item above: the indented lines are the paragraph's, and so are lines past an item's content.
    expect(crowdedFindings(`text\n${Array.from({ length: 30 }, () => '\t- [a] [b]').join('\n')}\n`)).toEqual(['inline-too-complex 14:8']);
    expect(crowdedFindings(`- item\n${Array.from({ length: 30 }, () => '          - [a] [b]').join('\n')}\n`)).toEqual(['inline-too-complex 14:17']);
  });

  it('weighs nothing for a whole link of plain text, which the parser closes at once, and counts what a link holds otherwise', () => {
    const contributors = Array.from({ length: 200 }, (_, index) => `[Name ${index}](https://github.com/user_${index} "Profile") ![avatar](a_${index}.png)`).join('\n');
    const document = readDocument('busy.md', encode(`## Contributors\n\n${contributors}\n`), { limits: { maxFileBytes: 1 << 24, maxInlineMarkers: 50 } });
    expect(document.messages).toEqual([]);
    expect(document.model?.links).toHaveLength(400); // 200 links and 200 images
    // Plain links leave the other markers of their paragraph counted as before.
    expect(crowdedFindings(`${contributors} ${'['.repeat(51)}`)).toEqual([`inline-too-complex 200:${contributors.split('\n')[199]!.length + 52}`]);
    // Emphasis or code in a link's text, or a destination the parser must read further, count.
    for (const link of ['[*a*](x.md)', '[`a`](x.md)', '[a](<x y.md>)', '[a [b]](x.md)']) {
      expect(crowdedFindings(Array.from({ length: 30 }, () => link).join(' ')), link).toEqual([expect.stringMatching(/^inline-too-complex 1:/)]);
    }
  });

  it('counts each kind of marker, also in a file that holds no other', () => {
    for (const marker of ['[', ']', '<']) {
      expect(crowdedFindings(`text ${marker.repeat(51)}`)).toEqual(['inline-too-complex 1:56']);
      expect(crowdedFindings(`text ${marker.repeat(50)}`)).toEqual([]);
    }
    // A run of `*`, `_` or backticks is one delimiter run to the parser, however long.
    for (const marker of ['*', '_', '`']) {
      expect(crowdedFindings(`text ${`${marker}a `.repeat(51)}`)).toEqual(['inline-too-complex 1:156']);
      expect(crowdedFindings(`text ${`${marker}a `.repeat(50)}`)).toEqual([]);
      expect(crowdedFindings(`text ${marker.repeat(500)} and ${`${marker}${marker}a `.repeat(49)}`)).toEqual([]);
    }
  });

  it('keeps the default generous enough for a long paragraph of links', () => {
    const links = Array.from({ length: 100 }, (_, index) => `[link ${index}](./doc-${index}.md)`).join(', ');
    expect(readDocument('links.md', encode(`${links}\n`)).messages).toEqual([]);
  });
});

describe('both guards', () => {
  it('leave frontmatter to the YAML reader', () => {
    const text = `---\ntags: ${'['.repeat(600)}${']'.repeat(600)}\nnested:\n${Array.from({ length: 150 }, (_, level) => `${'  '.repeat(level)}- x`).join('\n')}\n---\n# Title\n`;
    expect(findingsOf(text)).toEqual(['yaml-depth 2:70']);
  });
});

describe('withTree', () => {
  it('parses a summarized document again into the model and tree a whole read gives, byte order mark and all', () => {
    const text = '\uFEFF---\ntags: [a]\n---\n# Notes\n\n### Capsule: Kept\n\n**Invariant**\nKept holds.\n\n**Depth**\n\n- SeeAlso: Other\n';
    const whole = readDocument('notes.md', encode(text), { keepTree: true });
    const summary = { ...readDocument('notes.md', encode(text)), model: summarizeModel(whole.model) };
    expect(summary.tree).toBeUndefined();
    const again = withTree(summary);
    expect(again.model).toEqual(whole.model);
    expect(again.tree).toEqual(whole.tree);
    expect(again.text).toBe(whole.text);
  });

  it('gives back a document the reader did not parse as it is, without a tree', () => {
    const binary = readDocument('image.md', new Uint8Array([0x89, 0x50, 0x00, 0x01]));
    const deep = readDocument('deep.md', encode(`${'> '.repeat(120)}quote\n`));
    for (const document of [binary, deep]) {
      expect(wasParsed(document)).toBe(false);
      expect(withTree(document)).toBe(document);
    }
    expect(wasParsed(readDocument('plain.md', encode('# Plain\n')))).toBe(true);
  });
});

describe('text that is not UTF-8', () => {
  const encoded = (text: string) => new TextEncoder().encode(text);
  const at = (bytes: Uint8Array) => {
    const [message] = readDocument('a.md', bytes).messages;
    return [message?.ruleId, message?.line, message?.column, message?.reason];
  };

  it('names the first byte that is not, where it is, and the likely cause', () => {
    // `don’t` saved as Windows-1252 on the third line, after a line holding a two-byte letter.
    const bytes = new Uint8Array([...encoded('# Café\n\nI don'), 0x92, ...encoded('t know\n')]);
    expect(at(bytes)).toEqual([
      'invalid-encoding',
      1,
      1,
      'File is not valid UTF-8 text: the byte 0x92 on line 3, column 6 is not UTF-8 (the file was most likely saved in another encoding, such as Windows-1252); save it as UTF-8',
    ]);
  });

  it('names the line of the first NUL byte of a file it takes for binary', () => {
    // A README whose folder tree lost its box-drawing characters to a conversion.
    const bytes = new Uint8Array([...encoded('# Template\n\n```\nsrc/\n'), 0x00, 0x00, ...encoded(' app.ts\n```\n')]);
    expect(at(bytes)).toEqual(['binary-file', 1, 1, 'File holds NUL bytes, the first on line 5: it looks binary, not Markdown']);
  });

  it('reads a file whose first NUL byte is past the 8,000 bytes git looks at, telling the NUL where it is', () => {
    // A long reference scraped from a site, one NUL left in a list item far down.
    const head = `# LangChain reference\n\n${'- A line of the reference that pads it out.\n'.repeat(200)}`;
    const bytes = new Uint8Array([...encoded(`${head}- Instantiation`), 0x00, ...encoded('\n- Setup\n\n## Usage\n'), 0x00, ...encoded('\n')]);
    const document = readDocument('references/other.md', bytes);
    expect(document.messages.map((message) => [message.ruleId, message.line, message.column, message.reason])).toEqual([
      ['nul-character', 203, 16, 'This line holds a NUL character, the first of 2, which the page shows as `\uFFFD`: the file is text to git and GitHub all the same, as they look for one only in its first 8,000 bytes; delete it'],
    ]);
    expect([wasParsed(document), document.model.headings.map((heading) => heading.text)]).toEqual([true, ['LangChain reference', 'Usage']]);
    // Within the first 8,000 bytes, git takes the file for binary, and so does the reader.
    expect(at(new Uint8Array([...encoded('# A\n\nb'), 0x00, ...encoded(head)]))[0]).toBe('binary-file');
  });

  it('leaves a file git-crypt encrypted unread and untold, as a clone without the key holds no text of it', () => {
    // git-crypt's header, a key version's bytes, then ciphertext, NUL bytes among it.
    const bytes = new Uint8Array([...encoded('\u0000GITCRYPT\u0000'), 0x58, 0xaa, 0xb4, 0x5d, 0x00, 0x10, 0x9b, 0xe8]);
    const document = readDocument('CLAUDE.md', bytes);
    expect([document.messages, document.text, document.model.headings]).toEqual([[], '', []]);
    // A Markdown file that merely starts with the word is text.
    expect(readDocument('notes.md', encoded('GITCRYPT notes\n')).messages).toEqual([]);
    // It holds nothing to publish: the exports and the site leave it out.
    expect([document.model.encrypted, wasParsed(document)]).toEqual(['git-crypt', false]);
  });

  it('leaves a file SOPS encrypted unread and untold, and unpublished, its ciphertext kept as its text', () => {
    const mac = 'ENC[AES256_GCM,data:I0F3N9,iv:pd4u,tag:d8M/,type:str]';
    const json = `{\n\t"data": "ENC[AES256_GCM,data:BXEi,iv:EsYh,tag:X47D,type:str]",\n\t"sops": {\n\t\t"age": [],\n\t\t"mac": "${mac}",\n\t\t"version": "3.10.2"\n\t}\n}\n`;
    const yaml = `data: ENC[AES256_GCM,data:BXEi,iv:EsYh,tag:X47D,type:str]\nsops:\n    age: []\n    mac: ${mac}\n    version: 3.10.2\n`;
    for (const text of [json, yaml]) {
      const document = readDocument('docs/ai-context/USERS.sops.md', encoded(text));
      expect([document.messages, document.text, document.model.headings, document.model.encrypted, wasParsed(document)]).toEqual([[], text, [], 'sops', false]);
      expect(summarizeModel(document.model).encrypted).toBe('sops');
    }
    // A page about SOPS quoting such a file is a page.
    const page = readDocument('docs/secrets.md', encoded(`# Secrets\n\n\`\`\`yaml\n${yaml}\`\`\`\n`));
    expect([page.model.encrypted, wasParsed(page), page.model.title?.text]).toEqual([undefined, true, 'Secrets']);
  });

  it('finds an overlong form, a surrogate and a sequence cut short by the end of the file', () => {
    for (const [bad, byte] of [[[0xc0, 0xaf], 'C0'], [[0xed, 0xa0, 0x80], 'ED'], [[0xe2, 0x82], 'E2']] as const) {
      expect(at(new Uint8Array([...encoded('ab\ncd'), ...bad]))[3]).toContain(`the byte 0x${byte} on line 2, column 3 is`);
    }
  });
});

describe('text in UTF-16', () => {
  const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...[...text].flatMap((character) => [character.charCodeAt(0) & 0xff, character.charCodeAt(0) >> 8])]);

  it('is read when a byte order mark says so, not taken for a binary file', () => {
    const document = readDocument('a.md', utf16le('# Café\r\n\r\n### Capsule: Alpha\r\n'));
    expect(document.messages).toEqual([]);
    expect([document.model.title?.text, document.model.capsules.map((capsule) => capsule.name)]).toEqual(['Café', ['Alpha']]);
  });

  it('names the line of the first NUL character of UTF-16 text it takes for binary', () => {
    const [message] = readDocument('a.md', utf16le('# A\r\nb\r\nc\u0000d\r\n')).messages;
    expect([message?.ruleId, message?.reason]).toEqual(['binary-file', 'File holds NUL characters, the first on line 3: it looks binary, not Markdown']);
  });

  it('is reported when the mark promises UTF-16 the bytes do not hold', () => {
    const [message] = readDocument('a.md', new Uint8Array([0xff, 0xfe, 0x23, 0x00, 0x00, 0xdc])).messages;
    expect([message?.ruleId, message?.reason]).toEqual(['invalid-encoding', 'File starts with a UTF-16LE byte order mark but is not valid UTF-16LE text']);
  });
});
