/**
 * Token counting with gpt-tokenizer. Each encoding's ranks are large, so only the one asked
 * for is loaded. Special-token text such as `<|endoftext|>` inside a document is counted as
 * the plain text it is, never refused.
 */
import { ExportError } from './errors.js';

const loaders = {
  o200k_base: () => import('gpt-tokenizer/encoding/o200k_base'),
  cl100k_base: () => import('gpt-tokenizer/encoding/cl100k_base'),
  o200k_harmony: () => import('gpt-tokenizer/encoding/o200k_harmony'),
  p50k_base: () => import('gpt-tokenizer/encoding/p50k_base'),
  p50k_edit: () => import('gpt-tokenizer/encoding/p50k_edit'),
  r50k_base: () => import('gpt-tokenizer/encoding/r50k_base'),
} as const;

export type EncodingName = keyof typeof loaders;

export const encodingNames = Object.keys(loaders) as EncodingName[];

export const defaultEncoding: EncodingName = 'o200k_base';

export interface TokenCounter {
  encoding: EncodingName;
  count: (text: string) => number;
}

const asPlainText = { disallowedSpecial: new Set<string>() };

/** Load the tokenizer for an encoding. */
export async function loadTokenCounter(encoding: string = defaultEncoding): Promise<TokenCounter> {
  if (!isEncodingName(encoding)) {
    throw new ExportError(`Unknown token encoding \`${encoding}\``, `Use one of: ${encodingNames.join(', ')}.`);
  }
  const { countTokens } = await loaders[encoding]();
  return { encoding, count: (text) => countTokens(text, asPlainText) };
}

export function isEncodingName(name: string): name is EncodingName {
  return Object.hasOwn(loaders, name);
}
