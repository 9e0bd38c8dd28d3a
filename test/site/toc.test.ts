/**
 * A corpus document's table of contents is nested by our route middleware, since its headings
 * stay out of the content store; it must come out as Starlight's own nesting would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateToC } from '../../site/node_modules/@astrojs/starlight/utils/generateToC.js';
import { withHeadings } from '../../site/src/lib/toc.js';

const heading = fc.record({ depth: fc.integer({ min: 1, max: 6 }), slug: fc.string({ maxLength: 8 }), text: fc.string({ maxLength: 8 }) });
const levels = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .map(([a, b]) => ({ minHeadingLevel: Math.min(a, b), maxHeadingLevel: Math.max(a, b) }));

describe('withHeadings', () => {
  it('nests headings as Starlight does, after the overview Starlight puts first', () => {
    fc.assert(
      fc.property(fc.array(heading, { maxLength: 30 }), levels, (headings, level) => {
        const overview = generateToC([], { ...level, title: 'Overview' });
        expect(withHeadings(overview, headings, level)).toEqual(generateToC(headings, { ...level, title: 'Overview' }));
      }),
    );
  });

  it('leaves the items it was given as they were', () => {
    const overview = generateToC([], { minHeadingLevel: 2, maxHeadingLevel: 3, title: 'Overview' });
    const before = structuredClone(overview);
    const toc = withHeadings(overview, [{ depth: 3, slug: 'a', text: 'A' }], { minHeadingLevel: 2, maxHeadingLevel: 3 });
    expect(toc[0]!.children).toEqual([{ depth: 3, slug: 'a', text: 'A', children: [] }]);
    expect(overview).toEqual(before);
  });
});
