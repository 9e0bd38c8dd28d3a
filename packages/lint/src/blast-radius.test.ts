/**
 * `documentsToRecheck` against the plain truth: lint the whole corpus before and after an
 * edit, and every document whose findings differ must be among those it names. Edits that
 * touch no name must name the edited document alone.
 */
import { describe, expect, it } from 'vitest';
import { KnowledgeGraph, readDocument, type CorpusDocument } from '@capsule-docs/graph';
import { blastRadius, documentsToRecheck, frontmatterFacts } from './blast-radius.js';
import { lintGraph, type LintOptions } from './host.js';

const encoder = new TextEncoder();
const read = (path: string, text: string): CorpusDocument => readDocument(path, encoder.encode(text));
/** A small well-formed capsule, with SeeAlso entries when given. */
function capsuleText(name: string, seeAlso?: string): string {
  const depth = ['**Depth**', '', '- Distinction: what sets it apart', ...(seeAlso ? [`- SeeAlso: ${seeAlso}`] : [])];
  return ['### Capsule: ' + name, '', '**Invariant**', `${name} holds.`, '', '**Example**', 'A case of it.', '', ...depth, ''].join('\n');
}

const options: LintOptions = { rules: { 'orphan-capsule': 'info' } };

const corpus: Record<string, string> = {
  'a.md': `# A\n\n## Background\n\nWhy.\n\n${capsuleText('AlphaRule', 'BetaRule, GammaRule')}\nThe \`BetaRule\` capsule says more.\n`,
  'b.md': `---\ndescription: B\ntags: [Beta]\naudience: [Humans]\n---\n# B\n\n${capsuleText('BetaRule', 'AlphaRule')}\n${capsuleText('DeltaRule', 'OmegaRule (in a.md)')}`,
  'c.md': `# C\n\nSee [the background](a.md#background).\n\n## Checklist\n\n- [ ] Write it down (AlphaRule)\n- [ ] Check the other (EpsilonRul)\n`,
  'd.md': `---\ndescription: D\naudience: [Humans]\n---\n# D\n\n${capsuleText('GammaRule', 'ZetaRuel')}`,
  'e.md': `# E\n\n${capsuleText('LonelyRule', 'SecretStore')}`,
  'AGENTS.md': '# Agents\n\n### Capsule: GammaRule\n\n**Invariant**: GammaRule holds.\n',
};

const documents = (texts: Record<string, string>) => Object.entries(texts).map(([path, text]) => read(path, text));
const findings = (graph: KnowledgeGraph) =>
  new Map(lintGraph(graph, options).files.map(({ path, messages }) => [path, JSON.stringify(messages.map((message) => [message.ruleId, message.line, message.column, message.reason]))]));

/** The documents an edit of `path` is said to touch, and those whose findings really changed. */
function recheckAfter(path: string, text: string): { recheck: Set<string>; changed: string[] } {
  const live = new KnowledgeGraph({ documents: documents(corpus) });
  const before = findings(live);
  const namesBefore = live.document(path)!.model.capsules.map((capsule) => capsule.name);
  const targetsBefore = live.edgesIn(path).flatMap((edge) => edge.toDocument ?? []);
  const frontmatterBefore = frontmatterFacts(live.document(path));
  const rewired = live.replaceDocuments([read(path, text)]);
  const recheck = documentsToRecheck(live, { paths: [path], namesBefore, targetsBefore, rewired, frontmatterBefore });
  const after = findings(new KnowledgeGraph({ documents: documents({ ...corpus, [path]: text }) }));
  const changed = [...after.keys()].filter((document) => after.get(document) !== before.get(document));
  return { recheck, changed };
}

describe('the documents an edit can give findings or take them from', () => {
  const edits: [string, string, string][] = [
    ['renaming a referenced capsule', 'b.md', corpus['b.md']!.replace('Capsule: BetaRule', 'Capsule: Bravo')],
    ['defining a name others miss', 'e.md', `${corpus['e.md']}\n${capsuleText('OmegaRule')}${capsuleText('EpsilonRule')}`],
    ['defining a name near a misspelt one', 'e.md', `${corpus['e.md']}\n${capsuleText('ZetaRule')}`],
    ['defining a name twice', 'e.md', `${corpus['e.md']}\n${capsuleText('AlphaRule')}`],
    ['removing a heading others link to', 'a.md', corpus['a.md']!.replace('## Background', '## Motivation')],
    ['referencing a capsule nothing referenced', 'a.md', corpus['a.md']!.replace('SeeAlso: BetaRule, GammaRule', 'SeeAlso: BetaRule, GammaRule, LonelyRule')],
    ['dropping the only reference to a capsule', 'a.md', corpus['a.md']!.replace('SeeAlso: BetaRule, GammaRule', 'SeeAlso: BetaRule')],
    ['breaking its own reference', 'c.md', corpus['c.md']!.replace('(AlphaRule)', '(AlphRule)')],
    ['removing the full capsule of an agent file\'s stub', 'd.md', corpus['d.md']!.replace('Capsule: GammaRule', 'Capsule: GammaPrime')],
    ['dropping the only document\'s tags, which another lacks', 'b.md', corpus['b.md']!.replace('tags: [Beta]\n', '')],
    ['setting a convention field no document set', 'e.md', `---\ndescription: E\naudience: [Humans]\ncategories: ["Rules[100%]"]\n---\n${corpus['e.md']}`],
    ['a document taking part in the convention, so a field fewer than most now set', 'e.md', `---\ndescription: E\naudience: [Humans]\n---\n${corpus['e.md']}`],
    ['tagging a document with a name a SeeAlso cites', 'b.md', corpus['b.md']!.replace('tags: [Beta]', 'tags: [Beta, SecretStore]')],
  ];
  for (const [what, path, text] of edits) {
    it(`names every document whose findings change: ${what}`, () => {
      const { recheck, changed } = recheckAfter(path, text);
      expect(changed.length).toBeGreaterThan(0);
      for (const document of changed) expect([...recheck]).toContain(document);
    });
  }

  it('names only the edited document and what its references reach when it defines no capsule', () => {
    const { recheck } = recheckAfter('c.md', `${corpus['c.md']}\nOne more sentence of prose.\n`);
    expect([...recheck].sort()).toEqual(['a.md', 'c.md']);
  });

  it('names the documents around a capsule whose text alone changed: its referrers and the first definition', () => {
    const { recheck } = recheckAfter('b.md', corpus['b.md']!.replace('BetaRule holds.', 'BetaRule holds firmly.'));
    expect([...recheck].sort()).toEqual(['a.md', 'b.md']);
  });

  it('reports, for a check of the given documents, on the agent file whose stub lost its full capsule', () => {
    const graph = new KnowledgeGraph({ documents: documents({ ...corpus, 'd.md': corpus['d.md']!.replace('Capsule: GammaRule', 'Capsule: GammaPrime') }) });
    expect([...blastRadius(graph, ['d.md'], ['GammaRule'])].sort()).toEqual(['AGENTS.md', 'd.md']);
    expect([...blastRadius(graph, ['d.md'], ['GammaPrime'])]).toEqual(['d.md']);
  });

  it('reports, for a check of the given documents, the documents whose links into them lost their anchor or their page', () => {
    const texts = { 'c.md': corpus['c.md']!, 'a.md': corpus['a.md']!.replace('## Background', '## Motivation'), 'f.md': '# F\n\nSee [the guide](./guide).\n' };
    const graph = new KnowledgeGraph({ documents: documents(texts) });
    // `#background` is gone from a.md; `./guide` named `guide.mdx`, which the change deleted.
    expect([...blastRadius(graph, ['a.md'], [])].sort()).toEqual(['a.md', 'c.md']);
    expect([...blastRadius(graph, ['guide.mdx'], [])]).toEqual(['f.md']);
    // Told its anchors at the revision before, only an anchor it had then is the change's loss.
    expect([...blastRadius(graph, ['a.md'], [], new Map([['a.md', new Set(['a', 'background'])]]))].sort()).toEqual(['a.md', 'c.md']);
    expect([...blastRadius(graph, ['a.md'], [], new Map([['a.md', new Set(['a', 'motivation'])]]))]).toEqual(['a.md']);
    // An anchor the document still has, in another case, is no loss.
    const kept = new KnowledgeGraph({ documents: documents({ ...texts, 'a.md': corpus['a.md']!.replace('## Background', '## BACKGROUND') }) });
    expect([...blastRadius(kept, ['a.md'], [])]).toEqual(['a.md']);
  });

  it('does not blame a change to a document that is still there for a link that names it wrongly', () => {
    // `./docs/faq.md` from `pack/` reaches nothing whether or not `docs/faq.md` was edited.
    const graph = new KnowledgeGraph({ documents: documents({ 'docs/faq.md': '# FAQ\n', 'pack/README.md': '# Pack\n\nSee [the FAQ](./docs/faq.md).\n' }) });
    expect([...blastRadius(graph, ['docs/faq.md'], [])]).toEqual(['docs/faq.md']);
  });
});
