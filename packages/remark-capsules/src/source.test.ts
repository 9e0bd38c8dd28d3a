import { describe, expect, it } from 'vitest';
import { Source } from './source.js';

describe('Source', () => {
  it('never places a point between the CR and the LF of one line ending', () => {
    const source = new Source('a\r\nb');
    expect(source.point(2)).toEqual({ line: 2, column: 1, offset: 3 });
    expect(source.span(1, 2)).toEqual({ start: { line: 1, column: 2, offset: 1 }, end: { line: 2, column: 1, offset: 3 } });
  });

  it('clamps offsets outside the file into it', () => {
    const source = new Source('ab\n');
    expect(source.point(-5)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(source.point(99)).toEqual({ line: 2, column: 1, offset: 3 });
  });
});
