/**
 * Which corpus a command names, and how to load it: the one place that turns the
 * configuration (and the paths a user typed) into load options. The CLI's commands, the
 * language server, the MCP server and the site all call `resolveCorpus`, so they read the
 * same documents with the same limits, the same `.gitignore`, the same cache.
 *
 * One folder given without a configuration file is the corpus root. Otherwise the root is the
 * configured one (`root` over the configuration's `root`, else the working directory) and
 * the paths select documents of it. One folder beside the configured root (neither inside
 * it nor around it) is a corpus of its own, with that folder as its root.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { LoadOptions } from '../corpus.js';
import { cacheOption } from './cache-folder.js';
import { loadConfig, type ResolvedConfig } from './load.js';

export interface CorpusRequest {
  /** Where the command runs: relative paths, and the search for a configuration file, start here. */
  cwd: string;
  /** A configuration file (relative to `cwd`), `false` for none, or found at or above `cwd`. */
  config?: string | false | undefined;
  /** The paths the user named, folders or documents; none names the whole configured corpus. */
  paths?: readonly string[];
  /** A root over the configured one (relative to `cwd`). */
  root?: string | undefined;
  /** Use the parse cache (default true); its folder comes from the configuration. */
  cache?: boolean;
  /** The environment the user cache folder is found in (`XDG_CACHE_HOME`). */
  env?: Record<string, string | undefined>;
}

export interface ResolvedCorpus {
  config: ResolvedConfig;
  /** How to load the corpus: root, include, exclude, limits, the repository around it, the cache. */
  load: LoadOptions;
  /** The paths that select documents of it; empty when they name the whole corpus. */
  paths: string[];
}

/** Read the configuration and name the corpus. Throws `ConfigError` for a configuration that cannot be used. */
export function resolveCorpus(request: CorpusRequest): ResolvedCorpus {
  const config = loadConfig({ cwd: request.cwd, config: request.config });
  const { cwd, paths = [], root: rootOption } = request;
  const cache = cacheOption(request.cache ?? true, config, cwd, request.env);
  const configured = rootOption === undefined ? config.root : resolve(cwd, rootOption);
  const [only] = paths;
  if (rootOption === undefined && paths.length === 1 && only !== undefined) {
    const folder = resolve(cwd, only);
    // Without a configuration the folder is the corpus; with one, a folder around the
    // configured root names that corpus, and one beside it a corpus of its own.
    const ownCorpus = config.file === undefined || (!isInside(configured, folder) && !isInside(folder, configured));
    if (isFolder(folder) && ownCorpus) {
      return { config, load: { root: folder, limits: config.limits, repositoryRoot: repositoryRootOf(folder, undefined), cache }, paths: [] };
    }
  }
  return {
    config,
    load: {
      root: configured,
      include: config.include,
      exclude: config.exclude,
      limits: config.limits,
      repositoryRoot: repositoryRootOf(configured, config.file),
      cache,
    },
    paths: [...paths],
  };
}

/**
 * The repository around a root, whose files links may reach: the nearest folder above it
 * holding `.git`, else the folder of the configuration file when the root is inside it.
 */
function repositoryRootOf(root: string, configFile: string | undefined): string | undefined {
  for (let folder = resolve(root); ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) return folder;
    if (dirname(folder) === folder) break;
  }
  const configFolder = configFile === undefined ? undefined : dirname(resolve(configFile));
  return configFolder !== undefined && isInside(configFolder, root) ? configFolder : undefined;
}

/** Whether `path` is `folder` or lies under it. */
export function isInside(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
