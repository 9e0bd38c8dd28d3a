/** "Did you mean" look-ups against plain reference implementations, on generated names. */
import fc from 'fast-check';
import leven from 'leven';
import { describe, expect, it } from 'vitest';
import { bitsBound, countsBound, distanceBound, letterBits, suggestAmong, SuggestionIndex, withinOneEdit } from './suggest.js';

/** Every string one deletion, insertion, substitution or swap of neighbours away from `word`, over `alphabet`. */
function oneEditVariants(word: string, alphabet: string): Set<string> {
  const variants = new Set<string>();
  for (let index = 0; index <= word.length; index++) {
    const before = word.slice(0, index);
    const after = word.slice(index);
    if (after.length > 0) variants.add(before + after.slice(1));
    if (after.length > 1) variants.add(before + after[1] + after[0] + after.slice(2));
    for (const letter of alphabet) {
      if (after.length > 0) variants.add(before + letter + after.slice(1));
      variants.add(before + letter + after);
    }
  }
  return variants;
}

const alphabet = 'abcd';
const word = fc.string({ unit: fc.constantFrom(...alphabet), minLength: 0, maxLength: 7 });

describe('withinOneEdit', () => {
  it('agrees with the one-edit variants of a word', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(withinOneEdit(a, b)).toBe(a === b || oneEditVariants(a, alphabet).has(b));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('countsBound', () => {
  it('never exceeds the edit distance, and leaves its scratch counts at zero', () => {
    const counts = new Int32Array(0x10000);
    const anyWord = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'é', '😀', '1'), maxLength: 12 });
    fc.assert(
      fc.property(anyWord, anyWord, (a, b) => {
        expect(countsBound(a, b, counts)).toBeLessThanOrEqual(leven(a, b));
        expect([...a, ...b].every((character) => counts[character.charCodeAt(0)] === 0 && counts[character.charCodeAt(character.length - 1)] === 0)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('is half the letters the two words do not share, rounded up', () => {
    expect(countsBound('abcdef', 'abcxyz', new Int32Array(0x10000))).toBe(3);
    expect(countsBound('abc', 'abcdef', new Int32Array(0x10000))).toBe(2);
  });
});

describe('bitsBound', () => {
  it('never exceeds the edit distance', () => {
    // Letters whose codes share their low five bits (`a` and `A`, `0` and `p`) among them.
    const anyWord = fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'p', '0', '1', 'q', 'é', '😀', '-'), maxLength: 14 });
    fc.assert(
      fc.property(anyWord, anyWord, (a, b) => {
        expect(bitsBound(letterBits(a), letterBits(b))).toBeLessThanOrEqual(leven(a, b));
      }),
      { numRuns: 3000 },
    );
  });

  it('is half the letters only one of the words has, rounded up', () => {
    expect(bitsBound(letterBits('budgetmissing75'), letterBits('budgetbackoff3091n0'))).toBe(6);
    expect(bitsBound(letterBits('abc'), letterBits('cab'))).toBe(0);
  });
});

describe('SuggestionIndex', () => {
  it('suggests, beyond one edit, the nearest name of the same first letter and a near length', () => {
    // Few names, so the bounded scan reads every name of the first letter and a near length.
    const name = fc.string({ unit: fc.constantFrom(...alphabet), minLength: 5, maxLength: 14 });
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 40 }), name, (names, typo) => {
        const index = new SuggestionIndex(names);
        fc.pre(!names.includes(typo) && index.oneEditAway(typo).length === 0);
        const bound = distanceBound(typo.length);
        const near = names
          .filter((candidate) => candidate[0] === typo[0] && Math.abs(candidate.length - typo.length) <= bound && leven(typo, candidate) <= bound)
          .sort((a, b) => leven(typo, a) - leven(typo, b) || (a < b ? -1 : 1));
        expect(index.suggest(typo)).toBe(near[0]);
      }),
      { numRuns: 3000 },
    );
  });

  it('suggests the nearest name one edit away, whichever letters it changes', () => {
    // Up to 20 letters: long names are looked up by halves whose size follows the length.
    const name = fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 20 });
    // A typo of one of the names (an edit at any place), or any word.
    const edit = fc.record({ kind: fc.constantFrom('drop', 'add', 'change', 'swap'), at: fc.nat(), letter: fc.constantFrom(...alphabet) });
    const typoOf = (source: string, { kind, at, letter }: { kind: string; at: number; letter: string }) => {
      const place = at % (source.length + 1);
      const [before, after] = [source.slice(0, place), source.slice(place)];
      if (kind === 'drop') return before + after.slice(1);
      if (kind === 'add') return before + letter + after;
      if (kind === 'change') return before + letter + after.slice(1);
      return after.length > 1 ? before + after[1] + after[0] + after.slice(2) : source;
    };
    const corpus = fc.uniqueArray(name, { minLength: 1, maxLength: 40 }).chain((names) =>
      fc.tuple(fc.constant(names), fc.oneof(fc.tuple(fc.constantFrom(...names), edit).map(([source, change]) => typoOf(source, change)), name)),
    );
    fc.assert(
      fc.property(corpus, ([names, typo]) => {
        const index = new SuggestionIndex(names);
        const oneEdit = names.filter((candidate) => candidate !== typo && oneEditVariants(typo, alphabet).has(candidate));
        expect(index.oneEditAway(typo).sort()).toEqual([...oneEdit].sort());
        if (names.includes(typo)) {
          expect(index.suggest(typo)).toBeUndefined();
        } else if (oneEdit.length > 0) {
          const distance = (candidate: string) => leven(typo, candidate);
          const best = [...oneEdit].sort((a, b) => distance(a) - distance(b) || (a < b ? -1 : 1))[0];
          expect(index.suggest(typo)).toBe(best);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('finds a name whose first letter is the one mistyped', () => {
    const index = new SuggestionIndex(['RiskDiscovery', 'IdeaCapture']);
    expect(index.suggest('FiskDiscovery')).toBe('RiskDiscovery');
    expect(index.suggest('IdeaCapturr')).toBe('IdeaCapture');
    expect(index.suggest('dIeaCapture')).toBe('IdeaCapture');
  });
});

describe('suggestAmong', () => {
  it('offers a shorter word only within the edits its own length allows', () => {
    // Two edits make `plan` of `clean`: another command's section, no typo of it.
    expect(suggestAmong('clean', ['plan', 'execute', 'review-workflows'])).toBeUndefined();
    expect(suggestAmong('clean', ['plan', 'cleanup'])).toBe('cleanup');
    // A typo of a short word, and two edits within a longer word, are still found.
    expect(suggestAmong('plam', ['plan', 'execute'])).toBe('plan');
    expect(suggestAmong('colours', ['color', 'contour-lines'])).toBe('color');
    expect(suggestAmong('instal', ['install'])).toBe('install');
  });
});
