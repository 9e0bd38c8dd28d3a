/**
 * The graph view's data for a corpus, as the site would publish it at `/graph.json` and
 * `/graph-details/<chunk>.json`, without building the site: the graph package loads the
 * corpus and the export package's `graphData` and `graphDetails` turn its capsules into the
 * files. Titles and addresses are simplified (a document's path stands for its title), which
 * changes nothing the graph page's drawing costs. The benchmark
 * measures the graph page with it; the site's browser tests draw a 10,000-document corpus.
 */
import { loadGraph } from '@capsule-docs/graph';
import { graphData, graphDetails, type GraphData, type GraphDetails, type GraphInput } from '@capsule-docs/export';

export interface GraphFiles {
  data: GraphData;
  details: GraphDetails[];
}

export async function corpusGraphFiles(root: string): Promise<GraphFiles> {
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
  return { data: graphData(inputs), details: graphDetails(inputs) };
}

/** The site's paths of the files, for a server that answers them in place of a built site's own. */
export function graphReplacements({ data, details }: GraphFiles): Record<string, string> {
  const files: Record<string, string> = { '/graph.json': JSON.stringify(data) };
  for (const [chunk, part] of details.entries()) files[`/graph-details/${chunk}.json`] = JSON.stringify(part);
  return files;
}
