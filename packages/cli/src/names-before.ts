/**
 * The capsule names documents had at a git revision: what `capsule check a.md b.md` hands to
 * `blastRadius` (in the lint package), since renaming or removing a capsule leaves every
 * reference to the old name dangling in documents nobody touched.
 */
import { modelAtRevision } from '@capsule-docs/lint';
import type { GitReader } from './git.js';

/** The capsule names the given documents had at `ref`: what a change may have renamed or removed. */
export function namesBefore(given: readonly string[], git: GitReader | undefined, ref = 'HEAD'): string[] {
  const names = new Set<string>();
  for (const path of given) {
    const before = git ? modelAtRevision(git, ref, path) : undefined;
    for (const capsule of before?.capsules ?? []) if (capsule.name !== '') names.add(capsule.name);
  }
  return [...names];
}
