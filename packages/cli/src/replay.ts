/**
 * Replaying a command's output, as `tsc -b` skips a project that is up to date: the result
 * is kept in the store's results (see the graph package's `store/results.ts`) under a key of
 * everything it was computed from, and printed again while that key stays the same. What is
 * CLI-specific lives here: which code a result depends on, and how a command's two streams
 * are kept in one record.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { buildStamp, inputsKey, Store } from '@capsule-docs/graph';

const require = createRequire(import.meta.url);

/** Build stamps of this package and of the packages named, as installed beside it. */
export function codeStamps(packages: readonly string[]): string[] {
  return [
    buildStamp(new URL('../package.json', import.meta.url)),
    ...packages.map((name) => buildStamp(pathToFileURL(require.resolve(`${name}/package.json`)))),
  ];
}

/** The key of a result computed by the code of `packages` (and this one) from `inputs`. */
export function replayKey(packages: readonly string[], inputs: Record<string, unknown>): string {
  return inputsKey({ ...inputs, code: codeStamps(packages) });
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
  const results = new Store(cache.dir).results(command);
  const key = replayKey(inputs.packages, inputs);
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
