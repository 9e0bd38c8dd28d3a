/**
 * Writing an export file so that readers never see half of it: the text goes to a temporary
 * file in the same folder, which then replaces the target in one rename (atomic within a
 * folder).
 */
import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ExportError } from './errors.js';

/** Replace `path` with `text` in one step; a read-only or unwritable target is an `ExportError`. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const target = resolve(path);
  const folder = dirname(target);
  const folderInfo = await stat(folder).catch(() => undefined);
  if (!folderInfo?.isDirectory()) {
    throw new ExportError(`Cannot write ${path}: the folder ${folder} does not exist`, 'Create the folder first, or choose another --out.');
  }
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new ExportError(`Cannot write ${path}: it is a folder`, 'Give a file name to --out.');
  // Checked by mode bits, not access(): a privileged user may write anyway, but replacing
  // a file someone marked read-only is not what they asked for.
  if (existing && (existing.mode & 0o222) === 0) {
    throw new ExportError(`Cannot write ${path}: the file is read-only`, 'Make it writable (chmod u+w), or choose another --out.');
  }
  const temporary = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const file = await open(temporary, 'wx', 0o666);
    try {
      await file.writeFile(text);
      // A replaced file keeps its permissions; the data is on disk before the name moves.
      if (existing) await file.chmod(existing.mode & 0o7777);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new ExportError(`Cannot write ${path} (${code})`, 'Check that the folder is writable, or choose another --out.');
  }
}
