/** The parse pool keeps each worker supplied and hands every file back once. */
import { describe, expect, it } from 'vitest';
import { processedFileOf } from './process-file.js';
import { batchSize, processInWorkers, type WorkItem, type WorkResult } from './pool.js';

const analyzerUrl = new URL('./__fixtures__/pool/counting-analyzer.js', import.meta.url).href;
const settings = { limits: {}, summarize: false as const };

function itemsOf(count: number): WorkItem[] {
  return Array.from({ length: count }, (_, index) => ({ index, path: `doc-${index}.md`, bytes: new TextEncoder().encode(`# Doc ${index}\n`) }));
}

describe('processInWorkers', () => {
  it('keeps the next batch with each worker, which goes on while the main thread is busy', async () => {
    const shared = new Int32Array(new SharedArrayBuffer(8));
    const analyzer = { module: analyzerUrl, settings: { shared: shared.buffer }, key: 'count' };
    const done = processInWorkers(itemsOf(3 * batchSize), 1, settings, analyzer, () => {});
    // The worker holds its first document until slot 1 is set; then this thread stops taking
    // messages and watches whether the worker goes past its first batch, which it can only
    // with the next batch already in hand.
    while (Atomics.load(shared, 0) === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    Atomics.store(shared, 1, 1);
    Atomics.notify(shared, 1);
    const deadline = Date.now() + 10_000;
    while (Atomics.load(shared, 0) <= batchSize && Date.now() < deadline) Atomics.wait(shared, 0, Atomics.load(shared, 0), 50);
    const reached = Atomics.load(shared, 0);
    await done;
    expect(reached).toBeGreaterThan(batchSize);
  });

  it('hands back every file once, whatever the number of workers', async () => {
    for (const threads of [1, 2, 3]) {
      const results: WorkResult[] = [];
      await processInWorkers(itemsOf(5 * batchSize + 3), threads, settings, undefined, (result) => results.push(result));
      expect(results.map((result) => result.index).sort((a, b) => a - b)).toEqual(itemsOf(5 * batchSize + 3).map((item) => item.index));
      expect(processedFileOf(results.find((result) => result.index === 7)!.file).model.title?.text).toBe('Doc 7');
    }
  });
});
