/**
 * Corpus-relative paths. Every path in the graph is POSIX and relative to the corpus root;
 * a target that would leave the root is refused here, before anything could read it.
 */
import { posix } from 'node:path';

export type PathResolution =
  | { kind: 'inside'; path: string }
  | { kind: 'outside'; reason: string };

/** Resolve `target` (as written in `fromDocument`) to a corpus-relative path. */
export function resolveCorpusPath(fromDocument: string, target: string): PathResolution {
  const written = target.replace(/\\/g, '/');
  if (written.includes('\0')) return { kind: 'outside', reason: 'the path holds a NUL character' };
  if (written.startsWith('/') || /^[a-z]:/i.test(written)) {
    return { kind: 'outside', reason: 'absolute paths point outside the corpus' };
  }
  const joined = posix.normalize(posix.join(posix.dirname(fromDocument), written));
  if (joined === '..' || joined.startsWith('../')) {
    return { kind: 'outside', reason: 'the path leaves the corpus root' };
  }
  return { kind: 'inside', path: joined === '.' ? '' : joined.replace(/\/$/, '') };
}

/** Decode percent-escapes so that `%2e%2e/` is judged as the `../` it means. */
export function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Turn an OS path fragment into the POSIX form the graph uses. */
export function toPosix(path: string): string {
  return path.split('\\').join('/');
}
