/**
 * Real content: the user's guide on its own, and this repository's content/ checked with the
 * root capsule.config.json, as `pnpm capsule check` runs it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capsule, findingsOf, project, repositoryRoot } from './helpers.js';

const guide = 'collaborative-planning-lifecycle.md';

interface Finding {
  line: number;
  column: number;
  ruleId: string;
  severity: number;
  messageId: string;
}

function messagesOf(stdout: string): Finding[] {
  return (JSON.parse(stdout) as { messages: Finding[] }[]).flatMap((result) => result.messages);
}

describe('the user\'s guide', () => {
  // The findings packages/lint/README.md lists under "The user's guide", and no others.
  it('alone, reports exactly its real problems', () => {
    const folder = project({ [guide]: readFileSync(join(repositoryRoot, 'content', guide), 'utf8') });
    const result = capsule(['check', '--no-config', '--format', 'json'], folder);
    expect(findingsOf(result.stdout, folder)).toEqual([
      // "(main, staging, both)": an aside in an invariant.
      `${guide} 72:30 invariant-timeless warning`,
      // `DualClusterIsolation (in ARCHITECTURE.md)`: a document the guide does not ship with.
      `${guide} 85:12 see-also-resolves error`,
      // Quotations in two invariants.
      `${guide} 115:5 invariant-timeless warning`,
      `${guide} 164:23 invariant-timeless warning`,
      // `Etsy's blameless postmortem philosophy`: free text, not a capsule.
      `${guide} 178:12 see-also-resolves info`,
    ]);
    const messages = messagesOf(result.stdout);
    expect(messages.map((message) => `${message.line}:${message.column} ${message.messageId}`)).toEqual([
      '72:30 parenthesis',
      '85:12 missing-document',
      '115:5 quote',
      '164:23 quote',
      '178:12 external',
    ]);
    expect(result.status).toBe(1);
  });
});

describe('this repository', () => {
  it('passes its own check, with ARCHITECTURE.md declared external', () => {
    const result = capsule(['check', '--format', 'json'], repositoryRoot);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const findings = findingsOf(result.stdout, repositoryRoot);
    expect(findings.filter((finding) => finding.endsWith(' error'))).toEqual([]);
    expect(findings).not.toContain(`content/${guide} 85:12 see-also-resolves error`);
    expect(findings).toContain(`content/${guide} 178:12 see-also-resolves info`);
    // Every document of content/ was checked.
    expect(JSON.parse(result.stdout).length).toBeGreaterThanOrEqual(4);
  });
});
