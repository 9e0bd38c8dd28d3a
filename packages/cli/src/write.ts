/**
 * Writing documents back without ever leaving one half-written: each new text goes to a
 * temporary file in the same folder, is flushed to disk, and only then renamed over the
 * original (a rename within one folder is atomic). The file's mode and owner are kept.
 * Several files are staged first and renamed together, so that a failure while staging
 * changes nothing at all.
 */
import { open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { errorCode as codeOf, stageBeside, StageError } from '@capsule-docs/graph';

/** A file that could not be written; `path` is the one the caller asked for. */
export class WriteError extends Error {
  override name = 'WriteError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export interface PendingWrite {
  /** The file to replace (absolute). */
  path: string;
  /** Its new content: text, written as UTF-8, or the bytes themselves. */
  text: string | Uint8Array;
}

interface StagedWrite {
  path: string;
  target: string;
  temporary: string;
}

/**
 * Replace every file in `writes` with its new text, all or nothing as far as the file system
 * allows: every temporary file is written and flushed before the first rename. `root`
 * bounds the writes: a file whose real path leaves it is refused.
 */
export async function writeFilesAtomically(writes: PendingWrite[], root: string): Promise<void> {
  const realRoot = await realpath(root);
  const staged: StagedWrite[] = [];
  for (const pending of writes) {
    try {
      staged.push(await stage(pending, realRoot));
    } catch (error) {
      await Promise.all(staged.map((entry) => unlink(entry.temporary).catch(() => undefined)));
      throw error instanceof WriteError ? error : new WriteError(pending.path, `could not be written (${codeOf(error)})`);
    }
  }
  for (const [index, entry] of staged.entries()) {
    try {
      await rename(entry.temporary, entry.target);
    } catch (error) {
      await Promise.all(staged.slice(index).map((rest) => unlink(rest.temporary).catch(() => undefined)));
      throw new WriteError(entry.path, `could not replace the file (${codeOf(error)})`);
    }
  }
  await Promise.all([...new Set(staged.map((entry) => dirname(entry.target)))].map(syncFolder));
}

/** Replace one file atomically. */
export async function writeFileAtomically(path: string, text: string, root: string): Promise<void> {
  await writeFilesAtomically([{ path, text }], root);
}

async function stage(pending: PendingWrite, realRoot: string): Promise<StagedWrite> {
  // Write through a symbolic link to the file it names, and only inside the root.
  const target = await realpath(pending.path).catch((error: unknown) => {
    throw new WriteError(pending.path, `could not be found (${codeOf(error)})`);
  });
  const inside = relative(realRoot, target);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    throw new WriteError(pending.path, 'is outside the corpus root; nothing was written');
  }
  const info = await stat(target);
  const folder = dirname(target);
  const folderInfo = await stat(folder);
  // Judge by the permission bits, not by access(): a process running as root may write
  // anywhere, but a file or folder marked read-only is still not meant to change.
  if ((info.mode & 0o222) === 0) {
    throw new WriteError(pending.path, 'is read-only; make it writable (chmod u+w) and run again');
  }
  if ((folderInfo.mode & 0o222) === 0) {
    throw new WriteError(pending.path, `is in a read-only folder (${folder}); make the folder writable and run again`);
  }

  const owner = process.getuid?.() === 0 ? { uid: info.uid, gid: info.gid } : undefined;
  try {
    const temporary = await stageBeside(target, pending.text, { mode: info.mode, owner });
    return { path: pending.path, target, temporary };
  } catch (error) {
    if (error instanceof StageError && !error.opened) {
      throw new WriteError(pending.path, `could not be written: its folder refused a new file (${codeOf(error.cause)})`);
    }
    throw new WriteError(pending.path, `could not be written (${codeOf(error instanceof StageError ? error.cause : error)}); the file was left as it was`);
  }
}

/** Flush the folder entry so the rename itself survives a crash; not every system allows it. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on a folder; the rename has happened all the same.
  }
}
