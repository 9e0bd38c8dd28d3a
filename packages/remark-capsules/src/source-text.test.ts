import { describe, expect, it } from 'vitest';
import { parseCapsuleDocument } from './parse.js';
import { SourceText } from './source-text.js';

describe('SourceText', () => {
  it('never places a point between the CR and the LF of one line ending', () => {
    const source = new SourceText('a\r\nb');
    expect(source.point(2)).toEqual({ line: 2, column: 1, offset: 3 });
    expect(source.span(1, 2)).toEqual({ start: { line: 1, column: 2, offset: 1 }, end: { line: 2, column: 1, offset: 3 } });
  });

  it('clamps offsets outside the file into it', () => {
    const source = new SourceText('ab\n');
    expect(source.point(-5)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(source.point(99)).toEqual({ line: 2, column: 1, offset: 3 });
  });
});

describe('a file with a byte order mark', () => {
  it('places everything as in the same file without one', () => {
    const text = '---\ndescription: x\n---\n# Title\n\n### Capsule: Alpha\n\n**Invariant**\nText.\n';
    const plain = parseCapsuleDocument(text).model;
    const marked = parseCapsuleDocument(`\uFEFF${text}`).model;
    expect(marked).toEqual(plain);
    expect(marked.capsules[0]?.namePosition.start).toEqual({ line: 6, column: 14, offset: 45 });
  });
});
