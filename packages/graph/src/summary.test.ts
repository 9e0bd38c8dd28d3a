import { describe, expect, it } from 'vitest';
import type { CapsuleDocument, Point } from 'remark-capsules';
import { compactSummary, summarizeModel } from './summary.js';
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
});
