/**
 * Pre-commit semantics: `capsule check a.md` loads the whole corpus but reports on a.md and
 * on every document whose references the change to a.md broke (compared with git HEAD).
 */
import { mkdirSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capsule, documentWith, findingsOf, git, project, read, writeFiles } from './helpers.js';

function committedCorpus(): string {
  const folder = project({
    'risks.md': documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]),
    'ideas.md': documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['RiskReview'] }]),
    'guides/release.md': documentWith('Release', [{ name: 'ReleaseTrain', seeAlso: ['IdeaCapture'] }], {
      checklist: ['Train scheduled (ReleaseTrain)', 'Risks reviewed before the release (RiskReview)'],
    }),
    'unrelated.md': documentWith('Unrelated', [{ name: 'QuietCorner', seeAlso: ['NoSuchName'] }]),
  });
  git(folder, 'init', '-q');
  git(folder, 'add', '.');
  git(folder, 'commit', '-q', '-m', 'corpus');
  return folder;
}

function renameInRisks(folder: string): void {
  writeFiles(folder, { 'risks.md': read(folder, 'risks.md').replaceAll('RiskReview', 'RiskAssessment') });
}

describe('checking the files of a commit', () => {
  it('reports the references a renamed capsule broke in documents that were not given', () => {
    const folder = committedCorpus();
    renameInRisks(folder);
    const result = capsule(['check', 'risks.md', '--format', 'json'], folder);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).map((entry: { filePath: string }) => entry.filePath.slice(folder.length + 1))).toEqual([
      'guides/release.md',
      'ideas.md',
      'risks.md',
    ]);
    expect(findingsOf(result.stdout, folder)).toEqual([
      expect.stringMatching(/^guides\/release\.md \d+:\d+ checklist-resolves error$/),
      expect.stringMatching(/^ideas\.md \d+:12 see-also-resolves error$/),
    ]);
    // The unrelated document's own broken reference is not this change's business.
    expect(result.stdout).not.toContain('unrelated.md');
  });

  it('reports a document that cited a removed capsule only through a noted or located SeeAlso form', () => {
    const folder = project({
      'risks.md': documentWith('Risks', [{ name: 'RiskReview' }, { name: 'IdeaCapture', seeAlso: ['RiskReview'] }]),
      'notes.md': documentWith('Notes', [{ name: 'QuietCorner', seeAlso: ['IdeaCapture'] }], {
        prose: '## See Also\n\n- RiskReview (why the review matters)\n',
        checklist: ['Applied the rule (QuietCorner)'],
      }),
      'more.md': documentWith('More', [{ name: 'LoudCorner', seeAlso: ['`RiskReview` in risks.md — the review'] }]),
    });
    git(folder, 'init', '-q');
    git(folder, 'add', '.');
    git(folder, 'commit', '-q', '-m', 'corpus');
    writeFiles(folder, { 'risks.md': documentWith('Risks', [{ name: 'IdeaCapture' }]) });
    const result = capsule(['check', 'risks.md', '--format', 'json'], folder);
    expect(result.status).toBe(1);
    expect(findingsOf(result.stdout, folder)).toEqual([
      expect.stringMatching(/^more\.md \d+:13 see-also-resolves error$/),
      expect.stringMatching(/^notes\.md 11:3 see-also-resolves error$/),
    ]);
  });

  it('reads links through symbolic links as a check of the whole corpus does, and reports those a renamed heading broke', () => {
    const folder = project({
      'AGENTS.md': '# Agents\n\n## Rules\n',
      'shared/guides/setup.md': '# Setup\n\n## Install\n',
      'readme.md': '# Read me\n\n[rules](CLAUDE.md#rules) and [install](docs/guides/setup.md#install).\n',
    });
    symlinkSync('AGENTS.md', join(folder, 'CLAUDE.md'));
    mkdirSync(join(folder, 'docs'));
    symlinkSync(join('..', 'shared', 'guides'), join(folder, 'docs', 'guides'));
    git(folder, 'init', '-q');
    git(folder, 'add', '.');
    git(folder, 'commit', '-q', '-m', 'corpus');
    // The cache's corpus index is what a check of a few documents narrows the load with.
    expect(capsule(['check'], folder).status).toBe(0);
    expect([capsule(['check', 'readme.md'], folder).status, capsule(['check', 'readme.md'], folder).stdout]).toEqual([0, '']);
    const renamed: [string, string, string][] = [
      ['AGENTS.md', '# Agents\n\n## Rule set\n', 'readme.md 3:1 link-resolves error'],
      ['shared/guides/setup.md', '# Setup\n\n## Installing\n', 'readme.md 3:30 link-resolves error'],
    ];
    for (const [given, text, finding] of renamed) {
      const before = read(folder, given);
      writeFiles(folder, { [given]: text });
      const result = capsule(['check', given, '--format', 'json'], folder);
      expect(findingsOf(result.stdout, folder), given).toEqual([finding]);
      writeFiles(folder, { [given]: before });
    }
  });

  it('reports only the given file when nothing else broke', () => {
    const folder = committedCorpus();
    writeFiles(folder, { 'risks.md': read(folder, 'risks.md').replace('before any', 'ahead of any') });
    const result = capsule(['check', 'risks.md', '--format', 'json'], folder);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).map((entry: { filePath: string }) => entry.filePath)).toEqual([join(folder, 'risks.md')]);
  });

  it('leaves out a link that was already broken when the file it nearly names is only edited', () => {
    // `./docs/faq.md` from `pack/` reaches no file, before the commit as after it: written from
    // the top it would name `docs/faq.md`, but the commit did not move or delete that file.
    const folder = project({ 'docs/faq.md': '# FAQ\n\n## Install\n', 'pack/README.md': '# Pack\n\nSee [the FAQ](./docs/faq.md).\n' });
    git(folder, 'init', '-q');
    git(folder, 'add', '.');
    git(folder, 'commit', '-q', '-m', 'corpus');
    writeFiles(folder, { 'docs/faq.md': '# FAQ\n\n## Install\n\nRun the installer.\n' });
    expect(capsule(['check', 'docs/faq.md'], folder)).toMatchObject({ status: 0, stdout: '' });
    git(folder, 'add', 'docs/faq.md');
    expect(capsule(['check', '--staged'], folder)).toMatchObject({ status: 0, stdout: '' });
  });

  it('treats a deleted document\'s capsules as removed', () => {
    const folder = committedCorpus();
    unlinkSync(join(folder, 'risks.md'));
    const result = capsule(['check', 'risks.md', '--format', 'json'], folder);
    expect(result.status).toBe(1);
    expect(findingsOf(result.stdout, folder)).toEqual([
      expect.stringMatching(/^guides\/release\.md .* checklist-resolves error$/),
      expect.stringMatching(/^ideas\.md .* see-also-resolves error$/),
    ]);
  });

  it('without git, reports the given file alone (there are no earlier names to compare)', () => {
    const folder = committedCorpus();
    rmSync(join(folder, '.git'), { recursive: true, force: true });
    renameInRisks(folder);
    const result = capsule(['check', 'risks.md', '--format', 'json'], folder);
    expect(JSON.parse(result.stdout).map((entry: { filePath: string }) => entry.filePath)).toEqual([join(folder, 'risks.md')]);
    // The whole-corpus check still finds every broken reference.
    const whole = capsule(['check', '--format', 'json'], folder);
    expect(findingsOf(whole.stdout, folder).filter((finding) => finding.includes('-resolves error'))).toHaveLength(3);
  });

  it('reports the documents that now define the same name twice', () => {
    const folder = committedCorpus();
    writeFiles(folder, { 'risks.md': read(folder, 'risks.md').replace('### Capsule: RiskReview', '### Capsule: RiskReview\n\nA note.\n\n### Capsule: IdeaCapture') });
    const result = capsule(['check', 'risks.md', '--format', 'json'], folder);
    const paths = JSON.parse(result.stdout).map((entry: { filePath: string }) => entry.filePath.slice(folder.length + 1));
    expect(paths).toContain('ideas.md');
  });
});
