/**
 * "Did you mean" look-ups that stay cheap on a corpus of tens of thousands of names. A
 * look-up is only made for a name that failed to resolve, and its cost does not grow with
 * the corpus:
 *
 * 1. the same letters in another case (`riskdiscovery` -> `RiskDiscovery`);
 * 2. every name one edit away (a letter dropped, added, changed or two swapped). One edit
 *    leaves the first or the last letter of a word of three or more letters in place; in a
 *    name of seven or more it leaves either its first half or its second half (`endsOf`),
 *    so only names of a nearby length that share one of those with the word are compared,
 *    each in one pass without allocating; shorter words look up their own one-edit variants;
 * 3. otherwise a bounded scan of names with the same first letter and a nearby length,
 *    nearest lengths first, for typos of two or three edits in longer names; a name whose
 *    letters alone put it too far away is skipped before its edit distance is measured, and
 *    one whose set of letters does is skipped before its letters are counted.
 *
 * Results are cached per word, so a typo repeated across the corpus is looked up once.
 */
import leven from 'leven';

/** The largest edit distance worth suggesting for a word of this length. */
export function distanceBound(length: number): number {
  if (length <= 4) return 1;
  if (length <= 10) return 2;
  return 3;
}

/** Words this long look names up by the halves `endsOf` gives, not by their first and last letters. */
const longWord = 8;

/**
 * How many first and last letters of a name `length` long are kept in place by any one edit
 * that turns it into, or makes it from, a word at most one letter longer or shorter: the two
 * add up to one less than the length. An edit changing letters before the first `head`
 * leaves the rest in place, the last `tail` among them; a swap of neighbours is the edit
 * that reaches furthest, two letters.
 */
export function endsOf(length: number): { head: number; tail: number } {
  const head = Math.floor((length - 1) / 2);
  return { head, tail: length - 1 - head };
}
/** How many names the fallback scan compares a word with, at most. */
const scanLimit = 400;
/** Characters tried when generating one-edit variants: those the names use, most frequent first. */
const alphabetLimit = 64;

/** An index of candidate names for bounded "did you mean" look-ups. */
export class SuggestionIndex {
  private readonly byFolded = new Map<string, string>();
  /** Folded names by their first letter and length; likewise by their last. */
  private readonly byFirst = new Map<string, string[]>();
  private readonly byLast = new Map<string, string[]>();
  /** Folded names of `longWord - 1` or more letters by their first `head` letters and length; likewise by their last `tail`. */
  private readonly byHead = new Map<string, string[]>();
  private readonly byTail = new Map<string, string[]>();
  /** The set of letters in each folded name, as bits (`letterBits`). */
  private readonly letters = new Map<string, number>();
  private readonly alphabet: string[];
  private readonly cache = new Map<string, string | undefined>();
  /** Scratch counts by character code for `countsBound`, zero between calls. */
  private readonly counts = new Int32Array(0x10000);

  constructor(candidates: Iterable<string>) {
    const frequency = new Map<string, number>();
    for (const candidate of candidates) {
      const folded = candidate.toLowerCase();
      if (this.byFolded.has(folded)) continue;
      this.byFolded.set(folded, candidate);
      addTo(this.byFirst, bucketKey(folded.slice(0, 1), folded.length), folded);
      addTo(this.byLast, bucketKey(folded.slice(-1), folded.length), folded);
      if (folded.length >= longWord - 1) {
        const { head, tail } = endsOf(folded.length);
        addTo(this.byHead, bucketKey(folded.slice(0, head), folded.length), folded);
        addTo(this.byTail, bucketKey(folded.slice(-tail), folded.length), folded);
      }
      this.letters.set(folded, letterBits(folded));
      for (const character of folded) frequency.set(character, (frequency.get(character) ?? 0) + 1);
    }
    this.alphabet = [...frequency]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, alphabetLimit)
      .map(([character]) => character);
  }

  /** The nearest candidate to `word` within the distance bound, or `undefined`. */
  suggest(word: string): string | undefined {
    if (this.cache.has(word)) return this.cache.get(word);
    const found = this.lookUp(word);
    this.cache.set(word, found);
    return found;
  }

  private lookUp(word: string): string | undefined {
    const folded = word.toLowerCase();
    const sameLetters = this.byFolded.get(folded);
    if (sameLetters !== undefined) return sameLetters === word ? undefined : sameLetters;
    const oneEdit = this.oneEditAway(folded);
    // A swap of two letters is one edit to a reader but two to Levenshtein.
    if (oneEdit.length > 0) return nearest(folded, oneEdit, 2);
    const bound = distanceBound(folded.length);
    // Most scanned names differ in too many letters to be near: skip them before measuring,
    // most of them by their sets of letters, the rest by counting.
    const bits = letterBits(folded);
    const near = this.scan(folded).filter((name) => bitsBound(bits, this.letters.get(name)!) <= bound && countsBound(folded, name, this.counts) <= bound);
    return nearest(folded, near.map((name) => this.byFolded.get(name)!), bound);
  }

  /** Names one deletion, insertion, substitution or transposition away from `folded` (a lower-case word). */
  oneEditAway(folded: string): string[] {
    if (folded.length < 3) return this.oneEditVariants(folded);
    const found = new Set<string>();
    for (let length = folded.length - 1; length <= folded.length + 1; length++) {
      // A long word shares the first or the last letters `endsOf` gives for the names'
      // length; a shorter one its first or its last letter.
      const { head, tail } = folded.length >= longWord ? endsOf(length) : { head: 1, tail: 1 };
      const [byHead, byTail] = folded.length >= longWord ? [this.byHead, this.byTail] : [this.byFirst, this.byLast];
      for (const bucket of [byHead.get(bucketKey(folded.slice(0, head), length)), byTail.get(bucketKey(folded.slice(-tail), length))]) {
        for (const name of bucket ?? []) if (name !== folded && withinOneEdit(folded, name)) found.add(name);
      }
    }
    return [...found].map((name) => this.byFolded.get(name)!);
  }

  /** For a short word: its one-edit variants over the names' alphabet, looked up. */
  private oneEditVariants(folded: string): string[] {
    const variants = new Set<string>();
    for (let index = 0; index <= folded.length; index++) {
      const before = folded.slice(0, index);
      const after = folded.slice(index);
      if (after.length > 0) variants.add(before + after.slice(1));
      if (after.length > 1) variants.add(before + after[1] + after[0] + after.slice(2));
      for (const character of this.alphabet) {
        if (after.length > 0) variants.add(before + character + after.slice(1));
        variants.add(before + character + after);
      }
    }
    variants.delete(folded);
    const names: string[] = [];
    for (const variant of variants) {
      const name = this.byFolded.get(variant);
      if (name !== undefined) names.push(name);
    }
    return names;
  }

  /** Up to `scanLimit` names of the same first letter, nearest lengths first, folded. */
  private scan(folded: string): string[] {
    const bound = distanceBound(folded.length);
    const found: string[] = [];
    for (let step = 0; step <= 2 * bound && found.length < scanLimit; step++) {
      const offset = step % 2 === 0 ? step / 2 : -(step + 1) / 2;
      const bucket = this.byFirst.get(bucketKey(folded.slice(0, 1), folded.length + offset)) ?? [];
      for (const name of bucket.slice(0, scanLimit - found.length)) found.push(name);
    }
    return found;
  }
}

/**
 * Whether adding `name` to an index's candidates, or taking it out, can change what the index
 * suggests for `word`: when the name has the same letters, is one edit away, or lies in the
 * buckets the bounded scan reads. Short words look their variants up over the letters every
 * name uses, which any name may change.
 */
export function mayChangeSuggestion(word: string, name: string): boolean {
  const folded = word.toLowerCase();
  const candidate = name.toLowerCase();
  if (folded.length < 3 || folded === candidate || withinOneEdit(folded, candidate)) return true;
  return folded[0] === candidate[0] && Math.abs(folded.length - candidate.length) <= distanceBound(folded.length);
}

function addTo(buckets: Map<string, string[]>, key: string, name: string): void {
  const bucket = buckets.get(key);
  if (bucket) bucket.push(name);
  else buckets.set(key, [name]);
}

/**
 * Whether `a` and `b` are at most one edit apart (a letter dropped, added or changed, or two
 * neighbours swapped): what is left between their common start and common end must be one
 * letter at most on each side, or two swapped letters.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const restA = endA - start;
  const restB = endB - start;
  if (restA <= 1 && restB <= 1) return true;
  return restA === 2 && restB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start];
}

/**
 * A lower bound on the edit distance between two words from their letters alone: an edit
 * changes the count of at most two characters, each by one. Costs a pass over each word.
 */
export function countsBound(a: string, b: string, counts: Int32Array): number {
  for (let index = 0; index < a.length; index++) counts[a.charCodeAt(index)]!++;
  for (let index = 0; index < b.length; index++) counts[b.charCodeAt(index)]!--;
  let difference = 0;
  for (let index = 0; index < a.length; index++) {
    const code = a.charCodeAt(index);
    difference += Math.abs(counts[code]!);
    counts[code] = 0;
  }
  for (let index = 0; index < b.length; index++) {
    const code = b.charCodeAt(index);
    difference += Math.abs(counts[code]!);
    counts[code] = 0;
  }
  return Math.ceil(difference / 2);
}

/** The set of a word's letters as bits, each letter by its code modulo 32: letters sharing a bit count as one. */
export function letterBits(word: string): number {
  let bits = 0;
  for (let index = 0; index < word.length; index++) bits |= 1 << (word.charCodeAt(index) & 31);
  return bits;
}

/**
 * A lower bound on the edit distance between two words from their `letterBits`: an edit
 * takes one letter out of a word's set and puts one in, and a bit set in one word's bits
 * and not the other's is a letter only one of them has.
 */
export function bitsBound(a: number, b: number): number {
  let differing = a ^ b;
  let count = 0;
  while (differing !== 0) {
    differing &= differing - 1;
    count++;
  }
  return Math.ceil(count / 2);
}

/**
 * The nearest candidate within `bound`; of two as near, one in `preferred`, then the first in
 * code-point order. With `shorterBound`, a candidate shorter than the word is held to the bound
 * of its own length too: two edits make `plan` of `clean`, half of the shorter word another,
 * which is no typo of it.
 */
function nearest(folded: string, candidates: Iterable<string>, bound: number, preferred?: ReadonlySet<string>, shorterBound = false): string | undefined {
  let best: string | undefined;
  let bestDistance = bound + 1;
  const rank = (candidate: string) => (preferred?.has(candidate) ? 0 : 1);
  for (const candidate of candidates) {
    const distance = leven(folded, candidate.toLowerCase(), { maxDistance: bound + 1 });
    if (shorterBound && candidate.length < folded.length && distance > distanceBound(candidate.length)) continue;
    const before = best !== undefined && (rank(candidate) < rank(best) || (rank(candidate) === rank(best) && candidate < best));
    if (distance < bestDistance || (distance === bestDistance && before)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function bucketKey(letters: string, length: number): string {
  return `${letters}\u0000${length}`;
}

/**
 * The nearest of a few candidates (an enum, one document's anchors): a plain scan. Of two as
 * near, one of `preferred` is taken (the anchor a page's site makes over GitHub's).
 */
export function suggestAmong(word: string, candidates: Iterable<string>, preferred?: ReadonlySet<string>): string | undefined {
  const list = [...candidates];
  const folded = word.toLowerCase();
  const sameLetters = list.find((candidate) => candidate.toLowerCase() === folded);
  if (sameLetters !== undefined) return sameLetters === word ? undefined : sameLetters;
  return nearest(folded, list, distanceBound(folded.length), preferred, true);
}
