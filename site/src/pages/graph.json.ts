/** What the graph view draws, fetched by the page's script rather than inlined into it. */
import type { APIRoute } from 'astro';
import { graphedCapsules } from '../lib/collection.js';
import { graphData } from '@capsule-docs/export';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(graphData(await graphedCapsules())), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
