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
 * another that overlapped it. Fixes that bring a file back to a text it had before undo one
 * another (one rule's fix is another's finding): that file is left at that text, and the fixes
 * made since it had it are not counted. Returns the last graph and findings, which are what
 * remains.
 */
export async function fixUntilStable(
  initialGraph: KnowledgeGraph,
  initialResult: LintResult,
  { root, cwd, load, check, io }: FixContext,
): Promise<{ graph: KnowledgeGraph; result: LintResult }> {
  let graph = initialGraph;
  let result = initialResult;
  // Each file's texts so far, with the fixes counted when it had each.
  const histories = new Map<string, { text: string; fixed: number }[]>();
  const undone = new Set<string>();
  for (let pass = 0; pass < maxFixPasses; pass++) {
    const writes = fixedTexts(graph, root, result.files).filter((write) => !undone.has(write.path));
    if (writes.length === 0) break;
    try {
      await writeFilesAtomically(writes.map(({ absolute, bytes }) => ({ path: absolute, text: bytes })), root);
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      throw new UsageError(`Cannot write ${displayPathOf(cwd, error.path)}: it ${error.message}`);
    }
    for (const write of writes) {
      const history = histories.get(write.path) ?? [{ text: write.before, fixed: 0 }];
      histories.set(write.path, history);
      const earlier = history.find((state) => state.text === write.text);
      if (earlier) {
        history.push({ text: write.text, fixed: earlier.fixed });
        undone.add(write.path);
        io.stderr(`capsule: stopped fixing ${displayPathOf(cwd, write.absolute)}: its fixes undo one another\n`);
      } else {
        history.push({ text: write.text, fixed: history.at(-1)!.fixed + write.applied });
      }
    }
    graph = await load();
    result = check(graph);
  }
  let fixed = 0;
  let changedFiles = 0;
  for (const history of histories.values()) {
    const last = history.at(-1)!;
    if (last.fixed === 0) continue;
    fixed += last.fixed;
    changedFiles++;
  }
  if (fixed > 0) io.stderr(`capsule: fixed ${plural(fixed, 'problem')} in ${plural(changedFiles, 'file')}\n`);
  return { graph, result };
}

interface FixedText {
  path: string;
  absolute: string;
  before: string;
  text: string;
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
    writes.push({ path, absolute, before: document.text, text, bytes: onDisk.encode(text), applied });
  }
  return writes;
}

function displayPathOf(cwd: string, absolute: string): string {
  return toPosix(relative(cwd, absolute));
}
