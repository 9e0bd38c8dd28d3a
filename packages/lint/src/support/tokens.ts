/**
 * Token counts with gpt-tokenizer. Each encoding's tables take a third of a second or more
 * to load, so an encoding is loaded the first time a count needs it, not when the package
 * loads; and counts a previous analysis of the same document made (for text that has not
 * changed since) are taken as they are, so editing one part of a document does not load
 * the tokenizer to count the others again.
 */
import { hash } from 'node:crypto';
import { createRequire } from 'node:module';

export const encodings = ['o200k_base', 'cl100k_base', 'p50k_base', 'r50k_base'] as const;
export type EncodingName = (typeof encodings)[number];

/** Token counts by `encoding:hash of the text`, as an analysis keeps them. */
export type TokenCounts = Record<string, number>;

interface Encoder {
  countTokens(text: string, options: { disallowedSpecial: Set<string> }): number;
}

/** Special-token text such as `<|endoftext|>` in a document is counted as the text it is: the tokenizer refuses it otherwise. */
const asPlainText = { disallowedSpecial: new Set<string>() };

const require = createRequire(import.meta.url);
const loaded = new Map<EncodingName, Encoder>();
let known: TokenCounts | undefined;
let counted: TokenCounts | undefined;

/** The number of tokens `text` takes in `encoding`. */
export function countTokens(text: string, encoding: EncodingName): number {
  // The one-shot hash: making a hash object for each text cost more than hashing it.
  const key = `${encoding}:${hash('sha1', text).slice(0, 20)}`;
  let count = known && Object.hasOwn(known, key) ? known[key] : undefined;
  if (count === undefined) {
    let encoder = loaded.get(encoding);
    if (!encoder) {
      // The CommonJS build loads synchronously, which a synchronous rule needs.
      encoder = require(`gpt-tokenizer/cjs/encoding/${encoding}`) as Encoder;
      loaded.set(encoding, encoder);
    }
    count = encoder.countTokens(text, asPlainText);
  }
  if (counted) counted[key] = count;
  return count;
}

/**
 * Run `work` (the rules on one document) with the counts of a previous analysis at hand,
 * and return the counts it used, for the next analysis of the document.
 */
export function withTokenCounts<T>(previous: TokenCounts | undefined, work: () => T): { result: T; counts: TokenCounts } {
  known = previous;
  counted = Object.create(null) as TokenCounts;
  try {
    return { result: work(), counts: counted };
  } finally {
    known = undefined;
    counted = undefined;
  }
}

/** Token counts read from a cache: a plain object of non-negative whole numbers, else none. */
export function asTokenCounts(value: unknown): TokenCounts | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const counts = Object.create(null) as TokenCounts;
  for (const [key, count] of Object.entries(value)) {
    if (!Number.isInteger(count) || (count as number) < 0) return undefined;
    counts[key] = count as number;
  }
  return counts;
}
