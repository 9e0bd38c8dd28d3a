/**
 * The graph view's browser side: fetch the capsules and references, draw them with
 * cytoscape, show a capsule's invariant on hover and open its page on click. Colours come
 * from Starlight's theme variables and follow a switch between light and dark.
 */
import cytoscape, { type Core, type StylesheetJson } from 'cytoscape';
import type { GraphData } from '../lib/graph-data.js';

/** cose lays out well but costs quadratic time; past this many nodes a cheaper layout is used. */
const forceLayoutLimit = 600;

/** The drawn graph, kept on its element for scripts that drive the page (tests, the console). */
export interface GraphElement extends HTMLElement {
  capsuleGraph?: Core;
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

  const graph = cytoscape({
    container: canvas,
    elements: [
      ...data.nodes.map((node) => ({ group: 'nodes' as const, data: { ...node, label: node.id } })),
      ...data.edges.map((edge) => ({ group: 'edges' as const, data: { id: `${edge.source}->${edge.target}`, ...edge } })),
    ],
    style: themeStyle(),
    layout:
      data.nodes.length <= forceLayoutLimit
        ? // Spread enough that names can be read without zooming in first.
          { name: 'cose', animate: false, padding: 24, idealEdgeLength: 50, nodeRepulsion: 20_000, gravity: 20 }
        : { name: 'concentric', animate: false, minNodeSpacing: 8, padding: 24 },
    minZoom: 0.05,
    maxZoom: 4,
  });

  graph.on('mouseover', 'node', (event) => {
    const node = event.target;
    const position = node.renderedPosition();
    tooltip.replaceChildren(strong(node.id()), document.createTextNode(node.data('invariant') || 'No invariant written.'));
    tooltip.style.left = `${position.x}px`;
    tooltip.style.top = `${position.y + 14}px`;
    tooltip.hidden = false;
    canvas.style.cursor = 'pointer';
  });
  graph.on('mouseout', 'node', () => {
    tooltip.hidden = true;
    canvas.style.cursor = '';
  });
  graph.on('viewport', () => {
    tooltip.hidden = true;
  });
  graph.on('tap', 'node', (event) => {
    window.location.assign(event.target.data('url'));
  });

  // Follow Starlight's theme switch.
  new MutationObserver(() => graph.style(themeStyle())).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  });

  canvas.capsuleGraph = graph;
  status.textContent = `${data.nodes.length} capsules, ${data.edges.length} references.`;
  view.dataset['nodes'] = String(graph.nodes().length);
}

function strong(text: string): HTMLElement {
  const element = document.createElement('strong');
  element.textContent = text;
  return element;
}

function themeStyle(): StylesheetJson {
  const css = getComputedStyle(document.documentElement);
  const colour = (name: string) => css.getPropertyValue(name).trim();
  return [
    {
      selector: 'node',
      style: {
        'background-color': colour('--sl-color-accent'),
        label: 'data(label)',
        color: colour('--sl-color-white'),
        'font-size': 12,
        'font-family': colour('--sl-font') || 'sans-serif',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'min-zoomed-font-size': 6,
        width: 14,
        height: 14,
      },
    },
    {
      selector: 'node:active, node:selected',
      style: { 'background-color': colour('--sl-color-accent-high'), 'overlay-opacity': 0 },
    },
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'line-color': colour('--sl-color-gray-4'),
        'target-arrow-color': colour('--sl-color-gray-4'),
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
      },
    },
  ];
}
