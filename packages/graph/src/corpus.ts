/**
 * Loading a corpus from disk: list the files under a root (see `listing.ts`), read each
 * document once and parse it. With the listing, the only module of the graph package that
 * does I/O.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { convertPathToPattern } from 'globby';
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
import { CorpusIndex, type FileSignature } from './corpus-index.js';
import { crossFileKeys, type CrossFileKeys } from './cross-file-keys.js';
import { fromPlainMessage } from './messages.js';
import { listFiles, type ListingFileSystem, type UnreadableFolder } from './listing.js';
import { toPosix } from './paths.js';
import { buildStamp, dependencyStamp } from './stamp.js';
import { processInWorkers, type WorkItem } from './pool.js';
import { loadAnalyzer, processFile, type AnalyzerSpec, type FileSettings, type ProcessedFile } from './process-file.js';

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
  /** See `CorpusScan.outsideFiles`. */
  outsideFiles: string[];
  /** See `CorpusScan.rootInRepository`. */
  rootInRepository: string | undefined;
  /** How the documents were obtained: parsed now or taken from the cache. */
  stats: { parsed: number; cached: number; threads: number };
}

export const defaultInclude = ['**/*.md'];
const readConcurrency = 32;
/**
 * Below this many files to parse, starting workers costs more than it saves: each takes
 * about a second to start, and the quick parser reads a typical document in a few
 * milliseconds (300 documents took 1.6 to 2.3 s on one thread against 2.3 to 3.1 s on two
 * workers; around 600 it varied with the machine's load).
 */
const minimumFilesForWorkers = 500;
/** The code that parses: a cache made by other code is never read. */
const parserStamps = [buildStamp(new URL('../package.json', import.meta.url)), dependencyStamp('remark-capsules')];

/**
 * What a corpus holds on disk, read but not parsed: every file, every document's content
 * hash with its bytes (or, for a file the corpus index recognised, the means to read them
 * later; or the finding that it could not be read), and a fingerprint of it all.
 */
export interface CorpusScan {
  /** Absolute path of the root. */
  root: string;
  /** Every file under the root that is not ignored, documents included, sorted. */
  files: string[];
  /**
   * The repository's files outside the root (see `LoadOptions.repositoryRoot`), relative to
   * the root (`../.github/workflows/ci.yaml`), sorted: links may reach them.
   */
  outsideFiles: string[];
  /** The root's path inside the repository (POSIX, `''` at its top); undefined without one. */
  rootInRepository: string | undefined;
  /** Folders the listing could not read, relative to the root: their files are not in the corpus. */
  unreadable: UnreadableFolder[];
  /** The documents, sorted; `reads` and `hashes` follow this order. */
  paths: string[];
  reads: ReadResult[];
  /** Content hashes of the documents that were read or known (empty for the others). */
  hashes: string[];
  /**
   * Equal fingerprints, equal corpora: the same files under the same paths, the same bytes
   * in every document, the same documents unreadable. A result computed from the corpus
   * alone (and the settings, which callers add) can be reused while it stays the same.
   */
  fingerprint: string;
  limits: ReadLimits;
  /** How many documents the scan read; the others' hashes came from the corpus index. */
  read: number;
  /** For documents that changed since the corpus index was written: the hash they had then, by position. */
  earlierHashes: Map<number, string>;
  /** The corpus index the scan used and updated, when the options name a cache. */
  index: CorpusIndex | undefined;
}

/**
 * The corpus index for these options: in the cache folder, one per parser build and read
 * limits (what the keys depend on); none without a cache folder.
 */
function openIndex(options: LoadOptions, root: string): CorpusIndex | undefined {
  if (!options.cache || options.keepTrees) return undefined;
  const key = createHash('sha1').update(JSON.stringify({ parserStamps, limits: readLimits(options.limits) })).digest('hex').slice(0, 16);
  return CorpusIndex.open(join(options.cache.dir, `index-${key}.json`), root);
}

/** The parse cache for these options (the settings that change a parse name its namespace). */
function openCache(options: LoadOptions): ParseCache | undefined {
  if (!options.cache || options.keepTrees) return undefined;
  return ParseCache.open(options.cache.dir, { parserStamps, settings: fileSettings(options) });
}

function fileSettings(options: LoadOptions): FileSettings {
  return { limits: readLimits(options.limits), summarize: options.summarize ?? false };
}

/** List and read the files of a corpus, without parsing. */
export async function scanCorpus(options: LoadOptions): Promise<CorpusScan> {
  const root = resolve(options.root);
  const rootStat = await stat(root).catch(() => undefined);
  if (!rootStat?.isDirectory()) throw new CorpusError(`The corpus root \`${options.root}\` is not a folder`);

  const gitignore = options.gitignore ?? true;
  const rootInRepository = repositoryPath(options.repositoryRoot, root);
  const repositoryRoot = rootInRepository ? resolve(options.repositoryRoot!) : undefined;
  // The cache folder changes with every run; inside the root, it would change the corpus.
  const cacheDir = options.cache ? resolve(options.cache.dir) : undefined;
  const [listing, outside] = await Promise.all([
    listFiles(root, { gitignore, ignore: folderGlobs(root, [cacheDir]), fs: options.listingFs, repositoryRoot }),
    repositoryRoot
      ? // The root's own files are listed above; only what lies around it is wanted here.
        listFiles(repositoryRoot, { gitignore, ignore: folderGlobs(repositoryRoot, [root, cacheDir]), fs: options.listingFs })
      : undefined,
  ]);
  const { files, symlinks } = listing;
  const outsideOfRoot = (path: string) => posix.relative(rootInRepository!, path);
  const outsideFiles = outside ? outside.files.map(outsideOfRoot).sort() : [];
  const unreadable = [...listing.unreadable, ...(outside?.unreadable ?? []).map(({ path, code }) => ({ path: outsideOfRoot(path), code }))];
  const selection = documentSelection(options);
  const corpusDocuments = files.filter(selection);
  const chosen = options.documents && new Set(options.documents);
  const paths = chosen ? corpusDocuments.filter((path) => chosen.has(path)) : corpusDocuments;
  const limits = readLimits(options.limits);

  const index = openIndex(options, root);
  const scannedAt = Date.now();
  const hashes = new Array<string>(paths.length).fill('');
  let readCount = 0;
  const reads = new Array<ReadResult>(paths.length);
  const toRead: number[] = [];
  paths.forEach((path, position) => {
    // With an index, one synchronous stat per file (much cheaper than a promise each) tells
    // which files it knows; only the others are read. A link is always read.
    const signature = index && !symlinks.has(path) ? signatureOf(resolve(root, path), limits) : undefined;
    const known = signature && index?.hashFor(path, signature);
    if (index && signature && known !== undefined) {
      reads[position] = { known, signature };
      hashes[position] = known;
      index.record(path, signature, known, scannedAt);
    } else {
      toRead.push(position);
    }
  });
  const earlierHashes = new Map<number, string>();
  await mapLimited(toRead, readConcurrency, async (position) => {
    const path = paths[position]!;
    const result = await readBytes(root, path, symlinks.has(path), limits);
    if ('bytes' in result) {
      readCount++;
      const hash = contentHash(result.bytes);
      hashes[position] = hash;
      const earlier = index?.recordedHash(path);
      if (earlier !== undefined && earlier !== hash) earlierHashes.set(position, earlier);
      if (result.signature) index?.record(path, result.signature, hash, scannedAt);
    }
    reads[position] = result;
  });
  const fingerprint = createHash('sha1');
  const documentIndex = new Map(paths.map((path, index) => [path, index]));
  for (const path of [...files, ...outsideFiles]) {
    const index = documentIndex.get(path);
    const read = index === undefined ? undefined : reads[index]!;
    const state = read === undefined ? '-' : 'document' in read ? `unread ${read.document.messages[0]?.reason ?? ''}` : hashes[index!]!;
    // Quoted, so that no file name (they may hold line breaks) can pass for two entries.
    fingerprint.update(`${JSON.stringify(path)}\0${state}\n`);
  }
  // A folder that could not be read hides its files: reading it later changes the corpus.
  for (const { path, code } of unreadable) fingerprint.update(`unreadable ${JSON.stringify(path)}\0${code}\n`);
  index?.retain(corpusDocuments);
  return {
    root,
    files,
    outsideFiles,
    rootInRepository: outside ? rootInRepository : undefined,
    unreadable,
    paths,
    reads,
    hashes,
    fingerprint: fingerprint.digest('hex'),
    limits,
    read: readCount,
    earlierHashes,
    index,
  };
}

/**
 * Which listed files are documents: those `include` matches, unless `exclude` matches them
 * or a folder above them (as a glob naming a folder leaves its files out).
 */
export function documentSelection(options: Pick<LoadOptions, 'include' | 'exclude'>): (path: string) => boolean {
  const included = picomatch(options.include ?? defaultInclude, { dot: true });
  const excluded = options.exclude?.length ? picomatch(options.exclude, { dot: true }) : undefined;
  return (path) => included(path) && !(excluded && isExcluded(path, excluded));
}

/**
 * Why the existing file `path` (root-relative, POSIX) is not a document of the scanned
 * corpus, in words that finish "`path` ..."; undefined when it is one.
 */
export function whyNotADocument(scan: CorpusScan, options: Pick<LoadOptions, 'include' | 'exclude'>, path: string): string | undefined {
  if (scan.paths.includes(path)) return undefined;
  const folder = scan.unreadable.find((unreadable) => unreadable.path === '' || path.startsWith(`${unreadable.path}/`));
  if (folder) return `is in a folder that could not be read (${folder.path || '.'}: ${folder.code})`;
  if (!scan.files.includes(path)) {
    const segments = path.split('/');
    if (segments.includes('.git') || segments.includes('node_modules')) return 'is never read (`.git` and `node_modules` are left out)';
    return 'is ignored by `.gitignore`';
  }
  const include = options.include ?? defaultInclude;
  if (!picomatch(include, { dot: true })(path)) {
    const markdown = /\.(md|markdown)$/i.test(path);
    return `is ${markdown ? 'not matched by' : 'not a Markdown file, and not matched by'} \`include\` (${include.join(', ')})`;
  }
  const excluded = options.exclude?.find((glob) => isExcluded(path, picomatch(glob, { dot: true })));
  if (excluded !== undefined) return `is left out by \`exclude\` (${excluded})`;
  return 'is not a document of the corpus';
}

function isExcluded(path: string, excluded: (path: string) => boolean): boolean {
  if (excluded(path)) return true;
  for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
    if (excluded(path.slice(0, slash))) return true;
  }
  return false;
}

/** Globs leaving out the given folders that lie inside `folder`. */
function folderGlobs(folder: string, skipped: (string | undefined)[]): string[] {
  return skipped.flatMap((path) => {
    const inside = path === undefined ? undefined : repositoryPath(folder, path);
    return inside ? [`${convertPathToPattern(inside)}/**`] : [];
  });
}

/** The root's POSIX path inside the repository; undefined without a repository or when the root lies outside it. */
function repositoryPath(repositoryRoot: string | undefined, root: string): string | undefined {
  if (repositoryRoot === undefined) return undefined;
  const inside = relative(resolve(repositoryRoot), root);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return undefined;
  return toPosix(inside);
}

/** Read and parse every document of a corpus (from a scan of it, when one was made). */
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
  await Promise.all([cache?.save({ prune: true }), index?.save({ compact: true })]).catch(() => undefined);
  return {
    root,
    documents,
    files,
    outsideFiles: scan.outsideFiles,
    rootInRepository: scan.rootInRepository,
    stats: { parsed: misses, cached: paths.length - misses - reads.filter((read) => 'document' in read).length, threads: parsed.threads },
  };
}

/**
 * Turn the scanned documents at `positions` into corpus documents: from the cache when it
 * holds them, else parsed (on worker threads when there are many). Each is handed to
 * `accept` as it is done; the cache is not saved here.
 */
async function processDocuments(
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

  const done = new Set<number>();
  const take = (position: number, bytes: Uint8Array, file: ProcessedFile) => {
    cache?.set(hashes[position]!, file, options.analyzer?.key);
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
      await processInWorkers(misses, threads, settings, options.analyzer, ({ index, file }) => take(index, byPosition.get(index)!, file));
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

/**
 * A scanned document's bytes: those the scan read, or read now when the scan took the
 * document's hash from the corpus index. A file that can no longer be read becomes the
 * document standing for it.
 */
export function scannedBytes(scan: CorpusScan, position: number): Uint8Array | CorpusDocument {
  const read = scan.reads[position]!;
  if ('document' in read) return read.document;
  if ('bytes' in read) return read.bytes;
  const path = scan.paths[position]!;
  try {
    return readFileSync(resolve(scan.root, path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return unreadableDocument(path, `File could not be read (${code ?? 'unknown error'})`, 'unreadable-file');
  }
}

const noKeys: CrossFileKeys = { defines: [], references: [], targets: [] };

/**
 * Graphs of parts of a corpus, for a check of a few documents: every document's cross-file
 * keys come from the corpus index (documents whose content it has no keys for, new or
 * changed ones, are parsed first), and a graph loads only the documents it is asked for,
 * from the parse cache. See `documentsTouching` and `documentsAround` for which to ask for.
 */
export class CorpusNeighbourhoods {
  private readonly loaded = new Map<number, CorpusDocument>();
  private readonly positionOf: Map<string, number>;
  private readonly files: ReadonlySet<string>;
  private names: Set<string> | undefined;
  /** How many documents were parsed (not taken from the cache) to learn their keys. */
  parsed = 0;

  private constructor(
    private readonly options: LoadOptions,
    private readonly scan: CorpusScan,
    private readonly cache: ParseCache,
    private readonly index: CorpusIndex,
    /** Every document's cross-file keys, by path. */
    readonly keys: ReadonlyMap<string, CrossFileKeys>,
  ) {
    this.positionOf = new Map(scan.paths.map((path, position) => [path, position]));
    this.files = new Set([...scan.files, ...scan.outsideFiles]);
  }

  /**
   * Open the neighbourhoods of a corpus scanned with the same options; undefined without a
   * cache to keep parses and keys in.
   */
  static async open(options: LoadOptions, scan: CorpusScan): Promise<CorpusNeighbourhoods | undefined> {
    const { index, paths, reads, hashes } = scan;
    const cache = openCache(options);
    if (!index || !cache) return undefined;
    const keys = new Map<string, CrossFileKeys>();
    const unknown: number[] = [];
    reads.forEach((read, position) => {
      const path = paths[position]!;
      const known = 'document' in read ? noKeys : index.keysFor(path, hashes[position]!);
      if (known) keys.set(path, known);
      else unknown.push(position);
    });
    const neighbourhoods = new CorpusNeighbourhoods(options, scan, cache, index, keys);
    let done = 0;
    const { misses } = await processDocuments(options, scan, cache, unknown, (position, document) => {
      const path = paths[position]!;
      const found = crossFileKeys(path, document.model);
      neighbourhoods.loaded.set(position, document);
      keys.set(path, found);
      index.setKeys(path, hashes[position]!, found);
      options.onProgress?.(++done, unknown.length);
    });
    neighbourhoods.parsed = misses;
    return neighbourhoods;
  }

  /**
   * The graph of these documents (paths not in the corpus are left out), with the whole
   * corpus's files and capsule names.
   */
  async graph(paths: Iterable<string>): Promise<KnowledgeGraph> {
    const positions = [...paths].map((path) => this.positionOf.get(path)).filter((position) => position !== undefined);
    await processDocuments(
      this.options,
      this.scan,
      this.cache,
      positions.filter((position) => !this.loaded.has(position)),
      (position, document) => this.loaded.set(position, document),
    );
    if (!this.names) {
      this.names = new Set();
      for (const documentKeys of this.keys.values()) for (const name of documentKeys.defines) this.names.add(name);
    }
    return new KnowledgeGraph({
      documents: positions.map((position) => this.loaded.get(position)!),
      files: this.files,
      names: this.names,
      rootInRepository: this.scan.rootInRepository,
    });
  }

  /** Keep what this run learned: new parses in the cache, and new keys in the index when there are many. */
  async save(): Promise<void> {
    await Promise.all([this.cache.save({ prune: false }), this.index.save({ atLeast: 64 })]).catch(() => undefined);
  }
}

/** Load a corpus (from a scan of it, when one was made) and build its knowledge graph. */
export async function loadGraph(options: LoadOptions, scanned?: CorpusScan): Promise<{ corpus: Corpus; graph: KnowledgeGraph }> {
  const corpus = await loadCorpus(options, scanned);
  return { corpus, graph: graphOf(corpus) };
}

function graphOf(corpus: Corpus): KnowledgeGraph {
  const files = corpus.outsideFiles.length > 0 ? [...corpus.files, ...corpus.outsideFiles] : corpus.files;
  return new KnowledgeGraph({ documents: corpus.documents, files, rootInRepository: corpus.rootInRepository });
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
    const info = await lstat(resolve(corpus.root, path)).catch(() => undefined);
    if (position === undefined || !info) return undefined;
    const read = await readBytes(corpus.root, path, info.isSymbolicLink(), limits);
    if ('known' in read) return undefined;
    documents[position] = 'document' in read ? read.document : readDocument(path, read.bytes, { limits, keepTree: options.keepTrees ?? false });
  }
  const reloaded = { ...corpus, documents, stats: { parsed: paths.length, cached: 0, threads: 0 } };
  return { corpus: reloaded, graph: graphOf(reloaded) };
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

/**
 * A scanned document: its bytes; or, when the corpus index knew its content by its file
 * signature, that content's hash (`known`), the bytes read only when needed (see
 * `scannedBytes`); or the document standing for a file that could not be read.
 */
export type ReadResult =
  | { bytes: Uint8Array; signature: FileSignature | undefined }
  | { known: string; signature: FileSignature }
  | { document: CorpusDocument };

/** A regular file's signature, when it can be stat'ed and is not too large to read. */
function signatureOf(absolute: string, limits: ReadLimits): FileSignature | undefined {
  try {
    const info = statSync(absolute, { throwIfNoEntry: false });
    if (!info?.isFile() || info.size > limits.maxFileBytes) return undefined;
    return { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
  } catch {
    return undefined;
  }
}

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
    // A pipe or a device reached through a link would block the read, or never end.
    if (!info.isFile() && !info.isDirectory()) {
      return { document: unreadableDocument(path, 'File is not a regular file (a pipe, socket or device); it was not read', 'unreadable-file') };
    }
    // Judge the size before reading so that a huge file never enters memory.
    if (info.size > limits.maxFileBytes) return { document: tooLargeDocument(path, info.size, limits) };
    // A link's own signature says nothing of its target's: links are always read.
    const signature = symlink ? undefined : { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
    return { bytes: await readFile(absolute), signature };
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
