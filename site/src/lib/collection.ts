/**
 * What the site's own pages read: every document's page data as the content loader made it
 * (shared with the pages, see `sharedPages`), in the shapes the pages list things by.
 */
import { loadGraph } from '@capsule-docs/graph';
import { homeDocument, listingPageSize } from '../corpus-settings.js';
import { compare } from './order.js';
import { publishedCorpus } from './published-corpus.js';
import type { CapsuleView, DocumentData } from './schema.js';
import { sharedPageAt, sharedPages } from './shared-corpus.js';
import { documentPages, type DocumentPage, type PageHeading } from './views.js';

export { compare };

export interface PublishedDocument {
  title: string;
  description: string | undefined;
  corpus: DocumentData;
}

export interface PublishedCapsule {
  capsule: CapsuleView;
  document: PublishedDocument;
}

let ownPages: Promise<DocumentPage[]> | undefined;

/** Every page the loader made; in a process where it did not run, made here from the same corpus. */
async function publishedPages(): Promise<DocumentPage[]> {
  const corpus = publishedCorpus();
  return (
    sharedPages(corpus.root) ??
    (await (ownPages ??= loadGraph({ ...corpus, summarize: 'with-contexts' }).then(({ graph }) =>
      documentPages(graph, { base: import.meta.env.BASE_URL, home: homeDocument(), listingPageSize: listingPageSize() }),
    )))
  );
}

/** The page at this address as the loader made it, body and headings included: both are kept out of the content store. */
async function publishedPageAt(url: string): Promise<DocumentPage | undefined> {
  return sharedPageAt(publishedCorpus().root, url) ?? (await publishedPages()).find((page) => page.corpus.url === url);
}

/** The rendered body of the page at this address (see `components/MarkdownContent.astro`). */
export async function publishedHtml(url: string): Promise<string | undefined> {
  return (await publishedPageAt(url))?.html;
}

/** The headings of the page at this address, for its table of contents (see `route-data.ts`). */
export async function publishedHeadings(url: string): Promise<PageHeading[] | undefined> {
  return (await publishedPageAt(url))?.headings;
}

/** Every published document (the generated index page aside), in corpus order. */
export async function publishedDocuments(): Promise<PublishedDocument[]> {
  const pages = await publishedPages();
  return pages
    .filter((page) => page.corpus.path !== undefined)
    .map((page) => ({ title: page.title, description: page.description, corpus: page.corpus }))
    .sort((a, b) => compare(a.corpus.path!, b.corpus.path!));
}

/**
 * Every capsule name once, sorted: the definition a bare name resolves to (a full capsule
 * before a stub copy in an agent file, a real one before a sample), else the first in
 * corpus order. The other definitions of the name are listed on its page.
 */
export async function publishedCapsules(): Promise<PublishedCapsule[]> {
  const byName = new Map<string, PublishedCapsule>();
  for (const document of await publishedDocuments()) {
    for (const capsule of document.corpus.capsules) {
      if (!byName.has(capsule.name) || (capsule.primary && !byName.get(capsule.name)!.capsule.primary)) byName.set(capsule.name, { capsule, document });
    }
  }
  return [...byName.values()].sort((a, b) => compare(a.capsule.name, b.capsule.name));
}

/**
 * The capsules the graph view draws: the published ones less the samples of the format, whose
 * SeeAlso illustrates a writing guide rather than linking the corpus's knowledge.
 */
export async function graphedCapsules(): Promise<PublishedCapsule[]> {
  return (await publishedCapsules()).filter(({ capsule }) => !capsule.sample);
}
