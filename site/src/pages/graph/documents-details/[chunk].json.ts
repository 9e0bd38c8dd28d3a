/** What the graph of documents shows on hover and opens on click, a chunk of documents per file, fetched as they are pointed at. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedDocuments } from '../../../lib/collection.js';
import { documentGraphDetails, type GraphDetails } from '@capsule-docs/export';

export const getStaticPaths = (async () =>
  documentGraphDetails(await publishedDocuments()).map((details, chunk) => ({ params: { chunk: String(chunk) }, props: { details } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify((props as { details: GraphDetails }).details), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
