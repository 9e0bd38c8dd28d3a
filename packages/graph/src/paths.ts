/**
 * Corpus-relative paths. Every path in the graph is POSIX and relative to the corpus root;
 * a target that would leave the root is refused here, before anything could read it.
 */
import { posix, sep } from 'node:path';
import { docsResourcePath } from 'remark-capsules';

const leavesRoot = 'the path leaves the corpus root';

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
    return { kind: 'outside', reason: leavesRoot };
  }
  // `../` from a folder's document, like `..`, is the folder above: the root when it normalizes to `./`.
  const path = joined.replace(/\/$/, '');
  return { kind: 'inside', path: path === '.' ? '' : path };
}

/**
 * Resolve a link that leaves the corpus root: a path relative to the root (`../.github/x`)
 * when it stays inside the repository holding the root (at `rootInRepository`, POSIX, `''`
 * at its top), so that the graph can tell whether the file exists; outside when it leaves
 * the repository. A path that starts with `/` is read from the repository's top.
 */
export function resolveRepositoryPath(fromDocument: string, target: string, rootInRepository: string): PathResolution {
  const written = target.replace(/\\/g, '/');
  // As on GitHub, a path that starts with one `/` starts at the repository's top.
  if (/^\/(?!\/)/.test(written) && !written.includes('\0')) {
    const inRepository = posix.normalize(written).replace(/^\/+/, '').replace(/\/$/, '');
    return { kind: 'inside', path: posix.relative(rootInRepository, inRepository) };
  }
  const resolved = resolveCorpusPath(fromDocument, target);
  if (resolved.kind === 'inside' || resolved.reason !== leavesRoot) return resolved;
  const joined = posix.normalize(posix.join(posix.dirname(fromDocument), written)).replace(/\/$/, '');
  const ascents = joined.split('/').filter((segment) => segment === '..').length;
  const depth = rootInRepository === '' ? 0 : rootInRepository.split('/').length;
  if (ascents > depth) return { kind: 'outside', reason: 'the path leaves the repository' };
  // A path that climbs out and back in (`../docs/a.md` from the root `docs`) is the root's own.
  return { kind: 'inside', path: posix.relative(rootInRepository, posix.join(rootInRepository, joined)) };
}

/**
 * The pages a code host serves for the repository as a whole, beside its files: GitHub's
 * (`issues`, `pulls`, `security`, ...), and GitLab's, whose file pages climb to `/-/` where
 * GitHub's climb to the repository's own address.
 */
const repositoryPages = new Set([
  'actions', 'activity', 'blob', 'branches', 'commit', 'commits', 'compare', 'contributors', 'deployments', 'discussions', 'forks',
  'graphs', 'issues', 'labels', 'merge_requests', 'milestones', 'network', 'packages', 'pipelines', 'projects', 'pull', 'pulls',
  'pulse', 'releases', 'security', 'stargazers', 'tags', 'tree', 'watchers', 'wiki', 'wikis',
]);

/**
 * The code host's page of the repository a link names by climbing out of the file's address
 * there (`../../issues` in the top's `README.md`), if it names one. A file's page is
 * `github.com/<owner>/<repo>/blob/<branch>/<path>`: from a file `d` folders down, `d + 2`
 * climbs reach `github.com/<owner>/<repo>/`, and the page named next is the host's, not a
 * file. Any other climb out of the repository is no such page. The host is not asked for: a
 * clone does not tell it (no remote reaches the graph), and a path that climbs exactly that
 * far has nothing else to name, as no repository reads the folders around its clone.
 */
export function repositoryPageOf(fromDocument: string, target: string, rootInRepository: string): string | undefined {
  const written = target.replace(/\\/g, '/');
  if (!written.startsWith('../') || written.includes('\0')) return undefined;
  const joined = posix.normalize(posix.join(rootInRepository, posix.dirname(fromDocument), written));
  const page = /^\.\.\/\.\.\/([^/?#]+)/.exec(joined)?.[1];
  return page !== undefined && repositoryPages.has(page) ? page : undefined;
}

/**
 * A link that climbs out of the repository to one of the code host's pages of it, but by the
 * wrong number of climbs: `../../actions` in `app/RELEASE.md`, one folder down, which needs
 * `../../../actions` (a file moved down a folder keeps its links as they were). The page and the
 * target written with the climbs it needs; undefined for any other path.
 */
export function repositoryPageClimb(fromDocument: string, target: string, rootInRepository: string): { page: string; corrected: string } | undefined {
  const match = /^((?:\.\.\/)+)([^/?#]+)(.*)$/.exec(target.replace(/\\/g, '/'));
  if (!match || !repositoryPages.has(match[2]!) || match[0].includes('\0')) return undefined;
  const folder = posix.dirname(posix.join(rootInRepository, fromDocument));
  const depth = folder === '.' ? 0 : folder.split('/').length;
  const climbs = match[1]!.length / 3;
  // Fewer climbs than the file's depth stay in the repository: a folder of it may have that name.
  if (climbs <= depth || climbs === depth + 2) return undefined;
  return { page: match[2]!, corrected: `${'../'.repeat(depth + 2)}${match[2]}${match[3]}` };
}

/** Decode percent-escapes so that `%2e%2e/` is judged as the `../` it means. */
export function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Turn an OS path fragment into the POSIX form the graph uses; a backslash is a separator on Windows only, elsewhere a character a name may hold. */
export function toPosix(path: string): string {
  return sep === '\\' ? path.split(sep).join('/') : path;
}

/**
 * Where a `docs:///path` target may live: `path` from the corpus root, or under a `docs/`
 * folder at the root (a docs server usually serves that folder). Undefined for any other target.
 */
export function docsResourceCandidates(target: string): string[] | undefined {
  const path = docsResourcePath(target);
  if (path === undefined) return undefined;
  return [path, `docs/${path}`].flatMap((candidate) => {
    const resolved = resolveCorpusPath('', decodePath(candidate));
    return resolved.kind === 'inside' ? [resolved.path] : [];
  });
}
