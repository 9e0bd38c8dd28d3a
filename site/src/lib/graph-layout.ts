/**
 * Where the graph view puts each capsule: documents on a grid, a folder's documents in one
 * square block, each document's capsules packed around its centre (a sunflower spiral).
 * Linear in the number of capsules, so it places 75,000 capsules in milliseconds, where a
 * force layout would take minutes; neighbours in a folder sit side by side and share a colour.
 */
import type { GraphData } from '@capsule-docs/export';
import { compare } from './order.js';

export interface Layout {
  /** `x[i]`, `y[i]`: the position of node `i`. */
  x: Float64Array;
  y: Float64Array;
  /** The folder colour of node `i`, an index into `folderColours`. */
  colour: Uint8Array;
}

/** Colours for folders: distinct in hue, readable on the light and the dark theme. */
export const folderColours = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#b07aa1', '#edc948', '#9c755f'];

const goldenAngle = Math.PI * (3 - Math.sqrt(5));
/** Distance between neighbouring capsules of one document. */
const spacing = 1;

export function layoutByDocument(data: GraphData): Layout {
  const members: number[][] = data.documents.map(() => []);
  for (const [index, document] of data.documentOf.entries()) members[document]?.push(index);
  const order = data.documents
    .map((document, index) => ({ document, index }))
    .sort((a, b) => compare(a.document.folder, b.document.folder) || compare(a.document.url, b.document.url));
  const folders = new Map<string, number>();
  for (const { document } of order) if (!folders.has(document.folder)) folders.set(document.folder, folders.size);

  const largest = Math.max(1, ...members.map((list) => list.length));
  // A document's capsules fit in this radius; the gap between two documents is at least
  // a document's width, so each document reads as its own cluster.
  const radius = spacing * Math.sqrt(largest);
  const cell = 4 * radius + 2 * spacing;
  const x = new Float64Array(data.names.length);
  const y = new Float64Array(data.names.length);
  const colour = new Uint8Array(data.names.length);
  for (const { index, column, row, folder } of folderBlocks(order.map(({ document, index }) => ({ index, folder: folders.get(document.folder)! })))) {
    const folderColour = folder % folderColours.length;
    for (const [place, node] of members[index]!.entries()) {
      const radius = spacing * Math.sqrt(place + 0.5);
      x[node] = column * cell + radius * Math.cos(place * goldenAngle);
      y[node] = row * cell + radius * Math.sin(place * goldenAngle);
      colour[node] = folderColour;
    }
  }
  return { x, y, colour };
}

/**
 * The grid cell of each document: a folder's documents fill a square block, and the blocks
 * follow each other in rows about as wide as the square of all blocks and their gaps would
 * be, one empty cell apart, so that a folder reads as one patch of the picture.
 */
function folderBlocks(documents: readonly { index: number; folder: number }[]): { index: number; folder: number; column: number; row: number }[] {
  const byFolder = new Map<number, number[]>();
  for (const { index, folder } of documents) {
    const list = byFolder.get(folder) ?? [];
    list.push(index);
    byFolder.set(folder, list);
  }
  const sides = [...byFolder.values()].map((list) => Math.ceil(Math.sqrt(list.length)));
  // As wide as the square the blocks would fill with their gaps, so that many small folders
  // (forty skill folders of one document) make a square picture, not a tall strip.
  const area = sides.reduce((sum, side) => sum + (side + 1) ** 2, 0);
  const rowWidth = Math.max(Math.ceil(Math.sqrt(area)), ...sides);
  const cells: { index: number; folder: number; column: number; row: number }[] = [];
  let left = 0;
  let top = 0;
  let rowHeight = 0;
  for (const [folder, list] of byFolder) {
    const side = Math.ceil(Math.sqrt(list.length));
    if (left > 0 && left + side > rowWidth) {
      left = 0;
      top += rowHeight + 1;
      rowHeight = 0;
    }
    for (const [place, index] of list.entries()) cells.push({ index, folder, column: left + (place % side), row: top + Math.floor(place / side) });
    left += side + 1;
    rowHeight = Math.max(rowHeight, Math.ceil(list.length / side));
  }
  return cells;
}
