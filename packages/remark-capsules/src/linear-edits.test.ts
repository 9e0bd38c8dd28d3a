import fc from 'fast-check';
import { EditMap } from 'micromark-util-edit-map';
import type { Event } from 'micromark-util-types';
import { describe, expect, it } from 'vitest';
import { consumeFromFirstChange } from './linear-edits.js';
import { parseCapsuleDocument } from './parse.js';

// Importing the parser installed the replacement.
const installed = EditMap.prototype.consume;

describe('consumeFromFirstChange', () => {
  it('is what the parser runs', () => {
    expect(installed).toBe(consumeFromFirstChange);
    let calls = 0;
    EditMap.prototype.consume = function (this: EditMap, events: Event[]) {
      calls++;
      consumeFromFirstChange.call(this, events);
    };
    try {
      parseCapsuleDocument('- item\n  - sub-item\n- item\n\nAfter the list.\n');
    } finally {
      EditMap.prototype.consume = installed;
    }
    expect(calls).toBeGreaterThan(0);
  });

  it('gives the same events as a full rebuild for any batch of changes', () => {
    const change = fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 5 }), fc.array(fc.integer({ min: 100, max: 999 }), { maxLength: 4 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 99 }), { maxLength: 40 }), fc.array(change, { maxLength: 6 }), (values, changes) => {
        const run = (consume: (this: EditMap, events: Event[]) => void) => {
          const events = values.map((value) => value as unknown as Event);
          const map = new EditMap();
          for (const [at, remove, add, before] of changes) {
            const place = Math.min(at, events.length);
            const added = add.map((value) => value as unknown as Event);
            if (before) map.addBefore(place, remove, added);
            else map.add(place, remove, added);
          }
          consume.call(map, events);
          return events;
        };
        expect(run(consumeFromFirstChange)).toEqual(run(rebuildAll));
      }),
    );
  });
});

/** micromark's own algorithm: rebuild the whole list, last change first. */
function rebuildAll(this: EditMap, events: Event[]): void {
  const changes = (this as unknown as { map: [number, number, Event[]][] }).map;
  changes.sort((a, b) => a[0] - b[0]);
  if (changes.length === 0) return;
  const pieces: Event[][] = [];
  for (let index = changes.length - 1; index >= 0; index--) {
    const [at, remove, add] = changes[index]!;
    pieces.push(events.slice(at + remove), add);
    events.length = at;
  }
  pieces.push(events.slice());
  events.length = 0;
  for (let piece = pieces.pop(); piece; piece = pieces.pop()) events.push(...piece);
  changes.length = 0;
}
