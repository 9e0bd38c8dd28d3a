/**
 * The packages as a user gets them: each workspace package packed into a tarball (pnpm
 * writes the versions of its workspace dependencies in), the tarballs installed with plain
 * npm into an empty folder, and every command run from that install on a small corpus. This
 * is what a `files` list missing a folder, an import of a dev dependency or a path into the
 * source tree would break.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../cli/helpers.js';
import { LanguageClient } from '../lsp/client.js';

const folder = mkdtempSync(join(tmpdir(), 'capsule-install-'));
const tarballs = join(folder, 'tarballs');
const project = join(folder, 'project');
const bin = join(project, 'node_modules/.bin/capsule');

const planning = `---
description: How the team plans a change before making it
tags: ["Planning"]
audience: ["Humans"]
categories: ["Workflows[100%]"]
---
# Planning

### Capsule: ProblemFirst

**Invariant**
State the problem before proposing a fix.

**Example**
"Uploads time out on slow links" rather than "raise the timeout".

**Depth**

- Trade-off: Slower to start, fewer wrong turns
- SeeAlso: SmallSteps

### Capsule: SmallSteps

**Invariant**
Change one thing at a time and verify it before the next.

**Example**
Ship the schema change, watch it, then ship the code that uses it.

**Depth**

- NotThis: One large change reviewed at the end
- SeeAlso: ProblemFirst, MissingOne

## Verification Checklist

- [ ] The problem is stated (ProblemFirst)
`;

beforeAll(() => {
  mkdirSync(tarballs);
  mkdirSync(join(project, 'docs'), { recursive: true });
  for (const name of readdirSync(join(repositoryRoot, 'packages'))) {
    // A private package (the editor extension) is never published.
    if (JSON.parse(readFileSync(join(repositoryRoot, 'packages', name, 'package.json'), 'utf8')).private) continue;
    execFileSync('pnpm', ['pack', '--pack-destination', tarballs], { cwd: join(repositoryRoot, 'packages', name), stdio: 'ignore' });
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'docs-project', private: true, type: 'module' }));
  writeFileSync(join(project, 'docs/planning.md'), planning);
  const packed = readdirSync(tarballs).map((file) => join(tarballs, file));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...packed], { cwd: project, stdio: 'ignore' });
}, 300_000);

// Removing an installed node_modules takes a while on a busy machine.
afterAll(() => rmSync(folder, { recursive: true, force: true }), 60_000);

function run(...args: string[]) {
  return spawnSync(bin, args, { cwd: project, encoding: 'utf8' });
}

describe('the tarballs', () => {
  it('hold no path of the machine that packed them', () => {
    for (const tarball of readdirSync(tarballs)) {
      const contents = execFileSync('tar', ['-xzOf', join(tarballs, tarball)], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
      expect(contents.includes(repositoryRoot), tarball).toBe(false);
    }
  });
});

describe('the packages installed with npm from their tarballs', { timeout: 60_000 }, () => {
  it('check reports the broken reference, and nothing on standard error', () => {
    const result = run('check', 'docs', '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const findings = (JSON.parse(result.stdout) as { messages: { ruleId: string; message: string }[] }[]).flatMap((file) => file.messages);
    expect(findings.filter((finding) => finding.ruleId === 'see-also-resolves').map((finding) => finding.message)).toEqual([
      expect.stringContaining('MissingOne'),
    ]);
  });

  it('graph prints the capsules and their edges', () => {
    const result = run('graph', 'docs', '--format', 'json');
    expect(result.status).toBe(0);
    const graph = JSON.parse(result.stdout) as { capsules: { name: string }[] };
    expect(graph.capsules.map((capsule) => capsule.name)).toEqual(['ProblemFirst', 'SmallSteps']);
  });

  it('export writes llms.txt', () => {
    const result = run('export', 'docs', '--format', 'llms-txt');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^# /);
    expect(result.stdout).toContain('Planning');
  });

  it('mcp serves the corpus to an MCP client', async () => {
    const client = new Client({ name: 'install-test', version: '0.0.0' });
    await client.connect(new StdioClientTransport({ command: bin, args: ['mcp', 'docs'], cwd: project, stderr: 'ignore' }));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name).sort()).toEqual(['get_capsule', 'get_checklist', 'search_capsules']);
      const found = await client.callTool({ name: 'search_capsules', arguments: { query: 'problem' } });
      expect((found.structuredContent as { results: { name: string }[] }).results.map((hit) => hit.name)).toContain('ProblemFirst');
    } finally {
      await client.close();
    }
  });

  it('lsp serves the check\'s diagnostics to a language client', async () => {
    const client = await LanguageClient.start(project, {}, [bin]);
    const diagnostics = await client.diagnosticsOf('docs/planning.md', (list) => list.some((item) => item.code === 'see-also-resolves'));
    expect(diagnostics.find((item) => item.code === 'see-also-resolves')?.message).toContain('MissingOne');
  });
});
