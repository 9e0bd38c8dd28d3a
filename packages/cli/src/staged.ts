/**
 * The commit as it will be made, for `capsule check --staged`: git's index written out to a
 * temporary folder, and the paths the commit adds, changes, renames or deletes.
 *
 * A check reads files from disk, and the working tree is not the commit: a file may be
 * partly staged, and a deleted file is never passed to a hook by the pre-commit framework.
 * So the index itself is written out. The files a check reads the text of get their staged
 * text: Markdown in every form a configuration may include (`.md`, `.mdx`, Cursor's `.mdc`,
 * `.markdown`), the files that say which files are left out or vendored (`.gitignore`,
 * `.gitattributes`, `.gitmodules`), redirection files and site configurations. Symbolic links
 * stay links (`.claude/skills` leading to `.agents/skills`), and a submodule is an empty
 * folder, as in a clone that has not fetched it. Every other file is written empty, since a
 * check asks only whether it exists (a link's target). git runs without a shell; paths travel
 * NUL-separated, so spaces and newlines in them are safe.
 *
 * Writing out a repository of 15,000 files took seconds, on every commit. So the snapshot is
 * kept between runs, in the user's cache folder (one per repository), with a list of what
 * each of its files was written from: a run writes only the entries of the index that changed
 * since, deletes those gone, and leaves every other file as it was, so the corpus index knows
 * them by their signatures. A run that finds the kept snapshot in use by another, or cannot
 * keep one, writes a snapshot of its own to a temporary folder, as with `--no-cache`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { redirectionFileName, siteConfigName, toPosix, typedocIncludeCandidates } from '@capsule-docs/graph';
import { UsageError } from './io.js';

export interface StagedSnapshot {
  /** The repository's top folder. */
  toplevel: string;
  /** Where the index was written: the same layout under another folder. */
  folder: string;
  /** Repository-relative paths the commit touches: added, modified, renamed (both names), deleted. */
  changed: string[];
  /** `GIT_INDEX_FILE` as it was before the snapshot named the index absolutely for git run in it. */
  indexFileBefore: string | undefined;
  /**
   * The lock of a snapshot kept between runs (see `keptSnapshots`), which the run holds until
   * it is disposed of; undefined for one written to a temporary folder for this run alone.
   */
  lock: string | undefined;
}

const maxBuffer = 256 * 1024 * 1024;
/** git's empty tree: what a first commit is compared with. */
const emptyTree = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/**
 * The folder snapshots are kept in between runs: under the user's cache folder, never inside
 * a repository, where a plain check would read the copies as documents.
 */
export function keptSnapshots(env: Record<string, string | undefined>): string {
  return join(env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'capsule-docs', 'staged');
}

/**
 * The staged commit of the repository around `cwd`; a usage error outside a repository.
 * With `keepIn`, the snapshot is the one kept there for this repository, brought up to date.
 */
export function stagedSnapshot(cwd: string, keepIn?: string): StagedSnapshot {
  const git = (args: string[], input?: string) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', input, maxBuffer, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
  let toplevel: string;
  try {
    toplevel = resolve(git(['rev-parse', '--show-toplevel']).trim());
  } catch {
    throw new UsageError('`--staged` checks what git will commit, and this folder is not in a git repository');
  }
  const head = tryGit(() => git(['rev-parse', '--verify', '--quiet', 'HEAD']).trim()) ?? emptyTree;
  const changed = changedPaths(git(['diff', '--cached', '--name-status', '-z', '--no-renames', head]));

  // A file committed in spite of a `.gitignore` (`git add -f`) is the repository's: the listing
  // asks git which files are tracked. The snapshot holds the index's files, so git run in it is
  // led to the repository's git folder and index (named absolutely: git reads a relative
  // `GIT_INDEX_FILE`, as git sets it for a hook, from the top of the work tree it finds).
  const gitFolder = resolve(cwd, git(['rev-parse', '--absolute-git-dir']).trim());
  const indexFile = resolve(cwd, git(['rev-parse', '--git-path', 'index']).trim());
  const kept = keepIn === undefined ? undefined : lockKept(join(keepIn, createHash('sha1').update(toplevel).digest('hex').slice(0, 16)));
  if (kept) removeUnused(dirname(kept.place), kept.place);
  const folder = kept ? join(kept.place, 'tree') : mkdtempSync(join(tmpdir(), 'capsule-staged-'));
  const indexFileBefore = process.env['GIT_INDEX_FILE'];
  try {
    process.env['GIT_INDEX_FILE'] = indexFile;
    const listed = indexEntries(git(['-C', toplevel, 'ls-files', '-z', '--cached', '--stage']));
    const reads = textRead([...listed.keys()]);
    const wanted = new Map([...listed].map(([path, { mode, object }]) => [path, mode === symbolicLink || reads(path) ? withText(mode, object) : mode]));
    const written = kept ? keptManifest(kept.place, folder) : new Map<string, string>();
    const write = bringUpToDate(folder, written, wanted);
    if (write.length > 0) git(['-C', toplevel, 'checkout-index', '-z', '--stdin', '-f', `--prefix=${folder}/`], `${write.join('\0')}\0`);
    writeFileSync(join(folder, '.git'), `gitdir: ${gitFolder}\n`);
    if (kept) saveManifest(kept.place, wanted);
  } catch (error) {
    restoreIndexFile(indexFileBefore);
    rmSync(kept ? kept.lock : folder, { recursive: true, force: true });
    throw error;
  }
  return { toplevel, folder, changed, indexFileBefore, lock: kept?.lock };
}

const symbolicLink = '120000';
const submodule = '160000';

/**
 * What a file of the snapshot is written from, as the kept list records it: its mode and
 * object for one whose text is written (`100644 <object>`), its mode alone for one written
 * empty or a submodule's folder.
 */
function withText(mode: string, object: string): string {
  return `${mode} ${object}`;
}

function holdsText(writtenFrom: string): boolean {
  return writtenFrom.includes(' ');
}

/** Whether the snapshot is the one kept between runs, with a corpus index of its own. */
export function isKept(snapshot: StagedSnapshot): boolean {
  return snapshot.lock !== undefined;
}

/**
 * Whether a check may read a file's text, not only ask whether it exists: a document, a file
 * saying which files are left out or vendored, a redirection file, a site configuration, a
 * source file whose doc comments may take Markdown in (see `typedocIncludeCandidates`).
 */
function textRead(paths: readonly string[]): (path: string) => boolean {
  const sources = new Set(typedocIncludeCandidates(paths));
  return (path) =>
    /\.(?:md|mdx|mdc|markdown)$/i.test(path) ||
    /(?:^|\/)\.git(?:ignore|attributes|modules)$/.test(path) ||
    redirectionFileName.test(path) ||
    siteConfigName.test(path) ||
    sources.has(path);
}

/** Path to mode and object from `git ls-files --stage -z` (`<mode> <object> <stage>\t<path>` entries); a conflicted path once. */
function indexEntries(output: string): Map<string, { mode: string; object: string }> {
  const entries = new Map<string, { mode: string; object: string }>();
  for (const entry of output.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const path = entry.slice(tab + 1);
    const [mode = '', object = ''] = entry.slice(0, tab).split(' ');
    if (!entries.has(path)) entries.set(path, { mode, object });
  }
  return entries;
}

/**
 * Make the files of `folder` what `wanted` says, from what `written` says they are: delete
 * those gone or changed, write the empty files and submodule folders, and return the paths
 * whose text git is to write. A folder left empty by a deletion goes too, as it would in a clone.
 */
function bringUpToDate(folder: string, written: ReadonlyMap<string, string>, wanted: ReadonlyMap<string, string>): string[] {
  for (const [path, was] of written) {
    if (wanted.get(path) === was) continue;
    rmSync(join(folder, path), { recursive: true, force: true });
    for (let parent = dirname(path); parent !== '.' && !wanted.has(parent); parent = dirname(parent)) {
      if (!removedIfEmpty(join(folder, parent))) break;
    }
  }
  const fromObjects: string[] = [];
  for (const [path, what] of wanted) {
    if (written.get(path) === what) continue;
    if (holdsText(what)) fromObjects.push(path);
    else if (what === submodule) mkdirSync(join(folder, path), { recursive: true });
    else {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), '');
    }
  }
  return fromObjects;
}

function removedIfEmpty(folder: string): boolean {
  try {
    rmdirSync(folder);
    return true;
  } catch {
    return false;
  }
}

/**
 * Hold the snapshot kept at `place` for this run: a lock file made only if none is there. One
 * left by a run that ended without removing it (its process is gone) is taken over; undefined
 * when a running check holds it, or the folder cannot be written.
 */
function lockKept(place: string): { place: string; lock: string } | undefined {
  const lock = join(place, 'lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(place, { recursive: true });
      const handle = openSync(lock, 'wx');
      writeFileSync(handle, String(process.pid));
      closeSync(handle);
      return { place, lock };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || isRunning(holderOf(lock))) return undefined;
      rmSync(lock, { force: true });
    }
  }
  return undefined;
}

/** The process id a lock file names; empty when it names none or is gone. */
function holderOf(lock: string): string {
  try {
    return readFileSync(lock, 'utf8');
  } catch {
    return '';
  }
}

function isRunning(pid: string): boolean {
  const id = Number(pid);
  if (!Number.isInteger(id) || id <= 0) return false;
  try {
    process.kill(id, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A kept snapshot no run has brought up to date for this long (its repository gone, most likely) is removed. */
const unusedAfterMs = 30 * 24 * 60 * 60 * 1000;

/**
 * Remove the snapshots kept in `keepIn` beside `own` that no run has used for `unusedAfterMs`
 * and none holds. A failure is let be: a snapshot left in place costs disk space, not a result.
 */
function removeUnused(keepIn: string, own: string): void {
  const now = Date.now();
  try {
    for (const name of readdirSync(keepIn)) {
      const place = join(keepIn, name);
      if (place === own || !/^[0-9a-f]{16}$/.test(name)) continue;
      const used = statSync(join(place, 'manifest.json'), { throwIfNoEntry: false }) ?? statSync(place, { throwIfNoEntry: false });
      if (used === undefined || now - used.mtimeMs < unusedAfterMs || isRunning(holderOf(join(place, 'lock')))) continue;
      rmSync(place, { recursive: true, force: true });
    }
  } catch {
    // Left for a later run.
  }
}

/**
 * What the kept snapshot's files were written from, by path. The list is taken away while the
 * run brings the files up to date, so one cut short leaves none; then, or when the list cannot
 * be read or its files are gone, the files are deleted and written anew.
 */
function keptManifest(place: string, folder: string): Map<string, string> {
  const file = join(place, 'manifest.json');
  let written: Map<string, string> | undefined;
  try {
    const entries: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (Array.isArray(entries) && entries.every((entry) => Array.isArray(entry) && entry.length === 2 && entry.every((part) => typeof part === 'string'))) {
      written = new Map(entries as [string, string][]);
    }
  } catch {
    written = undefined;
  }
  rmSync(file, { force: true });
  if (written && existsSync(folder)) return written;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  return new Map();
}

function saveManifest(place: string, wanted: ReadonlyMap<string, string>): void {
  const file = join(place, 'manifest.json');
  writeFileSync(`${file}.new`, JSON.stringify([...wanted]));
  renameSync(`${file}.new`, file);
}

/** Remove the snapshot's folder, or let go of a kept one. */
export function disposeSnapshot(snapshot: StagedSnapshot): void {
  restoreIndexFile(snapshot.indexFileBefore);
  if (snapshot.lock) rmSync(snapshot.lock, { force: true });
  else rmSync(snapshot.folder, { recursive: true, force: true });
}

function restoreIndexFile(value: string | undefined): void {
  if (value === undefined) delete process.env['GIT_INDEX_FILE'];
  else process.env['GIT_INDEX_FILE'] = value;
}

/** The place in the snapshot of a path in the repository (absolute in, absolute out). */
export function inSnapshot(snapshot: StagedSnapshot, path: string): string {
  const inside = relative(snapshot.toplevel, path);
  if (inside.startsWith('..')) throw new UsageError(`\`--staged\` checks a corpus inside the repository, and ${toPosix(path)} is outside it`);
  return join(snapshot.folder, inside);
}

/** Paths from `git diff --name-status -z`: a status, then one path (two for a copy). */
function changedPaths(output: string): string[] {
  const fields = output.split('\0');
  const paths: string[] = [];
  for (let index = 0; index < fields.length; ) {
    const status = fields[index++] ?? '';
    if (status === '') continue;
    const count = status.startsWith('C') || status.startsWith('R') ? 2 : 1;
    for (let taken = 0; taken < count; taken++) paths.push(fields[index++] ?? '');
  }
  return [...new Set(paths.filter(Boolean))];
}

function tryGit(run: () => string): string | undefined {
  try {
    return run() || undefined;
  } catch {
    return undefined;
  }
}
