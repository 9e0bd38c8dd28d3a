import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CorpusIndex } from './corpus-index.js';
import { scanCorpus } from '../corpus-scan.js';
import { capsuleText } from '../testing.js';

const signature = { size: 10, mtimeMs: 1_000, ctimeMs: 1_000, ino: 7 };
const keys = { defines: ['Alpha'], references: ['Beta', 'Alpha'], targets: ['b.md'] };

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'capsule-index-'));
}

describe('CorpusIndex', () => {
  it('trusts a recorded hash only for the same signature, recorded well after the file last changed', () => {
    const index = CorpusIndex.openFile(join(folder(), 'index.json'), '/corpus');
    index.record('a.md', signature, 'hash-a', 10_000);
    index.record('fresh.md', signature, 'hash-f', 2_500);
    expect(index.hashFor('a.md', signature)).toBe('hash-a');
    expect(index.hashFor('a.md', { ...signature, mtimeMs: 1_001 })).toBeUndefined();
    expect(index.hashFor('a.md', { ...signature, ino: 8 })).toBeUndefined();
    // Changed less than two seconds before the scan: it may change again unseen.
    expect(index.hashFor('fresh.md', signature)).toBeUndefined();
  });

  it('keeps keys for the content they were made from, and saves and reads back', async () => {
    const file = join(folder(), 'index.json');
    const index = CorpusIndex.openFile(file, '/corpus');
    index.record('a.md', signature, 'hash-a', 10_000);
    index.setKeys('a.md', 'hash-a', keys);
    index.record('b.md', signature, 'hash-b', 10_000);
    await index.save();
    const reopened = CorpusIndex.openFile(file, '/corpus');
    expect(reopened.keysFor('a.md', 'hash-a')).toEqual(keys);
    expect(reopened.keysFor('a.md', 'other')).toBeUndefined();
    expect(reopened.keysFor('b.md', 'hash-b')).toBeUndefined();
    expect(reopened.hashFor('b.md', signature)).toBe('hash-b');
    reopened.record('a.md', { ...signature, size: 11 }, 'hash-a2', 10_000);
    expect(reopened.keysFor('a.md', 'hash-a2')).toBeUndefined();
  });

  it('is written only when enough documents changed, when asked so', async () => {
    const file = join(folder(), 'index.json');
    const index = CorpusIndex.openFile(file, '/corpus');
    index.record('a.md', signature, 'hash-a', 10_000);
    await index.save({ atLeast: 2 });
    expect(CorpusIndex.openFile(file, '/corpus').size).toBe(0);
    index.record('b.md', signature, 'hash-b', 10_000);
    await index.save({ atLeast: 2 });
    expect(CorpusIndex.openFile(file, '/corpus').size).toBe(2);
  });

  it('is empty for another root, a damaged file or a foreign one', async () => {
    const file = join(folder(), 'index.json');
    const index = CorpusIndex.openFile(file, '/corpus');
    index.record('a.md', signature, 'hash-a', 10_000);
    await index.save();
    expect(CorpusIndex.openFile(file, '/elsewhere').size).toBe(0);
    writeFileSync(file, '{"format": "capsule-docs-corpus-index", "documents": [');
    expect(CorpusIndex.openFile(file, '/corpus').size).toBe(0);
    writeFileSync(file, JSON.stringify({ format: 'capsule-docs-corpus-index', version: 2, root: '/corpus', table: [], documents: [['a.md', 'x']] }));
    expect(CorpusIndex.openFile(file, '/corpus').size).toBe(0);
  });
});

describe('CorpusIndex, when it cannot be written', () => {
  it('says so, and keeps the names its documents point to after a compaction that failed', async () => {
    const dir = folder();
    const file = join(dir, 'index.json');
    const index = CorpusIndex.openFile(file, '/corpus');
    index.record('gone.md', signature, 'hash-g', 10_000);
    index.setKeys('gone.md', 'hash-g', { defines: ['Gone'], references: [], targets: [] });
    index.record('a.md', signature, 'hash-a', 10_000);
    index.setKeys('a.md', 'hash-a', keys);
    await index.save();
    const reopened = CorpusIndex.openFile(file, '/corpus');
    reopened.retain(['a.md', 'b.md']);
    // A folder in the index's place: the rename fails.
    rmSync(file);
    mkdirSync(join(file, 'blocking'), { recursive: true });
    expect(await reopened.save({ compact: true })).toBe(false);
    rmSync(file, { recursive: true });
    reopened.record('b.md', signature, 'hash-b', 10_000);
    reopened.setKeys('b.md', 'hash-b', { defines: ['Beta'], references: ['Alpha'], targets: [] });
    expect(await reopened.save()).toBe(true);
    const read = CorpusIndex.openFile(file, '/corpus');
    expect(read.keysFor('a.md', 'hash-a')).toEqual(keys);
    expect(read.keysFor('b.md', 'hash-b')).toEqual({ defines: ['Beta'], references: ['Alpha'], targets: [] });
  });

  it('is empty, and scans read every document, when the cache folder is a file', async () => {
    const root = folder();
    for (const name of ['a', 'b']) writeFileSync(join(root, `${name}.md`), capsuleText(name.toUpperCase()));
    const dir = join(folder(), 'cache');
    writeFileSync(dir, 'not a folder');
    const scan = await scanCorpus({ root, cache: { dir } });
    expect(scan.read).toBe(2);
    expect(scan.index?.size).toBe(2);
    expect(await scan.index?.save()).toBe(false);
  });
});

describe('scanCorpus with a cache', () => {
  it('reads only the documents whose files changed since the last scan', async () => {
    const root = folder();
    mkdirSync(join(root, 'docs'), { recursive: true });
    for (const name of ['a', 'b', 'c']) writeFileSync(join(root, 'docs', `${name}.md`), capsuleText(name.toUpperCase()));
    const cache = { dir: folder() };
    const scan = async () => {
      const scanned = await scanCorpus({ root, cache });
      await scanned.index?.save();
      return scanned;
    };
    const first = await scan();
    expect(first.read).toBe(3);
    // Files changed just before a scan are read again: their times may not have moved yet.
    expect((await scan()).read).toBe(3);

    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 10_000);
      expect((await scan()).read).toBe(3);
      const settled = await scan();
      expect(settled.read).toBe(0);
      expect([settled.hashes, settled.fingerprint]).toEqual([first.hashes, first.fingerprint]);

      writeFileSync(join(root, 'docs', 'b.md'), capsuleText('Changed'));
      const edited = await scan();
      expect(edited.read).toBe(1);
      expect(edited.fingerprint).not.toBe(first.fingerprint);
      expect((await scanCorpus({ root })).read).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
