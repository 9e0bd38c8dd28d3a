/**
 * The picture the site's graph view draws: one node per capsule, one edge per resolved SeeAlso,
 * and the documents the capsules are grouped by. Written once as `/graph.json` and fetched
 * by the page, so no page's HTML grows with the corpus; nodes and edges refer to each other
 * by position to keep the file small at tens of thousands of capsules.
 */

/** A document: the cluster its capsules are drawn in. */
export interface GraphDocument {
  title: string;
  url: string;
  /** The folder of the document's corpus path (`''` at the root): documents of one folder share a colour. */
  folder: string;
}

export interface GraphNode {
  id: string;
  url: string;
  invariant: string;
  /** Position in `documents`. */
  document: number;
}

export interface GraphData {
  documents: GraphDocument[];
  nodes: GraphNode[];
  /** `[source, target]` positions in `nodes`. */
  edges: [number, number][];
}

/** What the graph needs of a published capsule (see `PublishedCapsule`). */
export interface GraphInput {
  capsule: { name: string; url: string; invariant?: { text: string } | undefined; seeAlso: readonly { capsule?: string | undefined }[] };
  document: { title: string; corpus: { path?: string | undefined; url: string } };
}

/** Nodes, edges and documents of the capsules, in the order given; an edge between two capsules is drawn once. */
export function graphData(capsules: readonly GraphInput[]): GraphData {
  const nodeIndex = new Map(capsules.map(({ capsule }, index) => [capsule.name, index]));
  const documents: GraphDocument[] = [];
  const documentIndex = new Map<string, number>();
  const nodes = capsules.map(({ capsule, document }): GraphNode => {
    let position = documentIndex.get(document.corpus.url);
    if (position === undefined) {
      position = documents.length;
      documentIndex.set(document.corpus.url, position);
      documents.push({ title: document.title, url: document.corpus.url, folder: folderOf(document.corpus.path ?? '') });
    }
    return { id: capsule.name, url: capsule.url, invariant: capsule.invariant?.text ?? '', document: position };
  });
  const edges: [number, number][] = [];
  const seen = new Set<string>();
  for (const [source, { capsule }] of capsules.entries()) {
    for (const reference of capsule.seeAlso) {
      const target = reference.capsule === undefined ? undefined : nodeIndex.get(reference.capsule);
      if (target === undefined || target === source) continue;
      const key = `${source} ${target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push([source, target]);
    }
  }
  return { documents, nodes, edges };
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
