/** `capsule lsp`: capsule names offered after `SeeAlso:` and in a checklist item's final parentheses. */
import { describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver-protocol';
import { read } from '../cli/helpers.js';
import { LanguageClient } from './client.js';
import { referenceCorpus } from './corpus.js';

describe('capsule lsp completion', () => {
  it('offers every capsule name after SeeAlso: and inside a checklist item\'s parentheses, nothing in prose', async () => {
    const folder = referenceCorpus();
    const client = await LanguageClient.start(folder);
    const text = `${read(folder, 'ideas.md')}- [ ] Captured before review (Ri\n\n- SeeAlso: Idea\n\nPlain words\n`;
    await client.open('ideas.md', text);
    const lines = text.split('\n');
    const at = async (prefix: string) => {
      const line = lines.findIndex((candidate) => candidate.startsWith(prefix));
      return client.request<CompletionItem[] | null>('textDocument/completion', {
        textDocument: { uri: client.uri('ideas.md') },
        position: { line, character: lines[line]!.length },
      });
    };
    const names = (items: CompletionItem[] | null) => (items ?? []).map((item) => item.label).sort();
    expect(names(await at('- [ ] Captured before review'))).toEqual(['IdeaCapture', 'ReleaseTrain', 'RiskReview']);
    const seeAlso = await at('- SeeAlso: Idea');
    expect(names(seeAlso)).toEqual(['IdeaCapture', 'ReleaseTrain', 'RiskReview']);
    expect(seeAlso!.find((item) => item.label === 'RiskReview')?.detail).toBe('risks.md');
    expect(names(await at('Plain words'))).toEqual([]);
  });
});
