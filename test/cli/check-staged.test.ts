/**
 * `capsule check --staged`: the commit as git's index holds it. The change set comes from git
 * (added, modified, renamed, deleted), and every file is read as staged, not as it stands in
 * the working tree.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/src/generate.js';
import { capsule, citingRepository, documentWith, git, project, read, writeFiles } from './helpers.js';

function repository(): string {
  return citingRepository({ 'README.md': '# Project\n' });
}

describe('capsule check --staged', () => {
  it('reports nothing for a commit that touches no document', () => {
    const folder = repository();
    writeFiles(folder, { 'README.md': '# Project, renamed\n' });
    git(folder, 'add', 'README.md');
    expect(capsule(['check', '--staged'], folder)).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  it('catches a deletion that breaks a citation, which hooks are never given', () => {
    const folder = repository();
    git(folder, 'rm', '-q', 'docs/risks.md');
    const result = capsule(['check', '--staged'], folder);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('docs/ideas.md');
    // Told why a file nobody touched fails.
    expect(result.stdout).toContain('No capsule is named `RiskReview` now: this change deletes `docs/risks.md`, which defined it');
  });

  it('tells a link to a file the commit renames where git sees it went, as a check of the working tree does', () => {
    const folder = repository();
    writeFiles(folder, { 'docs/guide.md': '# Guide\n\n## Steps\n\nFollow them.\n', 'docs/index.md': '# Index\n\nRead [the steps](guide.md#steps).\n' });
    git(folder, 'add', '.');
    git(folder, 'commit', '-q', '-m', 'guide');
    mkdirSync(join(folder, 'docs', 'handbook'));
    git(folder, 'mv', 'docs/guide.md', 'docs/handbook/guide-v2.md');
    const told = 'Link target `guide.md` does not exist: git sees `guide.md` renamed to `handbook/guide-v2.md` since HEAD; write `handbook/guide-v2.md`';
    for (const args of [['check', '--staged'], ['check']]) {
      const result = capsule(args, folder);
      expect([result.status, result.stderr], args.join(' ')).toEqual([1, '']);
      expect(result.stdout, args.join(' ')).toContain(told);
    }
  });

  it('reports a staged symbolic link that leads nowhere, as a check of the file given or of the whole corpus does', () => {
    const folder = repository();
    symlinkSync('moved-away.md', join(folder, 'docs', 'notes.md'));
    git(folder, 'add', 'docs/notes.md');
    const expected = /docs\/notes\.md\n {2}1:1 {2}error {2}File is a symbolic link to `moved-away\.md`, which does not exist; it was not read {2}unreadable-file\n/;
    for (const args of [['check', '--staged'], ['check', 'docs/notes.md'], ['check']]) {
      const result = capsule(args, folder);
      expect([result.status, result.stderr], args.join(' ')).toEqual([1, '']);
      expect(result.stdout, args.join(' ')).toMatch(expected);
    }
  });

  // The snapshot holds every file as staged, but only the ones a check reads the text of need
  // their text: a staged commit that changes nothing they say is judged as the working tree is.
  function committed(files: Record<string, string>, links: Record<string, string> = {}): string {
    const folder = project(files);
    for (const [path, target] of Object.entries(links)) {
      mkdirSync(join(folder, path, '..'), { recursive: true });
      symlinkSync(target, join(folder, path));
    }
    git(folder, 'init', '-q');
    git(folder, 'add', '.');
    git(folder, 'commit', '-q', '-m', 'start');
    return folder;
  }
  function stagedAgreesWithCheck(folder: string, touched: string): void {
    writeFiles(folder, { [touched]: `${read(folder, touched)}\nOne more line.\n` });
    git(folder, 'add', touched);
    expect(capsule(['check'], folder)).toMatchObject({ status: 0, stdout: '' });
    expect(capsule(['check', '--staged'], folder)).toMatchObject({ status: 0, stdout: '' });
  }

  it('follows a staged symbolic link to a folder, as agent files link through `.claude/skills`', () => {
    const folder = committed(
      { '.agents/skills/review/SKILL.md': '---\nname: review\ndescription: Review a change\n---\n# Review\n\n## Steps\n', 'AGENTS.md': '# Agents\n\nUse [review](.claude/skills/review/SKILL.md#steps).\n' },
      { '.claude/skills': '../.agents/skills' },
    );
    stagedAgreesWithCheck(folder, 'AGENTS.md');
  });

  it("reads the staged `.gitattributes`, so a folder it marks vendored stays out of the commit's documents", () => {
    const folder = committed({ '.gitattributes': 'third_party/** linguist-vendored\n', 'third_party/lib/README.md': '# Lib\n\nSee [the tests](tests/run.md).\n', 'docs/guide.md': '# Guide\n' });
    stagedAgreesWithCheck(folder, 'third_party/lib/README.md');
  });

  it('reads a document git tracks in spite of a `.gitignore`, and links to it, as the working tree is read', () => {
    // `docs/` is ignored, and its pages were added with `git add -f`: they are the repository's.
    const folder = project({ '.gitignore': 'docs/\n', 'docs/guide.md': '# Guide\n\n## Setup\n', 'README.md': '# Project\n\nSee [the setup](docs/guide.md#setup).\n' });
    git(folder, 'init', '-q');
    git(folder, 'add', '.');
    git(folder, 'add', '-f', 'docs/guide.md');
    git(folder, 'commit', '-q', '-m', 'start');
    stagedAgreesWithCheck(folder, 'README.md');
    // The tracked page is a document of the commit: its own broken link is told.
    writeFiles(folder, { 'docs/guide.md': '# Guide\n\n## Setup\n\nSee [the missing page](missing.md).\n' });
    git(folder, 'add', '-f', 'docs/guide.md');
    const result = capsule(['check', '--staged'], folder);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('docs/guide.md');
    expect(result.stdout).toMatch(/5:5 +error +Link target `missing\.md` .*link-resolves/);
  });

  it('reads the staged text of a source file whose doc comment takes a document in, as TypeDoc does', () => {
    const folder = committed({
      'docs/.vitepress/config.ts': "export default { title: 'Guide' };\n",
      'docs/guide.md': '# Guide\n',
      'src/options/output.ts': 'export interface Options {\n  /** {@include ./docs/banner.md} */\n  banner?: string;\n}\n',
      'src/options/docs/banner.md': 'See [the guide](/guide).\n',
    });
    stagedAgreesWithCheck(folder, 'src/options/docs/banner.md');
  });

  it('reads a staged `.mdx` page the configuration includes, and its headings', () => {
    const folder = committed({
      'capsule.config.json': JSON.stringify({ include: ['**/*.md', '**/*.mdx'] }),
      'docs/page.mdx': '# Page\n\n## Setup\n\nSteps.\n',
      'docs/start.md': '# Start\n\nFirst read [the setup](page.mdx#setup).\n',
    });
    stagedAgreesWithCheck(folder, 'docs/start.md');
  });

  it('catches a heading renamed under an anchor another document links to', () => {
    const folder = citingRepository({ 'docs/guide.md': '# Guide\n\n## Setup\n\nSteps.\n', 'docs/start.md': '# Start\n\nFirst read [the setup](guide.md#setup).\n' });
    writeFiles(folder, { 'docs/guide.md': '# Guide\n\n## Installation\n\nSteps.\n' });
    git(folder, 'add', 'docs/guide.md');
    const result = capsule(['check', '--staged'], folder);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('docs/start.md');
    expect(result.stdout).toContain('has no heading with the anchor `#setup`');
  });

  it('leaves out a link whose anchor was broken before the commit, which is not its doing', () => {
    const folder = citingRepository({ 'docs/guide.md': '# Guide\n\n## Setup\n\nSteps.\n', 'docs/start.md': '# Start\n\nFirst read [the setup](guide.md#set-up).\n' });
    writeFiles(folder, { 'docs/guide.md': '# Guide\n\n## Setup\n\nMore steps.\n' });
    git(folder, 'add', 'docs/guide.md');
    expect(capsule(['check', '--staged'], folder)).toMatchObject({ status: 0, stdout: '' });
    // The whole check still tells it.
    expect(capsule(['check'], folder).stdout).toContain('has no heading with the anchor `#set-up`');
  });

  it("catches a deletion of a site's page that another links to by its route", () => {
    // A Jekyll site serves `docs/guide/setup.md` at `/guide/setup`; its pages link by route.
    const folder = project({
      'docs/_config.yml': 'title: Docs\n',
      'docs/Gemfile': "gem 'jekyll'\n",
      'docs/guide/index.md': '# Guide\n\nStart with [the setup](setup) and [its options](setup#options).\n',
      'docs/guide/setup.md': '# Setup\n\n## Options\n\nText.\n',
      'docs/guide/other.md': '# Other\n\nText.\n',
    });
    git(folder, 'init', '-q');
    git(folder, 'add', '.');
    git(folder, 'commit', '-q', '-m', 'start');
    expect(capsule(['check'], folder)).toMatchObject({ status: 0 });
    git(folder, 'rm', '-q', 'docs/guide/setup.md');
    const result = capsule(['check', '--staged'], folder);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('docs/guide/index.md');
    expect(result.stdout).toContain('Link target `setup` does not exist');
  });

  it('catches a file removed from the index but still on disk', () => {
    const folder = repository();
    git(folder, 'rm', '-q', '--cached', 'docs/risks.md');
    const result = capsule(['check', '--staged'], folder);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('No capsule is named `RiskReview`');
  });

  it('judges a partly staged file by its staged text', () => {
    const folder = repository();
    const fixed = read(folder, 'docs/risks.md');
    writeFiles(folder, { 'docs/risks.md': fixed.replaceAll('RiskReview', 'RiskAudit') });
    git(folder, 'add', 'docs/risks.md');
    // The working tree puts the old name back; the commit still renames it.
    writeFiles(folder, { 'docs/risks.md': fixed });
    const broken = capsule(['check', '--staged'], folder);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('No capsule is named `RiskReview` now: this change takes it out of `docs/risks.md`');
    // Staging the working tree's text is a commit that breaks nothing.
    git(folder, 'add', 'docs/risks.md');
    expect(capsule(['check', '--staged'], folder)).toMatchObject({ status: 0, stdout: '' });
  });

  it('follows a rename across folders and reports at the new path', () => {
    const folder = repository();
    mkdirSync(join(folder, 'docs/archive'));
    git(folder, 'mv', 'docs/risks.md', 'docs/archive/risks.md');
    expect(capsule(['check', '--staged'], folder)).toMatchObject({ status: 0, stdout: '' });
    writeFiles(folder, { 'docs/archive/risks.md': read(folder, 'docs/archive/risks.md').replace('SeeAlso: IdeaCapture', 'SeeAlso: IdeaCaptur') });
    git(folder, 'add', 'docs/archive/risks.md');
    const result = capsule(['check', '--staged'], folder);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('docs/archive/risks.md');
  });

  it('reads paths with spaces and newlines, and a staged binary file gets its finding', () => {
    const folder = repository();
    writeFiles(folder, { 'docs/odd name\nline.md': documentWith('Odd', [{ name: 'OddOne', seeAlso: ['Missing'] }]) });
    writeFileSync(join(folder, 'docs/blob.md'), Buffer.from([0, 1, 2, 3, 0]));
    git(folder, 'add', '.');
    const result = capsule(['check', '--staged', '--format', 'json'], folder);
    expect(result.status).toBe(1);
    const reported = (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string }[] }[]).map((file) => [
      file.filePath.slice(folder.length + 1),
      file.messages.map((message) => message.ruleId),
    ]);
    expect(reported).toEqual([
      ['docs/blob.md', ['binary-file']],
      ['docs/odd name\nline.md', ['see-also-resolves']],
    ]);
  });

  it('works in a repository without commits and on a detached HEAD', () => {
    const fresh = project({ 'a.md': documentWith('A', [{ name: 'Alpha', seeAlso: ['Beta'] }]) });
    git(fresh, 'init', '-q');
    git(fresh, 'add', '.');
    const first = capsule(['check', '--staged'], fresh);
    expect(first.status).toBe(1);
    expect(first.stdout).toContain('No capsule is named `Beta`');

    const folder = repository();
    git(folder, 'checkout', '-q', '--detach');
    git(folder, 'rm', '-q', 'docs/ideas.md');
    expect(capsule(['check', '--staged'], folder).stdout).toContain('No capsule is named `IdeaCapture`');
  });

  it('is a usage error outside a repository, with paths, or with --fix', () => {
    const outside = project({ 'a.md': '# A\n' });
    const result = capsule(['check', '--staged'], outside);
    expect([result.status, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain('not in a git repository');
    const folder = repository();
    expect(capsule(['check', '--staged', 'docs/risks.md'], folder)).toMatchObject({ status: 2, stdout: '' });
    expect(capsule(['check', '--staged', '--fix'], folder)).toMatchObject({ status: 2, stdout: '' });
  });
});

describe('capsule check --staged and the corpus index', () => {
  it("leaves the working tree's corpus index as it was, whatever the commit touches: the snapshot is a copy made for the run", () => {
    const folder = project({ 'capsule.config.json': JSON.stringify({ root: 'docs', cacheDir: '.cache' }), 'README.md': '# Project\n', '.gitignore': '.cache/\n' });
    // Enough documents that a scan of the snapshot (all of it new to the index) would be written.
    writeCorpus(join(folder, 'docs'), { docs: 80, seed: 2 });
    git(folder, 'init', '-q');
    git(folder, 'add', '.');
    git(folder, 'commit', '-q', '-m', 'start');
    capsule(['check'], folder);
    const indexFile = readdirSync(join(folder, '.cache')).find((name) => /^index-[0-9a-f]{16}\.json$/.test(name))!;
    const before = read(folder, `.cache/${indexFile}`);

    // A commit that touches no document, then one that changes a document.
    writeFiles(folder, { 'README.md': '# Project, renamed\n' });
    git(folder, 'add', 'README.md');
    expect(capsule(['check', '--staged'], folder)).toMatchObject({ status: 0, stdout: '' });
    expect(read(folder, `.cache/${indexFile}`)).toBe(before);
    const document = readdirSync(join(folder, 'docs/area-00'))[0]!;
    writeFiles(folder, { [`docs/area-00/${document}`]: `${read(folder, `docs/area-00/${document}`)}\nOne more sentence.\n` });
    git(folder, 'add', `docs/area-00/${document}`);
    capsule(['check', '--staged'], folder);
    expect(read(folder, `.cache/${indexFile}`)).toBe(before);
  });
});

describe('the staged snapshot kept between runs', () => {
  /** Where the snapshot of the repository at `folder` is kept: under the test run's user cache folder. */
  function keptPlace(folder: string): string {
    const toplevel = git(folder, 'rev-parse', '--show-toplevel').trim();
    return join(process.env['XDG_CACHE_HOME']!, 'capsule-docs', 'staged', createHash('sha1').update(toplevel).digest('hex').slice(0, 16));
  }
  const stamp = (file: string) => {
    const { ino, mtimeMs } = statSync(file);
    return { ino, mtimeMs };
  };

  it('writes only what the index changed since the last run, deletes what it no longer holds, and judges as a snapshot made anew does', () => {
    const folder = citingRepository({ 'docs/old/notes.md': '# Notes\n' });
    writeFiles(folder, { 'README.md': '# Project\n' });
    git(folder, 'add', 'README.md');
    expect(capsule(['check', '--staged'], folder)).toMatchObject({ status: 0, stdout: '' });
    const tree = join(keptPlace(folder), 'tree');
    const risks = stamp(join(tree, 'docs/risks.md'));
    // The run let go of the snapshot.
    expect(existsSync(join(keptPlace(folder), 'lock'))).toBe(false);

    writeFiles(folder, { 'docs/ideas.md': `${read(folder, 'docs/ideas.md')}\nOne more line.\n` });
    git(folder, 'add', 'docs/ideas.md');
    git(folder, 'rm', '-q', 'docs/old/notes.md');
    expect(capsule(['check', '--staged'], folder)).toMatchObject({ status: 0, stdout: '' });
    expect(readFileSync(join(tree, 'docs/ideas.md'), 'utf8')).toBe(read(folder, 'docs/ideas.md'));
    expect(stamp(join(tree, 'docs/risks.md'))).toEqual(risks);
    expect(existsSync(join(tree, 'docs/old'))).toBe(false);

    git(folder, 'rm', '-q', 'docs/risks.md');
    const kept = capsule(['check', '--staged'], folder);
    expect(existsSync(join(tree, 'docs/risks.md'))).toBe(false);
    expect(kept.status).toBe(1);
    expect(kept.stdout).toContain('this change deletes `docs/risks.md`');
    expect(capsule(['check', '--staged', '--no-cache'], folder)).toEqual(kept);
  });

  it('makes a snapshot of its own while a running check holds the kept one, and takes over one whose check is gone', () => {
    const folder = citingRepository();
    writeFiles(folder, { 'README.md': '# Project\n' });
    git(folder, 'add', 'README.md');
    expect(capsule(['check', '--staged'], folder).status).toBe(0);
    const lock = join(keptPlace(folder), 'lock');
    const tree = join(keptPlace(folder), 'tree');

    // This test's own process is running: its lock holds.
    writeFileSync(lock, String(process.pid));
    git(folder, 'rm', '-q', 'docs/risks.md');
    const meanwhile = capsule(['check', '--staged'], folder);
    expect(meanwhile.status).toBe(1);
    expect(meanwhile.stdout).toContain('this change deletes `docs/risks.md`');
    expect(existsSync(join(tree, 'docs/risks.md'))).toBe(true);
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));

    // A process that has ended holds nothing.
    writeFileSync(lock, String(spawnSync(process.execPath, ['-e', '']).pid));
    expect(capsule(['check', '--staged'], folder)).toEqual(meanwhile);
    expect(existsSync(join(tree, 'docs/risks.md'))).toBe(false);
    expect(existsSync(lock)).toBe(false);
  });

  it('writes the kept snapshot anew when the list of what it was written from cannot be read', () => {
    const folder = citingRepository();
    writeFiles(folder, { 'docs/ideas.md': `${read(folder, 'docs/ideas.md')}\nOne more line.\n` });
    git(folder, 'add', 'docs/ideas.md');
    expect(capsule(['check', '--staged'], folder).status).toBe(0);
    const manifest = join(keptPlace(folder), 'manifest.json');
    writeFileSync(manifest, '{"cut short');
    // A file the list no longer accounts for is not left behind.
    writeFileSync(join(keptPlace(folder), 'tree', 'docs', 'stray.md'), '# Stray\n\n[Gone](nowhere.md)\n');
    expect(capsule(['check', '--staged'], folder)).toMatchObject({ status: 0, stdout: '' });
    expect(existsSync(join(keptPlace(folder), 'tree', 'docs', 'stray.md'))).toBe(false);
    expect(JSON.parse(readFileSync(manifest, 'utf8'))).toContainEqual(['docs/ideas.md', expect.stringMatching(/^100644 [0-9a-f]{40}$/)]);
  });

  it("removes another repository's snapshot no run has used for a month, and keeps one used since", () => {
    const keptIn = join(process.env['XDG_CACHE_HOME']!, 'capsule-docs', 'staged');
    const [unused, used] = ['0123456789abcdef', 'fedcba9876543210'].map((name) => join(keptIn, name));
    for (const place of [unused!, used!]) {
      mkdirSync(join(place, 'tree'), { recursive: true });
      writeFileSync(join(place, 'manifest.json'), '[]');
    }
    const monthAgo = (Date.now() - 31 * 24 * 60 * 60 * 1000) / 1000;
    utimesSync(join(unused!, 'manifest.json'), monthAgo, monthAgo);
    const folder = citingRepository();
    writeFiles(folder, { 'README.md': '# Project\n' });
    git(folder, 'add', 'README.md');
    expect(capsule(['check', '--staged'], folder).status).toBe(0);
    expect([existsSync(unused!), existsSync(used!)]).toEqual([false, true]);
  });

  it('is not kept with --no-cache', () => {
    const folder = citingRepository();
    writeFiles(folder, { 'docs/ideas.md': `${read(folder, 'docs/ideas.md')}\nOne more line.\n` });
    git(folder, 'add', 'docs/ideas.md');
    expect(capsule(['check', '--staged', '--no-cache'], folder).status).toBe(0);
    expect(existsSync(keptPlace(folder))).toBe(false);
  });
});
