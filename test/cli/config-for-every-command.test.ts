/**
 * `capsule graph`, `capsule export` and `capsule mcp` read the configured corpus as
 * `capsule check` does: without paths, the configuration's root, include and exclude; its
 * read limits and cache folder always.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capsule, documentWith, project } from './helpers.js';

function configured(): string {
  return project({
    'capsule.config.json': JSON.stringify({ root: 'docs', exclude: ['drafts/**'], cacheDir: '.cache' }),
    'docs/plans.md': documentWith('Plans', [{ name: 'PlanReview' }]),
    'docs/drafts/idea.md': documentWith('Idea', [{ name: 'DraftIdea' }]),
    'notes/outside.md': documentWith('Outside', [{ name: 'OutsideNote' }]),
  });
}

const documentsOfGraph = (stdout: string) => (JSON.parse(stdout) as { documents: { path: string }[] }).documents.map((document) => document.path);

describe('commands that read a corpus', () => {
  it('graph: reads the configured root without its excluded files, and caches where configured', () => {
    const folder = configured();
    const result = capsule(['graph'], folder);
    expect(result.status).toBe(0);
    expect(documentsOfGraph(result.stdout)).toEqual(['plans.md']);
    expect(existsSync(join(folder, '.cache/results/graph-json.result'))).toBe(true);
  });

  it('graph: reads the paths given instead, or the working folder with --no-config', () => {
    const folder = configured();
    expect(documentsOfGraph(capsule(['graph', 'notes'], folder).stdout)).toEqual(['outside.md']);
    expect(documentsOfGraph(capsule(['graph', '--no-config'], folder).stdout)).toEqual([
      'docs/drafts/idea.md',
      'docs/plans.md',
      'notes/outside.md',
    ]);
  });

  it('export: exports the configured corpus', () => {
    const folder = configured();
    const result = capsule(['export', '--format', 'llms-full'], folder);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('PlanReview');
    expect(result.stdout).not.toContain('DraftIdea');
    expect(result.stdout).not.toContain('OutsideNote');
  });

  it('export: takes the configuration file named by --config, and applies its read limits', () => {
    const folder = project({
      'strict.yaml': 'root: docs\nlimits:\n  maxFileBytes: 100\n',
      'docs/plans.md': documentWith('Plans', [{ name: 'PlanReview' }]),
    });
    const result = capsule(['export', '--format', 'llms-full', '--config', 'strict.yaml'], folder);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('PlanReview');
  });

  it('report a broken configuration as a usage error', () => {
    const folder = project({ 'capsule.config.json': '{"root": 3}' });
    for (const command of [['graph'], ['export'], ['mcp']]) {
      const result = capsule(command, folder);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('capsule.config.json');
    }
  });
});
