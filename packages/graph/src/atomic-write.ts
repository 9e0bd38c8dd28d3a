/**
 * The one way this project replaces a file: the new text goes to a temporary file in the
 * same folder, and a rename (atomic within one folder) puts it in the target's place, so a
 * reader sees the old file or the new one, never half of either. Policies (which files may be
 * written, what an error says) stay with the callers; this module only knows the mechanics.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface StageOptions {
  /** The permission bits the new file gets; when unset, the default for a new file (umask applies). */
  mode?: number;
  /** Give the new file this owner (only a privileged process can). */
  owner?: { uid: number; gid: number };
  /** Flush the text to disk before the rename; a cache that may be lost skips it. Default true. */
  durable?: boolean;
}

/** A fresh temporary name beside `target`: hidden, unique to this process and call. */
export function temporaryPathBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Write `text` to a new temporary file beside `target` and return its path, ready to be
 * renamed over the target. A failure removes the temporary file and throws the cause;
 * `opened` is false when not even the temporary file could be created.
 */
export async function stageBeside(target: string, text: string | Uint8Array, options: StageOptions = {}): Promise<string> {
  const temporary = temporaryPathBeside(target);
  // Created private when a mode follows, so the text is never readable more widely than asked.
  const handle: FileHandle = await open(temporary, 'wx', options.mode === undefined ? 0o666 : 0o600).catch((error: unknown) => {
    throw new StageError(error, false);
  });
  try {
    await handle.writeFile(text, typeof text === 'string' ? 'utf8' : undefined);
    if (options.mode !== undefined) await handle.chmod(options.mode & 0o7777);
    if (options.owner) await handle.chown(options.owner.uid, options.owner.gid);
    if (options.durable !== false) await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw new StageError(error, true);
  }
  return temporary;
}

/** Why a temporary file could not be staged: `cause` is the file system's error. */
export class StageError extends Error {
  override name = 'StageError';
  constructor(
    override readonly cause: unknown,
    /** Whether the temporary file was created (so the folder accepts new files). */
    readonly opened: boolean,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** Replace `target` with `text` in one rename. Throws the file system's error; nothing is left behind. */
export async function replaceFile(target: string, text: string, options: StageOptions = {}): Promise<void> {
  const temporary = await stageBeside(target, text, options).catch((error: unknown) => {
    throw error instanceof StageError ? error.cause : error;
  });
  try {
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** `replaceFile` for callers that cannot wait, without the flush: for caches. */
export function replaceFileSync(target: string, text: string): void {
  const temporary = temporaryPathBeside(target);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Never created, or already renamed.
    }
    throw error;
  }
}

/** The file system's error code (`EACCES`, …), or the message when there is none. */
export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));
}
