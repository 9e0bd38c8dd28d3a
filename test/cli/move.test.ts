/** `capsule mv`: a file or folder moved, and every link that reached it by its path rewritten. */
import { chmodSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capsule, documentWith, git, project, read, writeFiles } from './helpers.js';

/** A repository, so that `/guides/release.md` is read from its top. */
function corpus(): string {
  const folder = project({
    'docs/risks.md': documentWith('Risks', [{ name: 'RiskReview', depth: ['Distinction: a review is not an audit', 'Picture: ![the flow](diagrams/flow.png)'] }], {
      prose: 'Before a release, read [the release guide](../guides/release.md#capsule-releasetrain) and [the notes][notes].\n\n[notes]: <./my notes/first.md> "Notes"',
    }),
    'docs/diagrams/flow.png': 'not really a picture',
    'docs/my notes/first.md': '# First\n\nSee [the risks](../risks.md?plain#capsule-riskreview) and [the guide](/guides/release.md).\n',
    'guides/release.md': documentWith('Release', [{ name: 'ReleaseTrain', seeAlso: ['RiskReview (in ../docs/risks.md)'] }], {
      prose: 'Read [the review](../docs/risks.md#capsule-riskreview), ![the flow](../docs/diagrams/flow.png) and [notes](../docs/my%20notes/first.md).',
    }),
  });
  git(folder, 'init', '-q');
  return folder;
}

describe('mv', () => {
  it('moves a document, rewriting the links to it and rebasing its own, so the check stays clean', () => {
    const folder = corpus();
    expect(capsule(['check'], folder)).toMatchObject({ status: 0, stdout: '' });
    const result = capsule(['mv', 'docs/risks.md', 'handbook/review/risks.md'], folder);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      expect.stringMatching(/^docs\/my notes\/first\.md:3:\d+ {2}link$/),
      expect.stringMatching(/^guides\/release\.md:\d+:\d+ {2}link$/),
      expect.stringMatching(/^guides\/release\.md:\d+:\d+ {2}SeeAlso location$/),
      expect.stringMatching(/^handbook\/review\/risks\.md:\d+:\d+ {2}link$/),
      expect.stringMatching(/^handbook\/review\/risks\.md:\d+:\d+ {2}link definition$/),
      expect.stringMatching(/^handbook\/review\/risks\.md:\d+:\d+ {2}image$/),
      'Moved docs/risks.md to handbook/review/risks.md: 6 changes in 3 files',
      '',
    ]);
    expect(existsSync(join(folder, 'docs/risks.md'))).toBe(false);
    const moved = read(folder, 'handbook/review/risks.md');
    // Anchors, titles and the `<…>` and `./` of the written form stay as they were.
    expect(moved).toContain('[the release guide](../../guides/release.md#capsule-releasetrain)');
    expect(moved).toContain('[notes]: <../../docs/my notes/first.md> "Notes"');
    expect(moved).toContain('![the flow](../../docs/diagrams/flow.png)');
    expect(read(folder, 'docs/my notes/first.md')).toBe(
      '# First\n\nSee [the risks](../../handbook/review/risks.md?plain#capsule-riskreview) and [the guide](/guides/release.md).\n',
    );
    const release = read(folder, 'guides/release.md');
    expect(release).toContain('[the review](../handbook/review/risks.md#capsule-riskreview)');
    expect(release).toContain('- SeeAlso: RiskReview (in ../handbook/review/risks.md)');
    expect(release).toContain('[notes](../docs/my%20notes/first.md)');
    expect(capsule(['check'], folder)).toMatchObject({ status: 0, stdout: '' });
  });

  it('moves a folder into one that exists, as mv does, keeping percent-encoding where it was written', () => {
    const folder = corpus();
    const result = capsule(['mv', 'docs/my notes', 'guides'], folder);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Moved docs/my notes to guides/my notes: 3 changes in 3 files\n');
    expect(readdirSync(join(folder, 'guides/my notes'))).toEqual(['first.md']);
    expect(read(folder, 'guides/release.md')).toContain('[notes](my%20notes/first.md)');
    expect(read(folder, 'docs/risks.md')).toContain('[notes]: <../guides/my notes/first.md> "Notes"');
    expect(read(folder, 'guides/my notes/first.md')).toContain('[the risks](../../docs/risks.md?plain#capsule-riskreview)');
    expect(capsule(['check'], folder)).toMatchObject({ status: 0, stdout: '' });
  });

  it('rewrites a link written from the repository\'s top as such', () => {
    const folder = corpus();
    expect(capsule(['mv', 'guides', 'handbook'], folder).status).toBe(0);
    expect(read(folder, 'docs/my notes/first.md')).toContain('[the guide](/handbook/release.md)');
    expect(read(folder, 'docs/risks.md')).toContain('[the release guide](../handbook/release.md#capsule-releasetrain)');
    expect(capsule(['check'], folder)).toMatchObject({ status: 0, stdout: '' });
  });

  it('rebases a moved document\'s link that climbs out of the root to a file of the repository', () => {
    const folder = project({
      'build/settings.json': '{}\n',
      'docs/guide/setup.md': '# Setup\n\nThe defaults are in [the settings](../../build/settings.json).\n',
    });
    git(folder, 'init', '-q');
    const docs = join(folder, 'docs');
    expect(capsule(['check'], docs)).toMatchObject({ status: 0, stdout: '' });
    expect(capsule(['mv', 'guide/setup.md', 'handbook/install/setup.md'], docs).stdout).toBe('handbook/install/setup.md:3:36  link\nMoved guide/setup.md to handbook/install/setup.md: 1 change in 1 file\n');
    expect(read(docs, 'handbook/install/setup.md')).toContain('[the settings](../../../build/settings.json)');
    expect(capsule(['check'], docs)).toMatchObject({ status: 0, stdout: '' });
  });

  it('moves a file that is no document, such as an image', () => {
    const folder = corpus();
    const result = capsule(['mv', 'docs/diagrams/flow.png', 'assets/flow.png'], folder);
    expect(result.stdout).toContain('Moved docs/diagrams/flow.png to assets/flow.png: 2 changes in 2 files\n');
    expect(read(folder, 'docs/risks.md')).toContain('![the flow](../assets/flow.png)');
    expect(read(folder, 'guides/release.md')).toContain('![the flow](../assets/flow.png)');
    expect(capsule(['check'], folder)).toMatchObject({ status: 0, stdout: '' });
  });

  it('--dry-run prints the same changes and moves and writes nothing', () => {
    const folder = corpus();
    const before = { risks: read(folder, 'docs/risks.md'), release: read(folder, 'guides/release.md') };
    const result = capsule(['mv', 'docs/risks.md', 'handbook/risks.md', '--dry-run'], folder);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^handbook\/risks\.md:\d+:\d+ {2}image$/m);
    expect(result.stdout).toContain('Would move docs/risks.md to handbook/risks.md: 5 changes in 3 files (dry run: nothing written)\n');
    expect({ risks: read(folder, 'docs/risks.md'), release: read(folder, 'guides/release.md') }).toEqual(before);
    expect(existsSync(join(folder, 'handbook'))).toBe(false);
  });

  it('lists, and leaves as written, a link that reaches the file by a site route', () => {
    const folder = project({
      'docs/setup.mdx': '# Setup\n\nInstall it.\n',
      'docs/index.md': '# Start\n\nRead [the setup](./setup) first, and [the end](#the-end).\n\n## The end\n',
    });
    expect(capsule(['check'], folder)).toMatchObject({ status: 0, stdout: '' });
    // A link to a heading of the moved document itself is no reference left behind.
    expect(capsule(['mv', 'docs/index.md', 'docs/start.md'], folder)).toEqual({ status: 0, stdout: 'Moved docs/index.md to docs/start.md: 0 changes in 0 files\n', stderr: '' });
    const result = capsule(['mv', 'docs/setup.mdx', 'docs/install.mdx'], folder);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('docs/start.md:3:6  left as written: `./setup`: it reaches the file by a site route, not its path; change it by hand\n');
    expect(result.stdout).toBe('Moved docs/setup.mdx to docs/install.mdx: 0 changes in 0 files; 1 reference left as written\n');
    expect(read(folder, 'docs/start.md')).toContain('[the setup](./setup)');
  });

  it('refuses a missing source, a destination that exists, a place outside the root and a folder moved into itself, changing nothing', () => {
    const folder = corpus();
    const before = read(folder, 'guides/release.md');
    const refused = (args: string[], message: string) => {
      const result = capsule(['mv', ...args], folder);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(message);
    };
    refused(['docs/gone.md', 'docs/here.md'], 'docs/gone.md does not exist');
    refused(['docs/risks.md', 'guides/release.md'], 'guides/release.md already exists');
    refused(['docs/risks.md', '../risks.md'], '../risks.md is outside the corpus root');
    refused(['docs', 'docs/inner'], 'docs cannot be moved inside itself (docs/inner)');
    refused(['docs/risks.md', 'docs/risks.md'], 'docs/risks.md is where docs/risks.md already is');
    expect(read(folder, 'guides/release.md')).toBe(before);
    expect(existsSync(join(folder, 'docs/risks.md'))).toBe(true);
  });

  it('moves nothing back when a document linking to the file cannot be written', () => {
    const folder = corpus();
    chmodSync(join(folder, 'guides/release.md'), 0o444);
    const result = capsule(['mv', 'docs/risks.md', 'handbook/risks.md'], folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Cannot write guides/release.md: it is read-only');
    expect(result.stderr).toContain('Nothing was moved.');
    expect(existsSync(join(folder, 'docs/risks.md'))).toBe(true);
    expect(existsSync(join(folder, 'handbook'))).toBe(false);
    expect(read(folder, 'docs/risks.md')).toContain('[the release guide](../guides/release.md#capsule-releasetrain)');
  });

  it('with --git, records the move in the index as git mv does, leaving the link edits unstaged', () => {
    const folder = corpus();
    git(folder, 'add', '-A');
    git(folder, 'commit', '-q', '-m', 'start');
    // A change made after staging stays out of the index, as with `git mv`.
    const staged = read(folder, 'docs/my notes/first.md');
    writeFiles(folder, { 'docs/my notes/first.md': `${staged}\nA line not yet staged.\n`, 'docs/my notes/untracked.md': '# Untracked\n' });
    const result = capsule(['mv', '--git', 'docs/my notes', 'guides/notes'], folder);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Recorded in git's index: 1 tracked file renamed; the link edits are not staged\n");
    expect(git(folder, 'status', '--porcelain').split('\n').filter(Boolean).sort()).toEqual([
      ' M docs/risks.md',
      ' M guides/release.md',
      '?? guides/notes/untracked.md',
      'RM "docs/my notes/first.md" -> guides/notes/first.md',
    ]);
    expect(git(folder, 'show', ':guides/notes/first.md')).toBe(staged);
    expect(read(folder, 'guides/notes/first.md')).toContain('A line not yet staged.');
  });

  it('with --git, refuses a folder outside a repository and a file with a merge conflict, moving nothing', () => {
    const outside = project({ 'notes/first.md': '# First\n' });
    const unversioned = capsule(['mv', '--git', 'notes/first.md', 'notes/second.md'], outside);
    expect(unversioned.status).toBe(2);
    expect(unversioned.stderr).toContain('--git: notes/first.md is not inside a git repository');
    expect(existsSync(join(outside, 'notes/first.md'))).toBe(true);

    const folder = corpus();
    git(folder, 'add', '-A');
    git(folder, 'commit', '-q', '-m', 'start');
    git(folder, 'checkout', '-q', '-b', 'other');
    writeFiles(folder, { 'docs/my notes/first.md': '# First, other\n' });
    git(folder, 'commit', '-q', '-am', 'other');
    git(folder, 'checkout', '-q', 'main');
    writeFiles(folder, { 'docs/my notes/first.md': '# First, main\n' });
    git(folder, 'commit', '-q', '-am', 'main');
    expect(() => git(folder, 'merge', '-q', 'other')).toThrow();
    const conflicted = capsule(['mv', '--git', 'docs/my notes', 'guides/notes'], folder);
    expect(conflicted.status).toBe(2);
    expect(conflicted.stderr).toContain('--git: docs/my notes has a merge conflict in docs/my notes/first.md');
    expect(existsSync(join(folder, 'docs/my notes/first.md'))).toBe(true);
  });

  it("rewrites the pages MkDocs's nav names, keeping the file's layout, and lists one moved out of docs_dir", () => {
    const nav = 'site_name: Tools  # kept\nnav:\n  - Home: index.md\n  - Guide:\n      - guide/setup.md  # first\n      - "Use it": "guide/use.md"\n';
    const folder = project({
      'mkdocs.yml': nav,
      'docs/index.md': '# Tools\n\nStart with [the setup](guide/setup.md).\n',
      'docs/guide/setup.md': '# Setup\n',
      'docs/guide/use.md': '# Use\n',
    });
    const moved = capsule(['mv', 'docs/guide', 'docs/manual'], folder);
    expect(moved.status).toBe(0);
    expect(moved.stdout).toContain('mkdocs.yml:5:9  MkDocs nav entry\nmkdocs.yml:6:19  MkDocs nav entry\n');
    expect(moved.stdout).toContain('Moved docs/guide to docs/manual: 3 changes in 2 files\n');
    expect(read(folder, 'mkdocs.yml')).toBe(nav.replace('guide/setup.md', 'manual/setup.md').replace('"guide/use.md"', '"manual/use.md"'));
    expect(capsule(['check', '--no-cache'], folder)).toMatchObject({ status: 0, stdout: '' });

    const out = capsule(['mv', 'docs/manual/use.md', 'notes/use.md'], folder);
    expect(out.status).toBe(0);
    expect(out.stderr).toBe('mkdocs.yml:6:19  left as written: `manual/use.md`: MkDocs lists only pages inside its docs_dir; change the nav by hand\n');
  });
});

