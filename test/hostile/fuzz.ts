/**
 * The hostile properties run long, for occasional use rather than every test run:
 *
 *     pnpm fuzz [--runs N] [--seed S]
 *
 * Each property runs N times (default 2000). The seed is printed first, so a failure can be
 * replayed exactly with `--seed`.
 */
import fc from 'fast-check';
import { anyTextReadsSoundly, findingsInsideTheirFiles, sameFindingsForAnyLineEnding } from './corpus-properties.js';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isSafeInteger(value)) throw new Error(`--${name} takes a whole number, not \`${process.argv[index + 1] ?? ''}\``);
  return value;
}

const runs = option('runs', 2000);
const seed = option('seed', Date.now() % 2 ** 31);
process.stdout.write(`fuzzing with --runs ${runs} --seed ${seed}\n`);
let failed = false;

function run<T>(name: string, property: fc.IProperty<T>): void {
  const started = performance.now();
  const details = fc.check(property, { numRuns: runs, seed });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (details.failed) {
    failed = true;
    process.stdout.write(`✗ ${name} (${seconds} s)\n${fc.defaultReportMessage(details)}\n`);
  } else {
    process.stdout.write(`✓ ${name}: ${details.numRuns} runs (${seconds} s)\n`);
  }
}

run('every finding inside its file', findingsInsideTheirFiles);
run('the same findings for any line ending', sameFindingsForAnyLineEnding);
run('any text read soundly', anyTextReadsSoundly);
process.exitCode = failed ? 1 : 0;
