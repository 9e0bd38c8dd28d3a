import { describe, expect, it } from 'vitest';
import { eachInTurns } from './turns.js';

describe('eachInTurns', () => {
  it('lets the event loop turn after every so many items, and does each item once, in order', async () => {
    const done: number[] = [];
    const seenByTurns: number[] = [];
    const watch = () => {
      seenByTurns.push(done.length);
      if (done.length < 10) setImmediate(watch);
    };
    setImmediate(watch);
    await eachInTurns([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 4, (item) => {
      done.push(item);
    });
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The turns came after the fourth and the eighth item, not only after the last.
    expect(seenByTurns.slice(0, 2)).toEqual([4, 8]);
  });
});
