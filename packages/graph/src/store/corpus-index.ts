/**
 * The corpus index: what the last run learned of every document, kept beside the parse
 * cache so the next run need not read the whole corpus again. Per document it holds the
 * file's stat signature and content hash (a file whose signature is unchanged is not read
 * or hashed again, as git's index does it) and the document's cross-file keys (see
 * `crossFileKeys`), from which a run finds the few documents a change can touch.
 *
 * Like the parse cache it is only ever a shortcut: it is one record of the store (see
 * `folder.ts`), written atomically; anything unexpected in it (corrupt, foreign, another
 * version, another root) makes it empty, and a signature recorded while the file could
 * still be changing within the clock's granularity is never trusted.
 */
import type { CrossFileKeys } from '../cross-file-keys.js';
import { isCurrentHeader, parsedJson, readRecord, recordHeader, settingsKey, storeLayout, writeRecord } from './folder.js';

/** What identifies a file's content without reading it. */
export interface FileSignature {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export interface IndexedDocument {
  signature: FileSignature;
  /** False when the file changed too close to the scan that recorded it: hash it again. */
  settled: boolean;
  hash: string;
  /** The document's cross-file keys, when a run parsed (or took from the cache) this content. */
  keys: CrossFileKeys | undefined;
  /** The keys as numbers in the index's table, as last read or written. */
  numbers?: number[][] | undefined;
}

/**
 * File times are kept at a granularity as coarse as two seconds on some file systems: a
 * file changed this close to a scan may change again without its signature moving.
 */
const settleMilliseconds = 2000;

export class CorpusIndex {
  /** Documents recorded differently since the index was read or written. */
  private changes = 0;

  private constructor(
    /** Where the index is kept. */
    readonly file: string,
    private readonly root: string,
    private readonly documents: Map<string, IndexedDocument>,
    /** The table of names and paths as read; new ones are appended, so read numbers stay valid. */
    private readonly table: string[],
  ) {}

  /**
   * Open the index kept in the cache folder `dir` for the corpus at `root`, one per set of
   * `settings` its records depend on (empty when there is none).
   */
  static open(dir: string, settings: unknown, root: string): CorpusIndex {
    return CorpusIndex.openFile(storeLayout.corpusIndex(dir, settingsKey(settings)), root);
  }

  /** Open the index kept in `file` for the corpus at `root`. */
  static openFile(file: string, root: string): CorpusIndex {
    const { documents, table } = readIndex(file, root);
    return new CorpusIndex(file, root, documents, table);
  }

  get size(): number {
    return this.documents.size;
  }

  /** The recorded hash of a document whose signature still matches, if it can be trusted. */
  hashFor(path: string, signature: FileSignature): string | undefined {
    const entry = this.documents.get(path);
    if (!entry?.settled || !sameSignature(entry.signature, signature)) return undefined;
    return entry.hash;
  }

  /** The hash recorded for a document, whatever its signature now. */
  recordedHash(path: string): string | undefined {
    return this.documents.get(path)?.hash;
  }

  /** The cross-file keys recorded for this content of the document, if any. */
  keysFor(path: string, hash: string): CrossFileKeys | undefined {
    const entry = this.documents.get(path);
    return entry?.hash === hash ? entry.keys : undefined;
  }

  /**
   * Record what a scan that started at `scannedAt` saw of a document; keys recorded for the
   * same content stay unless new ones are given.
   */
  record(path: string, signature: FileSignature, hash: string, scannedAt: number, keys?: CrossFileKeys): void {
    const previous = this.documents.get(path);
    const settled = signature.mtimeMs < scannedAt - settleMilliseconds && signature.ctimeMs < scannedAt - settleMilliseconds;
    const kept = previous?.hash === hash && !keys ? previous : undefined;
    if (kept && kept.settled === settled && sameSignature(kept.signature, signature)) return;
    this.documents.set(path, { signature, settled, hash, keys: keys ?? kept?.keys, numbers: kept?.numbers });
    this.changes++;
  }

  setKeys(path: string, hash: string, keys: CrossFileKeys): void {
    const entry = this.documents.get(path);
    if (entry?.hash !== hash) return;
    entry.keys = keys;
    entry.numbers = undefined;
    this.changes++;
  }

  /** Keep only these documents: the others are gone from the corpus. */
  retain(paths: Iterable<string>): void {
    const kept = new Set(paths);
    for (const path of this.documents.keys()) {
      if (kept.has(path)) continue;
      this.documents.delete(path);
      this.changes++;
    }
  }

  /**
   * Write the index: a temp file renamed over the old one, so a killed run leaves no half.
   * Names and paths are written once, in a table the documents' keys point into. With
   * `atLeast`, only when that many documents changed: a few stale entries cost the next run
   * a few reads, less than writing the whole index. False when it could not be written.
   */
  async save({ compact = false, atLeast = 1 }: { compact?: boolean; atLeast?: number } = {}): Promise<boolean> {
    if (this.changes === 0 || this.changes < atLeast) return true;
    // Compacting (after a run that saw every document) drops names no document uses any more.
    const table = compact ? [] : this.table;
    let numberOf: Map<string, number> | undefined;
    const numbered = (list: readonly string[]) => {
      numberOf ??= new Map(table.map((text, number) => [text, number]));
      return list.map((text) => {
        let number = numberOf!.get(text);
        if (number === undefined) {
          number = table.length;
          numberOf!.set(text, number);
          table.push(text);
        }
        return number;
      });
    };
    const documents: StoredDocument[] = [];
    for (const [path, entry] of this.documents) {
      const { signature, settled, hash, keys } = entry;
      const stored: StoredDocument = [path, signature.size, signature.mtimeMs, signature.ctimeMs, signature.ino, settled ? 1 : 0, hash];
      if (keys) {
        if (compact || !entry.numbers) entry.numbers = [numbered(keys.defines), numbered(keys.references), numbered(keys.targets)];
        stored.push(...entry.numbers);
      }
      documents.push(stored);
    }
    const text = JSON.stringify(recordHeader('corpusIndex', { root: this.root, table, documents }));
    // The documents' numbers now point into the compacted table, written or not.
    if (compact) {
      this.table.length = 0;
      for (const name of table) this.table.push(name);
    }
    if (!(await writeRecord(this.file, text))) return false;
    this.changes = 0;
    return true;
  }
}

/** A document as the index file holds it: path, signature, settled (0 or 1), hash, then keys as table numbers. */
type StoredDocument = [string, number, number, number, number, 0 | 1, string, ...number[][]];

function sameSignature(a: FileSignature, b: FileSignature): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

interface ReadIndex {
  documents: Map<string, IndexedDocument>;
  table: string[];
}

function readIndex(file: string, root: string): ReadIndex {
  const empty = (): ReadIndex => ({ documents: new Map(), table: [] });
  const text = readRecord(file);
  const body = text === undefined ? undefined : parsedJson(text);
  if (!isCurrentHeader(body, 'corpusIndex', { root })) return empty();
  const { table, documents: stored } = body;
  if (!Array.isArray(table) || !Array.isArray(stored)) return empty();
  for (const text of table) if (typeof text !== 'string') return empty();
  const texts = (list: unknown): string[] | undefined => {
    if (!Array.isArray(list)) return undefined;
    const found = new Array<string>(list.length);
    for (let position = 0; position < list.length; position++) {
      const text = table[list[position] as number] as string | undefined;
      // Anything but a whole number in range finds no text (or a wrong one, caught by the check).
      if (text === undefined || !Number.isInteger(list[position])) return undefined;
      found[position] = text;
    }
    return found;
  };
  const documents = new Map<string, IndexedDocument>();
  for (const entry of stored as unknown[]) {
    // A shape check: a foreign entry is dropped, never trusted.
    if (!Array.isArray(entry) || (entry.length !== 7 && entry.length !== 10)) continue;
    const [path, size, mtimeMs, ctimeMs, ino, settled, hash] = entry as unknown[];
    if (typeof path !== 'string' || typeof hash !== 'string' || (settled !== 0 && settled !== 1)) continue;
    if (typeof size !== 'number' || typeof mtimeMs !== 'number' || typeof ctimeMs !== 'number' || typeof ino !== 'number') continue;
    let keys: CrossFileKeys | undefined;
    let numbers: number[][] | undefined;
    if (entry.length === 10) {
      const defines = texts(entry[7]);
      const references = texts(entry[8]);
      const targets = texts(entry[9]);
      if (!defines || !references || !targets) continue;
      keys = { defines, references, targets };
      numbers = [entry[7], entry[8], entry[9]] as number[][];
    }
    documents.set(path, { signature: { size, mtimeMs, ctimeMs, ino }, settled: settled === 1, hash, keys, numbers });
  }
  return { documents, table: table as string[] };
}
