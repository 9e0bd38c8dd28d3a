/**
 * stub-resolves: a stub in an agent file (`AGENTS.md`, `CLAUDE.md`: a capsule's heading and
 * invariant alone) points at the capsule's full definition elsewhere, so that definition must
 * exist. `capsule-structure` excuses the stub's missing Example and Depth on that promise; a
 * stub whose name no other document defines is a capsule with two parts missing.
 */
import { isAgentFile, isStub } from '@capsule-docs/graph';
import type { Rule } from '../../types.js';
import { ruleDocs } from '../../rule-docs.js';

const id = 'stub-resolves';

export const stubResolves: Rule = {
  meta: {
    id,
    description: 'A stub in an agent file has a full capsule elsewhere in the corpus',
    defaultSeverity: 'warn',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      'no-full-capsule':
        'Capsule `{name}` is a stub here (its Invariant alone) and no other document defines it in full; write its Example and Depth here, or the full capsule in the document it belongs to',
    },
    fixable: false,
    scope: 'corpus',
    docs: ruleDocs(id, 'A stub in `AGENTS.md` or `CLAUDE.md` points at a full capsule of its name in another document.'),
  },
  check(context) {
    const { document, graph } = context;
    if (!isAgentFile(document.path)) return;
    for (const capsule of document.model.capsules) {
      if (capsule.name === '' || capsule.sample || !isStub(capsule)) continue;
      // A fuller definition: a capsule with more than its invariant, or one outside the agent
      // files (where `capsule-structure` judges its parts, or sections explain it).
      const defined = graph
        .capsulesNamed(capsule.name)
        .some((node) => node.capsule !== capsule && !node.capsule.sample && (!isStub(node.capsule) || !isAgentFile(node.document)));
      if (defined) continue;
      context.report({ messageId: 'no-full-capsule', data: { name: capsule.name }, place: capsule.namePosition });
    }
  },
};
