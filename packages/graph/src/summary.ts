/**
 * The cross-file summary of a document model: what building the graph and the corpus-wide
 * rules read (names, references, heading anchors, citations, links, tags, and the block a
 * document leaves open), without the parts' text and mdast nodes, Depth items or backlink
 * sentences. Ten thousand summaries load from a cache in a fraction of the time the full
 * models take, which is what keeps a warm check fast.
 */
import type { Capsule, CapsuleDocument, DepthItem } from 'remark-capsules';

/**
 * What a summary keeps beyond what the checker reads. `'with-contexts'` keeps the sentences the
 * graph's edges quote (mentions' sentences, SeeAlso Depth items), so that a summary graph's
 * backlinks read as a whole graph's do: for the site, which shows them.
 */
export type SummaryKind = true | 'with-contexts';

/** Strip a model down to its cross-file summary. */
export function summarizeModel(model: CapsuleDocument, kind: SummaryKind = true): CapsuleDocument {
  const contexts = kind === 'with-contexts';
  return {
    frontmatter: model.frontmatter && {
      ...(model.frontmatter.language ? { language: model.frontmatter.language } : {}),
      raw: '',
      // `id` and `slug` place a Docusaurus doc at its route, which other docs' links name; so does a dumi 1 page's `nav`.
      // Zola's `path` places a page at its route from the root; Hugo's and Zola's `aliases`, and Jekyll's `redirect_from`, redirect to it;
      // a Lume page's `basename` names it in its route, and a Hugo page's `date` in the one its site's `permalinks` give it.
      // A Mintlify page's `openapi` says its fields' anchors come from the API's specification.
      // An index page's `title` names the corpus in exports when it has no heading (a site's home page).
      // A Docusaurus page's `format` (or `mdx.format`) says whether the site reads it as MDX.
      data: pick(model.frontmatter.data, ['tags', 'categories', 'category', 'audience', 'description', 'title', 'id', 'slug', 'url', 'path', 'aliases', 'redirect_from', 'basename', 'date', 'permalink', 'route', 'label', 'nav', 'openapi', 'format', 'mdx']),
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
      depthItems: contexts ? itemsHoldingReferences(capsule) : [],
    })),
    seeAlso: model.seeAlso,
    checklist: model.checklist,
    links: model.links,
    // The addresses of the HTML, which `llms-full` points from where it is read, from summaries too.
    ...(model.htmlLinks ? { htmlLinks: model.htmlLinks } : {}),
    // Backlink sentences are for pages and exports, which read whole models or ask for them.
    mentions: contexts ? model.mentions : model.mentions.map((mention) => ({ ...mention, context: '' })),
    // Anchors a link may aim at in vain: what link-resolves tells of them is cross-file.
    ...(model.codeHeadings ? { codeHeadings: model.codeHeadings } : {}),
    ...(model.setAnchors ? { setAnchors: model.setAnchors } : {}),
    ...(model.siteAnchors ? { siteAnchors: model.siteAnchors } : {}),
    ...(model.clickCommands ? { clickCommands: model.clickCommands } : {}),
    ...(model.autodocObjects ? { autodocObjects: model.autodocObjects } : {}),
    ...(model.labels ? { labels: model.labels } : {}),
    // The files a page takes in: their links are read from it, their headings are its.
    ...(model.includes ? { includes: model.includes } : {}),
    // Whether a component makes what the page shows, anchors among it: link-resolves asks of a link's target.
    ...(model.rendersComponents ? { rendersComponents: model.rendersComponents } : {}),
    // An encrypted file is no document to publish (see `wasParsed`).
    ...(model.encrypted ? { encrypted: model.encrypted } : {}),
    // What closes the block the document leaves open: `llms-full` joins documents from summaries.
    ...(model.unclosedBlock ? { unclosedBlock: model.unclosedBlock } : {}),
    ...(model.misnestedFence ? { misnestedFence: model.misnestedFence } : {}),
    ...(model.htmlSwallowedFence ? { htmlSwallowedFence: model.htmlSwallowedFence } : {}),
    // A link in a sample's text that a fence closing it early let out is the sample's: link-resolves asks.
    ...(model.samplesLetOut ? { samplesLetOut: model.samplesLetOut } : {}),
    // The HTML comments `llms-full` leaves out of the documents it joins from summaries.
    ...(model.comments ? { comments: model.comments } : {}),
  };
}

/**
 * The Depth items that hold one of the capsule's SeeAlso references: the ones its SeeAlso
 * edges quote. The others (distinctions, trade-offs) are most of a summary's text.
 */
function itemsHoldingReferences(capsule: Capsule): DepthItem[] {
  const offsets = capsule.seeAlso.map((reference) => reference.position.start.offset);
  return capsule.depthItems.filter((item) => offsets.some((offset) => item.position.start.offset <= offset && offset <= item.position.end.offset));
}

function pick(data: Record<string, unknown> | undefined, keys: string[]): Record<string, unknown> | undefined {
  if (!data) return undefined;
  const picked: Record<string, unknown> = Object.create(null);
  for (const key of keys) if (key in data) picked[key] = data[key];
  return picked;
}

/** The one empty list every compacted summary shares; frozen, so that a stray `push` throws instead of reaching every document. */
const noItems: readonly never[] = Object.freeze([]);

/**
 * Share what a summary repeats, in place: every empty list becomes one frozen list, and the
 * points of the document become one object per offset (an offset fixes a point's line and
 * column). A summary read from the cache is a tree of separate objects, and a process that
 * keeps ten thousand of them (the language server) spends about a third of its objects on
 * points and empty lists. Only for summaries nothing changes any more.
 */
export function compactSummary(model: CapsuleDocument): CapsuleDocument {
  const points = new Map<number, object>();
  const visit = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) {
      if (value.length === 0) return noItems;
      for (let index = 0; index < value.length; index++) value[index] = visit(value[index]);
      return value;
    }
    const record = value as Record<string, unknown>;
    if (isPoint(record)) {
      const shared = points.get(record.offset);
      if (shared) return shared;
      points.set(record.offset, record);
      return record;
    }
    for (const key in record) record[key] = visit(record[key]);
    return record;
  };
  return visit(model) as CapsuleDocument;
}

function isPoint(record: Record<string, unknown>): record is { line: number; column: number; offset: number } {
  return typeof record.offset === 'number' && typeof record.line === 'number' && typeof record.column === 'number';
}
