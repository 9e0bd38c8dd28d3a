/** What the graph of documents draws, fetched by the page's script rather than inlined into it. */
import type { APIRoute } from 'astro';
import { publishedDocuments } from '../../lib/collection.js';
import { documentGraphData } from '@capsule-docs/export';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(documentGraphData(await publishedDocuments())), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
