/**
 * What every kind of record in the cache folder shares: where it lives, how its key is made,
 * the format and version it carries, and how it is read and written. Reading never throws:
 * a record that is missing, unreadable, damaged, foreign or of another version is a miss,
 * and the caller computes what it would have held. Writing never throws either: a record is
 * written to a temporary file renamed over the old one, so a reader (another process
 * included) sees the old record or the new one, never half; a folder that cannot be written
 * costs the next run its speed, not its result. The layout is documented in the package
 * README ("The cache folder").
 */
import { createHash, hash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { replaceFile, replaceFileSync } from '../atomic-write.js';

/**
 * Each kind of record with the format name and version its files carry. A change to what a
 * kind holds, or how, raises its version: files of another version are then misses.
 */
export const recordFormats = {
  parses: { format: 'capsule-docs-parse-cache', version: 85 },
  corpusIndex: { format: 'capsule-docs-corpus-index', version: 3 },
  result: { format: 'capsule-docs-result-cache', version: 1 },
} as const;

export type RecordKind = keyof typeof recordFormats;

/** Where each kind of record lives in the cache folder. */
export const storeLayout = {
  /** The folder of one parse namespace: its bucket files are `<bucket>.jsonl` in it. */
  parseNamespace: (dir: string, namespaceKey: string) => join(dir, `parse-${namespaceKey}`),
  parseBucket: (namespaceFolder: string, bucket: string) => join(namespaceFolder, `${bucket}${bucketExtension}`),
  corpusIndex: (dir: string, key: string) => join(dir, `index-${key}.json`),
  resultsFolder: 'results',
  result: (dir: string, name: string) => join(dir, storeLayout.resultsFolder, `${name}.result`),
};

export const bucketExtension = '.jsonl';

/** A short key for a set of settings (any JSON-serialisable value): names a namespace or an index. */
export function settingsKey(settings: unknown): string {
  return createHash('sha1').update(JSON.stringify(settings)).digest('hex').slice(0, 16);
}

/** The key of a result computed from `inputs` (any JSON-serialisable value naming all of them). */
export function inputsKey(inputs: unknown): string {
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}

/** The hash a document's content is known by (40 hex digits). */
export function contentHash(bytes: Uint8Array): string {
  return hash('sha1', bytes);
}

/** A record's header fields: its kind's format and version first, then the fields given. */
export function recordHeader<Fields extends Record<string, unknown>>(kind: RecordKind, fields: Fields): { format: string; version: number } & Fields {
  return { ...recordFormats[kind], ...fields };
}

/**
 * Whether `header` (parsed JSON, or anything) is a header of this kind and version whose
 * fields equal `expected`: only then may the record be trusted.
 */
export function isCurrentHeader(header: unknown, kind: RecordKind, expected: Record<string, string> = {}): header is Record<string, unknown> {
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return false;
  const fields = header as Record<string, unknown>;
  const { format, version } = recordFormats[kind];
  if (fields['format'] !== format || fields['version'] !== version) return false;
  return Object.entries(expected).every(([name, value]) => fields[name] === value);
}

/** JSON text parsed, or undefined when it is not JSON. */
export function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A record's text; undefined when it cannot be read (missing, a folder, no permission). */
export function readRecord(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The first line of a record, read from at most its first `bytes` bytes; undefined when unreadable. */
export function readRecordFirstLine(file: string, bytes: number): string | undefined {
  try {
    const head = Buffer.alloc(bytes);
    const descriptor = openSync(file, 'r');
    let length: number;
    try {
      length = readSync(descriptor, head, 0, bytes, 0);
    } finally {
      closeSync(descriptor);
    }
    return head.subarray(0, length).toString('utf8').split('\n', 1)[0]!;
  } catch {
    return undefined;
  }
}

/** The names (without extension) of the records in a folder with this extension; none when it cannot be read. */
export function recordNames(folder: string, extension: string): string[] {
  try {
    return readdirSync(folder)
      .filter((file) => file.endsWith(extension))
      .map((file) => file.slice(0, -extension.length));
  } catch {
    return [];
  }
}

/**
 * Replace a record (creating its folder): a temporary file renamed over the old one, not
 * flushed to disk, as a lost record is only a miss. False when it could not be written.
 */
export async function writeRecord(file: string, text: string): Promise<boolean> {
  try {
    makeFolders(dirname(file));
    await replaceFile(file, text, { durable: false });
    return true;
  } catch {
    return false;
  }
}

/** `writeRecord` for callers that cannot wait. */
export function writeRecordSync(file: string, text: string): boolean {
  try {
    makeFolders(dirname(file));
    replaceFileSync(file, text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Create a folder and those missing above it, one at a time. Node's recursive mkdir never
 * returns where a file system answers ENOENT for a folder whose parent is there (procfs: a
 * cache folder under `/proc`); made step by step, the first refusal ends it.
 */
function makeFolders(folder: string): void {
  const missing: string[] = [];
  for (let current = folder; !existsSync(current) && dirname(current) !== current; current = dirname(current)) missing.push(current);
  for (const path of missing.reverse()) {
    try {
      mkdirSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
