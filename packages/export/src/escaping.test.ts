/**
 * Capsule text that looks like the framing of an export format: closing tags, XML special
 * characters, code fences longer than ours, headings and HTML inside an Example. Whatever
 * a capsule holds, every format must keep its own structure and carry the text unchanged.
 */
import { readDocument, KnowledgeGraph } from '@capsule-docs/graph';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseCapsuleDocument } from 'remark-capsules';
import { describe, expect, it } from 'vitest';
import { fixtureGraph } from './__fixtures__/load.js';
import { createBundle, type BundleFormat } from './bundle.js';
import { BudgetError } from './errors.js';
import { validateBundleJson } from './schema.js';
import { partSource } from './part-markdown.js';
import { loadTokenCounter } from './tokens.js';

const counter = await loadTokenCounter();
const fixture = await fixtureGraph();
const xml = new XMLParser({ ignoreAttributes: false, trimValues: false, processEntities: true, isArray: (name) => name === 'capsule' });

function render(graph: KnowledgeGraph, format: BundleFormat, capsules: string[], budget?: number): string {
  return createBundle(graph, { format, selection: { capsules }, counter, budget }).output;
}

/** The parts a bundle shows of each named capsule (the first of each kind), as the source has them. */
function sourceParts(graph: KnowledgeGraph, capsules: string[]): Record<string, Record<string, string>> {
  return Object.fromEntries(
    capsules.map((name) => {
      const node = graph.capsule(name)!;
      const document = graph.document(node.document)!;
      const { invariant, example, depth } = node.capsule;
      const parts = [invariant, example, depth].map((part) => partSource(document, part)).filter((part) => part !== undefined);
      return [name, Object.fromEntries(parts.map((part) => [part.kind, part.markdown]))];
    }),
  );
}

/** Read a Markdown bundle back: its headings, and each capsule's parts as written or fenced. */
function readMarkdownBundle(output: string) {
  const { model } = parseCapsuleDocument(output, 'bundle.md');
  const parts = Object.fromEntries(
    model.capsules.map((capsule) => [
      capsule.name,
      Object.fromEntries(
        capsule.parts.map((part) => {
          const [only] = part.nodes;
          // A fenced part reads back as one code block whose value is the source.
          const text = part.nodes.length === 1 && only?.type === 'code' && only.lang === 'markdown' ? only.value : output.slice(part.contentPosition!.start.offset, part.contentPosition!.end.offset);
          return [part.kind, text];
        }),
      ),
    ]),
  );
  return { headings: model.headings.map((heading) => `${'#'.repeat(heading.depth)} ${heading.text}`), parts };
}

function readXmlBundle(output: string) {
  expect(XMLValidator.validate(output)).toBe(true);
  const root = xml.parse(output)['capsule-context'];
  const capsules = (root.capsule ?? []) as Record<string, unknown>[];
  return Object.fromEntries(
    capsules.map((capsule) => [
      capsule['@_name'],
      Object.fromEntries(['invariant', 'example', 'depth'].filter((kind) => kind in capsule).map((kind) => [kind, String(capsule[kind]).slice(1, -1)])),
    ]),
  );
}

function readJsonBundle(output: string) {
  const json = JSON.parse(output);
  expect(validateBundleJson(json)).toEqual([]);
  return Object.fromEntries(
    (json.capsules as Record<string, string>[]).map((capsule) => [
      capsule['name'],
      Object.fromEntries(['invariant', 'example', 'depth'].filter((kind) => kind in capsule).map((kind) => [kind, capsule[kind]])),
    ]),
  );
}

describe('a hostile capsule', () => {
  const capsules = ['HostileFraming', 'UnclosedFence', 'ProblemFirst'];
  const expected = sourceParts(fixture, capsules);

  it('keeps the Markdown bundle\'s headings its own and its text intact', () => {
    const output = render(fixture, 'markdown', capsules);
    const read = readMarkdownBundle(output);
    expect(read.headings).toEqual(['# Capsule context', '## Capsule: HostileFraming', '## Capsule: UnclosedFence', '## Capsule: ProblemFirst']);
    expect(read.parts).toEqual(expected);
  });

  it('keeps the note on what was left out outside an unclosed fence', () => {
    // Both named capsules whole at the smallest budget that holds them; their neighbours left out.
    const selection = { capsules: ['UnclosedFence', 'ProblemFirst'], depth: 1 };
    const minimum = (() => {
      try {
        createBundle(fixture, { format: 'markdown', selection, counter, budget: 1 });
      } catch (error) {
        if (error instanceof BudgetError) return error.minimum;
      }
      throw new Error('expected a budget of 1 to be too small');
    })();
    const output = createBundle(fixture, { format: 'markdown', selection, counter, budget: minimum }).output;
    expect(output).toContain('# this fence is never closed');
    expect(readMarkdownBundle(output).headings).toEqual(['# Capsule context', '## Capsule: UnclosedFence', '## Capsule: ProblemFirst', '## Left out to fit the budget']);
  });

  it('escapes XML so the document stays well-formed and the text reads back unchanged', () => {
    const output = render(fixture, 'xml', capsules);
    expect(output).toContain('Text such as &lt;/capsule&gt; &amp; &lt;invariant&gt; or ]]&gt; stays text');
    expect(readXmlBundle(output)).toEqual(expected);
  });

  it('stays valid JSON that matches the schema', () => {
    expect(readJsonBundle(render(fixture, 'json', capsules))).toEqual(expected);
  });
});

describe('any capsule text', () => {
  const fragments = ['</capsule>', '</example>', ']]>', '&amp;', '<', '>', '"', '```', '````', '~~~', '# ', '## Capsule: Forged', '<!--', '-->', '<div>', '    ', '\n', '\n\n', '- ', '1. ', '> ', '**Depth**', '===', '---', 'word', '`', '\\', '\u0007', 'é'];
  const text = fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 24 }).map((pieces) => pieces.join(''));

  it('keeps every format well-formed and reads back unchanged', () => {
    fc.assert(
      fc.property(text, text, text, (invariant, example, depth) => {
        const source = `# Doc\n\n### Capsule: Fuzzed\n\n**Invariant**\nKeep ${invariant.replace(/\n/g, ' ')}\n\n**Example**\n\n${example}\n\n**Depth**\n\n- ${depth.replace(/\n/g, ' ')}\n`;
        const graph = new KnowledgeGraph({ documents: [readDocument('fuzzed.md', new TextEncoder().encode(source))] });
        if (!graph.capsule('Fuzzed')) return;
        const expected = sourceParts(graph, ['Fuzzed']);

        const markdown = readMarkdownBundle(render(graph, 'markdown', ['Fuzzed']));
        expect(markdown.headings).toEqual(['# Capsule context', '## Capsule: Fuzzed']);
        expect(markdown.parts).toEqual(expected);
        const xmlParts = readXmlBundle(render(graph, 'xml', ['Fuzzed']));
        // XML cannot hold some control characters at all; they stand as U+FFFD.
        const xmlSafe = JSON.parse(JSON.stringify(expected).replace(/\\u0007/g, '\uFFFD'));
        expect(xmlParts).toEqual(xmlSafe);
        expect(readJsonBundle(render(graph, 'json', ['Fuzzed']))).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
