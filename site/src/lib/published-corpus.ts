/**
 * The corpus this build publishes, as the Astro config resolved it from the configuration
 * (see `siteCorpus`). It arrives through the build's constants rather than by resolving
 * again, because the endpoints run from the build's own folder, where the configuration
 * would be looked for in the wrong place.
 */
import type { LoadOptions } from '@capsule-docs/graph';

export function publishedCorpus(): LoadOptions {
  return JSON.parse(import.meta.env['CAPSULE_CORPUS'] as string) as LoadOptions;
}

/** The site's title, as the Astro config chose it (see `siteTitle`). */
export function publishedTitle(): string {
  return import.meta.env['CAPSULE_SITE_TITLE'] as string;
}
