/**
 * Commits made through the git hook managers people use besides the pre-commit framework,
 * installed in the repository as their READMEs say and configured as this README shows:
 * lefthook, husky running the check itself, and husky running lint-staged. Each decides which
 * files the check is given (lefthook's `{staged_files}` and lint-staged pass what a commit
 * adds, changes or renames, never what it deletes) and hides the unstaged text of a partly
 * staged file, and a commit it blocks does not land. The managers are dev dependencies of this
 * repository, so these run offline.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capsuleBin, citingRepository, documentWith, git, read, repositoryRoot, writeFiles } from './helpers.js';

const bin = (name: string) => join(repositoryRoot, 'node_modules/.bin', name);

/** A repository, committed, whose corpus is `docs/`, with `capsule` and the manager's command installed as an npm install would. */
function repository(files: Record<string, string>, commands: Record<string, string>): string {
  const folder = citingRepository({
    '.gitignore': 'node_modules\n',
    'docs/notes on risk.md': documentWith('Spaced', [{ name: 'SpacedNote', seeAlso: ['RiskReview'] }]),
    'docs/café ünï.md': documentWith('Cafe', [{ name: 'CafeNote', seeAlso: ['IdeaCapture'] }]),
    ...files,
  });
  mkdirSync(join(folder, 'node_modules/.bin'), { recursive: true });
  for (const [name, target] of Object.entries({ capsule: capsuleBin, ...commands })) symlinkSync(target, join(folder, 'node_modules/.bin', name));
  return folder;
}

/** `git commit` with the hooks installed: its exit code, everything printed, and whether it landed. */
function commit(folder: string, message: string): { status: number | null; output: string; landed: boolean } {
  const before = git(folder, 'rev-parse', 'HEAD');
  // Neither manager turned off (`HUSKY=0`, `LEFTHOOK=0`), and lefthook this repository's own.
  const { HUSKY: _husky, LEFTHOOK: _lefthook, ...env } = process.env;
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', message], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...env, LEFTHOOK_BIN: bin('lefthook'), NO_COLOR: '1', FORCE_COLOR: '0', CI: '' },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, landed: git(folder, 'rev-parse', 'HEAD') !== before };
}

function install(folder: string, command: string, args: string[]): void {
  const installed = spawnSync(command, args, { cwd: folder, encoding: 'utf8' });
  expect(installed.status, `${installed.stdout}${installed.stderr}`).toBe(0);
}

/** The changes every manager is tried with; `deletion` says whether the manager lets the check see one. */
function tryCommits(folder: string, { seesDeletion }: { seesDeletion: boolean }): void {
  const start = git(folder, 'rev-parse', 'HEAD').trim();
  const reset = () => git(folder, 'reset', '-q', '--hard', start);

  // A renamed capsule breaks the citations of documents the commit does not touch.
  writeFiles(folder, { 'docs/risks.md': read(folder, 'docs/risks.md').replace('Capsule: RiskReview', 'Capsule: RiskAudit') });
  git(folder, 'add', 'docs/risks.md');
  const renamed = commit(folder, 'rename the capsule');
  expect(renamed.landed, renamed.output).toBe(false);
  expect(renamed.output).toContain('docs/ideas.md');
  expect(renamed.output).toContain('docs/notes on risk.md');
  expect(renamed.output).toContain('No capsule is named `RiskReview` now');
  reset();

  // A document renamed and changed: given its new path alone, the old one's names still count.
  git(folder, 'mv', 'docs/risks.md', 'docs/risk register.md');
  writeFiles(folder, { 'docs/risk register.md': read(folder, 'docs/risk register.md').replace('Capsule: RiskReview', 'Capsule: RiskAudit') });
  git(folder, 'add', '-A', 'docs');
  const moved = commit(folder, 'move and rename');
  expect(moved.landed, moved.output).toBe(false);
  expect(moved.output).toContain('docs/ideas.md');
  expect(moved.output).toContain('this change deletes `docs/risks.md`');
  reset();

  // Judged by the staged text: the unstaged break in the working tree does not block.
  const original = read(folder, 'docs/risks.md');
  writeFiles(folder, { 'docs/risks.md': `${original}\nA closing line.\n` });
  git(folder, 'add', 'docs/risks.md');
  writeFiles(folder, { 'docs/risks.md': `${original.replace('Capsule: RiskReview', 'Capsule: RiskAudit')}\nA closing line.\n` });
  const partial = commit(folder, 'a closing line');
  expect(partial.landed, partial.output).toBe(true);
  // The manager put the unstaged text back.
  expect(read(folder, 'docs/risks.md')).toContain('Capsule: RiskAudit');
  reset();

  // Paths with spaces and beyond ASCII reach the check whole.
  writeFiles(folder, {
    'docs/notes on risk.md': read(folder, 'docs/notes on risk.md').replace('SeeAlso: RiskReview', 'SeeAlso: NoSuchSpace'),
    'docs/café ünï.md': read(folder, 'docs/café ünï.md').replace('SeeAlso: IdeaCapture', 'SeeAlso: NoSuchCafe'),
  });
  git(folder, 'add', '-A', 'docs');
  const named = commit(folder, 'names');
  expect(named.landed, named.output).toBe(false);
  expect(named.output).toContain('docs/notes on risk.md');
  expect(named.output).toContain('docs/café ünï.md');
  expect(named.output).toContain('No capsule is named `NoSuchCafe`');
  reset();

  // A Markdown file outside the corpus is no document of it: nothing to report, no refusal.
  writeFiles(folder, { 'README.md': '# Project\n\nMore to say.\n' });
  git(folder, 'add', 'README.md');
  const outside = commit(folder, 'readme');
  expect(outside.landed, outside.output).toBe(true);
  expect(outside.output).not.toContain('outside the corpus');
  git(folder, 'reset', '-q', '--hard', start);

  // A deletion that breaks citations: seen only where the check reads the commit itself.
  git(folder, 'rm', '-q', 'docs/risks.md');
  const deleted = commit(folder, 'remove risks');
  expect(deleted.landed, deleted.output).toBe(!seesDeletion);
  if (seesDeletion) expect(deleted.output).toContain('this change deletes `docs/risks.md`');
}

describe('capsule check under other git hook managers', { timeout: 180_000 }, () => {
  it('lefthook, given the staged files: blocks what the files break, but never sees a deletion', () => {
    const folder = repository(
      {
        'lefthook.yml': `pre-commit:\n  jobs:\n    - name: capsule\n      glob: "*.md"\n      run: npx --no capsule check --skip-outside-corpus {staged_files}\n`,
      },
      {},
    );
    install(folder, bin('lefthook'), ['install']);
    tryCommits(folder, { seesDeletion: false });
  });

  it('lefthook, checking the commit itself: deletions too', () => {
    const folder = repository({ 'lefthook.yml': 'pre-commit:\n  jobs:\n    - name: capsule\n      run: npx --no capsule check --staged\n' }, {});
    install(folder, bin('lefthook'), ['install']);
    tryCommits(folder, { seesDeletion: true });
  });

  it('lefthook in a terminal: the progress line a long check draws there stays out of the hook output', () => {
    // Enough pages that parsing them takes over the second after which the line appears.
    const pages = Object.fromEntries(
      Array.from({ length: 3000 }, (_, index) => [`docs/pages/page-${index}.md`, `# Page ${index}\n\nA page about [the next one](./page-${index + 1}.md).\n\n## Setup\n\nSteps to follow.\n`]),
    );
    const folder = repository({ ...pages, 'lefthook.yml': 'pre-commit:\n  jobs:\n    - name: capsule\n      run: npx --no capsule check --no-cache\n' }, {});
    install(folder, bin('lefthook'), ['install']);
    const { HUSKY: _husky, LEFTHOOK: _lefthook, CI: _ci, ...env } = process.env;
    // `script` gives the command a real pseudo-terminal, as a user's terminal would; lefthook then gives the job one too.
    const inTerminal = (command: string) =>
      spawnSync('script', ['-qec', command, '/dev/null'], { cwd: folder, encoding: 'utf8', env: { ...env, LEFTHOOK_BIN: bin('lefthook'), NO_COLOR: '1' } }).stdout;

    expect(inTerminal('npx --no capsule check --no-cache')).toContain('\r\x1b[2Kcapsule: parsed');
    writeFiles(folder, { 'docs/pages/page-0.md': '# Page zero\n' });
    git(folder, 'add', '-A');
    const hooked = inTerminal('git -c user.name=Test -c user.email=test@example.com commit -q -m progress');
    expect(hooked).toContain('capsule');
    expect(hooked).not.toContain('capsule: parsed');
    expect(hooked).not.toContain('\x1b[2K');
  });

  it('husky, checking the commit itself', () => {
    const folder = repository({ 'package.json': '{ "name": "checked", "private": true }\n' }, {});
    install(folder, bin('husky'), ['init']);
    writeFileSync(join(folder, '.husky/pre-commit'), 'npx --no capsule check --staged\n');
    git(folder, 'add', '.');
    git(folder, 'commit', '-q', '--no-verify', '-m', 'husky');
    tryCommits(folder, { seesDeletion: true });
  });

  it('husky with lint-staged, given the staged files as absolute paths: never sees a deletion', () => {
    const folder = repository(
      { 'package.json': `${JSON.stringify({ name: 'checked', private: true, 'lint-staged': { '*.md': 'capsule check --skip-outside-corpus' } }, null, 2)}\n` },
      { 'lint-staged': join(repositoryRoot, 'node_modules/lint-staged/bin/lint-staged.js') },
    );
    install(folder, bin('husky'), ['init']);
    writeFileSync(join(folder, '.husky/pre-commit'), 'npx lint-staged\n');
    git(folder, 'add', '.');
    git(folder, 'commit', '-q', '--no-verify', '-m', 'husky');
    tryCommits(folder, { seesDeletion: false });
  });
});
