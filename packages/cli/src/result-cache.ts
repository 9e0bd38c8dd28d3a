/**
 * The last result of a command, kept beside the parse cache and reused when nothing it was
 * computed from has changed, as `tsc -b` skips a project that is up to date. The key covers
 * every input: the code (build stamps of the packages that compute the result), the
 * settings, the corpus fingerprint (every file's path, every document's bytes) and whatever
 * else the caller names, such as the git tree a check compares with. One file per command
 * holds its latest result, so the cache does not grow; it is written atomically, and a
 * file that is damaged, foreign or keyed otherwise is ignored, never trusted.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync } from 'node:fs';
import { replaceFileSync } from '@capsule-docs/graph';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildStamp } from '@capsule-docs/graph';

const format = 'capsule-docs-result-cache';
const formatVersion = 1;

const require = createRequire(import.meta.url);

/** Build stamps of this package and of the packages named, as installed beside it. */
export function codeStamps(packages: readonly string[]): string[] {
  return [
    buildStamp(new URL('../package.json', import.meta.url)),
    ...packages.map((name) => buildStamp(pathToFileURL(require.resolve(`${name}/package.json`)))),
  ];
}

/** The key of a result computed from `inputs` (any JSON-serialisable value). */
export function resultKey(inputs: unknown): string {
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}

/** A stored result: the small facts kept beside it, and its text. */
export interface StoredResult {
  facts: Record<string, unknown>;
  text: string;
}

/** Bytes read to find the header line; it holds a few short fields only. */
const headerBytes = 4096;

/**
 * The latest result of one command. Its file is one line of JSON (format, version, key and
 * a few facts), then the result's text as it is: a run under another key reads only that
 * line, and a large output is kept and replayed without escaping.
 */
export class ResultCache {
  private readonly file: string;

  constructor(cacheDir: string, command: string) {
    this.file = join(cacheDir, 'results', `${command}.result`);
  }

  /** The result stored under `key`, if the stored one was made under that key. */
  get(key: string): StoredResult | undefined {
    try {
      const head = Buffer.alloc(headerBytes);
      const descriptor = openSync(this.file, 'r');
      let length: number;
      try {
        length = readSync(descriptor, head, 0, headerBytes, 0);
      } finally {
        closeSync(descriptor);
      }
      const headerLine = head.subarray(0, length).toString('utf8').split('\n', 1)[0]!;
      if (!this.matches(headerLine, key)) return undefined;
      const whole = readFileSync(this.file, 'utf8');
      // Replaced since the first read: take it only if it was stored under this key too.
      const newline = whole.indexOf('\n');
      if (newline === -1 || !this.matches(whole.slice(0, newline), key)) return undefined;
      const header = JSON.parse(whole.slice(0, newline)) as { facts?: unknown };
      const facts = typeof header.facts === 'object' && header.facts !== null ? (header.facts as Record<string, unknown>) : {};
      return { facts, text: whole.slice(newline + 1) };
    } catch {
      return undefined;
    }
  }

  /** Keep `text` (and `facts`) as the latest result, under `key`. A cache that cannot be written costs speed only. */
  set(key: string, text: string, facts: Record<string, unknown> = {}): void {
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      replaceFileSync(this.file, `${JSON.stringify({ format, version: formatVersion, key, facts })}\n${text}`);
    } catch {
      // Nothing is left behind; the next successful write replaces the file.
    }
  }

  private matches(headerLine: string, key: string): boolean {
    try {
      const header = JSON.parse(headerLine) as Record<string, unknown>;
      return header['format'] === format && header['version'] === formatVersion && header['key'] === key;
    } catch {
      return false;
    }
  }
}

/** What a command prints. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
}

/**
 * The output of `command` for `inputs` (which must name everything it depends on beyond
 * the code): replayed from the cache when stored under the same key, else computed and
 * stored. A computation that throws stores nothing.
 */
export async function replayedOutput(
  cache: { dir: string } | false,
  command: string,
  inputs: { packages: readonly string[]; [input: string]: unknown },
  compute: () => Promise<CommandOutput>,
): Promise<CommandOutput> {
  if (!cache) return compute();
  const results = new ResultCache(cache.dir, command);
  const key = resultKey({ ...inputs, code: codeStamps(inputs.packages) });
  const stored = results.get(key);
  // Standard error is kept at the front of the text, its length among the facts.
  const stderrLength = stored?.facts['stderrLength'];
  if (stored && typeof stderrLength === 'number' && Number.isInteger(stderrLength) && stderrLength >= 0 && stderrLength <= stored.text.length) {
    return { stderr: stored.text.slice(0, stderrLength), stdout: stored.text.slice(stderrLength) };
  }
  const output = await compute();
  results.set(key, output.stderr + output.stdout, { stderrLength: output.stderr.length });
  return output;
}
