/**
 * Links written as a site's addresses rather than as files.
 *
 * A GitHub wiki (a folder holding `_Sidebar.md` or `_Footer.md`, or a root holding `Home.md`,
 * as a wiki's clone does) links to a page by its name alone, `[x](Page-Name)`, whatever folder
 * holds `Page-Name.md`.
 *
 * A Docusaurus site (a folder holding `docusaurus.config.*`) serves the Markdown files of its
 * `docs/` folder at routes, and its docs link to each other by them (`/guides/setup`,
 * `setup`). A doc's route is its path there without the extension, each number prefix
 * (`01-intro`) and an `index` or `README` name dropped, or its frontmatter's `id` or `slug`.
 * The route base (`routeBasePath`, `/docs` unless the configuration says `/`) is not read: a
 * route is known both with and without `docs/` in front.
 */
import { posix } from 'node:path';
import type { CorpusDocument } from './document.js';

export interface SiteRoutes {
  /** The document a route-style link from `fromDocument` reaches, if it is a doc of the site holding that document. */
  resolve(fromDocument: string, target: string): string | undefined;
}

const configName = /(?:^|\/)docusaurus\.config\.(?:js|ts|mjs|cjs|mts|cts)$/;
const docExtension = /\.mdx?$/i;
/** Docusaurus's number prefix on a file or folder name: `01-`, `2_`, `3.`. */
const numberPrefix = /^\d+\s*[-_.]+\s*(?=[^-_.\s])/;

interface Site {
  folder: string;
  /** Route (lower case, no slashes at either end) to document path. */
  routes: Map<string, string>;
  /** Document path to its route. */
  routeOf: Map<string, string>;
}

/** A GitHub wiki's own pages, which mark a folder as one: its sidebar or footer, or a `Home.md` at the root (a wiki's clone). */
const wikiPage = /(?:^|\/)_(?:Sidebar|Footer)\.md$|^Home\.md$/;

/** The sites among `files`; undefined when there is none. */
export function siteRoutes(files: ReadonlySet<string>, documentAt: (path: string) => CorpusDocument | undefined): SiteRoutes | undefined {
  const folders = [...files].filter((file) => configName.test(file)).map((file) => posix.dirname(file).replace(/^\.$/, ''));
  const wikis = [...files].filter((file) => wikiPage.test(file)).map((file) => posix.dirname(file).replace(/^\.$/, ''));
  if (folders.length === 0 && wikis.length === 0) return undefined;
  const pages = wikis.length === 0 ? undefined : wikiPages(files, wikis);
  let sites: Site[] | undefined;
  const siteOf = (path: string) => {
    sites ??= folders.map((folder) => siteAt(folder, files, documentAt));
    return sites.find((site) => site.folder === '' || path.startsWith(`${site.folder}/`));
  };
  return {
    resolve(fromDocument, target) {
      // A wiki page links to another by its name alone (`[x](Page-Name)`), whatever folder holds it.
      const page = pages && !target.includes('/') ? pages(fromDocument, target) : undefined;
      if (page !== undefined) return page;
      if (folders.length === 0) return undefined;
      const site = siteOf(fromDocument);
      if (!site || /\.[A-Za-z0-9]+$/.test(target.replace(/\/$/, ''))) return undefined;
      const own = `/${site.routeOf.get(fromDocument) ?? ''}`;
      // A relative route is read from the page's address; an index page's may end in a slash.
      const candidates = target.startsWith('/') ? [target] : [posix.join(posix.dirname(own), target), posix.join(own, target)];
      for (const route of candidates) {
        const found = site.routes.get(trimSlashes(posix.normalize(route)).toLowerCase());
        if (found !== undefined) return found;
      }
      return undefined;
    },
  };
}

/** The page a wiki link names, from a document inside that wiki: by file name without `.md`, in any case. */
function wikiPages(files: ReadonlySet<string>, wikis: string[]): (fromDocument: string, name: string) => string | undefined {
  const byName = new Map<string, string>();
  for (const file of files) {
    if (!file.toLowerCase().endsWith('.md')) continue;
    const wiki = wikis.find((folder) => folder === '' || file.startsWith(`${folder}/`));
    const key = `${wiki}\u0000${posix.basename(file).slice(0, -3).toLowerCase()}`;
    if (wiki !== undefined && !byName.has(key)) byName.set(key, file);
  }
  return (fromDocument, name) => {
    const wiki = wikis.find((folder) => folder === '' || fromDocument.startsWith(`${folder}/`));
    return wiki === undefined ? undefined : byName.get(`${wiki}\u0000${name.toLowerCase()}`);
  };
}

function siteAt(folder: string, files: ReadonlySet<string>, documentAt: (path: string) => CorpusDocument | undefined): Site {
  const docs = folder === '' ? 'docs/' : `${folder}/docs/`;
  const site: Site = { folder, routes: new Map(), routeOf: new Map() };
  for (const file of files) {
    if (!file.startsWith(docs) || !docExtension.test(file)) continue;
    const route = routeOf(file.slice(docs.length), documentAt(file));
    site.routeOf.set(file, route);
    for (const key of [route, route === '' ? 'docs' : `docs/${route}`]) if (!site.routes.has(key.toLowerCase())) site.routes.set(key.toLowerCase(), file);
  }
  return site;
}

/** A doc's route, from its path under the docs folder and its frontmatter. */
function routeOf(inDocs: string, document: CorpusDocument | undefined): string {
  const data = document?.model.frontmatter?.data;
  const field = (key: string) => {
    const value = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const segments = inDocs.replace(docExtension, '').split('/').map((segment) => segment.replace(numberPrefix, ''));
  const name = segments.pop()!;
  const folder = segments.join('/');
  const slug = field('slug');
  if (slug !== undefined) return trimSlashes(slug.startsWith('/') ? slug : posix.join(folder, slug));
  const id = field('id') ?? name;
  return trimSlashes(/^(?:index|readme)$/i.test(id) ? folder : posix.join(folder, id));
}

function trimSlashes(route: string): string {
  return route.replace(/^\/+|\/+$/g, '').replace(/^\.$/, '');
}
