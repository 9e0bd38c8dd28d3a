import starlight from '@astrojs/starlight';
import { defineConfig, passthroughImageService } from 'astro/config';
import { contentRoot, countDocuments, homeRedirects, siteDescription, siteTitle } from './src/corpus-settings.js';

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

const root = contentRoot();
const listDocuments = countDocuments(root) <= sidebarDocumentLimit;

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
    // Endpoints run from the build's own folder, so they are told where the content is.
    define: { 'import.meta.env.CAPSULE_CONTENT_ROOT': JSON.stringify(root) },
  },
  integrations: [
    starlight({
      title: siteTitle,
      description: siteDescription,
      customCss: ['./src/styles/site.css'],
      components: { PageTitle: './src/components/PageTitle.astro' },
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
      sidebar: [
        { label: 'Home', link: '/' },
        ...(listDocuments ? [{ label: 'Documents', autogenerate: { directory: 'documents' } }] : []),
        browse,
      ],
    }),
  ],
});
