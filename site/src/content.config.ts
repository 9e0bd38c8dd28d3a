import { defineCollection, z } from 'astro:content';
import { docsSchema } from '@astrojs/starlight/schema';
import { homeDocument, listingPageSize } from './corpus-settings.js';
import { publishedCorpus, publishedTitle } from './lib/published-corpus.js';
import { pageDataSchema } from './lib/schema.js';
import { capsulesLoader } from './loaders/capsules.js';

export const collections = {
  docs: defineCollection({
    loader: capsulesLoader({ corpus: publishedCorpus(), home: homeDocument(), title: publishedTitle(), listingPageSize: listingPageSize() }),
    // Optional because Starlight checks the frontmatter of the site's own pages against this schema too.
    schema: docsSchema({ extend: z.object({ corpus: pageDataSchema.optional() }) }),
  }),
};
