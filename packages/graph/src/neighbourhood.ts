/**
 * Which documents a check of a few documents needs, found from every document's cross-file
 * keys (see `crossFileKeys`) without loading the others. Two steps, as the checker takes
 * them: the documents a change can touch (to find which of them it broke), then the
 * documents around those that are reported (which their rules read).
 */
import type { CrossFileKeys } from './cross-file-keys.js';

export interface Focus {
  /** Corpus paths of the changed documents; a path may name a document that is gone. */
  paths: readonly string[];
  /** More capsule names whose referrers a change may affect (names the documents had before). */
  names: readonly string[];
  /**
   * Where the corpus's symbolic links lead (see `CorpusScan.symlinkTargets`): a document pointing
   * at a focus path through one (`CLAUDE.md` leading to `AGENTS.md`, `docs/guides` to
   * `shared/guides`) is pointing at it.
   */
  links?: ReadonlyMap<string, string>;
}

/**
 * The documents whose edges a change to the focus can alter, with those the edges resolve
 * against: the focus documents, the documents defining or referencing a name the focus
 * defines (or defined), and those pointing at a focus path or maybe at its site route (see
 * `pageNames`). A graph of these gives every edge that names a touched name or points at a
 * focus path exactly as the whole corpus's.
 */
export function documentsTouching(keys: ReadonlyMap<string, CrossFileKeys>, focus: Focus): Set<string> {
  const touched = new Set(focus.names);
  const paths = pathsLeadingTo(focus.paths, focus.links);
  const routes = pageNames([...paths]);
  const found = new Set<string>();
  for (const path of focus.paths) {
    const own = keys.get(path);
    if (!own) continue;
    found.add(path);
    for (const name of own.defines) touched.add(name);
  }
  for (const [path, documentKeys] of keys) {
    if (found.has(path)) continue;
    if (someIn(documentKeys.defines, touched) || someIn(documentKeys.references, touched) || someIn(documentKeys.targets, paths) || someRoute(documentKeys.targets, routes)) {
      found.add(path);
    }
  }
  return found;
}

/**
 * The documents the rules read when checking `paths`: those documents, the documents
 * defining a name they define or reference, those referencing a name they define, and
 * those they point at. A graph of these gives every finding of `paths` exactly as the whole
 * corpus's.
 */
export function documentsAround(keys: ReadonlyMap<string, CrossFileKeys>, paths: Iterable<string>): Set<string> {
  const found = new Set<string>();
  const defined = new Set<string>();
  const referenced = new Set<string>();
  for (const path of paths) {
    const own = keys.get(path);
    if (!own) continue;
    found.add(path);
    for (const name of own.defines) defined.add(name);
    for (const name of own.references) referenced.add(name);
    for (const target of own.targets) if (keys.has(target)) found.add(target);
  }
  for (const [path, documentKeys] of keys) {
    if (found.has(path)) continue;
    const definesOne = documentKeys.defines.some((name) => defined.has(name) || referenced.has(name));
    if (definesOne || someIn(documentKeys.references, defined)) found.add(path);
  }
  return found;
}

/**
 * The paths and every path through a symbolic link that leads to one of them: `CLAUDE.md` for
 * `AGENTS.md` when it leads there, `docs/guides/setup.md` for `shared/guides/setup.md` when
 * `docs/guides` leads to `shared/guides`; links to links too.
 */
function pathsLeadingTo(paths: readonly string[], links: ReadonlyMap<string, string> | undefined): Set<string> {
  const found = new Set(paths);
  if (!links || links.size === 0) return found;
  let added = [...found];
  // Links leading into one another (`a/l` to `b`, `b/m` to `a`) name paths without end: a few
  // links deep is as far as links are written through.
  for (let round = 0; round < 8 && added.length > 0; round++) {
    const next: string[] = [];
    for (const [link, target] of links) {
      // A link to a folder around itself (`docs/up` leading to the root) only names its paths again.
      if (target === '' || link.startsWith(`${target}/`)) continue;
      for (const path of added) {
        const under = path === target ? '' : path.startsWith(`${target}/`) ? path.slice(target.length + 1) : undefined;
        if (under === undefined) continue;
        const through = under === '' ? link : `${link}/${under}`;
        if (!found.has(through)) {
          found.add(through);
          next.push(through);
        }
      }
    }
    added = next;
  }
  return found;
}

/**
 * The names the focus pages may be linked to by as a site's routes (`nodes`, `/guide/setup`,
 * `../setup/`) rather than by their files: each page's file name without its extension, a
 * folder's index or README by the folder's name. A site's content folder and base are left out
 * of its routes, so only the last segment of a route is compared: a document linking to such a
 * name may or may not reach the page, and loading it too costs a little, missing it a broken link.
 */
function pageNames(paths: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const path of paths) {
    const page = /(?:^|\/)([^/]+?)(?:\/(?:index|README|_index))?\.mdx?$/i.exec(path);
    if (page) names.add(page[1]!);
  }
  return names;
}

/** Whether a target's last segment, its `.html` and final slash left off, is one of the page names. */
function someRoute(targets: readonly string[], names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  for (const target of targets) {
    const route = target.replace(/\/+$/, '').replace(/\.html$/i, '');
    if (names.has(route.slice(route.lastIndexOf('/') + 1))) return true;
  }
  return false;
}

function someIn(list: readonly string[], set: ReadonlySet<string>): boolean {
  if (set.size === 0) return false;
  for (const item of list) if (set.has(item)) return true;
  return false;
}
