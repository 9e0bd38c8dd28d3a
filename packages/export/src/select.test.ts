import { describe, expect, it } from 'vitest';
import { KnowledgeGraph, readDocument } from '@capsule-docs/graph';
import { fixtureGraph } from './__fixtures__/load.js';
import { ExportError } from './errors.js';
import { selectCapsules, type Selection } from './select.js';

const graph = await fixtureGraph();
const graphOf = (texts: Record<string, string>) =>
  new KnowledgeGraph({ documents: Object.entries(texts).map(([path, text]) => readDocument(path, new TextEncoder().encode(text))) });

const names = (selection: Selection) => selectCapsules(graph, selection).map((entry) => entry.node.name);
const failure = (selection: Selection, of: KnowledgeGraph = graph) => {
  try {
    selectCapsules(of, selection);
  } catch (error) {
    expect(error).toBeInstanceOf(ExportError);
    return error as ExportError;
  }
  throw new Error('expected the selection to fail');
};

describe('an empty capsule name', () => {
  it('is said to be empty, with the names there are', () => {
    const error = failure({ capsules: [''] });
    expect(error.message).toBe('A capsule name was left empty');
    expect(error.hint).toMatch(/^Known capsules: `/);
  });
});

describe('selection filters', () => {
  it('takes every capsule but the samples of the format in corpus order when nothing narrows it', () => {
    expect(names({})).toEqual(graph.capsules.filter((node) => !node.capsule.sample).map((node) => node.name));
    expect(names({})).toEqual(['HostileFraming', 'UnclosedFence', 'SmallSteps', 'TriedRollback', 'BlamelessReview', 'ProblemFirst', 'ReadBeforeChange', 'RiskNaming']);
  });

  it('takes a sample of the format only when it is named', () => {
    expect(names({ capsules: ['QueueOwnership'] })).toEqual(['QueueOwnership']);
    expect(failure({ documents: ['writing.md'] }).message).toBe('The selection holds only samples of the format (`QueueOwnership`), which exports leave out');
    expect(failure({ tags: ['Writing'] }).hint).toBe('Name one with --capsule to export it anyway.');
  });

  it('takes for a name its full definitions, not a sample or a stub copy beside them', () => {
    const shared = graphOf({
      'AGENTS.md': '# Agents\n\n### Capsule: RealRule\n\n**Invariant**\nIt holds.\n',
      'guide.md': '# Guide\n\n## Example Capsules\n\n### Capsule: RealRule\n\n**Invariant**\nA sample holds.\n\n**Example**\nShown.\n',
      'real.md': '# Real\n\n### Capsule: RealRule\n\n**Invariant**\nIt holds.\n\n**Example**\nIt does.\n',
      'again.md': '# Again\n\n### Capsule: RealRule\n\n**Invariant**\nIt holds twice.\n\n**Example**\nA duplicate.\n',
    });
    expect(selectCapsules(shared, { capsules: ['RealRule'] }).map((entry) => entry.node.document)).toEqual(['again.md', 'real.md']);
  });

  it('does not reach a sample through SeeAlso', () => {
    const sampled = graphOf({
      'guide.md': '# Guide\n\n## Example Capsules\n\n### Capsule: SampleRule\n\n**Invariant**\nA sample holds.\n\n**Depth**\n\n- SeeAlso: RealRule\n',
      'real.md': '# Real\n\n### Capsule: RealRule\n\n**Invariant**\nIt holds.\n\n**Depth**\n\n- SeeAlso: SampleRule, OtherRule\n\n### Capsule: OtherRule\n\n**Invariant**\nSo does this.\n',
    });
    expect(selectCapsules(sampled, { capsules: ['RealRule'], depth: 2 }).map((entry) => entry.node.name)).toEqual(['RealRule', 'OtherRule']);
    // Named, the sample brings its real neighbours.
    expect(selectCapsules(sampled, { capsules: ['SampleRule'], depth: 1 }).map((entry) => entry.node.name)).toEqual(['SampleRule', 'RealRule']);
  });

  it('keeps the order capsules are named in', () => {
    expect(names({ capsules: ['RiskNaming', 'ProblemFirst', 'RiskNaming'] })).toEqual(['RiskNaming', 'ProblemFirst']);
  });

  it('selects by tag, ignoring case', () => {
    expect(names({ tags: ['planning'] })).toEqual(['ProblemFirst', 'ReadBeforeChange', 'RiskNaming']);
  });

  it('selects by category name, without the strength', () => {
    expect(names({ categories: ['Runbooks'] })).toEqual(['SmallSteps', 'TriedRollback']);
    expect(names({ categories: ['Workflows'] })).toEqual(['SmallSteps', 'TriedRollback', 'ProblemFirst', 'ReadBeforeChange', 'RiskNaming']);
  });

  it('selects by audience', () => {
    expect(names({ audiences: ['Humans'] })).toEqual(['BlamelessReview', 'ProblemFirst', 'ReadBeforeChange', 'RiskNaming']);
  });

  it('selects by document, with or without the .md', () => {
    expect(names({ documents: ['ops/running'] })).toEqual(['SmallSteps', 'TriedRollback']);
    expect(names({ documents: ['./people.md'] })).toEqual(['BlamelessReview']);
  });

  it('treats values of one filter as alternatives and different filters as all required', () => {
    expect(names({ tags: ['Operations', 'Culture'] })).toEqual(['SmallSteps', 'TriedRollback', 'BlamelessReview']);
    expect(names({ capsules: ['SmallSteps', 'ProblemFirst'], documents: ['planning.md'] })).toEqual(['ProblemFirst']);
    expect(failure({ capsules: ['SmallSteps'], tags: ['Planning', 'Culture'] }).message).toBe('No capsule matches all of --capsule `SmallSteps`, --tag `Planning` or `Culture`');
  });

  it('says so when the documents one filter selects hold no capsules', () => {
    const notes = graphOf({
      'rules.md': '---\ntags: ["Rules"]\n---\n# Rules\n\n### Capsule: RealRule\n\n**Invariant**\nIt holds.\n',
      'notes.md': '---\ntags: ["Notes"]\n---\n# Notes\n\nNo capsule here.\n',
    });
    expect(failure({ documents: ['notes.md'] }, notes).message).toBe('The documents --document `notes.md` selects hold no capsules');
    expect(failure({ tags: ['Notes'] }, notes).message).toBe('The documents --tag `Notes` selects hold no capsules');
    expect(failure({ tags: ['Notes'] }, notes).hint).toBe('Select documents that define capsules.');
  });

  it('says of a corpus of documents without capsules that bundles gather capsules, and which export gives its documents', () => {
    const notes = graphOf({ 'a.md': '# A\n\nText.\n', 'b.md': '# B\n\n- [ ] A step\n' });
    expect(failure({}, notes).message).toBe('The corpus has no capsules for a bundle to gather: none of its 2 documents holds a `### Capsule:` section');
    expect(failure({}, notes).hint).toBe('Export its documents whole with --format llms-full, or list them with --format llms-txt.');
    expect(failure({}, graphOf({})).hint).toBe('Check the corpus path.');
  });

  it('names the nearest capsule, tag or document when a value matches nothing', () => {
    expect(failure({ capsules: ['ProblemFrist'] }).hint).toBe('Did you mean `ProblemFirst`?');
    expect(failure({ tags: ['Operation'] }).hint).toBe('Did you mean `Operations`?');
    expect(failure({ categories: ['Workflow'] }).hint).toBe('Did you mean `Workflows`?');
    expect(failure({ documents: ['planing.md'] }).hint).toMatch(/Did you mean `planning.md`\?/);
    expect(failure({ audiences: ['Robots'] }).hint).toMatch(/Known audience values: `Humans`, `LLMs`/);
  });

  it('refuses a depth that is not a whole number', () => {
    expect(failure({ depth: -1 }).message).toMatch(/Depth must be a whole number/);
    expect(failure({ depth: 1.5 }).message).toMatch(/Depth must be a whole number/);
  });
});

describe('depth', () => {
  it('adds the SeeAlso neighbourhood nearest first, each with the capsule it was reached from', () => {
    const selected = selectCapsules(graph, { capsules: ['ProblemFirst'], depth: 2 });
    expect(selected.map((entry) => [entry.node.name, entry.distance, entry.via?.name])).toEqual([
      ['ProblemFirst', 0, undefined],
      ['ReadBeforeChange', 1, 'ProblemFirst'],
      ['RiskNaming', 1, 'ProblemFirst'],
      ['SmallSteps', 2, 'ReadBeforeChange'],
    ]);
  });

  it('orders neighbours of several capsules by distance, then by selection order', () => {
    const selected = selectCapsules(graph, { capsules: ['RiskNaming', 'ReadBeforeChange'], depth: 2 });
    expect(selected.map((entry) => [entry.node.name, entry.distance])).toEqual([
      ['RiskNaming', 0],
      ['ReadBeforeChange', 0],
      ['ProblemFirst', 1],
      ['SmallSteps', 1],
      ['TriedRollback', 2],
    ]);
  });

  it('walks cycles once', () => {
    expect(names({ capsules: ['ProblemFirst'], depth: 10 })).toEqual(['ProblemFirst', 'ReadBeforeChange', 'RiskNaming', 'SmallSteps', 'TriedRollback']);
  });

  it('agrees with the graph neighbourhood for a single capsule', () => {
    for (const node of graph.capsules) {
      for (let depth = 0; depth <= 4; depth++) {
        const expected = [{ name: node.name, distance: 0 }, ...graph.neighbourhood(node.name, depth).map((entry) => ({ name: entry.capsule.name, distance: entry.distance }))];
        const actual = selectCapsules(graph, { capsules: [node.name], depth }).map((entry) => ({ name: entry.node.name, distance: entry.distance }));
        expect(actual).toEqual(expected);
      }
    }
  });

  it('leaves neighbours out of the filters: depth reaches across documents', () => {
    expect(names({ documents: ['people.md'], depth: 1 })).toEqual(['BlamelessReview', 'SmallSteps']);
  });
});

describe('neighbours through SeeAlso items in located and noted forms', () => {
  const encoder = new TextEncoder();
  const capsule = (name: string, seeAlso?: string) =>
    [`### Capsule: ${name}`, '', '**Invariant**', `${name} holds.`, '', '**Depth**', '', ...(seeAlso ? [`- SeeAlso: ${seeAlso}`] : []), ''].join('\n');
  const texts: Record<string, string> = {
    'main.md': `# Main\n\n${capsule('LeaderElection', '`QuorumRead` in notes.md, FencingToken — the lease guard')}`,
    'notes.md': `# Notes\n\n${capsule('QuorumRead')}\n${capsule('FencingToken')}\n${capsule('Unrelated')}`,
  };
  const small = new KnowledgeGraph({ documents: Object.entries(texts).map(([path, text]) => readDocument(path, encoder.encode(text))) });

  it('brings in the capsules they name at depth 1', () => {
    expect(selectCapsules(small, { capsules: ['LeaderElection'], depth: 1 }).map((entry) => [entry.node.name, entry.distance])).toEqual([
      ['LeaderElection', 0],
      ['QuorumRead', 1],
      ['FencingToken', 1],
    ]);
  });
});
