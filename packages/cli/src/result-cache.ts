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
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

export class ResultCache {
  private readonly file: string;

  constructor(cacheDir: string, command: string) {
    this.file = join(cacheDir, 'results', `${command}.json`);
  }

  /** The result stored under `key`, if the stored one was made under that key. */
  get(key: string): unknown {
    try {
      const body = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, unknown>;
      if (body['format'] !== format || body['version'] !== formatVersion || body['key'] !== key) return undefined;
      return body['result'];
    } catch {
      return undefined;
    }
  }

  /** Keep `result` as the latest, under `key`. A cache that cannot be written costs speed only. */
  set(key: string, result: unknown): void {
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      writeFileSync(temporary, JSON.stringify({ format, version: formatVersion, key, result }));
      renameSync(temporary, this.file);
    } catch {
      // Left behind only if the rename failed; the next successful write replaces the file.
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
  const stored = results.get(key) as Partial<CommandOutput> | undefined;
  if (typeof stored?.stdout === 'string' && typeof stored.stderr === 'string') return { stdout: stored.stdout, stderr: stored.stderr };
  const output = await compute();
  results.set(key, output);
  return output;
}
