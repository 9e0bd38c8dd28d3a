import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceFile, replaceFileSync, stageBeside, StageError } from './atomic-write.js';

const freshFolder = () => mkdtempSync(join(tmpdir(), 'atomic-write-'));

describe('replacing a file through a temporary one beside it', () => {
  it('replaces the text, keeps a given mode and leaves no temporary file', async () => {
    const folder = freshFolder();
    const target = join(folder, 'notes.md');
    writeFileSync(target, 'old\n');
    chmodSync(target, 0o640);
    await replaceFile(target, 'new\n', { mode: statSync(target).mode });
    expect(readFileSync(target, 'utf8')).toBe('new\n');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(folder)).toEqual(['notes.md']);
  });

  it('creates a missing file, also without waiting', async () => {
    const folder = freshFolder();
    await replaceFile(join(folder, 'a.json'), '{}', { durable: false });
    replaceFileSync(join(folder, 'b.json'), '[]');
    expect(readFileSync(join(folder, 'a.json'), 'utf8')).toBe('{}');
    expect(readFileSync(join(folder, 'b.json'), 'utf8')).toBe('[]');
    expect(readdirSync(folder).sort()).toEqual(['a.json', 'b.json']);
  });

  it('throws the cause and leaves nothing behind when the rename fails', async () => {
    const folder = freshFolder();
    // A folder cannot be replaced by a file.
    const target = join(folder, 'taken');
    writeFileSync(join(folder, 'keep'), 'k');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'i');
    await expect(replaceFile(target, 'text')).rejects.toHaveProperty('code');
    expect(() => replaceFileSync(target, 'text')).toThrow();
    expect(readdirSync(folder).sort()).toEqual(['keep', 'taken']);
  });

  it('says whether the temporary file could be created at all', async () => {
    const missing = join(freshFolder(), 'no-such-folder', 'file.md');
    const error = await stageBeside(missing, 'x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StageError);
    expect((error as StageError).opened).toBe(false);
    expect((error as StageError).cause).toHaveProperty('code', 'ENOENT');
  });
});
