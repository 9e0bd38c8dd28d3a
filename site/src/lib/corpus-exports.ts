/**
 * What the pages ask of the export package: a capsule's context bundle and llms.txt. In
 * `astro dev` they are made from the graph when a page asks (`exportsFromGraph`), so an edit
 * shows at once. A build makes them all as the corpus loads (`exportsMadeAhead`), from a graph
 * of summaries and the parts' Markdown taken from each document while its page was made, and
 * keeps no graph while it renders pages.
 */
import { basename } from 'node:path';
import { capsuleSources, createBundle, createLinker, describeCorpus, rebasingReader, renderLlmsTxt, type CapsuleSources, type Linker, type SourceText, type TokenCounter } from '@capsule-docs/export';
import type { CapsuleNode, CorpusDocument, KnowledgeGraph } from '@capsule-docs/graph';
import type { Capsule } from 'remark-capsules';

export interface CapsuleContext {
  text: string;
  tokens: number;
  /** How many other capsules the bundle holds: those the capsule's SeeAlso names. */
  related: number;
  /**
   * When the site's address was not known at build: the stand-in origin the text's links to
   * the site start with, for the page to put its own origin in their place. A copied context
   * is pasted where root-relative links lead nowhere (a chat with an LLM).
   */
  standInOrigin?: string;
}

/** Where the site's pages are, which the exports link to. */
export interface SiteAddress {
  /** Astro's `base`. */
  base: string;
  /** Astro's `site`; links are root-relative without it. */
  site: URL | undefined;
  /** The document shown as the home page. */
  home: string | undefined;
}

export interface LlmsTxtOptions extends SiteAddress {
  /** The site's title, the first line of llms.txt. */
  title: string;
}

export interface CorpusExports {
  /** The capsule and the capsules its SeeAlso names, as a Markdown bundle; undefined for a name the corpus does not define. */
  capsuleContext(name: string): CapsuleContext | undefined;
  llmsTxt(options: LlmsTxtOptions): string;
}

/** A stand-in origin for the export's absolute links, taken off again afterwards. */
const placeholderOrigin = 'https://site.invalid';

/**
 * Exports made from `graph` when asked for, linking to the site's pages at `address`. A graph
 * of summaries needs `sourcesOf`, the parts of each capsule as taken from its document read
 * whole (`siteCapsuleSources`, while `documentPages` makes the page).
 */
export function exportsFromGraph(root: string, graph: KnowledgeGraph, counter: TokenCounter, address: SiteAddress, sourcesOf?: (node: CapsuleNode) => CapsuleSources): CorpusExports {
  // Made once, when the first page asks: it names every page of the site.
  let linker: Linker | undefined;
  return {
    capsuleContext(name) {
      if (graph.capsulesNamed(name).length === 0) return undefined;
      // A context is copied away from the site: its parts' links lead to the site's pages.
      const selection = { capsules: [name], depth: 1 };
      const bundle = createBundle(graph, { format: 'markdown', selection, counter, ...(sourcesOf ? { sourcesOf } : { linker: (linker ??= siteLinker(graph, address)) }) });
      const related = bundle.bundle.capsules.filter((capsule) => capsule.distance > 0).length;
      return { text: bundle.output, tokens: bundle.tokens, related, ...(address.site ? {} : { standInOrigin: placeholderOrigin }) };
    },
    llmsTxt(options) {
      const info = describeCorpus(graph, { rootName: basename(root), title: options.title });
      const text = renderLlmsTxt(graph, { ...info, baseUrl: siteBase(options), home: options.home });
      return onSite(text, options);
    },
  };
}

/**
 * The parts of a capsule as a context quotes them, read from its document while it is whole,
 * their links leading to the site's pages at `address` (the parts a build keeps for
 * `exportsFromGraph`'s `sourcesOf`).
 */
export function siteCapsuleSources(graph: KnowledgeGraph, address: SiteAddress): (document: CorpusDocument, capsule: Capsule) => CapsuleSources {
  const linker = siteLinker(graph, address);
  let reading: { path: string; read: SourceText } | undefined;
  return (document, capsule) => {
    // A document's capsules come one after another: its links are found once for all of them.
    if (reading?.path !== document.path) reading = { path: document.path, read: rebasingReader(graph, document, linker) };
    return capsuleSources(document, capsule, reading.read);
  };
}

function siteLinker(graph: KnowledgeGraph, address: SiteAddress): Linker {
  return createLinker(graph, siteBase(address), address.home);
}

function siteBase(address: SiteAddress): string {
  return new URL(address.base, address.site ?? placeholderOrigin).href;
}

/** Links made under the stand-in origin, root-relative when the site's address is not known. */
function onSite(text: string, address: SiteAddress): string {
  return address.site ? text : text.replaceAll(`${placeholderOrigin}/`, '/');
}

/**
 * Every capsule's context and llms.txt (for `options`, the only ones a build asks with), made
 * now from `exports`, which the result does not keep.
 */
export function exportsMadeAhead(exports: CorpusExports, names: Iterable<string>, options: LlmsTxtOptions): CorpusExports {
  // Kept as bytes outside the JavaScript heap: the bundles of 75,000 capsules come to about
  // 460 MB, and as strings they would count towards the heap, which V8 lets grow to twice
  // what is live before it collects.
  const contexts = new Map<string, { bytes: Buffer } & Omit<CapsuleContext, 'text'>>();
  for (const name of names) {
    const context = exports.capsuleContext(name);
    if (context) {
      const { text, ...rest } = context;
      contexts.set(name, { bytes: Buffer.from(text), ...rest });
    }
  }
  const llmsTxt = exports.llmsTxt(options);
  const madeFor = optionsKey(options);
  return {
    capsuleContext(name) {
      const context = contexts.get(name);
      if (!context) return undefined;
      const { bytes, ...rest } = context;
      return { text: bytes.toString(), ...rest };
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
