/**
 * `capsule mv SOURCE DESTINATION`: move a file or folder of the corpus and rewrite every
 * link and SeeAlso location that reaches it by its path, and a moved document's own
 * relative links, so that the check finds nothing new afterwards. Every edit is planned and
 * staged before anything moves; when an edit cannot be written the move is undone.
 */
import { existsSync, lstatSync, mkdirSync, realpathSync, renameSync, rmdirSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { loadGraph, resolveCorpus, toPosix } from '@capsule-docs/graph';
import type { Command } from 'commander';
import { readDocumentOnDisk, readTextOrUndefined } from '../document-on-disk.js';
import { applyIndexMove, IndexMoveError, planIndexMove, type IndexMove } from '../git-index-move.js';
import { UsageError, type Io } from '../io.js';
import { planMove, type MoveChange, type MoveChangeKind } from '../move-plan.js';
import { plural } from '../plural.js';
import { WriteError, writeFilesAtomically } from '../write.js';

interface MoveOptions {
  root?: string;
  config?: string | false;
  dryRun?: boolean;
  git?: boolean;
}

const kindLabels: Record<MoveChangeKind, string> = {
  link: 'link',
  image: 'image',
  definition: 'link definition',
  import: 'import',
  'see-also': 'SeeAlso location',
  navigation: 'MkDocs nav entry',
};

export function registerMove(program: Command, io: Io): void {
  program
    .command('mv')
    .alias('move')
    .description('move a file or folder of the corpus and rewrite the links that reach it')
    .argument('<source>', 'the file or folder to move')
    .argument('<destination>', 'its new path, or a folder to move it into')
    .option('--root <folder>', 'the corpus root (default: from the configuration, else the working directory)')
    .option('-c, --config <file>', 'use this configuration file instead of looking for one')
    .option('--no-config', 'use no configuration file')
    .option('--dry-run', 'print what would change and move nothing')
    .option('--git', 'also record the move in git\'s index, as `git mv` does (the link edits stay unstaged)')
    .action(async (source: string, destination: string, options: MoveOptions) => {
      await runMove(source, destination, options, io);
    });
}

async function runMove(source: string, destination: string, options: MoveOptions, io: Io): Promise<void> {
  // Every document's whole text is needed to edit it, so the cache (which may hold summaries) is not read.
  const { load } = resolveCorpus({ cwd: io.cwd, config: options.config, root: options.root, cache: false, env: io.env });
  const { root } = load;
  const shown = (path: string) => toPosix(relative(io.cwd, join(root, path)));

  const sourceAbsolute = resolve(io.cwd, source);
  if (!lstatOrUndefined(sourceAbsolute)) throw new UsageError(`${source} does not exist`, 'Name a file or folder of the corpus.');
  const from = insideRoot(root, sourceAbsolute, source);
  let destinationAbsolute = resolve(io.cwd, destination);
  // As `mv` and `git mv` do, a folder that exists takes the source inside it.
  if (lstatOrUndefined(destinationAbsolute)?.isDirectory() && realOrSelf(destinationAbsolute) !== realOrSelf(sourceAbsolute)) {
    destinationAbsolute = join(destinationAbsolute, basename(sourceAbsolute));
  }
  const to = insideRoot(root, destinationAbsolute, destination);
  if (from === '') throw new UsageError('The corpus root itself cannot be moved', 'Name a file or folder inside it.');
  if (to === from) throw new UsageError(`${destination} is where ${source} already is`, 'Name another place.');
  if (to.startsWith(`${from}/`)) throw new UsageError(`${source} cannot be moved inside itself (${destination})`, 'Name a place outside it.');
  if (lstatOrUndefined(destinationAbsolute)) throw new UsageError(`${toPosix(relative(io.cwd, destinationAbsolute))} already exists`, 'Move it away first, or name another place.');

  let indexMove: IndexMove | undefined;
  if (options.git) {
    try {
      indexMove = planIndexMove(join(realOrSelf(dirname(sourceAbsolute)), basename(sourceAbsolute)), join(realOrSelf(dirname(destinationAbsolute)), basename(destinationAbsolute)));
    } catch (error) {
      if (!(error instanceof IndexMoveError)) throw error;
      throw new UsageError(`--git: ${source} ${error.message}`, 'Nothing was moved; move it without --git, or resolve that first.');
    }
  }

  const { graph } = await loadGraph(load);
  const plan = planMove(graph, [{ from, to }], (path) => readTextOrUndefined(join(root, path)));
  const placeAfter = new Map(plan.moved.map((entry) => [entry.from, entry.to]));
  const byDocument = new Map<string, MoveChange[]>();
  for (const change of plan.changes) {
    const list = byDocument.get(change.document);
    if (list) list.push(change);
    else byDocument.set(change.document, [change]);
  }
  const writes = [...byDocument].map(([path, changes]) => {
    const original = graph.document(path)?.text ?? plan.otherTexts.get(path)!;
    const onDisk = readDocumentOnDisk(join(root, path));
    if (onDisk.text !== original) throw new UsageError(`${shown(path)} changed while it was being read; nothing was moved`, 'Run the command again.');
    let text = original;
    for (const change of [...changes].sort((a, b) => b.start - a.start)) text = text.slice(0, change.start) + change.text + text.slice(change.end);
    return { path: join(root, placeAfter.get(path) ?? path), text: onDisk.encode(text) };
  });

  // Changes and references left as written are listed where the documents are after the move.
  const report = () => {
    for (const change of plan.changes) io.stdout(`${shown(placeAfter.get(change.document) ?? change.document)}:${change.line}:${change.column}  ${kindLabels[change.kind]}\n`);
    for (const reference of plan.left) {
      io.stderr(`${shown(placeAfter.get(reference.document) ?? reference.document)}:${reference.line}:${reference.column}  left as written: \`${reference.written}\`: ${reference.reason}\n`);
    }
  };
  const leftOver = plan.left.length > 0 ? `; ${plural(plan.left.length, 'reference')} left as written` : '';
  const summary = `${plural(plan.changes.length, 'change')} in ${plural(byDocument.size, 'file')}${leftOver}`;
  const what = `${shown(from)} to ${shown(to)}`;
  if (options.dryRun) {
    report();
    io.stdout(`Would move ${what}: ${summary} (dry run: nothing written)\n`);
    return;
  }

  const createdFolders = makeFolders(dirname(destinationAbsolute));
  try {
    renameSync(sourceAbsolute, destinationAbsolute);
  } catch (error) {
    removeFolders(createdFolders);
    throw new UsageError(`Cannot move ${source} to ${destination}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 'Nothing was moved.');
  }
  try {
    await writeFilesAtomically(writes, root);
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    renameSync(destinationAbsolute, sourceAbsolute);
    removeFolders(createdFolders);
    throw new UsageError(`Cannot write ${toPosix(relative(io.cwd, error.path))}: it ${error.message}`, 'Nothing was moved.');
  }
  report();
  io.stdout(`Moved ${what}: ${summary}\n`);
  if (indexMove) {
    const staged = applyIndexMove(indexMove);
    io.stdout(`Recorded in git's index: ${plural(staged, 'tracked file')} renamed; the link edits are not staged\n`);
  }
}

/** `absolute`'s path from the root, refusing a place outside it. */
function insideRoot(root: string, absolute: string, written: string): string {
  const inside = relative(realOrSelf(root), join(realOrSelf(dirname(absolute)), basename(absolute)));
  if (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    throw new UsageError(`${written} is outside the corpus root`, 'Links are rewritten inside the corpus only: move files within it.');
  }
  return toPosix(inside);
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** The real path of `path`, or of the nearest folder above it that exists, with the rest appended. */
function realOrSelf(path: string): string {
  if (existsSync(path)) return realpathSync(path);
  const parent = dirname(path);
  return parent === path ? path : join(realOrSelf(parent), basename(path));
}

/** Create `folder` and the folders above it that are missing; returns those it made, deepest first. */
function makeFolders(folder: string): string[] {
  const made: string[] = [];
  for (let current = folder; !existsSync(current); current = dirname(current)) made.push(current);
  if (made.length > 0) mkdirSync(folder, { recursive: true });
  return made;
}

function removeFolders(folders: string[]): void {
  for (const folder of folders) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty or already gone: leave it.
    }
  }
}
