/**
 * frontmatter-consistent: a capsule document sets the convention fields (`tags`, `audience`,
 * `categories`) that the other capsule documents of its corpus set. A field no document sets
 * is the team's convention, not an omission, so it is never reported; one that most
 * documents set and this one lacks most likely is.
 */
import type { CorpusDocument } from '@capsule-docs/graph';
import type { Rule, RuleContext } from '../../types.js';
import { ruleDocs } from '../../rule-docs.js';
import { capsuleFields, frontmatterData, schemaFor } from '../frontmatter-schema/kinds.js';

const id = 'frontmatter-consistent';

export const frontmatterConsistent: Rule = {
  meta: {
    id,
    description: 'Capsule documents set the frontmatter fields the rest of the corpus sets',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      'missing-field': 'Frontmatter lacks `{field}`, which {count} of the other capsule documents set (`{example}` among them); add it',
    },
    fixable: false,
    scope: 'corpus',
    docs: ruleDocs(id, 'A capsule document sets the convention fields its corpus uses; a field no document sets is left alone.'),
  },
  check(context) {
    const { document } = context;
    const frontmatter = document.model.frontmatter;
    if (!frontmatter || !isJudged(context, document)) return;
    const data = frontmatterData(document);
    const usage = fieldUsage(context);
    for (const field of capsuleFields) {
      if (Object.hasOwn(data, field)) continue;
      const setting = usage.get(field) ?? [];
      if (setting.length === 0) continue;
      context.report({
        messageId: 'missing-field',
        data: { field, count: String(setting.length), example: setting[0]! },
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

/** For each convention field, the judged documents that set it, in corpus order. */
function fieldUsage(context: RuleContext): ReadonlyMap<string, string[]> {
  return context.memo(`${id}:usage`, () => {
    const usage = new Map<string, string[]>(capsuleFields.map((field) => [field, []]));
    for (const document of context.graph.documents) {
      if (!isJudged(context, document)) continue;
      const data = frontmatterData(document);
      for (const field of capsuleFields) if (Object.hasOwn(data, field)) usage.get(field)!.push(document.path);
    }
    return usage;
  });
}
