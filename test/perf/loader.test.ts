import { mkdtempSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, loadGraph, graphToJson, scanCorpus, type Corpus } from '@capsule-docs/graph';
import { writeCorpus } from '../../bench/src/generate.js';

const analyzer = {
  module: new URL('./fixtures/capsule-count-analyzer.mjs', import.meta.url).href,
  settings: { label: 'count' },
  key: 'count-1',
};

function generated(docs: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'capsule-loader-'));
  writeCorpus(folder, { docs, seed: 7 });
  return folder;
}

const comparable = (corpus: Corpus) =>
  corpus.documents.map((document) => ({
    path: document.path,
    model: JSON.parse(JSON.stringify(document.model)),
    messages: document.messages.map((message) => [message.ruleId, message.line, message.column, message.reason]),
    analysis: document.analysis,
  }));

describe('parallel parsing', () => {
  const root = generated(16);

  it('is not used for a corpus of a hundred-odd documents, which one thread parses before workers would start', async () => {
    const corpus = await loadCorpus({ root: generated(120) });
    expect(corpus.documents).toHaveLength(120);
    expect(corpus.stats).toMatchObject({ parsed: 120, threads: 0 });
  });

  it('gives the same documents, findings and analyses as a single-threaded run', async () => {
    const single = await loadCorpus({ root, threads: 0, analyzer, summarize: true });
    const parallel = await loadCorpus({ root, threads: 2, analyzer, summarize: true });
    expect(single.stats.threads).toBe(0);
    expect(parallel.stats.threads).toBe(2);
    expect(comparable(parallel)).toEqual(comparable(single));
    expect(single.documents[0]?.analysis).toMatchObject({ label: 'count', capsules: expect.any(Number) });
  });

  it('builds the same graph either way', async () => {
    const single = await loadGraph({ root, threads: 0 });
    const parallel = await loadGraph({ root, threads: 2 });
    expect(graphToJson(parallel.graph)).toEqual(graphToJson(single.graph));
  });
});

describe('the parse cache', () => {
  it('skips parsing unchanged files, and reparses only the edited one', async () => {
    const root = generated(5);
    const cache = { dir: mkdtempSync(join(tmpdir(), 'capsule-cache-')) };
    const cold = await loadCorpus({ root, cache, analyzer });
    expect(cold.stats).toMatchObject({ parsed: 5, cached: 0 });

    const warm = await loadCorpus({ root, cache, analyzer });
    expect(warm.stats).toMatchObject({ parsed: 0, cached: 5 });
    expect(comparable(warm)).toEqual(comparable(cold));

    const edited = join(root, cold.documents[2]!.path);
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('### Capsule: ', '### Capsule: Edited'));
    const afterEdit = await loadCorpus({ root, cache, analyzer });
    expect(afterEdit.stats).toMatchObject({ parsed: 1, cached: 4 });
    expect(afterEdit.documents[2]!.model.capsules[0]!.name).toMatch(/^Edited/);
  });

  it('uses the cache the load names, whatever the scan before it was given', async () => {
    const root = generated(3);
    const cache = { dir: mkdtempSync(join(tmpdir(), 'capsule-cache-')) };
    await loadCorpus({ root, cache, summarize: true });
    const scannedWithout = await scanCorpus({ root });
    expect((await loadCorpus({ root, cache, summarize: true }, scannedWithout)).stats).toMatchObject({ parsed: 0, cached: 3 });
    const scannedWith = await scanCorpus({ root, cache });
    expect((await loadCorpus({ root, cache, summarize: true }, scannedWith)).stats).toMatchObject({ parsed: 0, cached: 3 });
  });

  it("hands the analyzer its analysis of a changed document's earlier version", async () => {
    const root = generated(3);
    const cache = { dir: mkdtempSync(join(tmpdir(), 'capsule-cache-')) };
    const cold = await loadCorpus({ root, cache, analyzer });
    expect(cold.documents.map((document) => (document.analysis as { previousCapsules?: number }).previousCapsules)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    const edited = join(root, cold.documents[1]!.path);
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nOne more line.\n`);
    const afterEdit = await loadCorpus({ root, cache, analyzer });
    expect(afterEdit.stats).toMatchObject({ parsed: 1, cached: 2 });
    expect(afterEdit.documents[1]!.analysis).toMatchObject({ previousCapsules: cold.documents[1]!.model.capsules.length });
  });

  it('keeps separate entries for different settings', async () => {
    const root = generated(3);
    const cache = { dir: mkdtempSync(join(tmpdir(), 'capsule-cache-')) };
    await loadCorpus({ root, cache, summarize: true });
    expect((await loadCorpus({ root, cache, summarize: false })).stats.parsed).toBe(3);
    expect((await loadCorpus({ root, cache, analyzer: { ...analyzer, key: 'count-2' } })).stats.parsed).toBe(3);
  });

  it('shares one parse between loads with and without an analyzer', async () => {
    const root = generated(3);
    const cache = { dir: mkdtempSync(join(tmpdir(), 'capsule-cache-')) };
    await loadCorpus({ root, cache, summarize: true, analyzer });
    const withoutAnalyzer = await loadCorpus({ root, cache, summarize: true });
    expect(withoutAnalyzer.stats).toMatchObject({ parsed: 0, cached: 3 });
    expect(withoutAnalyzer.documents[0]?.analysis).toBeUndefined();
    const withAnalyzer = await loadCorpus({ root, cache, summarize: true, analyzer });
    expect(withAnalyzer.stats).toMatchObject({ parsed: 0, cached: 3 });
    expect(withAnalyzer.documents[0]?.analysis).toMatchObject({ label: 'count' });
  });

  it.each([
    ['corrupt', () => '{"format": "capsule-docs-parse-cache", "entries": {'],
    ['foreign', () => JSON.stringify({ format: 'something-else', entries: {} })],
    ['tampered', (text: string) => text.replace(/"capsules":\[/g, '"capsules":7,"x":[')],
  ])('ignores and rebuilds a %s cache file', async (_, damage) => {
    const root = generated(3);
    const cache = { dir: mkdtempSync(join(tmpdir(), 'capsule-cache-')) };
    const cold = await loadCorpus({ root, cache });
    const files = readdirSync(cache.dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const entry of files) {
      const file = join(entry.parentPath ?? entry.path, entry.name);
      writeFileSync(file, damage(readFileSync(file, 'utf8')));
    }
    const recovered = await loadCorpus({ root, cache });
    expect(recovered.stats.parsed).toBe(3);
    expect(comparable(recovered)).toEqual(comparable(cold));
    expect((await loadCorpus({ root, cache })).stats.cached).toBe(3);
  });
});
