/**
 * Which document pages an edit can change, so that `astro dev` renders those again instead of
 * every page. A document's page shows its own text and references (linked by what they
 * resolve to), and for each of its capsules who cites it and where else the name is defined.
 * So an edit of one document reaches: that document; every document whose references now
 * resolve differently; the documents its references point into, before and after (their
 * capsules' backlinks); and the documents defining a name it defines, before and after.
 * Addresses are made from the sets of documents, capsule names, tags and categories, so when
 * one of those sets changes every page is rendered again.
 */
import type { Edge, KnowledgeGraph } from '@capsule-docs/graph';

export function pagesToRender(before: KnowledgeGraph, after: KnowledgeGraph, edited: string): Set<string> | 'all' {
  if (!sameAddresses(before, after)) return 'all';
  const pages = new Set([edited]);
  for (const document of after.documents) {
    if (document.path !== edited && !sameResolutions(before.edgesIn(document.path), after.edgesIn(document.path))) pages.add(document.path);
  }
  for (const graph of [before, after]) {
    for (const edge of graph.edges) if (edge.document === edited && edge.toDocument !== undefined) pages.add(edge.toDocument);
    for (const capsule of graph.document(edited)?.model.capsules ?? []) {
      for (const node of [...before.capsulesNamed(capsule.name), ...after.capsulesNamed(capsule.name)]) pages.add(node.document);
    }
  }
  return pages;
}

function sameAddresses(before: KnowledgeGraph, after: KnowledgeGraph): boolean {
  const sets = (graph: KnowledgeGraph) =>
    JSON.stringify([
      graph.documents.map((document) => document.path),
      graph.names(),
      graph.tags().map((tag) => tag.name),
      graph.categories().map((category) => category.name),
    ]);
  return sets(before) === sets(after);
}

/**
 * Whether a document's references resolve as they did: all its page takes from other
 * documents through them. Only the edited document's text changed, so the others' edges
 * come in the same order, and compare one by one.
 */
function sameResolutions(before: readonly Edge[], after: readonly Edge[]): boolean {
  if (before.length !== after.length) return false;
  return before.every((edge, index) => {
    const other = after[index]!;
    return (
      edge.target === other.target &&
      edge.status === other.status &&
      edge.reason === other.reason &&
      edge.to?.name === other.to?.name &&
      edge.toDocument === other.toDocument
    );
  });
}
