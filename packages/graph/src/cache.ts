/**
 * The parse cache: per file, keyed by the hash of its content, inside a namespace keyed by
 * the tool's build and every setting that changes what parsing yields. Beside each parse it
 * keeps the results of the analyzers that ran on it, each under its analyzer's key, so
 * commands with different analyzers (or none) share one parse.
 *
 * A namespace is a folder of 256 bucket files, by the first two hex digits of the content
 * hash: a run that changed one document rewrites one small bucket, not the whole cache, and
 * no single file grows with the corpus. Each bucket is written atomically (temp file, then
 * rename). Anything unexpected in a bucket (corrupt, foreign, another version) is ignored
 * and rebuilt, never trusted.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProcessedFile } from './process-file.js';

/** A cached parse and the analyses made of it, by analyzer key. */
interface Entry {
  model: ProcessedFile['model'];
  messages: ProcessedFile['messages'];
  analyses: Record<string, unknown>;
}

const format = 'capsule-docs-parse-cache';
const formatVersion = 3;
const bucketNames = Array.from({ length: 256 }, (_, index) => index.toString(16).padStart(2, '0'));

/** The hash a file's cache entry is keyed by. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

const bucketOf = (hash: string) => hash.slice(0, 2);

export class ParseCache {
  private readonly used = new Map<string, Entry>();
  private readonly dirty = new Set<string>();

  private constructor(
    private readonly folder: string,
    private readonly namespace: string,
    private readonly stored: Map<string, Entry>,
  ) {}

  /** Open the cache for a namespace (any JSON-serialisable description of the settings). */
  static async open(directory: string, namespace: unknown): Promise<ParseCache> {
    const key = createHash('sha1').update(JSON.stringify(namespace)).digest('hex').slice(0, 16);
    const folder = join(directory, `parse-${key}`);
    const buckets = await Promise.all(bucketNames.map((name) => readBucket(join(folder, `${name}.json`), key)));
    return new ParseCache(folder, key, new Map(buckets.flat()));
  }

  /**
   * The cached result for a content hash, with the analysis made under `analyzerKey`; none
   * when the file was never parsed, or never analysed by that analyzer.
   */
  get(hash: string, analyzerKey: string | undefined): ProcessedFile | undefined {
    const entry = this.stored.get(hash);
    if (!entry || (analyzerKey !== undefined && !Object.hasOwn(entry.analyses, analyzerKey))) return undefined;
    this.used.set(hash, entry);
    return { model: entry.model, messages: entry.messages, analysis: analyzerKey === undefined ? undefined : entry.analyses[analyzerKey] };
  }

  set(hash: string, file: ProcessedFile, analyzerKey: string | undefined): void {
    const analyses = { ...this.stored.get(hash)?.analyses };
    if (analyzerKey !== undefined) analyses[analyzerKey] = file.analysis;
    this.used.set(hash, { model: file.model, messages: file.messages, analyses });
    this.dirty.add(bucketOf(hash));
  }

  /**
   * Write the buckets this run changed, and those holding entries of files that are gone
   * (which are dropped): each as a temp file renamed over the old one, so a killed run never
   * leaves half a bucket.
   */
  async save(): Promise<void> {
    for (const hash of this.stored.keys()) if (!this.used.has(hash)) this.dirty.add(bucketOf(hash));
    if (this.dirty.size === 0) return;
    await mkdir(this.folder, { recursive: true });
    const contents = new Map<string, Record<string, Entry>>([...this.dirty].map((name) => [name, {}]));
    for (const [hash, entry] of this.used) {
      const bucket = contents.get(bucketOf(hash));
      if (bucket) bucket[hash] = entry;
    }
    await Promise.all(
      [...contents].map(async ([name, entries]) => {
        const file = join(this.folder, `${name}.json`);
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, JSON.stringify({ format, version: formatVersion, namespace: this.namespace, entries }));
        await rename(temporary, file);
      }),
    );
  }
}

async function readBucket(file: string, namespace: string): Promise<[string, Entry][]> {
  try {
    const body = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const entries = body['entries'];
    if (
      body['format'] !== format ||
      body['version'] !== formatVersion ||
      body['namespace'] !== namespace ||
      typeof entries !== 'object' ||
      entries === null
    ) {
      return [];
    }
    return Object.entries(entries as Record<string, unknown>).filter((pair): pair is [string, Entry] => isEntry(pair[1]));
  } catch {
    return [];
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
