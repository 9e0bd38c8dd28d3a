/**
 * micromark's `EditMap.consume` rebuilt the whole list of events for each batch of changes,
 * so an outline or a long quote took time in the square of its length. The fix is carried as
 * a pnpm patch of `micromark-util-edit-map` (patches/, named in pnpm-workspace.yaml), not
 * installed at run time. These tests fail when the installed version is no longer the
 * patched one, or when the patch is missing or changes what `consume` does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { EditMap } from 'micromark-util-edit-map';
import type { Event } from 'micromark-util-types';
import { describe, expect, it } from 'vitest';

const workspace = readFileSync(new URL('../../../pnpm-workspace.yaml', import.meta.url), 'utf8');
const patched = /^\s+micromark-util-edit-map@([^:]+): (\S+)$/m.exec(workspace);
const installedEntry = createRequire(import.meta.url).resolve('micromark-util-edit-map');
const packageName = 'micromark-util-edit-map';
const installedFolder = installedEntry.slice(0, installedEntry.lastIndexOf(packageName) + packageName.length);

describe('the patched micromark-util-edit-map', () => {
  it('is the version the patch names, with the patch applied', () => {
    expect(patched).not.toBeNull();
    const version = (JSON.parse(readFileSync(`${installedFolder}/package.json`, 'utf8')) as { version: string }).version;
    expect(version).toBe(patched![1]);
    const patch = readFileSync(new URL(`../../../${patched![2]}`, import.meta.url), 'utf8');
    const added = patch.split('\n').filter((line) => line.startsWith('+') && !line.startsWith('+++')).map((line) => line.slice(1));
    // The package has a build for production and one for development (the `development` condition): both are patched.
    const sources = ['index.js', 'dev/index.js'].map((file) => readFileSync(`${installedFolder}/${file}`, 'utf8'));
    expect(added.length).toBeGreaterThan(20);
    for (const line of added) expect(sources.some((source) => source.includes(line))).toBe(true);
    for (const source of sources) expect(source).toContain('Rebuild only from the first change on');
  });

  it('is left as installed by the parser: importing and running it reassigns nothing', async () => {
    const consume = EditMap.prototype.consume;
    const { parseCapsuleDocument } = await import('./parse.js');
    parseCapsuleDocument('- item\n  - sub-item\n- item\n\n> quote\n\n[a]: b\n');
    expect(EditMap.prototype.consume).toBe(consume);
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
        expect(run(EditMap.prototype.consume)).toEqual(run(rebuildAll));
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
