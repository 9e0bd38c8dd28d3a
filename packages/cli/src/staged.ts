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
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { redirectionFileName, siteConfigName, toPosix } from '@capsule-docs/graph';
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
}

const maxBuffer = 256 * 1024 * 1024;
/** git's empty tree: what a first commit is compared with. */
const emptyTree = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** The staged commit of the repository around `cwd`; a usage error outside a repository. */
export function stagedSnapshot(cwd: string): StagedSnapshot {
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
  const folder = mkdtempSync(join(tmpdir(), 'capsule-staged-'));
  const indexFileBefore = process.env['GIT_INDEX_FILE'];
  try {
    writeFileSync(join(folder, '.git'), `gitdir: ${gitFolder}\n`);
    process.env['GIT_INDEX_FILE'] = indexFile;
    const listed = indexEntries(git(['-C', toplevel, 'ls-files', '-z', '--cached', '--stage']));
    const withText = [...listed].filter(([path, mode]) => mode === symbolicLink || readsText(path)).map(([path]) => path);
    if (withText.length > 0) git(['-C', toplevel, 'checkout-index', '-z', '--stdin', '-f', `--prefix=${folder}/`], `${withText.join('\0')}\0`);
    const written = new Set(withText);
    for (const [path, mode] of listed) {
      if (written.has(path)) continue;
      const target = join(folder, path);
      if (mode === submodule) {
        mkdirSync(target, { recursive: true });
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, '');
    }
  } catch (error) {
    restoreIndexFile(indexFileBefore);
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return { toplevel, folder, changed, indexFileBefore };
}

const symbolicLink = '120000';
const submodule = '160000';

/** Whether a check may read the file's text, not only ask whether it exists. */
function readsText(path: string): boolean {
  return /\.(?:md|mdx|mdc|markdown)$/i.test(path) || /(?:^|\/)\.git(?:ignore|attributes|modules)$/.test(path) || redirectionFileName.test(path) || siteConfigName.test(path);
}

/** Path to mode from `git ls-files --stage -z` (`<mode> <object> <stage>\t<path>` entries); a conflicted path once. */
function indexEntries(output: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const entry of output.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const path = entry.slice(tab + 1);
    if (!entries.has(path)) entries.set(path, entry.slice(0, entry.indexOf(' ')));
  }
  return entries;
}

/** Remove the snapshot's folder. */
export function disposeSnapshot(snapshot: StagedSnapshot): void {
  restoreIndexFile(snapshot.indexFileBefore);
  rmSync(snapshot.folder, { recursive: true, force: true });
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
