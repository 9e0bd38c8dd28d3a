import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdir, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, loadGraph } from './corpus.js';
import { scanCorpus, whyNotADocument } from './corpus-scan.js';
import type { ListingFileSystem } from './listing.js';
import { capsuleText } from './testing.js';

function folderWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'capsule-listing-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** A file system whose `readdir` fails with `code` for the folders `fails` names, and notes every folder read. */
function fileSystem(root: string, fails: (path: string) => boolean, code = 'EACCES') {
  const read: string[] = [];
  const fs: ListingFileSystem = {
    readdir: ((path: string, ...rest: unknown[]) => {
      const callback = rest.pop() as (error: NodeJS.ErrnoException | null, entries?: unknown) => void;
      const inside = relative(root, path).split('\\').join('/');
      read.push(inside);
      if (fails(inside)) {
        callback(Object.assign(new Error(`${code}: permission denied, scandir '${path}'`), { code }));
        return;
      }
      (readdir as (...args: unknown[]) => void)(path, ...rest, callback);
    }) as ListingFileSystem['readdir'],
  };
  return { fs, read };
}

const agentFolders = {
  '.claude/CLAUDE.md': capsuleText('AgentNotes'),
  '.claude/skills/review/SKILL.md': capsuleText('ReviewSkill'),
  '.github/workflows/ci.yaml': 'on: push\n',
  '.git/HEAD': 'ref: refs/heads/main\n',
  '.git/notes.md': capsuleText('GitStore'),
  'node_modules/pkg/README.md': capsuleText('Installed'),
  'docs/guide.md': capsuleText('Guide'),
};

describe('a .gitignore that is no regular file', () => {
  it('is not read, as git does not follow a linked one: a link to /dev/zero would be read for ever', { timeout: 20_000 }, async () => {
    const root = folderWith({ 'docs/guide.md': capsuleText('Guide'), 'notes/.gitignore': 'draft.md\n', 'notes/draft.md': capsuleText('Draft') });
    execFileSync('git', ['init', '-q'], { cwd: root });
    symlinkSync('/dev/zero', join(root, '.gitignore'));
    const scan = await scanCorpus({ root });
    // The regular one below is honoured all the same.
    expect(scan.paths).toEqual(['docs/guide.md']);
  });
});

describe('listing dot-folders', () => {
  it('reads documents under dot-folders by default, never .git or node_modules', async () => {
    const root = folderWith(agentFolders);
    const { fs, read } = fileSystem(root, () => false);
    const scan = await scanCorpus({ root, listingFs: fs });
    expect(scan.paths).toEqual(['.claude/CLAUDE.md', '.claude/skills/review/SKILL.md', 'docs/guide.md']);
    expect(scan.files).toContain('.github/workflows/ci.yaml');
    expect(read.filter((path) => path.split('/').includes('.git') || path.split('/').includes('node_modules'))).toEqual([]);
  });

  it('lets include globs name dot-folders', async () => {
    const root = folderWith(agentFolders);
    expect((await scanCorpus({ root, include: ['.claude/**'] })).paths).toEqual(['.claude/CLAUDE.md', '.claude/skills/review/SKILL.md']);
    expect((await scanCorpus({ root, include: ['.claude/skills/**/SKILL.md'] })).paths).toEqual(['.claude/skills/review/SKILL.md']);
  });

  it('leaves dot-folders out by exclude and .gitignore, as any folder, while their files still exist for links', async () => {
    const root = folderWith({ ...agentFolders, '.gitignore': '.cache/\n', '.cache/old.md': capsuleText('Cached') });
    for (const exclude of [['.claude/**'], ['.claude'], ['**/skills']]) {
      const scan = await scanCorpus({ root, exclude });
      expect(scan.paths).not.toContain('.claude/skills/review/SKILL.md');
      expect(scan.files).toContain('.claude/skills/review/SKILL.md');
    }
    const scan = await scanCorpus({ root, exclude: ['.claude/**'] });
    expect(scan.paths).toEqual(['docs/guide.md']);
    expect(scan.files).not.toContain('.cache/old.md');
  });
});

describe('folders that cannot be read', () => {
  it('are reported with their error, and the rest of the corpus is read', async () => {
    const root = folderWith({ 'locked/hidden.md': capsuleText('Hidden'), 'open/seen.md': capsuleText('Seen'), 'top.md': capsuleText('Top') });
    const { fs } = fileSystem(root, (path) => path === 'locked');
    const scan = await scanCorpus({ root, listingFs: fs });
    expect(scan.unreadable).toEqual([{ path: 'locked', code: 'EACCES' }]);
    expect(scan.paths).toEqual(['open/seen.md', 'top.md']);
    const loaded = await loadCorpus({ root, listingFs: fs }, scan);
    expect(loaded.documents.map((document) => document.path)).toEqual(['open/seen.md', 'top.md']);
    // Once the folder can be read, the corpus is another.
    expect((await scanCorpus({ root })).fingerprint).not.toBe(scan.fingerprint);
    expect(whyNotADocument(scan, {}, 'locked/hidden.md')).toBe('is in a folder that could not be read (locked: EACCES)');
  });

  it('may hold what a link names: a link into one resolves, one into a missing folder does not', async () => {
    const root = folderWith({
      'locked/hidden.md': capsuleText('Hidden'),
      'top.md': '# Top\n\nSee [hidden](locked/hidden.md), [the folder](locked/) and [nothing](gone/x.md).\n',
    });
    const { fs } = fileSystem(root, (path) => path === 'locked');
    const { graph } = await loadGraph({ root, listingFs: fs });
    const statuses = graph.edges.filter((edge) => edge.document === 'top.md').map((edge) => [edge.target, edge.status]);
    expect(statuses).toEqual([
      ['locked/hidden.md', 'resolved'],
      ['locked/', 'resolved'],
      ['gone/x.md', 'missing-document'],
    ]);
  });

  it('include an unreadable root, reported as the folder itself', async () => {
    const root = folderWith({ 'a.md': capsuleText('Alpha') });
    const { fs } = fileSystem(root, (path) => path === '', 'EPERM');
    const scan = await scanCorpus({ root, listingFs: fs });
    expect(scan.unreadable).toEqual([{ path: '', code: 'EPERM' }]);
    expect(scan.paths).toEqual([]);
  });

  it('are not reported when .gitignore leaves them out', async () => {
    const root = folderWith({ '.gitignore': 'private/\n', 'private/x.md': 'x', 'a.md': capsuleText('Alpha') });
    const { fs } = fileSystem(root, (path) => path === 'private');
    expect((await scanCorpus({ root, listingFs: fs })).unreadable).toEqual([]);
  });
});

describe('the repository around the root', () => {
  it('lists the repository files outside the root for links, honouring .gitignore, and fingerprints them', async () => {
    const repository = folderWith({
      '.gitignore': 'build/\n',
      '.mcp.json': '{}\n',
      '.github/workflows/ci.yaml': 'on: push\n',
      'build/out.txt': 'x',
      'README.md': '# Read me\n',
      'docs/guide.md': capsuleText('Guide'),
    });
    const root = join(repository, 'docs');
    const scan = await scanCorpus({ root, repositoryRoot: repository });
    expect(scan.rootInRepository).toBe('docs');
    expect(scan.outsideFiles).toEqual(['../.github/workflows/ci.yaml', '../.gitignore', '../.mcp.json', '../README.md']);
    expect(scan.paths).toEqual(['guide.md']);
    writeFileSync(join(repository, 'CHANGELOG.md'), '# Changes\n');
    expect((await scanCorpus({ root, repositoryRoot: repository })).fingerprint).not.toBe(scan.fingerprint);
    const alone = await scanCorpus({ root });
    expect([alone.outsideFiles, alone.rootInRepository]).toEqual([[], undefined]);
  });
});

describe('whyNotADocument', () => {
  it('says why an existing file is not a document', async () => {
    const root = folderWith({
      ...agentFolders,
      '.gitignore': 'drafts/\n',
      'drafts/idea.md': capsuleText('Idea'),
      'notes.txt': 'notes',
      'archive/old.md': capsuleText('Old'),
      'docs/guide.markdown': capsuleText('Other'),
    });
    const options = { exclude: ['archive'] };
    const scan = await scanCorpus({ root, ...options });
    const why = (path: string) => whyNotADocument(scan, options, path);
    expect(why('docs/guide.md')).toBeUndefined();
    expect(why('drafts/idea.md')).toBe('is ignored by `.gitignore`');
    expect(why('notes.txt')).toBe('is not a Markdown file, and not matched by `include` (**/*.md)');
    expect(why('docs/guide.markdown')).toBe('is not matched by `include` (**/*.md)');
    expect(why('archive/old.md')).toBe('is left out by `exclude` (archive)');
    expect(why('.git/notes.md')).toBe('is never read (`.git` and `node_modules` are left out)');
  });
});

describe('file names', () => {
  it('keep a backslash, which names may hold on Linux and macOS, and are read and reported under that name', async () => {
    const root = folderWith({ 'T\\bar T.md': '# T\n', 'notes/a\\b.md': '# A\n' });
    const corpus = await loadCorpus({ root });
    expect(corpus.documents.map((document) => [document.path, document.messages.map((message) => message.ruleId)])).toEqual([
      ['T\\bar T.md', []],
      ['notes/a\\b.md', []],
    ]);
  });
});

describe('a file name that is not UTF-8', () => {
  it('is told as such, not as a file that is not there', async () => {
    const root = folderWith({ 'a.md': capsuleText('Alpha') });
    writeFileSync(Buffer.concat([Buffer.from(root + '/caf'), Buffer.from([0xe9]), Buffer.from('.md')]), '# Café\n');
    const loaded = await loadCorpus({ root });
    const named = loaded.documents.find((document) => document.path !== 'a.md');
    expect(named?.path).toBe('caf\uFFFD.md');
    expect(named?.messages.map((message) => [message.ruleId, message.reason])).toEqual([
      ['unreadable-file', expect.stringMatching(/^File name is not UTF-8 .*; rename it in UTF-8$/)],
    ]);
  });
});

describe('files that are not regular files', () => {
  it('are reported without blocking the read: a link to a pipe', async () => {
    const root = folderWith({ 'a.md': capsuleText('Alpha') });
    execFileSync('mkfifo', [join(root, 'pipe')]);
    symlinkSync(join(root, 'pipe'), join(root, 'pipe.md'));
    const loaded = await loadCorpus({ root });
    expect(loaded.documents.map((document) => [document.path, document.messages.map((message) => message.ruleId)])).toEqual([
      ['a.md', []],
      ['pipe.md', ['unreadable-file']],
    ]);
  });
});

describe("an editor's lock files", () => {
  it("are no files of the corpus: Emacs's `.#name.md`, a link to `user@host.pid`, while a buffer has unsaved changes", async () => {
    const root = folderWith({ 'a.md': capsuleText('Alpha'), 'notes.md': capsuleText('Notes'), '.#cvs.md': capsuleText('Kept') });
    symlinkSync('alice@laptop.4242:1700000000', join(root, '.#a.md'));
    symlinkSync('bob@build-host.example.org.77', join(root, '.#notes.md'));
    // A link of that name to nothing shaped like a lock is the project's own.
    symlinkSync('missing.md', join(root, '.#missing.md'));
    const loaded = await loadCorpus({ root });
    expect(loaded.documents.map((document) => [document.path, document.messages.map((message) => message.ruleId)])).toEqual([
      ['.#cvs.md', []],
      ['.#missing.md', ['unreadable-file']],
      ['a.md', []],
      ['notes.md', []],
    ]);
    expect(loaded.files).not.toContain('.#a.md');
  });
});

describe('.gitignore files above a root inside a repository', () => {
  const repository = folderWith({
    '.gitignore': 'docs/drafts/\n*.scratch.md\n',
    'docs/.gitignore': 'private/\n',
    'docs/guide.md': capsuleText('GuideRule'),
    'docs/drafts/idea.md': capsuleText('DraftRule'),
    'docs/notes.scratch.md': capsuleText('ScratchRule'),
    'docs/private/secret.md': capsuleText('SecretRule'),
    'docs/team/.gitignore': '/local.md\n',
    'docs/team/local.md': capsuleText('LocalRule'),
    'docs/team/shared.md': capsuleText('SharedRule'),
  });
  const root = join(repository, 'docs');

  it('apply to a subfolder listed as the root, as git applies them, with the root’s own', async () => {
    const corpus = await loadCorpus({ root, repositoryRoot: repository });
    expect(corpus.documents.map((document) => document.path).sort()).toEqual(['guide.md', 'team/shared.md']);
  });

  it('are not looked for when no repository is given', async () => {
    const corpus = await loadCorpus({ root });
    expect(corpus.documents.map((document) => document.path).sort()).toEqual(['drafts/idea.md', 'guide.md', 'notes.scratch.md', 'team/shared.md']);
  });
});

describe('vendored code', () => {
  const repository = folderWith({
    '.gitattributes': 'docs/third_party/** linguist-vendored\ndocs/third_party/ours/** -linguist-vendored\n',
    'go.mod': 'module example.com/app\n',
    'vendor/modules.txt': '# github.com/foo/bar v1.0.0\n',
    'vendor/github.com/foo/bar/README.md': '# bar\n\nSee [the tests](./bar_test.go).\n',
    'docs/index.md': '# Docs\n\nBuilt on [bar](../vendor/github.com/foo/bar/README.md) and [its copy](third_party/lib/README.md).\n',
    'docs/third_party/lib/README.md': '# lib\n\nSee [gone](./gone.md).\n',
    'docs/third_party/ours/README.md': '# ours\n',
  });

  it('takes a project copied into a vendor folder by its license out of the documents, and says so', async () => {
    const copied = folderWith({
      'README.md': '# App\n\nBuilt on [xsimd](third_party/xsimd/README.md).\n',
      'third_party/xsimd/LICENSE': 'BSD 3-Clause License\n',
      'third_party/xsimd/README.md': '# xsimd\n\nSee [the docs](docs/source/index.md).\n',
      'third_party/README.md': '# Third-party code\n\nWhat we keep a copy of, and why.\n',
    });
    const scan = await scanCorpus({ root: copied, repositoryRoot: copied });
    expect(scan.paths).toEqual(['README.md', 'third_party/README.md']);
    expect(whyNotADocument(scan, {}, 'third_party/xsimd/README.md')).toBe(
      'is vendored, third-party code (a project copied into a vendor folder, as `third_party/xsimd/LICENSE` shows); give its folder alone, as the corpus root, to check it',
    );
  });

  it('is listed, so links reach it, but holds no document of the corpus', async () => {
    const scan = await scanCorpus({ root: repository, repositoryRoot: repository });
    expect(scan.paths).toEqual(['docs/index.md', 'docs/third_party/ours/README.md']);
    expect(scan.files).toContain('vendor/github.com/foo/bar/README.md');
    expect(whyNotADocument(scan, {}, 'vendor/github.com/foo/bar/README.md')).toBe(
      'is vendored, third-party code (`vendor/modules.txt` lists the Go modules copied there); give its folder alone, as the corpus root, to check it',
    );
    expect(whyNotADocument(scan, {}, 'docs/third_party/lib/README.md')).toBe(
      'is vendored, third-party code (`.gitattributes` marks it `linguist-vendored`); give its folder alone, as the corpus root, to check it',
    );
    const { graph } = await loadGraph({ root: repository, repositoryRoot: repository });
    expect(graph.edges.filter((edge) => edge.kind === 'links-to').map((edge) => [edge.target, edge.status])).toEqual([
      ['../vendor/github.com/foo/bar/README.md', 'resolved'],
      ['third_party/lib/README.md', 'resolved'],
    ]);
  });

  it('is marked by the `.gitattributes` of the repository around a root inside it, and read whole as the root', async () => {
    expect((await scanCorpus({ root: join(repository, 'docs'), repositoryRoot: repository })).paths).toEqual(['index.md', 'third_party/ours/README.md']);
    expect((await scanCorpus({ root: join(repository, 'docs', 'third_party'), repositoryRoot: repository })).paths).toEqual(['lib/README.md', 'ours/README.md']);
    expect((await scanCorpus({ root: join(repository, 'vendor'), repositoryRoot: repository })).paths).toEqual(['github.com/foo/bar/README.md']);
  });
});
