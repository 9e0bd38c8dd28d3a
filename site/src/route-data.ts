/**
 * Starlight's route middleware: a page title that does not name the site twice, written as
 * text, and a corpus document's table of contents. The loader keeps each
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
  // Starlight writes each head entry's content as HTML, and a title is made of the corpus's
  // words (a tag, a category, a document's heading): `</title><script>` in a tag would end the
  // element and run. The title element reads character references back, so escaped it shows the same.
  route.head = route.head.map((entry) => (entry.tag === 'title' && entry.content !== undefined ? { ...entry, content: escapeTitle(entry.content) } : entry));
  const url = route.entry.data.corpus?.url;
  const headings = url === undefined ? undefined : await publishedHeadings(url);
  if (!headings) return;
  route.headings = headings;
  if (route.toc) route.toc = { ...route.toc, items: withHeadings(route.toc.items, headings, route.toc) };
});

function escapeTitle(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
