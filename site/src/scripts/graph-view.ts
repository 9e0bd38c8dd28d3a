/**
 * The graph view's browser side: fetch `/graph.json`, place the capsules by document
 * (`layoutByDocument`) and draw them with sigma, which renders through WebGL and so stays
 * smooth at tens of thousands of capsules. Hovering a capsule shows its invariant and its
 * references; clicking opens its page. Colours stand for folders.
 */
import Graph from 'graphology';
import Sigma, { DEFAULT_STYLES } from 'sigma';
import type { GraphData } from '@capsule-docs/export';
import { folderColours, layoutByDocument } from '../lib/graph-layout.js';

/** Past this many references, edges are hidden while the view moves, so panning stays fluid. */
const edgesWhileMovingLimit = 5_000;

/** The drawn graph, kept on its element for scripts that drive the page (tests, the console). */
export interface GraphElement extends HTMLElement {
  capsuleGraph?: Sigma;
}

export async function drawGraph(view: HTMLElement): Promise<void> {
  const canvas = view.querySelector<GraphElement>('.graph-canvas')!;
  const tooltip = view.querySelector<HTMLElement>('.graph-tooltip')!;
  const status = view.querySelector<HTMLElement>('.graph-status')!;
  let data: GraphData;
  try {
    const response = await fetch(view.dataset['graphUrl']!);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    data = (await response.json()) as GraphData;
  } catch (error) {
    status.textContent = `The graph data could not be loaded (${error instanceof Error ? error.message : String(error)}).`;
    return;
  }

  const layout = layoutByDocument(data);
  const graph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  for (const [index, node] of data.nodes.entries()) {
    graph.addNode(node.id, {
      x: layout.x[index],
      y: layout.y[index],
      size: data.nodes.length > 2_000 ? 2 : 6,
      color: folderColours[layout.colour[index]!],
      label: node.id,
    });
  }
  const edgeColour = 'rgba(128, 128, 128, 0.35)';
  for (const [source, target] of data.edges) {
    graph.mergeEdge(data.nodes[source]!.id, data.nodes[target]!.id, { size: 0.5, color: edgeColour });
  }

  // Labels and the hover backdrop follow Starlight's theme, read again on a theme switch.
  let theme = themeColours();
  let renderer: Sigma;
  try {
    renderer = new Sigma(graph, canvas, {
      styles: {
        nodes: { ...DEFAULT_STYLES.nodes, labelColor: () => theme.text, backdropColor: () => theme.background },
        edges: DEFAULT_STYLES.edges,
      },
      settings: {
        hideEdgesOnMove: data.edges.length > edgesWhileMovingLimit,
        hideLabelsOnMove: data.nodes.length > edgesWhileMovingLimit,
        // Sizes in screen pixels, so that a large corpus zoomed out stays a field of dots.
        itemSizesReference: 'screen',
        labelRenderedSizeThreshold: 6,
        minCameraRatio: 0.005,
        maxCameraRatio: 4,
      },
    });
  } catch (error) {
    status.textContent = `The graph could not be drawn: this browser has no WebGL (${error instanceof Error ? error.message : String(error)}). The capsule index lists every capsule.`;
    return;
  }

  const byId = new Map(data.nodes.map((node) => [node.id, node]));
  renderer.on('enterNode', ({ node }) => {
    const capsule = byId.get(node)!;
    const position = renderer.graphToViewport(graph.getNodeAttributes(node) as { x: number; y: number });
    const home = data.documents[capsule.document];
    tooltip.replaceChildren(
      strong(capsule.id),
      document.createTextNode(capsule.invariant || 'No invariant written.'),
      ...(home ? [small(`${home.title} · ${graph.outDegree(node)} out, ${graph.inDegree(node)} in`)] : []),
    );
    tooltip.style.left = `${position.x}px`;
    tooltip.style.top = `${position.y + 14}px`;
    tooltip.hidden = false;
    canvas.style.cursor = 'pointer';
  });
  renderer.on('leaveNode', () => {
    tooltip.hidden = true;
    canvas.style.cursor = '';
  });
  renderer.getCamera().on('updated', () => {
    tooltip.hidden = true;
  });
  renderer.on('clickNode', ({ node }) => {
    window.location.assign(byId.get(node)!.url);
  });
  new MutationObserver(() => {
    theme = themeColours();
    renderer.refresh();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  canvas.capsuleGraph = renderer;
  status.textContent = `${data.nodes.length} capsules in ${data.documents.length} documents, ${data.edges.length} references. Colours stand for folders.`;
  view.dataset['nodes'] = String(graph.order);
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
