/**
 * Which kind of document a file is, read from its model alone: an agent skill file, a
 * capsule document (one that takes part in the format), or any other. Rules that judge a
 * document by its kind (its frontmatter's schema, its checklist) share these answers.
 */
import type { CorpusDocument } from '@capsule-docs/graph';

/** The fields only a capsule document's frontmatter has (`description` is everyone's). */
export const capsuleFields = ['tags', 'audience', 'categories'] as const;

/** True for an agent skill file: `SKILL.md` in any folder. */
export function isSkillFile(path: string): boolean {
  return (path.split('/').at(-1) ?? path) === 'SKILL.md';
}

/**
 * True when the document's frontmatter has one of the fields only capsule documents use. An
 * `audience` mapping (`audience: { human: 30, agent: 70 }`) marks another convention that
 * also writes `tags`: the capsule convention's audience is a list.
 */
export function claimsCapsuleFields(document: CorpusDocument): boolean {
  // Read from the data, which a cross-file summary keeps, so corpus rules can ask too.
  const data = frontmatterData(document);
  const audience = data['audience'];
  if (audience !== undefined && audience !== null && typeof audience === 'object' && !Array.isArray(audience)) return false;
  return capsuleFields.some((field) => Object.hasOwn(data, field));
}

/** The frontmatter as a mapping of keys (empty when there is none, or it is not a mapping). */
export function frontmatterData(document: CorpusDocument): Record<string, unknown> {
  const data: unknown = document.model.frontmatter?.data;
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/** A category with its strength, as capsule documents write them: `Workflows[100%]`. */
const weightedCategory = /\[\s*\d{1,3}\s*%?\s*\]\s*$/;

/** The format's readers, as an `audience` list names them: `LLMs`, `Humans` (any case, or one of each). */
const formatAudience = /^\s*(?:llms?|humans?)\s*$/i;

/**
 * True when the document holds a capsule, or its frontmatter has a capsule document's fields
 * and one no other common convention writes: an `audience` list naming the format's readers
 * (`LLMs`, `Humans`), or `categories` with a strength on one of them. Without a capsule, `tags`
 * alone (beside a rule file's `impact`, a post's `date`) marks no capsule document, nor do a
 * blog's or a backlog's `categories: [release, news]`, nor a list of a team's own roles,
 * `audience: [integrator, developer]`.
 */
export function isCapsuleDocument(document: CorpusDocument): boolean {
  if (document.model.capsules.length > 0) return true;
  if (!claimsCapsuleFields(document)) return false;
  const data = frontmatterData(document);
  // A plan's `audience: CLI Team` names the people it is for: the capsule convention's is a list of its readers.
  const audience = data['audience'];
  if (Array.isArray(audience) && audience.some((reader) => typeof reader === 'string' && formatAudience.test(reader))) return true;
  const categories = data['categories'];
  return (Array.isArray(categories) ? categories : [categories]).some((category) => typeof category === 'string' && weightedCategory.test(category));
}
