/**
 * `capsule check --output-file`: the report goes to a file instead of standard output, so a CI
 * job keeps it as an artifact (GitLab's `artifacts:reports:codequality` and `:junit`). As
 * ESLint's `--output-file` does, a missing folder is created (a job's fresh checkout has no
 * `reports/` yet) and a folder is refused. The file is replaced in one rename (the graph
 * package's `replaceFile`), so a job that uploads it, or a viewer that reads it while the next
 * check runs, never reads half of a report.
 */
import { mkdir, realpath, stat, writeFile } from 'node:fs/promises';
import { lstatSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { errorCode, replaceFile } from '@capsule-docs/graph';
import { UsageError } from './io.js';

/** Refused before the check runs: a path that names a folder, or ends as a folder's name does. */
export function refuseOutputFolder(written: string, cwd: string): void {
  const endsAsFolder = written.endsWith('/') || written.endsWith(sep) || written === '.' || written === '..';
  if (endsAsFolder || isFolder(resolve(cwd, written))) {
    throw new UsageError(`--output-file ${written} names a folder; the report is one file`, 'Give the file to write, such as `--output-file reports/capsule.xml`.');
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Write `text` to `written` (resolved from `cwd`). A symbolic link is written through to the
 * file it names; a target that is no file (`/dev/stdout`, a named pipe) is written into, as a
 * shell's `>` would. A read-only file, or one that cannot be written, is a usage error (exit 2).
 */
export async function writeReport(written: string, cwd: string, text: string): Promise<void> {
  const path = resolve(cwd, written);
  const linked = isSymbolicLink(path) ? await realpath(path).catch(() => undefined) : undefined;
  const target = linked ?? path;
  const cannot = (error: unknown, hint: string) => new UsageError(`could not write the report to ${written} (${errorCode(error)})`, hint);
  try {
    await mkdir(dirname(target), { recursive: true });
  } catch (error) {
    throw cannot(error, 'Create the folder, or choose another --output-file.');
  }
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new UsageError(`--output-file ${written} names a folder; the report is one file`, 'Give the file to write.');
  if (existing && !existing.isFile()) {
    await writeFile(target, text).catch((error: unknown) => {
      throw cannot(error, 'Choose another --output-file.');
    });
    return;
  }
  // By the permission bits, not access(): a privileged user may write anyway, but a report
  // someone marked read-only is not one to replace.
  if (existing && (existing.mode & 0o222) === 0) {
    throw new UsageError(`could not write the report to ${written}: the file is read-only`, 'Make it writable (chmod u+w), or choose another --output-file.');
  }
  await replaceFile(target, text, { mode: existing?.mode }).catch((error: unknown) => {
    throw cannot(error, 'Check that the folder is writable, or choose another --output-file.');
  });
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
