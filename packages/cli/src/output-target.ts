/**
 * Where a command may write what it makes (`export --out`, `check --output-file`): never over
 * a document of the corpus it reads, nor over the configuration it read.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { isInside, readsAsDocument, toPosix, type CorpusScan, type LoadOptions, type ResolvedConfig } from '@capsule-docs/graph';
import { UsageError } from './io.js';

/** How the refusals name the command and what it writes: `export`, `export`; `check`, `report`. */
export interface OutputWords {
  command: string;
  product: string;
  flag: string;
}

/**
 * A file written as a document of the corpus the command reads would be read back by the next
 * run (an agents file grows by its own checklists each time, a report's quoted messages become
 * findings) and would replace whatever the document held (a hand-written `AGENTS.md`).
 * `root` is where the corpus stands on disk, which is the scan's root except in a staged check.
 */
export function refuseWritingIntoCorpus(
  target: string,
  written: string,
  corpus: { root: string; load: LoadOptions; scan: CorpusScan },
  words: OutputWords,
): void {
  // The file is written through a symbolic link (`CLAUDE.md` leading to `docs/AGENTS.md`), so
  // the place it leads to is judged as well as the path given.
  const places: [string, string][] = [
    [corpus.root, target],
    [realTarget(corpus.root), realTarget(target)],
  ];
  const found = places
    .map(([root, place], index) => ({ root, place, through: index === 1 && place !== target }))
    .filter(({ root, place }) => isInside(root, place))
    .map(({ root, place, through }) => ({ path: toPosix(relative(root, place)), through }))
    .find(({ path: inside }) => readsAsDocument(corpus.scan, corpus.load, inside));
  if (found === undefined) return;
  const exists = corpus.scan.paths.includes(found.path);
  const what = found.through ? `${written} leads to \`${found.path}\`, which` : written;
  const { command, product } = words;
  throw new UsageError(
    exists
      ? `${what} is a document of the corpus this ${command} reads; writing there would replace its text, and the next ${command} would read the ${product} back`
      : `${what} would be a document of the corpus this ${command} reads; the next ${command} would read the ${product} back`,
    'Write it outside the corpus, or leave it out with `exclude` in the configuration.',
  );
}

/** The configuration the run read is the user's: nothing the command makes replaces it. */
export function refuseWritingOverSettings(target: string, written: string, config: ResolvedConfig, words: OutputWords): void {
  if (config.file === undefined || realTarget(config.file) !== realTarget(target)) return;
  throw new UsageError(`${written} is the configuration this ${words.command} reads; writing there would replace it`, `Choose another ${words.flag}.`);
}

/** The file a path names, through symbolic links; for a file not there yet, the one its folder would hold. */
export function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}
