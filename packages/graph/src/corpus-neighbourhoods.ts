/**
 * Graphs of parts of a corpus, for a check of a few documents (see `CorpusNeighbourhoods`).
 */
import type { LoadOptions } from './corpus.js';
import { openCache, processDocuments } from './corpus.js';
import type { CorpusScan } from './corpus-scan.js';
import type { CorpusIndex, ParseCache } from './store/index.js';
import { crossFileKeys, type CrossFileKeys } from './cross-file-keys.js';
import type { CorpusDocument } from './document.js';
import { agentFileByPlace, KnowledgeGraph } from './graph.js';

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
    const positions = withAgentCopies([...paths].map((path) => this.positionOf.get(path)).filter((position) => position !== undefined), this.scan);
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
      ignoredByGit: this.scan.ignoredByGit,
      ignoredHere: this.scan.ignoredHere,
      redirections: this.scan.redirections,
      siteConfigs: this.scan.siteConfigs,
      typedocIncludes: this.scan.typedocIncludes,
      symlinkTargets: this.scan.symlinkTargets,
      unreadableFolders: this.scan.unreadable.map((folder) => folder.path),
      submodules: this.scan.submodules,
    });
  }

  /** Keep what this run learned: new parses in the cache, and new keys in the index when there are many. */
  async save(): Promise<void> {
    await Promise.all([this.cache.save({ prune: false }), this.index.save({ atLeast: 64 })]).catch(() => undefined);
  }
}

/**
 * Positions with the copies agents read of the documents at them: the same bytes under a
 * dot-folder, whose place a copied document's links are read from too (see
 * `KnowledgeGraph.agentCopiesOf`, which compares texts: a copy differing only in a byte-order
 * mark is not found here).
 */
function withAgentCopies(positions: number[], { paths, hashes }: CorpusScan): number[] {
  const wanted = new Set(positions.filter((position) => hashes[position] !== '' && !agentFileByPlace(paths[position]!)).map((position) => hashes[position]!));
  if (wanted.size === 0) return positions;
  const all = new Set(positions);
  paths.forEach((path, position) => {
    if (!all.has(position) && wanted.has(hashes[position]!) && agentFileByPlace(path)) all.add(position);
  });
  return [...all];
}
