/**
 * `capsule rename OldName NewName`: rename a capsule and every reference to it across the
 * corpus (SeeAlso entries, checklist citations, mentions in prose, links to its heading's
 * anchor). Places come from the graph, so only references that resolve to this capsule
 * change. Every changed file is staged before any is replaced: all or nothing.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadGraph, suggestAmong, toPosix, type CapsuleNode, type KnowledgeGraph } from '@capsule-docs/graph';
import type { Command } from 'commander';
import { isCitableName, type Span } from 'remark-capsules';
import { loadConfig } from '../config/load.js';
import { UsageError, type Io } from '../io.js';
import { WriteError, writeFilesAtomically } from '../write.js';

interface RenameOptions {
  root?: string;
  config?: string | false;
  dryRun?: boolean;
}

type ChangeKind = 'heading' | 'see-also' | 'cites' | 'mentions' | 'anchor';

interface Change {
  document: string;
  kind: ChangeKind;
  start: number;
  end: number;
  text: string;
  line: number;
  column: number;
}

const kindLabels: Record<ChangeKind, string> = {
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
  if (!isCitableName(newName)) {
    throw new UsageError(
      `\`${newName}\` is not a valid capsule name`,
      'A name is one CamelCase word of ASCII letters and digits with at least two capitals, e.g. `RiskDiscovery`.',
    );
  }
  const config = loadConfig({ cwd: io.cwd, config: options.config });
  const root = options.root === undefined ? config.root : resolve(io.cwd, options.root);
  const { graph } = await loadGraph({ root, include: config.include, exclude: config.exclude, limits: config.limits });

  const definitions = graph.capsulesNamed(oldName);
  const [capsule] = definitions;
  if (!capsule) {
    const suggestion = suggestAmong(oldName, graph.names());
    throw new UsageError(`No capsule is named \`${oldName}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`);
  }
  if (definitions.length > 1) {
    throw new UsageError(
      `\`${oldName}\` is defined ${definitions.length} times (${definitions.map((node) => node.document).join(', ')})`,
      'Names must be unique: rename or remove the extra definitions by hand first.',
    );
  }
  const taken = graph.capsulesNamed(newName)[0];
  if (taken) {
    const line = taken.capsule.headingPosition.start.line;
    throw new UsageError(`\`${newName}\` already exists (${displayPath(io.cwd, root, taken.document)}:${line})`, 'Choose a name no capsule uses.');
  }

  const changes = collectChanges(graph, capsule, oldName, newName);
  const byDocument = new Map<string, Change[]>();
  for (const change of changes) {
    const list = byDocument.get(change.document);
    if (list) list.push(change);
    else byDocument.set(change.document, [change]);
  }

  const writes = [...byDocument].map(([path, documentChanges]) => {
    const absolute = join(root, path);
    const original = graph.document(path)!.text;
    const onDisk = readFileSync(absolute, 'utf8');
    const bom = onDisk.startsWith('\uFEFF') ? '\uFEFF' : '';
    if (onDisk.slice(bom.length) !== original) {
      throw new UsageError(`${displayPath(io.cwd, root, path)} changed while it was being read; nothing was renamed`, 'Run the command again.');
    }
    let text = original;
    for (const change of [...documentChanges].sort((a, b) => b.start - a.start)) {
      text = text.slice(0, change.start) + change.text + text.slice(change.end);
    }
    return { path: absolute, text: bom + text };
  });

  for (const change of changes) {
    io.stdout(`${displayPath(io.cwd, root, change.document)}:${change.line}:${change.column}  ${kindLabels[change.kind]}\n`);
  }
  const files = byDocument.size;
  const summary = `${changes.length} ${changes.length === 1 ? 'change' : 'changes'} in ${files} ${files === 1 ? 'file' : 'files'}`;
  if (options.dryRun) {
    io.stdout(`Would rename \`${oldName}\` to \`${newName}\`: ${summary} (dry run: nothing written)\n`);
    return;
  }
  try {
    await writeFilesAtomically(writes, root);
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    throw new UsageError(`Cannot write ${toPosix(relative(io.cwd, error.path))}: it ${error.message}`, 'Nothing was renamed.');
  }
  io.stdout(`Renamed \`${oldName}\` to \`${newName}\`: ${summary}\n`);
}

/** Every edit the rename makes, in corpus order. */
function collectChanges(graph: KnowledgeGraph, capsule: CapsuleNode, oldName: string, newName: string): Change[] {
  const changes: Change[] = [];
  const seen = new Set<string>();
  const add = (document: string, kind: ChangeKind, span: Span, word: string, replacement: string) => {
    const text = graph.document(document)!.text;
    const at = findWord(text, span.start.offset, span.end.offset, word);
    if (at === undefined) return;
    const key = `${document}\0${at}`;
    if (seen.has(key)) return;
    seen.add(key);
    const place = pointAt(text, at);
    changes.push({ document, kind, start: at, end: at + word.length, text: replacement, ...place });
  };

  add(capsule.document, 'heading', capsule.capsule.namePosition, oldName, newName);
  for (const edge of graph.backlinks(capsule)) {
    if (edge.kind === 'see-also' || edge.kind === 'cites' || edge.kind === 'mentions') {
      add(edge.document, edge.kind, edge.position, oldName, newName);
    }
  }
  // Links to the heading's anchor (`#capsule-oldname`) follow the heading's new text.
  const heading = graph
    .document(capsule.document)
    ?.model.headings.find((candidate) => candidate.position.start.offset === capsule.capsule.headingPosition.start.offset);
  const oldSlug = `capsule-${oldName.toLowerCase()}`;
  if (heading?.slug === oldSlug) {
    for (const edge of graph.edges) {
      if (edge.kind === 'links-to' && edge.toDocument === capsule.document && edge.anchor === oldSlug) {
        add(edge.document, 'anchor', edge.position, `#${oldSlug}`, `#capsule-${newName.toLowerCase()}`);
      }
    }
  }
  return changes.sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : a.start - b.start));
}

/** The offset of `word` as a whole word within `start`..`end`, if it is there. */
function findWord(text: string, start: number, end: number, word: string): number | undefined {
  const boundary = /[A-Za-z0-9_]/;
  for (let index = text.indexOf(word, start); index !== -1 && index + word.length <= end; index = text.indexOf(word, index + 1)) {
    const before = text[index - 1];
    const after = text[index + word.length];
    const wordStart = word.startsWith('#') || before === undefined || !boundary.test(before);
    if (wordStart && (after === undefined || !boundary.test(after))) return index;
  }
  return undefined;
}

function pointAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

function displayPath(cwd: string, root: string, path: string): string {
  return toPosix(relative(cwd, join(root, path)));
}
