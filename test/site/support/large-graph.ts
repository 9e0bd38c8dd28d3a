/**
 * The graph data of a generated corpus of many documents (see bench/src/graph-page-data.ts).
 * Building a whole site of 10,000 documents takes longer than a test may, so the browser tests
 * serve this file in place of the built site's own `/graph.json`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphData } from '@capsule-docs/export';
import { writeCorpus } from '../../../bench/src/generate.js';
import { corpusGraphData } from '../../../bench/src/graph-page-data.js';

export async function generatedGraphData(docs: number): Promise<GraphData> {
  const folder = await mkdtemp(join(tmpdir(), 'capsule-large-graph-'));
  try {
    writeCorpus(folder, { docs, seed: 1 });
    return await corpusGraphData(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
