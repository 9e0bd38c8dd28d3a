/**
 * `capsule check --fix`: apply the rules' fixes, reload and check again until nothing more
 * changes, writing each file atomically and never over a file that changed on disk meanwhile.
 */
import { join, relative } from 'node:path';
import { toPosix, type KnowledgeGraph } from '@capsule-docs/graph';
import { applyFixes, type LintResult } from '@capsule-docs/lint';
import type { VFileMessage } from 'vfile-message';
import { readDocumentOnDisk } from '../document-on-disk.js';
import { UsageError, type Io } from '../io.js';
import { plural } from '../plural.js';
import { WriteError, writeFilesAtomically } from '../write.js';

/** How many times `--fix` re-lints and fixes again, for fixes that only apply after others. */
const maxFixPasses = 10;

export interface FixContext {
  root: string;
  cwd: string;
  load: () => Promise<KnowledgeGraph>;
  check: (graph: KnowledgeGraph) => LintResult;
  io: Io;
}

/**
 * Apply fixes, reload and check again until nothing more changes: one fix can make room for
 * another that overlapped it. Returns the last graph and findings, which are what remains.
 */
export async function fixUntilStable(
  initialGraph: KnowledgeGraph,
  initialResult: LintResult,
  { root, cwd, load, check, io }: FixContext,
): Promise<{ graph: KnowledgeGraph; result: LintResult }> {
  let graph = initialGraph;
  let result = initialResult;
  let fixed = 0;
  const changedFiles = new Set<string>();
  for (let pass = 0; pass < maxFixPasses; pass++) {
    const writes = fixedTexts(graph, root, result.files);
    if (writes.length === 0) break;
    try {
      await writeFilesAtomically(writes.map(({ absolute, bytes }) => ({ path: absolute, text: bytes })), root);
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      throw new UsageError(`Cannot write ${displayPathOf(cwd, error.path)}: it ${error.message}`);
    }
    for (const write of writes) {
      fixed += write.applied;
      changedFiles.add(write.path);
    }
    graph = await load();
    result = check(graph);
  }
  if (fixed > 0) io.stderr(`capsule: fixed ${plural(fixed, 'problem')} in ${plural(changedFiles.size, 'file')}\n`);
  return { graph, result };
}

interface FixedText {
  path: string;
  absolute: string;
  bytes: Uint8Array;
  applied: number;
}

/** The new text of every reported document that has fixes, skipping any changed on disk meanwhile. */
function fixedTexts(graph: KnowledgeGraph, root: string, files: { path: string; messages: VFileMessage[] }[]): FixedText[] {
  const writes: FixedText[] = [];
  for (const { path, messages } of files) {
    if (!messages.some((message) => message.fix)) continue;
    const document = graph.document(path);
    if (!document) continue;
    const absolute = join(root, path);
    const onDisk = readDocumentOnDisk(absolute);
    if (onDisk.text !== document.text) continue;
    const { text, applied } = applyFixes(document.text, messages);
    if (applied === 0 || text === document.text) continue;
    writes.push({ path, absolute, bytes: onDisk.encode(text), applied });
  }
  return writes;
}

function displayPathOf(cwd: string, absolute: string): string {
  return toPosix(relative(cwd, absolute));
}
