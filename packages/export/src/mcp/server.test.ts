import { KnowledgeGraph, readDocument } from '@capsule-docs/graph';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { ErrorCode, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenCounter } from '../tokens.js';
import { capsuleUri, createCapsuleServer, documentUri } from './server.js';

const text = (path: string, name: string) =>
  `---\ndescription: d\n---\n# ${name} notes\n\n### Capsule: ${name}\n\n**Invariant**\nKeep ${name} simple.\n\n## Verification Checklist\n\n- [ ] Kept simple (${name})\n`;

let graph = new KnowledgeGraph({ documents: [readDocument('my notes/a (draft).md', new TextEncoder().encode(text('my notes/a (draft).md', 'FirstRule')))] });
let client: Client;

beforeAll(async () => {
  const server = createCapsuleServer({ graph: () => graph, counter: await loadTokenCounter() });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  client = new Client({ name: 'test', version: '0.0.0' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
});

describe('the capsule MCP server', () => {
  it('names documents whose paths need escaping by URIs that read back', async () => {
    const uri = documentUri('my notes/a (draft).md');
    expect(uri).toBe('capsule-doc://my%20notes/a%20%28draft%29.md');
    expect((await client.listResources()).resources.map((resource) => resource.uri)).toEqual([capsuleUri('FirstRule'), uri]);
    const read = await client.readResource({ uri });
    expect((read.contents[0] as { text: string }).text).toContain('### Capsule: FirstRule');
  });

  it('lists resources in pages, each cursor leading to the next, and refuses a cursor it never gave', async () => {
    const encoder = new TextEncoder();
    const corpus = new KnowledgeGraph({
      documents: ['a.md', 'b.md', 'c.md', 'd.md', 'e.md'].map((path) => readDocument(path, encoder.encode(path === 'a.md' ? text(path, 'PagedRule') : `# ${path}\n`))),
    });
    const paged = createCapsuleServer({ graph: () => corpus, counter: await loadTokenCounter(), resourcesPerPage: 2 });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const reader = new Client({ name: 'test', version: '0.0.0' });
    await Promise.all([paged.connect(serverSide), reader.connect(clientSide)]);
    try {
      const pages: string[][] = [];
      let cursor: string | undefined;
      do {
        const page = await reader.listResources(cursor === undefined ? {} : { cursor });
        pages.push(page.resources.map((resource) => resource.name));
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      expect(pages).toEqual([['PagedRule', 'a.md'], ['b.md', 'c.md'], ['d.md', 'e.md']]);
      await expect(reader.listResources({ cursor: 'bogus' })).rejects.toMatchObject({ code: ErrorCode.InvalidParams, message: expect.stringContaining('Unknown cursor `bogus`') });
      // A cursor past a listing that shrank since it was given leads to an empty last page.
      expect(await reader.listResources({ cursor: '40' })).toEqual({ resources: [] });
    } finally {
      await reader.close();
    }
  });

  it("describes a document resource by its frontmatter's description, else as the template does", async () => {
    const before = graph;
    const encoder = new TextEncoder();
    graph = new KnowledgeGraph({
      documents: [
        readDocument('skills/review/SKILL.md', encoder.encode('---\nname: review\ndescription: Reviews a pull request against the house rules.\n---\n# Review\n')),
        readDocument('notes.md', encoder.encode('# Notes\n')),
      ],
    });
    try {
      const listed = (await client.listResources()).resources.map(({ name, description }) => [name, description]);
      expect(listed).toEqual([
        ['notes.md', 'A capsule document as written, frontmatter included.'],
        ['skills/review/SKILL.md', 'Reviews a pull request against the house rules.'],
      ]);
    } finally {
      graph = before;
    }
  });

  it('says a search over a corpus without capsules finds none whatever the words, and where its documents are', async () => {
    const before = graph;
    graph = new KnowledgeGraph({ documents: [readDocument('guide.md', new TextEncoder().encode('# Guide\n\nText.\n'))] });
    try {
      const result = (await client.callTool({ name: 'search_capsules', arguments: { query: 'guide' } })) as CallToolResult;
      expect(result.isError).toBeFalsy();
      expect((result.content[0] as { text: string }).text).toBe('The corpus has no capsules to search. Its document is a resource, read whole at `capsule-doc://<path>`.');
    } finally {
      graph = before;
    }
    const missed = (await client.callTool({ name: 'search_capsules', arguments: { query: 'nothing-like-this' } })) as CallToolResult;
    expect((missed.content[0] as { text: string }).text).toBe('No capsule matches.');
  });

  it('answers a checklist question without a document or capsule with a tool error', async () => {
    const result = (await client.callTool({ name: 'get_checklist', arguments: {} })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect((result.content[0] as { text: string }).text).toBe('Give a document path or a capsule name.');
  });

  it('answers a budget too small for the capsule with a tool error naming the smallest that fits', async () => {
    const refused = (await client.callTool({ name: 'get_capsule', arguments: { name: 'FirstRule', budget: 5 } })) as CallToolResult;
    expect(refused.isError).toBe(true);
    const message = (refused.content[0] as { text: string }).text;
    const minimum = Number(/the smallest budget that fits it is (\d+) tokens/.exec(message)?.[1]);
    expect(message).toMatch(/^A budget of 5 tokens is too small for `FirstRule` whole: /);
    const fitted = (await client.callTool({ name: 'get_capsule', arguments: { name: 'FirstRule', budget: minimum } })) as CallToolResult;
    expect(fitted.isError).toBeFalsy();
    expect((fitted.content[0] as { text: string }).text).toContain('Keep FirstRule simple.');
    const under = (await client.callTool({ name: 'get_capsule', arguments: { name: 'FirstRule', budget: minimum - 1 } })) as CallToolResult;
    expect(under.isError).toBe(true);
  });

  it('reads the graph it is given on every call', async () => {
    graph = new KnowledgeGraph({ documents: [readDocument('b.md', new TextEncoder().encode(text('b.md', 'SecondRule')))] });
    const result = await client.callTool({ name: 'search_capsules', arguments: {} });
    expect((result.structuredContent as { results: { name: string }[] }).results.map((hit) => hit.name)).toEqual(['SecondRule']);
  });

  it('offers no resource for a file the reader refused, which has no text to give', async () => {
    const binary = readDocument('logo.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    graph = new KnowledgeGraph({ documents: [binary, readDocument('b.md', new TextEncoder().encode(text('b.md', 'SecondRule')))] });
    expect((await client.listResources()).resources.map((resource) => resource.uri)).toEqual([capsuleUri('SecondRule'), documentUri('b.md')]);
  });

  it('refuses to read a file the reader refused, naming why, rather than giving an empty text', async () => {
    const binary = readDocument('logo.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    graph = new KnowledgeGraph({ documents: [binary] });
    await expect(client.readResource({ uri: documentUri('logo.md') })).rejects.toThrow(/-32602: The document `logo\.md` was not read: .*binary/i);
  });

  it('neither lists nor reads a file kept encrypted, saying it is encrypted', async () => {
    const sops = '{\n\t"data": "ENC[AES256_GCM,data:BXEi,type:str]",\n\t"sops": {\n\t\t"mac": "ENC[AES256_GCM,data:I0F3,type:str]",\n\t\t"version": "3.10.2"\n\t}\n}\n';
    const encrypted = readDocument('USERS.sops.md', new TextEncoder().encode(sops));
    graph = new KnowledgeGraph({ documents: [encrypted, readDocument('b.md', new TextEncoder().encode(text('b.md', 'SecondRule')))] });
    expect((await client.listResources()).resources.map((resource) => resource.uri)).toEqual([capsuleUri('SecondRule'), documentUri('b.md')]);
    await expect(client.readResource({ uri: documentUri('USERS.sops.md') })).rejects.toThrow(
      /-32602: The document `USERS\.sops\.md` was not read: it is encrypted \(SOPS\), and holds no text to read until it is decrypted$/,
    );
  });

  it('points the links of the capsules it gives from the corpus root, where its document paths are written', async () => {
    const deploy = '# Deploy\n\n### Capsule: SafeRollout\n\n**Invariant**: Roll out behind a flag; see [the runbook](../runbook.md#rollback) and [below](#notes).\n\n## Notes\n';
    graph = new KnowledgeGraph({
      documents: [readDocument('docs/ops/deploy.md', new TextEncoder().encode(deploy)), readDocument('docs/runbook.md', new TextEncoder().encode('# Runbook\n\n## Rollback\n'))],
    });
    const rebased = 'Roll out behind a flag; see [the runbook](docs/runbook.md#rollback) and [below](docs/ops/deploy.md#notes).';
    const found = await client.callTool({ name: 'search_capsules', arguments: { query: 'flag' } });
    expect((found.structuredContent as { results: { invariant: string; document: string }[] }).results).toMatchObject([{ invariant: rebased, document: 'docs/ops/deploy.md' }]);
    const got = (await client.callTool({ name: 'get_capsule', arguments: { name: 'SafeRollout' } })) as CallToolResult;
    expect(got.content[0]).toMatchObject({ type: 'text', text: expect.stringContaining(`**Invariant**: ${rebased}`) });
    // A resource is the capsule as written in its document.
    const read = await client.readResource({ uri: capsuleUri('SafeRollout') });
    expect(read.contents[0]).toMatchObject({ text: expect.stringContaining('[the runbook](../runbook.md#rollback)') });
  });

  it('gives checklist items as written, their links pointed from the corpus root, beside their plain text', async () => {
    const release = '# Release\n\n## Checklist\n\n- [ ] Run `pnpm test` and read [the guide](../CONTRIBUTING.md#tests)\n';
    graph = new KnowledgeGraph({ documents: [readDocument('docs/release.md', new TextEncoder().encode(release)), readDocument('CONTRIBUTING.md', new TextEncoder().encode('# Contributing\n\n## Tests\n'))] });
    const result = (await client.callTool({ name: 'get_checklist', arguments: { document: 'docs/release.md' } })) as CallToolResult;
    expect((result.structuredContent as { items: unknown[] }).items).toMatchObject([
      { text: 'Run pnpm test and read the guide', markdown: 'Run `pnpm test` and read [the guide](CONTRIBUTING.md#tests)' },
    ]);
    expect(result.content[0]).toMatchObject({ text: '- [ ] Run `pnpm test` and read [the guide](CONTRIBUTING.md#tests) (docs/release.md:5)' });
  });

  it('gives at most the limit of checklist items, saying how many more there are', async () => {
    const items = Array.from({ length: 120 }, (_, index) => `- [ ] Step ${index + 1} (SafeRollout)`).join('\n');
    const release = `# Release\n\n### Capsule: SafeRollout\n\n**Invariant**: Roll out behind a flag.\n\n## Checklist\n\n${items}\n`;
    graph = new KnowledgeGraph({ documents: [readDocument('docs/release.md', new TextEncoder().encode(release))] });
    const call = async (args: Record<string, unknown>) => (await client.callTool({ name: 'get_checklist', arguments: args })) as CallToolResult;
    const first = await call({ capsule: 'SafeRollout' });
    const structured = first.structuredContent as { items: { text: string }[]; left?: number };
    expect(structured.items).toHaveLength(100);
    expect(structured.left).toBe(20);
    expect((first.content[0] as { text: string }).text.split('\n').at(-1)).toBe('(20 more items not shown: name a document, or give a larger limit, at most 1000.)');
    const all = await call({ capsule: 'SafeRollout', limit: 120 });
    expect((all.structuredContent as { items: unknown[]; left?: number }).items).toHaveLength(120);
    expect((all.structuredContent as { left?: number }).left).toBeUndefined();
    expect((all.content[0] as { text: string }).text).not.toContain('more items');
    // A document named already, the way left is a larger limit.
    const ofDocument = await call({ document: 'docs/release.md', limit: 119 });
    expect((ofDocument.content[0] as { text: string }).text.split('\n').at(-1)).toBe('(1 more item not shown: give a larger limit, at most 1000.)');
    const refused = await call({ capsule: 'SafeRollout', limit: 0 });
    expect(refused.isError).toBe(true);
  });

  it('says why no checklist item came back: the document has no checklist, or no item cites the capsule', async () => {
    const release = '# Release\n\n## Checklist\n\n- [ ] Roll out behind a flag (SafeRollout)\n\n### Capsule: SafeRollout\n\n**Invariant**: Roll out behind a flag.\n\n### Capsule: QuietHours\n\n**Invariant**: Deploy in working hours.\n';
    graph = new KnowledgeGraph({ documents: [readDocument('docs/release.md', new TextEncoder().encode(release)), readDocument('docs/notes.md', new TextEncoder().encode('# Notes\n\nNo list here.\n'))] });
    const textOf = async (args: Record<string, string>) => ((await client.callTool({ name: 'get_checklist', arguments: args })) as CallToolResult).content[0];
    expect(await textOf({ document: 'docs/notes.md' })).toMatchObject({ text: '`docs/notes.md` has no checklist.' });
    expect(await textOf({ capsule: 'QuietHours' })).toMatchObject({ text: 'No checklist item cites `QuietHours`.' });
    expect(await textOf({ document: 'docs/release.md', capsule: 'QuietHours' })).toMatchObject({ text: "No item of `docs/release.md`'s checklist cites `QuietHours`." });
  });

  it('answers initialize while the graph is still being read, and the first requests once it is', async () => {
    let read: (graph: KnowledgeGraph) => void = () => {};
    const reading = new Promise<KnowledgeGraph>((resolve) => (read = resolve));
    const server = createCapsuleServer({ graph: () => reading, counter: await loadTokenCounter() });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const early = new Client({ name: 'early', version: '0.0.0' });
    // Connecting is the initialize handshake: it completes with no graph.
    await Promise.all([server.connect(serverSide), early.connect(clientSide)]);
    expect(early.getServerVersion()?.name).toBe('capsule-docs');
    let answered = false;
    const search = early.callTool({ name: 'search_capsules', arguments: {} }).then((result) => {
      answered = true;
      return result;
    });
    const resources = early.listResources();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    read(new KnowledgeGraph({ documents: [readDocument('b.md', new TextEncoder().encode(text('b.md', 'SecondRule')))] }));
    expect(((await search).structuredContent as { results: { name: string }[] }).results.map((hit) => hit.name)).toEqual(['SecondRule']);
    expect((await resources).resources.map((resource) => resource.uri)).toEqual([capsuleUri('SecondRule'), documentUri('b.md')]);
    await early.close();
  });

  it('answers a capsule address that is not valid percent-encoding as a name not found', async () => {
    await expect(client.readResource({ uri: 'capsule://%E0%A4%A' })).rejects.toThrow(/-32602: No capsule is named `%E0%A4%A`/);
  });
});
