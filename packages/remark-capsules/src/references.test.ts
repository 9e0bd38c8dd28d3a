import { describe, expect, it } from 'vitest';
import { parseCapsuleDocument } from './parse.js';

function seeAlsoOf(text: string) {
  return parseCapsuleDocument(text).model.capsules[0]?.seeAlso ?? [];
}

describe('SeeAlso references', () => {
  it('reads a free-text target that wraps onto the next line as one line, with any line endings', () => {
    const text = '### Capsule: Alpha\n\n**Depth**\n\n- SeeAlso: Etsy blameless\n  postmortem philosophy\n';
    for (const file of [text, text.replace(/\n/g, '\r\n')]) {
      const [reference] = seeAlsoOf(file);
      expect(reference?.target).toBe('Etsy blameless postmortem philosophy');
      expect(reference?.kind).toBe('text');
      expect(reference?.position.end).toMatchObject({ line: 6, column: 24 });
    }
  });
});
