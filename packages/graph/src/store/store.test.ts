import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../corpus.js';
import { capsuleText } from '../testing.js';
import { Store } from './index.js';

const freshFolder = () => mkdtempSync(join(tmpdir(), 'capsule-store-'));

function corpus(): string {
  const root = freshFolder();
  writeFileSync(join(root, 'a.md'), capsuleText('Alpha', 'Beta'));
  writeFileSync(join(root, 'b.md'), capsuleText('Beta', 'Alpha'));
  writeFileSync(join(root, 'c.md'), capsuleText('Gamma', 'Missing'));
  return root;
}

const comparable = (loaded: Awaited<ReturnType<typeof loadCorpus>>) =>
  loaded.documents.map((document) => ({ path: document.path, model: document.model, reasons: document.messages.map((message) => message.reason) }));

describe('the store', () => {
  it('keeps every kind of record in its one folder, as the README lays out', async () => {
    const root = corpus();
    const dir = freshFolder();
    await loadCorpus({ root, cache: { dir } });
    new Store(dir).results('check').set('key', 'text');
    const names = readdirSync(dir).sort();
    expect(names).toHaveLength(3);
    expect(names[0]).toMatch(/^index-[0-9a-f]{16}\.json$/);
    expect(names[1]).toMatch(/^parse-[0-9a-f]{16}$/);
    expect(names[2]).toBe('results');
    expect(readdirSync(join(dir, names[1]!)).every((name) => /^[0-9a-f]{3}\.jsonl$/.test(name))).toBe(true);
    expect(readdirSync(join(dir, 'results'))).toEqual(['check.result']);
  });

  it('keeps the parses of documents a load of a few did not ask for', async () => {
    const root = corpus();
    const dir = freshFolder();
    await loadCorpus({ root, cache: { dir } });
    expect((await loadCorpus({ root, cache: { dir }, documents: ['a.md'] })).stats).toMatchObject({ parsed: 0, cached: 1 });
    expect((await loadCorpus({ root, cache: { dir } })).stats).toMatchObject({ parsed: 0, cached: 3 });
    // A whole load drops what no document uses any more.
    writeFileSync(join(root, 'c.md'), capsuleText('Delta'));
    await loadCorpus({ root, cache: { dir } });
    writeFileSync(join(root, 'c.md'), capsuleText('Gamma', 'Missing'));
    expect((await loadCorpus({ root, cache: { dir } })).stats).toMatchObject({ parsed: 1, cached: 2 });
  });

  it.each([
    ['a file stands where the folder should be', () => {
      const dir = join(freshFolder(), 'cache');
      writeFileSync(dir, 'not a folder');
      return dir;
    }],
    ['every record is a folder', async (root: string) => {
      // Made by a first run, then each record replaced by a folder: none can be read or replaced.
      const dir = freshFolder();
      await loadCorpus({ root, cache: { dir } });
      const records = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
      expect(records.length).toBeGreaterThan(1);
      for (const entry of records) {
        const file = join(entry.parentPath, entry.name);
        rmSync(file);
        mkdirSync(join(file, 'blocking'), { recursive: true });
      }
      return dir;
    }],
  ])('loads the corpus without it, parsing every document, when %s', async (_, prepare) => {
    const root = corpus();
    const dir = await prepare(root);
    const expected = comparable(await loadCorpus({ root }));
    for (let run = 0; run < 2; run++) {
      const loaded = await loadCorpus({ root, cache: { dir } });
      expect(loaded.stats).toMatchObject({ parsed: 3, cached: 0 });
      expect(comparable(loaded)).toEqual(expected);
    }
  });
});
