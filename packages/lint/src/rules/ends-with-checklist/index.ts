/**
 * ends-with-checklist: a document closes on its checklist, so the actions to take are the
 * last thing a reader (or a model) sees. Only whitespace and HTML comments may follow the
 * last checklist item.
 */
import { spanOf } from '../../support/places.js';
import type { Rule } from '../../types.js';

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
    docs: {
      url: `packages/lint/src/rules/${id}/README.md`,
      summary: 'The last thing in a document is its checklist of `- [ ]` items.',
    },
  },
  check(context) {
    const { model, text } = context.document;
    if (text.trim() === '') return;
    let lastEnd = -1;
    for (const item of model.checklist) lastEnd = Math.max(lastEnd, item.position.end.offset);
    if (lastEnd === -1) {
      const end = text.trimEnd().length;
      context.report({ messageId: 'missing', place: spanOf(text, end, end) });
      return;
    }
    const tail = text.slice(lastEnd).replace(/<!--[\s\S]*?-->/g, (comment) => ' '.repeat(comment.length));
    const offset = tail.search(/\S/);
    if (offset === -1) return;
    const start = lastEnd + offset;
    const lineEnd = text.slice(start).search(/\r|\n/);
    context.report({ messageId: 'not-last', place: spanOf(text, start, lineEnd === -1 ? text.length : start + lineEnd) });
  },
};
