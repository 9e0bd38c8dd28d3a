import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGraph } from '@capsule-docs/graph';
import { lintGraph } from '@capsule-docs/lint';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveWorkspace } from './workspace.js';

const made: string[] = [];
afterEach(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const planning = '# Planning\n\n### Capsule: RiskDiscovery\n\n**Invariant**\nName what could break first. — ünïcode\n\n**Example**\nA risk list.\n\n**Depth**\n- SeeAlso: ScopeCut\n';
const scope = '# Scope\n\n### Capsule: ScopeCut\n\n**Invariant**\nCut scope before adding time.\n';

async function workspace(): Promise<LiveWorkspace> {
  const root = mkdtempSync(join(tmpdir(), 'capsule-workspace-'));
  made.push(root);
  writeFileSync(join(root, 'planning.md'), planning);
  writeFileSync(join(root, 'scope.md'), scope);
  return LiveWorkspace.open({ load: { root }, lint: {} });
}

describe('closed documents in a live workspace', () => {
  it('are compacted summaries after the load: one object per point of a document, no content', async () => {
    const live = await workspace();
    const capsule = live.graph.document('planning.md')!.model.capsules[0]!;
    expect(capsule.headingPosition.start).toBe(capsule.position.start);
    expect(capsule.parts).toEqual([]);
    expect(Object.isFrozen(capsule.parts)).toBe(true);
    // The whole model is still there to read when a feature needs it.
    expect(live.wholeDocument('planning.md')!.model.capsules[0]!.invariant!.text).toBe('Name what could break first. — ünïcode');
  });

  it('are compacted again when an edited document is closed, while an open one keeps its whole model', async () => {
    const live = await workspace();
    const edited = planning.replace('A risk list.', 'A longer risk list.');
    live.setText('planning.md', edited);
    const open = live.graph.document('planning.md')!.model.capsules[0]!;
    expect(open.parts.length).toBe(3);
    expect(open.headingPosition.start).not.toBe(open.position.start);
    await live.closeText('planning.md');
    const closed = live.graph.document('planning.md')!;
    expect(closed.text).toBe(planning);
    expect(closed.model.capsules[0]!.headingPosition.start).toBe(closed.model.capsules[0]!.position.start);
    expect(live.lint().files.map((file) => file.path).sort()).toEqual(['planning.md', 'scope.md']);
  });
});

describe('a live workspace whose root lies inside a repository', () => {
  it('resolves links as `capsule check` does: files around the root count, and what `.gitignore` leaves out is told as such', async () => {
    const repository = mkdtempSync(join(tmpdir(), 'capsule-workspace-repository-'));
    made.push(repository);
    mkdirSync(join(repository, 'docs'));
    mkdirSync(join(repository, 'local'));
    writeFileSync(join(repository, 'README.md'), '# Project\n');
    writeFileSync(join(repository, '.gitignore'), 'local/\n');
    writeFileSync(join(repository, 'local', 'notes.md'), '# Notes\n');
    writeFileSync(join(repository, 'docs', 'guide.md'), '# Guide\n\nRead [the project](../README.md), [the notes](../local/notes.md) and [a page](gone.md).\n');
    const load = { root: join(repository, 'docs'), repositoryRoot: repository };
    const live = await LiveWorkspace.open({ load, lint: {} });
    const checked = lintGraph((await loadGraph(load)).graph, {});
    const summary = (result: ReturnType<typeof lintGraph>) => result.files.flatMap((file) => file.messages.map((message) => `${file.path} ${message.line}:${message.column} ${message.messageId}`));
    expect(summary(live.lint())).toEqual(summary(checked));
    // The project's read-me resolves; the notes are left out by `.gitignore`; the page is missing.
    expect(summary(checked)).toEqual(['guide.md 3:35 ignored-file', 'guide.md 3:70 missing-file']);
  });
});

describe('a live workspace loaded with the files\' findings already shown', () => {
  async function unloaded(): Promise<{ live: LiveWorkspace; root: string }> {
    const root = mkdtempSync(join(tmpdir(), 'capsule-workspace-shown-'));
    made.push(root);
    writeFileSync(join(root, 'planning.md'), planning);
    writeFileSync(join(root, 'scope.md'), scope);
    writeFileSync(join(root, 'other.md'), '# Other\n\nNothing here names a capsule.\n');
    return { live: LiveWorkspace.unloaded({ load: { root }, lint: {} }), root };
  }

  it('checks nothing again when no document is open', async () => {
    const { live } = await unloaded();
    await live.reload(await live.scan(), true);
    expect(live.takeRecheck()).toEqual(new Set());
  });

  it('checks what an open document\'s unsaved text changes, as an edit would, and not every file', async () => {
    const { live } = await unloaded();
    live.setText('scope.md', scope.replace('ScopeCut', 'ScopeTrim'));
    await live.reload(await live.scan(), true);
    const recheck = live.takeRecheck();
    expect(recheck).not.toBe('all');
    expect([...(recheck as Set<string>)].sort()).toEqual(['planning.md', 'scope.md']);
    // The finding the unsaved text brings is there: planning.md's SeeAlso now names nothing.
    const planningFindings = live.lint(recheck as Set<string>).files.find((file) => file.path === 'planning.md')!.messages;
    expect(planningFindings.some((message) => message.messageId?.startsWith('unknown-name'))).toBe(true);
  });

  it('checks everything when a file was read again after the load, or when the findings were not shown', async () => {
    const { live, root } = await unloaded();
    await live.reload(await live.scan(), true);
    writeFileSync(join(root, 'other.md'), '# Other\n\nChanged on disk.\n');
    await live.fileChanged('other.md');
    expect(live.takeRecheck()).toBe('all');

    const { live: plain } = await unloaded();
    await plain.reload(await plain.scan());
    expect(plain.takeRecheck()).toBe('all');
  });
});
