/** The hook definition this repository offers, and the ways hook runners call `capsule check`. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleInputs, capsule, citingRepository, documentWith, git, project, read, repositoryRoot, writeFiles } from './helpers.js';

// `yaml` is a dependency of the CLI package, not of the repository root.
const { parse } = createRequire(join(repositoryRoot, 'packages/cli/package.json'))('yaml') as typeof import('yaml');

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(repositoryRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];

  it('offers capsule-check, which asks git for the change itself on every commit', () => {
    expect(hooks).toHaveLength(1);
    const [hook] = hooks;
    // pre-commit never passes deleted files, so in a commit the hook reads the index; the files
    // it passes are for runs outside a commit (`--all-files`).
    expect(hook).toMatchObject({ id: 'capsule-check', entry: 'hooks/capsule-check', language: 'script', pass_filenames: true, always_run: true, require_serial: true });
  });
});

describe('as a hook repository of the pre-commit framework', () => {
  // What pre-commit does with a `language: script` hook: clone the hook repository, then run
  // the entry from that clone in the checked repository with the staged files as arguments.
  it('sets its clone up on the first run, then checks the staged files', () => {
    const clone = project({});
    git(repositoryRoot, 'clone', '--quiet', repositoryRoot, clone);
    const checked = project({ 'docs/a.md': documentWith('A', [{ name: 'Alpha', seeAlso: ['Betta'] }]) });
    const run = () =>
      spawnSync(join(clone, 'hooks/capsule-check'), ['docs/a.md'], { cwd: checked, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

    const first = run();
    expect(first.stderr).toContain('capsule-check: setting up this hook (first run only)');
    expect([first.status, first.stdout]).toEqual([1, expect.stringContaining('No capsule is named `Betta`')]);

    const second = run();
    expect(second.stderr).toBe('');
    expect([second.status, second.stdout]).toEqual([first.status, first.stdout]);

    // The setup bundled the command, so later runs start from the bundle.
    const { inputs, changed } = bundleInputs(clone);
    expect(inputs.length).toBeGreaterThan(100);
    expect(inputs.filter((path) => path.startsWith(join(clone, 'packages')))).not.toEqual([]);
    expect(changed).toEqual([]);
  }, 300_000);
});

describe('as hook runners call it', () => {
  function staged(): string {
    const folder = citingRepository({ 'README.md': '# Project\n' });
    writeFiles(folder, { 'docs/risks.md': read(folder, 'docs/risks.md').replaceAll('RiskReview', 'RiskAudit') });
    return folder;
  }

  it('pre-commit: repository-relative paths; Markdown outside the corpus is a usage error', () => {
    const folder = staged();
    const result = capsule(['check', 'docs/risks.md'], folder);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('docs/ideas.md');
    expect(result.stdout).toContain('No capsule is named `RiskReview`');
    expect(result.stderr).toBe('');
    const outside = capsule(['check', 'README.md', 'docs/risks.md'], folder);
    expect([outside.status, outside.stdout]).toEqual([2, '']);
    expect(outside.stderr).toContain('capsule: README.md is outside the corpus root (docs); it is not a document of the corpus\n');
    // What the hook passes: every staged Markdown file, the ones outside the corpus left out.
    const hooked = capsule(['check', '--skip-outside-corpus', 'README.md', 'docs/risks.md'], folder);
    expect([hooked.status, hooked.stdout, hooked.stderr]).toEqual([1, result.stdout, '']);
  });

  it('lefthook and lint-staged: a renamed document comes as its new path alone, and its old names still count', () => {
    const folder = citingRepository({ 'README.md': '# Project\n' });
    git(folder, 'mv', 'docs/risks.md', 'docs/risk register.md');
    writeFiles(folder, { 'docs/risk register.md': read(folder, 'docs/risk register.md').replace('Capsule: RiskReview', 'Capsule: RiskAudit') });
    git(folder, 'add', '-A');
    const staged = capsule(['check', '--staged'], folder);
    for (const path of ['docs/risk register.md', join(folder, 'docs/risk register.md')]) {
      const result = capsule(['check', '--skip-outside-corpus', 'README.md', path], folder);
      expect([result.status, result.stdout, result.stderr], path).toEqual([1, staged.stdout, '']);
    }
    expect(staged.stdout).toContain('docs/ideas.md');
    expect(staged.stdout).toContain('No capsule is named `RiskReview` now: this change deletes `docs/risks.md`');
    // A rename that keeps the names breaks nothing.
    git(folder, 'reset', '-q', '--hard');
    git(folder, 'mv', 'docs/risks.md', 'docs/risk register.md');
    expect(capsule(['check', 'docs/risk register.md'], folder)).toMatchObject({ status: 0 });
  });

  it('lint-staged: absolute paths', () => {
    const folder = staged();
    const result = capsule(['check', join(folder, 'docs/risks.md')], folder);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('docs/ideas.md');
  });
});
