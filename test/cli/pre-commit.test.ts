/** The hook definition this repository offers, and the ways hook runners call `capsule check`. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capsule, documentWith, git, project, read, repositoryRoot, writeFiles } from './helpers.js';

// `yaml` is a dependency of the CLI package, not of the repository root.
const { parse } = createRequire(join(repositoryRoot, 'packages/cli/package.json'))('yaml') as typeof import('yaml');

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(repositoryRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];

  it('offers capsule-check for Markdown files', () => {
    expect(hooks).toHaveLength(1);
    const [hook] = hooks;
    expect(hook).toMatchObject({ id: 'capsule-check', entry: 'capsule check', language: 'node', files: '\\.(md)$' });
    const files = new RegExp(String(hook!['files']));
    expect(['README.md', 'docs/guide.md'].every((path) => files.test(path))).toBe(true);
    expect(['notes.txt', 'guide.md.bak', 'page.mdx'].some((path) => files.test(path))).toBe(false);
  });
});

describe('as hook runners call it', () => {
  function staged(): string {
    const folder = project({
      'capsule.config.json': JSON.stringify({ root: 'docs' }),
      'docs/risks.md': documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]),
      'docs/ideas.md': documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['RiskReview'] }]),
      'README.md': '# Project\n',
    });
    git(folder, 'init', '-q');
    git(folder, 'add', '.');
    git(folder, 'commit', '-q', '-m', 'start');
    writeFiles(folder, { 'docs/risks.md': read(folder, 'docs/risks.md').replaceAll('RiskReview', 'RiskAudit') });
    return folder;
  }

  it('pre-commit: repository-relative paths, Markdown outside the corpus noted and skipped', () => {
    const folder = staged();
    const result = capsule(['check', 'README.md', 'docs/risks.md'], folder);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('docs/ideas.md');
    expect(result.stdout).toContain('No capsule is named `RiskReview`');
    expect(result.stderr).toBe('capsule: README.md is outside the corpus root (docs); not checked\n');
  });

  it('lint-staged: absolute paths', () => {
    const folder = staged();
    const result = capsule(['check', join(folder, 'docs/risks.md')], folder);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('docs/ideas.md');
  });
});
