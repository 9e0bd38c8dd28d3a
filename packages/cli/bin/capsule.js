#!/usr/bin/env node
// The installed entry point: a plain file so the bin link exists before the first build.
import { readFileSync, statSync } from 'node:fs';

// A reader that stops early (`capsule graph | head`) closes the pipe: that ends the
// output, it is not an error worth a stack trace. Output that cannot be written (a full
// disk, `> /dev/full`) is said in a line, with the exit code of a write that failed.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`capsule: could not write standard output (${error.code ?? error.message}); the output is incomplete\n`);
  process.exit(2);
});

const { main } = await import(bundleIsCurrent() ? '../dist/bundle/main.js' : '../dist/main.js');
process.exitCode = await main(process.argv.slice(2));

/**
 * The bundle (scripts/bundle.js) starts faster than the modules it is made of, but only
 * while it is made of the files that are there now: after a rebuild without a new bundle, or
 * a new install, the modules run. So they do with CAPSULE_BUNDLE=0, for stack traces that
 * name the modules' files and for code loaded with `node --import` that changes them.
 */
function bundleIsCurrent() {
  if (process.env.CAPSULE_BUNDLE === '0') return false;
  try {
    const { inputs } = JSON.parse(readFileSync(new URL('../dist/bundle-inputs.json', import.meta.url), 'utf8'));
    return inputs.every(([path, size, mtimeMs]) => {
      const stats = statSync(path, { throwIfNoEntry: false });
      return stats !== undefined && stats.size === size && stats.mtimeMs === mtimeMs;
    });
  } catch {
    return false;
  }
}
