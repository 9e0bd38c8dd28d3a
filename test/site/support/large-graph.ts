/**
 * The graph data of a generated corpus of many documents, as the site would publish it: the
 * benchmark's corpus generator writes the documents, the graph package loads them, and the
 * site's `graphData` turns the capsules into `/graph.json`. Building a whole site of 10,000
 * documents takes longer than a test may, so the browser tests serve this file in place of
 * the built site's own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGraph } from '@capsule-docs/graph';
import { writeCorpus } from '../../../bench/src/generate.js';
import { graphData, type GraphData, type GraphInput } from '../../../site/src/lib/graph-data.js';

export async function generatedGraphData(docs: number): Promise<GraphData> {
  const folder = await mkdtemp(join(tmpdir(), 'capsule-large-graph-'));
  try {
    writeCorpus(folder, { docs, seed: 1 });
    const { graph } = await loadGraph({ root: folder });
    const inputs: GraphInput[] = [];
    const seen = new Set<string>();
    for (const node of graph.capsules) {
      if (seen.has(node.name)) continue;
      seen.add(node.name);
      const page = node.document.replace(/\.md$/, '');
      inputs.push({
        capsule: {
          name: node.name,
          url: `/capsules/${encodeURIComponent(node.name)}/`,
          invariant: { text: node.capsule.invariant?.text ?? '' },
          seeAlso: graph.referencesFrom(node).filter((edge) => edge.kind === 'see-also').map((edge) => ({ capsule: edge.to?.name })),
        },
        document: { title: page, corpus: { path: node.document, url: `/${page}/` } },
      });
    }
    return graphData(inputs);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
