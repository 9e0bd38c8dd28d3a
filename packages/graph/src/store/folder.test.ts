import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCurrentHeader, readRecord, readRecordFirstLine, recordFormats, recordHeader, recordNames, writeRecord, writeRecordSync } from './folder.js';

const freshFolder = () => mkdtempSync(join(tmpdir(), 'capsule-store-'));

describe('a record header', () => {
  it('is trusted only with its kind, its version and the expected fields', () => {
    const header = recordHeader('result', { key: 'k1', facts: {} });
    expect(header).toMatchObject({ format: recordFormats.result.format, version: recordFormats.result.version });
    expect(isCurrentHeader(header, 'result', { key: 'k1' })).toBe(true);
    expect(isCurrentHeader(header, 'result', { key: 'k2' })).toBe(false);
    expect(isCurrentHeader(header, 'parses')).toBe(false);
    expect(isCurrentHeader({ ...header, version: recordFormats.result.version - 1 }, 'result', { key: 'k1' })).toBe(false);
    expect(isCurrentHeader({ ...header, version: String(recordFormats.result.version) }, 'result', { key: 'k1' })).toBe(false);
    for (const foreign of [undefined, null, 7, 'text', [header]]) expect(isCurrentHeader(foreign, 'result')).toBe(false);
  });
});

describe('reading a record', () => {
  it('is a miss, never a throw, for a missing file, a folder or a path through a file', () => {
    const folder = freshFolder();
    writeFileSync(join(folder, 'plain'), 'text');
    mkdirSync(join(folder, 'sub'));
    for (const file of [join(folder, 'missing'), join(folder, 'sub'), join(folder, 'plain', 'inside')]) {
      expect(readRecord(file)).toBeUndefined();
      expect(readRecordFirstLine(file, 64)).toBeUndefined();
    }
    expect(recordNames(join(folder, 'plain'), '.jsonl')).toEqual([]);
  });

  it('reads the first line from the first bytes only', () => {
    const file = join(freshFolder(), 'record');
    writeFileSync(file, `${'h'.repeat(10)}\n${'b'.repeat(100)}`);
    expect(readRecordFirstLine(file, 64)).toBe('h'.repeat(10));
    expect(readRecordFirstLine(file, 4)).toBe('hhhh');
  });
});

describe('writing a record', () => {
  it('creates its folder and leaves no temporary file', async () => {
    const folder = freshFolder();
    expect(await writeRecord(join(folder, 'a', 'b', 'one.json'), '{}')).toBe(true);
    expect(writeRecordSync(join(folder, 'a', 'two.json'), '[]')).toBe(true);
    expect(readFileSync(join(folder, 'a', 'b', 'one.json'), 'utf8')).toBe('{}');
    expect(readdirSync(join(folder, 'a')).sort()).toEqual(['b', 'two.json']);
    expect(readdirSync(join(folder, 'a', 'b'))).toEqual(['one.json']);
  });

  it('says false, and throws nothing, when the folder cannot hold it', async () => {
    const folder = freshFolder();
    // A file where the store's folder should be: nothing can be created under it.
    const blocked = join(folder, 'cache');
    writeFileSync(blocked, 'not a folder');
    expect(await writeRecord(join(blocked, 'parse-x', '000.jsonl'), 'text')).toBe(false);
    expect(writeRecordSync(join(blocked, 'results', 'check.result'), 'text')).toBe(false);
    // A folder where the record should be: the rename fails, and the temporary file goes.
    mkdirSync(join(folder, 'taken', 'record'), { recursive: true });
    writeFileSync(join(folder, 'taken', 'record', 'inside'), 'i');
    expect(await writeRecord(join(folder, 'taken', 'record'), 'text')).toBe(false);
    expect(writeRecordSync(join(folder, 'taken', 'record'), 'text')).toBe(false);
    expect(readdirSync(join(folder, 'taken'))).toEqual(['record']);
    expect(readFileSync(blocked, 'utf8')).toBe('not a folder');
  });

  it('says false under a folder of a file system that refuses new folders with ENOENT, and does not loop', async () => {
    // procfs answers mkdir with ENOENT though `/proc` is there (elsewhere `/proc` is absent, or the root not writable).
    expect(await writeRecord('/proc/capsule-cache/parses/000.jsonl', 'text')).toBe(false);
    expect(writeRecordSync('/proc/capsule-cache/results/check.result', 'text')).toBe(false);
  });

  it('lets concurrent writers of one record finish with one whole record, and readers see whole ones only', async () => {
    const file = join(freshFolder(), 'shared.json');
    // Large enough that each write takes several steps, interleaved with the others'.
    const texts = Array.from({ length: 8 }, (_, writer) => `${writer}`.repeat(2_000_000));
    const seen = new Set<string | undefined>();
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const text = readRecord(file);
        seen.add(text === undefined ? undefined : `${text.length}:${text[0]}:${text.at(-1)}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const results = await Promise.all(texts.map((text) => writeRecord(file, text)));
    writing = false;
    await reader;
    expect(results.every(Boolean)).toBe(true);
    expect(texts).toContain(readFileSync(file, 'utf8'));
    for (const view of seen) {
      if (view !== undefined) expect(view).toMatch(/^2000000:(\d):\1$/);
    }
    expect(readdirSync(join(file, '..'))).toEqual(['shared.json']);
  });
});
