/** `capsule lsp`: find references on a capsule heading. */
import { describe, expect, it } from 'vitest';
import type { Location } from 'vscode-languageserver-protocol';
import { read } from '../cli/helpers.js';
import { LanguageClient } from './client.js';
import { positionOf, referenceCorpus } from './corpus.js';

describe('capsule lsp references', () => {
  it('lists every SeeAlso, citation, mention and anchor link of the capsule under the cursor', async () => {
    const folder = referenceCorpus();
    const client = await LanguageClient.start(folder);
    const risks = read(folder, 'risks.md');
    const locations = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: client.uri('risks.md') },
      position: positionOf(risks, '### Capsule: RiskReview', 15),
      context: { includeDeclaration: false },
    });
    const places = locations.map((location) => `${location.uri.slice(client.uri('').length + 1)}:${location.range.start.line + 1}`).sort();
    const lineOf = (path: string, needle: string) => `${path}:${positionOf(read(folder, path), needle).line + 1}`;
    expect(places).toEqual(
      [
        lineOf('guides/release.md', 'SeeAlso: RiskReview'),
        lineOf('guides/release.md', '(RiskReview)'),
        lineOf('guides/release.md', '[the review]'),
        lineOf('ideas.md', '`RiskReview`'),
        lineOf('risks.md', 'Start with'),
        lineOf('risks.md', 'Applied the rule (RiskReview)'),
      ].sort(),
    );
    const withDeclaration = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: client.uri('risks.md') },
      position: positionOf(risks, '### Capsule: RiskReview', 15),
      context: { includeDeclaration: true },
    });
    expect(withDeclaration).toHaveLength(locations.length + 1);
  });
});
