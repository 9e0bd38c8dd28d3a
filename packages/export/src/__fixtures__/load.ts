/** The fixture corpus the tests share, loaded once per test file. */
import { fileURLToPath } from 'node:url';
import { loadGraph, type KnowledgeGraph } from '@capsule-docs/graph';

export const fixtureRoot = fileURLToPath(new URL('./corpus', import.meta.url));

let loaded: Promise<KnowledgeGraph> | undefined;

export function fixtureGraph(): Promise<KnowledgeGraph> {
  return (loaded ??= loadGraph({ root: fixtureRoot }).then(({ graph }) => graph));
}
