/**
 * Vitest global setup: the whole run makes its temporary folders inside one folder of its
 * own (`TMPDIR`, which `os.tmpdir()` reads, for the test workers and every command they
 * start), removed at the end, so that a test run leaves nothing behind in the system's
 * temporary folder. Readable by all, as the system's is: some tests run a command as
 * another user.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'capsule-test-run-'));
  chmodSync(folder, 0o755);
  const before = process.env['TMPDIR'];
  process.env['TMPDIR'] = folder;
  return () => {
    if (before === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = before;
    rmSync(folder, { recursive: true, force: true });
  };
}
