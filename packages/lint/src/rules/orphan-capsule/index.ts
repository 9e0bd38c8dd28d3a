/**
 * orphan-capsule: a capsule nothing else points at (no SeeAlso, checklist citation or
 * mention from outside it) is hard to find. Information only: a new idea starts that way.
 */
import type { Rule } from '../../types.js';
import { ruleDocs } from '../../rule-docs.js';

const id = 'orphan-capsule';

export const orphanCapsule: Rule = {
  meta: {
    id,
    description: 'Capsules are referenced from somewhere',
    defaultSeverity: 'off',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      orphan: 'Nothing references `{name}`; cite it from a checklist item, a SeeAlso or prose so readers can reach it',
    },
    fixable: false,
    scope: 'corpus',
    docs: ruleDocs(id, 'Reports capsules that no SeeAlso, checklist citation or mention reaches.'),
  },
  check(context) {
    const orphans = context.memo('orphans', () => new Set(context.graph.orphans().map((node) => node.capsule)));
    for (const capsule of context.document.model.capsules) {
      if (orphans.has(capsule)) context.report({ messageId: 'orphan', data: { name: capsule.name }, place: capsule.namePosition });
    }
  },
};
