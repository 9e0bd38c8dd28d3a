/**
 * What the site's own pages read: the `docs` collection the content loader filled, with the
 * corpus data it attached, in the shapes the pages list things by.
 */
import { getCollection } from 'astro:content';
import { compare } from './order.js';
import type { CapsuleView, DocumentData } from './schema.js';

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

/** Every published document (the generated index page aside), in corpus order. */
export async function publishedDocuments(): Promise<PublishedDocument[]> {
  const documents: PublishedDocument[] = [];
  for (const entry of await getCollection('docs')) {
    const { title, description, corpus } = entry.data;
    if (corpus?.path !== undefined) documents.push({ title, description, corpus });
  }
  return documents.sort((a, b) => compare(a.corpus.path!, b.corpus.path!));
}

/**
 * Every capsule name once, sorted: the first definition in corpus order, as the graph
 * resolves a bare name. Later definitions of the same name are listed on its page.
 */
export async function publishedCapsules(): Promise<PublishedCapsule[]> {
  const byName = new Map<string, PublishedCapsule>();
  for (const document of await publishedDocuments()) {
    for (const capsule of document.corpus.capsules) {
      if (!byName.has(capsule.name)) byName.set(capsule.name, { capsule, document });
    }
  }
  return [...byName.values()].sort((a, b) => compare(a.capsule.name, b.capsule.name));
}
