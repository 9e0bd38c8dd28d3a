import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KnowledgeGraph, loadGraph, readDocument, type CapsuleNode } from '@capsule-docs/graph';
import { fixtureGraph, fixtureRoot } from './__fixtures__/load.js';
import { rolloutFiles } from './__fixtures__/rollout.js';
import { bundleFormats, capsuleSources, createBundle, type BundleCapsule, type BundleFormat, type BundleResult } from './bundle.js';
import { BudgetError, ExportError } from './errors.js';
import { createLinker } from './links.js';
import type { Selection } from './select.js';
import { validateBundleJson } from './schema.js';
import { loadTokenCounter } from './tokens.js';

const graph = await fixtureGraph();
const counter = await loadTokenCounter('o200k_base');
const cl100k = await loadTokenCounter('cl100k_base');

const everything: Selection = { capsules: ['ProblemFirst', 'SmallSteps', 'BlamelessReview'], depth: 2 };
/** The same six capsules chosen by document, so none of them is asked for by name. */
const byDocument: Selection = { documents: ['planning.md', 'people.md', 'ops/running.md'] };

function bundle(format: BundleFormat, budget: number | undefined, selection: Selection = everything, tokens = counter): BundleResult {
  return createBundle(graph, { format, selection, counter: tokens, budget });
}

const kinds = ['invariant', 'example', 'depth'];

/** The fitted bundle must honour the disclosure order. */
function expectProgressive(result: BundleResult): void {
  const { capsules, leftOut, selection } = result.bundle;
  const named = (capsule: BundleCapsule) => (selection.capsules?.length ?? 0) > 0 && capsule.distance === 0;
  for (const capsule of capsules) {
    const shown = capsule.parts.map((part) => part.kind);
    expect(shown).toEqual([...shown].sort((a, b) => kinds.indexOf(a) - kinds.indexOf(b)));
  }
  // A capsule asked for by name is always whole.
  for (const capsule of capsules.filter(named)) expect(capsule, capsule.name).toEqual(wholeCapsule(capsule.name));
  if (leftOut && leftOut.capsules.length > 0) {
    // Until every invariant is in, the others hold nothing but invariants.
    for (const capsule of capsules.filter((capsule) => !named(capsule))) {
      expect(capsule.parts.every((part) => part.kind === 'invariant')).toBe(true);
      expect(capsule.extras).toEqual([]);
    }
  }
}

function wholeCapsule(name: string): BundleCapsule {
  return bundle('json', undefined, { capsules: [name] }).bundle.capsules[0]!;
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

describe('a sample of the format, asked for by name', () => {
  it('says in every format that it is a sample, in a form the bundle schema accepts', () => {
    const selection = { capsules: ['QueueOwnership'] };
    expect(bundle('markdown', undefined, selection).output).toContain('Source: `writing.md`, line 14. It is a sample of the format, not a rule of this corpus.');
    expect(bundle('xml', undefined, selection).output).toContain('<capsule name="QueueOwnership" document="writing.md" line="14" distance="0" sample="true">');
    const json = JSON.parse(bundle('json', undefined, selection).output);
    expect(json.capsules[0].sample).toBe(true);
    expect(validateBundleJson(json)).toEqual([]);
    // A real capsule is not marked.
    expect(JSON.parse(bundle('json', undefined, { capsules: ['SmallSteps'] }).output).capsules[0]).not.toHaveProperty('sample');
    expect(bundle('markdown', undefined, { capsules: ['SmallSteps'] }).output).not.toContain('sample');
  });
});

describe('bundles fitted to a budget', () => {
  for (const format of bundleFormats) {
    it(`never exceed the budget, counted on the ${format} output itself`, () => {
      for (const selection of [everything, byDocument]) {
        const full = bundle(format, undefined, selection).tokens;
        const minimum = smallestWorkingBudget(format, selection);
        const sizes = [minimum, minimum + 7, Math.round(minimum + (full - minimum) / 3), Math.round((minimum + full) / 2), full - 1, full, full + 100];
        for (const budget of sizes) {
          const result = bundle(format, budget, selection);
          expect(counter.count(result.output), `budget ${budget}`).toBeLessThanOrEqual(budget);
          expect(result.tokens).toBe(counter.count(result.output));
          expectProgressive(result);
        }
        expect(bundle(format, full + 100, selection).bundle.leftOut).toBeUndefined();
        expect(bundle(format, Math.round((minimum + full) / 2), selection).bundle.leftOut).toBeDefined();
      }
    });

    it(`keep a capsule asked for by name whole before any neighbour, down to the exact minimum (${format})`, () => {
      const selection: Selection = { capsules: ['ReadBeforeChange'], depth: 2 };
      const minimum = smallestWorkingBudget(format, selection);
      const least = bundle(format, minimum, selection);
      expect(least.tokens).toBeLessThanOrEqual(minimum);
      expect(least.bundle.capsules).toEqual([wholeCapsule('ReadBeforeChange')]);
      expect(least.bundle.leftOut!.capsules.length).toBeGreaterThan(0);
      expect(() => bundle(format, minimum - 1, selection)).toThrow(BudgetError);
      // Room above the minimum goes to neighbours, invariants first; the named capsule stays whole.
      const full = bundle(format, undefined, selection).tokens;
      for (let budget = minimum; budget < full; budget += Math.ceil((full - minimum) / 9)) expectProgressive(bundle(format, budget, selection));
    });
  }

  it('name the capsule that did not fit and the smallest budget in the refusal', () => {
    const selection: Selection = { capsules: ['SmallSteps'], depth: 1 };
    const minimum = smallestWorkingBudget('markdown', selection);
    expect(() => bundle('markdown', minimum - 1, selection)).toThrow(
      `A budget of ${minimum - 1} tokens is too small for \`SmallSteps\` whole: the smallest budget that fits it is ${minimum} tokens`,
    );
  });

  it('include invariants only, as many as fit, when not all of them fit, and say so', () => {
    const minimum = smallestWorkingBudget('markdown', byDocument);
    let budget = minimum;
    while (bundle('markdown', budget, byDocument).bundle.capsules.length < 2) budget += 5;
    const result = bundle('markdown', budget, byDocument);
    const { leftOut, capsules } = result.bundle;
    expect(capsules.length).toBeGreaterThan(0);
    expect(leftOut?.capsules.length).toBeGreaterThan(0);
    expect(capsules.length + leftOut!.capsules.length).toBe(6);
    expectProgressive(result);
    expect(result.output).not.toContain('**Example**');
    expect(result.output).toContain('Not every invariant fits');
    expect(result.output).toContain(`${leftOut!.tokens} tokens were left out`);
  });

  it('hold at least one invariant when no capsule is asked for by name, never an empty bundle', () => {
    const minimum = smallestWorkingBudget('json', byDocument);
    const first = bundle('json', undefined, byDocument).bundle.capsules[0]!;
    const least = bundle('json', minimum, byDocument).bundle.capsules;
    expect(least.map((capsule) => [capsule.name, capsule.parts.map((part) => part.kind)])).toEqual([[first.name, ['invariant']]]);
    expect(() => bundle('json', minimum - 1, byDocument)).toThrow(/too small for even one capsule's invariant: the smallest budget that fits one is \d+ tokens/);
  });

  it('add examples before any depth once every invariant is in', () => {
    const full = bundle('markdown', undefined, byDocument).tokens;
    const result = bundle('markdown', full - 60, byDocument);
    const { leftOut, capsules } = result.bundle;
    expect(leftOut?.capsules).toEqual([]);
    expect(leftOut!.depth.length).toBeGreaterThan(0);
    expect(capsules.flatMap((capsule) => capsule.parts.filter((part) => part.kind === 'example'))).toHaveLength(6 - leftOut!.examples.length);
    // The left-out parts and the parts that are in make up the whole selection.
    const inCount = capsules.reduce((sum, capsule) => sum + capsule.parts.length, 0);
    expect(inCount + leftOut!.examples.length + leftOut!.depth.length).toBe(18);
  });

  it('count with the chosen encoding', () => {
    const budget = Math.round(bundle('xml', undefined, byDocument, cl100k).tokens * 0.6);
    const result = bundle('xml', budget, byDocument, cl100k);
    expect(result.bundle.encoding).toBe('cl100k_base');
    expect(cl100k.count(result.output)).toBeLessThanOrEqual(budget);
    expect(result.output).toContain('encoding="cl100k_base"');
  });

  it('refuse a budget too small, naming the smallest that works', () => {
    expect(() => bundle('json', 10)).toThrow(BudgetError);
    expect(() => bundle('json', 10)).toThrow(/A budget of 10 tokens is too small for `ProblemFirst`, `SmallSteps`, `BlamelessReview` whole: the smallest budget that fits them is \d+ tokens/);
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
            expect(error).toBeInstanceOf(BudgetError);
            // The refusal is exact: the minimum it names works.
            expect((error as BudgetError).minimum).toBeGreaterThan(budget);
            expect(counter.count(bundle(format, (error as BudgetError).minimum, { capsules, depth }).output)).toBeLessThanOrEqual((error as BudgetError).minimum);
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

/** The minimum a refusal of a budget of 1 names. */
function smallestWorkingBudget(format: BundleFormat, selection: Selection = everything): number {
  try {
    bundle(format, 1, selection);
  } catch (error) {
    if (error instanceof BudgetError && error.message.endsWith(`is ${error.minimum} tokens`)) return error.minimum;
  }
  throw new Error('expected a budget of 1 to be too small');
}

describe('bundles of a summary graph', () => {
  it('are the same as of whole models when the parts come from each document read whole', async () => {
    const summarized = (await loadGraph({ root: fixtureRoot, summarize: true })).graph;
    // Both graphs list the capsules in the same order; a map by node is what a reader keeps.
    const sources = new Map(summarized.capsules.map((node, index) => [node, capsuleSources(graph.document(node.document)!, graph.capsules[index]!.capsule)]));
    const sourcesOf = (node: CapsuleNode) => sources.get(node)!;
    for (const format of bundleFormats) {
      for (const budget of [undefined, 600]) {
        const options = { format, selection: everything, counter, budget };
        expect(createBundle(summarized, { ...options, sourcesOf }).output, `${format} ${budget}`).toBe(createBundle(graph, options).output);
      }
    }
    // Without the parts, a summary's capsules would be bundled empty.
    expect(createBundle(summarized, { format: 'markdown', selection: everything, counter }).output).not.toBe(bundle('markdown', undefined));
  });
});

describe('links inside a bundle\'s parts', () => {
  const rollout = new KnowledgeGraph({
    documents: Object.entries(rolloutFiles).map(([path, text]) => readDocument(path, new TextEncoder().encode(text))),
  });
  const quoted = (format: BundleFormat, linker?: ReturnType<typeof createLinker>) => createBundle(rollout, { format, selection: { capsules: ['SafeRollout'] }, counter, linker }).output;

  it('lead from the corpus root, where the bundle writes its source paths, unless told otherwise', () => {
    const markdown = quoted('markdown');
    expect(markdown).toContain('Source: `docs/ops/deploy.md`, line 3.');
    expect(markdown).toContain('**Invariant**: Roll out behind a flag; see [the runbook](docs/runbook.md#rollback) and [below](docs/ops/deploy.md#notes).');
    // An absolute path and an external link are left alone, and so is a destination written with an escape.
    expect(markdown).toContain('**Example**: The billing change went to 5% first ([log](docs/ops/logs/billing.txt)), as [the guide](/guide/flags) says.');
    expect(markdown).toContain('**Depth**: Read [Flags](https://example.net/flags), ![the flow](docs/ops/img/flow.png) and [escaped](../run\\_book.md).');
    // A reference's definition lies outside the part, so the reference has nothing to rebase.
    expect(markdown).toContain('**Why**: See [the runbook][runbook].');
    const json = JSON.parse(quoted('json')) as { capsules: { invariant: string }[] };
    expect(json.capsules[0]!.invariant).toBe('Roll out behind a flag; see [the runbook](docs/runbook.md#rollback) and [below](docs/ops/deploy.md#notes).');
  });

  it('lead from the folder the bundle is read in, or to the site\'s pages', () => {
    expect(quoted('xml', createLinker(rollout, undefined, undefined, '..'))).toContain('see [the runbook](../docs/runbook.md#rollback) and [below](../docs/ops/deploy.md#notes).');
    const site = quoted('markdown', createLinker(rollout, 'https://example.org/kb/'));
    expect(site).toContain('see [the runbook](https://example.org/kb/docs/runbook/#rollback) and [below](https://example.org/kb/docs/ops/deploy/#notes).');
    expect(site).toContain('([log](https://example.org/kb/docs/ops/logs/billing.txt))');
  });

});
