/**
 * `capsule mcp` as a real process, driven by the SDK's own client over stdio: the way an
 * MCP client such as an editor or a desktop assistant starts and uses it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ResourceListChangedNotificationSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { loadTokenCounter } from '@capsule-docs/export';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/src/generate.js';
import { capsuleBin, copyOfFixtureCorpus, fixtureCorpus, repositoryRoot } from './helpers.js';

let corpus: string;
let client: Client;
let stderr = '';
/** Resolvers waiting for the server to say its resources changed (it re-read the corpus). */
let waiting: (() => void)[] = [];

beforeAll(async () => {
  corpus = copyOfFixtureCorpus();
  const transport = new StdioClientTransport({ command: process.execPath, args: [capsuleBin, 'mcp', corpus], cwd: repositoryRoot, stderr: 'pipe' });
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  client = new Client({ name: 'capsule-docs-test', version: '0.0.0' });
  client.setNotificationHandler(ResourceListChangedNotificationSchema, () => {
    const resolvers = waiting;
    waiting = [];
    for (const resolve of resolvers) resolve();
  });
  await client.connect(transport);
}, 60_000);

afterAll(async () => {
  await client?.close();
});

const text = (result: unknown) => ((result as CallToolResult).content[0] as { text: string }).text;

describe('capsule mcp', { timeout: 60_000 }, () => {
  it('lists its tools with input schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['get_capsule', 'get_checklist', 'search_capsules']);
    const search = tools.find((tool) => tool.name === 'search_capsules')!;
    expect(Object.keys(search.inputSchema.properties ?? {})).toEqual(['query', 'tag', 'category', 'limit']);
  });

  it('says that every tool only reads the corpus', async () => {
    const { tools } = await client.listTools();
    for (const tool of tools) expect(tool.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: false });
  });

  it('searches capsules, returning names, invariants and sources', async () => {
    const result = await client.callTool({ name: 'search_capsules', arguments: { query: 'rollback', tag: 'Operations' } });
    expect(result.isError).toBeFalsy();
    const { results } = result.structuredContent as { results: { name: string; invariant: string; document: string; line: number }[] };
    expect(results[0]).toEqual({ name: 'TriedRollback', invariant: 'Every change has a way back that was tried before it was needed.', document: 'ops/running.md', line: 26 });
    expect(text(result)).toContain('- TriedRollback: Every change has a way back that was tried before it was needed. (ops/running.md:26)');
  });

  it('gets a capsule with its neighbourhood, fitted to the budget', async () => {
    const counter = await loadTokenCounter();
    const full = text(await client.callTool({ name: 'get_capsule', arguments: { name: 'ProblemFirst', depth: 2 } }));
    expect(full.match(/^## Capsule: .+$/gm)).toEqual(['## Capsule: ProblemFirst', '## Capsule: ReadBeforeChange', '## Capsule: RiskNaming', '## Capsule: SmallSteps']);
    const fitted = text(await client.callTool({ name: 'get_capsule', arguments: { name: 'ProblemFirst', depth: 2, budget: 250 } }));
    expect(counter.count(fitted)).toBeLessThanOrEqual(250);
    expect(fitted).toContain('## Left out to fit the budget');
  });

  it('finds no sample of the format by search, and gives one asked for by name, marked as such', async () => {
    const searched = await client.callTool({ name: 'search_capsules', arguments: { query: 'queue owns' } });
    expect(text(searched)).toBe('No capsule matches.');
    const named = text(await client.callTool({ name: 'get_capsule', arguments: { name: 'QueueOwnership', depth: 0 } }));
    expect(named).toContain('Source: `writing.md`, line 14. It is a sample of the format, not a rule of this corpus.');
  });

  it('answers an unknown capsule with a tool error that suggests the nearest name', async () => {
    const result = await client.callTool({ name: 'get_capsule', arguments: { name: 'ProblemFrist' } });
    expect(result.isError).toBe(true);
    expect(text(result)).toBe('No capsule is named `ProblemFrist`. Did you mean `ProblemFirst`?');
  });

  it('gets checklist items with their citations', async () => {
    const result = await client.callTool({ name: 'get_checklist', arguments: { capsule: 'ProblemFirst' } });
    const { items } = result.structuredContent as { items: { text: string; document: string; cites: { name: string; document?: string }[] }[] };
    expect(items.map((item) => [item.document, item.text])).toEqual([
      ['ops/running.md', 'The rollback was tried (TriedRollback, ProblemFirst)'],
      ['planning.md', 'The problem is stated without a solution (ProblemFirst)'],
    ]);
    expect(items[0]!.cites.map((cite) => [cite.name, cite.document])).toEqual([
      ['TriedRollback', 'ops/running.md'],
      ['ProblemFirst', 'planning.md'],
    ]);
  });

  it('offers every capsule and document as a resource', async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((resource) => resource.uri);
    expect(uris).toContain('capsule://SmallSteps');
    expect(uris).toContain('capsule-doc://ops/running.md');
    // Every capsule but writing.md's sample of the format, and every document.
    expect(uris.filter((uri) => uri.startsWith('capsule://'))).toHaveLength(8);
    expect(uris).not.toContain('capsule://QueueOwnership');
    expect(uris.filter((uri) => uri.startsWith('capsule-doc://'))).toHaveLength(5);

    const capsuleResource = await client.readResource({ uri: 'capsule://SmallSteps' });
    const capsuleText = (capsuleResource.contents[0] as { text: string }).text;
    expect(capsuleText).toMatch(/^### Capsule: SmallSteps\n\n\*\*Invariant\*\*\nChange one thing at a time/);
    expect(capsuleText).not.toContain('TriedRollback\n\n**Invariant**');

    const documentResource = await client.readResource({ uri: 'capsule-doc://ops/running.md' });
    expect((documentResource.contents[0] as { text: string }).text).toBe(readFileSync(join(corpus, 'ops/running.md'), 'utf8'));
    const capsuleEntry = resources.find((resource) => resource.uri === 'capsule://SmallSteps');
    expect(capsuleEntry?.title).toBe('SmallSteps');
    const refused = await client.readResource({ uri: 'capsule://Nowhere' }).then(
      () => undefined,
      (error: Error) => error.message,
    );
    // Said once: the client adds its `MCP error <code>:` to what the server sent.
    expect(refused).toBe('MCP error -32602: No capsule is named `Nowhere`');
    // So is a URI no resource of the server has, which the SDK refuses for it.
    for (const uri of ['file:///etc/hosts', 'capsule://']) {
      const other = await client.readResource({ uri }).then(
        () => undefined,
        (error: Error) => error.message,
      );
      expect(other).toBe(`MCP error -32602: Resource ${uri} not found`);
    }
  });

  it('sees an edited file on the next call', async () => {
    const path = join(corpus, 'ops/running.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('Change one thing at a time and verify it before the next.', 'Change one thing at a time and measure it before the next.'));
    // Each reload announces itself; wait for the one that has read the edit.
    for (;;) {
      const changed = new Promise<void>((resolve) => waiting.push(resolve));
      const result = await client.callTool({ name: 'search_capsules', arguments: { query: 'measure' } });
      const { results } = result.structuredContent as { results: { name: string; invariant: string }[] };
      if (results.length > 0) {
        expect(results.map((hit) => [hit.name, hit.invariant])).toEqual([['SmallSteps', 'Change one thing at a time and measure it before the next.']]);
        break;
      }
      await changed;
    }
    expect(stderr).toMatch(/capsule mcp: reloaded 5 documents/);
  });

  it('keeps seeing edits after a file that is a symbolic link to itself appears', async () => {
    symlinkSync('looping.md', join(corpus, 'looping.md'));
    const path = join(corpus, 'ops/running.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('Change one thing at a time and measure it before the next.', 'Change one thing at a time and time it before the next.'));
    for (;;) {
      const changed = new Promise<void>((resolve) => waiting.push(resolve));
      const result = await client.callTool({ name: 'search_capsules', arguments: { query: 'time it' } });
      if ((result.structuredContent as { results: unknown[] }).results.length > 0) break;
      await changed;
    }
    expect(stderr).not.toMatch(/stopped watching/);
  });

  it('keeps standard output for the protocol and speaks to people on standard error', () => {
    expect(stderr).toMatch(/^capsule mcp: serving 5 documents and 8 capsules from /);
  });
});

describe('capsule mcp given lines that are no request', { timeout: 60_000 }, () => {
  it('answers each with the JSON-RPC error for it, null for its id, and goes on serving', () => {
    const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '0' } } };
    const input = ['not json', '{"a":1}', JSON.stringify(initialize), ''].join('\n');
    const result = spawnSync(process.execPath, [capsuleBin, 'mcp', fixtureCorpus], { input, encoding: 'utf8', cwd: repositoryRoot });
    const replies = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: unknown; error?: { code: number }; result?: unknown });
    expect(replies.map((reply) => [reply.id, reply.error?.code])).toEqual([
      [null, -32700],
      [null, -32600],
      [1, undefined],
    ]);
    expect(replies[2]?.result).toHaveProperty('serverInfo');
  });

  it('says on standard error why it stops when a line passes the size it reads', () => {
    const result = spawnSync(process.execPath, [capsuleBin, 'mcp', fixtureCorpus], { input: 'a'.repeat(11 * 1024 * 1024), encoding: 'utf8', cwd: repositoryRoot });
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^capsule mcp: .*maximum size/m);
  });
});

describe('capsule mcp on a large corpus', { timeout: 120_000 }, () => {
  it('answers initialize at once, before it has read the corpus, which a client would otherwise wait on past its time-out', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'capsule-mcp-large-'));
    writeCorpus(folder, { docs: 2_000, seed: 11 });
    const server = spawn(process.execPath, [capsuleBin, 'mcp', folder], { cwd: repositoryRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    let said = '';
    server.stderr.on('data', (chunk: Buffer) => (said += chunk.toString('utf8')));
    const firstLine = new Promise<string>((resolve) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
      });
    });
    const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '0' } } };
    server.stdin.write(`${JSON.stringify(initialize)}\n`);
    try {
      const reply = JSON.parse(await firstLine) as { id: number; result?: { serverInfo?: { name: string } } };
      expect(reply.result?.serverInfo?.name).toBe('capsule-docs');
      // The corpus is still being read: the server says so once it has read it.
      expect(said).not.toContain('capsule mcp: serving');
      await new Promise<void>((resolve) => {
        const check = () => (said.includes('capsule mcp: serving') ? resolve() : setTimeout(check, 100));
        check();
      });
      expect(said).toMatch(/capsule mcp: serving 2000 documents/);
    } finally {
      server.kill();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('capsule mcp and the parse cache', { timeout: 60_000 }, () => {
  it('keeps its parses in the cache a check keeps, so a server started again reads them instead of parsing', async () => {
    const folder = copyOfFixtureCorpus();
    // A folder without a package.json caches under the user cache folder, named by the folder.
    const cache = join(process.env['XDG_CACHE_HOME']!, 'capsule-docs', createHash('sha1').update(realpathSync(folder)).digest('hex').slice(0, 16));
    // The SDK hands a server only a few variables of its own environment unless told which.
    const env = { ...process.env } as Record<string, string>;
    const transport = new StdioClientTransport({ command: process.execPath, args: [capsuleBin, 'mcp'], cwd: folder, stderr: 'pipe', env });
    const own = new Client({ name: 'capsule-docs-test', version: '0.0.0' });
    await own.connect(transport);
    const { resources } = await own.listResources();
    await own.close();
    expect(resources.length).toBeGreaterThan(0);
    expect(readdirSync(cache).filter((name) => name.startsWith('parse-'))).toHaveLength(1);
  });
});
