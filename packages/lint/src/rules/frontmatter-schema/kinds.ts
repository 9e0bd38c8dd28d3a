/**
 * Which schema a document's frontmatter is judged by. Documents of different kinds keep
 * different frontmatter: an agent skill file is read by agents, a capsule document by this
 * tool, and a README by neither, so each gets the schema of its kind, or none.
 */
import { shippedFrontmatterSchema, type CorpusDocument } from '@capsule-docs/graph';
import picomatch from 'picomatch';
import { isTestFixture } from 'remark-capsules';
import type { FrontmatterSchemaMapping, LintSettings } from '../../types.js';
import { claimsCapsuleFields, isCapsuleDocument, isSkillFile } from '../../support/document-kinds.js';

export interface ChosenSchema {
  schema: object;
  /** `user`: from the configuration, so a missing frontmatter is worth reporting; `capsule`/`skill`: shipped. */
  origin: 'user' | 'capsule' | 'skill';
  /**
   * False for a document that holds capsules but whose frontmatter has none of the capsule
   * fields: it follows another convention (a site's `title`, an agent's `name`, weights under
   * `audience`), which the capsule schema does not judge; only near misses of its keys are told.
   */
  claimed: boolean;
  /**
   * True for the shipped capsule schema (chosen for a capsule document, or named `"capsule"` in
   * `frontmatterSchemas`): whether its convention's own fields are missing is the corpus's
   * question (`frontmatter-consistent`), not one document's.
   */
  conventional: boolean;
}

const matchers = new WeakMap<readonly FrontmatterSchemaMapping[], ((path: string) => boolean)[]>();

function matchersOf(mappings: readonly FrontmatterSchemaMapping[]): ((path: string) => boolean)[] {
  let found = matchers.get(mappings);
  if (!found) {
    found = mappings.map((mapping) => picomatch(mapping.glob, { dot: true }));
    matchers.set(mappings, found);
  }
  return found;
}

/**
 * The schema for a document, in this order: the first `frontmatterSchemas` glob matching
 * its path; the shipped skill schema for `SKILL.md` (not a test's fixture); the `frontmatterSchema` setting; the
 * shipped capsule schema for a capsule document. Any other document is not checked.
 */
export function schemaFor(document: CorpusDocument, settings: Readonly<LintSettings>): ChosenSchema | undefined {
  const mappings = settings.frontmatterSchemas ?? [];
  const index = matchersOf(mappings).findIndex((matches) => matches(document.path));
  if (index !== -1) {
    const mapping = mappings[index]!;
    return { schema: mapping.schema, origin: 'user', claimed: true, conventional: mapping.shipped === 'capsule' };
  }
  // A skill made up for a test (`tests/fixtures/skills/bare/SKILL.md`) may lack a field on purpose.
  if (isSkillFile(document.path) && !isTestFixture(document.path)) return { schema: shippedFrontmatterSchema('skill'), origin: 'skill', claimed: true, conventional: false };
  if (settings.frontmatterSchema) return { schema: settings.frontmatterSchema, origin: 'user', claimed: true, conventional: false };
  if (isCapsuleDocument(document)) {
    return { schema: shippedFrontmatterSchema('capsule'), origin: 'capsule', claimed: claimsCapsuleFields(document), conventional: true };
  }
  return undefined;
}
