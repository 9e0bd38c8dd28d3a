/**
 * Vitest global setup: the whole run gets a user cache folder of its own, removed at the
 * end, so that commands run in temporary folders (which have no package.json, and so cache
 * under the user's cache folder) never write into the home folder of whoever runs the tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'capsule-test-user-cache-'));
  process.env['XDG_CACHE_HOME'] = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
