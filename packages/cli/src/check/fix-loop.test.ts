import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KnowledgeGraph } from '@capsule-docs/graph';
import type { LintResult } from '@capsule-docs/lint';
import { VFileMessage } from 'vfile-message';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../io.js';
import { fixUntilStable } from './fix-loop.js';

const made: string[] = [];
afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

/** A graph of one file as it is on disk now. */
function graphOf(folder: string, path: string): KnowledgeGraph {
  const text = readFileSync(join(folder, path), 'utf8');
  return { document: (wanted: string) => (wanted === path ? { text } : undefined) } as unknown as KnowledgeGraph;
}

/** A finding with a fix that sets `text` over `start` to `end`. */
function fixing(start: number, end: number, text: string): VFileMessage {
  const message = new VFileMessage('fixable');
  message.fix = { start, end, text };
  return message;
}

/** Run the loop on one file, with `findings` telling the fixes each text gets. */
async function fixLoop(text: string, findings: (text: string) => VFileMessage[]): Promise<{ text: string; stderr: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'capsule-fix-loop-'));
  made.push(folder);
  writeFileSync(join(folder, 'a.md'), text);
  let stderr = '';
  const io: Io = { stdout: () => undefined, stderr: (line) => (stderr += line), cwd: folder, env: {}, stdoutIsTTY: false, stderrIsTTY: false };
  const check = (graph: KnowledgeGraph): LintResult => ({ files: [{ path: 'a.md', messages: findings(graph.document('a.md')!.text) }] });
  const graph = graphOf(folder, 'a.md');
  await fixUntilStable(graph, check(graph), { root: folder, cwd: folder, load: async () => graphOf(folder, 'a.md'), check, io });
  return { text: readFileSync(join(folder, 'a.md'), 'utf8'), stderr };
}

describe('the fix loop', () => {
  it('counts each fix that stays', async () => {
    const result = await fixLoop('a b\n', (text) => [...text.matchAll(/[a-z]/g)].slice(0, 1).map((found) => fixing(found.index, found.index + 1, found[0].toUpperCase())));
    expect(result).toEqual({ text: 'A B\n', stderr: 'capsule: fixed 2 problems in 1 file\n' });
  });

  it('counts nothing, and says so, when one fix undoes another', async () => {
    // One finding's fix appends a line; the next finds that line and deletes it.
    const result = await fixLoop('a\n', (text) => [text.endsWith('b\n') ? fixing(text.length - 2, text.length, '') : fixing(text.length, text.length, 'b\n')]);
    expect(result).toEqual({ text: 'a\n', stderr: 'capsule: stopped fixing a.md: its fixes undo one another\n' });
  });

  it('keeps the fixes made before the ones that undo one another', async () => {
    const result = await fixLoop('a\n', (text) =>
      text.startsWith('a') ? [fixing(0, 1, 'A')] : [text.endsWith('b\n') ? fixing(text.length - 2, text.length, '') : fixing(text.length, text.length, 'b\n')],
    );
    expect(result).toEqual({ text: 'A\n', stderr: 'capsule: stopped fixing a.md: its fixes undo one another\ncapsule: fixed 1 problem in 1 file\n' });
  });
});
