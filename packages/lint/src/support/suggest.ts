/**
 * "Did you mean" look-ups. A corpus may hold tens of thousands of names, so candidates are
 * bucketed by first letter and length: a look-up compares against names that could be
 * within the edit-distance bound, never against the whole corpus, and is only made for a
 * name that failed to resolve.
 */
import leven from 'leven';

/** The largest edit distance worth suggesting for a word of this length. */
export function distanceBound(length: number): number {
  if (length <= 4) return 1;
  if (length <= 10) return 2;
  return 3;
}

/** An index of candidate names for bounded "did you mean" look-ups. */
export class SuggestionIndex {
  private readonly byFolded = new Map<string, string>();
  private readonly buckets = new Map<string, string[]>();

  constructor(candidates: Iterable<string>) {
    for (const candidate of candidates) {
      const folded = candidate.toLowerCase();
      if (this.byFolded.has(folded)) continue;
      this.byFolded.set(folded, candidate);
      const key = bucketKey(folded[0] ?? '', folded.length);
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(candidate);
      else this.buckets.set(key, [candidate]);
    }
  }

  /** The nearest candidate to `word` within the distance bound, or `undefined`. */
  suggest(word: string): string | undefined {
    const folded = word.toLowerCase();
    const sameLetters = this.byFolded.get(folded);
    if (sameLetters !== undefined) return sameLetters === word ? undefined : sameLetters;
    const bound = distanceBound(folded.length);
    const nearby: string[] = [];
    for (let length = folded.length - bound; length <= folded.length + bound; length++) {
      nearby.push(...(this.buckets.get(bucketKey(folded[0] ?? '', length)) ?? []));
    }
    return nearest(folded, nearby, bound);
  }
}

/** The candidate closest to `folded` within `bound` edits; ties go to the first in code-point order. */
function nearest(folded: string, candidates: Iterable<string>, bound: number): string | undefined {
  let best: string | undefined;
  let bestDistance = bound + 1;
  for (const candidate of candidates) {
    const distance = leven(folded, candidate.toLowerCase(), { maxDistance: bound + 1 });
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function bucketKey(firstLetter: string, length: number): string {
  return `${firstLetter}\u0000${length}`;
}

/** The nearest of a few candidates (an enum, one document's anchors): a plain scan. */
export function suggestAmong(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const folded = word.toLowerCase();
  const sameLetters = list.find((candidate) => candidate.toLowerCase() === folded);
  if (sameLetters !== undefined) return sameLetters === word ? undefined : sameLetters;
  return nearest(folded, list, distanceBound(folded.length));
}
