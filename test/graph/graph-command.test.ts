import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateGraphJson, type GraphJson } from '@capsule-docs/graph';
import { writeCorpus } from '../../bench/src/generate.js';

const repository = fileURLToPath(new URL('../..', import.meta.url));
const capsule = (...args: string[]) =>
  spawnSync(process.execPath, ['packages/cli/bin/capsule.js', ...args], { cwd: repository, encoding: 'utf8' });

describe('capsule graph', () => {
  it('prints the graph of content/ as schema-valid JSON with paths relative to that folder', () => {
    const result = capsule('graph', 'content', '--format', 'json');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as GraphJson;
    expect(validateGraphJson(json)).toEqual([]);
    expect(json.documents.map((document) => document.path)).toContain('collaborative-planning-lifecycle.md');
    const guideCapsules = json.capsules.filter((capsule) => capsule.document === 'collaborative-planning-lifecycle.md');
    expect(guideCapsules).toHaveLength(6);
    const fromIncremental = json.edges.filter((edge) => edge.kind === 'see-also' && edge.from === 'IncrementalExecution');
    expect(fromIncremental.map((edge) => edge.target)).toEqual(['RiskDiscovery', 'ClusterSpecificity']);
  });

  it('prints the same bytes on every run', () => {
    expect(capsule('graph', 'content').stdout).toBe(capsule('graph', 'content').stdout);
  });

  it('draws DOT and Mermaid', () => {
    expect(execFileSync(process.execPath, ['packages/cli/bin/capsule.js', 'graph', 'content', '-f', 'dot'], { cwd: repository, encoding: 'utf8' })).toMatch(/^digraph/);
    expect(capsule('graph', 'content', '--format', 'mermaid').stdout).toMatch(/^flowchart LR/);
  });

  it('stops quietly when the reader closes the pipe early', () => {
    // Far more output than a pipe buffers, so the writer meets the closed pipe.
    const corpus = mkdtempSync(join(tmpdir(), 'capsule-pipe-'));
    writeCorpus(corpus, { docs: 60, seed: 1 });
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${join(repository, 'packages/cli/bin/capsule.js')}" graph . --no-cache | head -c 1`], {
      cwd: corpus,
      encoding: 'utf8',
    });
    expect(piped.stdout).toBe('{');
    expect(piped.stderr).toBe('');
  });

  it('exits 2 with a message, not a stack trace, on a bad format or path', () => {
    const badFormat = capsule('graph', 'content', '--format', 'xml');
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toContain('Unknown format `xml`');
    const badPath = capsule('graph', 'no-such-folder');
    expect(badPath.status).toBe(2);
    expect(badPath.stderr).toContain('no-such-folder does not exist; it is not a document of the corpus');
    expect(badPath.stderr).not.toMatch(/\n\s+at /);
  });
});
