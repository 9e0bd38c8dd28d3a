/**
 * The parse cache: per file, keyed by the hash of its content, inside a namespace keyed by
 * the tool's build and every setting that changes what parsing yields. Beside each parse it
 * keeps the results of the analyzers that ran on it, each under its analyzer's key, so
 * commands with different analyzers (or none) share one parse.
 *
 * A namespace is a folder of 4,096 bucket files, by the first three hex digits of the content
 * hash: a run that changed one document rewrites one small bucket, not the whole cache, and
 * no single file grows with the corpus. A bucket is a header line, then one line per entry
 * (`hash`, a tab, the entry as JSON); buckets are read when a run first asks for one of
 * their entries, and an entry is parsed when asked for, so a run that needs a few documents
 * reads a few buckets. Each bucket is a record of the store (see `folder.ts`): written
 * atomically, and anything unexpected in it (corrupt, foreign, another version) is ignored
 * and rebuilt, never trusted.
 *
 * A run that parses many files says which it will (`writeWhenComplete`): each bucket is then
 * written as soon as its last one is set, while other files are still being parsed, instead
 * of all of them after the last parse, when nothing else could run beside the writing.
 */
import type { ProcessedFile, ProcessedFileText } from '../process-file.js';
import { bucketExtension, isCurrentHeader, parsedJson, readRecord, recordHeader, recordNames, settingsKey, storeLayout, writeRecord } from './folder.js';

/** A cached parse and the analyses made of it, by analyzer key. */
interface Entry {
  model: ProcessedFile['model'];
  messages: ProcessedFile['messages'];
  analyses: Record<string, unknown>;
}

/**
 * A bucket: each entry's line as read, parsed once it is asked for; an entry set by this run
 * is turned into its line only when its bucket is written.
 */
type Bucket = Map<string, { line?: string; entry?: Entry | null }>;

const bucketNames = Array.from({ length: 4096 }, (_, index) => index.toString(16).padStart(3, '0'));

const bucketOf = (hash: string) => hash.slice(0, 3);

/** How many bucket files a save writes at once. */
const bucketWritesAtOnce = 8;

export class ParseCache {
  private readonly buckets = new Map<string, Bucket>();
  private readonly used = new Set<string>();
  private readonly dirty = new Set<string>();
  /** Hashes still to be set, by bucket, for the buckets `writeWhenComplete` writes early. */
  private readonly awaited = new Map<string, Set<string>>();
  private readonly earlyQueue: string[] = [];
  private earlyActive = 0;
  private earlyRefused = false;
  private earlyDone: (() => void) | undefined;

  private constructor(
    readonly folder: string,
    private readonly namespace: string,
  ) {}

  /** Open the cache for a namespace (any JSON-serialisable description of the settings) in the cache folder `dir`. */
  static open(dir: string, namespace: unknown): ParseCache {
    const key = settingsKey(namespace);
    return new ParseCache(storeLayout.parseNamespace(dir, key), key);
  }

  /**
   * The cached result for a content hash, with the analysis made under `analyzerKey`; none
   * when the file was never parsed, or never analysed by that analyzer.
   */
  get(hash: string, analyzerKey: string | undefined): ProcessedFile | undefined {
    const found = this.peek(hash, analyzerKey);
    if (found) this.used.add(hash);
    return found;
  }

  /** Like `get`, for a look at an entry that this run does not keep (an earlier version's). */
  peek(hash: string, analyzerKey: string | undefined): ProcessedFile | undefined {
    const stored = this.bucket(bucketOf(hash)).get(hash);
    if (!stored) return undefined;
    if (stored.entry === undefined) {
      stored.entry = parseEntry(stored.line ?? '');
      // Parsed, the entry is what is kept: a bucket written again turns it back into a line.
      stored.line = undefined;
    }
    const entry = stored.entry;
    if (!entry || (analyzerKey !== undefined && !Object.hasOwn(entry.analyses, analyzerKey))) return undefined;
    return { model: entry.model, messages: entry.messages, analysis: analyzerKey === undefined ? undefined : entry.analyses[analyzerKey] };
  }

  set(hash: string, file: ProcessedFile, analyzerKey: string | undefined): void {
    const bucket = this.bucket(bucketOf(hash));
    const previous = bucket.get(hash);
    const analyses = { ...(previous && previous.entry === undefined ? parseEntry(previous.line ?? '') : previous?.entry)?.analyses };
    if (analyzerKey !== undefined) analyses[analyzerKey] = file.analysis;
    const entry: Entry = { model: file.model, messages: file.messages, analyses };
    bucket.set(hash, { entry });
    this.changed(hash);
  }

  /**
   * Like `set`, for a file given also as its JSON texts (`file` is what they read as): the
   * entry's line is made of the texts, not written out again, unless the cache already holds
   * analyses of the file to keep beside this one.
   */
  setText(hash: string, text: ProcessedFileText, file: ProcessedFile, analyzerKey: string | undefined): void {
    const bucket = this.bucket(bucketOf(hash));
    if (bucket.has(hash)) return this.set(hash, file, analyzerKey);
    // As `JSON.stringify` writes an entry: the key order of `Entry`, and no analysis that is undefined.
    const analyses = analyzerKey !== undefined && text.analysis !== undefined ? `${JSON.stringify(analyzerKey)}:${text.analysis}` : '';
    const line = `${hash}\t{"model":${text.model},"messages":${text.messages},"analyses":{${analyses}}}`;
    // The entry too, objects the run holds anyway: the line is let go once its bucket is written.
    bucket.set(hash, { line, entry: { model: file.model, messages: file.messages, analyses: analyzerKey === undefined ? {} : { [analyzerKey]: file.analysis } } });
    this.changed(hash);
  }

  /** Note that the entry for `hash` changed: its bucket is to be written, early when it was awaited. */
  private changed(hash: string): void {
    this.used.add(hash);
    const name = bucketOf(hash);
    this.dirty.add(name);
    const awaited = this.awaited.get(name);
    if (awaited?.delete(hash) && awaited.size === 0) {
      this.awaited.delete(name);
      this.earlyQueue.push(name);
      this.writeEarly();
    }
  }

  /**
   * Say which hashes this run will `set` (the files it parses, after every `get`): each bucket
   * is written when the last of them in it is set. Entries no document uses are dropped from it
   * by `save` with `prune`, as before.
   */
  writeWhenComplete(hashes: Iterable<string>): void {
    for (const hash of hashes) {
      const name = bucketOf(hash);
      let awaited = this.awaited.get(name);
      if (!awaited) this.awaited.set(name, (awaited = new Set()));
      awaited.add(hash);
    }
  }

  /** Write queued buckets, a few at a time; each leaves `dirty` as its text is taken, so a later `set` marks it again. */
  private writeEarly(): void {
    while (this.earlyActive < bucketWritesAtOnce && this.earlyQueue.length > 0 && !this.earlyRefused) {
      const name = this.earlyQueue.shift()!;
      if (!this.dirty.has(name)) continue;
      this.dirty.delete(name);
      const text = this.bucketText(name, this.header(), false);
      this.earlyActive++;
      void writeRecord(storeLayout.parseBucket(this.folder, name), text).then((written) => {
        this.earlyActive--;
        if (written) this.letLinesGo(name);
        else {
          this.earlyRefused = true;
          this.dirty.add(name);
        }
        this.writeEarly();
        if (this.earlyActive === 0 && (this.earlyQueue.length === 0 || this.earlyRefused)) this.earlyDone?.();
      });
    }
  }

  private header(): string {
    return JSON.stringify(recordHeader('parses', { namespace: this.namespace }));
  }

  /**
   * Write the buckets this run changed, each as a temp file renamed over the old one, so a
   * killed run never leaves half a bucket. With `prune` (a run that asked for every document
   * of the corpus), entries no document used any more are dropped. False when a bucket could
   * not be written (no further bucket is then started: the folder refuses writes).
   */
  async save({ prune }: { prune: boolean }): Promise<boolean> {
    if (this.earlyActive > 0) await new Promise<void>((resolve) => (this.earlyDone = resolve));
    this.earlyDone = undefined;
    if (this.earlyRefused) return false;
    if (prune) {
      const written = new Set(recordNames(this.folder, bucketExtension));
      for (const name of bucketNames) {
        if (!written.has(name) && !this.buckets.has(name)) continue;
        for (const hash of this.bucket(name).keys()) {
          if (!this.used.has(hash)) this.dirty.add(name);
        }
      }
    }
    if (this.dirty.size === 0) return true;
    const header = this.header();
    const waiting = [...this.dirty];
    let refused = false;
    // A few buckets at a time: a cold run writes thousands of small files, and one at a time
    // the run waited on each file's round trip to the disk. Only those few buckets' text is
    // held at once.
    const writeWaiting = async () => {
      for (let name = waiting.pop(); name !== undefined && !refused; name = waiting.pop()) {
        if (await writeRecord(storeLayout.parseBucket(this.folder, name), this.bucketText(name, header, prune))) {
          this.dirty.delete(name);
          this.letLinesGo(name);
        } else refused = true;
      }
    };
    await Promise.all(Array.from({ length: Math.min(bucketWritesAtOnce, waiting.length) }, writeWaiting));
    return !refused;
  }

  /** Drop the lines of a written bucket's entries that are held as objects too: written out again only if the bucket changes again. */
  private letLinesGo(name: string): void {
    for (const stored of this.bucket(name).values()) if (stored.entry) stored.line = undefined;
  }

  /** A bucket's file: the header, then a line per entry (without those no document used, when pruning). */
  private bucketText(name: string, header: string, prune: boolean): string {
    const lines = [header];
    for (const [hash, stored] of this.bucket(name)) {
      if (prune && !this.used.has(hash)) continue;
      const line = stored.line ?? (stored.entry ? `${hash}\t${JSON.stringify(stored.entry)}` : undefined);
      if (line !== undefined) lines.push(line);
    }
    return `${lines.join('\n')}\n`;
  }

  private bucket(name: string): Bucket {
    let bucket = this.buckets.get(name);
    if (!bucket) {
      bucket = readBucket(storeLayout.parseBucket(this.folder, name), this.namespace);
      this.buckets.set(name, bucket);
    }
    return bucket;
  }
}

/** A bucket file's entries, as lines; empty when the file is missing, unreadable, damaged or of another version or namespace. */
function readBucket(file: string, namespace: string): Bucket {
  const bucket: Bucket = new Map();
  const text = readRecord(file);
  if (text === undefined) return bucket;
  const lines = text.split('\n');
  if (!isCurrentHeader(parsedJson(lines[0] ?? ''), 'parses', { namespace })) return bucket;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    const tab = line.indexOf('\t');
    if (tab === 40) bucket.set(line.slice(0, tab), { line });
  }
  return bucket;
}

/** An entry line's entry, or null when it is not one (damaged or foreign). */
function parseEntry(line: string): Entry | null {
  try {
    const entry = JSON.parse(line.slice(line.indexOf('\t') + 1)) as unknown;
    return isEntry(entry) ? (entry as Entry) : null;
  } catch {
    return null;
  }
}

/** A shallow shape check: enough that a foreign entry is dropped instead of crashing a rule. */
function isEntry(entry: unknown): boolean {
  if (typeof entry !== 'object' || entry === null) return false;
  const { model, messages, analyses } = entry as Record<string, unknown>;
  if (typeof model !== 'object' || model === null || !Array.isArray(messages)) return false;
  if (typeof analyses !== 'object' || analyses === null) return false;
  const { capsules, headings, checklist, links, mentions } = model as Record<string, unknown>;
  return [capsules, headings, checklist, links, mentions].every(Array.isArray);
}
