/**
 * `capsule mcp`: the server on standard input and output. Standard output carries only the
 * protocol; everything said to people goes to standard error.
 */
import type { LoadOptions } from '@capsule-docs/graph';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { knowledgeCapsules } from '../knowledge.js';
import { loadTokenCounter } from '../tokens.js';
import { LiveCorpus } from './live-corpus.js';
import { createCapsuleServer } from './server.js';

export interface StdioServeOptions {
  load: LoadOptions;
  encoding?: string;
  log: (message: string) => void;
}

/** Serve until standard input closes. */
export async function serveStdio(options: StdioServeOptions): Promise<void> {
  const counter = await loadTokenCounter(options.encoding);
  let notify = () => {};
  const live = await LiveCorpus.open({ load: options.load, log: options.log, onReload: () => notify() });
  const server = createCapsuleServer({ graph: () => live.graph, counter });
  notify = () => server.sendResourceListChanged();
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.stdin.once('close', resolve);
    transport.onclose = () => resolve();
  });
  await server.connect(transport);
  options.log(`capsule mcp: serving ${live.graph.documents.length} documents and ${knowledgeCapsules(live.graph).length} capsules from ${live.root}`);
  await closed;
  live.close();
  await server.close();
}
