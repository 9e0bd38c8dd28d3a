/**
 * From the paths a user typed to the corpus they name, the same way for every command. One
 * folder given without a configuration file is the corpus root. Otherwise the root is the
 * configured one (`--root`, else the configuration's `root`, else the working directory) and
 * every path must be a document of that corpus or a folder holding some; a path that is not
 * is a usage error saying why. One folder beside the configured root (neither inside it nor
 * around it) is a corpus of its own, with that folder as its root.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { scanCorpus, toPosix, whyNotADocument, type CorpusScan, type LoadOptions } from '@capsule-docs/graph';
import type { ResolvedConfig } from './config/load.js';
import { UsageError, type Io } from './io.js';

export interface CorpusChoice {
  /** The corpus to load: root, include, exclude, limits and the repository around it. */
  load: LoadOptions;
  /** The paths that select documents of it; empty when they name the whole corpus. */
  paths: string[];
}

/** The corpus named by `paths` (and `--root`, for the commands that take it). */
export function chooseCorpus(paths: string[], cwd: string, config: ResolvedConfig, rootOption?: string): CorpusChoice {
  const configured = rootOption === undefined ? config.root : resolve(cwd, rootOption);
  const [only] = paths;
  if (rootOption === undefined && paths.length === 1 && only !== undefined) {
    const folder = resolve(cwd, only);
    // Without a configuration the folder is the corpus; with one, a folder around the
    // configured root names that corpus, and one beside it a corpus of its own.
    const ownCorpus = config.file === undefined || (!isInside(configured, folder) && !isInside(folder, configured));
    if (isFolder(folder) && ownCorpus) {
      return { load: { root: folder, limits: config.limits, repositoryRoot: repositoryRootOf(folder, undefined) }, paths: [] };
    }
  }
  return {
    load: {
      root: configured,
      include: config.include,
      exclude: config.exclude,
      limits: config.limits,
      repositoryRoot: repositoryRootOf(configured, config.file),
    },
    paths,
  };
}

export interface SelectionOptions {
  /** Lets a path that no longer exists stand for a deleted document. */
  existedAtHead?: (corpusPath: string) => boolean;
  /** Leave out paths that are not documents instead of refusing them (for hooks given every staged file). */
  skipOthers?: boolean;
}

/**
 * The documents (root-relative) that `paths` name in the scanned corpus: a file names
 * itself, a folder the documents under it. Anything else is a usage error listing each path
 * with its reason.
 */
export function selectDocuments(
  paths: string[],
  cwd: string,
  scan: CorpusScan,
  load: Pick<LoadOptions, 'include' | 'exclude'>,
  { existedAtHead, skipOthers = false }: SelectionOptions = {},
): string[] {
  const given = new Set<string>();
  const problems: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    if (isFolder(absolute) && isInside(absolute, scan.root)) {
      for (const documentPath of scan.paths) given.add(documentPath);
      continue;
    }
    const inside = isInside(scan.root, absolute);
    const corpusPath = toPosix(relative(scan.root, absolute));
    // A path in a folder that cannot be read cannot be seen either; that folder is its reason.
    if (isMissing(absolute)) {
      if (inside && existedAtHead?.(corpusPath)) given.add(corpusPath);
      else problems.push(`${path} does not exist`);
      continue;
    }
    if (!inside) {
      problems.push(`${path} is outside the corpus root (${displayPath(cwd, scan.root)})`);
      continue;
    }
    if (isFolder(absolute)) {
      const prefix = corpusPath === '' ? '' : `${corpusPath}/`;
      const under = scan.paths.filter((documentPath) => documentPath.startsWith(prefix));
      for (const documentPath of under) given.add(documentPath);
      if (under.length === 0) problems.push(`${path} holds no document of the corpus${folderReason(scan, corpusPath)}`);
      continue;
    }
    const reason = whyNotADocument(scan, load, corpusPath);
    if (reason === undefined) given.add(corpusPath);
    else problems.push(`${path} ${reason}`);
  }
  if (skipOthers) return [...given].sort();
  if (problems.length === 1) throw new UsageError(`${problems[0]}; it is not a document of the corpus`, pathHint);
  if (problems.length > 1) {
    throw new UsageError(`${problems.length} paths are not documents of the corpus:\n${problems.map((problem) => `  ${problem}`).join('\n')}`, pathHint);
  }
  return [...given].sort();
}

const pathHint = 'Give documents of the corpus (paths are relative to the working directory), or change `root`, `include` or `exclude`.';

function folderReason(scan: CorpusScan, folder: string): string {
  const unreadable = scan.unreadable.find(({ path }) => path === folder || path === '' || folder.startsWith(`${path}/`));
  if (unreadable) return ` (${displayFolder(unreadable.path)} could not be read: ${unreadable.code})`;
  return '';
}

/** Tell on standard error which folders the listing could not read: their files are not in the corpus. */
export function noteUnreadableFolders(scan: CorpusScan, io: Io): void {
  for (const { path, code } of scan.unreadable) {
    io.stderr(`capsule: could not read the folder ${displayPath(io.cwd, join(scan.root, path))} (${code}); its files were left out\n`);
  }
}

/**
 * The corpus a reading command (graph, export, mcp) loads: the configured corpus, narrowed
 * to the documents the paths name, and the scan of it (made with `cache`).
 */
export async function readingCorpus(
  paths: string[],
  io: Io,
  config: ResolvedConfig,
  cache: LoadOptions['cache'] = false,
): Promise<{ load: LoadOptions; scan: CorpusScan }> {
  const choice = chooseCorpus(paths, io.cwd, config);
  const scan = await scanCorpus({ ...choice.load, cache });
  noteUnreadableFolders(scan, io);
  if (choice.paths.length === 0) return { load: choice.load, scan };
  const load = { ...choice.load, documents: selectDocuments(choice.paths, io.cwd, scan, choice.load) };
  return { load, scan: await scanCorpus({ ...load, cache }) };
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

function isInside(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}

function isMissing(path: string): boolean {
  try {
    statSync(path);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR';
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function displayPath(cwd: string, absolute: string): string {
  return toPosix(relative(cwd, absolute)) || '.';
}

function displayFolder(path: string): string {
  return path === '' ? 'the root' : path;
}
