/**
 * The graph view's data and layout and the capsule pages' neighbourhoods, without a build:
 * the JSON the page fetches, where capsules are placed, and the capsules around each one.
 */
import { describe, expect, it } from 'vitest';
import { documentGraphData, documentGraphDetails, graphData, graphDetails, graphDetailsChunkSize, type DocumentGraphInput, type GraphInput } from '@capsule-docs/export';
import { layoutByDocument } from '../../site/src/lib/graph-layout.js';
import { drawLimits, graphLevels, levelView, type Box } from '../../site/src/lib/graph-levels.js';
import { neighbourhoods } from '../../site/src/lib/neighbourhood.js';

/** A published capsule of document `path` referring to `targets`. */
function capsule(name: string, path: string, targets: string[]): GraphInput {
  return {
    capsule: { name, url: `/capsules/${name}/`, invariant: { text: `${name} holds.` }, seeAlso: targets.map((target) => ({ capsule: target })) },
    document: { title: path, corpus: { path, url: `/${path.replace(/\.md$/, '')}/` } },
  };
}

const sample = [
  capsule('Alpha', 'guides/one.md', ['Beta', 'Beta', 'Gamma', 'Alpha']),
  capsule('Beta', 'guides/one.md', ['Delta']),
  capsule('Gamma', 'guides/two.md', ['Unknown']),
  capsule('Delta', 'notes/three.md', ['Epsilon']),
  capsule('Epsilon', 'notes/three.md', []),
];

/** A published document at `path` linking to the documents at `targets`. */
function linking(path: string, targets: string[], description?: string): DocumentGraphInput {
  const url = (at: string) => `/${at.replace(/\.md$/, '')}/`;
  return { title: path === 'guides/two.md' ? 'Guide' : path, description, corpus: { path, url: url(path), links: targets.map(url) } };
}

describe('documentGraphData', () => {
  const documents = [
    linking('guides/one.md', ['guides/two.md', 'guides/two.md', 'notes/three.md', 'guides/one.md', 'gone.md'], 'The first.'),
    linking('guides/two.md', ['guides/one.md']),
    linking('notes/three.md', []),
    // A second page of the same title: a node of its own.
    { ...linking('notes/four.md', ['guides/two.md']), title: 'Guide' },
  ];

  it('makes each document a node of its own, with an edge for each other document it links to, drawn once', () => {
    const data = documentGraphData(documents);
    expect(data.nodes).toBe('documents');
    expect(data.names).toEqual(['guides/one.md', 'Guide', 'notes/three.md', 'Guide']);
    expect(data.documentOf).toEqual([0, 1, 2, 3]);
    expect(data.documents.map((document) => [document.url, document.folder])).toEqual([
      ['/guides/one/', 'guides'],
      ['/guides/two/', 'guides'],
      ['/notes/three/', 'notes'],
      ['/notes/four/', 'notes'],
    ]);
    // Not to itself, nor to a page that is not published.
    expect(data.edges).toEqual([0, 1, 0, 2, 1, 0, 3, 1]);
    expect(graphData([]).nodes).toBe('capsules');
  });

  it('keeps addresses and descriptions apart from what is drawn', () => {
    const [details, ...more] = documentGraphDetails(documents);
    expect(more).toEqual([]);
    expect(details).toEqual({ urls: ['/guides/one/', '/guides/two/', '/notes/three/', '/notes/four/'], summaries: ['The first.', '', '', ''] });
    expect(JSON.stringify(documentGraphData(documents))).not.toContain('The first.');
  });

  it('is laid out and drawn by the levels a picture of capsules is: the documents in view, else their folders', () => {
    const many = Array.from({ length: 3_000 }, (_, index) => linking(`folder-${index % 30}/page-${index}.md`, [`folder-${(index + 1) % 30}/page-${(index + 1) % 3_000}.md`]));
    const data = documentGraphData(many);
    const levels = graphLevels(data, layoutByDocument(data));
    const everything: Box = { minX: -Infinity, minY: -Infinity, maxX: Infinity, maxY: Infinity };
    expect(levelView(levels, everything).level).toBe('folders');
    const first = levels.documents[0]!;
    const near = levelView(levels, { minX: first.x - 10, minY: first.y - 10, maxX: first.x + 10, maxY: first.y + 10 });
    expect(near.level).toBe('capsules');
    expect(near.nodes).toContain(0);
  });
});

describe('graphData', () => {
  it('lists each document once and refers to documents and nodes by position', () => {
    const data = graphData(sample);
    expect(data.documents).toEqual([
      { title: 'guides/one.md', url: '/guides/one/', folder: 'guides' },
      { title: 'guides/two.md', url: '/guides/two/', folder: 'guides' },
      { title: 'notes/three.md', url: '/notes/three/', folder: 'notes' },
    ]);
    expect(data.names).toEqual(['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon']);
    expect(data.documentOf).toEqual([0, 0, 1, 2, 2]);
  });

  it('keeps addresses and invariants apart from what is drawn, in the order of the nodes', () => {
    const silent = capsule('Silent', 'notes/three.md', []);
    const [details, ...more] = graphDetails([...sample, { ...silent, capsule: { ...silent.capsule, invariant: undefined } }]);
    expect(more).toEqual([]);
    expect(details!.urls).toEqual(['/capsules/Alpha/', '/capsules/Beta/', '/capsules/Gamma/', '/capsules/Delta/', '/capsules/Epsilon/', '/capsules/Silent/']);
    expect(details!.summaries).toEqual(['Alpha holds.', 'Beta holds.', 'Gamma holds.', 'Delta holds.', 'Epsilon holds.', '']);
    expect(JSON.stringify(graphData(sample))).not.toContain('holds.');
  });

  it('cuts the details into chunks of the size the drawn data names, node n in chunk n / size', () => {
    const inputs = generated(1_000, 5, 4);
    const data = graphData(inputs);
    const chunks = graphDetails(inputs);
    expect(data.detailsChunkSize).toBe(graphDetailsChunkSize);
    expect(chunks.map((chunk) => chunk.urls.length)).toEqual([2_000, 2_000, 1_000]);
    for (const node of [0, 1_999, 2_000, 4_321, 4_999]) {
      const chunk = chunks[Math.floor(node / data.detailsChunkSize)]!;
      expect(chunk.urls[node % data.detailsChunkSize]).toBe(`/capsules/${data.names[node]}/`);
      expect(chunk.summaries[node % data.detailsChunkSize]).toBe(`${data.names[node]} holds.`);
    }
    expect(graphDetails([])).toEqual([]);
  });

  it('draws a reference once, and neither a self-reference nor one that does not resolve', () => {
    // In pairs: Alpha -> Beta, Alpha -> Gamma, Beta -> Delta, Delta -> Epsilon.
    expect(graphData(sample).edges).toEqual([0, 1, 0, 2, 1, 3, 3, 4]);
  });
});

describe('layoutByDocument', () => {
  it('places every capsule nearer to the capsules of its own document than to any other', () => {
    const many = Array.from({ length: 40 }, (_, document) =>
      Array.from({ length: 3 + (document % 8) }, (_, index) => capsule(`C${document}x${index}`, `f${document % 3}/d${document}.md`, [])),
    ).flat();
    const data = graphData(many);
    const { x, y } = layoutByDocument(data);
    const distance = (a: number, b: number) => Math.hypot(x[a]! - x[b]!, y[a]! - y[b]!);
    for (let a = 0; a < data.names.length; a++) {
      let ownFarthest = 0;
      let otherNearest = Infinity;
      for (let b = 0; b < data.names.length; b++) {
        if (a === b) continue;
        if (data.documentOf[a] === data.documentOf[b]) ownFarthest = Math.max(ownFarthest, distance(a, b));
        else otherNearest = Math.min(otherNearest, distance(a, b));
      }
      expect(ownFarthest).toBeLessThan(otherNearest);
    }
  });

  it('gives the documents of one folder one colour and different folders different ones', () => {
    const data = graphData(sample);
    const { colour } = layoutByDocument(data);
    expect(colour[0]).toBe(colour[2]);
    expect(colour[3]).toBe(colour[4]);
    expect(colour[0]).not.toBe(colour[3]);
  });

  it.each([
    ['forty folders of one document', 40, 1],
    ['25 folders of 400 documents', 25, 400],
  ])('makes a picture about as wide as tall of %s', (_, folders, perFolder) => {
    const documents = Array.from({ length: folders * perFolder }, (_, index) => ({ title: `${index}`, url: `/d${index}/`, folder: `f${index % folders}` }));
    const names = documents.map((_, index) => `N${index}`);
    const { x, y } = layoutByDocument({ nodes: 'capsules', documents, names, documentOf: names.map((_, index) => index), edges: [], detailsChunkSize: graphDetailsChunkSize });
    const extent = (values: Float64Array) => Math.max(...values) - Math.min(...values);
    const aspect = extent(x) / extent(y);
    expect(aspect).toBeGreaterThan(0.7);
    expect(aspect).toBeLessThan(1.5);
  });

  it('places 75,000 capsules of 10,000 documents at distinct points', () => {
    const documents = Array.from({ length: 10_000 }, (_, index) => ({ title: `${index}`, url: `/d${index}/`, folder: `f${index % 25}` }));
    const names = Array.from({ length: 75_000 }, (_, index) => `N${index}`);
    const { x, y } = layoutByDocument({ nodes: 'capsules', documents, names, documentOf: names.map((_, index) => index % 10_000), edges: [], detailsChunkSize: graphDetailsChunkSize });
    expect(new Set(names.map((_, index) => `${x[index]!.toFixed(6)},${y[index]!.toFixed(6)}`)).size).toBe(75_000);
  });
});

/** A corpus of `documents` documents of `perDocument` capsules in `folders` folders, each capsule citing the next document's first. */
function generated(documents: number, perDocument: number, folders: number): GraphInput[] {
  const inputs: GraphInput[] = [];
  for (let document = 0; document < documents; document++) {
    const path = `area-${document % folders}/doc-${document}.md`;
    for (let place = 0; place < perDocument; place++) {
      inputs.push(capsule(`C${document}x${place}`, path, [`C${(document + 1) % documents}x0`]));
    }
  }
  return inputs;
}

describe('graphLevels and levelView', () => {
  const whole = (levels: ReturnType<typeof graphLevels>): Box => {
    const folders = levels.folders.filter((folder) => folder.capsules > 0);
    return {
      minX: Math.min(...folders.map((folder) => folder.x - folder.radius)),
      maxX: Math.max(...folders.map((folder) => folder.x + folder.radius)),
      minY: Math.min(...folders.map((folder) => folder.y - folder.radius)),
      maxY: Math.max(...folders.map((folder) => folder.y + folder.radius)),
    };
  };

  it('sums references between documents and between folders, leaving out those inside one', () => {
    const data = graphData(sample);
    const levels = graphLevels(data, layoutByDocument(data));
    expect(levels.folders.map((folder) => [folder.name, folder.documents, folder.capsules])).toEqual([
      ['guides', 2, 3],
      ['notes', 1, 2],
    ]);
    // Alpha -> Gamma crosses documents inside guides; Beta -> Delta crosses folders; Delta -> Epsilon stays home.
    expect(levels.documentEdges.sort()).toEqual([
      [0, 1, 1],
      [0, 2, 1],
    ]);
    expect(levels.folderEdges).toEqual([[0, 1, 1]]);
    expect([...levels.outDegree]).toEqual([2, 1, 0, 1, 0]);
    expect([...levels.inDegree]).toEqual([0, 1, 1, 1, 1]);
  });

  it('draws every capsule of a small corpus, with its references', () => {
    const data = graphData(sample);
    const levels = graphLevels(data, layoutByDocument(data));
    const view = levelView(levels, whole(levels));
    expect(view.level).toBe('capsules');
    expect([...view.nodes].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(view.edges).toHaveLength(data.edges.length / 2);
  });

  it('draws a large corpus as folders, then documents, then the capsules in view, never more than the limits', () => {
    const data = graphData(generated(10_000, 7, 25));
    const levels = graphLevels(data, layoutByDocument(data));
    const box = whole(levels);
    const zoomed = (ratio: number): Box => {
      const centreX = (box.minX + box.maxX) / 2;
      const centreY = (box.minY + box.maxY) / 2;
      const width = ((box.maxX - box.minX) * ratio) / 2;
      const height = ((box.maxY - box.minY) * ratio) / 2;
      return { minX: centreX - width, maxX: centreX + width, minY: centreY - height, maxY: centreY + height };
    };
    // Zooming in step by step goes from folders to documents to capsules, never back.
    const views = Array.from({ length: 40 }, (_, step) => levelView(levels, zoomed(0.9 ** step)));
    const order = views.map((view) => view.level).filter((level, at, all) => at === 0 || all[at - 1] !== level);
    expect(order).toEqual(['folders', 'documents', 'capsules']);
    const levelsSeen = order.map((level) => views.find((view) => view.level === level)!);
    expect(levelsSeen[0]!.nodes).toHaveLength(25);
    expect(levelsSeen[1]!.nodes.length).toBeLessThanOrEqual(drawLimits.documents);
    expect(levelsSeen[2]!.nodes.length).toBeGreaterThan(0);
    expect(levelsSeen[2]!.nodes.length).toBeLessThanOrEqual(drawLimits.capsules);
    for (const view of levelsSeen) {
      expect(view.edges.length).toBeLessThanOrEqual(drawLimits.edges);
      // Only references between drawn nodes, strongest first.
      const drawn = new Set(view.nodes);
      for (const [source, target] of view.edges) expect(drawn.has(source) && drawn.has(target)).toBe(true);
      for (let at = 1; at < view.edges.length; at++) expect(view.edges[at - 1]![2]).toBeGreaterThanOrEqual(view.edges[at]![2]);
    }
    // Capsules are drawn whole documents at a time: every capsule of a drawn document is drawn.
    const capsules = new Set(levelsSeen[2]!.nodes);
    for (const node of capsules) for (const member of levels.members[data.documentOf[node]!]!) expect(capsules.has(member)).toBe(true);
  });
});

describe('neighbourhoods', () => {
  it('finds the capsules one and two SeeAlso steps away, in either direction', () => {
    const rings = neighbourhoods(sample);
    expect(rings.get('Beta')).toEqual([
      { distance: 1, shown: [{ name: 'Alpha', url: '/capsules/Alpha/' }, { name: 'Delta', url: '/capsules/Delta/' }], total: 2 },
      { distance: 2, shown: [{ name: 'Epsilon', url: '/capsules/Epsilon/' }, { name: 'Gamma', url: '/capsules/Gamma/' }], total: 2 },
    ]);
    // Three steps away is outside: Epsilon reaches Delta, then Beta, not Alpha.
    expect(rings.get('Epsilon')!.flatMap((ring) => ring.shown.map((neighbour) => neighbour.name))).toEqual(['Delta', 'Beta']);
  });

  it('has no ring for a capsule no resolved reference touches', () => {
    const rings = neighbourhoods([capsule('Lonely', 'a.md', ['Nowhere', 'Lonely'])]);
    expect(rings.get('Lonely')).toEqual([]);
  });

  it('has no ring for a name no published capsule has', () => {
    expect(neighbourhoods(sample).get('Nowhere')).toEqual([]);
  });

  it('links a sample of the format only to other samples', () => {
    const model = (name: string, targets: string[]) => {
      const entry = capsule(name, 'writing.md', targets);
      return { ...entry, capsule: { ...entry.capsule, sample: true } };
    };
    const rings = neighbourhoods([...sample, model('QueueOwnership', ['Alpha', 'TeamQueue']), model('TeamQueue', [])]);
    expect(rings.get('Alpha')!.flatMap((ring) => ring.shown.map((neighbour) => neighbour.name))).not.toContain('QueueOwnership');
    expect(rings.get('QueueOwnership')).toEqual([{ distance: 1, shown: [{ name: 'TeamQueue', url: '/capsules/TeamQueue/' }], total: 1 }]);
  });

  it('cuts a long ring to its first names and keeps the count', () => {
    const spokes = Array.from({ length: 30 }, (_, index) => capsule(`Spoke${String(index).padStart(2, '0')}`, 'b.md', ['Hub']));
    const rings = neighbourhoods([capsule('Hub', 'a.md', []), ...spokes], 2, 5);
    expect(rings.get('Hub')).toEqual([
      { distance: 1, shown: spokes.slice(0, 5).map(({ capsule }) => ({ name: capsule.name, url: capsule.url })), total: 30 },
    ]);
  });
});
