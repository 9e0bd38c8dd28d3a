import { describe, expect, it } from 'vitest';
import { fixtureGraph } from './__fixtures__/load.js';
import { ExportError } from './errors.js';
import { selectCapsules, type Selection } from './select.js';

const graph = await fixtureGraph();

const names = (selection: Selection) => selectCapsules(graph, selection).map((entry) => entry.node.name);
const failure = (selection: Selection) => {
  try {
    selectCapsules(graph, selection);
  } catch (error) {
    expect(error).toBeInstanceOf(ExportError);
    return error as ExportError;
  }
  throw new Error('expected the selection to fail');
};

describe('selection filters', () => {
  it('takes every capsule in corpus order when nothing narrows it', () => {
    expect(names({})).toEqual(graph.capsules.map((node) => node.name));
    expect(names({})).toEqual(['Hostile', 'Unclosed', 'Delta', 'Epsilon', 'Zeta', 'Alpha', 'Beta', 'Gamma']);
  });

  it('keeps the order capsules are named in', () => {
    expect(names({ capsules: ['Gamma', 'Alpha', 'Gamma'] })).toEqual(['Gamma', 'Alpha']);
  });

  it('selects by tag, ignoring case', () => {
    expect(names({ tags: ['planning'] })).toEqual(['Alpha', 'Beta', 'Gamma']);
  });

  it('selects by category name, without the strength', () => {
    expect(names({ categories: ['Runbooks'] })).toEqual(['Delta', 'Epsilon']);
    expect(names({ categories: ['Workflows'] })).toEqual(['Delta', 'Epsilon', 'Alpha', 'Beta', 'Gamma']);
  });

  it('selects by audience', () => {
    expect(names({ audiences: ['Humans'] })).toEqual(['Zeta', 'Alpha', 'Beta', 'Gamma']);
  });

  it('selects by document, with or without the .md', () => {
    expect(names({ documents: ['ops/running'] })).toEqual(['Delta', 'Epsilon']);
    expect(names({ documents: ['./people.md'] })).toEqual(['Zeta']);
  });

  it('treats values of one filter as alternatives and different filters as all required', () => {
    expect(names({ tags: ['Operations', 'Culture'] })).toEqual(['Delta', 'Epsilon', 'Zeta']);
    expect(names({ capsules: ['Delta', 'Alpha'], documents: ['planning.md'] })).toEqual(['Alpha']);
    expect(failure({ capsules: ['Delta'], tags: ['Planning'] }).message).toMatch(/No capsule matches every filter/);
  });

  it('names the nearest capsule, tag or document when a value matches nothing', () => {
    expect(failure({ capsules: ['Alpah'] }).hint).toBe('Did you mean `Alpha`?');
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
    const selected = selectCapsules(graph, { capsules: ['Alpha'], depth: 2 });
    expect(selected.map((entry) => [entry.node.name, entry.distance, entry.via?.name])).toEqual([
      ['Alpha', 0, undefined],
      ['Beta', 1, 'Alpha'],
      ['Gamma', 1, 'Alpha'],
      ['Delta', 2, 'Beta'],
    ]);
  });

  it('orders neighbours of several capsules by distance, then by selection order', () => {
    const selected = selectCapsules(graph, { capsules: ['Gamma', 'Beta'], depth: 2 });
    expect(selected.map((entry) => [entry.node.name, entry.distance])).toEqual([
      ['Gamma', 0],
      ['Beta', 0],
      ['Alpha', 1],
      ['Delta', 1],
      ['Epsilon', 2],
    ]);
  });

  it('walks cycles once', () => {
    expect(names({ capsules: ['Alpha'], depth: 10 })).toEqual(['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon']);
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
    expect(names({ documents: ['people.md'], depth: 1 })).toEqual(['Zeta', 'Delta']);
  });
});
