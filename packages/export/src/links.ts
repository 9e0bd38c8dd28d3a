/**
 * Where a document or capsule is found. Relative links point at the Markdown files
 * themselves, from the folder the export is read in; with a base URL they point at the
 * published site, at the addresses it gives (`site-urls.ts`): a capsule at
 * `/capsules/<name>/`, a document at `/<path without .md>/`.
 */
import { posix } from 'node:path';
import type { CapsuleNode, KnowledgeGraph } from '@capsule-docs/graph';
import { publishedDocuments } from './knowledge.js';
import { ExportError } from './errors.js';
import { encodePath } from './markdown.js';
import { siteUrls } from './site-urls.js';

export interface Linker {
  document: (path: string) => string;
  capsule: (node: CapsuleNode) => string;
  /**
   * Any other file, by its corpus-relative path (`..` segments allowed); undefined under a
   * base URL for a file outside the corpus root, which the site cannot serve.
   */
  file: (path: string) => string | undefined;
}

/**
 * Build the link targets for a corpus, relative or under `baseUrl`; `home` is the document
 * the site shows at its root. Relative targets are written from the folder the export is read
 * in, which sees the corpus root at `rootFromOutput` (`content`, `../..`; the root itself by
 * default).
 */
export function createLinker(graph: KnowledgeGraph, baseUrl: string | undefined, home?: string, rootFromOutput = ''): Linker {
  if (baseUrl === undefined) {
    const relative = (path: string) => encodePath(posix.join(rootFromOutput, path));
    const slugsByDocument = new Map<string, Map<number, string>>();
    const slugOf = (node: CapsuleNode) => {
      let slugs = slugsByDocument.get(node.document);
      if (!slugs) {
        // A capsule's anchor is the slug of its heading, found by where the heading starts.
        slugs = new Map((graph.document(node.document)?.model.headings ?? []).map((heading) => [heading.position.start.offset, heading.slug]));
        slugsByDocument.set(node.document, slugs);
      }
      return slugs.get(node.capsule.headingPosition.start.offset);
    };
    return {
      document: relative,
      capsule: (node) => {
        const slug = slugOf(node);
        return slug ? `${relative(node.document)}#${encodeURIComponent(slug)}` : relative(node.document);
      },
      file: relative,
    };
  }
  const base = siteBase(baseUrl);
  // The addresses the site gives: the documents it publishes (those the reader could
  // parse), the capsule names, and the home document at the root.
  const published = publishedDocuments(graph);
  const urls = siteUrls({
    base: base.pathname,
    documents: published.map((document) => document.path),
    home: published.some((document) => document.path === home) ? home : undefined,
    capsules: graph.names(),
    tags: [],
    categories: [],
  });
  return {
    document: (path) => new URL(urls.document(path) ?? `${base.pathname}${encodePath(path.replace(/\.md$/i, ''))}/`, base).href,
    capsule: (node) => new URL(urls.capsule(node.name), base).href,
    file: (path) => (path === '..' || path.startsWith('../') ? undefined : new URL(encodePath(path), base).href),
  };
}

function siteBase(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ExportError(`The base URL \`${baseUrl}\` is not an absolute URL`, 'Give the site address, for example https://example.org/docs/.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ExportError(`The base URL \`${baseUrl}\` is not an http or https address`, 'Give the site address, for example https://example.org/docs/.');
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url;
}
