/**
 * Running the real `capsule` process against small corpora built in temporary folders.
 * The CLI runs from its build and bundle (`pnpm build` first, as `pnpm test` does).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const capsuleBin = join(repositoryRoot, 'packages/cli/bin/capsule.js');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run `capsule ...args` in `cwd`, with colour settings cleared unless given in `env`. */
export function capsule(args: string[], cwd: string, env: Record<string, string> = {}, input?: string): RunResult {
  const base = { ...process.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'CAPSULE_DEBUG', 'GITHUB_ACTIONS', 'CI_PROJECT_DIR']) delete base[name];
  const result = spawnSync(process.execPath, [capsuleBin, ...args], {
    cwd,
    env: { ...base, ...env },
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const made: string[] = [];
// Each test file gets its own copy of this module, so this removes that file's folders. A
// folder may hold a whole pre-commit environment, slow to remove on a busy disk: the cleanup
// gets a minute, not the default hook's ten seconds.
afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
}, 60_000);

/** A fresh folder holding `files` (path -> text), removed after the test file. */
export function project(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'capsule-cli-'));
  made.push(folder);
  writeFiles(folder, files);
  return folder;
}

export function writeFiles(folder: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}

export function read(folder: string, path: string): string {
  return readFileSync(join(folder, path), 'utf8');
}

/** Run git without a shell, with an identity so commits work on any machine. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A complete capsule document: frontmatter, title, capsules, and a checklist citing them. */
export function documentWith(
  title: string,
  capsules: { name: string; invariant?: string; seeAlso?: string[]; depth?: string[] }[],
  extra: { prose?: string; checklist?: string[] } = {},
): string {
  const blocks = capsules.map(
    (capsule) => `### Capsule: ${capsule.name}

**Invariant**
${capsule.invariant ?? 'Keep each decision small enough to undo in one step.'}

**Example**
Split the change into two commits and ship the first alone.

**Depth**

${[...(capsule.depth ?? ['Distinction: Small is not the same as trivial']), ...(capsule.seeAlso ? [`SeeAlso: ${capsule.seeAlso.join(', ')}`] : [])]
  .map((item) => `- ${item}`)
  .join('\n')}
`,
  );
  const checklist = extra.checklist ?? capsules.map((capsule) => `Applied the rule (${capsule.name})`);
  return `---
description: How the ${title.toLowerCase()} part of the work is done, so that it stays reviewable
tags: ["${title.replace(/\s+/g, '')}Notes", "Review"]
audience: ["Humans"]
categories: ["Workflows[100%]"]
---
# ${title}

${extra.prose ?? 'What follows is one idea per capsule.'}

${blocks.join('\n')}
## Verification Checklist

${checklist.map((item) => `- [ ] ${item}`).join('\n')}
`;
}

/** The findings of a `--format json` run as `path line:column rule-id severity` strings. */
export function findingsOf(stdout: string, root: string): string[] {
  const results = JSON.parse(stdout) as {
    filePath: string;
    messages: { line: number; column: number; ruleId: string; severity: number }[];
  }[];
  return results.flatMap((result) =>
    result.messages.map(
      (message) =>
        `${result.filePath.slice(root.length + 1)} ${message.line}:${message.column} ${message.ruleId} ${message.severity === 2 ? 'error' : message.severity === 1 ? 'warning' : 'info'}`,
    ),
  );
}

/** The files a checkout's CLI bundle was made from (`packages/cli/dist/bundle-inputs.json`), and those changed since. */
export function bundleInputs(checkout: string): { inputs: string[]; changed: string[] } {
  const record = JSON.parse(readFileSync(join(checkout, 'packages/cli/dist/bundle-inputs.json'), 'utf8')) as { inputs: [string, number, number][] };
  const changed = record.inputs.filter(([path, size, mtimeMs]) => {
    const stats = statSync(path, { throwIfNoEntry: false });
    return !stats || stats.size !== size || stats.mtimeMs !== mtimeMs;
  });
  return { inputs: record.inputs.map(([path]) => path), changed: changed.map(([path]) => path) };
}

/**
 * A repository with one commit: `docs/` is the corpus, and its two documents cite each
 * other's capsule (`RiskReview` in `docs/risks.md`, `IdeaCapture` in `docs/ideas.md`).
 */
export function citingRepository(files: Record<string, string> = {}): string {
  const folder = project({
    'capsule.config.json': JSON.stringify({ root: 'docs' }),
    'docs/risks.md': documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]),
    'docs/ideas.md': documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['RiskReview'] }]),
    ...files,
  });
  git(folder, 'init', '-q');
  git(folder, 'add', '.');
  git(folder, 'commit', '-q', '-m', 'start');
  return folder;
}
