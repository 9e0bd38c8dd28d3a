import starlight from '@astrojs/starlight';
import { ConfigError, documentSelection } from '@capsule-docs/graph';
import { defineConfig, passthroughImageService } from 'astro/config';
import { AstroError } from 'astro/errors';
import { countDocuments, homeRedirects, listingPageSize, siteCorpus, siteDescription, siteTitle } from './src/corpus-settings.js';
import { collectGarbage } from './src/lib/collect-garbage.js';

/**
 * Starlight repeats the sidebar on every page; past this many documents listing them all
 * would outweigh each page's own content, so larger corpora link to the documents index.
 */
const sidebarDocumentLimit = 150;

const browse = {
  label: 'Browse',
  items: [
    { label: 'All documents', link: '/documents/' },
    { label: 'Capsules', link: '/capsules/' },
    { label: 'Graph', link: '/graph/' },
    { label: 'Checklists', link: '/checklists/' },
    { label: 'Tags', link: '/tags/' },
    { label: 'Categories', link: '/categories/' },
  ],
};

const { load: corpus, title } = publishedCorpus();
const root = corpus.root;
// The corpus's documents, as its configuration selects them, not every Markdown file under its root.
const listDocuments = countDocuments(root, documentSelection(corpus)) <= sidebarDocumentLimit;

export default defineConfig({
  // The published address (for absolute links in llms.txt, the sitemap and canonical links).
  site: process.env['CAPSULE_SITE_URL'] || undefined,
  redirects: homeRedirects(root),
  // No image in the corpus is transformed, so no image library (and no native build) is needed.
  image: { service: passthroughImageService() },
  vite: {
    // The workspace packages run as Node runs them (their built `dist`, worker threads and
    // all) instead of being bundled into the site's build.
    ssr: { external: ['@capsule-docs/export', '@capsule-docs/graph', 'remark-capsules'] },
    // The content loader and the endpoints (which run from the build's own folder) are told
    // which corpus to read, as the configuration names it.
    define: {
      'import.meta.env.CAPSULE_CORPUS': JSON.stringify(JSON.stringify(corpus)),
      'import.meta.env.CAPSULE_SITE_TITLE': JSON.stringify(title),
    },
  },
  integrations: [
    {
      // The server code is built and the bundler's work let go: collect before the client build
      // and the pages (see collectGarbage).
      name: 'capsule-docs:collect-after-server-build',
      hooks: {
        'astro:build:setup': async ({ target }) => {
          if (target === 'client') await collectGarbage();
        },
      },
    },
    starlight({
      title,
      description: siteDescription,
      customCss: ['./src/styles/site.css'],
      components: { PageTitle: './src/components/PageTitle.astro', MarkdownContent: './src/components/MarkdownContent.astro' },
      routeMiddleware: './src/route-data.ts',
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
      sidebar: [
        { label: 'Home', link: '/' },
        ...(listDocuments ? [{ label: 'Documents', autogenerate: { directory: 'documents' } }] : []),
        browse,
      ],
    }),
  ],
});

/**
 * The corpus to publish; a configuration that cannot be used stops the build with its places
 * and what to do, and so does a listing page size that is not a number.
 */
function publishedCorpus() {
  try {
    listingPageSize();
    const { load, title } = siteCorpus();
    return { load, title: siteTitle(load.root, title) };
  } catch (error) {
    if (error instanceof ConfigError) throw new AstroError(error.message, error.hint);
    throw error;
  }
}
