/**
 * ascii-only: capsule names and frontmatter tags are plain ASCII, so they can be typed,
 * searched and linked everywhere. In names, emoji, dashes and spaces are `capsule-name`'s
 * to report; this rule reports the other non-ASCII characters (accented or look-alike
 * letters, invisible characters).
 */
import type { Span } from 'remark-capsules';
import { isCapsuleDocument } from '../../support/document-kinds.js';
import { spanOf } from '../../support/places.js';
import type { Rule, RuleContext } from '../../types.js';
import { ruleDocs } from '../../rule-docs.js';

const id = 'ascii-only';
const reportedByCapsuleName = /[\p{Extended_Pictographic}\s\u2010-\u2015\u2212]/u;

export const asciiOnly: Rule = {
  meta: {
    id,
    description: 'Capsule names and tags are plain ASCII',
    defaultSeverity: 'warn',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      name: 'Capsule name `{name}` contains {character} ({codePoint}), which is not ASCII; use plain ASCII letters',
      tag: 'Tag `{tag}` contains {character} ({codePoint}), which is not ASCII; use plain ASCII',
    },
    fixable: false,
    scope: 'document',
    docs: ruleDocs(id, 'Capsule names and frontmatter tags use only ASCII characters.'),
  },
  check(context) {
    const { model } = context.document;
    for (const capsule of model.capsules) {
      const found = firstNonAscii(capsule.name, (character) => !reportedByCapsuleName.test(character));
      if (!found) continue;
      context.report({
        messageId: 'name',
        data: { name: capsule.name, ...describe(found.character) },
        place: placeIn(context, capsule.namePosition, capsule.name, found),
      });
    }
    // Tags outside the format are another tool's (an Obsidian vault's `読書`, `🌲`), which takes them as they are.
    if (!isCapsuleDocument(context.document)) return;
    const tags = model.frontmatter?.fields.find((field) => field.key === 'tags');
    if (!tags || !Array.isArray(tags.value)) return;
    tags.value.forEach((tag, index) => {
      if (typeof tag !== 'string') return;
      const found = firstNonAscii(tag, () => true);
      if (!found) return;
      const item = tags.itemPositions[index] ?? tags.keyPosition;
      context.report({ messageId: 'tag', data: { tag, ...describe(found.character) }, place: placeIn(context, item, tag, found) });
    });
  },
};

interface Found {
  character: string;
  index: number;
}

function firstNonAscii(text: string, counts: (character: string) => boolean): Found | undefined {
  let index = 0;
  for (const character of text) {
    if (character.codePointAt(0)! > 0x7f && counts(character)) return { character, index };
    index += character.length;
  }
  return undefined;
}

/** The character's own place when `text` stands in the source inside `span`, else the span. */
function placeIn(context: RuleContext, span: Span, text: string, found: Found): Span {
  const source = context.document.text;
  const at = source.slice(span.start.offset, span.end.offset).indexOf(text);
  if (at === -1) return span;
  const start = span.start.offset + at + found.index;
  return spanOf(source, start, start + found.character.length);
}

function describe(character: string): { character: string; codePoint: string } {
  const codePoint = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  // Invisible characters are shown by their code point alone.
  const visible = /[\p{L}\p{N}\p{P}\p{S}]/u.test(character);
  return { character: visible ? `\`${character}\`` : 'an invisible character', codePoint };
}
