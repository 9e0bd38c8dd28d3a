/** `capsule lsp`: quick fixes for what `--fix` fixes and for every did-you-mean. */
import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { documentWith, project } from '../cli/helpers.js';
import { LanguageClient } from './client.js';

describe('capsule lsp code actions', () => {
  it('offers the safe fix of a finding and the suggestion of a did-you-mean, as edits of the right words', async () => {
    const folder = project({
      'risks.md': documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]),
      'ideas.md': documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['RiskReview'] }]),
    });
    const client = await LanguageClient.start(folder);
    const text = documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['RiskReveiw'], depth: ['distinction: Small is not the same as trivial'] }]);
    await client.open('ideas.md', text);
    const diagnostics = await client.diagnosticsOf(
      'ideas.md',
      (list) => list.some((item) => item.code === 'see-also-resolves') && list.some((item) => item.code === 'depth-list'),
    );
    const lines = text.split('\n');
    const actionsFor = (diagnostic: Diagnostic) =>
      client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri('ideas.md') }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const wordAt = (action: CodeAction) => {
      const edit = action.edit!.changes![client.uri('ideas.md')]![0]!;
      return { replaced: lines[edit.range.start.line]!.slice(edit.range.start.character, edit.range.end.character), by: edit.newText };
    };

    const spelling = diagnostics.find((item) => item.code === 'depth-list')!;
    const [fix] = await actionsFor(spelling);
    expect(fix?.kind).toBe('quickfix');
    expect(fix?.title).toMatch(/^Fix: /);
    expect(wordAt(fix!)).toEqual({ replaced: 'distinction', by: 'Distinction' });

    const unknown = diagnostics.find((item) => item.code === 'see-also-resolves')!;
    const [suggestion] = await actionsFor(unknown);
    expect(suggestion?.title).toBe('Change to `RiskReview`');
    expect(wordAt(suggestion!)).toEqual({ replaced: 'RiskReveiw', by: 'RiskReview' });
  });
});
