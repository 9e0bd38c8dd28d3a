import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGraph, reloadDocuments, type LoadOptions } from './corpus.js';
import { graphToJson } from './formats.js';
import { capsuleText } from './testing.js';

function corpus(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'capsule-reload-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** What a load makes, down to every document's tree and findings. */
const shape = ({ corpus, graph }: Awaited<ReturnType<typeof loadGraph>>) => ({
  graph: graphToJson(graph),
  documents: corpus.documents.map((document) => ({ ...document, messages: document.messages.map(String) })),
});

describe('reloadDocuments', () => {
  it('gives what a fresh load gives after files changed in place, reading only those; a file grown past the limit is refused', async () => {
    const root = corpus({ 'a.md': capsuleText('Alpha', 'Beta'), 'b.md': capsuleText('Beta'), 'c.md': capsuleText('Gamma', 'Beta') });
    const options: LoadOptions = { root, keepTrees: true };
    const first = await loadGraph(options);
    // Beta is renamed: both references to it break.
    writeFileSync(join(root, 'b.md'), capsuleText('BetaRenamed'));
    const reloaded = await reloadDocuments(options, first.corpus, ['b.md']);
    // The documents that did not change are the very ones loaded before.
    expect(reloaded!.corpus.documents[0]).toBe(first.corpus.documents[0]);
    expect(reloaded?.corpus.stats).toEqual({ parsed: 1, cached: 0, threads: 0 });
    expect(shape(reloaded!)).toEqual(shape(await loadGraph(options)));
    expect(reloaded!.graph.edges.filter((edge) => edge.status !== 'resolved').map((edge) => edge.document)).toEqual(['a.md', 'c.md']);

    writeFileSync(join(root, 'c.md'), 'x'.repeat(5000));
    const limited = { ...options, limits: { maxFileBytes: 1000 } };
    const refused = await reloadDocuments(limited, (await loadGraph(options)).corpus, ['c.md']);
    expect(refused!.corpus.documents[2]!.messages.map((message) => message.ruleId)).toEqual(['file-too-large']);
    expect(shape(refused!)).toEqual(shape(await loadGraph(limited)));
  });

  it('refuses a link that leaves the root, as a load does', async () => {
    const outside = corpus({ 'secret.md': capsuleText('Secret') });
    const root = corpus({ 'a.md': capsuleText('Alpha') });
    const options: LoadOptions = { root };
    const first = await loadGraph(options);
    rmSync(join(root, 'a.md'));
    symlinkSync(join(outside, 'secret.md'), join(root, 'a.md'));
    const reloaded = await reloadDocuments(options, first.corpus, ['a.md']);
    expect(reloaded!.corpus.documents[0]!.messages.map((message) => message.ruleId)).toEqual(['outside-root']);
    expect(shape(reloaded!)).toEqual(shape(await loadGraph(options)));
  });

  it('leaves files that came or went to a fresh load', async () => {
    const root = corpus({ 'a.md': capsuleText('Alpha'), 'b.md': capsuleText('Beta') });
    const options: LoadOptions = { root };
    const { corpus: loaded } = await loadGraph(options);
    writeFileSync(join(root, 'new.md'), capsuleText('Fresh'));
    expect(await reloadDocuments(options, loaded, ['new.md'])).toBeUndefined();
    rmSync(join(root, 'b.md'));
    expect(await reloadDocuments(options, loaded, ['b.md'])).toBeUndefined();
    expect(await reloadDocuments({ ...options, summarize: true }, loaded, ['a.md'])).toBeUndefined();
  });
});
