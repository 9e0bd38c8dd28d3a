/** checklist-resolves: a checklist item's trailing `(CapsuleName)` cites a capsule that exists. */
import { capsuleNameIndex } from '../../support/corpus.js';
import type { Rule } from '../../types.js';
import { ruleDocs } from '../../rule-docs.js';

const id = 'checklist-resolves';

export const checklistResolves: Rule = {
  meta: {
    id,
    description: 'Checklist citations name capsules that exist',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      'unknown-name': 'Checklist item cites `{name}`, but no capsule has that name; fix the name, or define the capsule',
      'unknown-name-suggest': 'Checklist item cites `{name}`, but no capsule has that name; did you mean `{suggestion}`?',
    },
    fixable: false,
    scope: 'corpus',
    docs: ruleDocs(id, 'Every capsule a checklist item cites in its closing parentheses exists in the corpus.'),
  },
  check(context) {
    for (const edge of context.edges) {
      if (edge.kind !== 'cites' || edge.status === 'resolved') continue;
      const name = edge.target;
      const suggestion = capsuleNameIndex(context).suggest(name);
      context.report(
        suggestion
          ? { messageId: 'unknown-name-suggest', data: { name, suggestion }, place: edge.position, expected: [suggestion] }
          : { messageId: 'unknown-name', data: { name }, place: edge.position },
      );
    }
  },
};
