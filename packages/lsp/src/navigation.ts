/**
 * What stands at a place in a document (a capsule heading, or a reference the graph resolved:
 * a SeeAlso entry, a checklist citation, a mention, a link), and where things are: the
 * answers behind go to definition, find references, hover and rename.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CapsuleNode, Edge, KnowledgeGraph } from '@capsule-docs/graph';
import type { Location } from 'vscode-languageserver';
import { contains, rangeOf, spanRange } from './text.js';

export type Target = { kind: 'heading'; capsule: CapsuleNode } | { kind: 'reference'; edge: Edge };

/** The capsule heading or reference at `offset` in the document at `path`, if any. */
export function targetAt(graph: KnowledgeGraph, path: string, offset: number): Target | undefined {
  for (const capsule of graph.capsules) {
    if (capsule.document === path && contains(capsule.capsule.headingPosition, offset)) return { kind: 'heading', capsule };
  }
  // The narrowest reference holding the place: a link inside a mention's sentence wins.
  let best: Edge | undefined;
  for (const edge of graph.edges) {
    if (edge.document !== path || !contains(edge.position, offset)) continue;
    if (!best || edge.position.end.offset - edge.position.start.offset < best.position.end.offset - best.position.start.offset) best = edge;
  }
  return best && { kind: 'reference', edge: best };
}

/** The capsule a target names: the heading's own, or the one a reference resolved to. */
export function capsuleOf(target: Target): CapsuleNode | undefined {
  return target.kind === 'heading' ? target.capsule : target.edge.to;
}

export function uriOf(root: string, path: string): string {
  return pathToFileURL(join(root, path)).href;
}

/** Where a capsule's name stands in its heading. */
export function capsuleLocation(graph: KnowledgeGraph, root: string, capsule: CapsuleNode): Location | undefined {
  const document = graph.document(capsule.document);
  return document && { uri: uriOf(root, capsule.document), range: spanRange(document, capsule.capsule.namePosition) };
}

/** Where a reference leads: the capsule, the heading its anchor names, or the document's start. */
export function definitionOf(graph: KnowledgeGraph, root: string, edge: Edge): Location | undefined {
  if (edge.to) return capsuleLocation(graph, root, edge.to);
  if (edge.status !== 'resolved' || !edge.toDocument) return undefined;
  const document = graph.document(edge.toDocument);
  if (!document) return undefined;
  const heading = edge.anchor === undefined ? undefined : document.model.headings.find((candidate) => candidate.slug === edge.anchor);
  return { uri: uriOf(root, document.path), range: heading ? spanRange(document, heading.position) : rangeOf(document, 0, 0) };
}

/** Every reference to a capsule: SeeAlso entries, citations, mentions and links to its heading's anchor. */
export function referencesTo(graph: KnowledgeGraph, capsule: CapsuleNode): Edge[] {
  const found = [...graph.backlinks(capsule)];
  const heading = graph
    .document(capsule.document)
    ?.model.headings.find((candidate) => candidate.position.start.offset === capsule.capsule.headingPosition.start.offset);
  if (heading) {
    for (const edge of graph.edges) {
      if (edge.kind === 'links-to' && edge.toDocument === capsule.document && edge.anchor === heading.slug && !found.includes(edge)) found.push(edge);
    }
  }
  return found;
}

export function edgeLocation(graph: KnowledgeGraph, root: string, edge: Edge): Location | undefined {
  const document = graph.document(edge.document);
  return document && { uri: uriOf(root, edge.document), range: spanRange(document, edge.position) };
}
