/**
 * The graph view's data for a corpus, as the site would publish it at `/graph.json`, without
 * building the site: the graph package loads the corpus and the export package's `graphData`
 * turns its capsules into the file. Titles and addresses are simplified (a document's path
 * stands for its title), which changes nothing the graph page's drawing costs. The benchmark
 * measures the graph page with it; the site's browser tests draw a 10,000-document corpus.
 */
import { loadGraph } from '@capsule-docs/graph';
import { graphData, type GraphData, type GraphInput } from '@capsule-docs/export';

export async function corpusGraphData(root: string): Promise<GraphData> {
  const { graph } = await loadGraph({ root, cache: false });
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
}
