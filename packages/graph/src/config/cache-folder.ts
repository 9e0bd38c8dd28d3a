/**
 * Where parse results are cached. The configured `cacheDir` wins. Otherwise, in a project
 * with a `package.json`, it is `node_modules/.cache/capsule` beside it, where JavaScript
 * tools conventionally keep caches that fresh installs throw away; a folder without one (a
 * plain docs repository) gets a folder of its own under the user's cache directory, so the
 * tool never litters the documents' folder.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The cache folder to use, or `false` when `--no-cache` turned it off. */
export function cacheOption(
  enabled: boolean,
  config: { file: string | undefined; cacheDir: string | undefined } | undefined,
  cwd: string,
  env: Record<string, string | undefined> = process.env,
): { dir: string } | false {
  if (!enabled) return false;
  if (config?.cacheDir) return { dir: config.cacheDir };
  const start = resolve(config?.file ? dirname(config.file) : cwd);
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return { dir: join(folder, 'node_modules', '.cache', 'capsule') };
    if (dirname(folder) === folder) break;
  }
  const userCache = env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  const project = createHash('sha1').update(start).digest('hex').slice(0, 16);
  return { dir: join(userCache, 'capsule-docs', project) };
}
