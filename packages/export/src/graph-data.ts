/**
 * The picture the site's graph view draws: one node per capsule, one edge per resolved SeeAlso,
 * and the documents the capsules are grouped by. Written once as `/graph.json` and fetched
 * by the page, so no page's HTML grows with the corpus. The file holds only what drawing
 * needs, in columns (a name and a document position per node, two numbers per edge), so that
 * tens of thousands of capsules arrive and parse quickly. What a capsule shows on hover and
 * where a click leads (`GraphDetails`) are written in chunks of `graphDetailsChunkSize` nodes,
 * `/graph-details/<chunk>.json`, fetched when a capsule of the chunk is first pointed at.
 */

/** A document: the cluster its capsules are drawn in. */
export interface GraphDocument {
  title: string;
  url: string;
  /** The folder of the document's corpus path (`''` at the root): documents of one folder share a colour. */
  folder: string;
}

/** Nodes are capsules, referred to by position: node `i` is `names[i]`, of document `documentOf[i]`. */
export interface GraphData {
  documents: GraphDocument[];
  names: string[];
  /** Position in `documents` of each node's document. */
  documentOf: number[];
  /** Node positions in pairs, `[source, target, source, target, ...]`. */
  edges: number[];
  /** How many nodes a file of details holds (`graphDetailsChunkSize` when written). */
  detailsChunkSize: number;
}

/** How many nodes' details one file holds: small enough to arrive and parse without a pause. */
export const graphDetailsChunkSize = 2_000;

/** What the page shows of the chunk's node `i`: `urls[i]` and `invariants[i]` (`''` when it has none). */
export interface GraphDetails {
  urls: string[];
  invariants: string[];
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
  const documentOf = capsules.map(({ document }) => {
    let position = documentIndex.get(document.corpus.url);
    if (position === undefined) {
      position = documents.length;
      documentIndex.set(document.corpus.url, position);
      documents.push({ title: document.title, url: document.corpus.url, folder: folderOf(document.corpus.path ?? '') });
    }
    return position;
  });
  const edges: number[] = [];
  const seen = new Set<string>();
  for (const [source, { capsule }] of capsules.entries()) {
    for (const reference of capsule.seeAlso) {
      const target = reference.capsule === undefined ? undefined : nodeIndex.get(reference.capsule);
      if (target === undefined || target === source) continue;
      const key = `${source} ${target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push(source, target);
    }
  }
  return { documents, names: capsules.map(({ capsule }) => capsule.name), documentOf, edges, detailsChunkSize: graphDetailsChunkSize };
}

/**
 * The addresses and invariants of the capsules, in the order `graphData` was given them, in
 * chunks: node `n` is entry `n % graphDetailsChunkSize` of chunk `Math.floor(n / graphDetailsChunkSize)`.
 */
export function graphDetails(capsules: readonly GraphInput[]): GraphDetails[] {
  const chunks: GraphDetails[] = [];
  for (let start = 0; start < capsules.length; start += graphDetailsChunkSize) {
    const chunk = capsules.slice(start, start + graphDetailsChunkSize);
    chunks.push({
      urls: chunk.map(({ capsule }) => capsule.url),
      invariants: chunk.map(({ capsule }) => capsule.invariant?.text ?? ''),
    });
  }
  return chunks;
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
