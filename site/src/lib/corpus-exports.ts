/**
 * What the pages ask of the export package: a capsule's context bundle and llms.txt. In
 * `astro dev` they are made from the graph when a page asks (`exportsFromGraph`), so an edit
 * shows at once. A build makes them all as the corpus loads (`exportsMadeAhead`), from a graph
 * of summaries and the parts' Markdown taken from each document while its page was made, and
 * keeps no graph while it renders pages.
 */
import { basename } from 'node:path';
import { createBundle, describeCorpus, renderLlmsTxt, type CapsuleSources, type TokenCounter } from '@capsule-docs/export';
import type { CapsuleNode, KnowledgeGraph } from '@capsule-docs/graph';

export interface CapsuleContext {
  text: string;
  tokens: number;
  /** How many other capsules the bundle holds: those the capsule's SeeAlso names. */
  related: number;
}

export interface LlmsTxtOptions {
  /** The site's title, the first line of llms.txt. */
  title: string;
  /** Astro's `base`. */
  base: string;
  /** Astro's `site`; links are root-relative without it. */
  site: URL | undefined;
  /** The document shown as the home page. */
  home: string | undefined;
}

export interface CorpusExports {
  /** The capsule and the capsules its SeeAlso names, as a Markdown bundle; undefined for a name the corpus does not define. */
  capsuleContext(name: string): CapsuleContext | undefined;
  llmsTxt(options: LlmsTxtOptions): string;
}

/** A stand-in origin for the export's absolute links, taken off again afterwards. */
const placeholderOrigin = 'https://site.invalid';

/**
 * Exports made from `graph` when asked for. A graph of summaries needs `sourcesOf`, the parts
 * of each capsule as taken from its document read whole (see `documentPages`).
 */
export function exportsFromGraph(root: string, graph: KnowledgeGraph, counter: TokenCounter, sourcesOf?: (node: CapsuleNode) => CapsuleSources): CorpusExports {
  return {
    capsuleContext(name) {
      if (graph.capsulesNamed(name).length === 0) return undefined;
      const bundle = createBundle(graph, { format: 'markdown', selection: { capsules: [name], depth: 1 }, counter, ...(sourcesOf ? { sourcesOf } : {}) });
      const related = bundle.bundle.capsules.filter((capsule) => capsule.distance > 0).length;
      return { text: bundle.output, tokens: bundle.tokens, related };
    },
    llmsTxt(options) {
      const info = describeCorpus(graph, { rootName: basename(root), title: options.title });
      const baseUrl = new URL(options.base, options.site ?? placeholderOrigin).href;
      const text = renderLlmsTxt(graph, { ...info, baseUrl, home: options.home });
      return options.site ? text : text.replaceAll(`](${placeholderOrigin}/`, '](/');
    },
  };
}

/**
 * Every capsule's context and llms.txt (for `options`, the only ones a build asks with), made
 * now from `exports`, which the result does not keep.
 */
export function exportsMadeAhead(exports: CorpusExports, names: Iterable<string>, options: LlmsTxtOptions): CorpusExports {
  // Kept as bytes outside the JavaScript heap: the bundles of 75,000 capsules come to about
  // 460 MB, and as strings they would count towards the heap, which V8 lets grow to twice
  // what is live before it collects.
  const contexts = new Map<string, { bytes: Buffer; tokens: number; related: number }>();
  for (const name of names) {
    const context = exports.capsuleContext(name);
    if (context) contexts.set(name, { bytes: Buffer.from(context.text), tokens: context.tokens, related: context.related });
  }
  const llmsTxt = exports.llmsTxt(options);
  const madeFor = optionsKey(options);
  return {
    capsuleContext(name) {
      const context = contexts.get(name);
      return context && { text: context.bytes.toString(), tokens: context.tokens, related: context.related };
    },
    llmsTxt(asked) {
      // Astro gives the loader and the pages the same `base` and `site`, so this is a broken build, not a user's mistake.
      if (optionsKey(asked) !== madeFor) throw new Error(`llms.txt was made for ${madeFor}, not for ${optionsKey(asked)}`);
      return llmsTxt;
    },
  };
}

function optionsKey(options: LlmsTxtOptions): string {
  return JSON.stringify([options.title, options.base, options.site?.href ?? null, options.home ?? null]);
}
