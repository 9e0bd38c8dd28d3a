/** The picture the graph view draws: one node per capsule, one edge per resolved SeeAlso. */
import type { PublishedCapsule } from './collection.js';

export interface GraphNode {
  id: string;
  url: string;
  invariant: string;
  document: string;
}

export interface GraphEdge {
  source: string;
  target: string;
}

export interface GraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Nodes and edges of the capsules; an edge between two capsules is drawn once. */
export function graphData(capsules: readonly PublishedCapsule[]): GraphData {
  const names = new Set(capsules.map(({ capsule }) => capsule.name));
  const edges = new Map<string, GraphEdge>();
  for (const { capsule } of capsules) {
    for (const reference of capsule.seeAlso) {
      const target = reference.capsule;
      if (target === undefined || !names.has(target) || target === capsule.name) continue;
      edges.set(`${capsule.name}\u0000${target}`, { source: capsule.name, target });
    }
  }
  return {
    nodes: capsules.map(({ capsule, document }) => ({
      id: capsule.name,
      url: capsule.url,
      invariant: capsule.invariant?.text ?? '',
      document: document.title,
    })),
    edges: [...edges.values()],
  };
}
