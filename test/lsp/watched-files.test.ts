/** `capsule lsp`: files changed on disk, told by the client or seen by the server's own watcher. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SymbolInformation } from 'vscode-languageserver-protocol';
import { documentWith, project } from '../cli/helpers.js';
import { LanguageClient } from './client.js';

function corpus(): string {
  return project({ 'ideas.md': documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['RiskReview'] }]) });
}

describe('capsule lsp watched files', () => {
  it('follows files the client reports created, changed and deleted; an open document keeps its unsaved text', async () => {
    const folder = corpus();
    const client = await LanguageClient.start(folder, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
    await client.diagnosticsOf('ideas.md', (list) => list.some((item) => item.code === 'see-also-resolves'));
    const notify = (path: string, type: 1 | 2 | 3) => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(path), type }] });

    writeFileSync(join(folder, 'risks.md'), documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]));
    await notify('risks.md', 1);
    await client.diagnosticsOf('ideas.md', (list) => list.length === 0);

    writeFileSync(join(folder, 'risks.md'), documentWith('Risks', [{ name: 'RiskAudit', seeAlso: ['IdeaCapture'] }]));
    await notify('risks.md', 2);
    await client.diagnosticsOf('ideas.md', (list) => list.some((item) => item.code === 'see-also-resolves'));

    // The editor's text wins over the file while the document is open.
    await client.open('risks.md', documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]));
    await client.diagnosticsOf('ideas.md', (list) => list.length === 0);
    writeFileSync(join(folder, 'risks.md'), documentWith('Risks', [{ name: 'RiskOther', seeAlso: ['IdeaCapture'] }]));
    await notify('risks.md', 2);
    // Let the server take the notice in; a later edit of the open document is checked against it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const edited = documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture', 'MissingOne'] }]);
    await client.change('risks.md', edited);
    await client.diagnosticsOf('risks.md', (list) => list.some((item) => item.message.includes('MissingOne')));
    expect(client.diagnostics.get(client.uri('ideas.md'))).toEqual([]);

    rmSync(join(folder, 'ideas.md'));
    await notify('ideas.md', 3);
    await client.diagnosticsOf('risks.md', (list) => list.some((item) => item.code === 'see-also-resolves' && item.message.includes('IdeaCapture')));
  });

  it('reads a changed file as capsule check does: a link to a file outside the corpus is reported, not read', async () => {
    const folder = project({
      'ideas.md': documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['RiskReview'] }]),
      'risks.md': documentWith('Risks', [{ name: 'RiskAudit', seeAlso: ['IdeaCapture'] }]),
    });
    const outside = mkdtempSync(join(tmpdir(), 'capsule-lsp-outside-'));
    writeFileSync(join(outside, 'risks.md'), documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]));
    const client = await LanguageClient.start(folder, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
    await client.diagnosticsOf('ideas.md', (list) => list.some((item) => item.code === 'see-also-resolves'));
    rmSync(join(folder, 'risks.md'));
    symlinkSync(join(outside, 'risks.md'), join(folder, 'risks.md'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('risks.md'), type: 2 }] });
    await client.diagnosticsOf('risks.md', (list) => list.some((item) => item.message.includes('outside the corpus root')));
    // The capsule behind the link was not read, so the reference still leads nowhere.
    expect(client.diagnostics.get(client.uri('ideas.md'))?.some((item) => item.code === 'see-also-resolves')).toBe(true);
    rmSync(outside, { recursive: true, force: true });
  });

  it('watches the folder itself when the client offers no watcher', async () => {
    const folder = corpus();
    const client = await LanguageClient.start(folder);
    await client.diagnosticsOf('ideas.md', (list) => list.some((item) => item.code === 'see-also-resolves'));
    writeFileSync(join(folder, 'risks.md'), documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]));
    await client.diagnosticsOf('ideas.md', (list) => list.length === 0);
  });

  // `initialize` lists the corpus and the load reads that listing; the watch begins later, after
  // `initialized` (and on a large corpus after the stored findings have gone out). A file
  // created in between (a branch checked out while the editor starts) is seen all the same.
  for (const [who, capabilities] of [['the server', {}], ['the client', { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }]] as const) {
    it(`sees a file created between the listing and the start of the watch by ${who}`, async () => {
      const folder = corpus();
      const client = LanguageClient.spawn(folder);
      await client.connection.sendRequest('initialize', { processId: process.pid, rootUri: client.uri(''), capabilities });
      writeFileSync(join(folder, 'risks.md'), documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]));
      await client.connection.sendNotification('initialized', {});
      // The server may read the corpus again before it first publishes anything, and a file
      // with no findings is then never published: ask the graph for the new capsule, and
      // wait for ideas.md to have no finding left, published or not.
      await client.eventually(async () => {
        const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'RiskReview' });
        const ideas = client.diagnostics.get(client.uri('ideas.md')) ?? [];
        return symbols.some((symbol) => symbol.name === 'RiskReview') && ideas.length === 0 ? true : null;
      }, 20_000);
    });
  }

  it('ends when its client goes away without a word, though it watches the folder itself', async () => {
    const folder = corpus();
    const client = await LanguageClient.start(folder);
    await client.diagnosticsOf('ideas.md', (list) => list.some((item) => item.code === 'see-also-resolves'));
    client.abandon();
    expect(await client.exitsWithin(10_000)).toBe(true);
  });

  it('sees a document written into a folder created after it started, without a watcher from the client', async () => {
    const folder = corpus();
    const client = await LanguageClient.start(folder);
    await client.diagnosticsOf('ideas.md', (list) => list.some((item) => item.code === 'see-also-resolves'));
    mkdirSync(join(folder, 'notes/reviews'), { recursive: true });
    writeFileSync(join(folder, 'notes/reviews/risks.md'), documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]));
    await client.diagnosticsOf('ideas.md', (list) => list.length === 0);
  });

  it('sees a document deleted on disk, without a watcher from the client', async () => {
    const folder = project({
      'ideas.md': documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['RiskReview'] }]),
      'guides/risks.md': documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]),
      'notes/index.md': '# Index\n\n[Risks](../guides/risks.md) and [plans](plans.md)\n',
    });
    const client = await LanguageClient.start(folder);
    await client.diagnosticsOf('notes/index.md', (list) => list.some((item) => item.message.includes('plans.md')));
    // A file created first: the watch is on, and the corpus was read again once since.
    writeFileSync(join(folder, 'notes/plans.md'), '# Plans\n');
    await client.diagnosticsOf('notes/index.md', (list) => list.length === 0);
    rmSync(join(folder, 'guides/risks.md'));
    const after = await client.diagnosticsOf('notes/index.md', (list) => list.some((item) => item.message.includes('risks.md')));
    expect(after.map((item) => item.code)).toEqual(['link-resolves']);
    await client.diagnosticsOf('ideas.md', (list) => list.some((item) => item.code === 'see-also-resolves'));
  });

  it('ignores the writes of a parse cache kept under the root, so reading the corpus does not start another read', async () => {
    const folder = project({
      'capsule.config.json': JSON.stringify({ cacheDir: 'parse-cache' }),
      'ideas.md': documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['RiskReview'] }]),
    });
    const client = await LanguageClient.start(folder);
    await client.diagnosticsOf('ideas.md', (list) => list.some((item) => item.code === 'see-also-resolves'));
    writeFileSync(join(folder, 'risks.md'), documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]));
    await client.diagnosticsOf('ideas.md', (list) => list.length === 0);
    // One new file, one read; a read that followed the cache's own writes would be a second.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(client.log.filter((line) => line.startsWith('capsule: read the corpus again'))).toHaveLength(1);
  });
});
