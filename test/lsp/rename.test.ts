/** `capsule lsp`: prepareRename and rename through the engine behind `capsule rename`. */
import { describe, expect, it } from 'vitest';
import type { Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { read } from '../cli/helpers.js';
import { LanguageClient } from './client.js';
import { positionOf, referenceCorpus } from './corpus.js';

describe('capsule lsp rename', () => {
  it('renames a capsule from a reference as one workspace edit with the changes capsule rename makes', async () => {
    const folder = referenceCorpus();
    const client = await LanguageClient.start(folder);
    const ideas = read(folder, 'ideas.md');
    const position = positionOf(ideas, '`RiskReview`', 4);
    const prepared = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: client.uri('ideas.md') }, position });
    expect(prepared.placeholder).toBe('RiskReview');
    expect(prepared.range.end.character - prepared.range.start.character).toBe('RiskReview'.length);

    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: client.uri('ideas.md') }, position, newName: 'RiskAssessment' });
    const changes = edit.changes!;
    const count = Object.values(changes).reduce((total, edits) => total + edits.length, 0);
    // As `capsule rename` counts them for this corpus: heading, two SeeAlso, two citations, a mention, an anchor.
    expect(count).toBe(7);
    expect(Object.keys(changes).sort()).toEqual([client.uri('guides/release.md'), client.uri('ideas.md'), client.uri('risks.md')]);
    expect(changes[client.uri('guides/release.md')]!.map((change) => change.newText).sort()).toEqual(['#capsule-riskassessment', 'RiskAssessment', 'RiskAssessment']);
  });

  it('refuses where capsule rename refuses, with its message', async () => {
    const folder = referenceCorpus();
    const client = await LanguageClient.start(folder);
    const ideas = read(folder, 'ideas.md');
    const position = positionOf(ideas, '`RiskReview`', 4);
    const params = { textDocument: { uri: client.uri('ideas.md') }, position };
    await expect(client.request('textDocument/rename', { ...params, newName: 'ReleaseTrain' })).rejects.toThrow(/`ReleaseTrain` already exists \(guides\/release\.md:\d+\)/);
    await expect(client.request('textDocument/rename', { ...params, newName: 'lower case' })).rejects.toThrow(/not a valid capsule name/);
    await expect(
      client.request('textDocument/prepareRename', { textDocument: { uri: client.uri('ideas.md') }, position: { line: 0, character: 0 } }),
    ).rejects.toThrow(/Only a capsule name/);
  });
});
