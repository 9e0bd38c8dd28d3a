/**
 * The graph data of a generated corpus of many documents (see bench/src/graph-page-data.ts).
 * Building a whole site of 10,000 documents takes longer than a test may, so the browser tests
 * serve these files in place of the built site's own `/graph.json` and `/graph-details/`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from '../../../bench/src/generate.js';
import { corpusGraphFiles, type GraphFiles } from '../../../bench/src/graph-page-data.js';

export async function generatedGraphFiles(docs: number): Promise<GraphFiles> {
  const folder = await mkdtemp(join(tmpdir(), 'capsule-large-graph-'));
  try {
    writeCorpus(folder, { docs, seed: 1 });
    return await corpusGraphFiles(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
