import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { loadCorpus, surroundingsOf } from './corpus.js';
import { keepScanIndex, scanCorpus, submoduleFolders } from './corpus-scan.js';
import { capsuleText } from './testing.js';

const made: string[] = [];
afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});
afterEach(() => {
  vi.useRealTimers();
});
const freshFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'capsule-scan-'));
  made.push(folder);
  return folder;
};

/** A corpus of `count` documents written just now, with a cache folder of its own. */
function freshCorpus(count: number) {
  const root = freshFolder();
  for (let index = 0; index < count; index++) writeFileSync(join(root, `doc-${index}.md`), capsuleText(`Name${index}`));
  return { root, cache: { dir: freshFolder() } };
}

describe('the corpus index after a scan', () => {
  it('is kept by keepScanIndex, so documents that changed just before the last load are not read again on every run', async () => {
    const options = freshCorpus(80);
    // The load right after the files were written cannot trust their signatures yet: they
    // changed within the file system's time granularity of the scan.
    await loadCorpus(options);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60_000);

    const unsettled = await scanCorpus(options);
    expect(unsettled.read).toBe(80);
    await keepScanIndex(unsettled);

    const known = await scanCorpus(options);
    expect(known.read).toBe(0);
    expect(known.hashes).toEqual(unsettled.hashes);
  });

  it('is not written for a few such documents: a few reads cost less than writing the index', async () => {
    const options = freshCorpus(3);
    await loadCorpus(options);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60_000);

    await keepScanIndex(await scanCorpus(options));
    expect((await scanCorpus(options)).read).toBe(3);
  });

  it('is one per corpus root, so two corpora checked from one project keep theirs', async () => {
    const docs = freshCorpus(80);
    const notes = { ...freshCorpus(80), cache: docs.cache };
    await loadCorpus(docs);
    await loadCorpus(notes);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60_000);
    await keepScanIndex(await scanCorpus(docs));
    await keepScanIndex(await scanCorpus(notes));
    // Each scan of one left the other's index as it was.
    expect((await scanCorpus(docs)).read).toBe(0);
    expect((await scanCorpus(notes)).read).toBe(0);
  });
});

describe('what .gitignore leaves out, as a scan tells it', () => {
  it('answers for paths whether or not they exist, and tells which are there, under the root and in the repository around it', async () => {
    const repository = freshFolder();
    mkdirSync(join(repository, 'docs', 'drafts'), { recursive: true });
    mkdirSync(join(repository, 'local'), { recursive: true });
    writeFileSync(join(repository, '.gitignore'), 'local/\n');
    writeFileSync(join(repository, 'docs', '.gitignore'), 'drafts/\n');
    writeFileSync(join(repository, 'docs', 'guide.md'), '# Guide\n');
    writeFileSync(join(repository, 'docs', 'drafts', 'next.md'), '# Next\n');
    writeFileSync(join(repository, 'local', 'notes.md'), '# Notes\n');
    const scan = await scanCorpus({ root: join(repository, 'docs'), repositoryRoot: repository });
    expect(scan.files).not.toContain('drafts/next.md');
    expect(scan.ignoredByGit?.('drafts/next.md')).toBe(true);
    expect(scan.ignoredByGit?.('drafts/never-written.md')).toBe(true);
    expect(scan.ignoredByGit?.('guide.md')).toBe(false);
    expect(scan.ignoredByGit?.('../local/notes.md')).toBe(true);
    expect(scan.ignoredByGit?.('../README.md')).toBe(false);
    expect(['drafts/next.md', 'drafts', 'drafts/', '../local/notes.md', '../local'].filter((path) => scan.ignoredHere?.(path))).toHaveLength(5);
    expect(['drafts/never-written.md', '../local/gone.md', 'guide.md', 'draft'].filter((path) => scan.ignoredHere?.(path))).toEqual([]);
    // Paths the matcher refuses, or that leave the repository, are not ignored: they are no file at all.
    for (const path of ['', '/etc/passwd', '../../outside.md']) expect(scan.ignoredByGit?.(path)).toBe(false);
    // Nor is a path longer than a file system holds, although a pattern matches it; it is answered at once.
    const started = performance.now();
    expect(scan.ignoredByGit?.(`drafts/${'b/'.repeat(50_000)}c.md`)).toBe(false);
    expect(scan.ignoredByGit?.(`../local/${'b/'.repeat(50_000)}c.md`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(scan.ignoredByGit?.(`drafts/${'b/'.repeat(2000)}c.md`)).toBe(true);
  });

  it('keeps the files git tracks although a `.gitignore` matches them: added with `-f`, or matched in another letter case', async () => {
    const repository = freshFolder();
    mkdirSync(join(repository, 'notes'), { recursive: true });
    writeFileSync(join(repository, '.gitignore'), 'notes/\n*-SUMMARY.md\n');
    writeFileSync(join(repository, 'notes', 'kept.md'), '# Kept\n');
    writeFileSync(join(repository, 'notes', 'local.md'), '# Local\n');
    writeFileSync(join(repository, 'phase-summary.md'), '# Summary\n');
    writeFileSync(join(repository, 'guide.md'), '# Guide\n');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repository, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
    git('add', '-f', 'notes/kept.md');
    const scan = await scanCorpus({ root: repository, repositoryRoot: repository });
    expect(scan.paths).toEqual(['guide.md', 'notes/kept.md', 'phase-summary.md']);
    expect(scan.ignoredByGit?.('notes/kept.md')).toBe(false);
    expect(scan.ignoredByGit?.('notes/local.md')).toBe(true);
  });

  it('is in the fingerprint: a pattern added for a file that does not exist changes the corpus', async () => {
    const repository = freshFolder();
    mkdirSync(join(repository, 'docs'), { recursive: true });
    writeFileSync(join(repository, '.gitignore'), 'build/\n');
    writeFileSync(join(repository, 'docs', '.gitignore'), 'drafts/\n');
    writeFileSync(join(repository, 'docs', 'guide.md'), '# Guide\n\nSee [the notes](local/notes.md).\n');
    const options = { root: join(repository, 'docs'), repositoryRoot: repository };
    const fingerprint = async () => (await scanCorpus(options)).fingerprint;
    const first = await fingerprint();
    expect(await fingerprint()).toBe(first);
    writeFileSync(join(repository, 'docs', '.gitignore'), 'drafts/\nlocal/\n');
    const second = await fingerprint();
    expect(second).not.toBe(first);
    writeFileSync(join(repository, '.gitignore'), 'build/\ndocs/local/\n');
    expect(await fingerprint()).not.toBe(second);
    // Without .gitignore honoured, its contents are a file's like any other.
    const unhonoured = async () => (await scanCorpus({ ...options, gitignore: false })).fingerprint;
    const before = await unhonoured();
    writeFileSync(join(repository, 'docs', '.gitignore'), 'local/\n');
    expect(await unhonoured()).toBe(before);
  });

  it('is absent when .gitignore files are not honoured', async () => {
    const root = freshFolder();
    writeFileSync(join(root, '.gitignore'), 'local/\n');
    expect((await scanCorpus({ root, gitignore: false })).ignoredByGit).toBeUndefined();
  });
});

describe('the redirection files a scan reads', () => {
  it('tells the moved files they list, and is in the fingerprint', async () => {
    const repository = freshFolder();
    mkdirSync(join(repository, 'docs'), { recursive: true });
    mkdirSync(join(repository, 'redir'), { recursive: true });
    writeFileSync(join(repository, 'docs', 'guide.md'), '# Guide\n\nSee [the old page](old.md).\n');
    const redirection = (url: string) => JSON.stringify({ redirections: [{ source_path: '../docs/old.md', redirect_url: url }] });
    writeFileSync(join(repository, 'redir', '.openpublishing.redirection.json'), redirection('/docs/new'));
    const options = { root: join(repository, 'docs'), repositoryRoot: repository };
    const scan = await scanCorpus(options);
    expect([...scan.redirections]).toEqual([['old.md', { url: '/docs/new', file: '../redir/.openpublishing.redirection.json' }]]);
    writeFileSync(join(repository, 'redir', '.openpublishing.redirection.json'), redirection('/docs/newer'));
    expect((await scanCorpus(options)).fingerprint).not.toBe(scan.fingerprint);
  });
});

describe('the site configurations a scan reads', () => {
  it('reads a TypeScript configuration and the local module it imports, each in the fingerprint, and leaves one too large unread', async () => {
    const root = freshFolder();
    mkdirSync(join(root, 'website'), { recursive: true });
    const config = (base: string) =>
      [
        "import type { Config } from '@docusaurus/types';",
        "import common from './common';",
        `const config: Config = { plugins: [['content-docs', { ...common, routeBasePath: '${base}' }]] };`,
        'export default config;',
      ].join('\n');
    writeFileSync(join(root, 'website', 'docusaurus.config.ts'), config('/guides'));
    writeFileSync(join(root, 'website', 'common.ts'), "export default { id: 'guides', path: 'guides' };");
    const scan = await scanCorpus({ root });
    expect(scan.siteConfigs.get('website/docusaurus.config.ts')).toEqual({ plugins: [['content-docs', { id: 'guides', path: 'guides', routeBasePath: '/guides' }]] });
    writeFileSync(join(root, 'website', 'common.ts'), "export default { id: 'guides', path: 'handbook' };");
    const changed = await scanCorpus({ root });
    expect(changed.fingerprint).not.toBe(scan.fingerprint);
    writeFileSync(join(root, 'website', 'docusaurus.config.ts'), `${config('/guides')}\n${'//'.padEnd(1024 * 1024 + 1, '-')}\n`);
    expect((await scanCorpus({ root })).siteConfigs.size).toBe(0);
  });

  it('reads a JSON configuration of some megabytes, as a Mintlify docs.json listing every version\'s pages is', async () => {
    const root = freshFolder();
    const pages = Array.from({ length: 60_000 }, (_, index) => `v1.${index % 40}/en/concepts/page-${index}`);
    writeFileSync(join(root, 'docs.json'), JSON.stringify({ navigation: { pages }, redirects: [{ source: '/en/:slug*', destination: '/v1.39/en/:slug*' }] }));
    const scan = await scanCorpus({ root });
    expect((scan.siteConfigs.get('docs.json') as { redirects: unknown[] } | undefined)?.redirects).toHaveLength(1);
  });

  it('reaches a docs plugin instance\'s pages at its route base through a load', async () => {
    const root = freshFolder();
    mkdirSync(join(root, 'guides'), { recursive: true });
    mkdirSync(join(root, 'docs'), { recursive: true });
    writeFileSync(join(root, 'docusaurus.config.js'), "module.exports = { plugins: [['content-docs', { id: 'guides', path: 'guides', routeBasePath: 'guides' }]] };");
    writeFileSync(join(root, 'guides', 'setup.md'), '# Setup\n');
    writeFileSync(join(root, 'docs', 'intro.md'), '# Intro\n\n[Setup](/guides/setup)\n');
    const corpus = await loadCorpus({ root });
    const graph = new (await import('./graph.js')).KnowledgeGraph({ documents: corpus.documents, files: corpus.files, siteConfigs: corpus.siteConfigs });
    expect(graph.edges.filter((edge) => edge.kind === 'links-to').map((edge) => [edge.target, edge.status, edge.toDocument])).toEqual([['/guides/setup', 'resolved', 'guides/setup.md']]);
  });
  it('reads a Lume site\'s `_config.ts` through a load: its pages in the `src` it sets, at folder addresses', async () => {
    const root = freshFolder();
    mkdirSync(join(root, 'src', 'runtime'), { recursive: true });
    writeFileSync(join(root, '_config.ts'), "import lume from 'lume/mod.ts';\n\nconst site = lume({ src: './src' });\n\nexport default site;\n");
    writeFileSync(join(root, 'src', 'runtime', 'permissions.md'), '# Permissions\n');
    writeFileSync(join(root, 'src', 'runtime', 'index.md'), '# Runtime\n\n[Permissions](/runtime/permissions/)\n');
    const corpus = await loadCorpus({ root });
    const graph = new (await import('./graph.js')).KnowledgeGraph({ documents: corpus.documents, files: corpus.files, siteConfigs: corpus.siteConfigs });
    expect(graph.edges.filter((edge) => edge.kind === 'links-to').map((edge) => [edge.target, edge.status, edge.toDocument])).toEqual([['/runtime/permissions/', 'resolved', 'src/runtime/permissions.md']]);
  });
});

describe('the Markdown TypeDoc takes into doc comments', () => {
  it('is read from the source files above it where a site is, reaches the site\'s routes through a load, and is in the fingerprint', async () => {
    const root = freshFolder();
    mkdirSync(join(root, 'docs', '.vitepress'), { recursive: true });
    mkdirSync(join(root, 'src', 'options', 'docs'), { recursive: true });
    writeFileSync(join(root, 'docs', 'guide.md'), '# Guide\n');
    writeFileSync(join(root, 'src', 'options', 'docs', 'banner.md'), 'See [the guide](/guide).\n');
    const source = (tag: string) => `export interface Options {\n  /** ${tag} */\n  banner?: string;\n}\n`;
    writeFileSync(join(root, 'src', 'options', 'output.ts'), source('{@include ./docs/banner.md}'));
    // No site yet: the links of any document from the root are the repository's paths, and no source file is read.
    expect([...(await scanCorpus({ root })).typedocIncludes]).toEqual([]);

    writeFileSync(join(root, 'docs', '.vitepress', 'config.ts'), "export default { title: 'Guide' };\n");
    const scan = await scanCorpus({ root });
    expect([...scan.typedocIncludes]).toEqual([['src/options/docs/banner.md', ['src/options/output.ts']]]);
    const corpus = await loadCorpus({ root });
    const graph = new (await import('./graph.js')).KnowledgeGraph({ documents: corpus.documents, ...surroundingsOf(corpus) });
    expect(graph.edges.filter((edge) => edge.kind === 'links-to').map((edge) => [edge.target, edge.status, edge.toDocument])).toEqual([['/guide', 'resolved', 'docs/guide.md']]);

    writeFileSync(join(root, 'src', 'options', 'output.ts'), source('{@includeCode ./docs/banner.md}'));
    const shownAsCode = await scanCorpus({ root });
    expect([...shownAsCode.typedocIncludes]).toEqual([]);
    expect(shownAsCode.fingerprint).not.toBe(scan.fingerprint);
  });
});

describe('the folders of git submodules', () => {
  it('are read from `.gitmodules` as git writes it, relative to the root', () => {
    const text = '[submodule "JUCE"]\n\tpath = JUCE\n\turl = https://example.com/juce.git\n[submodule "spaced"]\n\tpath = "third party/lib" ; a comment\n[submodule "up"]\n\tpath = ../outside\n';
    expect(submoduleFolders(text, undefined)).toEqual(['JUCE', 'third party/lib']);
    expect(submoduleFolders(text, 'docs')).toEqual(['../JUCE', '../third party/lib']);
  });
});
