/** /llms.txt: the corpus as the export package writes it, linking to this site's pages. */
import type { APIRoute } from 'astro';
import { llmsTxt } from '../lib/exports.js';
import { publishedTitle } from '../lib/published-corpus.js';

export const GET: APIRoute = async ({ site }) =>
  new Response(await llmsTxt({ title: publishedTitle(), base: import.meta.env.BASE_URL, site }), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
