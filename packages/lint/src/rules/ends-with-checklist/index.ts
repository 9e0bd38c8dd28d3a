/**
 * ends-with-checklist: a document closes on its checklist, so the actions to take are the
 * last thing a reader (or a model) sees. Only whitespace, HTML comments and thematic breaks
 * may follow the last checklist item.
 */
import { spanOf } from '../../support/places.js';
import { isCapsuleDocument } from '../../support/document-kinds.js';
import type { Rule } from '../../types.js';
import { ruleDocs } from '../../rule-docs.js';

const id = 'ends-with-checklist';

export const endsWithChecklist: Rule = {
  meta: {
    id,
    description: 'Documents end with a checklist',
    defaultSeverity: 'off',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      missing: 'Document has no checklist; end it with `- [ ]` items, each citing the capsule it checks, e.g. `(CapsuleName)`',
      'not-last': 'Content follows the checklist; move the checklist to the end of the document',
    },
    fixable: false,
    scope: 'document',
    docs: ruleDocs(id, 'The last thing in a document is its checklist of `- [ ]` items.'),
  },
  check(context) {
    const { model, text } = context.document;
    if (text.trim() === '') return;
    let lastEnd = -1;
    for (const item of model.checklist) lastEnd = Math.max(lastEnd, item.position.end.offset);
    if (lastEnd === -1) {
      // A README or an agent's instructions beside the capsule documents owes no checklist.
      if (!isCapsuleDocument(context.document)) return;
      const end = contentEnd(text);
      context.report({ messageId: 'missing', place: spanOf(text, end, end) });
      return;
    }
    // Comments and thematic breaks are not content; blank them out, keeping offsets.
    const tail = text
      .slice(lastEnd)
      .replace(/<!--[\s\S]*?-->/g, (comment) => ' '.repeat(comment.length))
      .replace(/^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/gm, (rule) => ' '.repeat(rule.length));
    const offset = tail.search(/\S/);
    if (offset === -1) return;
    const start = lastEnd + offset;
    const lineEnd = text.slice(start).search(/\r|\n/);
    context.report({ messageId: 'not-last', place: spanOf(text, start, lineEnd === -1 ? text.length : start + lineEnd) });
  },
};

/** Where the document's content ends: before trailing whitespace and HTML comments. */
function contentEnd(text: string): number {
  let end = text.trimEnd().length;
  while (text.slice(0, end).endsWith('-->')) {
    const start = text.lastIndexOf('<!--', end);
    if (start === -1) break;
    end = text.slice(0, start).trimEnd().length;
  }
  return end;
}
