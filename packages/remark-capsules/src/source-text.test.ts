import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCapsuleDocument } from './parse.js';
import { collapseWhitespace, SourceText } from './source-text.js';

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

describe('collapseWhitespace', () => {
  it('folds and trims as replacing every whitespace run with a space and trimming does', () => {
    const whitespace = [' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\ufeff', '\u2028', '\v', '\f'];
    const piece = fc.oneof(fc.constantFrom(...whitespace), fc.string({ maxLength: 4 }), fc.constantFrom('word', 'Capsule', 'a.b'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(collapseWhitespace(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 2000 },
    );
  });

  it('hands back folded text as it is', () => {
    expect(collapseWhitespace('one two three')).toBe('one two three');
    expect(collapseWhitespace(' one\ttwo\n\nthree ')).toBe('one two three');
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
