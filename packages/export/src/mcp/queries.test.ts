import { describe, expect, it } from 'vitest';
import { KnowledgeGraph, readDocument } from '@capsule-docs/graph';
import { fixtureGraph } from '../__fixtures__/load.js';
import { ExportError } from '../errors.js';
import { checklistFor, searchCapsules } from './queries.js';

const graph = await fixtureGraph();
const names = (query: Parameters<typeof searchCapsules>[1]) => searchCapsules(graph, query).map((hit) => hit.name);

describe('searchCapsules', () => {
  it('ranks a name match above matches in the invariant or body', () => {
    const hits = searchCapsules(graph, { query: 'small steps' });
    expect(hits[0]).toEqual({
      name: 'SmallSteps',
      invariant: 'Change one thing at a time and verify it before the next.',
      document: 'ops/running.md',
      line: graph.capsule('SmallSteps')!.capsule.headingPosition.start.line,
      score: expect.any(Number),
    });
    expect(names({ query: 'problem' })).toEqual(['ProblemFirst', 'HostileFraming', 'TriedRollback', 'RiskNaming']);
  });

  it('finds a rule once: not a sample of the format, nor a stub copy in an agent file', () => {
    expect(names({ query: 'queue' })).toEqual([]);
    const stubbed = new KnowledgeGraph({
      documents: Object.entries({
        'CLAUDE.md': '# Agents\n\n### Capsule: SmallSteps\n\n**Invariant**\nChange one thing at a time.\n',
        'ops.md': '# Ops\n\n### Capsule: SmallSteps\n\n**Invariant**\nChange one thing at a time.\n\n**Example**\nOne flag per deploy.\n',
      }).map(([path, text]) => readDocument(path, new TextEncoder().encode(text))),
    });
    expect(searchCapsules(stubbed, { query: 'change' }).map((hit) => hit.document)).toEqual(['ops.md']);
  });

  it('requires every word to match somewhere, SeeAlso names included', () => {
    expect(names({ query: 'rollback tried' })).toEqual(['TriedRollback', 'SmallSteps']);
    expect(names({ query: 'rollback nonexistentword' })).toEqual([]);
  });

  it('narrows by tag and category, ignoring case', () => {
    expect(names({ tag: 'planning' })).toEqual(['ProblemFirst', 'ReadBeforeChange', 'RiskNaming']);
    expect(names({ category: 'runbooks' })).toEqual(['SmallSteps', 'TriedRollback']);
    expect(names({ query: 'change', tag: 'Planning' })).toEqual(['ReadBeforeChange', 'ProblemFirst']);
  });

  it('keeps corpus order among equal scores and honours the limit', () => {
    expect(names({ limit: 3 })).toEqual(['HostileFraming', 'UnclosedFence', 'SmallSteps']);
  });
});

describe('checklistFor', () => {
  it('gives a document\'s items with where each cited capsule is defined', () => {
    const items = checklistFor(graph, { document: 'ops/running' });
    expect(items.map((item) => item.text)).toEqual(['Each step was verified before the next (SmallSteps)', 'The rollback was tried (TriedRollback, ProblemFirst)']);
    expect(items[1]!.cites).toEqual([
      { name: 'TriedRollback', document: 'ops/running.md', line: graph.capsule('TriedRollback')!.capsule.headingPosition.start.line },
      { name: 'ProblemFirst', document: 'planning.md', line: graph.capsule('ProblemFirst')!.capsule.headingPosition.start.line },
    ]);
  });

  it('gives every item citing a capsule, across documents', () => {
    expect(checklistFor(graph, { capsule: 'ProblemFirst' }).map((item) => [item.document, item.text])).toEqual([
      ['ops/running.md', 'The rollback was tried (TriedRollback, ProblemFirst)'],
      ['planning.md', 'The problem is stated without a solution (ProblemFirst)'],
    ]);
    expect(checklistFor(graph, { capsule: 'ProblemFirst', document: 'planning.md' })).toHaveLength(1);
  });

  it('says what is wrong with the question', () => {
    expect(() => checklistFor(graph, {})).toThrow(ExportError);
    expect(() => checklistFor(graph, { capsule: 'ProblemFist' })).toThrow(/No capsule is named `ProblemFist`/);
    expect(() => checklistFor(graph, { document: 'nowhere.md' })).toThrow(/No document `nowhere.md`/);
    expect(() => checklistFor(graph, { document: '' })).toThrow(/^A document path was left empty$/);
    expect(() => checklistFor(graph, { capsule: ' ' })).toThrow(/^A capsule name was left empty$/);
  });
});
