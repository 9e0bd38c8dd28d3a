/** `capsule lsp`: quick fixes for what `--fix` fixes and for every did-you-mean. */
import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { documentWith, git, project } from '../cli/helpers.js';
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

  it('offers, for a link to a file git sees renamed, the path it was renamed to, the anchor kept', async () => {
    const folder = project({ 'guide.md': '# Guide\n\n## Steps\n', 'index.md': '# Index\n\nRead [the steps](guide.md#steps).\n' });
    git(folder, 'init', '-q');
    git(folder, 'add', '.');
    git(folder, 'commit', '-q', '-m', 'start');
    mkdirSync(join(folder, 'handbook'));
    git(folder, 'mv', 'guide.md', 'handbook/guide.md');
    const client = await LanguageClient.start(folder);
    const text = '# Index\n\nRead [the steps](guide.md#steps).\n';
    await client.open('index.md', text);
    const [renamed] = await client.diagnosticsOf('index.md', (list) => list.some((item) => item.code === 'link-resolves'));
    expect(renamed?.message).toContain('git sees `guide.md` renamed to `handbook/guide.md` since HEAD');
    const [action] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri('index.md') }, range: renamed!.range, context: { diagnostics: [renamed!] } });
    const edit = action!.edit!.changes![client.uri('index.md')]![0]!;
    const line = text.split('\n')[edit.range.start.line]!;
    expect(`${line.slice(0, edit.range.start.character)}${edit.newText}${line.slice(edit.range.end.character)}`).toBe('Read [the steps](handbook/guide.md#steps).');
  });
});
