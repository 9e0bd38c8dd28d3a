import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLimits } from '../document.js';
import { processedFileOf, processedFileText, processFile, type ProcessedFile } from '../process-file.js';
import { capsuleText } from '../testing.js';
import { contentHash, recordFormats } from './folder.js';
import { ParseCache } from './parse-cache.js';

const freshFolder = () => mkdtempSync(join(tmpdir(), 'capsule-parses-'));
const settings = { limits: readLimits(undefined), summarize: false };
const namespace = { parser: 'test', settings };

/** A document's parse and its content hash. */
function parsed(name: string): { hash: string; file: ProcessedFile } {
  const bytes = new TextEncoder().encode(capsuleText(name));
  return { hash: contentHash(bytes), file: processFile(`${name}.md`, bytes, settings) };
}

/** Two documents whose entries share a bucket (the first three hex digits of their hashes). */
function sameBucket(): [ReturnType<typeof parsed>, ReturnType<typeof parsed>] {
  const byBucket = new Map<string, string>();
  for (let index = 0; ; index++) {
    const name = `Name${index}`;
    const bucket = contentHash(new TextEncoder().encode(capsuleText(name))).slice(0, 3);
    const other = byBucket.get(bucket);
    if (other !== undefined) return [parsed(other), parsed(name)];
    byBucket.set(bucket, name);
  }
}

/** The bucket file holding a hash's entry. */
function bucketFile(dir: string, hash: string): string {
  const [folder] = readdirSync(dir);
  return join(dir, folder!, `${hash.slice(0, 3)}.jsonl`);
}

describe('the parse cache', () => {
  it('keeps parses and analyses by content hash, across runs', async () => {
    const dir = freshFolder();
    const alpha = parsed('Alpha');
    const cache = ParseCache.open(dir, namespace);
    cache.set(alpha.hash, { ...alpha.file, analysis: { words: 3 } }, 'count');
    expect(await cache.save({ prune: false })).toBe(true);
    const reopened = ParseCache.open(dir, namespace);
    expect(reopened.get(alpha.hash, 'count')).toEqual({ ...alpha.file, analysis: { words: 3 } });
    expect(reopened.get(alpha.hash, undefined)?.model).toEqual(alpha.file.model);
    expect(reopened.get(alpha.hash, 'other')).toBeUndefined();
    expect(ParseCache.open(dir, { ...namespace, parser: 'another build' }).get(alpha.hash, undefined)).toBeUndefined();
  });

  it('writes an entry given as JSON texts as it writes the same entry given as objects', async () => {
    const alpha = parsed('Alpha');
    for (const [analysis, key] of [[{ words: 3 }, 'count'], [undefined, 'count'], [{ words: 3 }, undefined], [[1, null, 'x'], 'a "quoted" key']] as const) {
      const file = { ...alpha.file, analysis };
      const [fromObjects, fromTexts] = [freshFolder(), freshFolder()];
      const cache = ParseCache.open(fromObjects, namespace);
      cache.set(alpha.hash, file, key);
      await cache.save({ prune: false });
      const textCache = ParseCache.open(fromTexts, namespace);
      textCache.setText(alpha.hash, processedFileText(file), processedFileOf(processedFileText(file)), key);
      await textCache.save({ prune: false });
      expect(readFileSync(bucketFile(fromTexts, alpha.hash), 'utf8')).toBe(readFileSync(bucketFile(fromObjects, alpha.hash), 'utf8'));
      expect(ParseCache.open(fromTexts, namespace).get(alpha.hash, key)).toEqual(ParseCache.open(fromObjects, namespace).get(alpha.hash, key));
    }
  });

  it('writes an entry given as JSON texts again with its bucket, after letting its line go', async () => {
    const [alpha, beta] = sameBucket();
    const [fromObjects, fromTexts] = [freshFolder(), freshFolder()];
    const objects = ParseCache.open(fromObjects, namespace);
    const texts = ParseCache.open(fromTexts, namespace);
    objects.set(alpha.hash, alpha.file, 'count');
    texts.setText(alpha.hash, processedFileText(alpha.file), alpha.file, 'count');
    for (const cache of [objects, texts]) await cache.save({ prune: false });
    // The bucket changes again: the first entry is written out from its objects.
    objects.set(beta.hash, beta.file, 'count');
    texts.setText(beta.hash, processedFileText(beta.file), beta.file, 'count');
    for (const cache of [objects, texts]) await cache.save({ prune: false });
    expect(readFileSync(bucketFile(fromTexts, alpha.hash), 'utf8')).toBe(readFileSync(bucketFile(fromObjects, alpha.hash), 'utf8'));
    expect(texts.get(alpha.hash, 'count')).toEqual(objects.get(alpha.hash, 'count'));
  });

  it('keeps the analyses it holds of a file when the file comes again as JSON texts', async () => {
    const dir = freshFolder();
    const alpha = parsed('Alpha');
    const cache = ParseCache.open(dir, namespace);
    cache.set(alpha.hash, { ...alpha.file, analysis: 1 }, 'first');
    const file = { ...alpha.file, analysis: 2 };
    cache.setText(alpha.hash, processedFileText(file), file, 'second');
    await cache.save({ prune: false });
    const reopened = ParseCache.open(dir, namespace);
    expect([reopened.get(alpha.hash, 'first')?.analysis, reopened.get(alpha.hash, 'second')?.analysis]).toEqual([1, 2]);
  });

  it('misses a damaged entry, keeping the others of its bucket', async () => {
    const dir = freshFolder();
    const [alpha, beta] = sameBucket();
    const cache = ParseCache.open(dir, namespace);
    for (const { hash, file } of [alpha, beta]) cache.set(hash, file, undefined);
    await cache.save({ prune: false });
    const file = bucketFile(dir, alpha.hash);
    writeFileSync(file, readFileSync(file, 'utf8').replace(`${alpha.hash}\t{`, `${alpha.hash}\t{"model":`));
    const reopened = ParseCache.open(dir, namespace);
    expect(reopened.get(alpha.hash, undefined)).toBeUndefined();
    expect(reopened.get(beta.hash, undefined)?.model).toEqual(beta.file.model);
  });

  it.each([
    ['another format version', (header: Record<string, unknown>) => ({ ...header, version: recordFormats.parses.version - 1 })],
    ['another namespace', (header: Record<string, unknown>) => ({ ...header, namespace: 'f'.repeat(16) })],
    ['a foreign format', (header: Record<string, unknown>) => ({ ...header, format: 'something-else' })],
  ])('misses every entry of a bucket of %s', async (_, changed) => {
    const dir = freshFolder();
    const alpha = parsed('Alpha');
    const cache = ParseCache.open(dir, namespace);
    cache.set(alpha.hash, alpha.file, undefined);
    await cache.save({ prune: false });
    const file = bucketFile(dir, alpha.hash);
    const [header, ...rest] = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [JSON.stringify(changed(JSON.parse(header!) as Record<string, unknown>)), ...rest].join('\n'));
    expect(ParseCache.open(dir, namespace).get(alpha.hash, undefined)).toBeUndefined();
    // Rebuilt: the next save writes a bucket of this version again.
    const rebuilt = ParseCache.open(dir, namespace);
    rebuilt.set(alpha.hash, alpha.file, undefined);
    await rebuilt.save({ prune: false });
    expect(ParseCache.open(dir, namespace).get(alpha.hash, undefined)?.model).toEqual(alpha.file.model);
  });

  it('leaves whole buckets when two runs save at once', async () => {
    const dir = freshFolder();
    const names = Array.from({ length: 40 }, (_, index) => `Name${index}`);
    const entries = names.map(parsed);
    const first = ParseCache.open(dir, namespace);
    const second = ParseCache.open(dir, namespace);
    entries.forEach(({ hash, file }, index) => (index % 2 === 0 ? first : second).set(hash, file, undefined));
    entries.slice(0, 10).forEach(({ hash, file }) => second.set(hash, file, undefined));
    expect(await Promise.all([first.save({ prune: false }), second.save({ prune: false })])).toEqual([true, true]);
    const reopened = ParseCache.open(dir, namespace);
    // Each bucket is one run's whole bucket (the last to rename wins it): entries both runs
    // set are there whichever won, and no entry is another's or half of one.
    for (const [index, { hash, file }] of entries.entries()) {
      const found = reopened.get(hash, undefined);
      if (index < 10) expect(found?.model).toEqual(file.model);
      else if (found) expect(found.model).toEqual(file.model);
    }
    const [namespaceFolder] = readdirSync(dir);
    const buckets = readdirSync(join(dir, namespaceFolder!));
    expect(buckets.every((name) => /^[0-9a-f]{3}\.jsonl$/.test(name))).toBe(true);
    for (const name of buckets) {
      const lines = readFileSync(join(dir, namespaceFolder!, name), 'utf8').split('\n').filter(Boolean);
      expect(JSON.parse(lines[0]!)).toMatchObject(recordFormats.parses);
      for (const line of lines.slice(1)) expect(() => JSON.parse(line.slice(41)) as unknown).not.toThrow();
    }
  });

  it('writes every changed bucket, many more than it writes at once', async () => {
    const dir = freshFolder();
    const entries = Array.from({ length: 120 }, (_, index) => parsed(`Many${index}`));
    const cache = ParseCache.open(dir, namespace);
    for (const { hash, file } of entries) cache.set(hash, file, undefined);
    expect(await cache.save({ prune: true })).toBe(true);
    const reopened = ParseCache.open(dir, namespace);
    for (const { hash, file } of entries) expect(reopened.get(hash, undefined)?.model).toEqual(file.model);
    const [namespaceFolder] = readdirSync(dir);
    const buckets = new Set(entries.map(({ hash }) => `${hash.slice(0, 3)}.jsonl`));
    expect(new Set(readdirSync(join(dir, namespaceFolder!)))).toEqual(buckets);
  });

  it('runs on without the folder when it cannot be written, and says so', async () => {
    const dir = join(freshFolder(), 'cache');
    writeFileSync(dir, 'a file where the folder should be');
    const alpha = parsed('Alpha');
    const cache = ParseCache.open(dir, namespace);
    expect(cache.get(alpha.hash, undefined)).toBeUndefined();
    cache.set(alpha.hash, alpha.file, undefined);
    expect(await cache.save({ prune: true })).toBe(false);
    expect(cache.get(alpha.hash, undefined)?.model).toEqual(alpha.file.model);
  });

  it('writes a bucket once: a second save with nothing new writes nothing', async () => {
    const dir = freshFolder();
    const alpha = parsed('Alpha');
    const cache = ParseCache.open(dir, namespace);
    cache.set(alpha.hash, alpha.file, undefined);
    await cache.save({ prune: false });
    const file = bucketFile(dir, alpha.hash);
    rmSync(file);
    expect(await cache.save({ prune: false })).toBe(true);
    expect(existsSync(file)).toBe(false);
  });

  it('writes a bucket once the last entry it awaits is set, while others are still awaited', async () => {
    const dir = freshFolder();
    const [alpha, beta] = sameBucket();
    const gamma = Array.from({ length: 50 }, (_, index) => parsed(`Other${index}`)).find(({ hash }) => hash.slice(0, 3) !== alpha.hash.slice(0, 3))!;
    const cache = ParseCache.open(dir, namespace);
    cache.writeWhenComplete([alpha.hash, beta.hash, gamma.hash]);
    cache.set(alpha.hash, alpha.file, undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(dir)).toEqual([]);
    cache.set(beta.hash, beta.file, undefined);
    await expect.poll(() => existsSync(join(dir, readdirSync(dir)[0] ?? '-', `${alpha.hash.slice(0, 3)}.jsonl`))).toBe(true);
    expect(existsSync(bucketFile(dir, gamma.hash))).toBe(false);
    // Set again after its early write, a bucket is written again by the save.
    cache.set(alpha.hash, { ...alpha.file, analysis: { words: 1 } }, 'count');
    cache.set(gamma.hash, gamma.file, undefined);
    expect(await cache.save({ prune: true })).toBe(true);
    const reopened = ParseCache.open(dir, namespace);
    expect(reopened.get(alpha.hash, 'count')?.analysis).toEqual({ words: 1 });
    expect(reopened.get(beta.hash, undefined)?.model).toEqual(beta.file.model);
    expect(reopened.get(gamma.hash, undefined)?.model).toEqual(gamma.file.model);
  });

  it('says so when a bucket written early could not be', async () => {
    const dir = join(freshFolder(), 'cache');
    writeFileSync(dir, 'a file where the folder should be');
    const alpha = parsed('Alpha');
    const cache = ParseCache.open(dir, namespace);
    cache.writeWhenComplete([alpha.hash]);
    cache.set(alpha.hash, alpha.file, undefined);
    expect(await cache.save({ prune: false })).toBe(false);
    expect(cache.get(alpha.hash, undefined)?.model).toEqual(alpha.file.model);
  });
});
