/**
 * Writing an output file (an export, a check's report) so that readers never see half of it
 * (the mechanics are the graph package's `replaceFile`); this module says why a target cannot
 * be written, naming the option that chose it.
 */
import { lstat, mkdir, realpath, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { errorCode, replaceFile } from '@capsule-docs/graph';
import { ExportError } from './errors.js';

export interface OutputFileOptions {
  /** The option that named the file, for the hints: `--out` unless said. */
  flag?: string;
  /** Make a missing folder on the way, as ESLint's `--output-file` does, instead of refusing. */
  createFolder?: boolean;
}

/**
 * Replace `path` with `text` in one step; a read-only or unwritable target is an `ExportError`.
 * A symbolic link is written through, so the file it names is replaced, not the link; a target
 * that is no file (`/dev/null`, a named pipe) is written into, as a shell's `>` would: renaming
 * a file over it would replace a device with a file.
 */
export async function writeFileAtomic(path: string, text: string, { flag = '--out', createFolder = false }: OutputFileOptions = {}): Promise<void> {
  const written = resolve(path);
  const linked = (await lstat(written).catch(() => undefined))?.isSymbolicLink() ? await realpath(written).catch(() => undefined) : undefined;
  const target = linked ?? written;
  const folder = dirname(target);
  if (createFolder) {
    await mkdir(folder, { recursive: true }).catch((error: unknown) => {
      throw new ExportError(`Cannot write ${path}: the folder ${folder} could not be made (${errorCode(error)})`, `Choose another ${flag}.`);
    });
  }
  const folderInfo = await stat(folder).catch(() => undefined);
  if (!folderInfo?.isDirectory()) {
    throw new ExportError(`Cannot write ${path}: the folder ${folder} does not exist`, `Create the folder first, or choose another ${flag}.`);
  }
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new ExportError(`Cannot write ${path}: it is a folder`, `Give a file name to ${flag}.`);
  if (existing && !existing.isFile()) {
    try {
      await writeFile(target, text);
    } catch (error) {
      throw new ExportError(`Cannot write ${path} (${errorCode(error)})`, `Choose another ${flag}.`);
    }
    return;
  }
  // Checked by mode bits, not access(): a privileged user may write anyway, but replacing
  // a file someone marked read-only is not what they asked for.
  if (existing && (existing.mode & 0o222) === 0) {
    throw new ExportError(`Cannot write ${path}: the file is read-only`, `Make it writable (chmod u+w), or choose another ${flag}.`);
  }
  try {
    // A replaced file keeps its permissions.
    await replaceFile(target, text, { mode: existing?.mode });
  } catch (error) {
    throw new ExportError(`Cannot write ${path} (${errorCode(error)})`, `Check that the folder is writable, or choose another ${flag}.`);
  }
}
