/**
 * The content loader: the only place the site reads the corpus. It asks the graph package
 * for the parsed corpus (trees kept), turns the graph into page data (`documentPages`) and
 * fills Starlight's `docs` collection with it. In `astro dev` it watches the content folder
 * and loads again on every change, so an edit shows up without a restart.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { CorpusError, loadGraph, type LoadOptions } from '@capsule-docs/graph';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { shareGraph } from '../lib/shared-graph.js';
import { documentPages } from '../lib/views.js';

export interface CapsuleLoaderOptions {
  /** The corpus to publish, as the configuration names it (see `siteCorpus`). */
  corpus: LoadOptions;
  /** The document (relative to the root) shown as the home page. */
  home: string | undefined;
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

export function capsulesLoader(options: CapsuleLoaderOptions): Loader {
  return {
    name: 'capsule-docs',
    load: async (context) => {
      await syncCorpus(context, options);
      if (context.watcher) watchCorpus(context, options);
    },
  };
}

async function syncCorpus(context: LoaderContext, options: CapsuleLoaderOptions): Promise<void> {
  const { store, parseData, generateDigest, logger, config } = context;
  const started = performance.now();
  let loaded: Awaited<ReturnType<typeof loadGraph>>;
  try {
    loaded = await loadGraph({ ...options.corpus, keepTrees: true });
  } catch (error) {
    if (error instanceof CorpusError) {
      throw new AstroError(
        error.message,
        'Set CAPSULE_CONTENT to the folder of Markdown files to publish (absolute, or relative to where the command runs).',
      );
    }
    throw error;
  }
  const pages = documentPages(loaded.graph, { base: config.base, home: options.home });
  // The pages are rendered; the exports need the graph but not the trees, which are large.
  for (const document of loaded.graph.documents) delete document.tree;
  shareGraph(options.corpus.root, loaded.graph);

  const stale = new Set(store.keys());
  for (const page of pages) {
    stale.delete(page.id);
    const data = await parseData({
      id: page.id,
      data: { title: page.title, ...(page.description ? { description: page.description } : {}), corpus: page.corpus },
    });
    store.set({
      id: page.id,
      data,
      filePath: virtualFilePath(page.corpus.path, page.id),
      digest: generateDigest(page as unknown as Record<string, unknown>),
      rendered: { html: page.html, metadata: { headings: page.headings } },
    });
  }
  for (const id of stale) store.delete(id);

  const milliseconds = Math.round(performance.now() - started);
  logger.info(`${pages.length} pages, ${loaded.graph.capsules.length} capsules from ${options.corpus.root} in ${milliseconds} ms`);
}

function watchCorpus(context: LoaderContext, options: CapsuleLoaderOptions): void {
  const { watcher, logger } = context;
  if (!watcher) return;
  const { root } = options.corpus;
  watcher.add(root);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onChange = (changed: string) => {
    const inside = relative(root, resolve(changed));
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      syncCorpus(context, options).catch((error: unknown) => {
        // A broken save must not stop the dev server: report it and wait for the next one.
        logger.error(error instanceof Error ? error.message : String(error));
      });
    }, settleMilliseconds);
  };
  watcher.on('change', onChange);
  watcher.on('add', onChange);
  watcher.on('unlink', onChange);
}
