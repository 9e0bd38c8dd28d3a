import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, loadGraph } from './corpus.js';
import { CorpusError, scanCorpus, whyNotADocument } from './corpus-scan.js';
import { capsuleText } from './testing.js';

function corpus(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'capsule-corpus-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const findings = (documents: { path: string; messages: { ruleId?: string | undefined; line?: number | undefined }[] }[]) =>
  documents.flatMap((document) => document.messages.map((message) => [document.path, message.ruleId, message.line]));

describe('loadCorpus', () => {
  it('reads Markdown documents in path order and lists every other file as an asset', async () => {
    const root = corpus({ 'b.md': capsuleText('Beta'), 'a/a.md': capsuleText('Alpha'), 'a/pic.png': 'png', 'notes.txt': 'x' });
    const loaded = await loadCorpus({ root });
    expect(loaded.documents.map((document) => document.path)).toEqual(['a/a.md', 'b.md']);
    expect(loaded.files).toEqual(['a/a.md', 'a/pic.png', 'b.md', 'notes.txt']);
  });

  it('keeps the text of a UTF-16 document as the reader decoded it, so that places found in it lie in it', async () => {
    const text = '# Title\r\n\r\nSee [setup](#setup).\r\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const loaded = await loadCorpus({ root: corpus({ 'notes.md': utf16, 'plain.md': `\uFEFF${text}` }) });
    expect(loaded.documents.map((document) => [document.path, document.text])).toEqual([
      ['notes.md', text],
      ['plain.md', text],
    ]);
    expect(loaded.documents[0]!.model.links.map((link) => link.position.start.line)).toEqual([3]);
  });

  it('honours .gitignore, exclude globs and include globs', async () => {
    const root = corpus({
      '.gitignore': 'drafts/\n',
      'drafts/x.md': capsuleText('Draft'),
      'keep.md': capsuleText('Keep'),
      'skip/y.md': capsuleText('Skip'),
      'other.markdown': capsuleText('Other'),
    });
    const loaded = await loadCorpus({ root, exclude: ['skip/**'], include: ['**/*.md', '**/*.markdown'] });
    expect(loaded.documents.map((document) => document.path)).toEqual(['keep.md', 'other.markdown']);
  });

  it('applies nested .gitignore files relative to their folder, negations included', async () => {
    const root = corpus({
      '.gitignore': '*.draft.md\n',
      'guide/.gitignore': 'scratch.md\n!kept.draft.md\n',
      'guide/scratch.md': capsuleText('Scratch'),
      'guide/kept.draft.md': capsuleText('Kept'),
      'guide/other.draft.md': capsuleText('Other'),
      'scratch.md': capsuleText('TopScratch'),
      'top.draft.md': capsuleText('Top'),
    });
    const scan = await scanCorpus({ root });
    expect(scan.paths).toEqual(['guide/kept.draft.md', 'scratch.md']);
    expect((await scanCorpus({ root, gitignore: false })).paths).toHaveLength(5);
  });

  it('turns unreadable files into one finding each instead of parsing them', async () => {
    const root = corpus({
      'binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      'latin1.md': new Uint8Array([0x63, 0x61, 0x66, 0xe9]),
      'big.md': 'x'.repeat(2048),
      'fine.md': '\uFEFF# Title\n',
    });
    const loaded = await loadCorpus({ root, limits: { maxFileBytes: 1024 } });
    expect(findings(loaded.documents)).toEqual([
      ['big.md', 'file-too-large', 1],
      ['binary.md', 'binary-file', 1],
      ['latin1.md', 'invalid-encoding', 1],
    ]);
    expect(loaded.documents.find((document) => document.path === 'fine.md')?.model.title?.text).toBe('Title');
  });

  it('never reads through a symbolic link that leaves the root, and survives link loops', async () => {
    const outside = corpus({ 'secret.md': capsuleText('Secret') });
    const root = corpus({ 'inside.md': capsuleText('Inside') });
    symlinkSync(join(outside, 'secret.md'), join(root, 'leak.md'));
    symlinkSync(join(root, 'inside.md'), join(root, 'alias.md'));
    symlinkSync(join(root, 'loop-b.md'), join(root, 'loop-a.md'));
    symlinkSync(join(root, 'loop-a.md'), join(root, 'loop-b.md'));
    const { graph, corpus: loaded } = await loadGraph({ root });
    expect(graph.capsule('Secret')).toBeUndefined();
    // A link to a document of the corpus is that document, read once where it stands.
    expect(graph.capsulesNamed('Inside').map((node) => node.document)).toEqual(['inside.md']);
    const ruleIds = findings(loaded.documents);
    expect(ruleIds).toContainEqual(['leak.md', 'outside-root', 1]);
    expect(ruleIds.filter(([path]) => String(path).startsWith('loop-'))).toHaveLength(
      loaded.documents.filter((document) => document.path.startsWith('loop-')).length,
    );
  });

  it('leaves out a symbolic link into a folder .gitignore leaves out whose file a clone lacks, and names the target of one simply gone', async () => {
    const root = corpus({ 'inside.md': capsuleText('Inside'), '.gitignore': '.generated/\n' });
    symlinkSync(join('.generated', 'contract.md'), join(root, 'contract.md'));
    symlinkSync(join('skills', 'moved', 'SKILL.md'), join(root, 'gone.md'));
    symlinkSync(join(root, 'loop-b.md'), join(root, 'loop-a.md'));
    symlinkSync(join(root, 'loop-a.md'), join(root, 'loop-b.md'));
    const { corpus: loaded } = await loadGraph({ root, gitignore: true });
    expect(loaded.documents.map((document) => document.path)).toEqual(['gone.md', 'inside.md', 'loop-a.md', 'loop-b.md']);
    expect(findings(loaded.documents).map(([path]) => path)).toEqual(['gone.md', 'loop-a.md', 'loop-b.md']);
    expect(loaded.documents[0]!.messages[0]!.reason).toBe('File is a symbolic link to `skills/moved/SKILL.md`, which does not exist; it was not read');
  });

  it('says so when a symbolic link\'s target is an existing file\'s name with a line break after it', async () => {
    const root = corpus({ 'packages/ai/README.md': '# AI\n' });
    symlinkSync('packages/ai/README.md\n', join(root, 'README.md'));
    symlinkSync(' docs/gone.md', join(root, 'spaced.md'));
    const { corpus: loaded } = await loadGraph({ root, gitignore: true });
    expect(findings(loaded.documents).map(([path]) => path)).toEqual(['README.md', 'spaced.md']);
    expect(loaded.documents.find((document) => document.path === 'README.md')!.messages[0]!.reason).toBe(
      'File is a symbolic link whose target, `packages/ai/README.md`, ends in a line break, so it leads to no file (`packages/ai/README.md` itself exists); it was not read: make the link again without a line break',
    );
    expect(loaded.documents.find((document) => document.path === 'spaced.md')!.messages[0]!.reason).toBe(
      'File is a symbolic link whose target, `docs/gone.md`, starts with a space, so it leads to no file; it was not read: make the link again without a space',
    );
  });

  it('reads a document a symbolic link leads to once, where it stands, so that its links are read from its own folder', async () => {
    const root = corpus({
      '.ai/rules/general.md': '# General\n',
      '.ai/rules/csharp.md': '# C#\n\nFollow [the general rules](./general.md).\n',
      'AGENTS.md': '# Agents\n\nSee [the C# rules](.claude/rules/csharp.md#c) and [the link](.claude/rules).\n',
    });
    mkdirSync(join(root, '.claude', 'rules'), { recursive: true });
    symlinkSync(join('..', '..', '.ai', 'rules', 'csharp.md'), join(root, '.claude', 'rules', 'csharp.md'));
    const { graph, corpus: loaded } = await loadGraph({ root });
    expect(loaded.documents.map((document) => document.path)).toEqual(['.ai/rules/csharp.md', '.ai/rules/general.md', 'AGENTS.md']);
    // The link is a file all the same: links to it reach it.
    expect(loaded.files).toContain('.claude/rules/csharp.md');
    expect(graph.edges.filter((edge) => edge.kind === 'links-to').map((edge) => [edge.document, edge.target, edge.status])).toEqual([
      ['.ai/rules/csharp.md', './general.md', 'resolved'],
      ['AGENTS.md', '.claude/rules/csharp.md', 'resolved'],
      ['AGENTS.md', '.claude/rules', 'resolved'],
    ]);
    const scan = await scanCorpus({ root });
    expect([...scan.linksToDocuments]).toEqual([['.claude/rules/csharp.md', '.ai/rules/csharp.md']]);
    expect(whyNotADocument(scan, {}, '.claude/rules/csharp.md')).toBe('is a symbolic link to `.ai/rules/csharp.md`, which is checked in its place');
  });

  it('follows a link written through a symbolic link to a folder, or to a document, to the file it leads to', async () => {
    const root = corpus({
      '.agents/skills/review/SKILL.md': '# Review\n\n## Steps\n',
      '.agents/skills/review/references/checks.md': '# Checks\n',
      'AGENTS.md': '# Agents\n\n## Setup\n',
      'docs/guide.md': [
        '# Guide',
        '',
        '[steps](../.claude/skills/review/SKILL.md#steps) [checks](../.claude/skills/review/references/checks.md)',
        '[setup](../CLAUDE.md#setup) [none](../CLAUDE.md#nowhere) [gone](../.claude/skills/gone/SKILL.md)',
        '[up](../.claude/top/.claude/skills/review/SKILL.md) [dangling](../.claude/dangling/x.md)',
        '',
      ].join('\n'),
    });
    mkdirSync(join(root, '.claude'));
    symlinkSync(join('..', '.agents', 'skills'), join(root, '.claude', 'skills'));
    symlinkSync('AGENTS.md', join(root, 'CLAUDE.md'));
    symlinkSync('..', join(root, '.claude', 'top'));
    symlinkSync('nowhere', join(root, '.claude', 'dangling'));
    const { graph, corpus: loaded } = await loadGraph({ root });
    expect(loaded.symlinkTargets).toEqual(
      new Map([
        ['.claude/skills', '.agents/skills'],
        ['.claude/top', ''],
        ['CLAUDE.md', 'AGENTS.md'],
      ]),
    );
    const links = graph.edges.filter((edge) => edge.kind === 'links-to');
    expect(links.map((edge) => [edge.target, edge.status, edge.toDocument])).toEqual([
      ['../.claude/skills/review/SKILL.md', 'resolved', '.agents/skills/review/SKILL.md'],
      ['../.claude/skills/review/references/checks.md', 'resolved', '.agents/skills/review/references/checks.md'],
      ['../CLAUDE.md', 'resolved', 'AGENTS.md'],
      ['../CLAUDE.md', 'resolved', 'AGENTS.md'],
      ['../.claude/skills/gone/SKILL.md', 'missing-document', undefined],
      ['../.claude/top/.claude/skills/review/SKILL.md', 'resolved', '.agents/skills/review/SKILL.md'],
      ['../.claude/dangling/x.md', 'missing-document', undefined],
    ]);
    // Pointed elsewhere, a link leads links through it elsewhere: the corpus is another.
    const before = (await scanCorpus({ root })).fingerprint;
    rmSync(join(root, '.claude', 'top'));
    symlinkSync('../.agents', join(root, '.claude', 'top'));
    expect((await scanCorpus({ root })).fingerprint).not.toBe(before);
  });

  it('follows a symbolic link out of the root only as far as the repository around it', async () => {
    const top = corpus({ 'shared/setup.md': '# Setup\n', 'docs/guide.md': '# Guide\n\n[setup](shared/setup.md) [secret](private/secret.md)\n' });
    const beyond = corpus({ 'secret.md': '# Secret\n' });
    mkdirSync(join(top, '.git'));
    symlinkSync(join('..', 'shared'), join(top, 'docs', 'shared'));
    symlinkSync(beyond, join(top, 'docs', 'private'));
    const { graph } = await loadGraph({ root: join(top, 'docs'), repositoryRoot: top });
    expect(graph.edges.filter((edge) => edge.kind === 'links-to').map((edge) => [edge.target, edge.status, edge.toDocument])).toEqual([
      ['shared/setup.md', 'resolved', '../shared/setup.md'],
      ['private/secret.md', 'missing-document', undefined],
    ]);
  });

  it('refuses a root that is not a folder with a corpus error', async () => {
    await expect(loadCorpus({ root: join(tmpdir(), 'no-such-capsule-folder') })).rejects.toBeInstanceOf(CorpusError);
  });
});

describe('scanCorpus', () => {
  it('fingerprints the corpus: the same files give the same print, any change to them another', async () => {
    const root = corpus({ 'a.md': capsuleText('Alpha'), 'b.md': capsuleText('Beta'), 'pic.png': 'png' });
    const print = async () => (await scanCorpus({ root })).fingerprint;
    const first = await print();
    expect(await print()).toBe(first);

    writeFileSync(join(root, 'pic.png'), 'another picture');
    // The bytes of a file that is not a document do not count; that it exists does.
    expect(await print()).toBe(first);
    writeFileSync(join(root, 'new.png'), 'png');
    const withAsset = await print();
    expect(withAsset).not.toBe(first);

    writeFileSync(join(root, 'a.md'), capsuleText('Alpha2'));
    expect(await print()).not.toBe(withAsset);
    // Documents by other globs are other corpora.
    expect((await scanCorpus({ root, include: ['a.md'] })).fingerprint).not.toBe((await scanCorpus({ root })).fingerprint);
  });

  it('reads each document once, for the load that follows it', async () => {
    const root = corpus({ 'a.md': capsuleText('Alpha') });
    const scan = await scanCorpus({ root });
    writeFileSync(join(root, 'a.md'), capsuleText('Changed'));
    const loaded = await loadCorpus({ root }, scan);
    expect(loaded.documents[0]!.model.capsules.map((capsule) => capsule.name)).toEqual(['Alpha']);
  });
});
