/**
 * Where each thing of the corpus lives on the site: decided by the export package, so that
 * the site's pages and the links of every export (llms.txt among them) always agree.
 */
export { reservedSegments, siteUrls, slugify, type SiteUrls } from '@capsule-docs/export';
