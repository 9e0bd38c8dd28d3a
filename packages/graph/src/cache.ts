/**
 * The parse cache: per file, keyed by the hash of its content, inside a namespace keyed by
 * the tool's build and every setting that changes what parsing yields. Beside each parse it
 * keeps the results of the analyzers that ran on it, each under its analyzer's key, so
 * commands with different analyzers (or none) share one parse. One JSON file per namespace,
 * written atomically. Anything unexpected in it (corrupt, foreign, another version) is
 * ignored and rebuilt, never trusted.
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
const formatVersion = 2;

/** The hash a file's cache entry is keyed by. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

export class ParseCache {
  private readonly used = new Map<string, Entry>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly namespace: string,
    private readonly stored: Map<string, Entry>,
  ) {}

  /** Open the cache for a namespace (any JSON-serialisable description of the settings). */
  static async open(directory: string, namespace: unknown): Promise<ParseCache> {
    const key = createHash('sha1').update(JSON.stringify(namespace)).digest('hex').slice(0, 16);
    const file = join(directory, `parse-${key}.json`);
    return new ParseCache(file, key, await readEntries(file, key));
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
    this.changed = true;
  }

  /**
   * Write the entries this run used (entries of files that are gone are dropped), as a
   * temp file renamed over the old one so a killed run never leaves half a cache.
   */
  async save(): Promise<void> {
    if (!this.changed && this.used.size === this.stored.size) return;
    const directory = join(this.file, '..');
    await mkdir(directory, { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    const body = { format, version: formatVersion, namespace: this.namespace, entries: Object.fromEntries(this.used) };
    await writeFile(temporary, JSON.stringify(body));
    await rename(temporary, this.file);
  }
}

async function readEntries(file: string, namespace: string): Promise<Map<string, Entry>> {
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
      return new Map();
    }
    const valid = Object.entries(entries as Record<string, unknown>).filter(([, entry]) => isEntry(entry));
    return new Map(valid as [string, Entry][]);
  } catch {
    return new Map();
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
