import { describe, expect, it } from 'vitest';
import type { CapsuleDocument, Point } from 'remark-capsules';
import { compactSummary, summarizeModel } from './summary.js';
import { KnowledgeGraph } from './graph.js';
import { capsuleText, graphFromTexts } from './testing.js';

const text = ['# Planning', '', capsuleText('RiskDiscovery'), capsuleText('ScopeCut', 'RiskDiscovery'), '- [ ] Cut scope (ScopeCut)', ''].join('\n');

/** A summary as a reader gets it from the cache: a tree of separate objects. */
function summaryFromCache(): CapsuleDocument {
  const model = graphFromTexts({ 'docs/planning.md': text }).document('docs/planning.md')!.model;
  return JSON.parse(JSON.stringify(summarizeModel(model))) as CapsuleDocument;
}

function collect(value: unknown, points: Point[], empties: unknown[][]): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    if (value.length === 0) empties.push(value);
    for (const item of value) collect(item, points, empties);
    return;
  }
  if ('offset' in value && 'line' in value && 'column' in value) points.push(value as Point);
  for (const child of Object.values(value)) collect(child, points, empties);
}

describe('compactSummary', () => {
  it('changes no value: the compacted summary writes the same JSON', () => {
    const summary = summaryFromCache();
    const written = JSON.stringify(summary);
    expect(JSON.stringify(compactSummary(summary))).toBe(written);
  });

  it('keeps one object per point of the document and one empty list', () => {
    const summary = compactSummary(summaryFromCache());
    const points: Point[] = [];
    const empties: unknown[][] = [];
    collect(summary, points, empties);
    const byOffset = new Map<number, Point>();
    for (const point of points) {
      const seen = byOffset.get(point.offset);
      if (seen) expect(point).toBe(seen);
      else byOffset.set(point.offset, point);
    }
    // A capsule's heading and section start at the same point, as do a part's label and its place.
    expect(points.length).toBeGreaterThan(byOffset.size);
    expect(empties.length).toBeGreaterThan(1);
    expect(new Set(empties).size).toBe(1);
  });

  it('shares a frozen empty list, so that adding to one throws instead of reaching every document', () => {
    const summary = compactSummary(summaryFromCache());
    const parts = summary.capsules[0]!.parts;
    expect(parts).toEqual([]);
    expect(() => (parts as unknown[]).push('part')).toThrow(TypeError);
  });
});

describe('summarizeModel', () => {
  it('keeps what closes the block a document leaves open, and adds nothing when it closes them all', () => {
    const graph = graphFromTexts({ 'open.md': '# Open\n\n````ts\nconst a = 1;\n', 'closed.md': text });
    const open = graph.document('open.md')!.model;
    expect(open.unclosedBlock).toBeDefined();
    expect(summarizeModel(open).unclosedBlock).toEqual(open.unclosedBlock);
    expect(summarizeModel(graph.document('closed.md')!.model)).not.toHaveProperty('unclosedBlock');
  });

  it("keeps the ids a site's generator gives besides headings, which links from other documents aim at", () => {
    const model = graphFromTexts({ 'docs/notes.md': '# Notes\n\nA claim.[^1]\n\n[^1]: A source.\n' }).document('docs/notes.md')!.model;
    expect(model.siteAnchors).toEqual({ 'python-markdown': ['fn:1', 'fnref:1'] });
    expect(summarizeModel(model).siteAnchors).toEqual(model.siteAnchors);
  });
});

describe('summarizeModel with contexts', () => {
  const texts = {
    'docs/planning.md': text,
    'docs/notes.md': ['# Notes', '', 'Before a release, `ScopeCut` is what we reach for first.', '', capsuleText('Retro', 'ScopeCut'), ''].join('\n'),
  };
  const whole = graphFromTexts(texts);
  const summarized = (kind?: 'with-contexts') =>
    new KnowledgeGraph({ documents: whole.documents.map((document) => ({ ...document, model: summarizeModel(document.model, kind) })) });
  const edges = (graph: KnowledgeGraph) =>
    graph.documents
      .flatMap((document) => graph.edgesIn(document.path))
      .map((edge) => ({ kind: edge.kind, from: edge.from, target: edge.target, to: edge.to?.name, status: edge.status, at: edge.position.start.offset, context: edge.context }));

  it('keeps the sentences the edges quote, so that a graph of such summaries has the backlinks a whole graph has', () => {
    const expected = edges(whole);
    expect(expected.filter((edge) => edge.kind === 'mentions').map((edge) => edge.context)).toEqual(['Before a release, ScopeCut is what we reach for first.']);
    expect(edges(summarized('with-contexts'))).toEqual(expected);
    // The checker's summaries leave them out: they are what makes its summaries small.
    expect(edges(summarized())).not.toEqual(expected);
  });
});

describe('summarizeModel', () => {
  it('keeps a Mintlify API page\'s `openapi`, as link-resolves reads it of a link\'s target', () => {
    const page = '---\ntitle: Add\nopenapi: post /v3/memories/add/\nsidebarTitle: Add memories\n---\n\nSee [the body](#body-messages).\n';
    const model = graphFromTexts({ 'api/add.md': page }).document('api/add.md')!.model;
    expect(summarizeModel(model).frontmatter?.data).toEqual(Object.assign(Object.create(null), { title: 'Add', openapi: 'post /v3/memories/add/' }));
  });

  it('keeps the keys that place a page at its routes: a Jekyll page\'s `redirect_from`, a Lume page\'s `basename`, a Hugo page\'s `date`', () => {
    const page = "---\nlayout: install\nredirect_from:\n  - '/download/'\nbasename: tasks\ndate: 2020-02-25T00:00:00Z\n---\n\n# Install\n";
    const model = graphFromTexts({ 'install/index.md': page }).document('install/index.md')!.model;
    expect(summarizeModel(model).frontmatter?.data).toEqual(Object.assign(Object.create(null), { redirect_from: ['/download/'], basename: 'tasks', date: '2020-02-25T00:00:00Z' }));
  });
});
