import { describe, expect, it } from 'vitest';
import { capsule, project } from './helpers.js';

const capsuleDocument = (name: string) => `# ${name}\n\n### Capsule: ${name}\n\n**Invariant**\nIt holds.\n\n**Example**\nAn example.\n\n**Depth**\n\n- Distinction: a distinction\n`;

describe('read limits from the configuration', () => {
  const big = `${capsuleDocument('BigDocument')}\n${'A sentence that pads the file. '.repeat(100)}\n`;

  it('report a document over `limits.maxFileBytes` instead of reading it', () => {
    const folder = project({ 'capsule.config.json': '{"limits": {"maxFileBytes": 1000}}', 'big.md': big, 'small.md': capsuleDocument('SmallDocument') });
    const result = capsule(['check', '--format', 'json', '--no-cache'], folder);
    const findings = (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string }[] }[]).flatMap((file) =>
      file.messages.map((message) => [file.filePath.split('/').at(-1), message.ruleId]),
    );
    expect(findings).toContainEqual(['big.md', 'file-too-large']);
    expect(findings.filter(([path]) => path === 'small.md').map(([, rule]) => rule)).not.toContain('file-too-large');
    expect(result.status).toBe(1);
  });

  it('read the same document when the limit is raised', () => {
    const folder = project({ 'capsule.config.json': '{"limits": {"maxFileBytes": 100000}}', 'big.md': big });
    const result = capsule(['check', '--format', 'json', '--no-cache'], folder);
    expect(result.stdout).not.toContain('file-too-large');
  });

  it('are validated like every other setting', () => {
    const folder = project({ 'capsule.config.json': '{"limits": {"maxFileBytes": "big"}}', 'a.md': capsuleDocument('Alpha') });
    const result = capsule(['check'], folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('capsule.config.json:1:');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
