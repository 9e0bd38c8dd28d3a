import { describe, expect, it } from 'vitest';
import { parseCapsuleDocument } from './parse.js';

const closerOf = (text: string) => parseCapsuleDocument(text, 'doc.md').model.unclosedBlock?.closer;

describe('a block left open at the end of the document', () => {
  it.each([
    ['a fence never closed', '# A\n\n```ts\nconst a = 1;\n', '```'],
    ['a fence of four tildes', '# A\n\n~~~~\ntext\n~~~\n', '~~~~'],
    ['a fence whose last line is too short to close it', '````\n```\n', '````'],
    ['an opening fence alone', '```', '```'],
    ['a comment never ended', 'Text.\n\n<!-- note\n\nmore\n', '-->'],
    ['a script element never ended', '<script>\nlet a;\n', '</script>'],
    ['a processing instruction', '<?php\n', '?>'],
    ['with CRLF line endings', '# A\r\n\r\n```\r\ncode\r\n', '```'],
  ])('is found: %s', (_, text, closer) => {
    expect(closerOf(text)).toBe(closer);
  });

  it.each([
    ['a closed fence', '# A\n\n```\ncode\n```\n'],
    ['a closed fence with trailing blank lines', '```\ncode\n````  \n\n\n'],
    ['a fence followed by text', '```\ncode\n```\nAfter.\n'],
    ['an unclosed fence inside a list item, which its list ends', '- item\n\n  ```\n  code\n'],
    ['an unclosed fence inside a quote', '> ```\n> code\n'],
    ['an indented code block', 'Text.\n\n    code\n'],
    ['a comment ended on its own line', '<!-->\n'],
    ['a comment ended later', '<!-- a\nb -->\n'],
    ['no block at all', '# A\n\nText.\n'],
    ['an empty document', ''],
  ])('is not reported for %s', (_, text) => {
    expect(closerOf(text)).toBeUndefined();
  });

  it('follows MDX, where a fence may be indented by four spaces or a tab, and so may its closer', () => {
    const closerIn = (text: string) => parseCapsuleDocument(text, 'page.mdx').model.unclosedBlock?.closer;
    expect(closerIn('Run:\n\n    ```shell\n    a\n      b\n    ```\n')).toBeUndefined();
    expect(closerIn('Run:\n\n\t```shell\n\ta\n\t```\n')).toBeUndefined();
    expect(closerIn('Run:\n\n    ```shell\n    a\n')).toBe('```');
    // In Markdown the same lines are indented code, which has no fence to leave open.
    expect(closerOf('Run:\n\n    ```shell\n    a\n')).toBeUndefined();
  });

  it('is placed at the block', () => {
    const block = parseCapsuleDocument('# A\n\n```\ncode\n', 'doc.md').model.unclosedBlock;
    expect(block?.position.start).toEqual({ line: 3, column: 1, offset: 5 });
  });

  describe('after a code block that holds a fence as long as its own', () => {
    const nestedOf = (text: string) => parseCapsuleDocument(text, 'doc.md').model.unclosedBlock?.nestedFence;
    const prompt = 'Prompt:\n\n```\nAnswer in a block:\n\n```{LANGUAGE}\n{CODE}\n```\n\nThen the risks.\n```\n';

    it('names the outer fence, the inner fence, the line that closed the outer block, and a fence long enough', () => {
      const nested = nestedOf(prompt);
      expect(nested?.outer.start).toEqual({ line: 3, column: 1, offset: 9 });
      expect(nested?.inner.start).toEqual({ line: 6, column: 1, offset: 33 });
      expect(nested?.inner.end.offset).toBe(46);
      expect(nested?.closing.start).toEqual({ line: 8, column: 1, offset: 54 });
      expect(nested?.closing.end.offset).toBe(57);
      expect(nested?.fence).toBe('````');
    });

    it('is not claimed when the outer fence is bare and an HTML block before it swallowed the fence it closes', () => {
      const pair = (language: string, body: string) => `<div class="example">\n</div>\n\`\`\`${language}\n${body}\n`;
      const text = `# Buttons\n\n${pair('markdown', '[Link](https://example.com)')}\nMore text.\n\`\`\`\n\n### Button element\n\n${pair('html', '<button>x</button>')}\`\`\`\n\n${pair('markdown', 'x')}\n\`\`\`\n`;
      const open = parseCapsuleDocument(text, 'doc.md').model.unclosedBlock;
      expect(open?.nestedFence).toBeUndefined();
      expect(open?.fenceInHtml?.html.start.line).toBe(19);
      // Without the HTML block, the same bare block holding a fence is a nested one.
      expect(nestedOf(text.replace('<div class="example">\n</div>\n```markdown\n[Link]', '[Link]'))?.outer.start.line).toBe(6);
    });

    it('is a closer written with a language instead when Markdown lies between it and the line that closed the block', () => {
      const text = '# Setup\n\n```bash\nrun\n```text\n\nIt makes a database.\n\n- [ ] Check it\n\n```\n\n```json\n{}\n';
      const open = parseCapsuleDocument(text, 'doc.md').model.unclosedBlock;
      expect(open?.nestedFence).toBeUndefined();
      expect(open?.closerWithLanguage).toBeUndefined();
      const earlier = open?.earlierCloserWithLanguage;
      expect([earlier?.opener.start.line, earlier?.closer.start.line, earlier?.markdown.start.line, earlier?.closing.start.line]).toEqual([3, 5, 9, 11]);
      expect(earlier?.closer.end.column).toBe(8);
    });

    it('asks for a fence longer than the inner one', () => {
      expect(nestedOf('~~~\n~~~~~yaml\na: 1\n~~~~~\n~~~\n')?.fence).toBe('~~~~~~');
    });

    it.each([
      ['the document ends closed', 'Prompt:\n\n```\n```ts\nx\n```\n'],
      ['the inner fence is shorter than the outer one', '````\n```ts\nx\n```\n````\n\n```\nopen\n'],
      ['the inner fence is of the other character', '```\n~~~ts\nx\n~~~\n```\n\n```\nopen\n'],
    ])('is not named when %s', (_, text) => {
      expect(nestedOf(text)).toBeUndefined();
    });
  });

  describe('a fence an HTML block holds, right after the closing fence of a sample', () => {
    // A `markdown` sample whose own bare fence closed it early: `<structure>` opens an HTML
    // block that holds the fence meant to close that inner one. The fences pair wrongly from
    // line 5 on, so a blank line before line 12 would mend nothing.
    const sample = (after: string) => `# Templates\n\n## Minimal\n\n\`\`\`markdown\n# <Project Name>\n\n## Architecture\n\n\`\`\`\n<structure>\n\`\`\`\n\n## Gotchas\n\n- <gotcha>\n\`\`\`\n${after}`;

    it('is not told as the HTML block\'s doing, whether the fences pair up again or the document ends open', () => {
      const recovered = parseCapsuleDocument(sample('\n## More\n\n```markdown\n## Commands\n```\n'), 'doc.md').model;
      expect(recovered.htmlSwallowedFence).toBeUndefined();
      const open = parseCapsuleDocument(sample('\n## More\n'), 'doc.md').model.unclosedBlock;
      expect(open?.position.start.line).toBe(17);
      expect(open?.fenceInHtml).toBeUndefined();
    });

    it('is told when a blank line parts the sample from the HTML block', () => {
      const text = sample('\n## More\n\n```markdown\n## Commands\n```\n').replace('```\n<structure>', '```\n\n<structure>');
      expect(parseCapsuleDocument(text, 'doc.md').model.htmlSwallowedFence?.html.start.line).toBe(12);
    });
  });

  describe('a sample closed twice', () => {
    const misnestedOf = (text: string) => parseCapsuleDocument(text, 'doc.md').model.misnestedFence;
    // A four-backtick sample closed right after its `sh` block, and again where its writer meant.
    const twice = '````markdown\n## Install\n\n```sh\nmake\n```\n````\n\n## Usage\n\nRun it.\n\n````\n\n## Config\n\n```yaml\nx: 1\n````\n';

    it('names the early closer and the block the meant one opens', () => {
      const misnested = misnestedOf(twice);
      expect(misnested?.extraCloser).toBe(true);
      expect([misnested?.outer.start.line, misnested?.closing.start.line, misnested?.opener.start.line, misnested?.closer.start.line]).toEqual([1, 7, 13, 19]);
    });

    it('is not named when the closer follows a block inside the sample still open', () => {
      expect(misnestedOf(twice.replace('```sh\nmake\n```\n', 'Then:\n\n```sh\n'))?.extraCloser).toBeUndefined();
    });

    it('is not named when the sample\'s text ends in prose before its closer', () => {
      expect(misnestedOf(twice.replace('```\n````\n\n## Usage', '```\n\nDone.\n````\n\n## Usage'))?.extraCloser).toBeUndefined();
    });
  });

  describe('a nested fence that pairs up again before the end', () => {
    const misnestedOf = (text: string) => parseCapsuleDocument(text, 'doc.md').model.misnestedFence;
    // The author's blocks: a prompt holding a `ts` sample, then a plain block after `## Next`.
    const prompt = '```md\nAsk:\n```ts\nx\n```\n\nThen the risks.\n```\n\n## Next\n\n```\nmore\n```\n\n```sh\nls\n```\n';

    it.each([
      ['a task list item', '- [ ] Step 2'],
      ['a fence with an info string', '```sh'],
    ])('is named when the swallowed text holds %s', (_, line) => {
      expect(misnestedOf(`\`\`\`md\n\`\`\`ts\nx\n\`\`\`\n\nMore.\n\`\`\`\n\n${line}\n\`\`\`\n`)).toBeDefined();
    });

    it('names the fences that went wrong and the bare fence whose block swallows the text', () => {
      const misnested = misnestedOf(prompt);
      expect(misnested?.outer.start.line).toBe(1);
      expect(misnested?.inner.start.line).toBe(3);
      expect(misnested?.closing.start.line).toBe(5);
      expect(misnested?.opener.start.line).toBe(8);
      expect(misnested?.closer.start.line).toBe(12);
      expect(misnested?.fence).toBe('````');
      // Every block is closed: nothing is left open at the end.
      expect(parseCapsuleDocument(prompt, 'doc.md').model.unclosedBlock).toBeUndefined();
    });

    it.each([
      ['the next code block opens with a language', '```md\n```ts\n```\n\n```sh\nls\n```\n'],
      ['no code block follows', '```md\n```ts\n```\n\nThe end.\n'],
      ['the document ends inside a block, which the unclosed block tells', '```md\n```ts\nx\n```\n\n```\nopen\n'],
      ['the outer fence is longer', '````md\n```ts\nx\n```\n````\n\n```\ncode\n```\n'],
      // As when a bare fence inside a `md` block above closed it, and its closer opened this one.
      ['the outer block opens bare', '```\n```ts\nx\n```\n\n```\ncode\n```\n'],
      // The sample shows an opening fence alone; the bare block after it is code, as meant.
      ['the bare block after it holds code, not Markdown', '```md\nOpen a block with:\n```bash\n```\n\nThen plain code:\n\n```\nls\n# a comment\n```\n'],
    ])('is not named when %s', (_, text) => {
      expect(misnestedOf(text)).toBeUndefined();
    });
  });
});

describe('a Markdown sample let out by a fence that closed it early', () => {
  it('ends where its writer meant it to, at the same line and column with any line endings', () => {
    const text = '# Guide\n\n```markdown\n## Quick start\n\n```python\nimport x\n```\n\nSee [FORMS.md](FORMS.md).\n```\n\nAfter.\n';
    const ends = ['\n', '\r\n'].map((ending) => {
      const [sample] = parseCapsuleDocument(text.replace(/\n/g, ending)).model.samplesLetOut ?? [];
      return sample && { line: sample.end.line, column: sample.end.column, closing: sample.cause.closing.start.line };
    });
    expect(ends).toEqual([
      { line: 11, column: 4, closing: 8 },
      { line: 11, column: 4, closing: 8 },
    ]);
  });
});
