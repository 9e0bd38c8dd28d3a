/** `capsule lsp`: the configuration (and the schemas it names) read again when saved, created or deleted. */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, Location } from 'vscode-languageserver-protocol';
import { documentWith, project, read } from '../cli/helpers.js';
import { LanguageClient } from './client.js';
import { positionOf } from './corpus.js';

const watching = { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } };
const unresolved = (list: Diagnostic[]) => list.some((item) => item.code === 'see-also-resolves');
const ideas = documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['RiskReview'] }]);

describe('capsule lsp configuration changes', () => {
  it('follows a configuration the client reports created, changed and deleted; open documents keep their unsaved text', async () => {
    const folder = project({ 'ideas.md': ideas });
    const client = await LanguageClient.start(folder, watching);
    await client.diagnosticsOf('ideas.md', unresolved);
    const notify = (type: 1 | 2 | 3) =>
      client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('capsule.config.json'), type }] });

    writeFileSync(join(folder, 'capsule.config.json'), JSON.stringify({ rules: { 'see-also-resolves': 'off' } }));
    await notify(1);
    await client.diagnosticsOf('ideas.md', (list) => list.length === 0);

    await client.open('ideas.md', documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['RiskReview'] }], { checklist: ['Applied (MissingOne)'] }));
    await client.diagnosticsOf('ideas.md', (list) => list.some((item) => item.code === 'checklist-resolves'));
    writeFileSync(join(folder, 'capsule.config.json'), JSON.stringify({ rules: { 'see-also-resolves': 'off', 'checklist-resolves': 'off' } }));
    await notify(2);
    await client.diagnosticsOf('ideas.md', (list) => list.length === 0);

    rmSync(join(folder, 'capsule.config.json'));
    await notify(3);
    // Both rules are on again, and the unsaved text is what is checked.
    await client.diagnosticsOf('ideas.md', (list) => unresolved(list) && list.some((item) => item.code === 'checklist-resolves'));
    expect(client.log.filter((line) => line.startsWith('capsule: read the configuration again'))).toHaveLength(3);
  });

  it('watches the configuration itself when the client offers no watcher, also when it lies above the corpus root', async () => {
    const folder = project({
      'capsule.config.json': JSON.stringify({ root: 'docs' }),
      'docs/ideas.md': ideas,
      'docs/drafts/plans.md': documentWith('Plans', [{ name: 'PlanAhead', seeAlso: ['RiskReview'] }]),
    });
    const client = await LanguageClient.start(folder);
    await client.diagnosticsOf('docs/drafts/plans.md', unresolved);
    await client.diagnosticsOf('docs/ideas.md', unresolved);
    writeFileSync(join(folder, 'capsule.config.json'), JSON.stringify({ root: 'docs', exclude: ['drafts/**'] }));
    // A document the corpus no longer holds loses its diagnostics; the others keep theirs.
    await client.diagnosticsOf('docs/drafts/plans.md', (list) => list.length === 0);
    expect(client.diagnostics.get(client.uri('docs/ideas.md'))?.some((item) => item.code === 'see-also-resolves')).toBe(true);

    writeFileSync(join(folder, 'capsule.config.json'), JSON.stringify({ root: 'docs', exclude: ['drafts/**'], rules: { 'see-also-resolves': 'warn' } }));
    await client.diagnosticsOf('docs/ideas.md', (list) => list.some((item) => item.code === 'see-also-resolves' && item.severity === 2));
  });

  it('starts checking once a configuration broken at start is mended, and clears its mistakes', async () => {
    const folder = project({ 'ideas.md': ideas, 'risks.md': documentWith('Risks', [{ name: 'RiskAudit', seeAlso: ['IdeaCapture'] }]) });
    writeFileSync(join(folder, 'capsule.config.json'), '{\n  "rules": { "see-also-resolve": "warn" }\n}\n');
    const client = LanguageClient.spawn(folder);
    const { capabilities } = await client.initialize();
    expect(capabilities.definitionProvider).toBe(true);
    await client.diagnosticsOf('capsule.config.json', (list) => list.length > 0);
    expect(client.shown).toEqual([expect.stringMatching(/; nothing is checked until the configuration is mended$/)]);
    const risks = read(folder, 'risks.md');
    const definitionAt = () =>
      client.request<Location | null>('textDocument/definition', { textDocument: { uri: client.uri('risks.md') }, position: positionOf(risks, 'SeeAlso: IdeaCapture', 12) });
    expect(await definitionAt()).toBeNull();

    writeFileSync(join(folder, 'capsule.config.json'), '{\n  "rules": { "see-also-resolves": "warn" }\n}\n');
    await client.diagnosticsOf('ideas.md', (list) => list.some((item) => item.code === 'see-also-resolves' && item.severity === 2));
    await client.diagnosticsOf('capsule.config.json', (list) => list.length === 0);
    expect((await definitionAt())?.uri).toBe(client.uri('ideas.md'));
  });

  it('keeps checking with the last configuration that could be used while a saved one is broken', async () => {
    const folder = project({ 'capsule.config.json': '{}\n', 'ideas.md': ideas });
    const client = await LanguageClient.start(folder, watching);
    await client.diagnosticsOf('ideas.md', unresolved);
    const changed = () =>
      client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('capsule.config.json'), type: 2 }] });

    writeFileSync(join(folder, 'capsule.config.json'), '{\n  "rules": { "see-also-resolve": "off" }\n}\n');
    await changed();
    const [problem] = await client.diagnosticsOf('capsule.config.json', (list) => list.length > 0);
    expect(problem).toMatchObject({ range: { start: { line: 1, character: 13 } }, message: expect.stringContaining('see-also-resolves') });
    expect(client.shown).toEqual([expect.stringMatching(/^capsule: invalid configuration in capsule\.config\.json; checking goes on with the last configuration/)]);
    // A document created meanwhile is read with the last configuration, and the mistakes stay shown.
    writeFileSync(join(folder, 'plans.md'), documentWith('Plans', [{ name: 'PlanAhead', seeAlso: ['RiskReview'] }]));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('plans.md'), type: 1 }] });
    await client.diagnosticsOf('plans.md', unresolved);
    expect(client.diagnostics.get(client.uri('ideas.md'))?.some((item) => item.code === 'see-also-resolves')).toBe(true);
    expect(client.diagnostics.get(client.uri('capsule.config.json'))).toHaveLength(1);

    writeFileSync(join(folder, 'capsule.config.json'), '{\n  "rules": { "see-also-resolves": "off" }\n}\n');
    await changed();
    await client.diagnosticsOf('ideas.md', (list) => list.length === 0);
    await client.diagnosticsOf('capsule.config.json', (list) => list.length === 0);
  });

  it('reads the configuration again when a frontmatter schema it names changes', async () => {
    const folder = project({
      'capsule.config.json': JSON.stringify({ frontmatterSchema: 'schemas/doc.json' }),
      'schemas/doc.json': JSON.stringify({ type: 'object', required: ['owner'] }),
      'ideas.md': documentWith('Ideas', [{ name: 'IdeaCapture' }]),
    });
    const client = await LanguageClient.start(folder);
    const [finding] = await client.diagnosticsOf('ideas.md', (list) => list.some((item) => item.code === 'frontmatter-schema'));
    expect(finding?.message).toContain('owner');
    writeFileSync(join(folder, 'schemas/doc.json'), JSON.stringify({ type: 'object' }));
    await client.diagnosticsOf('ideas.md', (list) => list.length === 0);
  });
});
