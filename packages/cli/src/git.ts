/**
 * Reading a file as it stands at a git revision, for "what did this document define before
 * the change". git runs without a shell; no git, no repository or no such file all mean
 * "no earlier version", never an error.
 */
import { execFileSync } from 'node:child_process';

export interface GitReader {
  /** The text of `path` (relative to `root`) at `ref`, or `undefined`. */
  show(ref: string, path: string): string | undefined;
}

const maxBytes = 64 * 1024 * 1024;

/** A reader for the repository that holds `root` (if any). Results are remembered. */
export function gitReader(root: string): GitReader {
  const seen = new Map<string, string | undefined>();
  let available = true;
  return {
    show(ref, path) {
      if (!available) return undefined;
      const key = `${ref}\0${path}`;
      if (seen.has(key)) return seen.get(key);
      let text: string | undefined;
      try {
        // `./` makes the path relative to `cwd` rather than to the repository's top folder.
        text = execFileSync('git', ['show', `${ref}:./${path}`], {
          cwd: root,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
          maxBuffer: maxBytes,
          windowsHide: true,
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') available = false;
        text = undefined;
      }
      seen.set(key, text);
      return text;
    },
  };
}
