/** A worker thread of the parse pool: processes batches of files sent by `pool.ts`. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadAnalyzer, processedFileText, processFile, type AnalyzerSpec, type FileSettings } from './process-file.js';
import type { WorkItem, WorkResult } from './pool.js';

const { settings, analyzer } = workerData as { settings: FileSettings; analyzer: AnalyzerSpec | undefined };
const analyze = analyzer ? { analyze: await loadAnalyzer(analyzer), settings: analyzer.settings } : undefined;

parentPort!.on('message', (batch: WorkItem[]) => {
  const results: WorkResult[] = batch.map((item) => ({ index: item.index, file: processedFileText(processFile(item.path, item.bytes, settings, analyze, item.previous)) }));
  parentPort!.postMessage(results);
});
parentPort!.postMessage('ready');
