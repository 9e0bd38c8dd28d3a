/**
 * micromark batches changes to its list of events in an `EditMap`, whose `consume` rebuilds
 * the whole list to apply them. The block parser applies such a batch near the end of the
 * list each time a list or block quote closes, so an ordinary outline (list items with
 * sub-items) or a long quote took time in the square of its length: half a minute for
 * 200 KB. The replacement below gives the same list but rebuilds only from the first
 * change on. It is installed on the class micromark itself imports, once per process.
 */
import { EditMap } from 'micromark-util-edit-map';
import type { Event } from 'micromark-util-types';

type Change = [at: number, remove: number, add: Event[]];

/** The list `consume` rebuilds: `events` with every change applied, changes sorted by place. */
export function consumeFromFirstChange(this: EditMap, events: Event[]): undefined {
  const changes = (this as unknown as { map: Change[] }).map;
  if (changes.length === 0) return;
  changes.sort((a, b) => a[0] - b[0]);
  const tail: Event[] = [];
  changes.forEach(([at, remove, add], index) => {
    for (const event of add) tail.push(event);
    // As in the original, a removal never reaches past the next change.
    const until = index + 1 < changes.length ? changes[index + 1]![0] : events.length;
    for (let kept = at + remove; kept < until; kept++) tail.push(events[kept]!);
  });
  events.length = changes[0]![0];
  for (const event of tail) events.push(event);
  changes.length = 0;
  (this as unknown as { index: Map<number, Change> }).index.clear();
}

/** Make micromark's `EditMap.consume` the linear one. */
export function installLinearEdits(): void {
  EditMap.prototype.consume = consumeFromFirstChange;
}
