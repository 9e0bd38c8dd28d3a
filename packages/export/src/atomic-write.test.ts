import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync, readSync } from 'node:fs';
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write.js';
import { ExportError } from './errors.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'capsule-export-write-'));
});

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temporary file behind', async () => {
    await writeFileAtomic(join(folder, 'llms.txt'), '# Title\n');
    expect(await readFile(join(folder, 'llms.txt'), 'utf8')).toBe('# Title\n');
    expect(await readdir(folder)).toEqual(['llms.txt']);
  });

  it('replaces an existing file and keeps its permissions', async () => {
    const target = join(folder, 'AGENTS.md');
    await writeFile(target, 'old\n');
    await chmod(target, 0o640);
    await writeFileAtomic(target, 'new\n');
    expect(await readFile(target, 'utf8')).toBe('new\n');
    expect((await stat(target)).mode & 0o777).toBe(0o640);
    expect(await readdir(folder)).toEqual(['AGENTS.md']);
  });

  it('writes through a symbolic link, replacing the file it names and keeping the link', async () => {
    await mkdir(join(folder, 'shared'));
    await writeFile(join(folder, 'shared', 'AGENTS.md'), 'old\n');
    await symlink(join('shared', 'AGENTS.md'), join(folder, 'AGENTS.md'));
    await writeFileAtomic(join(folder, 'AGENTS.md'), 'new\n');
    expect((await lstat(join(folder, 'AGENTS.md'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(folder, 'AGENTS.md'))).toBe(join('shared', 'AGENTS.md'));
    expect(await readFile(join(folder, 'shared', 'AGENTS.md'), 'utf8')).toBe('new\n');
  });

  it('writes into a target that is no file, a named pipe here, rather than putting a file in its place', async () => {
    const pipe = join(folder, 'export.pipe');
    execFileSync('mkfifo', [pipe]);
    const reader = openSync(pipe, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      await writeFileAtomic(pipe, '# Title\n');
      const buffer = Buffer.alloc(64);
      expect(buffer.toString('utf8', 0, readSync(reader, buffer))).toBe('# Title\n');
    } finally {
      closeSync(reader);
    }
    expect((await lstat(pipe)).isFIFO()).toBe(true);
    expect(await readdir(folder)).toEqual(['export.pipe']);
  });

  it('refuses a read-only target and leaves it as it was', async () => {
    const target = join(folder, 'AGENTS.md');
    await writeFile(target, 'kept\n');
    await chmod(target, 0o444);
    await expect(writeFileAtomic(target, 'new\n')).rejects.toThrow(ExportError);
    await expect(writeFileAtomic(target, 'new\n')).rejects.toThrow(/the file is read-only/);
    expect(await readFile(target, 'utf8')).toBe('kept\n');
    expect(await readdir(folder)).toEqual(['AGENTS.md']);
  });

  it('names a missing folder or a folder given as the target', async () => {
    await expect(writeFileAtomic(join(folder, 'missing', 'out.md'), 'x')).rejects.toThrow(/the folder .* does not exist/);
    await expect(writeFileAtomic(folder, 'x')).rejects.toThrow(/it is a folder/);
  });

  it("makes a missing folder when asked, as a check's --output-file does, and names the option in its hints", async () => {
    await writeFileAtomic(join(folder, 'reports', 'ci', 'junit.xml'), '<testsuites/>\n', { flag: '--output-file', createFolder: true });
    expect(await readFile(join(folder, 'reports', 'ci', 'junit.xml'), 'utf8')).toBe('<testsuites/>\n');
    expect(await readdir(join(folder, 'reports', 'ci'))).toEqual(['junit.xml']);
    const refused = await writeFileAtomic(folder, 'x', { flag: '--output-file', createFolder: true }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ExportError);
    expect((refused as ExportError).hint).toBe('Give a file name to --output-file.');
  });
});

