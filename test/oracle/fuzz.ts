/**
 * The differential test run long, for occasional use (`pnpm fuzz` runs it after the hostile
 * properties):
 *
 *     node test/oracle/dist/fuzz.js [--runs N] [--seed S]
 *
 * N generated, mutated capsule documents (default 100000) go through the capsule parser and,
 * in batches, through stock remark-parse in another process. The seed is printed first, so a
 * divergence can be found again with `--seed`.
 */
import fc from 'fast-check';
import { describe, divergences } from './differential.js';
import { hostileDocument } from './documents.js';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isSafeInteger(value)) throw new Error(`--${name} takes a whole number, not \`${process.argv[index + 1] ?? ''}\``);
  return value;
}

const runs = option('runs', 100_000);
const seed = option('seed', Date.now() % 2 ** 31);
const batch = 2000;
process.stdout.write(`differential fuzzing with --runs ${runs} --seed ${seed}\n`);
const started = performance.now();
const texts = fc.sample(hostileDocument, { seed, numRuns: runs });
let found = 0;
for (let from = 0; from < texts.length; from += batch) {
  for (const divergence of divergences(texts.slice(from, from + batch))) {
    found++;
    if (found <= 20) process.stdout.write(`✗ ${describe(divergence)}\n`);
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(found === 0 ? `✓ the capsule parser agrees with stock remark-parse: ${runs} documents (${seconds} s)\n` : `✗ ${found} of ${runs} documents differ (${seconds} s)\n`);
process.exitCode = found === 0 ? 0 : 1;
