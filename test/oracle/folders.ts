/**
 * The differential test on Markdown of your own: every `.md` and `.mdx` file git tracks in
 * the folders given (or every such file under a folder outside git) goes through the capsule
 * parser and, in batches, through stock remark-parse in another process.
 *
 *     pnpm oracle <folder>...
 *
 * Files over 400 KB are left out, as the batch would hold the reference's trees in memory.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, divergences } from './differential.js';

const maxBytes = 400_000;
const batch = 300;

/** The Markdown files of a folder: those git tracks, or every one under it outside git; none over `maxBytes`. */
export function markdownFiles(folder: string): string[] {
  let listed: string[];
  try {
    listed = execFileSync('git', ['ls-files', '-z', '--', '*.md', '*.mdx'], { cwd: folder, encoding: 'utf8', maxBuffer: 2 ** 30, stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\0')
      .filter((path) => path !== '');
  } catch {
    listed = walk(folder, '');
  }
  return listed.map((path) => join(folder, path)).filter((path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat !== undefined && stat.isFile() && stat.size <= maxBytes;
  });
}

function walk(folder: string, inside: string): string[] {
  return readdirSync(join(folder, inside), { withFileTypes: true }).flatMap((entry) => {
    const path = inside === '' ? entry.name : `${inside}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === '.git' || entry.name === 'node_modules' ? [] : walk(folder, path);
    return /\.mdx?$/i.test(entry.name) ? [path] : [];
  });
}

/** Where `pnpm oracle` writes: the standard streams, or a test's. */
export interface OracleOutput {
  out(text: string): void;
  error(text: string): void;
}

const standardOutput: OracleOutput = {
  out: (text) => process.stdout.write(text),
  error: (text) => process.stderr.write(text),
};

/** Run the differential on the folders' files, telling each divergence; the exit code says whether any was found, 2 for a usage mistake. */
export function runOracle(folders: string[], output: OracleOutput = standardOutput): number {
  if (folders.length === 0) {
    output.error('usage: pnpm oracle <folder>...\n');
    return 2;
  }
  const notFolders = folders.filter((folder) => !statSync(folder, { throwIfNoEntry: false })?.isDirectory());
  if (notFolders.length > 0) {
    for (const path of notFolders) output.error(`pnpm oracle: ${path} is not a folder\n`);
    return 2;
  }
  const files = folders.flatMap(markdownFiles);
  const started = performance.now();
  let found = 0;
  for (let from = 0; from < files.length; from += batch) {
    const paths = files.slice(from, from + batch);
    const texts = paths.map((path) => readFileSync(path, 'utf8'));
    for (const divergence of divergences(texts)) {
      found++;
      output.out(`✗ ${paths[texts.indexOf(divergence.text)]}\n${describe(divergence)}\n`);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const compared = `${files.length} ${files.length === 1 ? 'file' : 'files'}`;
  output.out(found === 0 ? `✓ the capsule parser agrees with stock remark-parse: ${compared} (${seconds} s)\n` : `✗ ${found} of ${compared} differ (${seconds} s)\n`);
  return found === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = runOracle(process.argv.slice(2));
