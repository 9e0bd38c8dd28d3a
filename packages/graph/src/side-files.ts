/**
 * Reading the small files a run takes its settings from (a configuration, a schema, a
 * `.gitignore`): only a regular file, and only up to a size no such file reaches, since a link
 * to `/dev/zero` or a named pipe in its place would be read for ever.
 */
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { lstat, readFile, stat } from 'node:fs/promises';

/** The most a settings file is read: real ones are a few kilobytes. */
export const maxSideFileBytes = 4 * 1024 * 1024;

/** Why a settings file was not read, with a `code` as the file system's errors have one. */
export class SideFileError extends Error {
  constructor(
    readonly code: 'ENOTREG' | 'EFBIG',
    path: string,
  ) {
    super(code === 'ENOTREG' ? `${path} is not a regular file` : `${path} is over ${maxSideFileBytes / 1024 / 1024} MiB`);
  }
}

interface SideFileOptions {
  /** Whether a symbolic link is followed (git does not follow a linked `.gitignore`). */
  followLinks?: boolean;
}

function checked(path: string, info: { isFile(): boolean; size: number }): void {
  if (!info.isFile()) throw new SideFileError('ENOTREG', path);
  if (info.size > maxSideFileBytes) throw new SideFileError('EFBIG', path);
}

export function readSideFileSync(path: string, { followLinks = true }: SideFileOptions = {}): string {
  checked(path, followLinks ? statSync(path) : lstatSync(path));
  return readFileSync(path, 'utf8');
}

export async function readSideFile(path: string, { followLinks = true }: SideFileOptions = {}): Promise<Buffer> {
  checked(path, followLinks ? await stat(path) : await lstat(path));
  return readFile(path);
}
