/** `capsule init` on the real-world repositories and on small repositories made here. */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { capsule, project, read, repositoryRoot, writeFiles } from './helpers.js';

const copies: string[] = [];
afterAll(() => {
  for (const folder of copies) rmSync(folder, { recursive: true, force: true });
});

/** A real-world fixture repository without its configuration. */
function realWorld(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), `capsule-init-${name}-`));
  copies.push(folder);
  cpSync(join(repositoryRoot, 'test/real-world', name), folder, { recursive: true });
  rmSync(join(folder, 'capsule.config.json'));
  rmSync(join(folder, 'expected-findings.txt'));
  return folder;
}

/** Every capsule, document by document, that `capsule graph` reads with these arguments. */
function capsulesOf(folder: string, ...args: string[]): Record<string, string[]> {
  const result = capsule(['graph', ...args], folder);
  expect(result.status, result.stderr).toBe(0);
  const graph = JSON.parse(result.stdout) as { documents: { path: string; capsules: string[] }[] };
  return Object.fromEntries(graph.documents.filter((document) => document.capsules.length > 0).map((document) => [document.path, document.capsules]));
}

const capsuleDocument = (name: string) =>
  `---\ndescription: About ${name}\ntags: ["Example"]\naudience: ["Humans"]\ncategories: ["Practice[100%]"]\n---\n# ${name} notes\n\n### Capsule: ${name}\n\n**Invariant**\nKeep ${name} small.\n`;

describe('capsule init', { timeout: 90_000 }, () => {
  it.each(['homelab', 'plugin', 'skills'])('writes a configuration for the %s repository that reads the same capsules', (name) => {
    const folder = realWorld(name);
    const everything = capsulesOf(folder, '--no-config');
    const result = capsule(['init'], folder);
    expect(result.status, result.stderr).toBe(0);
    const count = Object.values(everything).flat().length;
    expect(result.stdout).toContain(`Found ${count} capsule${count === 1 ? '' : 's'} in ${Object.keys(everything).length} documents:`);
    expect(result.stdout).toContain('Wrote capsule.config.json');
    const config = JSON.parse(read(folder, 'capsule.config.json'));
    expect(config.$schema).toBe('./node_modules/@capsule-docs/cli/schemas/config.schema.json');
    // The repository does not install the command yet: the schema it names is not there.
    expect(result.stdout).toContain('Its $schema, ./node_modules/@capsule-docs/cli/schemas/config.schema.json, is there once the repository installs the command');
    expect(capsulesOf(folder)).toEqual(everything);
    // The written configuration is one `check` accepts.
    expect(capsule(['check', '--format', 'json'], folder).status).not.toBe(2);
  });

  it('finds capsules in dot-folders and maps each folder to the convention its frontmatter follows', () => {
    const folder = project({
      'docs/guide/a.md': capsuleDocument('AlphaRule'),
      'docs/guide/deeper/b.md': capsuleDocument('BetaRule'),
      '.claude/skills/review/SKILL.md': '---\nname: review\ndescription: Review a change before it lands.\n---\n# Review\n\n### Capsule: ReviewScope\n\n**Invariant**\nReview only what changed.\n',
      '.claude/skills/review/notes.md': '# Notes\n\nPlain notes.\n',
      'notes/[draft] ideas.md': '# Ideas\n\n### Capsule: IdeaFirst\n\n**Invariant**\nWrite the idea down first.\n',
      'CLAUDE.md': '# Memory\n\n### Capsule: MemoryRule\n\n**Invariant**\nRemember the rule.\n',
      'README.md': '# Project\n\nNo capsules here.\n',
    });
    // Installed here, the schema is where `$schema` names it: nothing to say of it.
    writeFiles(folder, { 'node_modules/@capsule-docs/cli/schemas/config.schema.json': '{}\n' });
    const result = capsule(['init'], folder);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('Its $schema');
    expect(result.stdout).toContain('Found 5 capsules in 5 documents:');
    expect(result.stdout).toContain('  docs/guide/  1 document, 1 capsule, capsule frontmatter');
    expect(result.stdout).toContain('  .claude/skills/review/  1 document, 1 capsule, agent skill (SKILL.md)');
    expect(result.stdout).toContain('  CLAUDE.md  1 document, 1 capsule, no frontmatter convention');
    expect(JSON.parse(read(folder, 'capsule.config.json'))).toEqual({
      $schema: './node_modules/@capsule-docs/cli/schemas/config.schema.json',
      include: ['CLAUDE.md', '.claude/skills/review/**/*.md', 'docs/guide/**/*.md', 'notes/**/*.md'],
      frontmatterSchemas: { '.claude/skills/review/**/SKILL.md': 'skill', 'docs/guide/**/*.md': 'capsule' },
    });
    expect(capsulesOf(folder)).toEqual(capsulesOf(folder, '--no-config'));
    // Warnings only: the capsules are short of parts, but every frontmatter follows its schema.
    const check = capsule(['check'], folder);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).not.toContain('frontmatter-schema');
    // The mapping names the shipped capsule schema: a document there without frontmatter is now reported.
    writeFiles(folder, { 'docs/guide/c.md': '# C\n\n### Capsule: GammaRule\n\n**Invariant**\nKeep gamma.\n' });
    expect(capsule(['check', 'docs/guide/c.md'], folder).stdout).toMatch(/docs\/guide\/c\.md\n.*frontmatter-schema/);
  });

  it('leaves out a convention field no document of the folder sets, and reports it once another document sets it', () => {
    // A team that writes `tags` and `audience` but never `categories`.
    const withoutCategories = (name: string) => capsuleDocument(name).replace(/categories: .*\n/, '');
    const folder = project({ 'docs/a.md': withoutCategories('AlphaRule'), 'docs/b.md': withoutCategories('BetaRule') });
    expect(capsule(['init'], folder).status).toBe(0);
    expect(JSON.parse(read(folder, 'capsule.config.json')).frontmatterSchemas).toEqual({ 'docs/**/*.md': 'capsule' });
    const quiet = capsule(['check'], folder);
    expect(quiet.stdout).not.toMatch(/frontmatter-/);
    writeFiles(folder, { 'docs/a.md': capsuleDocument('AlphaRule') });
    expect(capsule(['check'], folder).stdout).toMatch(/docs\/b\.md\n.*Frontmatter lacks `categories`, which 1 of the 1 other capsule documents set.*frontmatter-consistent/);
  });

  it('escapes folder names that globs would misread', () => {
    const folder = project({ 'notes [old]/a.md': '# A\n\n### Capsule: OldRule\n\n**Invariant**\nKeep it.\n' });
    expect(capsule(['init'], folder).status).toBe(0);
    expect(JSON.parse(read(folder, 'capsule.config.json')).include).toEqual(['notes \\[old\\]/**/*.md']);
    expect(capsulesOf(folder)).toEqual({ 'notes [old]/a.md': ['OldRule'] });
  });

  it('judges a capsule folder by a schema only when every document in it follows the convention', () => {
    const folder = project({ 'docs/a.md': capsuleDocument('AlphaRule'), 'docs/b.md': '# B\n\n### Capsule: BetaRule\n\n**Invariant**\nKeep beta.\n' });
    expect(capsule(['init'], folder).status).toBe(0);
    expect(JSON.parse(read(folder, 'capsule.config.json')).frontmatterSchemas).toBeUndefined();
  });

  it('prints the configuration with --dry-run and writes nothing', () => {
    const folder = project({ 'docs/a.md': capsuleDocument('AlphaRule') });
    const result = capsule(['init', '--dry-run'], folder);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      $schema: './node_modules/@capsule-docs/cli/schemas/config.schema.json',
      include: ['docs/**/*.md'],
      frontmatterSchemas: { 'docs/**/*.md': 'capsule' },
    });
    expect(result.stderr).toContain('Found 1 capsule in 1 document:');
    expect(existsSync(join(folder, 'capsule.config.json'))).toBe(false);
  });

  it('refuses to replace a configuration, with exit 2', () => {
    for (const name of ['capsule.config.json', 'capsule.config.yaml']) {
      const folder = project({ 'docs/a.md': capsuleDocument('AlphaRule'), [name]: name.endsWith('json') ? '{"include": ["x/**"]}\n' : 'include: [x]\n' });
      const before = read(folder, name);
      const result = capsule(['init'], folder);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`capsule: ${name} exists already; capsule init never replaces a configuration\n  Edit it, or remove it and run capsule init again.\n`);
      expect(read(folder, name)).toBe(before);
    }
  });

  it('refuses a configuration name that is a symbolic link to nothing, with exit 2, writing nothing through it', () => {
    const folder = project({ 'docs/a.md': capsuleDocument('AlphaRule') });
    symlinkSync('shared/capsule.config.json', join(folder, 'capsule.config.json'));
    const result = capsule(['init'], folder);
    expect([result.status, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toBe('capsule: capsule.config.json exists already; capsule init never replaces a configuration\n  Edit it, or remove it and run capsule init again.\n');
    expect(existsSync(join(folder, 'shared'))).toBe(false);
  });

  it('writes nothing where no document holds a capsule, with exit 1', () => {
    const folder = project({ 'README.md': '# Project\n\nNo capsules.\n' });
    const result = capsule(['init'], folder);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^capsule: No capsule documents here/);
    // An agent's files hold no capsule, and a check needs no configuration to read them.
    expect(result.stderr).toContain('`capsule check` needs no configuration');
    expect(capsule(['check'], folder).status).toBe(0);
    expect(existsSync(join(folder, 'capsule.config.json'))).toBe(false);
    expect(readFileSync(join(folder, 'README.md'), 'utf8')).toContain('No capsules');
  });

  it('is listed in capsule --help', () => {
    expect(capsule(['--help'], repositoryRoot).stdout).toMatch(/^ {2}init \[options\] +find the capsule documents of this repository/m);
  });
});
