/**
 * What the content loader made, handed to the pages that need more than one page's entry:
 * the export package's llms.txt and context bundles (see `corpus-exports.ts`) and every
 * document's page data (the capsule, checklist, tag, category, document and graph pages).
 * The corpus is parsed once per build, `astro dev` serves what was last loaded, and the
 * content store keeps only what a document's own page shows: Astro writes the whole store to
 * disk after every change in `astro dev`, so what it holds is paid for on every edit. The
 * loader and the pages are bundled separately, so they meet through a process-wide registry
 * rather than a module.
 */
import type { CorpusExports } from './corpus-exports.js';
import type { DocumentPage } from './views.js';

const registry = Symbol.for('@capsule-docs/site:corpus');

interface Shared {
  root: string;
  exports: CorpusExports;
  /** By the entry id the loader gave them. */
  pages: Map<string, DocumentPage>;
  /** By address, as Starlight gives its routes ids of its own (the home page's is ''). */
  pagesByUrl: Map<string, DocumentPage>;
}

type Global = typeof globalThis & { [registry]?: Shared };

/** Offer the exports of the corpus at `root` and its pages, in place of what was offered before. */
export function shareCorpus(root: string, exports: CorpusExports, pages: readonly DocumentPage[]): void {
  (globalThis as Global)[registry] = {
    root,
    exports,
    pages: new Map(pages.map((page) => [page.id, page])),
    pagesByUrl: new Map(pages.map((page) => [page.corpus.url, page])),
  };
}

/** After an edit: the new graph's exports, and the pages rendered again in place of their earlier versions. */
export function updateSharedCorpus(root: string, exports: CorpusExports, pages: readonly DocumentPage[]): void {
  const shared = (globalThis as Global)[registry];
  if (shared?.root !== root) return shareCorpus(root, exports, pages);
  shared.exports = exports;
  for (const page of pages) {
    shared.pages.set(page.id, page);
    shared.pagesByUrl.set(page.corpus.url, page);
  }
}

/** The exports last offered for `root`, if this process loaded the corpus. */
export function sharedExports(root: string): CorpusExports | undefined {
  const shared = (globalThis as Global)[registry];
  return shared?.root === root ? shared.exports : undefined;
}

/** The page at this address among those last offered for `root`; undefined if this process loaded none. */
export function sharedPageAt(root: string, url: string): DocumentPage | undefined {
  const shared = (globalThis as Global)[registry];
  return shared?.root === root ? shared.pagesByUrl.get(url) : undefined;
}

/** The pages last offered for `root`, if this process loaded them. */
export function sharedPages(root: string): DocumentPage[] | undefined {
  const shared = (globalThis as Global)[registry];
  return shared?.root === root ? [...shared.pages.values()] : undefined;
}
