/**
 * Loading a corpus: the scanned documents (see `corpus-scan.ts`) taken from the parse cache or
 * parsed (on worker threads when there are many), and the knowledge graph built from them.
 */
import { lstat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { decodedText, readDocument, readLimits, readerSource, unparsedIds, type CorpusDocument, type ReadLimits } from './document.js';
import { KnowledgeGraph, type GraphInput } from './graph.js';
import type { ParseCache } from './store/index.js';
import { crossFileKeys } from './cross-file-keys.js';
import { parserStamps, readBytes, scanCorpus, scannedBytes, storeFor, type CorpusScan } from './corpus-scan.js';
import { fromPlainMessage } from './messages.js';
import type { ListingFileSystem } from './listing.js';
import type { Redirections } from './redirections.js';
import type { SiteConfigs } from './site-routes.js';
import { processInWorkers, type WorkItem } from './pool.js';
import { loadAnalyzer, processedFileOf, processFile, type AnalyzerSpec, type FileSettings, type ProcessedFile, type ProcessedFileText } from './process-file.js';

export interface LoadOptions {
  /** The corpus root; every path in the graph is relative to it. */
  root: string;
  /** Globs (relative to the root) of the documents to read. */
  include?: string[];
  /**
   * Globs of documents to leave out, on top of `.gitignore`; a glob that matches a folder
   * leaves out the documents under it. Excluded files still exist for links.
   */
  exclude?: string[];
  /** Honour `.gitignore` files (default true). */
  gitignore?: boolean;
  /**
   * Read only these documents (root-relative, POSIX) among those `include` and `exclude`
   * select; the rest of the corpus is still listed, for links.
   */
  documents?: readonly string[];
  /**
   * The repository that holds the root (its git top level, or the folder of the
   * configuration file): its files outside the root are listed too, so that a link to one
   * resolves. Links that leave it are never followed.
   */
  repositoryRoot?: string;
  /** The file system the listing reads folders through (tests make folders unreadable with it). */
  listingFs?: ListingFileSystem;
  limits?: ReadLimits;
  /** Keep each document's mdast tree (the site renders it). Parses on this thread, uncached. */
  keepTrees?: boolean;
  /**
   * Reduce each model to its cross-file summary (see `summarizeModel`): all the checker needs.
   * `'with-contexts'` also keeps the sentences backlinks quote, for the site.
   */
  summarize?: boolean | 'with-contexts';
  /** Per-file work to run beside the parse; its results land on `CorpusDocument.analysis`. */
  analyzer?: AnalyzerSpec;
  /**
   * Cache parse results in this folder; absent or false: no cache. `corpusIndex: false` keeps
   * the corpus index out of it, for a copy of the corpus made for one run (a staged
   * snapshot): what its scan saw would take the place of the working tree's entries.
   * `indexApart` names a corpus index of its own instead, for such a copy kept between runs.
   */
  cache?: { dir: string; corpusIndex?: boolean; indexApart?: string } | false;
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
  /** See `CorpusScan.outsideFiles`. */
  outsideFiles: string[];
  /** See `CorpusScan.rootInRepository`. */
  rootInRepository: string | undefined;
  /** See `CorpusScan.ignoredByGit`. */
  ignoredByGit?: (path: string) => boolean;
  /** See `CorpusScan.ignoredHere`. */
  ignoredHere?: (path: string) => boolean;
  /** See `CorpusScan.redirections`. */
  redirections: Redirections;
  /** See `CorpusScan.siteConfigs`. */
  siteConfigs?: SiteConfigs;
  /** See `CorpusScan.typedocIncludes`. */
  typedocIncludes?: ReadonlyMap<string, readonly string[]>;
  /** See `CorpusScan.symlinkTargets`. */
  symlinkTargets?: ReadonlyMap<string, string>;
  /** The folders of `CorpusScan.unreadable`, root-relative. */
  unreadableFolders?: readonly string[];
  /** See `CorpusScan.submodules`. */
  submodules?: readonly string[];
  /** How the documents were obtained: parsed now or taken from the cache. */
  stats: { parsed: number; cached: number; threads: number };
}

/**
 * Below this many files to parse, starting workers costs more than it saves: each takes
 * about a second to start, and the quick parser reads a typical document in a few
 * milliseconds (300 documents took 1.6 to 2.3 s on one thread against 2.3 to 3.1 s on two
 * workers; around 600 it varied with the machine's load).
 */
const minimumFilesForWorkers = 500;

/** The parse cache for these options: the settings that change a parse name its namespace. */
export function openCache(options: LoadOptions): ParseCache | undefined {
  return storeFor(options)?.parses({ parserStamps, settings: fileSettings(options) });
}

function fileSettings(options: LoadOptions): FileSettings {
  return { limits: readLimits(options.limits), summarize: options.summarize ?? false };
}

/** List and read the files of a corpus, without parsing. */

export async function loadCorpus(options: LoadOptions, scanned?: CorpusScan): Promise<Corpus> {
  const scan = scanned ?? (await scanCorpus(options));
  const { root, files, paths, reads, hashes } = scan;
  const documents = new Array<CorpusDocument>(paths.length);
  let done = 0;
  const progress = () => options.onProgress?.(++done, paths.length);
  const cache = openCache(options);
  const { misses, parsed } = await processDocuments(options, scan, cache, paths.map((_, index) => index), (index, document) => {
    documents[index] = document;
    progress();
  });
  const index = scan.index;
  if (index) {
    reads.forEach((read, position) => {
      const path = paths[position]!;
      if (!('document' in read) && !index.keysFor(path, hashes[position]!)) {
        index.setKeys(path, hashes[position]!, crossFileKeys(path, documents[position]!.model));
      }
    });
  }
  // Only a load of every document knows which parses no document uses any more.
  await Promise.all([cache?.save({ prune: !options.documents }), index?.save({ compact: true })]).catch(() => undefined);
  if (cache && !options.documents) await storeFor(options)?.sweep([cache.folder, ...(index ? [index.file] : [])]);
  return {
    root,
    documents,
    files,
    outsideFiles: scan.outsideFiles,
    rootInRepository: scan.rootInRepository,
    ...(scan.ignoredByGit ? { ignoredByGit: scan.ignoredByGit, ignoredHere: scan.ignoredHere } : {}),
    redirections: scan.redirections,
    siteConfigs: scan.siteConfigs,
    typedocIncludes: scan.typedocIncludes,
    symlinkTargets: scan.symlinkTargets,
    unreadableFolders: scan.unreadable.map((folder) => folder.path),
    submodules: scan.submodules,
    stats: { parsed: misses, cached: paths.length - misses - reads.filter((read) => 'document' in read).length, threads: parsed.threads },
  };
}

/**
 * Turn the scanned documents at `positions` into corpus documents: from the cache when it
 * holds them, else parsed (on worker threads when there are many). Each is handed to
 * `accept` as it is done; the cache is not saved here.
 */
export async function processDocuments(
  options: LoadOptions,
  scan: CorpusScan,
  cache: ParseCache | undefined,
  positions: readonly number[],
  accept: (position: number, document: CorpusDocument) => void,
): Promise<{ misses: number; parsed: { threads: number } }> {
  const { paths, reads, hashes, limits } = scan;
  const settings = fileSettings(options);
  const misses: WorkItem[] = [];

  for (const position of positions) {
    const path = paths[position]!;
    const read = reads[position]!;
    if ('document' in read) {
      accept(position, read.document);
      continue;
    }
    const bytes = scannedBytes(scan, position);
    if (!(bytes instanceof Uint8Array)) {
      accept(position, bytes);
      continue;
    }
    const cached = cache?.get(hashes[position]!, options.analyzer?.key);
    if (cached) {
      accept(position, toDocument(path, bytes, cached));
      continue;
    }
    // What the analyzer made of the document's earlier version, for it to reuse what it can.
    const earlier = scan.earlierHashes.get(position);
    const previous = earlier === undefined || !options.analyzer ? undefined : cache?.peek(earlier, options.analyzer.key)?.analysis;
    misses.push({ index: position, path, bytes, previous });
  }

  cache?.writeWhenComplete(misses.map((item) => hashes[item.index]!));
  const done = new Set<number>();
  const take = (position: number, bytes: Uint8Array, file: ProcessedFile, text?: ProcessedFileText) => {
    if (text) cache?.setText(hashes[position]!, text, file, options.analyzer?.key);
    else cache?.set(hashes[position]!, file, options.analyzer?.key);
    done.add(position);
    accept(position, toDocument(paths[position]!, bytes, file));
  };

  let threads = 0;
  if (options.keepTrees) {
    const analyze = options.analyzer ? { analyze: await loadAnalyzer(options.analyzer), settings: options.analyzer.settings } : undefined;
    for (const item of misses) {
      const document = readDocument(item.path, item.bytes, { limits, keepTree: true });
      document.analysis = analyze?.analyze(document, analyze.settings);
      accept(item.index, document);
    }
    return { misses: misses.length, parsed: { threads } };
  }
  threads = options.threads ?? (misses.length >= minimumFilesForWorkers ? availableParallelism() : 0);
  if (threads > 1) {
    try {
      const byPosition = new Map(misses.map((item) => [item.index, item.bytes]));
      await processInWorkers(misses, threads, settings, options.analyzer, ({ index, file }) => take(index, byPosition.get(index)!, processedFileOf(file), file));
    } catch {
      // A failed worker costs speed, not results: finish on this thread.
      threads = 0;
    }
  } else {
    threads = 0;
  }
  const remaining = misses.filter((item) => !done.has(item.index));
  if (remaining.length > 0) {
    const analyze = options.analyzer ? { analyze: await loadAnalyzer(options.analyzer), settings: options.analyzer.settings } : undefined;
    for (const item of remaining) take(item.index, item.bytes, processFile(item.path, item.bytes, settings, analyze, item.previous));
  }
  return { misses: misses.length, parsed: { threads } };
}

export async function loadGraph(options: LoadOptions, scanned?: CorpusScan): Promise<{ corpus: Corpus; graph: KnowledgeGraph }> {
  const corpus = await loadCorpus(options, scanned);
  return { corpus, graph: graphOf(corpus) };
}

function graphOf(corpus: Corpus): KnowledgeGraph {
  return new KnowledgeGraph({ documents: corpus.documents, ...surroundingsOf(corpus) });
}

/**
 * What a graph of the corpus knows beyond its documents: the files links may reach (those
 * around the root too), where the root lies in its repository, what `.gitignore` leaves out, and
 * which files the repository's redirection files say moved, and what its sites' configurations say.
 * For a reader that builds its graphs itself (the language server) from the same corpus.
 */
export function surroundingsOf(corpus: Corpus): Omit<GraphInput, 'documents' | 'names'> {
  const files = corpus.outsideFiles.length > 0 ? [...corpus.files, ...corpus.outsideFiles] : corpus.files;
  return {
    files,
    rootInRepository: corpus.rootInRepository,
    ignoredByGit: corpus.ignoredByGit,
    ignoredHere: corpus.ignoredHere,
    redirections: corpus.redirections,
    siteConfigs: corpus.siteConfigs,
    typedocIncludes: corpus.typedocIncludes,
    symlinkTargets: corpus.symlinkTargets,
    unreadableFolders: corpus.unreadableFolders,
    submodules: corpus.submodules,
  };
}

/**
 * A loaded corpus with some of its documents read again, as a watcher needs after files
 * changed in place: those files are read as the load reads them (links that leave the root,
 * size and nesting limits, trees when kept), every other document stays as it was, and the
 * graph is built again. Undefined when that cannot stand for a load: a path that is no
 * document of the corpus or no longer exists (files came or went), or a load that summarizes
 * models or runs an analyzer; load the corpus again then.
 */
export async function reloadDocuments(
  options: LoadOptions,
  corpus: Corpus,
  paths: readonly string[],
): Promise<{ corpus: Corpus; graph: KnowledgeGraph } | undefined> {
  if (options.summarize || options.analyzer) return undefined;
  const positions = new Map(corpus.documents.map((document, index) => [document.path, index]));
  const limits = readLimits(options.limits);
  const documents = [...corpus.documents];
  for (const path of paths) {
    const position = positions.get(path);
    const read = position === undefined ? undefined : await readCorpusFile(corpus.root, path, limits);
    if (position === undefined || !read) return undefined;
    documents[position] = 'document' in read ? read.document : readDocument(path, read.bytes, { limits, keepTree: options.keepTrees ?? false });
  }
  const reloaded = { ...corpus, documents, stats: { parsed: paths.length, cached: 0, threads: 0 } };
  return { corpus: reloaded, graph: graphOf(reloaded) };
}

/**
 * One file of a corpus read as a load reads it, for a reader that keeps a corpus up to date
 * (a watcher, the language server): its bytes, or the document standing for a file that must
 * not or cannot be read (a link leaving the root, a pipe, a file over the size limit).
 * Undefined when the file is gone.
 */
export async function readCorpusFile(
  root: string,
  path: string,
  limits: Partial<ReadLimits> | undefined,
): Promise<{ bytes: Uint8Array } | { document: CorpusDocument } | undefined> {
  const info = await lstat(resolve(root, path)).catch(() => undefined);
  if (!info) return undefined;
  const read = await readBytes(root, path, info.isSymbolicLink(), readLimits(limits));
  return 'known' in read ? undefined : read;
}

function toDocument(path: string, bytes: Uint8Array, file: ProcessedFile): CorpusDocument {
  // A file the reader refused has no text to show, unless it was read and only not parsed; the
  // text is decoded as the reader decoded it (a UTF-16 file's too), so places found in it lie in it.
  const refused = file.messages.some((message) => message.source === readerSource && !unparsedIds.has(message.ruleId ?? ''));
  const text = refused ? '' : decodedText(bytes);
  return {
    path,
    model: file.model,
    messages: file.messages.map((message) => fromPlainMessage(message, path)),
    text,
    analysis: file.analysis,
  };
}
