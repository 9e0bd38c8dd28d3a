import type { CorpusDocument } from '@capsule-docs/graph';
import { describe, expect, it } from 'vitest';
import { spanOf } from './places.js';
import { SourceCursor } from './text.js';

describe('SourceCursor', () => {
  it('finds a piece of several lines whatever the file ends its lines with', () => {
    for (const ending of ['\n', '\r\n', '\r']) {
      const text = ['# Title', '', 'Before (an aside', 'that wraps) after.', ''].join(ending);
      const document = { text } as CorpusDocument;
      const cursor = new SourceCursor(document, spanOf(text, 0, text.length));
      const start = text.indexOf('(');
      expect(cursor.next('(an aside\nthat wraps)'), JSON.stringify(ending)).toEqual(spanOf(text, start, text.indexOf(')') + 1));
      expect(cursor.next('(an aside\nthat wraps)')).toEqual(spanOf(text, 0, text.length));
    }
  });
});
