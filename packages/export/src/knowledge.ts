/**
 * Which capsules an export offers as the corpus's knowledge. A sample (a capsule under a
 * guide's `## Example Capsules`, or in a template or an exemplar) shows the format with an
 * imagined project's rules or placeholders: listed beside the real capsules, a reader would
 * take "PostgreSQL is the source of truth" from an exemplar for a rule of this project. A stub
 * copy in an agent file repeats the invariant of a full definition elsewhere: listed too, the
 * rule would appear twice. Exports leave both out unless one is asked for by name.
 */
import { isStubCopy, wasParsed, type CapsuleNode, type CorpusDocument, type KnowledgeGraph } from '@capsule-docs/graph';

export function isSample(node: CapsuleNode): boolean {
  return node.capsule.sample === true;
}

/** Whether a capsule is the corpus's own: neither a sample nor a stub copy of a full definition. */
export function isKnowledge(graph: KnowledgeGraph, node: CapsuleNode): boolean {
  const first = graph.capsule(node.name);
  return !isSample(node) && !(first !== undefined && isStubCopy(node, first));
}

/** The corpus's own capsules, in corpus order. */
export function knowledgeCapsules(graph: KnowledgeGraph): CapsuleNode[] {
  return graph.capsules.filter((node) => isKnowledge(graph, node));
}

/**
 * The documents an export offers: those the reader could parse, as the site publishes them. A
 * file it refused (a dangling symlink, a binary, one over the size cap) has no text to give, and
 * a link to it would lead nowhere.
 */
export function publishedDocuments(graph: KnowledgeGraph): CorpusDocument[] {
  return graph.documents.filter(wasParsed);
}
