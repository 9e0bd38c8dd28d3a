/**
 * A file of one HTML block of about 3 MB. micromark holds events for every line of it and
 * took about 25 seconds and over a gigabyte on such a file; the quick parser reads an HTML
 * block of kind 1 or 6 line by line, so none of it goes to micromark. The bound is on work:
 * the characters handed to micromark, counted, not a wall clock.
 */
import { readDocument } from '@capsule-docs/graph';
import { parseTree, quickParserFallbacks } from 'remark-capsules';
import { describe, expect, it } from 'vitest';

const size = 3 * 1024 * 1024;

function fill(opening: string, line: string, closing: string): string {
  return `# Title\n\n${opening}\n${line.repeat(Math.ceil(size / line.length))}${closing}\n\nAfter the block.\n`;
}

const shapes: Record<string, string> = {
  'a <div> of short lines': fill('<div align="center">', '<b>x</b>\n', '</div>'),
  'a <pre> over blank lines': fill('<pre>', 'code\n\n', '</pre>'),
};

describe('a file of one HTML block of 3 MB', () => {
  for (const [what, text] of Object.entries(shapes)) {
    it(`is read without micromark: ${what}`, { timeout: 60_000 }, () => {
      const handedOver = quickParserFallbacks(text).reduce((sum, part) => sum + part.length, 0);
      expect(handedOver).toBe(0);

      const document = readDocument('big.md', new TextEncoder().encode(text), { limits: { maxFileBytes: 8 * 1024 * 1024 } });
      expect(document.messages).toEqual([]);
      const tree = parseTree(text);
      const html = tree.children.filter((node) => node.type === 'html');
      expect(html).toHaveLength(1);
      expect(html[0]?.type === 'html' && html[0].value.length).toBeGreaterThan(size);
      // The paragraph after the block keeps its place.
      const last = tree.children.at(-1)!;
      expect(last.type).toBe('paragraph');
      expect(last.position!.start.line).toBe(text.split('\n').length - 1);
    });
  }
});
