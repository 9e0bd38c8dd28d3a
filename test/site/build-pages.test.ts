/**
 * A build loads the corpus as summaries and reads each document whole again only while its
 * page is made; `astro dev` keeps whole documents with their trees. Both must make the same
 * pages and the same exports.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTokenCounter, type CapsuleSources } from '@capsule-docs/export';
import { loadGraph, type CapsuleNode } from '@capsule-docs/graph';
import { afterAll, describe, expect, it } from 'vitest';
import { exportsFromGraph, siteCapsuleSources, type LlmsTxtOptions } from '../../site/src/lib/corpus-exports.js';
import { documentPages, type SiteOptions } from '../../site/src/lib/views.js';

const files: Record<string, string> = {
  // The title holds HTML, which its plain-text title leaves out; documents after it cite it.
  'guide.md': [
    '---',
    'tags: [retries]',
    'categories: ["Reliability: 2"]',
    '---',
    '# Guide <em>draft</em>',
    '',
    '### Capsule: RetryBudget',
    '',
    '**Invariant**',
    'Every retry spends from one budget per request, as the rule says:',
    '',
    '- one budget',
    '- per request',
    '',
    '**Example**',
    '',
    '~~~python',
    'if not budget.take():',
    '    raise Exhausted()',
    '~~~',
    '',
    '**Depth**',
    '',
    '- Trade-off: fewer retries, faster failure',
    '- SeeAlso: QueueDepth — polls report it',
    '',
    '**Why**',
    'Retries multiply load.',
    '',
    '### Capsule: RetryBudget',
    '',
    '**Invariant**',
    'Defined twice in one document.',
    '',
    '## Checklist',
    '',
    '- [ ] Set a budget (RetryBudget)',
  ].join('\n'),
  'ops/queues.md': [
    '# Queues',
    '',
    'When a queue backs up, `RetryBudget` is what keeps it from growing.',
    '',
    '### Capsule: QueueDepth',
    '',
    '**Invariant**',
    'A queue reports its depth on every poll; see [the guide](../guide.md#capsule-retrybudget).',
    '',
    '**Depth**',
    '',
    '- SeeAlso: RetryBudget, MissingName',
    '',
    '### Capsule: RetryBudget',
    '',
    '**Invariant**',
    'A second definition elsewhere.',
  ].join('\n'),
  'later.md': ['# Later', '', 'Mentions `QueueDepth` in a sentence of its own.', ''].join('\n'),
};

const root = mkdtempSync(join(tmpdir(), 'capsule-build-pages-'));
for (const [path, text] of Object.entries(files)) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}
// Not a document the site can publish: pages and links must leave it out alike.
writeFileSync(join(root, 'image.md'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const whole = (await loadGraph({ root, keepTrees: true, cache: false })).graph;
const summaries = (await loadGraph({ root, summarize: 'with-contexts', cache: false })).graph;
const counter = await loadTokenCounter();

describe('pages made from summaries', () => {
  it('are the pages made from whole documents with their trees', () => {
    expect(summaries.documents.every((document) => document.tree === undefined)).toBe(true);
    for (const options of [{ base: '/', home: 'guide.md' }, { base: '/docs/', home: undefined }] satisfies SiteOptions[]) {
      expect(documentPages(summaries, options)).toEqual(documentPages(whole, options));
    }
  });

  it('name the documents that cite a capsule by their plain titles, whichever document comes first', () => {
    const pages = documentPages(summaries, { base: '/', home: undefined });
    const queueDepth = pages.flatMap((page) => page.corpus.capsules).find((capsule) => capsule.name === 'QueueDepth')!;
    expect(queueDepth.backlinks.map((backlink) => [backlink.kind, backlink.document, backlink.context])).toEqual([
      ['see-also', 'Guide draft', 'SeeAlso: QueueDepth — polls report it'],
      ['mentions', 'Later', 'Mentions QueueDepth in a sentence of its own.'],
    ]);
    // guide.md comes first: who cites its capsule is only known once ops/queues.md was read.
    const retryBudget = pages.find((page) => page.corpus.path === 'guide.md')!.corpus.capsules[0]!;
    expect(retryBudget.backlinks.map((backlink) => [backlink.from, backlink.document])).toEqual([
      ['Guide draft', 'Guide draft'],
      ['QueueDepth', 'Queues'],
      ['Queues', 'Queues'],
    ]);
    const elsewhere = pages.find((page) => page.corpus.path === 'ops/queues.md')!.corpus.capsules.find((capsule) => capsule.name === 'RetryBudget')!;
    // Its Invariant alone in another document: a stub copy, no second definition (as for duplicate-capsule).
    expect(elsewhere.alsoDefinedIn).toEqual([]);
    // The guide defines it twice itself: its page says so.
    expect(retryBudget.alsoDefinedIn.map((other) => other.label)).toEqual(['Guide draft']);
    // The link lands on the other definition, not at the top of its page.
    expect(retryBudget.alsoDefinedIn.map((other) => other.url)).toEqual(['/guide/#user-content-capsule-retrybudget-1']);
    expect(pages.map((page) => page.corpus.path)).not.toContain('image.md');
  });

  it('show each document whole to the visitor, with every capsule apart, for the exports', () => {
    const sources = new Map<CapsuleNode, CapsuleSources>();
    const seen: string[] = [];
    const address = { base: '/', site: undefined, home: undefined };
    const sourcesOf = siteCapsuleSources(summaries, address);
    documentPages(summaries, { base: '/', home: undefined }, undefined, (document, capsules) => {
      expect(document.tree).toBeDefined();
      seen.push(document.path);
      for (const { node, capsule } of capsules) sources.set(node, sourcesOf(document, capsule));
    });
    expect(seen).toEqual(['guide.md', 'later.md', 'ops/queues.md']);
    expect(sources.size).toBe(summaries.capsules.length);

    const fromSummaries = exportsFromGraph(root, summaries, counter, address, (node) => sources.get(node)!);
    const fromWhole = exportsFromGraph(root, whole, counter, address);
    for (const name of ['RetryBudget', 'QueueDepth']) expect(fromSummaries.capsuleContext(name)).toEqual(fromWhole.capsuleContext(name));
    expect(fromSummaries.capsuleContext('RetryBudget')!.text).toContain('Retries multiply load.');
    // A part's link leads to the page, as the context is copied away from the site: built
    // without the site's address, from a stand-in origin the page replaces with its own.
    const queueDepth = fromSummaries.capsuleContext('QueueDepth')!;
    expect(queueDepth.standInOrigin).toMatch(/^https:\/\//);
    expect(queueDepth.text).toContain(`see [the guide](${queueDepth.standInOrigin}/guide/#capsule-retrybudget).`);
    const llms: LlmsTxtOptions = { title: 'Handbook', base: '/', site: new URL('https://example.org'), home: 'guide.md' };
    expect(fromSummaries.llmsTxt(llms)).toBe(fromWhole.llmsTxt(llms));
  });
});
