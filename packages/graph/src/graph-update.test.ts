/**
 * `replaceDocuments` against the plain truth: a graph built afresh from the same documents.
 * Every look-up the graph answers is compared, after changes that rename, remove, add,
 * duplicate and stub capsules, and that add or drop references, citations and mentions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocument, type CorpusDocument } from './document.js';
import { KnowledgeGraph } from './graph.js';
import { capsuleText } from './testing.js';

const encoder = new TextEncoder();
const read = (path: string, text: string) => readDocument(path, encoder.encode(text));

const corpus: Record<string, string> = {
  'a.md': `# A\n\n${capsuleText('Alpha', 'Beta, Gamma')}\nThe \`Beta\` capsule says more.\n`,
  'b.md': `# B\n\n${capsuleText('Beta', 'Alpha')}\n${capsuleText('Delta', 'Missing (in a.md)')}`,
  'c.md': `# C\n\n## Checklist\n\n- [ ] Write it down (Alpha)\n- [ ] Check the other (Epsilon)\n\nSee [the A heading](a.md#a) and \`Delta\`.\n`,
  'notes/d.md': `# D\n\n${capsuleText('Gamma', 'Beta (in b.md)')}`,
};

/** Everything a consumer can ask of a graph, as plain data. */
function answers(graph: KnowledgeGraph): unknown {
  const edge = (found: (typeof graph.edges)[number]) => ({
    ...found,
    fromCapsule: found.fromCapsule?.id,
    to: found.to?.id,
  });
  const names = graph.names();
  return {
    documents: graph.documents.map((document) => document.path),
    capsules: graph.capsules.map((node) => node.id),
    edges: graph.edges.map(edge),
    names,
    byName: names.map((name) => graph.capsulesNamed(name).map((node) => node.id)),
    first: names.map((name) => graph.capsule(name)?.id),
    backlinks: graph.capsules.map((node) => graph.backlinks(node).map(edge)),
    from: graph.capsules.map((node) => graph.referencesFrom(node).map(edge)),
    edgesIn: graph.documents.map((document) => graph.edgesIn(document.path).map(edge)),
    orphans: graph.orphans().map((node) => node.id),
    duplicates: graph.duplicates().map(({ name, capsules }) => [name, capsules.map((node) => node.id)]),
    tags: graph.tags(),
    suggestions: names.map((name) => graph.nameSuggestions().suggest(`${name}x`)),
  };
}

function documentsOf(texts: Record<string, string>): CorpusDocument[] {
  return Object.entries(texts).map(([path, text]) => read(path, text));
}

/** Apply the edits one after another to one graph, checking it against a fresh build each time. */
function expectEqualAfter(edits: Record<string, string>[], start = corpus): void {
  let texts = { ...start };
  const graph = new KnowledgeGraph({ documents: documentsOf(texts) });
  for (const edit of edits) {
    texts = { ...texts, ...edit };
    graph.replaceDocuments(Object.entries(edit).map(([path, text]) => read(path, text)));
    expect(answers(graph)).toEqual(answers(new KnowledgeGraph({ documents: documentsOf(texts) })));
  }
}

describe('replacing documents in a graph', () => {
  it('equals a fresh build after a capsule is renamed, and after it is named back', () => {
    const renamed = corpus['b.md']!.replace('Capsule: Beta', 'Capsule: Bravo');
    expectEqualAfter([{ 'b.md': renamed }, { 'b.md': corpus['b.md']! }]);
  });

  it('equals a fresh build when a page comes to take in a fragment, whose links it then reads, and when it no longer does', () => {
    // c.md names nothing notes/d.md defines: only taking it in makes its links read anew.
    const linking = `${corpus['c.md']}\nSee [the D notes](./d.md).\n`;
    expectEqualAfter([
      { 'c.md': linking },
      { 'notes/d.md': `${corpus['notes/d.md']}\n--8<-- "c.md"\n` },
      { 'notes/d.md': corpus['notes/d.md']! },
    ]);
    const graph = new KnowledgeGraph({ documents: documentsOf({ ...corpus, 'c.md': linking, 'notes/d.md': `${corpus['notes/d.md']}\n--8<-- "c.md"\n` }) });
    expect(graph.edgesIn('c.md').find((edge) => edge.target === './d.md')?.toDocument).toBe('notes/d.md');
  });

  it('equals a fresh build when the copy an agent reads of a document comes to differ from it, and when it is synced again', () => {
    // Written for the copy in `.claude/rules/`: from `docs/ai/rules/` the paths reach no file.
    const source = `# Rules\n\nSee [d](../../notes/d.md) and [c](../../c.md#c).\n`;
    const start = { ...corpus, 'docs/ai/rules/sync.md': source, '.claude/rules/sync.md': source };
    expectEqualAfter([{ '.claude/rules/sync.md': `${source}\nEdited here.\n` }, { '.claude/rules/sync.md': source }, { 'docs/ai/rules/sync.md': `${source}\n` }], start);
    const synced = new KnowledgeGraph({ documents: documentsOf(start) });
    expect(synced.edgesIn('docs/ai/rules/sync.md').map((edge) => edge.toDocument)).toEqual(['notes/d.md', 'c.md']);
  });

  it('equals a fresh build after a capsule is removed and one is added', () => {
    expectEqualAfter([{ 'notes/d.md': '# D\n\nNothing here now.\n' }, { 'notes/d.md': `# D\n\n${capsuleText('Epsilon', 'Alpha')}` }]);
  });

  it('equals a fresh build when a name comes to be defined twice, and when the first definition goes', () => {
    expectEqualAfter([
      { 'notes/d.md': `${corpus['notes/d.md']}\n${capsuleText('Alpha')}` },
      { 'a.md': '# A\n\nEmpty.\n' },
      { 'a.md': corpus['a.md']! },
    ]);
  });

  it('equals a fresh build when a stub copy is written before the full definition', () => {
    const stub = '### Capsule: Beta\n\n**Invariant**\nBeta holds.\n';
    expectEqualAfter([{ 'a.md': `${stub}\n${corpus['a.md']}` }]);
  });

  it('equals a fresh build after references, citations and mentions change', () => {
    expectEqualAfter([
      { 'c.md': corpus['c.md']!.replace('(Epsilon)', '(Gamma)').replace('`Delta`', '`Beta` and `Gamma`') },
      { 'a.md': corpus['a.md']!.replace('SeeAlso: Beta, Gamma', 'SeeAlso: Delta, Nowhere') },
      { 'a.md': corpus['a.md']!, 'c.md': corpus['c.md']! },
    ]);
  });

  it('names the documents whose edges it made again: the changed ones and those naming their capsules', () => {
    const graph = new KnowledgeGraph({ documents: documentsOf(corpus) });
    const renamed = read('notes/d.md', corpus['notes/d.md']!.replace('Capsule: Gamma', 'Capsule: Gamma2'));
    expect([...graph.replaceDocuments([renamed])].sort()).toEqual(['a.md', 'notes/d.md']);
    // A document that defines no capsule reaches no other document's edges.
    const prose = read('c.md', `${corpus['c.md']}\nOne more line.\n`);
    expect([...graph.replaceDocuments([prose])]).toEqual(['c.md']);
  });

  it('suggests names that a replacement brought, and no longer those it took away', () => {
    const graph = new KnowledgeGraph({ documents: documentsOf(corpus) });
    expect(graph.nameSuggestions().suggest('Gammma')).toBe('Gamma');
    graph.replaceDocuments([read('notes/d.md', corpus['notes/d.md']!.replace('Capsule: Gamma', 'Capsule: Sigma'))]);
    expect(graph.nameSuggestions().suggest('Gammma')).toBeUndefined();
    expect(graph.nameSuggestions().suggest('Sigmma')).toBe('Sigma');
  });

  it('refuses a document it does not hold', () => {
    const graph = new KnowledgeGraph({ documents: documentsOf(corpus) });
    expect(() => graph.replaceDocuments([read('new.md', '# New\n')])).toThrow('`new.md` is not a document of this graph');
  });
});

describe('replacing documents, over generated corpora and edits', () => {
  const paths = ['a.md', 'b.md', 'docs/c.md', 'docs/d.md', 'notes/e.md'];
  const names = ['Alpha', 'Beta', 'Gamma', 'Delta'];
  const capsule = fc.record({ name: fc.constantFrom(...names), seeAlso: fc.uniqueArray(fc.constantFrom(...names, 'Nowhere'), { maxLength: 3 }) });
  /** A document of zero to three capsules, and perhaps a checklist item citing a name. */
  const text = fc
    .record({ capsules: fc.array(capsule, { maxLength: 3 }), cites: fc.option(fc.constantFrom(...names, 'Nowhere'), { nil: undefined }) })
    .map(({ capsules, cites }) =>
      ['# Doc', '', ...capsules.map(({ name, seeAlso }) => capsuleText(name, seeAlso.length > 0 ? seeAlso.join(', ') : undefined)), cites ? `- [ ] Check it (${cites})\n` : ''].join('\n'),
    );
  const corpusOf = fc.tuple(...paths.map(() => text));
  const edit = fc.record({ path: fc.constantFrom(...paths), text });

  it('equals a fresh build after every edit, whichever documents hold capsules, references or none', () => {
    fc.assert(
      fc.property(corpusOf, fc.array(fc.array(edit, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 4 }), (start, edits) => {
        const texts: Record<string, string> = Object.fromEntries(paths.map((path, index) => [path, start[index]!]));
        const graph = new KnowledgeGraph({ documents: documentsOf(texts) });
        for (const batch of edits) {
          const changed = new Map(batch.map(({ path, text }) => [path, text]));
          for (const [path, changedText] of changed) texts[path] = changedText;
          graph.replaceDocuments([...changed].map(([path, changedText]) => read(path, changedText)));
          expect(answers(graph)).toEqual(answers(new KnowledgeGraph({ documents: documentsOf(texts) })));
        }
      }),
      { numRuns: 150 },
    );
  });
});
