/**
 * Reading a file as it stands at a git revision, for "what did this document define before
 * the change". git runs without a shell; no git, no repository or no such file all mean
 * "no earlier version", never an error. One `git ls-tree` per revision tells which files
 * are unchanged since it, so a check of a large, committed corpus runs git once, not once
 * per document.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';

export interface GitReader {
  /** The text of `path` (relative to `root`) at `ref`, or `undefined`. */
  show(ref: string, path: string): string | undefined;
  /** True when `path` at `ref` holds exactly `text` (then there is nothing to compare). */
  isUnchanged(ref: string, path: string, text: string): boolean;
  /** The id of the tree `ref` names (all it can show), or `undefined` without one. */
  treeOf(ref: string): string | undefined;
  /**
   * The files git finds renamed since `ref` (paths relative to `root`, old to new): in the
   * index with `staged`, else in the working tree; `undefined` outside a repository.
   */
  renamedSince(ref: string): ReadonlyMap<string, string> | undefined;
}

const maxBytes = 64 * 1024 * 1024;

interface ReaderOptions {
  /** The change is the commit being made: renames are read from the index. */
  staged?: boolean;
  /**
   * For a reader that lives long (the language server's): how often, in milliseconds, to ask
   * git what HEAD is, forgetting what was read once it moves (a commit made while the editor
   * is open). A short-lived reader (a check) never asks.
   */
  followHeadEvery?: number;
}

/** A reader for the repository that holds `root` (if any). Results are remembered (see `ReaderOptions`). */
export function gitReader(root: string, { staged = false, followHeadEvery }: ReaderOptions = {}): GitReader {
  const seen = new Map<string, string | undefined>();
  const renames = new Map<string, ReadonlyMap<string, string> | undefined>();
  const trees = new Map<string, Map<string, string> | undefined>();
  const git = (args: string[]): string | undefined => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: maxBytes, windowsHide: true });
    } catch {
      return undefined;
    }
  };
  let head: string | undefined;
  let headAskedAt = -Infinity;
  /** What HEAD was read as is forgotten once HEAD moves; asked at most every `followHeadEvery` ms. */
  const followHead = () => {
    if (followHeadEvery === undefined || Date.now() - headAskedAt < followHeadEvery) return;
    headAskedAt = Date.now();
    const now = git(['rev-parse', '--verify', '--quiet', 'HEAD'])?.trim();
    if (now !== head) {
      seen.clear();
      trees.clear();
      renames.clear();
    }
    head = now;
  };
  /** Blob ids by path (relative to `root`) at `ref`; `undefined` outside a repository. */
  const tree = (ref: string) => {
    if (!trees.has(ref)) {
      const listing = git(['ls-tree', '-r', '-z', ref, '--', '.']);
      trees.set(
        ref,
        listing === undefined
          ? undefined
          : new Map(
              listing
                .split('\0')
                .filter(Boolean)
                .map((line) => {
                  const tab = line.indexOf('\t');
                  return [line.slice(tab + 1), line.slice(0, tab).split(' ')[2] ?? ''] as const;
                }),
            ),
      );
    }
    return trees.get(ref);
  };
  return {
    show(ref, path) {
      followHead();
      const key = `${ref}\0${path}`;
      if (seen.has(key)) return seen.get(key);
      // Skip the process when the listing says the file did not exist (or there is no repository).
      const text = tree(ref)?.has(path) ? git(['show', `${ref}:./${path}`]) : undefined;
      seen.set(key, text);
      return text;
    },
    renamedSince(ref) {
      followHead();
      if (!renames.has(ref)) {
        // `--relative` keeps to `root` and writes paths from it; `-z` keeps names whole: `R100\0old\0new\0`.
        const listing = git(['diff', ...(staged ? ['--cached'] : []), '--relative', '-M', '--name-status', '-z', ref, '--']);
        renames.set(ref, listing === undefined ? undefined : renamesIn(listing));
      }
      return renames.get(ref);
    },
    treeOf(ref) {
      return git(['rev-parse', '--verify', '--quiet', `${ref}^{tree}`])?.trim() || undefined;
    },
    isUnchanged(ref, path, text) {
      followHead();
      const blob = tree(ref)?.get(path);
      if (blob === undefined) return false;
      const bytes = Buffer.from(text, 'utf8');
      return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex') === blob;
    },
  };
}

/** The renames in `git diff --name-status -z` output: each `R<score>` entry's old path and new. */
function renamesIn(listing: string): Map<string, string> {
  const fields = listing.split('\0');
  const renamed = new Map<string, string>();
  for (let index = 0; index < fields.length; ) {
    const status = fields[index] ?? '';
    // A rename or copy names two paths; every other status one.
    if (/^[RC]\d*$/.test(status)) {
      if (status.startsWith('R')) renamed.set(fields[index + 1]!, fields[index + 2]!);
      index += 3;
    } else index += 2;
  }
  return renamed;
}
