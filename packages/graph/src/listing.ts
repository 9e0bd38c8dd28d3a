/**
 * Listing the files under a folder, as corpus loading sees them: every file that is not
 * ignored, dot-folders included (`.claude/`, `.github/`), `.git` and `node_modules` never
 * entered. A folder that cannot be read is noted and skipped; the listing goes on.
 */
import { execFile } from 'node:child_process';
import nodeFs from 'node:fs';
import { promisify } from 'node:util';
import { isAbsolute, posix, relative, resolve } from 'node:path';
import { globby, isGitIgnored, type Options as GlobbyOptions } from 'globby';
import { toPosix } from './paths.js';
import { readSideFile, readSideFileSync } from './side-files.js';
import { vendoredTest, type AttributesFile } from './vendored.js';

const execFileAsync = promisify(execFile);

/** Never listed, never walked into: version control's own store and installed packages. */
export const alwaysIgnored = ['**/node_modules/**', '**/.git/**', '**/.git'];

/** The file system calls the listing makes (`readdir`, `stat` and their kin), to be replaced in tests. */
export type ListingFileSystem = NonNullable<GlobbyOptions['fs']>;

export interface ListingOptions {
  /** Honour `.gitignore` files. */
  gitignore: boolean;
  /**
   * The repository around the folder, when the folder is a subfolder of it: its `.gitignore`
   * files above the folder apply too (the root's `docs/drafts/` leaves out `drafts/` when
   * `docs/` is listed), as git applies them.
   */
  repositoryRoot?: string;
  /** Globs (relative to the folder) of further paths to leave out; matching folders are not walked. */
  ignore?: readonly string[];
  fs?: ListingFileSystem;
}

/** A folder the listing could not read, relative to the listed folder (`''` for the folder itself). */
export interface UnreadableFolder {
  path: string;
  /** The system's error code (`EACCES`, `EPERM`, ...). */
  code: string;
}

export interface Listing {
  /** Files and symbolic links, relative and POSIX, sorted. */
  files: string[];
  /** The entries of `files` that are symbolic links (never followed by the listing). */
  symlinks: Set<string>;
  unreadable: UnreadableFolder[];
  /** Whether a path (relative to the folder, existing or not) is left out by a `.gitignore`, and not committed; absent without `gitignore`. */
  isIgnored?: (path: string) => boolean;
  /** Whether a path is a file or folder here that a `.gitignore` leaves out (and that is not committed); absent without `gitignore`. */
  isIgnoredFile?: (path: string) => boolean;
  /**
   * The file that marks a path (existing or not) as vendored, third-party code (see
   * `vendoredTest`), relative to the folder; undefined for the project's own files.
   */
  vendoredBy: (path: string) => string | undefined;
}

/** List the files under `folder`. */
export async function listFiles(folder: string, options: ListingOptions): Promise<Listing> {
  const failures = new Map<string, string>();
  const fs = recordingFailures(options.fs, (path, code) => failures.set(toPosix(relative(folder, path)), code));
  const ignore = [...alwaysIgnored, ...(options.ignore ?? [])];
  // Listing first and asking `.gitignore` after is several times faster on large trees
  // than globby's own `gitignore` option, with the same rules (the same matcher decides).
  const [entries, isIgnored] = await Promise.all([
    globby('**/*', {
      cwd: folder,
      dot: true,
      ignore,
      followSymbolicLinks: false,
      // Symbolic links are listed (not skipped) so that one pointing outside the root is
      // reported rather than silently ignored; they are never traversed.
      onlyFiles: false,
      objectMode: true,
      suppressErrors: true,
      fs,
    }),
    options.gitignore ? gitIgnoredTest(folder, options.repositoryRoot, ignore, fs) : undefined,
  ]);
  const listed = entries.filter((entry) => entry.dirent.isFile() || (entry.dirent.isSymbolicLink() && !isEditorLock(folder, entry.path)));
  const ignored = isIgnored ? listed.filter((entry) => isIgnored(entry.path)) : [];
  // A file committed in spite of a `.gitignore` (added with `-f`, or matched only in another
  // letter case, which git on Linux tells apart) is the repository's all the same.
  const tracked = ignored.length > 0 && options.gitignore ? await trackedFiles(folder) : undefined;
  const left = new Set(ignored.filter((entry) => !tracked?.has(toPosix(entry.path))));
  const kept = left.size === 0 ? listed : listed.filter((entry) => !left.has(entry));
  const ignoredFiles = new Set([...left].map((entry) => toPosix(entry.path)));
  const files = kept.map((entry) => toPosix(entry.path)).sort();
  const inside = insideRepository(folder, options.repositoryRoot) ?? '';
  return {
    files,
    symlinks: new Set(kept.filter((entry) => entry.dirent.isSymbolicLink()).map((entry) => toPosix(entry.path))),
    // Ignored folders are not the user's concern, even when the `.gitignore` search tried them.
    unreadable: [...failures]
      .filter(([path]) => path === '' || !isIgnored?.(`${path}/`))
      .map(([path, code]) => ({ path, code }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    ...(isIgnored ? { isIgnored: (path: string) => isIgnored(path) && !tracked?.has(path), isIgnoredFile: fileOrFolderOf(ignoredFiles) } : {}),
    vendoredBy: vendoredTest(files, await attributesFiles(folder, files, options.repositoryRoot, inside), inside),
  };
}

/**
 * Whether a link is the lock Emacs makes beside a file while its buffer has unsaved changes:
 * `.#notes.md`, leading to `user@host.pid` (and `:boot-time`), nothing. It is no file of the
 * project, and is gone once the buffer is saved.
 */
function isEditorLock(folder: string, path: string): boolean {
  if (!posix.basename(path).startsWith('.#')) return false;
  try {
    return /^[^/\s]+@[^/\s]*\.\d+(?::\d+)?$/.test(nodeFs.readlinkSync(resolve(folder, path), 'utf8'));
  } catch {
    return false;
  }
}

/**
 * The `.gitattributes` files that apply to the folder: those listed under it, and, in a
 * repository around it, those of the folders above it. Read as git reads them: a regular
 * file, never through a link; one that cannot be read holds nothing.
 */
async function attributesFiles(folder: string, files: readonly string[], repositoryRoot: string | undefined, inside: string): Promise<AttributesFile[]> {
  const above: string[] = [];
  if (repositoryRoot !== undefined && inside !== '') {
    const segments = inside.split('/');
    for (let count = 0; count < segments.length; count++) above.push(segments.slice(0, count).join('/'));
  }
  const read = async (absolute: string) => (await readSideFile(absolute, { followLinks: false }).catch(() => undefined))?.toString('utf8');
  const own = files.filter((path) => posix.basename(path) === '.gitattributes');
  const found = await Promise.all([
    ...above.map(async (aboveFolder) => {
      const text = await read(resolve(repositoryRoot!, aboveFolder, '.gitattributes'));
      return text === undefined ? undefined : { path: posix.relative(inside, posix.join(aboveFolder, '.gitattributes')), folder: aboveFolder, text };
    }),
    ...own.map(async (path) => {
      const text = await read(resolve(folder, path));
      const ownFolder = posix.dirname(path) === '.' ? '' : posix.dirname(path);
      return text === undefined ? undefined : { path, folder: posix.join(inside, ownFolder).replace(/^\.$/, ''), text };
    }),
  ]);
  return found.filter((file) => file !== undefined);
}

/** The folder's POSIX path inside the repository (`''` at its top); undefined outside one. */
function insideRepository(folder: string, repositoryRoot: string | undefined): string | undefined {
  if (repositoryRoot === undefined) return undefined;
  const inside = toPosix(relative(resolve(repositoryRoot), resolve(folder)));
  return inside === '..' || inside.startsWith('../') || isAbsolute(inside) ? undefined : inside;
}

/** The files git tracks under `folder`, relative to it; `undefined` when git cannot tell (no git, no repository). */
async function trackedFiles(folder: string): Promise<Set<string> | undefined> {
  try {
    const { stdout } = await execFileAsync('git', ['ls-files', '-z', '--cached'], { cwd: folder, encoding: 'utf8', maxBuffer: 1 << 30, windowsHide: true });
    return new Set(stdout.split('\0').filter((path) => path !== ''));
  } catch {
    return undefined;
  }
}

/** A test of whether a path is one of `files` or a folder holding one; the folders are gathered on the first question. */
function fileOrFolderOf(files: ReadonlySet<string>): (path: string) => boolean {
  let folders: Set<string> | undefined;
  return (path) => {
    if (files.has(path)) return true;
    if (!folders) {
      folders = new Set();
      for (const file of files) for (let at = file.lastIndexOf('/'); at > 0; at = file.lastIndexOf('/', at - 1)) folders.add(file.slice(0, at));
    }
    return folders.has(path.replace(/\/$/, ''));
  };
}

/**
 * Whether a path (relative to `folder`) is left out by a `.gitignore`: those under the folder,
 * and, inside a repository, those of the repository (read from its root, so the files in the
 * folders above this one count, with their patterns relative to where each file stands).
 */
async function gitIgnoredTest(
  folder: string,
  repositoryRoot: string | undefined,
  ignore: string[],
  fs: ListingFileSystem,
): Promise<(path: string) => boolean> {
  // A `.gitignore` is read as git reads it: a regular file, never through a link (see side-files.ts).
  const readIgnoreFile = async (path: string, encoding: BufferEncoding) => (await readSideFile(path, { followLinks: false })).toString(encoding);
  const readIgnoreFileSync = (path: string) => readSideFileSync(path, { followLinks: false });
  const options = { suppressErrors: true, followSymbolicLinks: false, fs: { ...fs, readFileSync: readIgnoreFileSync, promises: { readFile: readIgnoreFile } } as ListingFileSystem };
  const here = await isGitIgnored({ cwd: folder, ignore, ...options });
  const inside = insideRepository(folder, repositoryRoot);
  if (repositoryRoot === undefined || inside === undefined || inside === '') return here;
  // The folder's own subtree is already asked above; only the files outside it are read here.
  const around = await isGitIgnored({ cwd: repositoryRoot, ignore: [...alwaysIgnored, `${inside}/**`], ...options });
  return (path) => here(path) || around(`${inside}/${path}`);
}

type ReaddirCallback = (error: NodeJS.ErrnoException | null, entries: unknown) => void;

/**
 * The file system the listing reads through, with every folder it fails to read handed to
 * `record` (errors are otherwise swallowed so that one unreadable folder does not end the
 * walk). A folder that vanished meanwhile is not a failure.
 */
function recordingFailures(given: ListingFileSystem | undefined, record: (path: string, code: string) => void): ListingFileSystem {
  const readdir = (given?.readdir ?? nodeFs.readdir) as (...args: unknown[]) => void;
  const recordingReaddir = (path: string, ...rest: unknown[]) => {
    const callback = rest.pop() as ReaddirCallback;
    readdir(path, ...rest, (error: NodeJS.ErrnoException | null, entries: unknown) => {
      if (error && error.code !== 'ENOENT') record(path, error.code ?? 'unknown error');
      callback(error, entries);
    });
  };
  return { ...given, readdir: recordingReaddir as unknown as ListingFileSystem['readdir'] };
}
