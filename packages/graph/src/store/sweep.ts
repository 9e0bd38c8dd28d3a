/**
 * Clearing the cache folder of what no run uses any more: parse namespaces and corpus
 * indexes of other builds or settings (an upgrade, a changed limit) and the temporary files
 * of writes that were killed. A run that reads the whole corpus marks the namespace and the
 * index it uses as in use (their modification time), then removes the others that no run has
 * marked for `staleAfterMs`. Two tools kept on different settings each mark their own, so
 * neither costs the other its cache while both are used.
 *
 * Only direct entries of the cache folder whose names the store itself gives are touched, a
 * symbolic link never followed; a failure is ignored, as a record left in place costs disk
 * space, not a result.
 */
import { lstat, readdir, rm, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { storeLayout } from './folder.js';

/** A namespace or index no whole-corpus run has used for this long is removed. */
export const staleAfterMs = 30 * 24 * 60 * 60 * 1000;

/** A temporary file this old belongs to a write that will never finish. */
export const abandonedAfterMs = 24 * 60 * 60 * 1000;

const namespaceName = /^parse-[0-9a-f]{16}$/;
const indexName = /^index-[0-9a-f]{16}\.json$/;
/** `temporaryPathBeside`'s names: hidden, then the target, the process id and a random tail. */
const temporaryName = /^\..+\.\d+\.[0-9a-f]{12}\.tmp$/;

/**
 * Mark `inUse` (paths of namespaces and indexes inside `dir`) as used now, and remove the
 * namespaces, indexes and temporary files of `dir` (and of its results folder) left stale.
 */
export async function sweepStore(dir: string, inUse: readonly string[], now = Date.now()): Promise<void> {
  const seconds = now / 1000;
  await Promise.all(inUse.map((path) => utimes(path, seconds, seconds).catch(() => undefined)));
  const kept = new Set(inUse);
  const folders = [dir, join(dir, storeLayout.resultsFolder)];
  for (const folder of folders) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names) {
      const path = join(folder, name);
      if (kept.has(path)) continue;
      const record = folder === dir && (namespaceName.test(name) || indexName.test(name));
      const temporary = temporaryName.test(name);
      if (!record && !temporary) continue;
      const info = await lstat(path).catch(() => undefined);
      if (!info || info.isSymbolicLink()) continue;
      if (now - info.mtimeMs <= (record ? staleAfterMs : abandonedAfterMs)) continue;
      await rm(path, { recursive: info.isDirectory(), force: true }).catch(() => undefined);
    }
  }
}
