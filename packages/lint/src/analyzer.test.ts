import { readDocument } from '@capsule-docs/graph';
import { describe, expect, it } from 'vitest';
import { analyze, lintAnalyzer } from './analyzer.js';
import type { LintAnalysis } from './host.js';

const settings = lintAnalyzer({ rules: { 'invariant-length': ['warn', { max: 5 }] } }).settings as Parameters<typeof analyze>[1];

function documentWithInvariants(...invariants: string[]) {
  const capsules = invariants.map((invariant, index) => `### Capsule: Rule${index}\n\n**Invariant**\n${invariant}\n`);
  return readDocument('guide.md', new TextEncoder().encode(`# Guide\n\n${capsules.join('\n')}`));
}

const tooLong = (analysis: LintAnalysis) =>
  analysis.findings.filter((finding) => finding.ruleId === 'invariant-length').map((finding) => finding.extra['data']);

describe('the lint analyzer', () => {
  it("keeps the invariants' token counts with its findings", () => {
    const analysis = analyze(documentWithInvariants('Keep it short.', 'One sentence that runs on for rather more than five tokens.'), settings);
    expect(Object.values(analysis.tokenCounts ?? {})).toHaveLength(2);
    expect(tooLong(analysis)).toEqual([{ name: 'Rule1', tokens: Object.values(analysis.tokenCounts!)[1], max: 5 }]);
  });

  it('reuses the counts of an earlier analysis for text that has not changed, and counts changed text anew', () => {
    const first = analyze(documentWithInvariants('Keep it short.', 'Also short.'), settings);
    const [unchangedKey, changedKey] = Object.keys(first.tokenCounts!);
    // An earlier analysis whose count for the first invariant is visibly not a tokenizer's.
    const earlier = { ...first, tokenCounts: { [unchangedKey!]: 99, [changedKey!]: 1 } };
    const second = analyze(documentWithInvariants('Keep it short.', 'A second invariant, rewritten to be far longer than before.'), settings, earlier);
    expect(tooLong(second)).toEqual([
      { name: 'Rule0', tokens: 99, max: 5 },
      { name: 'Rule1', tokens: expect.any(Number), max: 5 },
    ]);
    expect(second.tokenCounts![unchangedKey!]).toBe(99);
    expect(Object.keys(second.tokenCounts!)).not.toContain(changedKey);
  });

  it('ignores an earlier analysis that is not its own, or counts that are not counts', () => {
    const fresh = analyze(documentWithInvariants('Keep it short.'), settings);
    const [key] = Object.keys(fresh.tokenCounts!);
    for (const earlier of [{ kind: 'something-else', tokenCounts: { [key!]: 99 } }, { ...fresh, tokenCounts: { [key!]: -1 } }, 'text']) {
      expect(analyze(documentWithInvariants('Keep it short.'), settings, earlier).tokenCounts).toEqual(fresh.tokenCounts);
    }
  });
});
