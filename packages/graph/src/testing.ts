/** Helpers for tests of graph consumers: build a graph from in-memory documents. */
import { readDocument } from './document.js';
import { KnowledgeGraph } from './graph.js';

/** Build a graph from `{ path: text }`, plus extra non-document files. */
export function graphFromTexts(texts: Record<string, string>, files: string[] = []): KnowledgeGraph {
  const encoder = new TextEncoder();
  const documents = Object.entries(texts).map(([path, text]) => readDocument(path, encoder.encode(text)));
  return new KnowledgeGraph({ documents, files });
}

/** A minimal well-formed capsule with an optional SeeAlso line. */
export function capsuleText(name: string, seeAlso?: string, depth = 3): string {
  return [
    `${'#'.repeat(depth)} Capsule: ${name}`,
    '',
    '**Invariant**',
    `${name} holds.`,
    '',
    '**Example**',
    'An example.',
    '',
    '**Depth**',
    '',
    '- Distinction: a distinction',
    ...(seeAlso ? [`- SeeAlso: ${seeAlso}`] : []),
    '',
  ].join('\n');
}
