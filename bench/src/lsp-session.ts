/**
 * Drives `capsule lsp --stdio` on a generated corpus as an editor would, and prints what it
 * measured as one JSON line. Run by `pnpm bench`, one process per session:
 *
 *   node bench/dist/lsp-session.js <capsule.js> <corpus> <documents> [--edits N] [--latency-edits N]
 *
 * - `startupSeconds`: from spawning the server to the first diagnostics it publishes.
 * - `latencySeconds`: for each of `--latency-edits` edits of one open document that break or
 *   mend a SeeAlso, the time from the didChange notification to that document's diagnostics.
 * - `rssBytes` / `peakRssBytes`: the server's resident memory (Linux `/proc`) after
 *   `--edits` edits spread over the corpus (documents opened, edited and closed in turn,
 *   each burst waited for as the debounce lets through).
 *
 * The JSON-RPC framing is written out here (a header and a body per message), so the
 * benchmark needs no client library.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { documentPath } from './generate.js';

interface Message {
  id?: number;
  method?: string;
  params?: { uri?: string; diagnostics?: unknown[] };
  result?: unknown;
  error?: { message: string };
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { edits: { type: 'string', default: '0' }, 'latency-edits': { type: 'string', default: '0' } },
});
const [capsuleBin, corpus, documentCount] = positionals as [string, string, string];
const documents = Number(documentCount);
const edits = Number(values.edits);
const latencyEdits = Number(values['latency-edits']);

const started = process.hrtime.bigint();
const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const server = spawn(process.execPath, [capsuleBin, 'lsp', '--stdio'], { cwd: corpus, stdio: ['pipe', 'pipe', 'inherit'] });

let buffer = Buffer.alloc(0);
let nextId = 1;
const pending = new Map<number, (message: Message) => void>();
let diagnosticsWaiters: { uri: string | undefined; resolve: () => void }[] = [];

server.stdout.on('data', (chunk: Buffer) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd === -1) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
    if (buffer.length < headerEnd + 4 + length) return;
    const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message;
    buffer = buffer.subarray(headerEnd + 4 + length);
    received(message);
  }
});

function received(message: Message): void {
  if (message.id !== undefined && message.method === undefined) {
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  } else if (message.id !== undefined) {
    // A request from the server (capability registration, configuration): an empty answer.
    send({ jsonrpc: '2.0', id: message.id, result: null });
  } else if (message.method === 'textDocument/publishDiagnostics') {
    const uri = message.params?.uri;
    const waiting = diagnosticsWaiters;
    diagnosticsWaiters = [];
    for (const waiter of waiting) {
      if (waiter.uri === undefined || waiter.uri === uri) waiter.resolve();
      else diagnosticsWaiters.push(waiter);
    }
  }
}

function send(message: object): void {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  server.stdin.write(body);
}

function request(method: string, params: object): Promise<Message> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    send({ jsonrpc: '2.0', id, method, params });
  });
}

function notify(method: string, params: object): void {
  send({ jsonrpc: '2.0', method, params });
}

/** Resolves on the next diagnostics for `uri` (any document when undefined). */
function diagnosticsFor(uri?: string): Promise<void> {
  return new Promise((resolve) => diagnosticsWaiters.push({ uri, resolve }));
}

/** The server's resident memory now and at its peak, from /proc (Linux), else undefined. */
function serverMemory(): { rssBytes: number; peakRssBytes: number } | undefined {
  try {
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
    return { rssBytes: kib('VmRSS'), peakRssBytes: kib('VmHWM') };
  } catch {
    return undefined;
  }
}

const uriOf = (path: string) => pathToFileURL(join(corpus, path)).href;
const textOf = (path: string) => readFileSync(join(corpus, path), 'utf8');

/** The text with its first SeeAlso pointing at a capsule nobody defined: a finding appears. */
function broken(text: string, edit: number): string {
  return text.replace('- SeeAlso: ', `- SeeAlso: NoSuchCapsule${edit}, `);
}

async function main(): Promise<void> {
  const firstDiagnostics = diagnosticsFor();
  await request('initialize', { processId: process.pid, rootUri: pathToFileURL(corpus).href, capabilities: {}, workspaceFolders: null });
  notify('initialized', {});
  await firstDiagnostics;
  const startupSeconds = seconds(started);

  const latencySeconds: number[] = [];
  if (latencyEdits > 0) {
    const path = documentPath(0);
    const uri = uriOf(path);
    const original = textOf(path);
    notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: original } });
    for (let edit = 1; edit <= latencyEdits; edit++) {
      const published = diagnosticsFor(uri);
      const sent = process.hrtime.bigint();
      notify('textDocument/didChange', { textDocument: { uri, version: edit + 1 }, contentChanges: [{ text: edit % 2 === 1 ? broken(original, edit) : original }] });
      await published;
      latencySeconds.push(seconds(sent));
    }
    notify('textDocument/didClose', { textDocument: { uri } });
  }

  if (edits > 0) {
    // Bursts of edits to one document, as typing does, then the diagnostics the debounce lets
    // through; the session moves on to another document every burst, closing the last one.
    // Even, so that every burst ends on a new finding and its diagnostics are published.
    const burst = 20;
    let version = 1;
    for (let done = 0, round = 0; done < edits; round++) {
      const path = documentPath((round * 7919) % documents);
      const uri = uriOf(path);
      const original = textOf(path);
      notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: version++, text: original } });
      const published = diagnosticsFor(uri);
      for (let step = 0; step < burst && done < edits; step++, done++) {
        notify('textDocument/didChange', { textDocument: { uri, version: version++ }, contentChanges: [{ text: step % 2 === 1 ? broken(original, done) : `${original}\nEdit ${done}.\n` }] });
      }
      await published;
      notify('textDocument/didClose', { textDocument: { uri } });
    }
    // Let the last closes settle before reading the memory.
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  const memory = serverMemory();
  process.stdout.write(`${JSON.stringify({ startupSeconds, latencySeconds, edits, ...memory })}\n`);
  await request('shutdown', {});
  notify('exit', {});
}

server.on('exit', (code) => {
  if (code !== 0 && code !== null) {
    process.stderr.write(`capsule lsp exited with ${code}\n`);
    process.exitCode = 1;
  }
});
main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  server.kill();
  process.exitCode = 1;
});
