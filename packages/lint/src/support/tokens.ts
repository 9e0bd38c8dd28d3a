/**
 * Token counts with gpt-tokenizer. Each encoding's tables take most of a second to load,
 * so an encoding is loaded the first time a count needs it, not when the package loads.
 */
import { createRequire } from 'node:module';

export const encodings = ['o200k_base', 'cl100k_base', 'p50k_base', 'r50k_base'] as const;
export type EncodingName = (typeof encodings)[number];

interface Encoder {
  countTokens(text: string): number;
}

const require = createRequire(import.meta.url);
const loaded = new Map<EncodingName, Encoder>();

/** The number of tokens `text` takes in `encoding`. */
export function countTokens(text: string, encoding: EncodingName): number {
  let encoder = loaded.get(encoding);
  if (!encoder) {
    // The CommonJS build loads synchronously, which a synchronous rule needs.
    encoder = require(`gpt-tokenizer/cjs/encoding/${encoding}`) as Encoder;
    loaded.set(encoding, encoder);
  }
  return encoder.countTokens(text);
}
