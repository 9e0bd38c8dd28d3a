/** `capsule lsp`: diagnostics from unsaved text, the same ids and places as `capsule check`. */
import { describe, expect, it } from 'vitest';
import { capsule, documentWith, findingsOf, project } from '../cli/helpers.js';
import { LanguageClient } from './client.js';

function corpus(): string {
  return project({
    'risks.md': documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]),
    'ideas.md': documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['RiskReview'] }]),
  });
}

describe('capsule lsp diagnostics', () => {
  it('reports an unsaved broken SeeAlso with the rule id, place and source capsule check gives for the same text', async () => {
    const folder = corpus();
    const client = await LanguageClient.start(folder);
    const broken = documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['RiskReveiw'] }]);
    await client.open('ideas.md');
    await client.change('ideas.md', broken);
    const diagnostics = await client.diagnosticsOf('ideas.md', (list) => list.some((item) => item.code === 'see-also-resolves'));

    // The same text on disk, checked by the command line.
    const onDisk = project({ 'risks.md': documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]), 'ideas.md': broken });
    const checked = findingsOf(capsule(['check', '--format', 'json'], onDisk).stdout, onDisk).filter((line) => line.startsWith('ideas.md'));
    const served = diagnostics.map(
      (item) => `ideas.md ${item.range.start.line + 1}:${item.range.start.character + 1} ${item.code} ${item.severity === 1 ? 'error' : 'warning'}`,
    );
    expect(served).toEqual(checked);
    const finding = diagnostics.find((item) => item.code === 'see-also-resolves')!;
    expect(finding.source).toBe('capsule');
    expect(finding.message).toContain('RiskReview');
    // Rule docs are repository paths, not web addresses: no link to offer.
    expect(finding.codeDescription).toBeUndefined();
  });

  it('reports and clears findings in other documents when an edit breaks and mends their references', async () => {
    const folder = corpus();
    const client = await LanguageClient.start(folder);
    await client.open('risks.md');
    const renamed = documentWith('Risks', [{ name: 'RiskAudit', seeAlso: ['IdeaCapture'] }], { checklist: ['Applied the rule (RiskAudit)'] });
    await client.change('risks.md', renamed);
    await client.diagnosticsOf('ideas.md', (list) => list.some((item) => item.code === 'see-also-resolves'));
    await client.change('risks.md', documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]));
    await client.diagnosticsOf('ideas.md', (list) => list.length === 0);
  });
});

describe('capsule lsp configuration', () => {
  it('reads the workspace with its configuration file: the root and rule severities capsule check uses', async () => {
    const folder = project({
      'capsule.config.json': JSON.stringify({ root: 'docs', rules: { 'see-also-resolves': 'warn' } }),
      'docs/ideas.md': documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['MissingPiece'] }]),
      'notes.md': documentWith('Notes', [{ name: 'NoteTaking', seeAlso: ['AlsoMissing'] }]),
    });
    const client = await LanguageClient.start(folder);
    const diagnostics = await client.diagnosticsOf('docs/ideas.md', (list) => list.some((item) => item.code === 'see-also-resolves'));
    expect(diagnostics.find((item) => item.code === 'see-also-resolves')?.severity).toBe(2);
    // Outside the configured root: not part of the corpus, never reported.
    await client.open('notes.md');
    await client.change('notes.md', documentWith('Notes', [{ name: 'NoteTaking', seeAlso: ['StillMissing'] }]));
    await client.open('docs/ideas.md');
    await client.change('docs/ideas.md', documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['MissingPart'] }]));
    await client.diagnosticsOf('docs/ideas.md', (list) => list.some((item) => item.message.includes('MissingPart')));
    expect(client.diagnostics.has(client.uri('notes.md'))).toBe(false);
  });
});
