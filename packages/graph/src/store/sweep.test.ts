import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../corpus.js';
import { capsuleText } from '../testing.js';
import { abandonedAfterMs, staleAfterMs, sweepStore } from './sweep.js';

const made: string[] = [];
afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});
const freshFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'capsule-sweep-'));
  made.push(folder);
  return folder;
};

const day = 24 * 60 * 60 * 1000;
const now = Date.now();

/** Give `path` a modification time `age` milliseconds before now. */
function age(path: string, milliseconds: number): string {
  const seconds = (now - milliseconds) / 1000;
  utimesSync(path, seconds, seconds);
  return path;
}

function namespace(dir: string, key: string, milliseconds: number): string {
  const folder = join(dir, `parse-${key}`);
  mkdirSync(folder);
  writeFileSync(join(folder, '000.jsonl'), 'header\n');
  return age(folder, milliseconds);
}

function file(path: string, milliseconds: number): string {
  writeFileSync(path, 'text');
  return age(path, milliseconds);
}

describe('sweeping the store', () => {
  it('removes namespaces and indexes no run has used for long, keeping those in use and those used lately', async () => {
    const dir = freshFolder();
    const current = namespace(dir, '0'.repeat(16), staleAfterMs + day);
    const currentIndex = file(join(dir, `index-${'0'.repeat(16)}.json`), staleAfterMs + day);
    const stale = namespace(dir, '1'.repeat(16), staleAfterMs + day);
    const staleIndex = file(join(dir, `index-${'1'.repeat(16)}.json`), staleAfterMs + day);
    const recent = namespace(dir, '2'.repeat(16), staleAfterMs - day);
    const recentIndex = file(join(dir, `index-${'2'.repeat(16)}.json`), day);

    await sweepStore(dir, [current, currentIndex], now);

    expect([current, currentIndex, recent, recentIndex].filter(existsSync)).toHaveLength(4);
    expect([stale, staleIndex].filter(existsSync)).toEqual([]);
    // In use now, so another tool's sweep a month later keeps them.
    expect(now - statSync(current).mtimeMs).toBeLessThan(day);
    expect(now - statSync(currentIndex).mtimeMs).toBeLessThan(day);
  });

  it('removes the temporary files of writes that never finished, not those of a write under way', async () => {
    const dir = freshFolder();
    mkdirSync(join(dir, 'results'));
    const abandoned = file(join(dir, `.index-${'3'.repeat(16)}.json.4242.0123456789ab.tmp`), abandonedAfterMs + day);
    const abandonedResult = file(join(dir, 'results', '.check.result.4242.ba9876543210.tmp'), abandonedAfterMs + day);
    const underWay = file(join(dir, 'results', '.check.result.4243.ba9876543211.tmp'), 1000);

    await sweepStore(dir, [], now);

    expect([abandoned, abandonedResult].filter(existsSync)).toEqual([]);
    expect(existsSync(underWay)).toBe(true);
  });

  it('leaves what the store did not name alone, and never follows a link out of the folder', async () => {
    const dir = freshFolder();
    const outside = freshFolder();
    const precious = file(join(outside, 'precious.md'), staleAfterMs + day);
    const link = join(dir, `parse-${'4'.repeat(16)}`);
    symlinkSync(outside, link);
    const others = [
      file(join(dir, 'notes.txt'), staleAfterMs + day),
      namespace(dir, 'not-a-key', staleAfterMs + day),
      file(join(dir, 'index-short.json'), staleAfterMs + day),
    ];

    await sweepStore(dir, [], now);

    expect(others.filter(existsSync)).toHaveLength(3);
    expect(existsSync(precious)).toBe(true);
  });

  it('does nothing, and throws nothing, for a cache folder that does not exist', async () => {
    await expect(sweepStore(join(freshFolder(), 'missing'), [join(freshFolder(), 'missing', 'parse-x')], now)).resolves.toBeUndefined();
  });

  it('runs after a load of the whole corpus, not after a load of a few documents', async () => {
    const root = freshFolder();
    writeFileSync(join(root, 'a.md'), capsuleText('Alpha', 'Beta'));
    writeFileSync(join(root, 'b.md'), capsuleText('Beta', 'Alpha'));
    const dir = freshFolder();
    const stale = () => namespace(dir, '5'.repeat(16), staleAfterMs + day);

    stale();
    await loadCorpus({ root, cache: { dir }, documents: ['a.md'] });
    expect(readdirSync(dir)).toContain(`parse-${'5'.repeat(16)}`);

    await loadCorpus({ root, cache: { dir } });
    expect(readdirSync(dir)).not.toContain(`parse-${'5'.repeat(16)}`);
    expect(readdirSync(dir).filter((name) => name.startsWith('parse-'))).toHaveLength(1);
  });
});
