/**
 * `capsule check --output-file`: the report goes to a file instead of standard output, so a CI
 * job keeps it as an artifact (GitLab's `artifacts:reports:codequality` and `:junit`). As
 * ESLint's `--output-file` does, a missing folder is created (a job's fresh checkout has no
 * `reports/` yet) and a folder is refused. The file is written as an export is, whole and then
 * renamed into place, so a job that uploads it, or a viewer that reads it while the next check
 * runs, never reads half of a report.
 */
import { statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { ExportError, writeFileAtomic } from '@capsule-docs/export';
import { UsageError } from './io.js';

/**
 * Refused before the check runs: a path that names a folder, or ends as a folder's name does.
 * `flag` is how the command line named it (`--output-file`, `--report sarif=`).
 */
export function refuseOutputFolder(written: string, cwd: string, flag = '--output-file '): void {
  const endsAsFolder = written.endsWith('/') || written.endsWith(sep) || written === '.' || written === '..';
  if (endsAsFolder || isFolder(resolve(cwd, written))) {
    throw new UsageError(`${flag}${written} names a folder; the report is one file`, `Give the file to write, such as \`${flag}reports/capsule.xml\`.`);
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Write `text` to `written` (from `cwd`); a report that cannot be written is a usage error (exit 2). */
export async function writeReport(written: string, cwd: string, text: string, flag = '--output-file'): Promise<void> {
  try {
    await writeFileAtomic(resolve(cwd, written), text, { flag, createFolder: true });
  } catch (error) {
    if (error instanceof ExportError) throw new UsageError(error.message.replace(resolve(cwd, written), written), error.hint);
    throw error;
  }
}
