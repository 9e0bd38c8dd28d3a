/** Tags and categories gathered from the published documents, for their index pages. */
import { compare, type PublishedDocument } from './collection.js';

export interface TagPage {
  name: string;
  segment: string;
  url: string;
  documents: PublishedDocument[];
}

export interface CategoryPage {
  name: string;
  segment: string;
  url: string;
  documents: { document: PublishedDocument; strength: number | undefined }[];
}

/** Every tag, sorted, with the documents that carry it in corpus order. */
export function tagIndex(documents: readonly PublishedDocument[]): TagPage[] {
  const tags = new Map<string, TagPage>();
  for (const document of documents) {
    // A tag written twice in one document lists the document once.
    for (const tag of new Map(document.corpus.tags.map((tag) => [tag.name, tag])).values()) {
      const page = tags.get(tag.name) ?? { ...tag, documents: [] };
      page.documents.push(document);
      tags.set(tag.name, page);
    }
  }
  return [...tags.values()].sort((a, b) => compare(a.name, b.name));
}

/** Every category, sorted, with its documents strongest first. */
export function categoryIndex(documents: readonly PublishedDocument[]): CategoryPage[] {
  const categories = new Map<string, CategoryPage>();
  for (const document of documents) {
    for (const category of document.corpus.categories) {
      const page = categories.get(category.name) ?? { name: category.name, segment: category.segment, url: category.url, documents: [] };
      page.documents.push({ document, strength: category.strength });
      categories.set(category.name, page);
    }
  }
  for (const page of categories.values()) page.documents.sort((a, b) => (b.strength ?? -1) - (a.strength ?? -1));
  return [...categories.values()].sort((a, b) => compare(a.name, b.name));
}
