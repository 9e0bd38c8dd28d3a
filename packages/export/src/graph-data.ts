/**
 * The pictures the site's graph view draws. Of capsules: one node per capsule, one edge per
 * resolved SeeAlso, and the documents the capsules are grouped by. Of documents: one node per
 * document, one edge per document it links to (a corpus of plain Markdown, which has no
 * capsules, is drawn so). Written once as `/graph.json` and fetched
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

/**
 * Nodes are referred to by position: node `i` is `names[i]`, of document `documentOf[i]`. A
 * node is a capsule, or, in a picture of documents, the document itself (`documentOf[i]` is `i`).
 */
export interface GraphData {
  /** What a node stands for. */
  nodes: 'capsules' | 'documents';
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

/**
 * What the page shows of the chunk's node `i`: where it leads, `urls[i]`, and `summaries[i]`,
 * a capsule's invariant or a document's description (`''` when it has none).
 */
export interface GraphDetails {
  urls: string[];
  summaries: string[];
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
  return { nodes: 'capsules', documents, names: capsules.map(({ capsule }) => capsule.name), documentOf, edges, detailsChunkSize: graphDetailsChunkSize };
}

/** What the picture of documents needs of a published document: `links` are the addresses of the documents it links to. */
export interface DocumentGraphInput {
  title: string;
  description: string | undefined;
  corpus: { path?: string | undefined; url: string; links: readonly string[] };
}

/** One node per document, in the order given, and an edge for each document it links to, drawn once. */
export function documentGraphData(documents: readonly DocumentGraphInput[]): GraphData {
  const nodeIndex = new Map(documents.map(({ corpus }, index) => [corpus.url, index]));
  const edges: number[] = [];
  for (const [source, { corpus }] of documents.entries()) {
    const seen = new Set<number>();
    for (const url of corpus.links) {
      const target = nodeIndex.get(url);
      if (target === undefined || target === source || seen.has(target)) continue;
      seen.add(target);
      edges.push(source, target);
    }
  }
  return {
    nodes: 'documents',
    documents: documents.map(({ title, corpus }) => ({ title, url: corpus.url, folder: folderOf(corpus.path ?? '') })),
    names: documents.map(({ title }) => title),
    documentOf: documents.map((_, index) => index),
    edges,
    detailsChunkSize: graphDetailsChunkSize,
  };
}

/**
 * The addresses and invariants of the capsules, in the order `graphData` was given them, in
 * chunks: node `n` is entry `n % graphDetailsChunkSize` of chunk `Math.floor(n / graphDetailsChunkSize)`.
 */
export function graphDetails(capsules: readonly GraphInput[]): GraphDetails[] {
  return chunked(capsules, ({ capsule }) => [capsule.url, capsule.invariant?.text ?? '']);
}

/** The addresses and descriptions of the documents, in the order `documentGraphData` was given them, in chunks as `graphDetails`'s. */
export function documentGraphDetails(documents: readonly DocumentGraphInput[]): GraphDetails[] {
  return chunked(documents, ({ description, corpus }) => [corpus.url, description ?? '']);
}

function chunked<T>(nodes: readonly T[], detail: (node: T) => [url: string, summary: string]): GraphDetails[] {
  const chunks: GraphDetails[] = [];
  for (let start = 0; start < nodes.length; start += graphDetailsChunkSize) {
    const details = nodes.slice(start, start + graphDetailsChunkSize).map(detail);
    chunks.push({ urls: details.map(([url]) => url), summaries: details.map(([, summary]) => summary) });
  }
  return chunks;
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
