/**
 * Commits made through the pre-commit framework itself (Debian's `pre-commit`), with the
 * check as a local hook in the form the README gives: the framework decides when the hook
 * runs and what it sees, and a commit it blocks does not land.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capsuleBin, citingRepository, documentWith, git, project, read, repositoryRoot, writeFiles } from './helpers.js';

const hookConfig = `repos:
  - repo: local
    hooks:
      - id: capsule-check
        name: capsule check
        entry: '${JSON.stringify(process.execPath)} ${JSON.stringify(capsuleBin)} check --staged'
        language: system
        pass_filenames: false
        always_run: true
        require_serial: true
`;

function repository(config = hookConfig): string {
  const folder = citingRepository({ '.pre-commit-config.yaml': config });
  const installed = spawnSync('pre-commit', ['install'], { cwd: folder, encoding: 'utf8', env: { ...process.env, PRE_COMMIT_HOME: preCommitHome } });
  expect(installed.status, installed.stderr).toBe(0);
  return folder;
}

/** `git commit` with the hook installed: its exit code and everything it printed. */
function commit(folder: string, message: string): { status: number | null; output: string } {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', message], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', PRE_COMMIT_HOME: preCommitHome },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** `pre-commit run` with these arguments, outside a commit. */
function run(folder: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync('pre-commit', ['run', ...args], { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PRE_COMMIT_HOME: preCommitHome } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

// pre-commit's clones of hook repositories, kept apart from the user's.
const preCommitHome = project({});

const commits = (folder: string) => git(folder, 'rev-list', '--count', 'HEAD').trim();

describe('capsule check --staged under the pre-commit framework', { timeout: 120_000 }, () => {
  it('blocks a deletion that breaks a citation, then lets the fixing commit through', () => {
    const folder = repository();
    git(folder, 'rm', '-q', 'docs/risks.md');
    const blocked = commit(folder, 'remove risks');
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain('No capsule is named `RiskReview` now: this change deletes `docs/risks.md`');
    expect(commits(folder)).toBe('1');

    writeFiles(folder, { 'docs/ideas.md': read(folder, 'docs/ideas.md').replace('- SeeAlso: RiskReview\n', '') });
    git(folder, 'add', 'docs/ideas.md');
    const fixed = commit(folder, 'remove risks and the reference');
    expect(fixed.status, fixed.output).toBe(0);
    expect(commits(folder)).toBe('2');
  });

  it('judges a partly staged file by what is staged', () => {
    const folder = repository();
    const original = read(folder, 'docs/risks.md');
    writeFiles(folder, { 'docs/risks.md': original.replaceAll('RiskReview', 'RiskAudit') });
    git(folder, 'add', 'docs/risks.md');
    writeFiles(folder, { 'docs/risks.md': original });
    const blocked = commit(folder, 'rename');
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain('No capsule is named `RiskReview`');
    // The framework put the unstaged text back.
    expect(read(folder, 'docs/risks.md')).toBe(original);
  });
});

describe('this repository as a hook repository of the pre-commit framework', { timeout: 300_000 }, () => {
  it('checks the commit in a commit, and the files it is given in `pre-commit run --all-files`', () => {
    // The hook repository as pre-commit clones it: this repository's committed state.
    const hooks = join(project({}), 'hooks');
    git(repositoryRoot, 'clone', '--quiet', repositoryRoot, hooks);
    const revision = git(hooks, 'rev-parse', 'HEAD').trim();
    const folder = repository(`repos:\n  - repo: ${JSON.stringify(hooks)}\n    rev: ${revision}\n    hooks:\n      - id: capsule-check\n`);
    // A finding the last commit let in, which no later commit touches.
    writeFiles(folder, { 'docs/notes.md': documentWith('Notes', [{ name: 'QuietCorner', seeAlso: ['NoSuchName'] }]) });
    git(folder, 'add', 'docs/notes.md');
    git(folder, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '--no-verify', '-m', 'notes');

    const all = run(folder, ['--all-files']);
    expect(all.status).not.toBe(0);
    expect(all.output).toContain('docs/notes.md');
    expect(all.output).toContain('No capsule is named `NoSuchName`');

    // Nothing staged: nothing to check.
    expect(run(folder, [])).toMatchObject({ status: 0 });
    // A commit is checked as staged, deletions included, though pre-commit passes it no file.
    git(folder, 'rm', '-q', 'docs/risks.md');
    const blocked = commit(folder, 'remove risks');
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain('No capsule is named `RiskReview` now: this change deletes `docs/risks.md`');
    expect(blocked.output).not.toContain('docs/notes.md');
  });
});
