/**
 * The content loader: the only place the site reads the corpus. It asks the graph package
 * for the parsed corpus, turns the graph into page data (`documentPages`) and
 * fills Starlight's `docs` collection with it. In `astro dev` it watches the content folder:
 * an edited document is read alone and only the pages it can change are rendered again, so an
 * edit shows up without a restart; files that come or go load the corpus again.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { loadTokenCounter, type CapsuleSources } from '@capsule-docs/export';
import { CorpusError, loadGraph, reloadDocuments, type CapsuleNode, type Corpus, type KnowledgeGraph, type LoadOptions } from '@capsule-docs/graph';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { exportsFromGraph, exportsMadeAhead, siteCapsuleSources, type CorpusExports, type SiteAddress } from '../lib/corpus-exports.js';
import { collectGarbage } from '../lib/collect-garbage.js';
import { shareCorpus, updateSharedCorpus } from '../lib/shared-corpus.js';
import { pagesToRender } from '../lib/page-updates.js';
import { documentPages, type DocumentPage } from '../lib/views.js';

export interface CapsuleLoaderOptions {
  /** The corpus to publish, as the configuration names it (see `siteCorpus`). */
  corpus: LoadOptions;
  /** The document (relative to the root) shown as the home page. */
  home: string | undefined;
  /** The site's title, at the top of llms.txt. */
  title: string;
  /** How many entries a listing page holds (`CAPSULE_PAGE_SIZE`): the home page's list of documents too. */
  listingPageSize?: number;
}

/**
 * Starlight's sidebar groups pages by their file path under its own content folder. Ours is
 * virtual: the home page is its index, every other document sits under `documents/` at its
 * corpus path, so the sidebar's `documents` group mirrors the corpus folders.
 */
const virtualFolder = 'src/content/docs';
const virtualFilePath = (path: string | undefined, id: string) =>
  id === 'index' || path === undefined ? `${virtualFolder}/index.md` : `${virtualFolder}/documents/${path}`;

/** Wait this long after a change so that a burst of saves loads once. */
const settleMilliseconds = 50;

/** The corpus as last loaded, kept while watching so that an edit re-reads one file. */
interface Loaded {
  corpus: Corpus;
  graph: KnowledgeGraph;
}

export function capsulesLoader(options: CapsuleLoaderOptions): Loader {
  return {
    name: 'capsule-docs',
    load: async (context) => {
      if (context.watcher === undefined) {
        await syncCorpus(context, options, false);
        await collectGarbage();
        return;
      }
      let loaded = await syncCorpus(context, options, true);
      watchCorpus(context, options, async (changed) => {
        const update = changed === undefined ? undefined : await updateCorpus(context, options, loaded, changed);
        loaded = update ?? (await syncCorpus(context, options, true));
      });
    },
  };
}

/**
 * Load the whole corpus and set every page. While watching, the graph keeps whole documents
 * with their trees, for the next edit. A build loads summaries (parsed on worker threads, or
 * taken from the parse cache), reads each document whole again only while its page is made,
 * makes the exports then, and lets the graph go before pages render: at ten thousand documents
 * holding every tree and capsule part at once took the build's memory to its limit.
 */
async function syncCorpus(context: LoaderContext, options: CapsuleLoaderOptions, watching: boolean): Promise<Loaded> {
  const { store, logger, config } = context;
  const started = performance.now();
  let loaded: Loaded;
  try {
    loaded = await loadGraph(watching ? { ...options.corpus, keepTrees: true } : { ...options.corpus, summarize: 'with-contexts' });
  } catch (error) {
    if (error instanceof CorpusError) {
      throw new AstroError(
        error.message,
        'Set CAPSULE_CONTENT to the folder of Markdown files to publish (absolute, or relative to where the command runs).',
      );
    }
    throw error;
  }
  const siteOptions = { base: config.base, home: options.home, listingPageSize: options.listingPageSize };
  const address = siteAddress(context, options);
  let pages: DocumentPage[];
  if (watching) {
    pages = documentPages(loaded.graph, siteOptions);
    shareCorpus(options.corpus.root, await graphExports(options, loaded.graph, address), pages);
  } else {
    // The parts each bundle quotes, kept as Markdown while the documents pass.
    const sources = new Map<CapsuleNode, CapsuleSources>();
    const sourcesOf = siteCapsuleSources(loaded.graph, address);
    pages = documentPages(loaded.graph, siteOptions, undefined, (document, capsules) => {
      for (const { node, capsule } of capsules) sources.set(node, sourcesOf(document, capsule));
    });
    const exports = await graphExports(options, loaded.graph, address, (node) => sources.get(node)!);
    shareCorpus(options.corpus.root, exportsMadeAhead(exports, loaded.graph.names(), { title: options.title, ...address }), pages);
  }
  const stale = new Set(store.keys());
  for (const page of pages) stale.delete(page.id);
  await setPages(context, pages);
  for (const id of stale) store.delete(id);

  const milliseconds = Math.round(performance.now() - started);
  logger.info(`${pages.length} pages, ${loaded.graph.capsules.length} capsules from ${options.corpus.root} in ${milliseconds} ms`);
  return loaded;
}

/**
 * One document changed in place: read it alone, and render again only the pages the edit can
 * change (see `pagesToRender`). Undefined when files came or went: load everything then.
 */
async function updateCorpus(context: LoaderContext, options: CapsuleLoaderOptions, loaded: Loaded, changed: string): Promise<Loaded | undefined> {
  const started = performance.now();
  const reloaded = await reloadDocuments({ ...options.corpus, keepTrees: true }, loaded.corpus, [changed]);
  if (!reloaded) return undefined;
  const affected = pagesToRender(loaded.graph, reloaded.graph, changed);
  const pages = documentPages(reloaded.graph, { base: context.config.base, home: options.home, listingPageSize: options.listingPageSize }, affected === 'all' ? undefined : affected);
  updateSharedCorpus(options.corpus.root, await graphExports(options, reloaded.graph, siteAddress(context, options)), pages);
  await setPages(context, pages);
  const milliseconds = Math.round(performance.now() - started);
  context.logger.info(`${changed} changed: ${pages.length} pages rendered again in ${milliseconds} ms`);
  return reloaded;
}

async function graphExports(options: CapsuleLoaderOptions, graph: KnowledgeGraph, address: SiteAddress, sourcesOf?: (node: CapsuleNode) => CapsuleSources): Promise<CorpusExports> {
  return exportsFromGraph(options.corpus.root, graph, await loadTokenCounter(), address, sourcesOf);
}

/** Where the pages the exports link to are: Astro's `base` and `site`, and the home document. */
function siteAddress(context: LoaderContext, options: CapsuleLoaderOptions): SiteAddress {
  const { base, site } = context.config;
  return { base, site: site === undefined ? undefined : new URL(site), home: options.home };
}

async function setPages(context: LoaderContext, pages: DocumentPage[]): Promise<void> {
  const { store, parseData, generateDigest } = context;
  for (const page of pages) {
    const { path, url, tags, categories } = page.corpus;
    const data = await parseData({
      id: page.id,
      data: { title: page.title, ...(page.description ? { description: page.description } : {}), corpus: { path, url, tags, categories } },
    });
    store.set({
      id: page.id,
      data,
      filePath: virtualFilePath(page.corpus.path, page.id),
      digest: generateDigest(page as unknown as Record<string, unknown>),
      // The body and the headings come from the shared pages (see components/MarkdownContent.astro and route-data.ts).
      rendered: { html: '', metadata: { headings: [] } },
    });
  }
}

/**
 * Call `reload` after changes settle: with the document's corpus path when one file changed
 * in place, without one when files came or went.
 */
function watchCorpus(context: LoaderContext, options: CapsuleLoaderOptions, reload: (changed: string | undefined) => Promise<void>): void {
  const { watcher, logger } = context;
  if (!watcher) return;
  const { root } = options.corpus;
  watcher.add(root);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = new Set<string | undefined>();
  let running = Promise.resolve();
  const onEvent = (event: 'change' | 'add' | 'unlink') => (path: string) => {
    const inside = relative(root, resolve(path));
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return;
    pending.add(event === 'change' ? inside.split(sep).join('/') : undefined);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = pending;
      pending = new Set();
      // One file changed in place: that file alone; anything more: everything.
      const [only] = batch;
      const changed = batch.size === 1 ? only : undefined;
      running = running
        .then(() => reload(changed))
        .catch((error: unknown) => {
          // A broken save must not stop the dev server: report it and wait for the next one.
          logger.error(error instanceof Error ? error.message : String(error));
        });
    }, settleMilliseconds);
  };
  watcher.on('change', onEvent('change'));
  watcher.on('add', onEvent('add'));
  watcher.on('unlink', onEvent('unlink'));
}
