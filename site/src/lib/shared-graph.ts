/**
 * The content loader's graph, handed to the pages that need the graph itself (the export
 * package's llms.txt and context bundles) so the corpus is parsed once per build, and so
 * `astro dev` serves exports of the corpus as it was last loaded. The loader and the pages
 * are bundled separately, so they meet through a process-wide registry rather than a module.
 */
import type { KnowledgeGraph } from '@capsule-docs/graph';

const registry = Symbol.for('@capsule-docs/site:graph');

interface Shared {
  root: string;
  graph: KnowledgeGraph;
}

type Global = typeof globalThis & { [registry]?: Shared };

/** Offer the graph of the corpus at `root`. */
export function shareGraph(root: string, graph: KnowledgeGraph): void {
  (globalThis as Global)[registry] = { root, graph };
}

/** The graph last offered for `root`, if this process loaded one. */
export function sharedGraph(root: string): KnowledgeGraph | undefined {
  const shared = (globalThis as Global)[registry];
  return shared?.root === root ? shared.graph : undefined;
}
