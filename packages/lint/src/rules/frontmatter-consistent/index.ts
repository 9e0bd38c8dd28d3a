/**
 * frontmatter-consistent: a capsule document sets the convention fields (`tags`, `audience`,
 * `categories`) that most other capsule documents of its corpus set. A field no document
 * sets is the team's convention, and one a few set is still being taken up: neither is
 * reported. One that most documents set and this one lacks most likely is an omission.
 */
import type { CorpusDocument } from '@capsule-docs/graph';
import type { Rule, RuleContext } from '../../types.js';
import { ruleDocs } from '../../rule-docs.js';
import { shownPath } from '../../support/corpus.js';
import { capsuleFields, frontmatterData } from '../../support/document-kinds.js';
import { schemaFor } from '../frontmatter-schema/kinds.js';

const id = 'frontmatter-consistent';

export const frontmatterConsistent: Rule = {
  meta: {
    id,
    description: 'Capsule documents set the frontmatter fields most of the corpus sets',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      'missing-field': 'Frontmatter lacks `{field}`, which {count} of the {others} other capsule documents set (`{example}` among them); add it',
    },
    fixable: false,
    scope: 'corpus',
    docs: ruleDocs(id, 'A capsule document sets the convention fields most of its corpus sets; a field few or no documents set is left alone.'),
  },
  check(context) {
    const { document } = context;
    const frontmatter = document.model.frontmatter;
    const { judged, setting: usage } = fieldUsage(context);
    if (!frontmatter || !judged.has(document.path)) return;
    const data = frontmatterData(document);
    const others = judged.size - 1;
    for (const field of capsuleFields) {
      if (Object.hasOwn(data, field)) continue;
      const setting = usage.get(field) ?? [];
      // Most of the other documents set it: an omission. Fewer, and the field is still being taken up, or left out on purpose.
      if (setting.length * 2 <= others) continue;
      context.report({
        messageId: 'missing-field',
        data: { field, count: String(setting.length), others: String(others), example: shownPath(context, setting[0]!) },
        place: frontmatter.position,
        expected: [field],
      });
    }
  },
};

/** A document whose frontmatter the capsule convention judges (see `frontmatter-schema`). */
function isJudged(context: RuleContext, document: CorpusDocument): boolean {
  // YAML that could not be read is the parser's finding; what it lacks is unknown.
  if (document.model.frontmatter?.data === undefined) return false;
  const chosen = schemaFor(document, context.settings);
  return chosen !== undefined && chosen.conventional && chosen.claimed;
}

/** The documents the convention judges, and for each convention field those that set it, in corpus order. */
function fieldUsage(context: RuleContext): { judged: ReadonlySet<string>; setting: ReadonlyMap<string, string[]> } {
  return context.memo(`${id}:usage`, () => {
    const setting = new Map<string, string[]>(capsuleFields.map((field) => [field, []]));
    const judged = new Set<string>();
    for (const document of context.graph.documents) {
      if (!isJudged(context, document)) continue;
      judged.add(document.path);
      const data = frontmatterData(document);
      for (const field of capsuleFields) if (Object.hasOwn(data, field)) setting.get(field)!.push(document.path);
    }
    return { judged, setting };
  });
}
