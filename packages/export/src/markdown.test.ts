import { parseCapsuleDocument } from 'remark-capsules';
import { describe, expect, it } from 'vitest';
import { codeSpan, encodePath, fenced, escapedInline, link } from './markdown.js';

/** What a line reads as when it stands alone as a document. */
const blockOf = (markdown: string) => {
  const { tree } = parseCapsuleDocument(markdown, 'line.md');
  return tree.children.map((node) => node.type);
};

describe('Markdown writing helpers', () => {
  it('keep inline text a paragraph, whatever it starts or ends with', () => {
    for (const text of ['# heading', '> quote', '- item', '+ item', '* item', '1. first', '12) twelfth', '```js', '~~~', 'multi\nline\n# text', '===']) {
      expect(blockOf(escapedInline(text)), text).toEqual(['paragraph']);
    }
    const { model } = parseCapsuleDocument(`# ${escapedInline('Title ##')}\n`, 'title.md');
    expect(model.title?.text).toBe('Title ##');
  });

  it('make code spans and fences that nothing inside can close', () => {
    expect(codeSpan('a `b` c')).toBe('``a `b` c``');
    expect(codeSpan('`edge`')).toBe('`` `edge` ``');
    const body = '````\nstill inside\n```';
    const { tree } = parseCapsuleDocument(`${fenced(body, 'markdown')}\n\nafter\n`, 'fence.md');
    expect(tree.children.map((node) => node.type)).toEqual(['code', 'paragraph']);
    expect(tree.children[0]).toMatchObject({ value: body, lang: 'markdown' });
  });

  it('make links that stay links whatever the text and path hold', () => {
    const written = link('A [bracketed] title', encodePath('my notes/a (draft).md'));
    expect(written).toBe('[A \\[bracketed\\] title](my%20notes/a%20%28draft%29.md)');
    const { model } = parseCapsuleDocument(`${written}\n`, 'links.md');
    expect(model.links.map((found) => [found.text, found.path])).toEqual([['A [bracketed] title', 'my notes/a (draft).md']]);
  });
});
