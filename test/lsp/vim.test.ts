/**
 * End to end with Vim's ALE (Debian's `vim` and `vim-ale`, installed by .ci/run), set up with the
 * README's vimrc: the findings ALE lists are the check's, in every document opened.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capsule, capsuleBin, documentWith, findingsOf, project, repositoryRoot } from '../cli/helpers.js';

interface LoclistItem {
  linter: string;
  lnum: number;
  col: number;
  type: string;
  code: string;
  text: string;
}

describe('capsule lsp in Vim with ALE', () => {
  it("lists the check's findings of each document opened, with the README's vimrc", () => {
    const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
    const snippet = /\*\*Vim\*\* with ALE[^]*?```vim\n([^]*?)```/.exec(readme)?.[1];
    expect(snippet).toContain('capsule');
    const folder = project({
      'capsule.config.json': JSON.stringify({ include: ['docs/**/*.md'] }),
      'docs/ideas.md': documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['MissingPiece'] }]),
      'docs/guides/risks.md': documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCaptur'] }]),
      'vimrc': snippet!,
      'bin/capsule': `#!/bin/sh\nexec "${process.execPath}" "${capsuleBin}" "$@"\n`,
    });
    mkdirSync(join(folder, '.git'));
    chmodSync(join(folder, 'bin/capsule'), 0o755);
    const out = join(folder, 'report.json');
    writeFileSync(out, '');
    // The second document is opened after the server has published the findings of both.
    const files = ['docs/ideas.md', 'docs/guides/risks.md'];
    const result = spawnSync('vim', ['-N', '-Es', '-i', 'NONE', '-u', join(folder, 'vimrc'), '-S', join(repositoryRoot, 'test/lsp/vim/report-loclists.vim')], {
      cwd: folder,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, PATH: `${join(folder, 'bin')}:${process.env.PATH ?? ''}`, HOME: folder, CAPSULE_FILES: files.join('\n'), CAPSULE_OUT: out },
    });
    expect(result.error).toBeUndefined();
    const report = JSON.parse(readFileSync(out, 'utf8')) as Record<string, LoclistItem[]>;
    const listed = files.flatMap((file) =>
      report[file]!.filter((item) => item.linter === 'capsule').map((item) => `${file} ${item.lnum}:${item.col} ${item.code} ${item.type === 'E' ? 'error' : 'warning'}`),
    );
    const checked = findingsOf(capsule(['check', '--format', 'json'], folder).stdout, folder);
    expect(checked).toHaveLength(2);
    expect(listed.sort()).toEqual([...checked].sort());
  });
});

describe('capsule check --stdin in Vim with ALE', () => {
  it("lists the findings of the unsaved buffer, with the README's command linter", () => {
    const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
    const snippet = /ALE, for one, runs such a command linter[^]*?```vim\n([^]*?)```/.exec(readme)?.[1];
    expect(snippet).toContain('--stdin');
    const folder = project({
      'capsule.config.json': JSON.stringify({ include: ['docs/**/*.md'] }),
      'docs/ideas.md': documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['RiskReview'] }]),
      'docs/guides/risks.md': documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]),
      'vimrc': `filetype plugin on\npackadd! ale\n${snippet!}`,
      'bin/capsule': `#!/bin/sh\nexec "${process.execPath}" "${capsuleBin}" "$@"\n`,
    });
    chmodSync(join(folder, 'bin/capsule'), 0o755);
    const out = join(folder, 'report.json');
    const file = 'docs/guides/risks.md';
    const onDisk = readFileSync(join(folder, file), 'utf8');
    // Typed, not saved: a link to a page that does not exist.
    const typed = 'See [the setup](./setup.md).';
    const result = spawnSync('vim', ['-N', '-Es', '-i', 'NONE', '-u', join(folder, 'vimrc'), '-S', join(repositoryRoot, 'test/lsp/vim/lint-unsaved.vim')], {
      cwd: folder,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, PATH: `${join(folder, 'bin')}:${process.env.PATH ?? ''}`, HOME: folder, CAPSULE_FILES: file, CAPSULE_APPEND: typed, CAPSULE_OUT: out },
    });
    expect(result.error).toBeUndefined();
    const [items, modified] = readFileSync(out, 'utf8').trim().split('\n');
    expect(modified).toBe('1');
    const listed = (JSON.parse(items!) as LoclistItem[]).filter((item) => item.linter === 'capsule_check').map((item) => `${file} ${item.lnum}:${item.col} ${item.code} ${item.type === 'E' ? 'error' : 'warning'}`);
    const checked = findingsOf(capsule(['check', '--format', 'json', '--stdin', '--stdin-filename', file], folder, {}, `${onDisk}${typed}\n`).stdout, folder);
    expect(checked).toEqual([`${file} ${onDisk.split('\n').length}:5 link-resolves error`]);
    expect(listed).toEqual(checked);
    // The file itself is as it was.
    expect(readFileSync(join(folder, file), 'utf8')).toBe(onDisk);
  });
});
