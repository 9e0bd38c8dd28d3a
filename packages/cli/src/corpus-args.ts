/**
 * From the paths a user typed to the documents they name in the corpus, the same way for
 * every command. Which corpus the paths name is the graph package's `resolveCorpus`; here a
 * path that is not a document of it is a usage error saying why.
 */
import { lstatSync, statSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { documentsMatching, isInside, resolveCorpus, scanCorpus, toPosix, whyNotADocument, type CorpusRequest, type CorpusScan, type LoadOptions, type ResolvedConfig } from '@capsule-docs/graph';
import { UsageError, type Io } from './io.js';
import { plural } from './plural.js';

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
  // A glob in quotes (`capsule check 'docs/**/*.md'`, as a package script or a Windows shell
  // passes it) names the documents it matches, as it does for ESLint and markdownlint-cli2.
  const selectMatching = (path: string, pattern: string, inside: boolean) => {
    if (!inside) return problems.push(`${path} is outside the corpus root (${displayPath(cwd, scan.root)})`);
    const matched = documentsMatching(scan, pattern);
    if (matched.length === 0) return problems.push(`${path} does not exist, and as a glob matches no document`);
    for (const documentPath of matched) given.add(documentPath);
  };
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    if (isFolder(absolute) && isInside(absolute, scan.root)) {
      for (const documentPath of scan.paths) given.add(documentPath);
      continue;
    }
    const inside = isInside(scan.root, absolute);
    let corpusPath = toPosix(relative(scan.root, absolute));
    // A path in a folder that cannot be read cannot be seen either; that folder is its reason.
    if (isMissing(absolute)) {
      if (inside && existedAtHead?.(corpusPath)) given.add(corpusPath);
      else if (isGlob(path)) selectMatching(path, corpusPath, inside);
      else problems.push(`${path} does not exist`);
      continue;
    }
    if (!inside) {
      problems.push(`${path} is outside the corpus root (${displayPath(cwd, scan.root)})`);
      continue;
    }
    // The listing never walks into a symbolic link to a folder; a path through one (`.claude/skills`
    // leading to `.agents/skills`) names what it leads to, as editors and agents follow it.
    if (!scan.paths.includes(corpusPath) || isFolder(absolute)) {
      const through = throughFolderLink(scan, corpusPath);
      if (through?.target === undefined && through !== undefined) {
        problems.push(
          through.link === corpusPath
            ? `${path} is a symbolic link that leads outside the corpus root`
            : `${path} is reached through the symbolic link \`${through.link}\`, which leads outside the corpus root`,
        );
        continue;
      }
      if (through?.target !== undefined) corpusPath = through.target;
    }
    if (isFolder(absolute)) {
      const prefix = corpusPath === '' ? '' : `${corpusPath}/`;
      const under = scan.paths.filter((documentPath) => documentPath.startsWith(prefix));
      for (const documentPath of under) given.add(documentPath);
      if (under.length === 0) problems.push(`${path} holds no document of the corpus${folderReason(scan, corpusPath)}`);
      continue;
    }
    // A link to a document is that document, read where it stands.
    const linked = scan.linksToDocuments.get(corpusPath);
    if (linked !== undefined) {
      given.add(linked);
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

/**
 * Where a root-relative path leads when a folder on its way (or the path itself) is a symbolic
 * link: the path under the root it names, or, when a link leads out of the root, to nothing,
 * round in a loop or out of the repository, that link alone. Undefined when no link is on the way.
 */
function throughFolderLink(scan: CorpusScan, path: string): { link: string; target?: string } | undefined {
  let found: { link: string; target?: string } | undefined;
  let current = path;
  // Each step replaces one link; a chain longer than the system follows is a loop.
  for (let step = 0; step < 40; step++) {
    const segments = current.split('/');
    let replaced = false;
    for (let count = 1; count <= segments.length; count++) {
      const prefix = segments.slice(0, count).join('/');
      if (!isLink(join(scan.root, prefix))) continue;
      const target = scan.symlinkTargets.get(prefix);
      if (target === undefined || target === '..' || target.startsWith('../')) return { link: found?.link ?? prefix };
      found = { link: found?.link ?? prefix };
      current = posix.join(target, ...segments.slice(count)).replace(/^\.$/, '');
      replaced = true;
      break;
    }
    if (!replaced) return found && { ...found, target: current };
  }
  return found && { link: found.link };
}

const pathHint = 'Give documents of the corpus (paths are relative to the working directory), or change `root`, `include` or `exclude`.';

function folderReason(scan: CorpusScan, folder: string): string {
  const unreadable = scan.unreadable.find(({ path }) => path === folder || path === '' || folder.startsWith(`${path}/`));
  if (unreadable) return ` (${displayFolder(unreadable.path)} could not be read: ${unreadable.code})`;
  const prefix = folder === '' ? '' : `${folder}/`;
  const vendored = scan.files.find((path) => path.startsWith(prefix) && scan.vendoredBy(path) !== undefined);
  if (vendored !== undefined) return ` (its files are vendored, third-party code: \`${scan.vendoredBy(vendored)}\` marks them; give the folder alone, as the corpus root, to check them)`;
  return '';
}

/** Tell on standard error which folders the listing could not read: their files are not in the corpus. */
export function noteUnreadableFolders(scan: CorpusScan, io: Io): void {
  for (const { path, code } of scan.unreadable) {
    io.stderr(`capsule: could not read the folder ${displayPath(io.cwd, join(scan.root, path))} (${code}); its files were left out\n`);
  }
}

/**
 * A configured `include` that matches no document: the check then passes having read nothing,
 * which a CI job would take for a clean corpus (a folder renamed, a glob from another root).
 */
export function noteNothingIncluded(scan: CorpusScan, include: readonly string[], io: Io): void {
  if (scan.paths.length > 0) return;
  const climbing = include.some((glob) => /^(?:\.\.\/|\/)/.test(glob)) ? '; globs are read from the root, which `../` and `/` cannot leave' : '';
  io.stderr(`capsule: no document matches \`include\` (${include.join(', ')}) under ${displayPath(io.cwd, scan.root) || '.'}, so nothing was checked${climbing}\n`);
}

/**
 * Pages the default `include` leaves out: MDX (a Docusaurus, Nextra or Mintlify site may hold
 * little else) and Cursor's `.mdc` rules. Told once, so a folder of them is not taken for one
 * with nothing wrong (nor an export of it for the whole site), with the `include` that reads
 * them and where it goes.
 */
export function noteLeftOutPages(scan: CorpusScan, configFile: string | undefined, io: Io, verb: 'check' | 'export' = 'check'): void {
  const kinds = [
    { extension: 'mdx', one: '.mdx file', many: '.mdx files' },
    { extension: 'mdc', one: '.mdc file (a Cursor rule)', many: '.mdc files (Cursor rules)' },
  ].map((kind) => ({ ...kind, count: scan.files.filter((path) => path.toLowerCase().endsWith(`.${kind.extension}`)).length }))
    .filter((kind) => kind.count > 0);
  if (kinds.length === 0) return;
  const counted = kinds.map((kind) => plural(kind.count, kind.one, kind.many)).join(' and ');
  const them = kinds.length === 1 && kinds[0]!.count === 1 ? 'it' : 'them';
  const include = JSON.stringify(['**/*.md', ...kinds.map((kind) => `**/*.${kind.extension}`)]).replace(/,/g, ', ');
  const where = configFile === undefined
    ? `write {"include": ${include}} to capsule.config.json ${displayPath(io.cwd, scan.root) === '.' ? 'in this folder' : `in ${displayPath(io.cwd, scan.root)}`}`
    : `set "include": ${include} in ${displayPath(io.cwd, configFile)}`;
  io.stderr(`capsule: ${counted} left out, as \`include\` (**/*.md) does not match ${them}; to ${verb} ${them} as Markdown, ${where}\n`);
}

/**
 * The corpus a reading command (graph, export, mcp) loads: the configured corpus, narrowed
 * to the documents the paths name, and the scan of it.
 */
export async function readingCorpus(
  paths: string[],
  io: Io,
  request: Omit<CorpusRequest, 'cwd' | 'paths' | 'env'>,
): Promise<{ config: ResolvedConfig; load: LoadOptions; scan: CorpusScan; whole: { load: LoadOptions; scan: CorpusScan } }> {
  const { config, load: whole, paths: given } = resolveCorpus({ ...request, cwd: io.cwd, paths, env: io.env });
  const scan = await scanCorpus(whole);
  noteUnreadableFolders(scan, io);
  if (given.length === 0) return { config, load: whole, scan, whole: { load: whole, scan } };
  const load = { ...whole, documents: selectDocuments(given, io.cwd, scan, whole) };
  return { config, load, scan: await scanCorpus(load), whole: { load: whole, scan } };
}

/** Whether nothing is at the path: a symbolic link that leads nowhere is there, a document the reader reports. */
function isMissing(path: string): boolean {
  try {
    lstatSync(path);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR';
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
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

/** Whether a path that names no file is a glob pattern: it holds `*`, `?`, brackets or braces. */
function isGlob(path: string): boolean {
  return /[*?[\]{}]/.test(path);
}
