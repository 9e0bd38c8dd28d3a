/** invariant-length: an invariant is short, at most about 30 tokens (roughly 25 short words). */
import { isPlaceholder, partContent } from '../../support/text.js';
import { countTokens, encodings, type EncodingName } from '../../support/tokens.js';
import type { Rule } from '../../types.js';
import { ruleDocs } from '../../rule-docs.js';

const id = 'invariant-length';

export const invariantLength: Rule = {
  meta: {
    id,
    description: 'Invariants stay within a token budget',
    defaultSeverity: 'warn',
    optionsSchema: {
      type: 'object',
      properties: {
        max: { type: 'integer', minimum: 1, description: 'The most tokens an invariant may take.' },
        encoding: { enum: [...encodings], description: 'The tokenizer encoding that counts them.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { max: 30, encoding: 'o200k_base' },
    messages: {
      'too-long': 'The invariant of `{name}` is {tokens} tokens, over the limit of {max}; keep one short sentence and move detail into Depth',
    },
    fixable: false,
    scope: 'document',
    docs: ruleDocs(id, 'An invariant takes at most 30 tokens (roughly 25 short words), counted with gpt-tokenizer.'),
  },
  check(context) {
    const max = context.options['max'] as number;
    const encoding = context.options['encoding'] as EncodingName;
    for (const capsule of context.document.model.capsules) {
      const invariant = capsule.invariant;
      if (!invariant || isPlaceholder(invariant, context.document.text)) continue;
      const { text, place } = partContent(invariant, context.document.text);
      if (text.trim() === '') continue;
      const tokens = countTokens(text, encoding);
      if (tokens <= max) continue;
      context.report({
        messageId: 'too-long',
        data: { name: capsule.name, tokens, max },
        place: place ?? invariant.labelPosition,
        actual: String(tokens),
        expected: [`at most ${max} tokens`],
      });
    }
  },
};
