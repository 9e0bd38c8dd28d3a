import { describe, expect, it } from 'vitest';
import { quickParserFallbacks } from './parse.js';

describe('quickParserFallbacks', () => {
  it('is empty for a document the quick parser takes whole', () => {
    expect(quickParserFallbacks('# Title\n\nA plain paragraph with `code` and *emphasis*.\n\n- one\n- two\n')).toEqual([]);
  });

  it('names only the blocks it gives up on', () => {
    const text = '# Title\n\nA plain paragraph.\n\n> A quoted remark.\n\nAnother plain paragraph.\n\nSee [the guide][guide].\n\n[guide]: https://example.org\n';
    const fallbacks = quickParserFallbacks(text);
    expect(fallbacks.some((block) => block.includes('> A quoted remark.'))).toBe(true);
    expect(fallbacks.some((block) => block.includes('[guide]: https://example.org'))).toBe(true);
    expect(fallbacks.join('\n')).not.toContain('A plain paragraph.');
    expect(fallbacks.join('\n')).not.toContain('Another plain paragraph.');
  });

  it('names the whole text after a frontmatter fence that never closes', () => {
    const text = '---\ntitle: open\n\nA paragraph.\n';
    expect(quickParserFallbacks(text)).toEqual([text]);
  });
});
