import { describe, expect, it } from 'vitest';
import { quickParserFallbacks } from './parse.js';

describe('quickParserFallbacks', () => {
  it('is empty for a document the quick parser takes whole', () => {
    expect(quickParserFallbacks('# Title\n\nA plain paragraph with `code` and *emphasis*.\n\n- one\n- two\n')).toEqual([]);
  });

  it('names only the blocks it gives up on', () => {
    // The inline HTML makes the quick parser give up on the whole text; parsed block by block,
    // the reference no longer has its definition beside it.
    const text = '# Title\n\nA plain paragraph.\n\n> A quoted remark.\n\nPress <kbd>Enter</kbd>.\n\nSee [the guide][guide].\n\n[guide]: https://example.org\n';
    const fallbacks = quickParserFallbacks(text);
    expect(fallbacks.some((block) => block.includes('<kbd>Enter</kbd>'))).toBe(true);
    expect(fallbacks.some((block) => block.includes('See [the guide][guide].'))).toBe(true);
    const handed = fallbacks.join('\n');
    for (const quick of ['A plain paragraph.', '> A quoted remark.', '[guide]: https://example.org']) expect(handed).not.toContain(quick);
  });

  it('names the whole text after a frontmatter fence that never closes', () => {
    const text = '---\ntitle: open\n\nA paragraph.\n';
    expect(quickParserFallbacks(text)).toEqual([text]);
  });
});
