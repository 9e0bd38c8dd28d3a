/** What the graph view shows on hover and opens on click, a chunk of capsules per file, fetched as they are pointed at. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { graphedCapsules } from '../../lib/collection.js';
import { graphDetails, type GraphDetails } from '@capsule-docs/export';

export const getStaticPaths = (async () =>
  graphDetails(await graphedCapsules()).map((details, chunk) => ({ params: { chunk: String(chunk) }, props: { details } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify((props as { details: GraphDetails }).details), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
