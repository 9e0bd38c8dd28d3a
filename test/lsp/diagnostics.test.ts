/** `capsule lsp`: diagnostics from unsaved text, the same ids and places as `capsule check`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

describe('capsule lsp diagnostics of documents the editor opens', () => {
  it('publishes a document\'s findings again when it is opened, for editors that keep none for files not open', async () => {
    // Eglot and ALE drop the findings of a file no buffer visits: opened later, it would show
    // none until its findings changed.
    const folder = project({
      'ideas.md': documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['MissingPiece'] }]),
      'risks.md': documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]),
    });
    const client = await LanguageClient.start(folder);
    const first = await client.diagnosticsOf('ideas.md', (list) => list.some((item) => item.code === 'see-also-resolves'));
    const uri = client.uri('ideas.md');
    const before = client.published.filter((published) => published === uri).length;
    await client.open('ideas.md');
    await client.untilPublished(() => client.published.filter((published) => published === uri).length > before);
    expect(client.diagnostics.get(uri)).toEqual(first);
  });

  it('publishes an edited document\'s findings again when the edit moved none of them, as Eglot places them by buffer offsets', async () => {
    const ideas = documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['MissingPiece'] }]);
    const folder = project({ 'ideas.md': ideas });
    const client = await LanguageClient.start(folder);
    await client.open('ideas.md');
    const first = await client.diagnosticsOf('ideas.md', (list) => list.some((item) => item.code === 'see-also-resolves'));
    const uri = client.uri('ideas.md');
    const before = client.published.filter((published) => published === uri).length;
    // Words typed on a line above the finding: it keeps its line and column.
    await client.change('ideas.md', ideas.replace('one idea per capsule.', 'one idea per capsule, told plainly.'));
    await client.untilPublished(() => client.published.filter((published) => published === uri).length > before);
    expect(client.diagnostics.get(uri)).toEqual(first);
  });

  it('keeps the findings of a document the editor names by another spelling of its URI when everything is checked again', async () => {
    // Eglot writes `:` in a file name as `%3A`; Node leaves it. Both name one file, and an
    // editor shows the last findings sent for either.
    const folder = project({
      'notes:draft.md': documentWith('Draft', [{ name: 'DraftNote', seeAlso: ['MissingPiece'] }]),
      'risks.md': documentWith('Risks', [{ name: 'RiskReview', seeAlso: [] }]),
    });
    const client = await LanguageClient.start(folder);
    await client.diagnosticsOf('notes:draft.md', (list) => list.length > 0);
    const spelled = client.uri('notes:draft.md').replace('notes:draft.md', 'notes%3Adraft.md');
    const text = readFileSync(join(folder, 'notes:draft.md'), 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: spelled, languageId: 'markdown', version: 1, text } });
    // A file created on disk reads the corpus again and checks every document.
    writeFileSync(join(folder, 'plans.md'), documentWith('Plans', [{ name: 'PlanAhead', seeAlso: ['NotThere'] }]));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('plans.md'), type: 1 }] });
    await client.diagnosticsOf('plans.md', (list) => list.length > 0);
    await client.request('textDocument/documentSymbol', { textDocument: { uri: spelled } });
    const file = join(folder, 'notes:draft.md');
    const last = client.history.filter((params) => fileURLToPath(params.uri) === file).at(-1);
    expect(last?.diagnostics.map((item) => item.code)).toEqual(['see-also-resolves']);
  });
});
