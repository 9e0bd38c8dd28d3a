/**
 * boundary: a capsule has at most one `//BOUNDARY:` line, and it sits in the Example
 * (after a code block counts: the line still belongs to the Example until the next label).
 * A boundary-looking line inside a code block outside the Example is quoted code, not the
 * capsule's boundary.
 */
import type { Rule } from '../../types.js';
import { ruleDocs } from '../../rule-docs.js';

const id = 'boundary';
const partNames = { invariant: 'in the Invariant', depth: 'in the Depth', extra: 'in an extra part, outside the three', none: 'before the first label' } as const;

export const boundary: Rule = {
  meta: {
    id,
    description: 'At most one boundary line per capsule, inside the Example',
    defaultSeverity: 'warn',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      repeated: '`{name}` has a second boundary line; keep the one edge that matters most (a second edge suggests a second capsule)',
      'outside-example': 'The boundary line of `{name}` sits {part}; move it into the Example',
    },
    fixable: false,
    scope: 'document',
    docs: ruleDocs(id, 'A capsule has at most one `//BOUNDARY:` line, placed in its Example.'),
  },
  check(context) {
    for (const capsule of context.document.model.capsules) {
      const lines = capsule.boundaries.filter((line) => line.part === 'example' || !line.inCode);
      const first = lines[0];
      // One finding per line: a misplaced line is reported for its place, not also as a repeat.
      for (const line of lines) {
        if (line.part !== 'example') {
          context.report({ messageId: 'outside-example', data: { name: capsule.name, part: partNames[line.part] }, place: line.position });
        } else if (first && line !== first) {
          context.report({
            messageId: 'repeated',
            data: { name: capsule.name },
            place: line.position,
            cause: { file: context.document.path, place: first.position, reason: `The first boundary line of \`${capsule.name}\`` },
          });
        }
      }
    }
  },
};
