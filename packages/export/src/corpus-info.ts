/** The title and summary an export opens with, from options or from the corpus itself. */
import { titleOf, type KnowledgeGraph } from '@capsule-docs/graph';
import { knowledgeCapsules, offeredDocuments } from './knowledge.js';
import { oneLine } from './part-markdown.js';

export interface CorpusInfo {
  title: string;
  summary: string;
}

/** Documents whose title and description speak for the whole corpus, in order of preference. */
export const indexDocuments: readonly string[] = ['index.md', 'README.md', 'readme.md'];

/**
 * Explicit values win; otherwise the home document (the one a site shows at its root), else
 * the root's `index.md` or `README.md`, gives its description, and the first of them with a
 * title (its level-one heading, else its frontmatter's `title`) gives the title; the folder
 * name and the corpus's size stand in for them.
 */
export function describeCorpus(
  graph: KnowledgeGraph,
  options: { rootName: string; title?: string; summary?: string; home?: string },
): CorpusInfo {
  const candidates = [...(options.home ? [options.home] : []), ...indexDocuments]
    .map((path) => graph.document(path))
    .filter((document) => document !== undefined);
  const index = candidates[0];
  // A site's home page often has no heading of its own, its title in the frontmatter (`layout: home`).
  const titled = candidates.map(titleOf).find((title) => title !== undefined);
  const description = index?.model.frontmatter?.data?.['description'];
  const documents = offeredDocuments(graph).length;
  const capsules = knowledgeCapsules(graph).length;
  // Counts are written with thousands set apart (`1,864`), the same on every machine.
  const count = (value: number) => value.toLocaleString('en-US');
  const size = `${count(documents)} ${documents === 1 ? 'document' : 'documents'}${capsules === 0 ? '' : ` holding ${count(capsules)} ${capsules === 1 ? 'capsule' : 'capsules'}`}`;
  return {
    title: oneLine(options.title ?? titled ?? options.rootName) || 'Capsules',
    summary: oneLine(options.summary ?? (typeof description === 'string' ? description : `A knowledge base of ${size}.`)),
  };
}

/** The frontmatter `description` of a document, on one line, if it has one. */
export function documentDescription(graph: KnowledgeGraph, path: string): string | undefined {
  const description = graph.document(path)?.model.frontmatter?.data?.['description'];
  return typeof description === 'string' && description.trim() !== '' ? oneLine(description) : undefined;
}

/** The document's title (see `KnowledgeGraph.documentTitle`), or its path when it has none. */
export function documentTitle(graph: KnowledgeGraph, path: string): string {
  return graph.documentTitle(path) ?? path;
}

/** True when a document's `audience` is given and leaves out language models. */
export function isForHumansOnly(graph: KnowledgeGraph, path: string): boolean {
  const audience = graph.document(path)?.model.frontmatter?.data?.['audience'];
  if (!Array.isArray(audience) || audience.length === 0) return false;
  return !audience.some((entry) => typeof entry === 'string' && /^llms?$/i.test(entry.trim()));
}
