/**
 * Links from documents to the files around them: any existing file or folder of the
 * repository resolves, in the corpus or not, inside the root or around it; anchors are
 * checked only on corpus documents; a link that leaves the repository is outside.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capsule, documentWith, git, project } from './helpers.js';

const guide = `# Guide

The checks run from [the workflow](../.github/workflows/ci.yaml) with [the servers](../.mcp.json).
The build is under [scripts/](../scripts/) and [scripts](../scripts), the settings in [a dot-file](.claude/settings.json).
Install as [the read-me](../README.md#install) says, then read [the plan](plans.md#a-heading-that-is-not-there).
Not yet written: [a workflow](../.github/workflows/release.yaml). Not ours: [a secret](../../secret.txt).
`;

function repository({ withGit }: { withGit: boolean }): string {
  const folder = project({
    'capsule.config.json': JSON.stringify({ root: 'docs', cacheDir: '.cache' }),
    '.github/workflows/ci.yaml': 'on: push\n',
    '.mcp.json': '{ "servers": {} }\n',
    'scripts/build.sh': 'echo build\n',
    'README.md': '# Project\n\nNo install section here.\n',
    'docs/guide.md': guide,
    'docs/plans.md': '# Plans\n',
    'docs/.claude/settings.json': '{}\n',
  });
  if (withGit) git(folder, 'init', '-q');
  return folder;
}

/** The link findings of `capsule check`, as `line message-id`. */
function linkFindings(folder: string, paths: string[] = []): string[] {
  const result = capsule(['check', '--format', 'json', ...paths], folder);
  const [entry] = JSON.parse(result.stdout) as { messages: { line: number; ruleId: string; messageId: string }[] }[];
  return (entry?.messages ?? []).filter((message) => message.ruleId === 'link-resolves').map((message) => `${message.line} ${message.messageId}`);
}

/** The messages of the check's `outside-root` link findings. */
function outsideMessages(folder: string, flags: string[] = []): string[] {
  const result = capsule(['check', ...flags, '--format', 'json'], folder);
  const [entry] = JSON.parse(result.stdout) as { messages: { ruleId: string; messageId: string; message: string }[] }[];
  return (entry?.messages ?? []).filter((message) => message.ruleId === 'link-resolves' && message.messageId === 'outside-root').map((message) => message.message);
}

describe('links to files of the repository', () => {
  for (const withGit of [true, false]) {
    it(`resolve around the root, inside the ${withGit ? 'git repository' : 'configuration file\'s folder'}`, () => {
      const folder = repository({ withGit });
      expect(linkFindings(folder)).toEqual(['5 missing-anchor', '6 missing-file', '6 outside-root']);
      expect(outsideMessages(folder)).toEqual([expect.stringMatching(/points outside the repository; link to a file inside it$/)]);
    });
  }

  it('follow the files: one created later resolves on the next run', () => {
    const folder = repository({ withGit: true });
    expect(linkFindings(folder)).toContain('6 missing-file');
    writeFileSync(join(folder, '.github/workflows/release.yaml'), 'on: release\n');
    expect(linkFindings(folder)).toEqual(['5 missing-anchor', '6 outside-root']);
  });

  it('resolve the same when a warm cache checks one document from its neighbourhood', () => {
    const folder = repository({ withGit: true });
    const whole = linkFindings(folder);
    const debug = capsule(['check', 'docs/guide.md'], folder, { CAPSULE_DEBUG: '1' });
    expect(debug.stderr).toMatch(/loaded \d+ then \d+ of 2 documents/);
    expect(linkFindings(folder, ['docs/guide.md'])).toEqual(whole);
  });

  it('that start with `/` start at the top of the repository, as on GitHub', () => {
    const rootLinks = '# Links\n\nRead [the read-me](/README.md), [the workflow](/.github/workflows/ci.yaml) and [a plan](/docs/plans.md).\nNot there: [a page](/en/docs/overview).\n';
    const folder = project({ 'README.md': '# Project\n', '.github/workflows/ci.yaml': 'on: push\n', 'docs/plans.md': '# Plans\n', 'docs/links.md': rootLinks });
    git(folder, 'init', '-q');
    const findingsIn = (cwd: string) => {
      const files = JSON.parse(capsule(['check', '--format', 'json'], cwd).stdout) as { filePath: string; messages: { line: number; messageId: string }[] }[];
      return files.flatMap((file) => file.messages.map((message) => `${file.filePath.endsWith('links.md') ? 'links.md' : file.filePath} ${message.line} ${message.messageId}`));
    };
    // A corpus at the top of the repository, and one in a folder of it.
    expect(findingsIn(folder)).toEqual(['links.md 4 missing-file']);
    expect(findingsIn(join(folder, 'docs'))).toEqual(['links.md 4 missing-file']);
  });

  it('say a link leaves the repository when the corpus root is the repository\'s top', () => {
    const folder = project({ 'a.md': '# A\n\nSee [far](../far.md).\n' });
    git(folder, 'init', '-q');
    expect(outsideMessages(folder)).toEqual([expect.stringMatching(/points outside the repository; link to a file inside it$/)]);
  });

  it('leave the root as outside links without a repository around it', () => {
    const folder = repository({ withGit: false });
    const result = capsule(['check', '--no-config', '--format', 'json'], join(folder, 'docs'));
    const [entry] = JSON.parse(result.stdout) as { messages: { line: number; ruleId: string; messageId: string }[] }[];
    const outside = entry!.messages.filter((message) => message.messageId === 'outside-root').map((message) => message.line);
    expect(outside).toEqual([3, 3, 4, 4, 5, 6, 6]);
    // No repository holds the root: the message says it is the root that may not be left.
    expect(outsideMessages(join(folder, 'docs'), ['--no-config'])).toEqual(
      Array.from({ length: 7 }, () => expect.stringMatching(/points outside the corpus root, which no git repository holds; link to a file inside it$/)),
    );
  });

  it('tell a link into what `.gitignore` leaves out as such, whether or not it exists here', () => {
    const folder = project({
      '.gitignore': 'local_docs/\n',
      'local_docs/upstream/index.md': '# Upstream notes\n',
      'docs/guide.md': '# Guide\n\nSee [the upstream notes](../local_docs/upstream/) and [the old ones](../local_docs/old.md).\n\nAlso [a page](gone.md).\n',
    });
    git(folder, 'init', '-q');
    const result = capsule(['check', '--format', 'json'], folder);
    const entries = JSON.parse(result.stdout) as { filePath: string; messages: { line: number; messageId: string; message: string }[] }[];
    // The ignored folder's document is no document of the corpus, and its links are not the missing kind.
    expect(entries.map((entry) => entry.filePath.slice(folder.length + 1))).toEqual(['docs/guide.md']);
    expect(entries[0]!.messages.map((message) => `${message.line} ${message.messageId}`)).toEqual(['3 ignored-file', '3 ignored-missing', '5 missing-file']);
    expect(entries[0]!.messages[0]!.message).toContain('is ignored by `.gitignore`');
    // Where the file is not here, there is nothing to commit from this machine.
    expect(entries[0]!.messages[1]!.message).toContain('is not here, and `.gitignore` leaves its path out');

    // A pattern added for a file that does not exist changes the finding, though no listed file changed.
    writeFileSync(join(folder, '.gitignore'), 'local_docs/\ndocs/gone.md\n');
    const again = JSON.parse(capsule(['check', '--format', 'json'], folder).stdout) as typeof entries;
    expect(again[0]!.messages.map((message) => `${message.line} ${message.messageId}`)).toEqual(['3 ignored-file', '3 ignored-missing', '5 ignored-missing']);
  });

  it('take a link into a git submodule this clone has not fetched to lead somewhere, at the root or around it', () => {
    const guide = '# Guide\n\nSee [the undo manager](../JUCE/modules/undo/UndoManager.cpp), [the inspector](../third_party/inspector/).\n\nNot a submodule: [gone](../JUCEX/gone.cpp). Fetched: [gone too](../cmake/gone.cmake).\n';
    const modules = '[submodule "JUCE"]\n\tpath = JUCE\n\turl = https://example.com/juce.git\n[submodule "modules/inspector"]\n\tpath = third_party/inspector\n\turl = https://example.com/inspector.git\n[submodule "cmake"]\n\tpath = cmake\n\turl = https://example.com/cmake.git\n';
    const folder = project({ '.gitmodules': modules, 'docs/guide.md': guide, 'cmake/present.cmake': '# here\n' });
    git(folder, 'init', '-q');
    expect(linkFindings(folder)).toEqual(['5 missing-file', '5 missing-file']);
    // Checked from the folder of the docs, the repository's `.gitmodules` around it is read the same.
    writeFileSync(join(folder, 'capsule.config.json'), JSON.stringify({ root: 'docs', cacheDir: '.cache' }));
    expect(linkFindings(folder)).toEqual(['5 missing-file', '5 missing-file']);
    // Without it, the folders are ones this clone lacks.
    writeFileSync(join(folder, '.gitmodules'), '');
    expect(linkFindings(folder)).toEqual(['3 missing-file', '3 missing-file', '5 missing-file', '5 missing-file']);
  });
});

describe('SeeAlso paths to files of the repository', () => {
  it('resolve from the repository\'s top when a folder of it is checked as a corpus of its own', () => {
    const notes = documentWith('Notes', [{ name: 'StagedRollout', seeAlso: ['`docs/ARCHITECTURE.md`', '`README.md`', '`docs/ROADMAP.md`'] }]);
    const folder = project({ 'README.md': '# Project\n', 'docs/ARCHITECTURE.md': '# Architecture\n', '.claude/notes.md': notes });
    git(folder, 'init', '-q');
    const result = capsule(['check', '--format', 'json', '.claude'], folder);
    const entries = JSON.parse(result.stdout) as { messages: { line: number; column: number; ruleId: string; messageId: string; message: string }[] }[];
    const seeAlso = entries.flatMap((entry) => entry.messages).filter((message) => message.ruleId === 'see-also-resolves');
    // The two files exist; the third is nowhere, and said to be so.
    expect(seeAlso.map((message) => message.messageId)).toEqual(['missing-document']);
    expect(seeAlso[0]!.message).toContain('`docs/ROADMAP.md` does not exist; fix the path');
  });
});
