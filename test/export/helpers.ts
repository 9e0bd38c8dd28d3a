/** Running the real `capsule` process (from its build) on the export fixture corpus and content/. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
export const capsuleBin = join(repositoryRoot, 'packages/cli/bin/capsule.js');
export const fixtureCorpus = join(repositoryRoot, 'packages/export/src/__fixtures__/corpus');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function capsule(args: string[], cwd = repositoryRoot): RunResult {
  const result = spawnSync(process.execPath, [capsuleBin, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A private copy of the fixture corpus, for tests that change files. */
export function copyOfFixtureCorpus(): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'capsule-export-')), 'corpus');
  cpSync(fixtureCorpus, folder, { recursive: true });
  return folder;
}
