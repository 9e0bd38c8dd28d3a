/**
 * Writes survive a process killed in the middle of them: `check --fix`, `rename`, `mv` and
 * `export --out` are run on a corpus large enough to take a while to write, and killed with
 * SIGKILL at several moments (as the first temporary file appears, as temporary files start
 * to replace the originals, and when half of them have). Every file is then either as it was or as a
 * full run leaves it, never truncated, and nothing is written outside the target.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { capsuleBin, documentWith } from '../cli/helpers.js';

const documentCount = 80;
const workspace = mkdtempSync(join(tmpdir(), 'capsule-killed-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/** Documents with a misspelt Depth key (fixable) that all cite one capsule (renamable), and may each hold `link` (to a file to move). */
function writeCorpus(folder: string, link = ''): void {
  mkdirSync(folder, { recursive: true });
  const filler = `${link} ${'Each step is written down before the next one starts, so that a reader can retrace it. '.repeat(10)}`.trim();
  writeFileSync(join(folder, 'shared.md'), documentWith('Shared', [{ name: 'SharedIdea' }]));
  for (let index = 0; index < documentCount; index++) {
    const name = `Idea${String.fromCharCode(65 + (index % 26))}${String.fromCharCode(65 + Math.floor(index / 26))}x`;
    writeFileSync(
      join(folder, `doc-${index}.md`),
      documentWith(`Doc ${index}`, [{ name, seeAlso: ['SharedIdea'], depth: ['Tradeoff: Speed against care'] }], { prose: filler }),
    );
  }
}

/** Every file under `folder` by its path from it, temporary files aside. */
function snapshot(folder: string): Map<string, string> {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && !isTemporary(entry.name));
  return new Map(files.map((entry) => [relative(folder, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name), 'utf8')]));
}

function isTemporary(name: string): boolean {
  return /^\..+\.\d+\.[0-9a-f]+\.tmp$/.test(name);
}

interface Run {
  args: string[];
  cwd: string;
  /** The folder the command writes into. */
  watched: string;
  /** A file the command moves, from and to (paths in `watched`): found at one place or the other, its text kept. */
  moved?: [string, string];
}

function runFully(run: Run): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [capsuleBin, ...run.args], { cwd: run.cwd, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve());
  });
}

/** When to kill: as the first temporary file appears, as they start to be renamed over the originals, or when half are. */
type Moment = 'first-temporary' | 'replacing' | 'half-replaced';

/** Run, kill with SIGKILL at `moment`, and say whether temporary files were seen before. */
function runKilled(run: Run, moment: Moment): Promise<{ killed: boolean; sawTemporary: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [capsuleBin, ...run.args], { cwd: run.cwd, stdio: 'ignore' });
    let sawTemporary = false;
    let mostTemporaries = 0;
    let done = false;
    const kill = () => {
      if (!done) child.kill('SIGKILL');
    };
    const poll = () => {
      if (done) return;
      const temporaries = readdirSync(run.watched).filter(isTemporary).length;
      sawTemporary ||= temporaries > 0;
      mostTemporaries = Math.max(mostTemporaries, temporaries);
      // A few milliseconds after each sign, so that the kill does not always fall between files.
      if (moment === 'first-temporary' && temporaries > 0) return void setTimeout(kill, 1);
      // Fewer temporary files than before: they are being renamed over the originals.
      if (moment === 'replacing' && temporaries < mostTemporaries) return void setTimeout(kill, 3);
      if (moment === 'half-replaced' && mostTemporaries > 1 && temporaries <= mostTemporaries / 2) return void setTimeout(kill, 7);
      setImmediate(poll);
    };
    setImmediate(poll);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      done = true;
      resolve({ killed: signal === 'SIGKILL', sawTemporary });
    });
  });
}

/** Every file is its old or its new text, and no other file appeared but temporary ones. */
function expectOldOrNew(run: Run, before: Map<string, string>, after: Map<string, string>): void {
  const now = snapshot(run.watched);
  // A moved file is at its old place or its new one, never both or neither; read at either, it is the one file.
  const [from, to] = run.moved ?? ['', ''];
  const asBefore = (name: string) => (name === to ? from : name);
  expect([...now.keys()].map(asBefore).sort()).toEqual([...before.keys()].sort());
  for (const [name, text] of now) {
    expect([before.get(asBefore(name)), after.get(name === from ? to : name)], `${name} is neither its old nor its new text`).toContain(text);
  }
}

async function killedAtSeveralMoments(prepare: (folder: string) => Run): Promise<void> {
  const reference = prepare(join(workspace, `reference-${Math.random().toString(16).slice(2)}`));
  const before = snapshot(reference.watched);
  await runFully(reference);
  const after = snapshot(reference.watched);
  const [from, to] = reference.moved ?? ['', ''];
  expect([...after.keys()].map((name) => (name === to ? from : name)).sort()).toEqual([...before.keys()].sort());
  expect(after).not.toEqual(before);

  const moments: Moment[] = ['first-temporary', 'replacing', 'half-replaced'];
  let killedMidWrite = 0;
  // A write of one file may come and go between two looks at the folder on a busy machine:
  // the moments are tried again, a few rounds at most, until a kill has fallen mid-write.
  for (let round = 0; round < 4 && killedMidWrite === 0; round++) {
    for (const moment of moments) {
      const run = prepare(join(workspace, `run-${Math.random().toString(16).slice(2)}`));
      const { killed, sawTemporary } = await runKilled(run, moment);
      if (killed && sawTemporary) killedMidWrite++;
      expectOldOrNew(run, before, after);
    }
  }
  expect(killedMidWrite, 'no run was killed while it was writing').toBeGreaterThan(0);
}

describe('a run killed while writing', { timeout: 180_000 }, () => {
  it('check --fix leaves every document old or fixed', async () => {
    await killedAtSeveralMoments((folder) => {
      writeCorpus(folder);
      return { args: ['check', '--fix', '--no-config', '--no-cache'], cwd: folder, watched: folder };
    });
  });

  it('rename leaves every document old or renamed', async () => {
    await killedAtSeveralMoments((folder) => {
      writeCorpus(folder);
      return { args: ['rename', 'SharedIdea', 'SharedConcept', '--no-config'], cwd: folder, watched: folder };
    });
  });

  it('mv leaves the file at one of its places and every document old or rewritten', async () => {
    await killedAtSeveralMoments((folder) => {
      writeCorpus(folder, '[the shared idea](shared.md#capsule-sharedidea)');
      return { args: ['mv', 'shared.md', 'archive/shared.md', '--no-config'], cwd: folder, watched: folder, moved: ['shared.md', 'archive/shared.md'] };
    });
  });

  it('export --out leaves the target old or complete', async () => {
    await killedAtSeveralMoments((folder) => {
      const corpus = join(folder, 'corpus');
      writeCorpus(corpus);
      const out = join(folder, 'out');
      mkdirSync(out);
      writeFileSync(join(out, 'llms-full.txt'), 'an earlier export\n');
      cpSync(join(corpus, 'shared.md'), join(out, 'unrelated.md'));
      return { args: ['export', corpus, '--format', 'llms-full', '--no-cache', '--out', join(out, 'llms-full.txt')], cwd: folder, watched: out };
    });
  });
});
