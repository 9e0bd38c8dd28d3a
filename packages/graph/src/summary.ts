/**
 * The cross-file summary of a document model: what building the graph and the corpus-wide
 * rules read (names, references, heading anchors, citations, links, tags), without the
 * parts' text and mdast nodes, Depth items or backlink sentences. Ten thousand summaries load from a cache in a fraction of the time
 * the full models take, which is what keeps a warm check fast.
 */
import type { CapsuleDocument } from 'remark-capsules';

/** Strip a model down to its cross-file summary. */
export function summarizeModel(model: CapsuleDocument): CapsuleDocument {
  return {
    frontmatter: model.frontmatter && {
      raw: '',
      data: pick(model.frontmatter.data, ['tags', 'categories', 'audience', 'description']),
      fields: [],
      position: model.frontmatter.position,
    },
    title: model.title,
    // Anchors are what other documents need of headings; the text stays in the document.
    headings: model.headings.map((heading) => ({ ...heading, text: '' })),
    capsules: model.capsules.map((capsule) => ({
      ...capsule,
      parts: [],
      invariant: capsule.invariant && { ...capsule.invariant, nodes: [] },
      // Kept without content: whether a capsule is a stub copy (see `stub-copies.ts`) is cross-file.
      example: capsule.example && { ...capsule.example, text: '', nodes: [], subLabels: [] },
      depth: capsule.depth && { ...capsule.depth, text: '', nodes: [], subLabels: [] },
      preamble: undefined,
      extraParts: [],
      stray: [],
      boundaries: [],
      depthItems: [],
    })),
    seeAlso: model.seeAlso,
    checklist: model.checklist,
    links: model.links,
    // Backlink sentences are for pages and exports, which read whole models.
    mentions: model.mentions.map((mention) => ({ ...mention, context: '' })),
  };
}

function pick(data: Record<string, unknown> | undefined, keys: string[]): Record<string, unknown> | undefined {
  if (!data) return undefined;
  const picked: Record<string, unknown> = Object.create(null);
  for (const key of keys) if (key in data) picked[key] = data[key];
  return picked;
}
