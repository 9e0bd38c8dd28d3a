/**
 * The exports a build makes as the corpus loads answer as the graph would when asked, and
 * keep answering once the graph is gone.
 */
import { loadTokenCounter } from '@capsule-docs/export';
import { KnowledgeGraph, readDocument } from '@capsule-docs/graph';
import { describe, expect, it } from 'vitest';
import { exportsFromGraph, exportsMadeAhead, type LlmsTxtOptions } from '../../site/src/lib/corpus-exports.js';

const files: Record<string, string> = {
  'guide.md': [
    '# Guide',
    '',
    '### Capsule: RetryBudget',
    '',
    '**Invariant**',
    'Every retry spends from one budget per request.',
    '',
    '**Example**',
    '```ts',
    'budget.spend(1);',
    '```',
    '',
    '**Depth**',
    '- SeeAlso: QueueDepth',
    '',
  ].join('\n'),
  'queues.md': ['# Queues', '', '### Capsule: QueueDepth', '', '**Invariant**', 'A queue reports its depth on every poll.', ''].join('\n'),
  // Kept as bytes until a page asks: text beyond ASCII must come back as it was.
  'unicode.md': ['# Unicode', '', '### Capsule: Zeichen', '', '**Invariant**', 'Größe, 東京 and 🚦 survive the round trip — café.', ''].join('\n'),
};

function graphOf(documents: Record<string, string>): KnowledgeGraph {
  const encoder = new TextEncoder();
  return new KnowledgeGraph({
    documents: Object.entries(documents).map(([path, text]) => readDocument(path, encoder.encode(text), { keepTree: false })),
  });
}

const options: LlmsTxtOptions = { title: 'Handbook', base: '/docs/', site: new URL('https://example.org'), home: 'guide.md' };

describe('exportsMadeAhead', () => {
  it('answers every capsule context and llms.txt as the graph does, after the graph is emptied', async () => {
    const graph = graphOf(files);
    const fromGraph = exportsFromGraph('/corpus', graph, await loadTokenCounter(), options);
    const expected = new Map(graph.names().map((name) => [name, fromGraph.capsuleContext(name)]));
    const expectedLlmsTxt = fromGraph.llmsTxt(options);
    const ahead = exportsMadeAhead(fromGraph, graph.names(), options);
    // Whatever reads the graph from here on would find nothing.
    for (const document of graph.documents) {
      document.text = '';
      document.model.capsules = [];
    }
    for (const [name, context] of expected) expect(ahead.capsuleContext(name), name).toEqual(context);
    expect(ahead.capsuleContext('RetryBudget')?.text).toContain('## Capsule: QueueDepth');
    expect(ahead.capsuleContext('RetryBudget')?.tokens).toBeGreaterThan(10);
    // The capsules a SeeAlso brings along are counted, for the page to say what the copy holds.
    expect(ahead.capsuleContext('RetryBudget')?.related).toBe(1);
    expect(ahead.capsuleContext('Zeichen')?.related).toBe(0);
    expect(ahead.capsuleContext('Zeichen')?.text).toContain('Größe, 東京 and 🚦 survive the round trip — café.');
    expect(ahead.capsuleContext('NoSuchCapsule')).toBeUndefined();
    expect(ahead.llmsTxt({ ...options })).toBe(expectedLlmsTxt);
    expect(expectedLlmsTxt).toContain('https://example.org/docs/capsules/RetryBudget/');
  });

  it('refuses llms.txt for a base or address it was not made for', async () => {
    const graph = graphOf(files);
    const ahead = exportsMadeAhead(exportsFromGraph('/corpus', graph, await loadTokenCounter(), options), graph.names(), options);
    expect(() => ahead.llmsTxt({ ...options, base: '/' })).toThrow(/made for/);
    expect(() => ahead.llmsTxt({ ...options, site: undefined })).toThrow(/made for/);
  });
});

describe('exportsFromGraph', () => {
  it('links llms.txt from the root when the site has no address', async () => {
    const graph = graphOf(files);
    const text = exportsFromGraph('/corpus', graph, await loadTokenCounter(), options).llmsTxt({ ...options, base: '/', site: undefined });
    expect(text).toContain('](/capsules/RetryBudget/)');
    expect(text).not.toContain('site.invalid');
  });

  it("points the links of a capsule's context at the site's pages, under a stand-in origin the page replaces when the site has no address", async () => {
    const graph = graphOf({
      'ops/deploy.md': '# Deploy\n\n### Capsule: SafeRollout\n\n**Invariant**\nRoll out behind a flag; see [the runbook](../runbook.md#rollback) and [below](#notes).\n\n## Notes\n',
      'runbook.md': '# Runbook\n\n## Rollback\n',
    });
    const counter = await loadTokenCounter();
    const context = (site: URL | undefined) => exportsFromGraph('/corpus', graph, counter, { base: '/docs/', site, home: undefined }).capsuleContext('SafeRollout')!;
    expect(context(new URL('https://example.org')).text).toContain('see [the runbook](https://example.org/docs/runbook/#rollback) and [below](https://example.org/docs/ops/deploy/#notes).');
    expect(context(new URL('https://example.org')).standInOrigin).toBeUndefined();
    const unplaced = context(undefined);
    expect(unplaced.standInOrigin).toMatch(/^https:\/\/[^/]+$/);
    expect(unplaced.text).toContain(`see [the runbook](${unplaced.standInOrigin}/docs/runbook/#rollback) and [below](${unplaced.standInOrigin}/docs/ops/deploy/#notes).`);
    expect(unplaced.tokens).toBe(counter.count(unplaced.text));
    // Made ahead for a build, the context keeps its stand-in origin for the page.
    const ahead = exportsMadeAhead(exportsFromGraph('/corpus', graph, counter, { base: '/docs/', site: undefined, home: undefined }), ['SafeRollout'], { title: 'T', base: '/docs/', site: undefined, home: undefined });
    expect(ahead.capsuleContext('SafeRollout')).toEqual(unplaced);
  });
});
