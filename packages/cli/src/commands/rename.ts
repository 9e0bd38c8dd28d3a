/**
 * `capsule rename OldName NewName`: rename a capsule and every reference to it across the
 * corpus (SeeAlso entries, checklist citations, mentions in prose, links to its heading's
 * anchor). Places come from the graph, so only references that resolve to this capsule
 * change. Every changed file is staged before any is replaced: all or nothing.
 */
import { join, relative } from 'node:path';
import { loadGraph, resolveCorpus, toPosix } from '@capsule-docs/graph';
import type { Command } from 'commander';
import { readDocumentOnDisk } from '../document-on-disk.js';
import { UsageError, type Io } from '../io.js';
import { newNameProblem, planRename, type RenameChange, type RenameChangeKind } from '../rename-plan.js';
import { WriteError, writeFilesAtomically } from '../write.js';

interface RenameOptions {
  root?: string;
  config?: string | false;
  dryRun?: boolean;
}

const kindLabels: Record<RenameChangeKind, string> = {
  heading: 'heading',
  'see-also': 'SeeAlso',
  cites: 'checklist citation',
  mentions: 'mention',
  anchor: 'link anchor',
};

export function registerRename(program: Command, io: Io): void {
  program
    .command('rename')
    .description('rename a capsule and every reference to it across the corpus')
    .argument('<old-name>', 'the capsule to rename')
    .argument('<new-name>', 'its new name (CamelCase, not yet used)')
    .option('--root <folder>', 'the corpus root (default: from the configuration, else the working directory)')
    .option('-c, --config <file>', 'use this configuration file instead of looking for one')
    .option('--no-config', 'use no configuration file')
    .option('--dry-run', 'print what would change and write nothing')
    .action(async (oldName: string, newName: string, options: RenameOptions) => {
      await runRename(oldName, newName, options, io);
    });
}

async function runRename(oldName: string, newName: string, options: RenameOptions, io: Io): Promise<void> {
  const invalid = newNameProblem(newName);
  if (invalid) throw new UsageError(invalid.message, invalid.hint);
  // Every document's whole text is needed to edit it, so the cache (which may hold summaries) is not read.
  const { load } = resolveCorpus({ cwd: io.cwd, config: options.config, root: options.root, cache: false, env: io.env });
  const { root } = load;
  const { graph } = await loadGraph(load);

  const plan = planRename(graph, oldName, newName, (document, line) => `${displayPath(io.cwd, root, document)}:${line}`);
  if (!plan.ok) throw new UsageError(plan.message, plan.hint);
  const { changes } = plan;
  const byDocument = new Map<string, RenameChange[]>();
  for (const change of changes) {
    const list = byDocument.get(change.document);
    if (list) list.push(change);
    else byDocument.set(change.document, [change]);
  }

  const writes = [...byDocument].map(([path, documentChanges]) => {
    const absolute = join(root, path);
    const original = graph.document(path)!.text;
    const onDisk = readDocumentOnDisk(absolute);
    if (onDisk.text !== original) {
      throw new UsageError(`${displayPath(io.cwd, root, path)} changed while it was being read; nothing was renamed`, 'Run the command again.');
    }
    let text = original;
    for (const change of [...documentChanges].sort((a, b) => b.start - a.start)) {
      text = text.slice(0, change.start) + change.text + text.slice(change.end);
    }
    return { path: absolute, text: onDisk.encode(text) };
  });

  // The changes are listed once they are made (or, in a dry run, as they would be): listed
  // before a write that is then refused, they would read as done.
  const listChanges = () => {
    for (const change of changes) {
      io.stdout(`${displayPath(io.cwd, root, change.document)}:${change.line}:${change.column}  ${kindLabels[change.kind]}\n`);
    }
  };
  const files = byDocument.size;
  const summary = `${changes.length} ${changes.length === 1 ? 'change' : 'changes'} in ${files} ${files === 1 ? 'file' : 'files'}`;
  if (options.dryRun) {
    listChanges();
    io.stdout(`Would rename \`${oldName}\` to \`${newName}\`: ${summary} (dry run: nothing written)\n`);
    return;
  }
  try {
    await writeFilesAtomically(writes, root);
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    throw new UsageError(`Cannot write ${toPosix(relative(io.cwd, error.path))}: it ${error.message}`, 'Nothing was renamed.');
  }
  listChanges();
  io.stdout(`Renamed \`${oldName}\` to \`${newName}\`: ${summary}\n`);
}

function displayPath(cwd: string, root: string, path: string): string {
  return toPosix(relative(cwd, join(root, path)));
}
