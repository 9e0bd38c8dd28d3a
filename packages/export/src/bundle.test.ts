import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureGraph } from './__fixtures__/load.js';
import { bundleFormats, createBundle, type BundleFormat, type BundleResult } from './bundle.js';
import { ExportError } from './errors.js';
import type { Selection } from './select.js';
import { loadTokenCounter } from './tokens.js';

const graph = await fixtureGraph();
const counter = await loadTokenCounter('o200k_base');
const cl100k = await loadTokenCounter('cl100k_base');

const everything: Selection = { capsules: ['ProblemFirst', 'SmallSteps', 'BlamelessReview'], depth: 2 };

function bundle(format: BundleFormat, budget: number | undefined, selection: Selection = everything, tokens = counter): BundleResult {
  return createBundle(graph, { format, selection, counter: tokens, budget });
}

/** The fitted bundle must honour the disclosure order; returns what is in, per kind. */
function expectProgressive(result: BundleResult): void {
  const { capsules, leftOut } = result.bundle;
  for (const capsule of capsules) {
    const kinds = capsule.parts.map((part) => part.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => ['invariant', 'example', 'depth'].indexOf(a) - ['invariant', 'example', 'depth'].indexOf(b)));
  }
  if (leftOut && leftOut.capsules.length > 0) {
    // Until every invariant is in, nothing but invariants is.
    for (const capsule of capsules) expect(capsule.parts.every((part) => part.kind === 'invariant')).toBe(true);
  }
}

describe('bundles without a budget', () => {
  it('hold every part of every selected capsule, in selection order then by distance', () => {
    const result = bundle('json', undefined);
    expect(result.bundle.leftOut).toBeUndefined();
    expect(result.bundle.capsules.map((capsule) => [capsule.name, capsule.distance])).toEqual([
      ['ProblemFirst', 0],
      ['SmallSteps', 0],
      ['BlamelessReview', 0],
      ['ReadBeforeChange', 1],
      ['RiskNaming', 1],
      ['TriedRollback', 1],
    ]);
    for (const capsule of result.bundle.capsules) expect(capsule.parts.map((part) => part.kind)).toEqual(['invariant', 'example', 'depth']);
    expect(result.tokens).toBe(counter.count(result.output));
  });

  it('carry each capsule\'s source and its parts as written, code fences included', () => {
    const beta = bundle('json', undefined, { capsules: ['ReadBeforeChange'] }).bundle.capsules[0]!;
    expect(beta.source).toEqual({ document: 'planning.md', line: graph.capsule('ReadBeforeChange')!.capsule.headingPosition.start.line, column: 1 });
    expect(beta.parts[1]!.markdown).toBe('```sh\ngrep -rn "volume" apps/\n```\n\n//BOUNDARY: never change code you have not read');
  });
});

describe('bundles fitted to a budget', () => {
  for (const format of bundleFormats) {
    it(`never exceed the budget, counted on the ${format} output itself`, () => {
      const full = bundle(format, undefined).tokens;
      const minimum = smallestWorkingBudget(format);
      const sizes = [minimum, minimum + 7, Math.round((minimum + full) / 3), Math.round((minimum + full) / 2), full - 1, full, full + 100];
      for (const budget of sizes) {
        const result = bundle(format, budget);
        expect(counter.count(result.output), `budget ${budget}`).toBeLessThanOrEqual(budget);
        expect(result.tokens).toBe(counter.count(result.output));
        expectProgressive(result);
      }
      expect(bundle(format, full + 100).bundle.leftOut).toBeUndefined();
      expect(bundle(format, Math.round((minimum + full) / 2)).bundle.leftOut).toBeDefined();
    });
  }

  it('include invariants only, as many as fit, when not all of them fit, and say so', () => {
    const minimum = smallestWorkingBudget('markdown');
    let budget = minimum;
    while (bundle('markdown', budget).bundle.capsules.length < 2) budget += 5;
    const result = bundle('markdown', budget);
    const { leftOut, capsules } = result.bundle;
    expect(capsules.length).toBeGreaterThan(0);
    expect(leftOut?.capsules.length).toBeGreaterThan(0);
    expect(capsules.length + leftOut!.capsules.length).toBe(6);
    expectProgressive(result);
    expect(result.output).not.toContain('**Example**');
    expect(result.output).toContain('Not every invariant fits');
    expect(result.output).toContain(`${leftOut!.tokens} tokens were left out`);
  });

  it('add examples before any depth once every invariant is in', () => {
    const full = bundle('markdown', undefined).tokens;
    const result = bundle('markdown', full - 60);
    const { leftOut, capsules } = result.bundle;
    expect(leftOut?.capsules).toEqual([]);
    expect(leftOut!.depth.length).toBeGreaterThan(0);
    expect(capsules.flatMap((capsule) => capsule.parts.filter((part) => part.kind === 'example'))).toHaveLength(6 - leftOut!.examples.length);
    // The left-out parts and the parts that are in make up the whole selection.
    const inCount = capsules.reduce((sum, capsule) => sum + capsule.parts.length, 0);
    expect(inCount + leftOut!.examples.length + leftOut!.depth.length).toBe(18);
  });

  it('count with the chosen encoding', () => {
    const budget = Math.round(bundle('xml', undefined, everything, cl100k).tokens * 0.6);
    const result = bundle('xml', budget, everything, cl100k);
    expect(result.bundle.encoding).toBe('cl100k_base');
    expect(cl100k.count(result.output)).toBeLessThanOrEqual(budget);
    expect(result.output).toContain('encoding="cl100k_base"');
  });

  it('refuse a budget too small for even the frame, naming the smallest that works', () => {
    expect(() => bundle('json', 10)).toThrow(ExportError);
    try {
      bundle('json', 10);
    } catch (error) {
      expect((error as ExportError).message).toMatch(/A budget of 10 tokens is too small: even with every capsule left out, the bundle takes \d+ tokens/);
    }
    expect(() => bundle('json', 0)).toThrow(/positive whole number/);
  });

  it('hold for any budget, format and selection', () => {
    const names = graph.names();
    fc.assert(
      fc.property(
        fc.constantFrom(...bundleFormats),
        fc.uniqueArray(fc.constantFrom(...names), { minLength: 1 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 1500 }),
        (format, capsules, depth, budget) => {
          let result: BundleResult;
          try {
            result = bundle(format, budget, { capsules, depth });
          } catch (error) {
            expect(error).toBeInstanceOf(ExportError);
            expect((error as ExportError).message).toMatch(/too small/);
            return;
          }
          expect(counter.count(result.output)).toBeLessThanOrEqual(budget);
          expectProgressive(result);
        },
      ),
      { numRuns: 60 },
    );
  });
});

function smallestWorkingBudget(format: BundleFormat): number {
  try {
    bundle(format, 1);
  } catch (error) {
    const minimum = Number(/the bundle takes (\d+) tokens/.exec((error as Error).message)?.[1]);
    if (minimum > 0) return minimum;
  }
  throw new Error('expected a budget of 1 to be too small');
}
