import { describe, expect, it } from 'vitest';
import { KnowledgeGraph, readDocument } from '@capsule-docs/graph';
import { completions } from './features.js';

const graphOf = (texts: Record<string, string>) =>
  new KnowledgeGraph({ documents: Object.entries(texts).map(([path, text]) => readDocument(path, new TextEncoder().encode(text))) });

describe('completions', () => {
  it('offer each name once, with the definition it resolves to, not a sample or a stub copy', () => {
    const graph = graphOf({
      'AGENTS.md': '# Agents\n\n### Capsule: SecretSync\n\n**Invariant**\nSecrets sync.\n',
      'guide.md': '# Guide\n\n## Example Capsules\n\n### Capsule: SecretSync\n\n**Invariant**\nA sample of the form.\n\n**Example**\nShown.\n',
      'ops.md': '# Ops\n\n### Capsule: SecretSync\n\n**Invariant**\nSecrets sync from the vault.\n\n**Example**\nHourly.\n\n### Capsule: SmallSteps\n\n**Invariant**\nOne change at a time.\n',
    });
    expect(completions(graph, '- SeeAlso: S').map(({ label, detail, documentation }) => ({ label, detail, documentation }))).toEqual([
      { label: 'SecretSync', detail: 'ops.md', documentation: 'Secrets sync from the vault.' },
      { label: 'SmallSteps', detail: 'ops.md', documentation: 'One change at a time.' },
    ]);
  });
});
