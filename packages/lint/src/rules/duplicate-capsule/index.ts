/**
 * duplicate-capsule: names are the graph's keys, so each is defined once in the whole
 * corpus. Every definition after the first is reported, with the first as its cause; a stub
 * copy (heading and invariant only) of a full definition elsewhere is not, nor is a document
 * copied whole into the folders agents read.
 */
import { agentFileByPlace, isStubCopy } from '@capsule-docs/graph';
import type { Rule } from '../../types.js';
import { ruleDocs } from '../../rule-docs.js';
import { shownPath } from '../../support/corpus.js';

const id = 'duplicate-capsule';

export const duplicateCapsule: Rule = {
  meta: {
    id,
    description: 'Each capsule name is defined once across the corpus',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      duplicate: 'Capsule `{name}` is already defined in `{first}` at line {line}; rename one of them (names are unique across the corpus)',
    },
    fixable: false,
    scope: 'corpus',
    docs: ruleDocs(id, 'A capsule name is defined once across the whole corpus; later definitions are reported.'),
  },
  check(context) {
    const { document, graph } = context;
    for (const capsule of document.model.capsules) {
      // A sample in a writing guide shows the format; it defines nothing.
      if (capsule.name === '' || capsule.sample) continue;
      const [first] = graph.capsulesNamed(capsule.name);
      if (!first || first.capsule === capsule) continue;
      // A short stub pointing at the full definition (agent files keep such copies) is no second definition.
      const node = graph.capsulesNamed(capsule.name).find((candidate) => candidate.capsule === capsule);
      if (node && isStubCopy(node, first)) continue;
      // A document copied whole into the folders agents read (`.claude/rules/`, `.cursor/rules/`) is one text kept in several places.
      if (isAgentCopy(document.path, first.document, graph.document(first.document)?.text === document.text)) continue;
      const place = first.capsule.namePosition;
      context.report({
        messageId: 'duplicate',
        data: { name: capsule.name, first: shownPath(context, first.document), line: place.start.line },
        place: capsule.namePosition,
        cause: { file: first.document, place, reason: `First definition of \`${capsule.name}\`` },
      });
    }
  },
};

/** Whether two documents of the same text are one copied into an agent's folder, where the agent reads it. */
function isAgentCopy(path: string, other: string, sameText: boolean): boolean {
  return sameText && path !== other && (agentFileByPlace(path) || agentFileByPlace(other));
}
