/**
 * End to end with an editor nobody here wrote: Debian's Neovim, headless, its built-in LSP
 * client attached to `capsule lsp --stdio` (installed by .ci/run).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capsuleBin, documentWith, project, repositoryRoot } from '../cli/helpers.js';
import { positionOf } from './corpus.js';

interface NeovimReport {
  diagnostics: { line: number; column: number; code: string; source: string; message: string }[];
  definition: { uri?: string; targetUri?: string; range?: { start: { line: number } } } | { uri: string; range: { start: { line: number } } }[] | null;
  errors: string[];
}

/** Run a script of test/lsp/neovim/ in headless Neovim on the corpus in `folder`, and read the report it writes. */
function runScript(script: string, folder: string, env: Record<string, string>): unknown {
  const out = join(folder, 'report.json');
  const result = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${join(repositoryRoot, 'test/lsp/neovim', script)}`], {
    cwd: folder,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, CAPSULE_CORPUS: folder, CAPSULE_OUT: out, CAPSULE_NODE: process.execPath, CAPSULE_BIN: capsuleBin, ...env },
  });
  expect(result.error).toBeUndefined();
  return JSON.parse(readFileSync(out, 'utf8'));
}

describe('capsule lsp in Neovim', () => {
  it('shows the check\'s diagnostics and goes to a SeeAlso\'s definition', () => {
    const ideas = documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['RiskReview', 'MissingPiece'] }]);
    const risks = documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]);
    const folder = project({ 'ideas.md': ideas, 'risks.md': risks });
    const cursor = positionOf(ideas, 'SeeAlso: RiskReview', 12);
    const report = runScript('attach.lua', folder, { CAPSULE_LINE: String(cursor.line + 1), CAPSULE_COLUMN: String(cursor.character) }) as NeovimReport;
    expect(report.errors).toEqual([]);
    const broken = report.diagnostics.filter((diagnostic) => diagnostic.code === 'see-also-resolves');
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ source: 'capsule', line: positionOf(ideas, 'MissingPiece').line });
    expect(broken[0]!.message).toContain('MissingPiece');

    const definition = Array.isArray(report.definition) ? report.definition[0] : report.definition;
    expect(definition?.uri ?? definition?.targetUri).toMatch(/\/risks\.md$/);
    expect(definition?.range?.start.line).toBe(risks.split('\n').indexOf('### Capsule: RiskReview'));
  });

  it('reads the configuration again when it is written during the session', () => {
    const ideas = documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['RiskReview'] }], { checklist: ['Applied (MissingOne)'] });
    const folder = project({ 'ideas.md': ideas });
    const report = runScript('config-change.lua', folder, { CAPSULE_CONFIG: JSON.stringify({ rules: { 'see-also-resolves': 'off' } }) }) as { before: string[]; after: string[]; errors: string[] };
    expect(report.errors).toEqual([]);
    expect(report.before).toEqual(['checklist-resolves', 'see-also-resolves']);
    expect(report.after).toEqual(['checklist-resolves']);
  });

  it('attaches with the README\'s init.lua, one server at the project\'s top', () => {
    const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
    const snippet = /\*\*Neovim\*\*[^]*?```lua\n([^]*?)```/.exec(readme)?.[1];
    expect(snippet).toContain('capsule');
    const ideas = documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['MissingPiece'] }]);
    const folder = project({ 'docs/guides/ideas.md': ideas, 'init.lua': snippet!, 'bin/capsule': `#!/bin/sh\nexec "${process.execPath}" "${capsuleBin}" "$@"\n` });
    mkdirSync(join(folder, '.git'));
    chmodSync(join(folder, 'bin/capsule'), 0o755);
    const out = join(folder, 'report.json');
    writeFileSync(out, '');
    const result = spawnSync('nvim', ['--headless', '-i', 'NONE', '-u', join(folder, 'init.lua'), '-c', 'edit docs/guides/ideas.md', '-c', `luafile ${join(repositoryRoot, 'test/lsp/neovim/report-diagnostics.lua')}`], {
      cwd: folder,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, PATH: `${join(folder, 'bin')}:${process.env.PATH ?? ''}`, XDG_CONFIG_HOME: join(folder, 'config'), XDG_DATA_HOME: join(folder, 'data'), CAPSULE_OUT: out },
    });
    expect(result.error).toBeUndefined();
    const report = JSON.parse(readFileSync(out, 'utf8')) as { diagnostics: { line: number; message: string }[]; clients: { name: string; root: string }[] };
    expect(report.clients).toEqual([{ name: 'capsule', root: folder }]);
    expect(report.diagnostics.map((diagnostic) => diagnostic.line)).toContain(positionOf(ideas, 'MissingPiece').line);
  });
});
