/**
 * A small pool of worker threads that parses files in parallel. Results are handed back
 * by index, so the caller assembles them in the same order as a single-threaded run.
 */
import { Worker } from 'node:worker_threads';
import type { AnalyzerSpec, FileSettings, ProcessedFileText } from './process-file.js';

export interface WorkItem {
  index: number;
  path: string;
  bytes: Uint8Array;
  /** The analysis of an earlier version of the file, for the analyzer to reuse what it can. */
  previous?: unknown;
}

export interface WorkResult {
  index: number;
  file: ProcessedFileText;
}

/** Files per message: large enough to amortise messaging, small enough to balance the load. */
export const batchSize = 8;
/**
 * Batches a worker holds at once: the one it works on and the next, so that it goes on while
 * the main thread takes in its results (or collects garbage) instead of waiting for more.
 */
const batchesHeld = 2;

// The worker runs from the built output, also when this module is loaded from its sources.
const workerUrl = new URL('../dist/parse-worker.js', import.meta.url);

/**
 * Process `items` on `threads` workers, calling `onResult` as each file completes. Rejects
 * when a worker fails; the caller then processes what is left on its own thread.
 */
export function processInWorkers(
  items: WorkItem[],
  threads: number,
  settings: FileSettings,
  analyzer: AnalyzerSpec | undefined,
  onResult: (result: WorkResult) => void,
): Promise<void> {
  const batches: WorkItem[][] = [];
  for (let start = 0; start < items.length; start += batchSize) batches.push(items.slice(start, start + batchSize));
  let pending = batches.length;
  const workers: Worker[] = [];
  // Functions cannot be sent to a worker, which imports the analyzer's module instead.
  const workerAnalyzer: AnalyzerSpec | undefined = analyzer && { module: analyzer.module, settings: analyzer.settings, key: analyzer.key };

  return new Promise<void>((resolve, reject) => {
    if (pending === 0) return resolve();
    const finish = (error?: unknown) => {
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const feed = (worker: Worker) => {
      const batch = batches.shift();
      if (batch) worker.postMessage(batch);
    };
    for (let count = 0; count < Math.min(threads, batches.length); count++) {
      // Workers run the built code with plain Node resolution, whatever flags the parent had
      // (a test runner may resolve packages to their TypeScript sources).
      const worker = new Worker(workerUrl, { workerData: { settings, analyzer: workerAnalyzer }, execArgv: [] });
      workers.push(worker);
      worker.on('message', (message: WorkResult[] | 'ready') => {
        if (message === 'ready') {
          for (let held = 0; held < batchesHeld; held++) feed(worker);
          return;
        }
        // The next batch goes out before these results are taken in, for the worker to find it waiting.
        feed(worker);
        for (const result of message) onResult(result);
        if (--pending === 0) finish();
      });
      worker.on('error', finish);
      worker.on('exit', (code) => {
        if (pending > 0) finish(new Error(`a parse worker stopped with exit code ${code}`));
      });
    }
  });
}
