/**
 * Preloaded into every measured process (`node --import`): on exit, append the process's
 * peak resident memory (worker threads included) to the file named by CAPSULE_BENCH_MEMORY.
 */
import { appendFileSync } from 'node:fs';

const target = process.env['CAPSULE_BENCH_MEMORY'];
if (target) {
  process.on('exit', () => {
    appendFileSync(target, `${process.resourceUsage().maxRSS * 1024}\n`);
  });
}
