/**
 * `capsule mv --git`: record a move in git's index as `git mv` does. Each tracked file under
 * the source is renamed in the index with the content and mode it had there, so `git status`
 * shows a rename and the link edits the move made stay unstaged, to be read with `git diff`
 * before they are added. git runs without a shell.
 */
import { execFileSync } from 'node:child_process';
import { dirname, relative, sep } from 'node:path';

export interface IndexMove {
  /** The repository's top folder. */
  top: string;
  /** The index entries under the source: mode, object id and path from the top. */
  entries: { mode: string; object: string; path: string }[];
  /** The source's and destination's paths from the top. */
  from: string;
  to: string;
}

export class IndexMoveError extends Error {}

const git = (cwd: string, args: string[], input?: string) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });

/**
 * What moving `from` to `to` (real absolute paths) changes in the index of the repository
 * holding them, read before anything moves; refuses a folder outside a repository or a file
 * with a merge conflict, as `git mv` does.
 */
export function planIndexMove(from: string, to: string): IndexMove {
  let top: string;
  try {
    top = git(dirname(from), ['rev-parse', '--show-toplevel']).trim();
  } catch {
    throw new IndexMoveError('is not inside a git repository');
  }
  const fromTop = relative(top, from).split(sep).join('/');
  const toTop = relative(top, to).split(sep).join('/');
  if (fromTop.startsWith('../') || toTop.startsWith('../')) throw new IndexMoveError('leads out of its git repository');
  const listing = git(top, ['--literal-pathspecs', 'ls-files', '--stage', '-z', '--', fromTop]);
  const entries = listing
    .split('\0')
    .filter((record) => record !== '')
    .map((record) => {
      const [info, path] = [record.slice(0, record.indexOf('\t')), record.slice(record.indexOf('\t') + 1)];
      const [mode, object, stage] = info.split(' ');
      return { mode: mode!, object: object!, stage: stage!, path };
    });
  const conflicted = entries.find((entry) => entry.stage !== '0');
  if (conflicted) throw new IndexMoveError(`has a merge conflict in ${conflicted.path}`);
  return { top, entries: entries.map(({ mode, object, path }) => ({ mode, object, path })), from: fromTop, to: toTop };
}

/** Rename the planned entries in the index; returns how many were moved. */
export function applyIndexMove(move: IndexMove): number {
  if (move.entries.length === 0) return 0;
  const placed = (path: string) => (path === move.from ? move.to : move.to + path.slice(move.from.length));
  git(move.top, ['update-index', '-z', '--force-remove', '--stdin'], move.entries.map((entry) => `${entry.path}\0`).join(''));
  git(move.top, ['update-index', '-z', '--index-info'], move.entries.map((entry) => `${entry.mode} ${entry.object}\t${placed(entry.path)}\0`).join(''));
  return move.entries.length;
}
