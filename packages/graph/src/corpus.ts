/**
 * Loading a corpus from disk: list the files under a root (honouring `.gitignore`), read
 * each document once and parse it. The only module of the graph package that does I/O.
 */
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { globby } from 'globby';
import picomatch from 'picomatch';
import {
  defaultReadLimits,
  readDocument,
  tooLargeDocument,
  unreadableDocument,
  type CorpusDocument,
  type ReadLimits,
} from './document.js';
import { KnowledgeGraph } from './graph.js';
import { toPosix } from './paths.js';

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
  /** Keep each document's mdast tree (the site renders it). */
  keepTrees?: boolean;
}

export interface Corpus {
  /** Absolute path of the root. */
  root: string;
  documents: CorpusDocument[];
  /** Every file under the root that is not ignored, documents included, sorted. */
  files: string[];
}

export const defaultInclude = ['**/*.md'];
const alwaysExcluded = ['**/node_modules/**', '**/.git/**'];
const readConcurrency = 32;

/** Read and parse every document of a corpus. */
export async function loadCorpus(options: LoadOptions): Promise<Corpus> {
  const root = resolve(options.root);
  const rootStat = await stat(root).catch(() => undefined);
  if (!rootStat?.isDirectory()) throw new CorpusError(`The corpus root \`${options.root}\` is not a folder`);

  const entries = await globby('**/*', {
    cwd: root,
    dot: false,
    gitignore: options.gitignore ?? true,
    ignore: [...alwaysExcluded, ...(options.exclude ?? [])],
    followSymbolicLinks: false,
    // Symbolic links are listed (not skipped) so that one pointing outside the root is
    // reported rather than silently ignored; they are never traversed.
    onlyFiles: false,
    objectMode: true,
  });
  const kept = entries.filter((entry) => entry.dirent.isFile() || entry.dirent.isSymbolicLink());
  const files = kept.map((entry) => toPosix(entry.path)).sort();
  const symlinks = new Set(kept.filter((entry) => entry.dirent.isSymbolicLink()).map((entry) => toPosix(entry.path)));
  const isDocument = picomatch(options.include ?? defaultInclude, { dot: false });
  const paths = files.filter((path) => isDocument(path));

  const documents = await mapLimited(paths, readConcurrency, (path) =>
    loadDocument(root, path, symlinks.has(path), options),
  );
  return { root, documents, files };
}

/** Load a corpus and build its knowledge graph. */
export async function loadGraph(options: LoadOptions): Promise<{ corpus: Corpus; graph: KnowledgeGraph }> {
  const corpus = await loadCorpus(options);
  return { corpus, graph: new KnowledgeGraph({ documents: corpus.documents, files: corpus.files }) };
}

async function loadDocument(root: string, path: string, symlink: boolean, options: LoadOptions): Promise<CorpusDocument> {
  const absolute = resolve(root, path);
  const limits = options.limits ?? defaultReadLimits;
  try {
    if (symlink) {
      // A link may point anywhere; only read it when its target stays inside the root.
      const target = await realpath(absolute);
      const realRoot = await realpath(root);
      const inside = relative(realRoot, target);
      if (inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) {
        return unreadableDocument(path, 'File is a symbolic link to a place outside the corpus root; it was not read', 'outside-root');
      }
    }
    const info = await lstat(absolute).then((found) => (found.isSymbolicLink() ? stat(absolute) : found));
    // Judge the size before reading so that a huge file never enters memory.
    if (info.size > limits.maxFileBytes) return tooLargeDocument(path, info.size, limits);
    const bytes = await readFile(absolute);
    return readDocument(path, bytes, { limits, keepTree: options.keepTrees ?? false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ELOOP' ? 'File is a symbolic link loop' : `File could not be read (${code ?? 'unknown error'})`;
    return unreadableDocument(path, reason, 'unreadable-file');
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
