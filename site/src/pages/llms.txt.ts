/**
 * /llms.txt: the corpus as the export package writes it (`capsule export --format llms-txt`),
 * with links to this site's pages. Without a configured site address the links are
 * root-relative, which resolve against wherever llms.txt itself is served.
 */
import { basename } from 'node:path';
import { describeCorpus, renderLlmsTxt } from '@capsule-docs/export';
import { loadGraph } from '@capsule-docs/graph';
import type { APIRoute } from 'astro';
import { siteTitle } from '../corpus-settings.js';

/** A stand-in origin for the export's absolute links, taken off again afterwards. */
const placeholderOrigin = 'https://site.invalid';

export const GET: APIRoute = async ({ site }) => {
  const root = import.meta.env.CAPSULE_CONTENT_ROOT as string;
  const { graph } = await loadGraph({ root });
  const info = describeCorpus(graph, { rootName: basename(root), title: siteTitle });
  const base = import.meta.env.BASE_URL;
  const baseUrl = new URL(base, site ?? placeholderOrigin).href;
  let text = renderLlmsTxt(graph, { ...info, baseUrl });
  if (!site) text = text.replaceAll(`](${placeholderOrigin}/`, '](/');
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
