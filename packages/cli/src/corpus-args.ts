/**
 * From the paths a user typed to a corpus: one folder becomes the root; files and other
 * folders are read relative to the working directory.
 */
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { defaultInclude, toPosix, type LoadOptions } from '@capsule-docs/graph';
import type { ResolvedConfig } from './config/load.js';
import { UsageError } from './io.js';

/** Turn positional paths into load options. */
export function corpusFromPaths(paths: string[], cwd: string): LoadOptions {
  if (paths.length === 0) return { root: cwd };
  const kinds = paths.map((path) => {
    const absolute = resolve(cwd, path);
    try {
      return { path, absolute, folder: statSync(absolute).isDirectory() };
    } catch {
      throw new UsageError(`No such file or folder: ${path}`, 'Check the path, or run the command from the corpus root.');
    }
  });
  const [only] = kinds;
  if (kinds.length === 1 && only?.folder) return { root: only.absolute };
  const include = kinds.map(({ absolute, folder }) => {
    const inside = toPosix(relative(cwd, absolute));
    if (inside.startsWith('..')) throw new UsageError(`${absolute} is outside the working directory`);
    return folder ? `${inside === '' ? '' : `${inside}/`}${defaultInclude[0]}` : inside;
  });
  return { root: cwd, include };
}

/**
 * The corpus a reading command (graph, export, mcp) loads: the paths given, else the
 * configuration's corpus (root, include, exclude), as `capsule check` reads it. The read
 * limits come from the configuration either way.
 */
export function corpusFor(paths: string[], cwd: string, config: ResolvedConfig): LoadOptions {
  const corpus = paths.length === 0 ? { root: config.root, include: config.include, exclude: config.exclude } : corpusFromPaths(paths, cwd);
  return { ...corpus, limits: config.limits };
}
