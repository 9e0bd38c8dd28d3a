/** `capsule lsp`: bad input gets an error response or is skipped; the session goes on. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Location } from 'vscode-languageserver-protocol';
import { documentWith, read } from '../cli/helpers.js';
import { LanguageClient } from './client.js';
import { positionOf, referenceCorpus } from './corpus.js';

const definitionAt = (client: LanguageClient, path: string, position: { line: number; character: number }) =>
  client.request<Location | null>('textDocument/definition', { textDocument: { uri: client.uri(path) }, position });

describe('capsule lsp bad input', () => {
  it('answers a request before initialize with an error, then serves once initialized', async () => {
    const folder = referenceCorpus();
    const client = LanguageClient.spawn(folder);
    await expect(definitionAt(client, 'ideas.md', { line: 0, character: 0 })).rejects.toMatchObject({ code: -32002 });
    await client.initialize();
    const ideas = read(folder, 'ideas.md');
    expect((await definitionAt(client, 'ideas.md', positionOf(ideas, '`RiskReview`', 3)))?.uri).toBe(client.uri('risks.md'));
  });

  it('starts with a broken configuration and tells its mistakes in the editor, at their places in the file', async () => {
    const folder = referenceCorpus();
    writeFileSync(join(folder, 'capsule.config.json'), '{\n  "rules": { "see-also-resolve": "error" }\n}\n');
    const client = LanguageClient.spawn(folder);
    await client.initialize();
    const [problem] = await client.diagnosticsOf('capsule.config.json', (list) => list.length > 0);
    expect(problem).toMatchObject({ range: { start: { line: 1, character: 13 } }, message: expect.stringContaining('see-also-resolves') });
    expect(client.shown).toEqual([expect.stringMatching(/^capsule: invalid configuration in capsule\.config\.json; nothing is checked/)]);
  });

  it('survives a request that fails, positions past the end, and documents that are not corpus Markdown', async () => {
    const folder = referenceCorpus();
    writeFileSync(join(folder, 'notes.txt'), 'RiskReview\n');
    const client = await LanguageClient.start(folder);
    await expect(client.request('textDocument/definition', {})).rejects.toMatchObject({ code: -32603 });
    expect(await definitionAt(client, 'ideas.md', { line: 5000, character: 5000 })).toBeNull();
    expect(await definitionAt(client, 'ideas.md', { line: 2, character: 5000 })).toBeNull();
    await client.open('notes.txt', 'RiskReview\n', 'plaintext');
    expect(await definitionAt(client, 'notes.txt', { line: 0, character: 2 })).toBeNull();
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri: client.uri('notes.txt') } })).toBeNull();
    expect(client.diagnostics.has(client.uri('notes.txt'))).toBe(false);
    const ideas = read(folder, 'ideas.md');
    expect((await definitionAt(client, 'ideas.md', positionOf(ideas, '`RiskReview`', 3)))?.uri).toBe(client.uri('risks.md'));
    expect(client.exitCode).toBeUndefined();
  });

  it('reports a 50 MB unsaved text as too large instead of parsing it, and settles an edit storm on the last text', async () => {
    const folder = referenceCorpus();
    const client = await LanguageClient.start(folder);
    await client.open('ideas.md');
    await client.change('ideas.md', `# Huge\n\n${'word '.repeat(10 * 1024 * 1024)}\n`);
    const huge = await client.diagnosticsOf('ideas.md', (list) => list.length > 0, 30_000);
    expect(huge.map((item) => item.code)).toContain('file-too-large');

    for (let edit = 0; edit < 300; edit++) {
      await client.change('ideas.md', documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: [`Missing${edit}Name`] }]));
    }
    const settled = await client.diagnosticsOf('ideas.md', (list) => list.some((item) => item.message.includes('Missing299Name')), 30_000);
    expect(settled.filter((item) => item.code === 'see-also-resolves')).toHaveLength(1);
    expect(client.exitCode).toBeUndefined();
  });
});
