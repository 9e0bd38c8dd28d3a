/**
 * Astro's content store (patched, see patches/astro@5.18.2.patch) writes what it holds last.
 * Unpatched, a write asked for while another was on its way rewrote the earlier state: a
 * build that followed a build of another corpus could publish the earlier corpus's documents.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MutableDataStore } from '../../site/node_modules/astro/dist/content/mutable-data-store.js';

describe("Astro's content store", () => {
  it('writes its latest state, and says so only once it is written, when a write is asked for while another is under way', async () => {
    const file = pathToFileURL(join(await mkdtemp(join(tmpdir(), 'data-store-')), 'data-store.json'));
    const store = await MutableDataStore.fromFile(file);
    const docs = store.scopedStore('docs');
    docs.set({ id: 'earlier-corpus', data: { title: 'Earlier' } });
    const first = store.writeToDisk();
    // Asked for before the first write has finished.
    docs.delete('earlier-corpus');
    docs.set({ id: 'this-corpus', data: { title: 'This one' } });
    // The second write settles once its state is on disk, as Astro's build reads the file next.
    await store.writeToDisk();
    const written = await readFile(file, 'utf8');
    expect(written).toContain('this-corpus');
    expect(written).not.toContain('earlier-corpus');
    await first;
    await store.waitUntilSaveComplete();
    expect(await readFile(file, 'utf8')).toBe(written);
  });
});
