/**
 * Starlight's route middleware: a page title that does not name the site twice, and a corpus
 * document's table of contents. The loader keeps each
 * document's headings out of the content store, as it keeps its body (see
 * `components/MarkdownContent.astro`): a build bundles the whole store as one JavaScript module,
 * and at 10,000 documents the headings were most of it. They come from the pages the loader
 * shares instead, nested as Starlight nests them.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { publishedHeadings } from './lib/collection.js';
import { withHeadings } from './lib/toc.js';

export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  // Starlight titles a page "page | site"; the home document often names the site too.
  if (route.entry.data.title === route.siteTitle) {
    route.head = route.head.map((entry) => (entry.tag === 'title' ? { ...entry, content: route.siteTitle } : entry));
  }
  const url = route.entry.data.corpus?.url;
  const headings = url === undefined ? undefined : await publishedHeadings(url);
  if (!headings) return;
  route.headings = headings;
  if (route.toc) route.toc = { ...route.toc, items: withHeadings(route.toc.items, headings, route.toc) };
});
