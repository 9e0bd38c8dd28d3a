/**
 * `capsule mcp`: the server on standard input and output. Standard output carries only the
 * protocol; everything said to people goes to standard error.
 */
import type { LoadOptions } from '@capsule-docs/graph';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { knowledgeCapsules } from '../knowledge.js';
import { loadTokenCounter } from '../tokens.js';
import { LiveCorpus } from './live-corpus.js';
import { createCapsuleServer } from './server.js';

export interface StdioServeOptions {
  load: LoadOptions;
  encoding?: string;
  log: (message: string) => void;
}

/**
 * Serve until standard input closes. The server answers the client's `initialize` while the
 * corpus is first read (a large one, read without the cache, takes longer than clients wait
 * for an answer); requests that need the graph wait for it.
 */
export async function serveStdio(options: StdioServeOptions): Promise<void> {
  const counter = await loadTokenCounter(options.encoding);
  let notify = () => {};
  const opening = LiveCorpus.open({ load: options.load, log: options.log, onReload: () => notify() });
  // Awaited below; a failure meanwhile is not an unhandled rejection.
  opening.catch(() => undefined);
  const server = createCapsuleServer({ graph: async () => (await opening).graph, counter });
  notify = () => server.sendResourceListChanged();
  const transport = new StdioServerTransport();
  const send = transport.send.bind(transport);
  transport.send = (message: JSONRPCMessage) => send(withoutCodePrefix(message));
  const closed = new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.stdin.once('close', resolve);
    transport.onclose = () => resolve();
  });
  server.server.onerror = (error) => answerUnreadableLine(error, transport, options.log);
  await server.connect(transport);
  let live: LiveCorpus;
  try {
    live = await opening;
  } catch (error) {
    await server.close();
    throw error;
  }
  options.log(`capsule mcp: serving ${live.graph.documents.length} documents and ${knowledgeCapsules(live.graph).length} capsules from ${live.root}`);
  await closed;
  live.close();
  await server.close();
}

/**
 * The SDK drops a line that is no JSON-RPC message and says nothing; JSON-RPC asks for an error
 * with a null id (-32700 for text that is not JSON, -32600 for JSON that is no request), so a
 * client that wrote it learns why no answer comes. Anything else (a request line over the
 * transport's size limit, which closes it) is said on standard error.
 */
function answerUnreadableLine(error: Error, transport: StdioServerTransport, log: (message: string) => void): void {
  const unreadable =
    error instanceof SyntaxError
      ? { code: -32700, message: `Parse error: the line is not JSON (${error.message})` }
      : 'issues' in error
        ? { code: -32600, message: 'Invalid Request: the line is JSON but no JSON-RPC 2.0 request, notification or response' }
        : undefined;
  if (unreadable === undefined) {
    log(`capsule mcp: ${error.message}`);
    return;
  }
  // The SDK's message types give every error an id; the one for an unreadable line is null.
  void transport.send({ jsonrpc: '2.0', id: null, error: unreadable } as unknown as JSONRPCMessage);
}

/**
 * The SDK's own refusals (`McpError`: a resource URI no template matches, `file:///x` or
 * `capsule://`) hold `MCP error <code>: ` in their message, and its client prefixes that again
 * on arrival, so a user read `MCP error -32602: MCP error -32602: Resource … not found`. The
 * error goes out with its message alone, as the server's own refusals do.
 */
function withoutCodePrefix(message: JSONRPCMessage): JSONRPCMessage {
  if (!('error' in message) || typeof message.error?.message !== 'string') return message;
  const prefix = `MCP error ${message.error.code}: `;
  return message.error.message.startsWith(prefix) ? { ...message, error: { ...message.error, message: message.error.message.slice(prefix.length) } } : message;
}
