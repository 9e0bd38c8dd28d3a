/**
 * What the export package makes from the corpus, for the pages that offer it: llms.txt and
 * each capsule's context bundle. The export package works on the knowledge graph itself:
 * the one the content loader shared, or, in a process where it did not run, one loaded here.
 */
import { basename } from 'node:path';
import { createBundle, describeCorpus, loadTokenCounter, renderLlmsTxt, type TokenCounter } from '@capsule-docs/export';
import { loadGraph, type KnowledgeGraph } from '@capsule-docs/graph';
import { publishedCorpus } from './published-corpus.js';
import { homeDocument } from '../corpus-settings.js';
import { sharedGraph } from './shared-graph.js';

interface ExportCorpus {
  root: string;
  graph: KnowledgeGraph;
  counter: TokenCounter;
}

let counter: Promise<TokenCounter> | undefined;
let ownGraph: Promise<KnowledgeGraph> | undefined;

async function exportCorpus(): Promise<ExportCorpus> {
  const corpus = publishedCorpus();
  const { root } = corpus;
  counter ??= loadTokenCounter();
  const graph = sharedGraph(root) ?? (await (ownGraph ??= loadGraph(corpus).then((loaded) => loaded.graph)));
  return { root, graph, counter: await counter };
}

/** A stand-in origin for the export's absolute links, taken off again afterwards. */
const placeholderOrigin = 'https://site.invalid';

/**
 * llms.txt as `capsule export --format llms-txt` writes it, linking to this site's pages:
 * absolute under `site` when the site's address is known, root-relative otherwise.
 */
export async function llmsTxt(options: { title: string; base: string; site: URL | undefined }): Promise<string> {
  const { root, graph } = await exportCorpus();
  const info = describeCorpus(graph, { rootName: basename(root), title: options.title });
  const text = renderLlmsTxt(graph, { ...info, baseUrl: new URL(options.base, options.site ?? placeholderOrigin).href, home: homeDocument() });
  return options.site ? text : text.replaceAll(`](${placeholderOrigin}/`, '](/');
}

/** The capsule and the capsules its SeeAlso names, as a Markdown context bundle. */
export async function capsuleContext(name: string): Promise<{ text: string; tokens: number } | undefined> {
  const { graph, counter } = await exportCorpus();
  if (graph.capsulesNamed(name).length === 0) return undefined;
  const bundle = createBundle(graph, { format: 'markdown', selection: { capsules: [name], depth: 1 }, counter });
  return { text: bundle.output, tokens: bundle.tokens };
}
