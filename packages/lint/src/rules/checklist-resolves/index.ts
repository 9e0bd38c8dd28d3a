/** checklist-resolves: a checklist item's trailing `(CapsuleName)` cites a capsule that exists. */
import { capsuleNameIndex } from '../../support/corpus.js';
import { isCapsuleDocument } from '../../support/document-kinds.js';
import { formerDefinition } from '../../support/former-definitions.js';
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
      'unknown-name-removed': 'Checklist item cites `{name}`, but this change takes that capsule out of `{document}`; restore it there, or update the citation',
      'unknown-name-deleted': 'Checklist item cites `{name}`, but this change deletes `{document}`, which defined it; keep the document, or update the citation',
    },
    fixable: false,
    scope: 'corpus',
    docs: ruleDocs(id, 'Every capsule a checklist item cites in its closing parentheses exists in the corpus.'),
  },
  check(context) {
    const cites = context.edges.filter((edge) => edge.kind === 'cites');
    // Any to-do list may end an item with a word in parentheses, `(SQLite)`: it names a capsule
    // in a document that takes part in the format, or that cites a capsule that exists.
    const citesCapsules = isCapsuleDocument(context.document) || cites.some((edge) => edge.status === 'resolved');
    for (const edge of cites) {
      if (edge.status === 'resolved') continue;
      const name = edge.target;
      const suggestion = capsuleNameIndex(context).suggest(name);
      const former = formerDefinition(context, name);
      if (!suggestion && !former && !citesCapsules) continue;
      // A near name after a rename is the likely fix; a deleted document is the likelier cause.
      context.report(
        former && (former.deleted || !suggestion)
          ? { messageId: former.deleted ? 'unknown-name-deleted' : 'unknown-name-removed', data: { name, document: former.document }, place: edge.position }
          : suggestion
            ? { messageId: 'unknown-name-suggest', data: { name, suggestion }, place: edge.position, expected: [suggestion] }
            : { messageId: 'unknown-name', data: { name }, place: edge.position },
      );
    }
  },
};
