/**
 * Loading a corpus from disk: list the files under a root (honouring `.gitignore`), read
 * each document once and parse it. The only module of the graph package that does I/O.
 */
import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { globby, isGitIgnored } from 'globby';
import picomatch from 'picomatch';
import {
  readDocument,
  readLimits,
  readerSource,
  tooLargeDocument,
  unreadableDocument,
  type CorpusDocument,
  unparsedIds,
  type ReadLimits,
} from './document.js';
import { KnowledgeGraph } from './graph.js';
import { ParseCache, contentHash } from './cache.js';
import { fromPlainMessage } from './messages.js';
import { toPosix } from './paths.js';
import { buildStamp, dependencyStamp } from './stamp.js';
import { processInWorkers, type WorkItem } from './pool.js';
import { loadAnalyzer, processFile, type AnalyzerSpec, type FileSettings, type ProcessedFile } from './process-file.js';

export interface LoadOptions {
  /** The corpus root; every path in the graph is relative to it. */
  root: string;
  /** Globs (relative to the root) of the documents to read. */
  include?: string[];
  /** Globs of files to leave out, on top of `.gitignore`. */
  exclude?: string[];
  /** Honour `.gitignore` files (default true). */
  gitignore?: boolean;
  limits?: ReadLimits;
  /** Keep each document's mdast tree (the site renders it). Parses on this thread, uncached. */
  keepTrees?: boolean;
  /** Reduce each model to its cross-file summary (see `summarizeModel`): all the checker needs. */
  summarize?: boolean;
  /** Per-file work to run beside the parse; its results land on `CorpusDocument.analysis`. */
  analyzer?: AnalyzerSpec;
  /** Cache parse results in this folder; absent or false: no cache. */
  cache?: { dir: string } | false;
  /** Worker threads for parsing: 0 parses on this thread; default: one per core for large corpora. */
  threads?: number;
  /** Called as documents are done, for a progress display. */
  onProgress?: (done: number, total: number) => void;
}

export interface Corpus {
  /** Absolute path of the root. */
  root: string;
  documents: CorpusDocument[];
  /** Every file under the root that is not ignored, documents included, sorted. */
  files: string[];
  /** How the documents were obtained: parsed now or taken from the cache. */
  stats: { parsed: number; cached: number; threads: number };
}

export const defaultInclude = ['**/*.md'];
const alwaysExcluded = ['**/node_modules/**', '**/.git/**'];
const readConcurrency = 32;
/** Below this many files to parse, starting workers costs more than it saves. */
const minimumFilesForWorkers = 64;
/** The code that parses: a cache made by other code is never read. */
const parserStamps = [buildStamp(new URL('../package.json', import.meta.url)), dependencyStamp('remark-capsules')];

/**
 * What a corpus holds on disk, read but not parsed: every file, every document's bytes (or
 * the finding that it could not be read) and content hash, and a fingerprint of it all.
 */
export interface CorpusScan {
  /** Absolute path of the root. */
  root: string;
  /** Every file under the root that is not ignored, documents included, sorted. */
  files: string[];
  /** The documents, sorted; `reads` and `hashes` follow this order. */
  paths: string[];
  reads: ReadResult[];
  /** Content hashes of the documents that were read (empty for the others). */
  hashes: string[];
  /**
   * Equal fingerprints, equal corpora: the same files under the same paths, the same bytes
   * in every document, the same documents unreadable. A result computed from the corpus
   * alone (and the settings, which callers add) can be reused while it stays the same.
   */
  fingerprint: string;
  limits: ReadLimits;
}

/** List and read the files of a corpus, without parsing. */
export async function scanCorpus(options: LoadOptions): Promise<CorpusScan> {
  const root = resolve(options.root);
  const rootStat = await stat(root).catch(() => undefined);
  if (!rootStat?.isDirectory()) throw new CorpusError(`The corpus root \`${options.root}\` is not a folder`);

  const ignore = [...alwaysExcluded, ...(options.exclude ?? [])];
  // Listing first and asking `.gitignore` after is several times faster on large trees
  // than globby's own `gitignore` option, with the same rules (the same matcher decides).
  const [entries, isIgnored] = await Promise.all([
    globby('**/*', {
      cwd: root,
      dot: false,
      ignore,
      followSymbolicLinks: false,
      // Symbolic links are listed (not skipped) so that one pointing outside the root is
      // reported rather than silently ignored; they are never traversed.
      onlyFiles: false,
      objectMode: true,
    }),
    (options.gitignore ?? true) ? isGitIgnored({ cwd: root, ignore }) : undefined,
  ]);
  const kept = entries.filter(
    (entry) => (entry.dirent.isFile() || entry.dirent.isSymbolicLink()) && !isIgnored?.(entry.path),
  );
  const files = kept.map((entry) => toPosix(entry.path)).sort();
  const symlinks = new Set(kept.filter((entry) => entry.dirent.isSymbolicLink()).map((entry) => toPosix(entry.path)));
  const isDocument = picomatch(options.include ?? defaultInclude, { dot: false });
  const paths = files.filter((path) => isDocument(path));
  const limits = readLimits(options.limits);

  const reads = await mapLimited(paths, readConcurrency, (path) => readBytes(root, path, symlinks.has(path), limits));
  const hashes = reads.map((read) => ('bytes' in read ? contentHash(read.bytes) : ''));
  const fingerprint = createHash('sha1');
  const documentIndex = new Map(paths.map((path, index) => [path, index]));
  for (const path of files) {
    const index = documentIndex.get(path);
    const read = index === undefined ? undefined : reads[index]!;
    const state = read === undefined ? '-' : 'bytes' in read ? hashes[index!]! : `unread ${read.document.messages[0]?.reason ?? ''}`;
    // Quoted, so that no file name (they may hold line breaks) can pass for two entries.
    fingerprint.update(`${JSON.stringify(path)}\0${state}\n`);
  }
  return { root, files, paths, reads, hashes, fingerprint: fingerprint.digest('hex'), limits };
}

/** Read and parse every document of a corpus (from a scan of it, when one was made). */
export async function loadCorpus(options: LoadOptions, scanned?: CorpusScan): Promise<Corpus> {
  const { root, files, paths, reads, hashes, limits } = scanned ?? (await scanCorpus(options));
  const documents = new Array<CorpusDocument>(paths.length);
  const settings: FileSettings = { limits, summarize: options.summarize ?? false };
  const useCache = options.cache && !options.keepTrees;
  const cache = useCache
    ? await ParseCache.open(options.cache ? options.cache.dir : '', { parserStamps, settings })
    : undefined;
  const misses: WorkItem[] = [];
  let done = 0;
  const progress = () => options.onProgress?.(++done, paths.length);

  reads.forEach((read, index) => {
    const path = paths[index]!;
    if ('document' in read) {
      documents[index] = read.document;
      return progress();
    }
    const cached = cache?.get(hashes[index]!, options.analyzer?.key);
    if (cached) {
      documents[index] = toDocument(path, read.bytes, cached);
      return progress();
    }
    misses.push({ index, path, bytes: read.bytes });
  });

  const accept = (index: number, file: ProcessedFile) => {
    const item = reads[index] as { bytes: Uint8Array };
    documents[index] = toDocument(paths[index]!, item.bytes, file);
    cache?.set(hashes[index]!, file, options.analyzer?.key);
    progress();
  };

  let threads = 0;
  if (options.keepTrees) {
    const analyze = options.analyzer ? { analyze: await loadAnalyzer(options.analyzer), settings: options.analyzer.settings } : undefined;
    for (const item of misses) {
      const document = readDocument(item.path, item.bytes, { limits, keepTree: true });
      document.analysis = analyze?.analyze(document, analyze.settings);
      documents[item.index] = document;
      progress();
    }
  } else {
    threads = options.threads ?? (misses.length >= minimumFilesForWorkers ? availableParallelism() : 0);
    if (threads > 1) {
      try {
        await processInWorkers(misses, threads, settings, options.analyzer, ({ index, file }) => accept(index, file));
      } catch {
        // A failed worker costs speed, not results: finish on this thread.
        threads = 0;
      }
    } else {
      threads = 0;
    }
    const remaining = misses.filter((item) => documents[item.index] === undefined);
    if (remaining.length > 0) {
      const analyze = options.analyzer ? { analyze: await loadAnalyzer(options.analyzer), settings: options.analyzer.settings } : undefined;
      for (const item of remaining) accept(item.index, processFile(item.path, item.bytes, settings, analyze));
    }
  }
  await cache?.save().catch(() => undefined);
  return { root, documents, files, stats: { parsed: misses.length, cached: paths.length - misses.length - reads.filter((read) => 'document' in read).length, threads } };
}

/** Load a corpus (from a scan of it, when one was made) and build its knowledge graph. */
export async function loadGraph(options: LoadOptions, scanned?: CorpusScan): Promise<{ corpus: Corpus; graph: KnowledgeGraph }> {
  const corpus = await loadCorpus(options, scanned);
  return { corpus, graph: new KnowledgeGraph({ documents: corpus.documents, files: corpus.files }) };
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function toDocument(path: string, bytes: Uint8Array, file: ProcessedFile): CorpusDocument {
  let text = '';
  // A file the reader refused has no text to show, unless it was read and only not parsed.
  if (!file.messages.some((message) => message.source === readerSource && !unparsedIds.has(message.ruleId ?? ''))) {
    try {
      text = decoder.decode(bytes);
    } catch {
      text = '';
    }
  }
  return {
    path,
    model: file.model,
    messages: file.messages.map((message) => fromPlainMessage(message, path)),
    text,
    analysis: file.analysis,
  };
}

/** A document's bytes, or the document standing for a file that could not be read. */
export type ReadResult = { bytes: Uint8Array } | { document: CorpusDocument };

async function readBytes(root: string, path: string, symlink: boolean, limits: ReadLimits): Promise<ReadResult> {
  const absolute = resolve(root, path);
  try {
    if (symlink) {
      // A link may point anywhere; only read it when its target stays inside the root.
      const target = await realpath(absolute);
      const realRoot = await realpath(root);
      const inside = relative(realRoot, target);
      if (inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) {
        return { document: unreadableDocument(path, 'File is a symbolic link to a place outside the corpus root; it was not read', 'outside-root') };
      }
    }
    const info = await stat(absolute);
    // Judge the size before reading so that a huge file never enters memory.
    if (info.size > limits.maxFileBytes) return { document: tooLargeDocument(path, info.size, limits) };
    return { bytes: await readFile(absolute) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ELOOP' ? 'File is a symbolic link loop' : `File could not be read (${code ?? 'unknown error'})`;
    return { document: unreadableDocument(path, reason, 'unreadable-file') };
  }
}

/** A problem with the corpus as a whole (not one file): reported as a usage error. */
export class CorpusError extends Error {
  override name = 'CorpusError';
}

async function mapLimited<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
