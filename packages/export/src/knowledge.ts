/**
 * Which capsules an export offers as the corpus's knowledge. A sample (a capsule under a
 * guide's `## Example Capsules`, or in a template or an exemplar) shows the format with an
 * imagined project's rules or placeholders: listed beside the real capsules, a reader would
 * take "PostgreSQL is the source of truth" from an exemplar for a rule of this project. Exports
 * leave samples out unless one is asked for by name.
 */
import type { CapsuleNode, KnowledgeGraph } from '@capsule-docs/graph';

export function isSample(node: CapsuleNode): boolean {
  return node.capsule.sample === true;
}

/** The corpus's own capsules, in corpus order: every capsule that is not a sample. */
export function knowledgeCapsules(graph: KnowledgeGraph): CapsuleNode[] {
  return graph.capsules.filter((node) => !isSample(node));
}
