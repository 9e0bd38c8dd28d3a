/**
 * What the graph view draws at each zoom: a picture of the whole corpus is drawn at the level
 * of detail the view can afford. Zoomed out it shows folders, nearer documents, and only close
 * in the capsules themselves, always just those in view (with a margin), so a frame costs the
 * same for 100 documents or 10,000. References are summed between the clusters shown, and at
 * most `edgeBudget` are drawn, the strongest first.
 */
import type { GraphData } from '@capsule-docs/export';
import type { Layout } from './graph-layout.js';

export type Level = 'folders' | 'documents' | 'capsules';

/** A document or folder drawn as one node: where its capsules sit, and how many there are. */
export interface Cluster {
  x: number;
  y: number;
  /** Half the width of the area its capsules take, in layout units. */
  radius: number;
  capsules: number;
  /** The folder colour (an index into `folderColours`). */
  colour: number;
}

export interface FolderCluster extends Cluster {
  name: string;
  documents: number;
}

/** A reference between two drawn nodes (positions in their level's list), with how many it sums. */
export type WeightedEdge = [source: number, target: number, weight: number];

export interface GraphLevels {
  documents: Cluster[];
  folders: FolderCluster[];
  /** The folder of each document (a position in `folders`). */
  folderOf: Uint32Array;
  /** Each document's capsules (positions in `data.names`). */
  members: number[][];
  /** References between documents and between folders, summed; none from a cluster to itself. */
  documentEdges: WeightedEdge[];
  folderEdges: WeightedEdge[];
  /** Each capsule's references to other capsules (positions in `data.names`): those of capsule `i` are `targetList[targetStart[i]]` up to `targetList[targetStart[i + 1]]`. */
  targetStart: Uint32Array;
  targetList: Uint32Array;
  outDegree: Uint32Array;
  inDegree: Uint32Array;
}

/** A rectangle of layout coordinates. */
export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** How much a view may draw: enough to read, few enough that a frame stays quick even without a GPU. */
export const drawLimits = { capsules: 1_200, documents: 500, edges: 150 };

export function graphLevels(data: GraphData, layout: Layout): GraphLevels {
  const members: number[][] = data.documents.map(() => []);
  for (const [index, document] of data.documentOf.entries()) members[document]?.push(index);
  const documents = members.map((list) => documentCluster(list, layout));

  const folderNames = [...new Set(data.documents.map((document) => document.folder))];
  const folderIndex = new Map(folderNames.map((name, index) => [name, index]));
  const folderOf = Uint32Array.from(data.documents, (document) => folderIndex.get(document.folder)!);
  const folderDocuments: number[][] = folderNames.map(() => []);
  for (const [index] of data.documents.entries()) folderDocuments[folderOf[index]!]!.push(index);
  const folders = folderDocuments.map((list, index): FolderCluster => {
    const placed = list.filter((document) => documents[document]!.capsules > 0);
    const capsules = placed.reduce((sum, document) => sum + documents[document]!.capsules, 0);
    const cluster = clusterOf(placed.map((document) => documents[document]!), capsules, placed.length > 0 ? documents[placed[0]!]!.colour : 0);
    // A folder's documents may lie in a long band: a circle of about their area reads better
    // (and costs fewer pixels) than one around all of them.
    const area = placed.reduce((sum, document) => sum + (2 * documents[document]!.radius) ** 2, 0);
    return { ...cluster, radius: Math.min(cluster.radius, Math.sqrt(area / Math.PI) * 2), name: folderNames[index]!, documents: list.length };
  });

  const outDegree = new Uint32Array(data.names.length);
  const inDegree = new Uint32Array(data.names.length);
  // Sums keyed by `from * count + to`: numbers, not strings, for the 100,000-odd references of a large corpus.
  const documentSums = new Map<number, number>();
  const folderSums = new Map<number, number>();
  for (let at = 0; at < data.edges.length; at += 2) {
    const source = data.edges[at]!;
    const target = data.edges[at + 1]!;
    outDegree[source]!++;
    inDegree[target]!++;
    const from = data.documentOf[source]!;
    const to = data.documentOf[target]!;
    if (from !== to) add(documentSums, from * documents.length + to);
    if (folderOf[from] !== folderOf[to]) add(folderSums, folderOf[from]! * folders.length + folderOf[to]!);
  }
  // Each capsule's targets, one after the other in one array (`targetStart[i]` to `targetStart[i + 1]`).
  const targetStart = new Uint32Array(data.names.length + 1);
  for (let node = 0; node < data.names.length; node++) targetStart[node + 1] = targetStart[node]! + outDegree[node]!;
  const targetList = new Uint32Array(data.edges.length / 2);
  const filled = targetStart.slice(0, data.names.length);
  for (let at = 0; at < data.edges.length; at += 2) targetList[filled[data.edges[at]!]!++] = data.edges[at + 1]!;
  return {
    documents,
    folders,
    folderOf,
    members,
    documentEdges: weighted(documentSums, documents.length),
    folderEdges: weighted(folderSums, folders.length),
    targetStart,
    targetList,
    outDegree,
    inDegree,
  };
}

/** What a view of `box` draws: its level, and the nodes and references of that level in or near it. */
export interface LevelView {
  level: Level;
  /** Positions in `data.names`, `levels.documents` or `levels.folders`, by level. */
  nodes: number[];
  /** References between drawn nodes, strongest first, at most `drawLimits.edges`. */
  edges: WeightedEdge[];
  /** How many references between drawn nodes there were before the budget. */
  edgesInView: number;
}

/**
 * The most detailed level whose nodes in `box` (widened by a quarter of its size on every side, so a
 * short pan finds something drawn) stay within `drawLimits`.
 */
export function levelView(levels: GraphLevels, box: Box): LevelView {
  const near = widened(box, 0.25);
  const documents = levels.documents.flatMap((document, index) => (document.capsules > 0 && overlaps(document, near) ? [index] : []));
  const capsules = documents.reduce((sum, document) => sum + levels.documents[document]!.capsules, 0);
  if (capsules <= drawLimits.capsules) {
    const nodes = documents.flatMap((document) => levels.members[document]!);
    const drawn = new Set(nodes);
    const edges: WeightedEdge[] = [];
    for (const source of nodes) {
      for (let at = levels.targetStart[source]!; at < levels.targetStart[source + 1]!; at++) {
        const target = levels.targetList[at]!;
        if (drawn.has(target)) edges.push([source, target, 1]);
      }
    }
    return budgeted('capsules', nodes, edges);
  }
  if (documents.length <= drawLimits.documents) {
    const drawn = new Set(documents);
    return budgeted('documents', documents, levels.documentEdges.filter(([source, target]) => drawn.has(source) && drawn.has(target)));
  }
  const folders = levels.folders.flatMap((folder, index) => (folder.capsules > 0 && overlaps(folder, near) ? [index] : []));
  const drawn = new Set(folders);
  return budgeted('folders', folders, levels.folderEdges.filter(([source, target]) => drawn.has(source) && drawn.has(target)));
}

function budgeted(level: Level, nodes: number[], edges: WeightedEdge[]): LevelView {
  const strongest = edges.length <= drawLimits.edges ? edges : [...edges].sort((a, b) => b[2] - a[2]).slice(0, drawLimits.edges);
  return { level, nodes, edges: strongest, edgesInView: edges.length };
}

/** A document's cluster, straight from its capsules' places. */
function documentCluster(members: readonly number[], layout: Layout): Cluster {
  if (members.length === 0) return { x: 0, y: 0, radius: 0, capsules: 0, colour: 0 };
  let x = 0;
  let y = 0;
  for (const node of members) {
    x += layout.x[node]!;
    y += layout.y[node]!;
  }
  x /= members.length;
  y /= members.length;
  let radius = 0;
  for (const node of members) radius = Math.max(radius, Math.hypot(layout.x[node]! - x, layout.y[node]! - y) + capsuleReach);
  return { x, y, radius, capsules: members.length, colour: layout.colour[members[0]!]! };
}

/** How far a capsule reaches around its place, in layout units. */
const capsuleReach = 0.5;

/** The smallest circle-ish cluster around some placed things: their centre, and the farthest one's reach. */
function clusterOf(parts: readonly { x: number; y: number; radius: number }[], capsules: number, colour: number): Cluster {
  if (parts.length === 0) return { x: 0, y: 0, radius: 0, capsules, colour };
  const x = parts.reduce((sum, part) => sum + part.x, 0) / parts.length;
  const y = parts.reduce((sum, part) => sum + part.y, 0) / parts.length;
  const radius = Math.max(...parts.map((part) => Math.hypot(part.x - x, part.y - y) + part.radius));
  return { x, y, radius, capsules, colour };
}

function add(sums: Map<number, number>, key: number): void {
  sums.set(key, (sums.get(key) ?? 0) + 1);
}

function weighted(sums: Map<number, number>, count: number): WeightedEdge[] {
  return [...sums].map(([key, weight]) => [Math.floor(key / count), key % count, weight]);
}

function widened(box: Box, by: number): Box {
  const width = (box.maxX - box.minX) * by;
  const height = (box.maxY - box.minY) * by;
  return { minX: box.minX - width, minY: box.minY - height, maxX: box.maxX + width, maxY: box.maxY + height };
}

function overlaps(cluster: Cluster, box: Box): boolean {
  return cluster.x + cluster.radius >= box.minX && cluster.x - cluster.radius <= box.maxX && cluster.y + cluster.radius >= box.minY && cluster.y - cluster.radius <= box.maxY;
}
