/**
 * SeeAlso items written in the located and noted forms are edges like any other: they are
 * backlinks of their target, keep it from being an orphan, walk the neighbourhood, and a
 * document's own See Also gives edges from the document.
 */
import { describe, expect, it } from 'vitest';
import { crossFileKeys } from './cross-file-keys.js';
import { graphToJson } from './formats.js';
import { validateGraphJson } from './schemas.js';
import { summarizeModel } from './summary.js';
import { capsuleText, graphFromTexts } from './testing.js';
import { KnowledgeGraph } from './graph.js';
import { readDocument } from './document.js';

const texts = {
  'main.md': [
    '# Main',
    '',
    capsuleText('LeaderElection', '`QuorumRead` in notes.md, FencingToken — the lease guard'),
    '## See Also',
    '',
    '- QuorumWrite (the other half), `MissingOne` in notes.md',
    '- https://example.com/quorum',
    '',
  ].join('\n'),
  'notes.md': ['# Notes', '', capsuleText('QuorumRead'), capsuleText('QuorumWrite'), capsuleText('FencingToken')].join('\n'),
};

describe('SeeAlso items in located and noted forms', () => {
  const graph = graphFromTexts(texts);

  it('resolve, and are backlinks of their targets with the note kept', () => {
    const quorumRead = graph.backlinks('QuorumRead').filter((edge) => edge.kind === 'see-also');
    expect(quorumRead.map((edge) => [edge.from, edge.qualifier, edge.status, edge.position.start.line])).toEqual([['LeaderElection', 'notes.md', 'resolved', 14]]);
    const fencing = graph.backlinks('FencingToken').filter((edge) => edge.kind === 'see-also');
    expect(fencing.map((edge) => [edge.from, edge.note])).toEqual([['LeaderElection', 'the lease guard']]);
  });

  it('walk the neighbourhood and keep their targets from being orphans', () => {
    expect(graph.neighbourhood('LeaderElection', 1).map((entry) => entry.capsule.name)).toEqual(['QuorumRead', 'FencingToken']);
    // QuorumWrite is cited only by the document's own See Also, LeaderElection by nothing.
    expect(graph.orphans().map((node) => node.name)).toEqual(['LeaderElection']);
  });

  it("give a document's own See Also edges from the document, resolved like any SeeAlso", () => {
    const own = graph.edges.filter((edge) => edge.kind === 'see-also' && edge.fromCapsule === undefined);
    expect(own.map((edge) => [edge.from, edge.target, edge.qualifier, edge.note, edge.status, edge.position.start.line])).toEqual([
      ['main.md', 'QuorumWrite', undefined, 'the other half', 'resolved', 18],
      ['main.md', 'MissingOne', 'notes.md', undefined, 'unknown-name', 18],
      ['main.md', 'https://example.com/quorum', undefined, undefined, 'external', 19],
    ]);
    expect(graph.backlinks('QuorumWrite').map((edge) => edge.from)).toEqual(['main.md']);
  });

  it('are in the graph JSON, which its schema accepts', () => {
    const json = graphToJson(graph);
    expect(validateGraphJson(json)).toEqual([]);
    expect(json.edges.filter((edge) => edge.kind === 'see-also' && edge.from === 'main.md').map((edge) => edge.note)).toEqual(['the other half', undefined, undefined]);
  });

  it("are cross-file keys, the document's own included, whole model or summary", () => {
    const model = graph.document('main.md')!.model;
    for (const version of [model, summarizeModel(model)]) {
      const keys = crossFileKeys('main.md', version);
      expect(keys.references).toEqual(expect.arrayContaining(['QuorumRead', 'FencingToken', 'QuorumWrite', 'MissingOne']));
      expect(keys.targets).toContain('notes.md');
    }
  });
});

describe('SeeAlso items that name a docs resource or a place that is no file', () => {
  const graph = graphFromTexts({
    'docs/guide/planning.md': ['# Planning', '', capsuleText('RiskReview'), capsuleText('ScopeCut')].join('\n'),
    'AGENTS.md': [
      '# Agents',
      '',
      capsuleText('ReviewGate', '`RiskReview` in the planning guide, docs:///guide/planning.md, ScopeCut (in docs:///guide/planning.md), docs:///guide/gone.md'),
    ].join('\n'),
  });
  const edges = graph.edges.filter((edge) => edge.kind === 'see-also' && edge.from === 'ReviewGate');

  it('resolve a name whose location is prose by its name alone, and a docs resource under the docs folder', () => {
    expect(edges.map((edge) => [edge.target, edge.status, edge.toDocument])).toEqual([
      ['RiskReview', 'resolved', 'docs/guide/planning.md'],
      ['docs:///guide/planning.md', 'resolved', 'docs/guide/planning.md'],
      ['ScopeCut', 'resolved', 'docs/guide/planning.md'],
      ['docs:///guide/gone.md', 'missing-document', undefined],
    ]);
    expect(edges[0]?.note).toBe('in the planning guide');
  });

  it('count the documents a docs resource may be as cross-file keys', () => {
    expect(crossFileKeys('AGENTS.md', graph.document('AGENTS.md')!.model).targets).toEqual(
      expect.arrayContaining(['guide/planning.md', 'docs/guide/planning.md', 'docs/guide/gone.md']),
    );
  });
});

describe('SeeAlso paths written as a line of a file or as a glob', () => {
  const graph = graphFromTexts(
    { 'docs/guide.md': ['# Guide', '', '## See Also', '', '- `src/app.py:10` - the handler', '- `skills/*/SKILL.md` - every skill', '- `skills/*/NONE.md`', '- `src/gone.py:3`', ''].join('\n') },
    ['src/app.py', 'skills/deploy/SKILL.md'],
  );

  it('resolve to the file, or to a file the glob matches; a line of no file and a glob of none stay missing', () => {
    const edges = graph.edges.filter((edge) => edge.kind === 'see-also');
    expect(edges.map((edge) => [edge.target, edge.status, edge.toDocument])).toEqual([
      ['src/app.py:10', 'resolved', 'src/app.py'],
      ['skills/*/SKILL.md', 'resolved', 'skills/deploy/SKILL.md'],
      ['skills/*/NONE.md', 'missing-document', undefined],
      ['src/gone.py:3', 'missing-document', undefined],
    ]);
  });
});

describe('a SeeAlso path from the repository top', () => {
  it('is missing when the repository has no such file, as a link to it is, and outside when it leaves the repository', () => {
    const text = ['# Guide', '', '## See Also', '', '- `/docs/gone.md` - the overview', '- [the overview](/docs/gone.md)', '- `../../../elsewhere.md`', ''].join('\n');
    const graph = new KnowledgeGraph({ documents: [readDocument('docs/guide.md', new TextEncoder().encode(text))], files: [], rootInRepository: '' });
    const edges = graph.edges.filter((edge) => edge.target.includes('gone') || edge.target.includes('elsewhere'));
    expect(edges.map((edge) => [edge.kind, edge.target, edge.status])).toEqual([
      ['see-also', '/docs/gone.md', 'missing-document'],
      ['see-also', '/docs/gone.md', 'missing-document'],
      ['see-also', '../../../elsewhere.md', 'outside-root'],
      ['links-to', '/docs/gone.md', 'missing-document'],
    ]);
  });
});
