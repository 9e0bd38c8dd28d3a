/**
 * The capsule names documents had at a git revision: what `capsule check a.md b.md` hands to
 * `blastRadius` (in the lint package), since renaming or removing a capsule leaves every
 * reference to the old name dangling in documents nobody touched; and, to the rules, where
 * each name was defined, so that such a reference is told where its capsule went.
 */
import { modelAtRevision, type FormerDefinition } from '@capsule-docs/lint';
import type { GitReader } from './git.js';

/** The capsule names the given documents had at `ref`, each with the first document that defined it. */
export function namesBefore(given: readonly string[], git: GitReader | undefined, ref = 'HEAD'): FormerDefinition[] {
  const definitions = new Map<string, string>();
  for (const path of given) {
    const before = git ? modelAtRevision(git, ref, path) : undefined;
    for (const capsule of before?.capsules ?? []) if (capsule.name !== '' && !definitions.has(capsule.name)) definitions.set(capsule.name, path);
  }
  return [...definitions].map(([name, document]) => ({ name, document }));
}

/**
 * The anchors the given documents had at `ref`, in lower case, by path: every way a heading
 * could be reached (GitHub's slug and each site's), and the anchors a document set. A link
 * into a given document whose anchor is gone now was broken by the change only if the anchor
 * was among these.
 */
export function anchorsBefore(given: readonly string[], git: GitReader | undefined, ref = 'HEAD'): Map<string, Set<string>> {
  const anchors = new Map<string, Set<string>>();
  for (const path of given) {
    const before = git ? modelAtRevision(git, ref, path) : undefined;
    if (!before) continue;
    const own = new Set<string>();
    for (const heading of before.headings) {
      own.add(heading.slug.toLowerCase());
      for (const slug of Object.values(heading.siteSlugs ?? {})) if (slug !== undefined) own.add(slug.toLowerCase());
    }
    for (const anchor of before.setAnchors ?? []) own.add(anchor.toLowerCase());
    for (const list of Object.values(before.siteAnchors ?? {})) for (const anchor of list ?? []) own.add(anchor.toLowerCase());
    anchors.set(path, own);
  }
  return anchors;
}
