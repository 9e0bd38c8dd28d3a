import { describe, expect, it } from 'vitest';
import { TextPoints } from './text-points.js';

describe('TextPoints', () => {
  const points = new TextPoints('ab\r\ncd\ref\n');

  it('turns offsets into points over every line ending, and back', () => {
    expect(points.point(0)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(points.point(4)).toEqual({ line: 2, column: 1, offset: 4 });
    expect(points.point(7)).toEqual({ line: 3, column: 1, offset: 7 });
    expect(points.offset(3, 2)).toBe(8);
    expect(points.offset(2, 1)).toBe(4);
  });

  it('never places a point between the CR and LF of one line ending', () => {
    expect(points.point(3)).toEqual({ line: 2, column: 1, offset: 4 });
  });

  it('clamps offsets outside the text and says when a line and column are not in it', () => {
    expect(points.point(-5)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(points.point(999)).toEqual({ line: 4, column: 1, offset: 10 });
    expect(points.point(Number.NaN)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(points.offset(9, 1)).toBeUndefined();
    expect(points.offset(1, 40)).toBeUndefined();
  });
});
