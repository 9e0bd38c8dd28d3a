import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WriteError, writeFileAtomically, writeFilesAtomically } from './write.js';

const made: string[] = [];
afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'capsule-write-'));
  made.push(folder);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

describe('atomic writes', () => {
  it('replaces the text, keeps the mode and leaves no temporary file', async () => {
    const folder = folderWith({ 'a.md': 'old\n' });
    chmodSync(join(folder, 'a.md'), 0o640);
    await writeFileAtomically(join(folder, 'a.md'), 'new\n', folder);
    expect(readFileSync(join(folder, 'a.md'), 'utf8')).toBe('new\n');
    expect(statSync(join(folder, 'a.md')).mode & 0o777).toBe(0o640);
    expect(readdirSync(folder)).toEqual(['a.md']);
  });

  it('refuses a read-only file and changes nothing else in the batch', async () => {
    const folder = folderWith({ 'a.md': 'a\n', 'b.md': 'b\n' });
    chmodSync(join(folder, 'b.md'), 0o444);
    const writing = writeFilesAtomically(
      [
        { path: join(folder, 'a.md'), text: 'A\n' },
        { path: join(folder, 'b.md'), text: 'B\n' },
      ],
      folder,
    );
    await expect(writing).rejects.toThrow(WriteError);
    await expect(writing).rejects.toThrow('is read-only');
    expect(readFileSync(join(folder, 'a.md'), 'utf8')).toBe('a\n');
    expect(readFileSync(join(folder, 'b.md'), 'utf8')).toBe('b\n');
    expect(readdirSync(folder).sort()).toEqual(['a.md', 'b.md']);
  });

  it('refuses a file in a read-only folder', async () => {
    const folder = folderWith({ 'sub/a.md': 'a\n' });
    chmodSync(join(folder, 'sub'), 0o555);
    try {
      await expect(writeFileAtomically(join(folder, 'sub/a.md'), 'A\n', folder)).rejects.toThrow('read-only folder');
      expect(readFileSync(join(folder, 'sub/a.md'), 'utf8')).toBe('a\n');
    } finally {
      chmodSync(join(folder, 'sub'), 0o755);
    }
  });

  it('writes through a link to the file it names, but never outside the root', async () => {
    const outside = folderWith({ 'secret.md': 'keep\n' });
    const folder = folderWith({ 'real.md': 'old\n' });
    symlinkSync(join(folder, 'real.md'), join(folder, 'link.md'));
    symlinkSync(join(outside, 'secret.md'), join(folder, 'escape.md'));
    await writeFileAtomically(join(folder, 'link.md'), 'new\n', folder);
    expect(readFileSync(join(folder, 'real.md'), 'utf8')).toBe('new\n');
    expect(statSync(join(folder, 'link.md')).isFile()).toBe(true);
    await expect(writeFileAtomically(join(folder, 'escape.md'), 'gone\n', folder)).rejects.toThrow('outside the corpus root');
    expect(readFileSync(join(outside, 'secret.md'), 'utf8')).toBe('keep\n');
  });
});
