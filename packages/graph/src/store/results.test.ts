import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputsKey, recordFormats, storeLayout } from './folder.js';
import { ResultStore } from './results.js';

const freshFolder = () => mkdtempSync(join(tmpdir(), 'capsule-results-'));

describe('a stored result', () => {
  it('is replayed under its key only, with its facts, its text kept as it was', () => {
    const dir = freshFolder();
    const key = inputsKey({ corpus: 'abc', settings: { strict: true } });
    const results = new ResultStore(dir, 'check');
    expect(results.get(key)).toBeUndefined();
    expect(results.set(key, 'line one\n"quoted" line two\n', { stderrLength: 4 })).toBe(true);
    expect(new ResultStore(dir, 'check').get(key)).toEqual({ facts: { stderrLength: 4 }, text: 'line one\n"quoted" line two\n' });
    expect(readFileSync(storeLayout.result(dir, 'check'), 'utf8').endsWith('line one\n"quoted" line two\n')).toBe(true);
    expect(results.get(inputsKey({ corpus: 'abd', settings: { strict: true } }))).toBeUndefined();
    expect(new ResultStore(dir, 'graph-json').get(key)).toBeUndefined();
  });

  it.each([
    ['another format version', (header: Record<string, unknown>) => JSON.stringify({ ...header, version: recordFormats.result.version + 1 })],
    ['a foreign format', (header: Record<string, unknown>) => JSON.stringify({ ...header, format: 'other' })],
    ['a damaged header', (header: Record<string, unknown>) => JSON.stringify(header).slice(0, 30)],
  ])('is a miss in a record of %s', (_, changed) => {
    const dir = freshFolder();
    const key = inputsKey('inputs');
    const results = new ResultStore(dir, 'check');
    results.set(key, 'text', { n: 1 });
    const file = storeLayout.result(dir, 'check');
    const [header, ...rest] = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [changed(JSON.parse(header!) as Record<string, unknown>), ...rest].join('\n'));
    expect(results.get(key)).toBeUndefined();
  });

  it('is a miss for a header line alone, or binary noise', () => {
    const dir = freshFolder();
    const key = inputsKey('inputs');
    const results = new ResultStore(dir, 'check');
    results.set(key, 'text');
    const file = storeLayout.result(dir, 'check');
    const header = readFileSync(file, 'utf8').split('\n', 1)[0]!;
    for (const damage of [header, '\0\0\0', '']) {
      writeFileSync(file, damage);
      expect(results.get(key)).toBeUndefined();
    }
  });

  it('costs nothing but the replay when the folder cannot hold it', () => {
    const parent = freshFolder();
    const dir = join(parent, 'cache');
    writeFileSync(dir, 'a file where the folder should be');
    const results = new ResultStore(dir, 'check');
    expect(results.set(inputsKey('x'), 'text')).toBe(false);
    expect(results.get(inputsKey('x'))).toBeUndefined();
    // A folder where the record should be: the write fails and leaves nothing behind.
    const other = freshFolder();
    mkdirSync(storeLayout.result(other, 'check'), { recursive: true });
    expect(new ResultStore(other, 'check').set(inputsKey('x'), 'text')).toBe(false);
    expect(readdirSync(join(other, 'results'))).toEqual(['check.result']);
  });
});
