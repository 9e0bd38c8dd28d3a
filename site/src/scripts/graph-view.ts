/**
 * The graph view's browser side: fetch the page's data (`/graph.json`), place the capsules by
 * document (`layoutByDocument`) and draw them with sigma (WebGL); a capsule's invariant and
 * address come from `/graph-details/<chunk>.json` when it is first pointed at. What is drawn
 * follows the zoom (`levelView`): folders when zoomed out, then documents, then the capsules in
 * view, so a frame stays cheap however large the corpus. Hovering shows a capsule's invariant
 * (or a cluster's size); clicking a capsule opens its page, clicking a folder or document zooms
 * in. Colours stand for folders. A picture of documents (`/graph/documents.json`) is drawn the
 * same way, each document a node of its own: folders, then the documents in view.
 */
import Graph from 'graphology';
import Sigma, { DEFAULT_STYLES } from 'sigma';
import type { GraphData, GraphDetails } from '@capsule-docs/export';
import { folderColours, layoutByDocument, type Layout } from '../lib/graph-layout.js';
import { graphLevels, levelView, type Box, type GraphLevels, type LevelView } from '../lib/graph-levels.js';

/** The drawn graph, kept on its element for scripts that drive the page (tests, the console). */
export interface GraphElement extends HTMLElement {
  capsuleGraph?: Sigma;
}

/** What a drawn node stands for: a capsule, document or folder, by its position in its list. */
interface DrawnNode {
  level: LevelView['level'];
  index: number;
}

/** How long the view must rest before the level and the nodes in view are chosen again. */
const settleMs = 120;
const capsuleSize = 0.45;
/**
 * A document drawn as a node of its own sits alone in its grid cell (`layoutByDocument`), six
 * units wide: drawn larger than a capsule, its title fits beside it.
 */
const documentSize = 1.2;
/**
 * The least radius, in pixels, a node is drawn with: in a picture of many small documents a
 * capsule's own size (in layout units) can come out below a pixel, and the graph looks empty.
 */
const minimumRadius = 3;
const edgeColour = 'rgba(128, 128, 128, 0.35)';

export async function drawGraph(view: HTMLElement): Promise<void> {
  const canvas = view.querySelector<GraphElement>('.graph-canvas')!;
  const tooltip = view.querySelector<HTMLElement>('.graph-tooltip')!;
  const status = view.querySelector<HTMLElement>('.graph-status')!;
  // The page preloads it, so it is usually here by the time this script runs.
  const data = await fetchJson<GraphData>(view.dataset['graphUrl']!).catch((error: unknown) => {
    status.textContent = `The graph data could not be loaded (${error instanceof Error ? error.message : String(error)}).`;
    return undefined;
  });
  if (!data) return;

  const layout = layoutByDocument(data);
  const levels = graphLevels(data, layout);
  const graph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  let theme = themeColours();
  let renderer: Sigma;
  try {
    renderer = new Sigma(graph, canvas, {
      styles: {
        nodes: { ...DEFAULT_STYLES.nodes, labelColor: () => theme.text, backdropColor: () => theme.background },
        edges: DEFAULT_STYLES.edges,
      },
      settings: {
        // Sizes in layout units: a capsule, a document or a folder covers the area it stands for.
        itemSizesReference: 'positions',
        // ... and they grow as the view zooms in, as the distances between them do.
        zoomToSizeRatioFunction: (ratio) => ratio,
        // Labels only on things drawn large enough to hold one, so a view of hundreds stays
        // readable (and its frames quick); hovering names anything. A document alone in its
        // cell has room for its title sooner.
        labelRenderedSizeThreshold: data.nodes === 'documents' ? 8 : 14,
        labelDensity: 0.4,
        // A document's title is longer than a capsule's name: fewer of them, so that they do not run into each other.
        labelGridCellSize: data.nodes === 'documents' ? 320 : 160,
        minCameraRatio: 0.002,
        maxCameraRatio: 4,
      },
    });
  } catch (error) {
    const index = data.nodes === 'documents' ? 'The document index lists every document.' : 'The capsule index lists every capsule.';
    status.textContent = `The graph could not be drawn: this browser has no WebGL (${error instanceof Error ? error.message : String(error)}). ${index}`;
    return;
  }
  // The frame is the whole corpus whatever is drawn, so the picture does not jump when the level changes.
  renderer.setCustomBBox(boundsOf(levels));
  // Draw once so that the camera's matrices know the frame before the first view is chosen.
  renderer.refresh();

  let shown: LevelView | undefined;
  let drawnLeast = 0;
  let detailsMissing = false;
  const showView = () => {
    const next = levelView(levels, visibleBox(renderer, canvas));
    // The least size in layout units at this zoom; the nodes drawn keep to it as the view moves.
    const least = minimumRadius / renderer.scaleSize(1);
    if (shown && sameView(shown, next)) {
      // A pan keeps the zoom: nothing to resize, and a resize makes sigma index every node again.
      if (Math.abs(least - drawnLeast) > drawnLeast * 0.01) keepToLeastSize(graph, least);
      drawnLeast = least;
      return;
    }
    shown = next;
    drawnLeast = least;
    fillGraph(graph, data, layout, levels, next, least);
    status.textContent = describe(data, next, detailsMissing);
    view.dataset['level'] = next.level;
  };
  showView();
  // Drawn now, not at the next frame: the picture (and sigma's picking layer, which hovering
  // reads) is ready when the page says the graph is drawn.
  renderer.refresh();
  // The first view's least size was reckoned while the graph was still empty, before sigma had
  // sized the picture to it (a pixel was then a layout unit): every capsule of a small corpus
  // came out three units wide, over its neighbours one unit away, until the view was moved.
  const settled = minimumRadius / renderer.scaleSize(1);
  if (Math.abs(settled - drawnLeast) > drawnLeast * 0.01) {
    keepToLeastSize(graph, settled);
    drawnLeast = settled;
    renderer.refresh();
  }
  let settling: ReturnType<typeof setTimeout> | undefined;
  renderer.getCamera().on('updated', () => {
    tooltip.hidden = true;
    clearTimeout(settling);
    settling = setTimeout(showView, settleMs);
  });

  const details = nodeDetails(view.dataset['detailsUrl']!, data.detailsChunkSize, () => {
    detailsMissing = true;
    if (shown) status.textContent = describe(data, shown, detailsMissing);
  });
  followPointer(renderer, graph, { data, details, levels }, { canvas, tooltip });
  new MutationObserver(() => {
    theme = themeColours();
    renderer.refresh();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  canvas.capsuleGraph = renderer;
  view.dataset['nodes'] = String(data.names.length);
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return (await response.json()) as T;
}

/** A node's address and summary, a capsule's invariant or a document's description (`''` when it has none). */
interface NodeDetail {
  url: string;
  summary: string;
}

/** The nodes' details, fetched a chunk at a time as their nodes are first pointed at. */
interface NodeDetails {
  /** The details of node `index`, if its chunk has arrived. */
  known(index: number): NodeDetail | undefined;
  /** The details of node `index`, fetching its chunk if need be; a chunk that failed is asked for again next time. */
  load(index: number): Promise<NodeDetail>;
}

function nodeDetails(folderUrl: string, chunkSize: number, onFailure: () => void): NodeDetails {
  const arrived = new Map<number, GraphDetails>();
  const asked = new Map<number, Promise<GraphDetails>>();
  const detail = (chunk: GraphDetails, index: number): NodeDetail => {
    const at = index % chunkSize;
    return { url: chunk.urls[at]!, summary: chunk.summaries[at] ?? '' };
  };
  return {
    known(index) {
      const chunk = arrived.get(Math.floor(index / chunkSize));
      return chunk && detail(chunk, index);
    },
    async load(index) {
      const number = Math.floor(index / chunkSize);
      let chunk = asked.get(number);
      if (!chunk) {
        chunk = fetchJson<GraphDetails>(`${folderUrl}${number}.json`);
        asked.set(number, chunk);
        chunk.then(
          (details) => arrived.set(number, details),
          () => {
            asked.delete(number);
            onFailure();
          },
        );
      }
      return detail(await chunk, index);
    },
  };
}

/** What pointing at a node reads. */
interface PointerData {
  data: GraphData;
  details: NodeDetails;
  levels: GraphLevels;
}

/**
 * The node id of a drawn thing: a capsule's name, a document's address (titles repeat), or a
 * key neither can take for a cluster.
 */
function nodeId(data: GraphData, level: LevelView['level'], index: number): string {
  if (level !== 'capsules') return `\u0000${level} ${index}`;
  return data.nodes === 'documents' ? data.documents[index]!.url : data.names[index]!;
}

/** Put the view's nodes and references into the (emptied) graph sigma draws, none smaller than `least` (layout units). */
function fillGraph(graph: Graph, data: GraphData, layout: Layout, levels: GraphLevels, view: LevelView, least: number): void {
  graph.clear();
  const nodeSize = data.nodes === 'documents' ? documentSize : capsuleSize;
  const clusterAt = (index: number) =>
    view.level === 'capsules' ? undefined : view.level === 'documents' ? levels.documents[index]! : levels.folders[index]!;
  for (const index of view.nodes) {
    const cluster = clusterAt(index);
    const attributes = cluster
      ? { x: cluster.x, y: cluster.y, size: Math.max(cluster.radius, nodeSize), color: folderColours[cluster.colour], label: clusterLabel(data, levels, view.level, index) }
      : { x: layout.x[index], y: layout.y[index], size: nodeSize, color: folderColours[layout.colour[index]!], label: data.names[index]! };
    const drawn: DrawnNode = { level: view.level, index };
    graph.addNode(nodeId(data, view.level, index), { ...attributes, ownSize: attributes.size, size: Math.max(attributes.size, least), drawn });
  }
  const heaviest = Math.max(1, ...view.edges.map(([, , weight]) => weight));
  // Line widths follow the size of what they join (sizes are in layout units), heavier sums wider.
  const clusters = view.nodes.map((index) => clusterAt(index)?.radius ?? nodeSize);
  const unit = clusters.reduce((sum, radius) => sum + radius, 0) / Math.max(1, clusters.length);
  for (const [source, target, weight] of view.edges) {
    const size = view.level === 'capsules' ? 0.2 : unit * (0.01 + 0.05 * Math.sqrt(weight / heaviest));
    graph.mergeEdge(nodeId(data, view.level, source), nodeId(data, view.level, target), { size, color: edgeColour });
  }
}

/** Draw every node at least `least` large (layout units), or at its own size when that is larger. */
function keepToLeastSize(graph: Graph, least: number): void {
  // No hints: sigma repaints a hinted update node by node, before it has taken in new nodes.
  graph.updateEachNodeAttributes((_, attributes) => ({ ...attributes, size: Math.max(attributes['ownSize'] as number, least) }));
}

function clusterLabel(data: GraphData, levels: GraphLevels, level: LevelView['level'], index: number): string {
  if (level === 'documents') return data.documents[index]!.title;
  return folderName(levels.folders[index]!.name);
}

function sameView(a: LevelView, b: LevelView): boolean {
  return a.level === b.level && a.nodes.length === b.nodes.length && a.nodes.every((node, at) => node === b.nodes[at]);
}

function describe(data: GraphData, view: LevelView, detailsMissing: boolean): string {
  const documents = data.nodes === 'documents';
  const whole = documents
    ? `${data.names.length} documents, ${data.edges.length / 2} links between them. Colours stand for folders.`
    : `${data.names.length} capsules in ${data.documents.length} documents, ${data.edges.length / 2} references. Colours stand for folders.`;
  const level = {
    folders: documents ? ' Zoomed out, a circle is a folder; zoom in for its documents.' : ' Zoomed out, a circle is a folder; zoom in for its documents, then their capsules.',
    documents: ' A circle is a document; zoom in for its capsules.',
    capsules: '',
  }[view.level];
  const budget = view.edgesInView > view.edges.length ? ` The ${view.edges.length} strongest of ${view.edgesInView} links in view are drawn.` : '';
  const missing = !detailsMissing
    ? ''
    : documents
      ? ' The descriptions and document addresses could not be loaded: the document index links every document.'
      : ' The invariants and capsule addresses could not be loaded: the capsule index links every capsule.';
  return whole + level + budget + missing;
}

/** The part of the layout the canvas shows, in layout coordinates. */
function visibleBox(renderer: Sigma, canvas: HTMLElement): Box {
  const corners = [
    renderer.viewportToGraph({ x: 0, y: 0 }),
    renderer.viewportToGraph({ x: canvas.clientWidth, y: canvas.clientHeight }),
  ];
  return {
    minX: Math.min(corners[0]!.x, corners[1]!.x),
    maxX: Math.max(corners[0]!.x, corners[1]!.x),
    minY: Math.min(corners[0]!.y, corners[1]!.y),
    maxY: Math.max(corners[0]!.y, corners[1]!.y),
  };
}

/** The extent of every document's capsules, as sigma's custom bounding box. */
function boundsOf(levels: GraphLevels): { x: [number, number]; y: [number, number] } {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const cluster of levels.documents) {
    if (cluster.capsules === 0) continue;
    minX = Math.min(minX, cluster.x - cluster.radius);
    maxX = Math.max(maxX, cluster.x + cluster.radius);
    minY = Math.min(minY, cluster.y - cluster.radius);
    maxY = Math.max(maxY, cluster.y + cluster.radius);
  }
  return Number.isFinite(minX) ? { x: [minX, maxX], y: [minY, maxY] } : { x: [0, 1], y: [0, 1] };
}

/** The tooltip on hover, a capsule's page on click, a closer look on a cluster's click. */
function followPointer(renderer: Sigma, graph: Graph, pointed: PointerData, parts: { canvas: HTMLElement; tooltip: HTMLElement }): void {
  const { canvas, tooltip } = parts;
  const drawnAt = (node: string) => graph.getNodeAttribute(node, 'drawn') as DrawnNode;
  let hovered: DrawnNode | undefined;
  renderer.on('enterNode', ({ node }) => {
    const position = renderer.graphToViewport(graph.getNodeAttributes(node) as { x: number; y: number });
    const drawn = (hovered = drawnAt(node));
    tooltip.replaceChildren(...tooltipLines(pointed, drawn));
    // A node whose details have not come yet shows its invariant or description when they do.
    if (drawn.level === 'capsules' && !pointed.details.known(drawn.index)) {
      pointed.details.load(drawn.index).then(() => {
        if (hovered === drawn && !tooltip.hidden) tooltip.replaceChildren(...tooltipLines(pointed, drawn));
      }, () => undefined);
    }
    tooltip.style.left = `${position.x}px`;
    tooltip.style.top = `${position.y + 14}px`;
    tooltip.hidden = false;
    canvas.style.cursor = 'pointer';
  });
  renderer.on('leaveNode', () => {
    hovered = undefined;
    tooltip.hidden = true;
    canvas.style.cursor = '';
  });
  renderer.on('clickNode', ({ node }) => {
    const drawn = drawnAt(node);
    if (drawn.level === 'capsules') {
      // Without the details there is no address to open; the status line says so.
      pointed.details.load(drawn.index).then((detail) => window.location.assign(detail.url), () => undefined);
      return;
    }
    const display = renderer.getNodeDisplayData(node);
    if (display) void renderer.getCamera().animate({ x: display.x, y: display.y, ratio: renderer.getCamera().ratio / 4 }, { duration: 300 });
  });
}

function tooltipLines({ data, details, levels }: PointerData, drawn: DrawnNode): Node[] {
  const documents = data.nodes === 'documents';
  if (drawn.level === 'capsules') {
    const home = data.documents[data.documentOf[drawn.index]!];
    const degree = `${levels.outDegree[drawn.index]} out, ${levels.inDegree[drawn.index]} in`;
    // Until the details arrive the tooltip names the node without its invariant or description.
    const detail = details.known(drawn.index);
    const summary = detail ? [document.createTextNode(detail.summary || (documents ? 'No description written.' : 'No invariant written.'))] : [];
    const where = documents ? `${folderName(home?.folder ?? '')} · links: ${degree}` : `${home?.title} · ${degree}`;
    return [strong(data.names[drawn.index]!), ...summary, ...(home ? [small(where)] : [])];
  }
  if (drawn.level === 'documents') {
    const home = data.documents[drawn.index]!;
    return [strong(home.title), small(`${levels.documents[drawn.index]!.capsules} capsules · click to zoom in`)];
  }
  const folder = levels.folders[drawn.index]!;
  const holds = documents ? `${folder.documents} documents` : `${folder.documents} documents, ${folder.capsules} capsules`;
  return [strong(folderName(folder.name)), small(`${holds} · click to zoom in`)];
}

function folderName(name: string): string {
  return name === '' ? '(top folder)' : `${name}/`;
}

function themeColours(): { text: string; background: string } {
  const css = getComputedStyle(document.documentElement);
  return {
    text: css.getPropertyValue('--sl-color-white').trim() || '#000',
    background: css.getPropertyValue('--sl-color-bg').trim() || '#fff',
  };
}

function strong(text: string): HTMLElement {
  const element = document.createElement('strong');
  element.textContent = text;
  return element;
}

function small(text: string): HTMLElement {
  const element = document.createElement('small');
  element.textContent = text;
  return element;
}

