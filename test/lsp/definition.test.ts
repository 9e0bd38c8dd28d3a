/** `capsule lsp`: go to definition from every kind of reference. */
import { describe, expect, it } from 'vitest';
import { read } from '../cli/helpers.js';
import type { Location } from 'vscode-languageserver-protocol';
import { LanguageClient } from './client.js';
import { positionOf, referenceCorpus } from './corpus.js';

describe('capsule lsp definition', () => {
  it('leads from a SeeAlso entry, a checklist citation, a mention and a link anchor to the capsule heading', async () => {
    const folder = referenceCorpus();
    const client = await LanguageClient.start(folder);
    const risks = read(folder, 'risks.md');
    const release = read(folder, 'guides/release.md');
    const heading = positionOf(risks, 'RiskReview', 0, 0);
    const headingLine = risks.split('\n').findIndex((line) => line === '### Capsule: RiskReview');
    expect(heading.line).not.toBe(headingLine); // the first occurrence is the mention in prose
    const expected = { uri: client.uri('risks.md'), range: { start: { line: headingLine, character: 13 }, end: { line: headingLine, character: 23 } } };

    const at = async (path: string, position: { line: number; character: number }) =>
      client.request<Location | null>('textDocument/definition', { textDocument: { uri: client.uri(path) }, position });
    // SeeAlso entry in another folder.
    expect(await at('guides/release.md', positionOf(release, 'SeeAlso: RiskReview', 11))).toEqual(expected);
    // Checklist citation.
    expect(await at('guides/release.md', positionOf(release, '(RiskReview)', 3))).toEqual(expected);
    // Mention in prose.
    expect(await at('risks.md', positionOf(risks, '`RiskReview`', 2))).toEqual(expected);
    // The anchor of a link: the heading it names.
    const link = (await at('guides/release.md', positionOf(release, '#capsule-riskreview', 3)))!;
    expect(link.uri).toBe(client.uri('risks.md'));
    expect(link.range.start.line).toBe(headingLine);
    // Plain prose leads nowhere.
    expect(await at('risks.md', positionOf(risks, 'a person', 2))).toBeNull();
  });

  it('follows the unsaved text: a SeeAlso typed but not saved resolves', async () => {
    const folder = referenceCorpus();
    const client = await LanguageClient.start(folder);
    const text = `${read(folder, 'ideas.md')}\nSee \`ReleaseTrain\` too.\n`;
    await client.open('ideas.md', read(folder, 'ideas.md'));
    await client.change('ideas.md', text);
    const location = await client.eventually(() =>
      client.request<Location | null>('textDocument/definition', {
        textDocument: { uri: client.uri('ideas.md') },
        position: positionOf(text, '`ReleaseTrain` too', 3),
      }),
    );
    expect(location.uri).toBe(client.uri('guides/release.md'));
  });
});
