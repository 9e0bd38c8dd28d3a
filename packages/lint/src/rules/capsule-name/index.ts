/**
 * capsule-name: a capsule name is CamelCase: a capital first, then letters and digits, no
 * separators and no emoji. Other non-ASCII letters are left to `ascii-only`, so one
 * character is never reported twice.
 */
import type { Rule } from '../../types.js';
import { ruleDocs } from '../../rule-docs.js';
import { spanOf } from '../../support/places.js';

const id = 'capsule-name';
const separator = /[\s_\-\u2010-\u2015\u2212\u00a0]/u;
const emoji = /\p{Extended_Pictographic}/u;

export const capsuleName: Rule = {
  meta: {
    id,
    description: 'Capsule names are CamelCase, with no separators or emoji',
    defaultSeverity: 'warn',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      separator: 'Capsule name `{name}` contains {character}; write it as one CamelCase word, e.g. `{suggestion}`',
      emoji: 'Capsule name `{name}` contains an emoji; remove it, names are plain CamelCase words',
      'lower-case-start': 'Capsule name `{name}` starts with a lower-case letter; did you mean `{suggestion}`?',
      punctuation: 'Capsule name `{name}` contains `{character}`; remove it, names hold only letters and digits',
    },
    fixable: false,
    scope: 'document',
    docs: ruleDocs(id, 'A capsule name is one CamelCase word: a capital first, then letters and digits.'),
  },
  check(context) {
    const { text } = context.document;
    for (const capsule of context.document.model.capsules) {
      const name = capsule.name;
      // A heading without a name is the parser's finding (`capsule-name-missing`).
      if (name === '') continue;
      // Point at the offending character when the name stands in the source as written.
      const at = (index: number, length: number) => {
        const start = capsule.namePosition.start.offset;
        return text.slice(start, start + name.length) === name ? spanOf(text, start + index, start + index + length) : capsule.namePosition;
      };
      const separatorMatch = separator.exec(name);
      if (separatorMatch) {
        context.report({
          messageId: 'separator',
          data: { name, character: describeSeparator(separatorMatch[0]), suggestion: camelCase(name) },
          place: at(separatorMatch.index, separatorMatch[0].length),
        });
        continue;
      }
      const emojiMatch = emoji.exec(name);
      if (emojiMatch) {
        context.report({ messageId: 'emoji', data: { name }, place: at(emojiMatch.index, emojiMatch[0].length) });
        continue;
      }
      const punctuation = /[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/.exec(name);
      if (punctuation) {
        context.report({ messageId: 'punctuation', data: { name, character: punctuation[0] }, place: at(punctuation.index, 1) });
        continue;
      }
      if (/^\p{Ll}/u.test(name)) {
        context.report({ messageId: 'lower-case-start', data: { name, suggestion: camelCase(name) }, place: at(0, 1) });
      }
    }
  },
};

function describeSeparator(character: string): string {
  if (character === '_') return 'an underscore';
  if (character === '-') return 'a hyphen';
  if (/[\u2010-\u2015\u2212]/.test(character)) return 'a dash';
  return 'a space';
}

/** `risk-discovery`, `Risk_Discovery`, `risk discovery` -> `RiskDiscovery`. */
function camelCase(name: string): string {
  return name
    .split(/[\s_\-\u2010-\u2015\u2212\u00a0]+/u)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}
