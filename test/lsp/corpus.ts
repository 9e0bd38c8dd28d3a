/** A small corpus for the protocol tests: references of every kind between three documents. */
import { documentWith, project } from '../cli/helpers.js';

export function referenceCorpus(): string {
  return project({
    'risks.md': documentWith('Risks', [{ name: 'RiskReview', invariant: 'Review every risk before it ships.', seeAlso: ['IdeaCapture'] }], {
      prose: 'Start with `RiskReview`; a RiskReviewer is a person.',
    }),
    'ideas.md': documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['`RiskReview`', 'ReleaseTrain.'] }]),
    'guides/release.md': documentWith('Release', [{ name: 'ReleaseTrain', seeAlso: ['RiskReview (in ../risks.md)', 'IdeaCapture'] }], {
      prose: 'Before a release, read [the review](../risks.md#capsule-riskreview).',
      checklist: ['Train scheduled (ReleaseTrain)', 'Risks reviewed before the release (RiskReview)'],
    }),
  });
}

/** The zero-based position of the `nth` occurrence of `needle` in `text`, plus `shift` characters. */
export function positionOf(text: string, needle: string, shift = 0, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let count = 0; count <= nth; count++) at = text.indexOf(needle, at + 1);
  if (at === -1) throw new Error(`\`${needle}\` is not in the text`);
  const before = text.slice(0, at + shift).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}
