/**
 * Writing an export file so that readers never see half of it (the mechanics are the graph
 * package's `replaceFile`); this module says, in export terms, why a target cannot be written.
 */
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { errorCode, replaceFile } from '@capsule-docs/graph';
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
  try {
    // A replaced file keeps its permissions.
    await replaceFile(target, text, { mode: existing?.mode });
  } catch (error) {
    throw new ExportError(`Cannot write ${path} (${errorCode(error)})`, 'Check that the folder is writable, or choose another --out.');
  }
}
