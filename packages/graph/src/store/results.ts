/**
 * The last result of a command, kept beside the parse cache and reused when nothing it was
 * computed from has changed, as `tsc -b` skips a project that is up to date. The caller's key
 * (see `inputsKey`) covers every input: the code, the settings, the corpus fingerprint and
 * whatever else the result depends on. One record per command holds its latest result, so
 * the folder does not grow; it is a record of the store (see `folder.ts`): written
 * atomically, and one that is damaged, foreign or keyed otherwise is a miss, never trusted.
 */
import { isCurrentHeader, parsedJson, readRecord, readRecordFirstLine, recordHeader, storeLayout, writeRecordSync } from './folder.js';

/** A stored result: the small facts kept beside it, and its text. */
export interface StoredResult {
  facts: Record<string, unknown>;
  text: string;
}

/** Bytes read to find the header line; it holds a few short fields only. */
const headerBytes = 4096;

/**
 * The latest result of one command. Its record is one line of JSON (format, version, key
 * and a few facts), then the result's text as it is: a run under another key reads only
 * that line, and a large output is kept and replayed without escaping.
 */
export class ResultStore {
  private readonly file: string;

  /** The result of `command` (a name that is also a file name) in the cache folder `dir`. */
  constructor(dir: string, command: string) {
    this.file = storeLayout.result(dir, command);
  }

  /** The result stored under `key`, if the stored one was made under that key. */
  get(key: string): StoredResult | undefined {
    const headerLine = readRecordFirstLine(this.file, headerBytes);
    if (headerLine === undefined || !isCurrentHeader(parsedJson(headerLine), 'result', { key })) return undefined;
    const whole = readRecord(this.file);
    // Replaced since the first read: take it only if it was stored under this key too.
    const newline = whole?.indexOf('\n') ?? -1;
    if (whole === undefined || newline === -1) return undefined;
    const header = parsedJson(whole.slice(0, newline));
    if (!isCurrentHeader(header, 'result', { key })) return undefined;
    const facts = header['facts'];
    return { facts: typeof facts === 'object' && facts !== null && !Array.isArray(facts) ? (facts as Record<string, unknown>) : {}, text: whole.slice(newline + 1) };
  }

  /**
   * Keep `text` (and `facts`) as the latest result, under `key`. False when it could not be
   * written, which costs the next run its speed only.
   */
  set(key: string, text: string, facts: Record<string, unknown> = {}): boolean {
    return writeRecordSync(this.file, `${JSON.stringify(recordHeader('result', { key, facts }))}\n${text}`);
  }
}
