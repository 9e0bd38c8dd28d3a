/**
 * The store: everything the tools keep between runs, in one cache folder. Each kind of
 * record has its module (the parse cache, the corpus index, replayed results); where they
 * live, their keys and versions, and how a record is read and written are shared
 * (`folder.ts`). The layout is documented in the package README ("The cache folder").
 */
import { CorpusIndex } from './corpus-index.js';
import { ParseCache } from './parse-cache.js';
import { ResultStore } from './results.js';
import { sweepStore } from './sweep.js';

export class Store {
  /** The store kept in the cache folder `dir` (created when a record is first written). */
  constructor(readonly dir: string) {}

  /** The parse cache for this namespace: every setting (and build) that changes what a parse yields. */
  parses(namespace: unknown): ParseCache {
    return ParseCache.open(this.dir, namespace);
  }

  /** The corpus index of the corpus at `root`, for these settings (what its keys depend on). */
  corpusIndex(settings: unknown, root: string): CorpusIndex {
    return CorpusIndex.open(this.dir, settings, root);
  }

  /**
   * After a run that read the whole corpus: mark the records it used (`inUse`, paths of
   * its parse namespace and corpus index) and clear away those no run has used for long.
   */
  sweep(inUse: readonly string[]): Promise<void> {
    return sweepStore(this.dir, inUse);
  }

  /** The latest result of `command` (a name that is also a file name). */
  results(command: string): ResultStore {
    return new ResultStore(this.dir, command);
  }
}

export { contentHash, inputsKey } from './folder.js';
export { CorpusIndex, type FileSignature, type IndexedDocument } from './corpus-index.js';
export { ParseCache } from './parse-cache.js';
export { ResultStore, type StoredResult } from './results.js';
