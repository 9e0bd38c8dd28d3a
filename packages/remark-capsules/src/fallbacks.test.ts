import { describe, expect, it } from 'vitest';
import { quickParserFallbacks } from './parse.js';

describe('quickParserFallbacks', () => {
  it('is empty for a document the quick parser takes whole', () => {
    expect(quickParserFallbacks('# Title\n\nA plain paragraph with `code` and *emphasis*.\n\n- one\n- two\n')).toEqual([]);
  });

  it('names only the blocks it gives up on', () => {
    // The inline comment makes the quick parser give up on the whole text, which is then parsed
    // block by block; the reference is parsed with its definition written after it, and
    // stays the quick parser's.
    const text = '# Title\n\nA plain paragraph.\n\n> A quoted remark.\n\nPress Enter <!-- or Return -->.\n\nSee [the guide][guide].\n\n[guide]: https://example.org\n';
    const fallbacks = quickParserFallbacks(text);
    expect(fallbacks).toEqual(['Press Enter <!-- or Return -->.\n\n']);
  });

  it('gives a piece the definitions other pieces write before parsing it, not after', () => {
    // Definitions at the end of a long document, cited from its first piece: that piece is
    // parsed once, with them, so nothing of it goes to micromark.
    const paragraphs = Array.from({ length: 400 }, (_, index) => `Paragraph ${index} cites [the notes][note-${index % 3}].`).join('\n\n');
    const text = `# Title\n\n${paragraphs}\n\n[note-0]: https://example.org/0\n[note-1]: https://example.org/1\n[note-2]: https://example.org/2\n`;
    expect(text.length).toBeGreaterThan(2 * 8 * 1024);
    expect(quickParserFallbacks(text)).toEqual([]);
  });

  it('names the whole text after a frontmatter fence that never closes', () => {
    const text = '---\ntitle: open\n\nA paragraph.\n';
    expect(quickParserFallbacks(text)).toEqual([text]);
  });
});
