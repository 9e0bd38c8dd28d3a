/** `capsule lsp`: hover on a capsule name, document symbols and workspace symbols. */
import { describe, expect, it } from 'vitest';
import type { DocumentSymbol, Hover, SymbolInformation } from 'vscode-languageserver-protocol';
import { read } from '../cli/helpers.js';
import { LanguageClient } from './client.js';
import { positionOf, referenceCorpus } from './corpus.js';

describe('capsule lsp hover and symbols', () => {
  it('hover on a reference shows the invariant, the document and line, and how many references reach it', async () => {
    const folder = referenceCorpus();
    const client = await LanguageClient.start(folder);
    const ideas = read(folder, 'ideas.md');
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: client.uri('ideas.md') },
      position: positionOf(ideas, '`RiskReview`', 3),
    });
    const value = (hover?.contents as { value: string }).value;
    const headingLine = read(folder, 'risks.md').split('\n').indexOf('### Capsule: RiskReview') + 1;
    expect(value).toContain('**RiskReview**');
    expect(value).toContain('Review every risk before it ships.');
    expect(value).toContain(`risks.md:${headingLine} · 6 references`);
    const nothing = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uri('ideas.md') }, position: { line: 0, character: 0 } });
    expect(nothing).toBeNull();
  });

  it('lists a document\'s headings as a tree with capsules marked, and every capsule of the workspace by query', async () => {
    const folder = referenceCorpus();
    const client = await LanguageClient.start(folder);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri('risks.md') } });
    expect(symbols.map((symbol) => symbol.name)).toEqual(['Risks']);
    const children = symbols[0]!.children!;
    expect(children.map((symbol) => [symbol.name, symbol.kind])).toEqual([
      ['RiskReview', 5],
      ['Verification Checklist', 3],
    ]);
    expect(children[0]!.detail).toBe('Review every risk before it ships.');

    const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'rvw' });
    expect(found.map((symbol) => [symbol.name, symbol.location.uri])).toEqual([['RiskReview', client.uri('risks.md')]]);
    const all = await client.request<SymbolInformation[]>('workspace/symbol', { query: '' });
    expect(all.map((symbol) => symbol.name).sort()).toEqual(['IdeaCapture', 'ReleaseTrain', 'RiskReview']);
  });
});
