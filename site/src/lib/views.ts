/**
 * From the knowledge graph to what the pages show: one entry per published document, with
 * its rendered body, its capsules (parts rendered, references resolved, backlinks gathered)
 * and its checklist. Pure: the loader hands in the graph, this hands back plain data.
 */
import type { CapsuleNode, CorpusDocument, Edge, KnowledgeGraph } from '@capsule-docs/graph';
import { isStubCopy, parseCategory, wasParsed, withTree } from '@capsule-docs/graph';
import type { ListItem, Nodes, Root, RootContent } from 'mdast';
import { parseCapsuleDocument, withoutHeadingId, withoutHtmlTitle, type Boundary, type Capsule, type ChecklistItem } from 'remark-capsules';
import { withoutCitation } from './checklist-text.js';
import { withAsides } from './asides.js';
import { renderMarkdown } from './render.js';
import type { BacklinkView, CapsuleView, ChecklistItemView, DocumentData, ReferenceView } from './schema.js';
import { anchorHref, pageTitleAnchor, contentHandlers, htmlUrls, type ContentOptions, type SourceRange } from './transform.js';
import { siteUrls, slugify, type SiteUrls } from './urls.js';

export interface PageHeading {
  depth: number;
  slug: string;
  text: string;
}

/** One page of the `docs` collection. */
export interface DocumentPage {
  id: string;
  title: string;
  description: string | undefined;
  html: string;
  headings: PageHeading[];
  corpus: DocumentData;
}

export interface SiteOptions {
  /** Astro's `base`. */
  base: string;
  /** The document (corpus-relative path) shown as the home page. */
  home: string | undefined;
  /**
   * How many documents the home page lists when no document is the home page; the rest are
   * on the paginated `documents/` listing. Every document when not given.
   */
  listingPageSize?: number;
}

/** A document read whole while its page is made, with each of its capsules' node in the graph. */
export type WholeDocumentVisitor = (document: CorpusDocument, capsules: ReadonlyArray<{ node: CapsuleNode; capsule: Capsule }>) => void;

/**
 * Every page the corpus makes, in document order, or only the pages of the documents in
 * `only` (see `pagesToRender`). A generated index stands in for a missing home.
 *
 * The graph may hold whole documents with their trees (`astro dev`, which keeps them for the
 * next edit) or summaries that keep the sentences backlinks quote (a build: `summarize:
 * 'with-contexts'`). Either way each document is taken whole one at a time (`withTree` parses
 * a summary's text again), its page made and `visit` shown it, and then let go, so that a
 * build never holds every tree and part at once.
 */
export function documentPages(graph: KnowledgeGraph, options: SiteOptions, only?: ReadonlySet<string>, visit?: WholeDocumentVisitor): DocumentPage[] {
  const published = graph.documents.filter(wasParsed);
  const home = published.some((document) => document.path === options.home) ? options.home : undefined;
  const urls = siteUrls({
    base: options.base,
    documents: published.map((document) => document.path),
    home,
    capsules: graph.names(),
    tags: graph.tags().map((tag) => tag.name),
    categories: graph.categories().map((category) => category.name),
  });
  const capsulesByDocument = new Map<string, CapsuleNode[]>();
  for (const node of graph.capsules) {
    const list = capsulesByDocument.get(node.document);
    if (list) list.push(node);
    else capsulesByDocument.set(node.document, [node]);
  }
  // Every title is known from the models; what names other documents is filled in after the last page.
  const titles = new Map<string, string>();
  for (const document of published) titles.set(document.path, plainTitle(graph, document));
  const context: Context = { graph, urls, capsulesByDocument, titles, crossDocument: [] };
  const pages: DocumentPage[] = [];
  for (const document of published) {
    if (only && !only.has(document.path)) continue;
    const whole = withTree(document);
    pages.push(documentPage(whole, context, visit));
  }
  for (const { view, node } of context.crossDocument) {
    view.backlinks = backlinkViews(node, context);
    view.alsoDefinedIn = alsoDefinedInViews(node, context);
  }
  if (home === undefined) pages.unshift(indexPage(published, context, options.listingPageSize));
  return pages;
}

interface Context {
  graph: KnowledgeGraph;
  urls: SiteUrls;
  capsulesByDocument: Map<string, CapsuleNode[]>;
  /** Each published document's title as plain text. */
  titles: Map<string, string>;
  /** Capsule views whose lists name other documents by title, filled in once every title is known. */
  crossDocument: Array<{ view: CapsuleView; node: CapsuleNode }>;
}

/**
 * A document's title as plain text: its level-one heading as the page shows it (the parser
 * leaves out inline HTML's tags and an id the heading sets, `{#id}`), else its frontmatter's
 * `title`, else the one its site's navigation gives it (see `KnowledgeGraph.documentTitle`),
 * or its file name when it has none.
 */
function plainTitle(graph: KnowledgeGraph, document: CorpusDocument): string {
  return graph.documentTitle(document.path) ?? document.path.replace(/^.*\//, '').replace(/\.(?:md|mdx|mdc)$/i, '');
}

function documentPage(document: CorpusDocument, context: Context, visit: WholeDocumentVisitor | undefined): DocumentPage {
  const { urls } = context;
  const { model, path } = document;
  const data = model.frontmatter?.data;
  const tree = document.tree!;
  // The title becomes the page's own heading; keeping it in the body would show it twice.
  const titleOffset = model.title?.position.start.offset;
  // An `.mdx` page, or a `.md` page its site reads as MDX (Docusaurus's, unless it asks for CommonMark).
  const mdx = context.graph.readAsMdx(path) || (!context.graph.servedBySite(path) && writtenForDocusaurus(tree, document.text));
  const body: Root = {
    ...tree,
    children: tree.children.flatMap((node): RootContent[] => {
      // An MDX page's `import` and `export` lines are JavaScript its site runs, not text it shows.
      if (mdx && isMdxEsm(node, document.text)) return [];
      if (mdx && isComponentTags(node)) return [];
      if (node.position?.start.offset !== titleOffset) return [node];
      if (node.type === 'heading' && node.depth === 1) return [];
      // A README's `<h1 align="center">`: the title leaves the block, its tagline and badges stay.
      if (node.type === 'html') {
        const value = withoutHtmlTitle(node.value);
        return value.trim() === '' ? [] : [{ ...node, value }];
      }
      return [node];
    }),
  };
  const title = context.titles.get(path)!;
  const edges = context.graph.edgesIn(path);
  const links = linkTargets(edges);
  const nodes = context.capsulesByDocument.get(path) ?? [];
  // The graph's nodes may hold summaries; the parts come from the document read whole.
  const wholeCapsules = new Map(model.capsules.map((capsule) => [capsule.headingPosition.start.offset, capsule]));
  const capsules = nodes.map((node) => ({ node, capsule: wholeCapsules.get(node.capsule.headingPosition.start.offset) ?? node.capsule }));
  visit?.(document, capsules);
  const contentOptions: ContentOptions = {
    documentPath: path,
    source: document.text,
    documentUrl: urls.document,
    anchorIn: (target, anchor) => headingAnchor(context.graph, target, anchor),
    sitePage: (target) => context.graph.sitePage(path, target),
    linkTargets: links,
    // A sample's names that lead nowhere are the imagined corpus's: plain text, as the check leaves them.
    ranges: edges.filter((edge) => edge.kind !== 'links-to' && !isSampleMiss(edge)).map((edge) => referenceRange(edge, urls)),
    // A heading that sets its id (`## v-if {#v-if}`) has it on the page, as the site it was written for gives it.
    headingIds: new Map(model.headings.map((heading) => [heading.position.start.offset, heading.setAnchor ?? heading.slug])),
    headingsSettingIds: new Set(model.headings.filter((heading) => heading.setAnchor !== undefined).map((heading) => heading.position.start.offset)),
    headingLinks: new Map(nodes.map((node) => [node.capsule.headingPosition.start.offset, urls.capsule(node.name)])),
  };
  const handlers = contentHandlers(contentOptions);

  const headings = model.headings
    .filter((heading) => heading.position.start.offset !== titleOffset)
    .map((heading) => ({ depth: heading.depth, slug: anchorHref(heading.setAnchor ?? heading.slug).slice(1), text: heading.setAnchor === undefined ? heading.text : withoutHeadingId(heading.text) }));

  return {
    id: urls.documentId(path)!,
    title,
    description: typeof data?.['description'] === 'string' ? data['description'] : undefined,
    html: renderMarkdown(withAsides(body), handlers, htmlUrls(contentOptions)),
    headings,
    corpus: {
      path,
      url: urls.document(path)!,
      tags: strings(data?.['tags']).map((name) => ({ name, segment: urls.tagSegment(name), url: urls.tag(name) })),
      audience: strings(data?.['audience']),
      categories: strings(data?.['categories']).map((text) => {
        const { name, strength } = parseCategory(text);
        const term = { name, segment: urls.categorySegment(name), url: urls.category(name) };
        return strength === undefined ? term : { ...term, strength };
      }),
      capsules: capsules.map(({ node, capsule }) => capsuleView(node, capsule, document, context, links)),
      checklist: checklistView(document, context, checklistItemHtml(tree, (nodes) => renderMarkdown(nodes, handlers, htmlUrls(contentOptions)))),
      links: linkedDocuments(path, edges, urls),
    },
  };
}

/** The addresses of the other published documents a document's links and references reached, each once. */
function linkedDocuments(path: string, edges: readonly Edge[], urls: SiteUrls): string[] {
  const found = new Set<string>();
  for (const edge of edges) {
    if (edge.toDocument === undefined || edge.toDocument === path) continue;
    const url = urls.document(edge.toDocument);
    if (url !== undefined) found.add(url);
  }
  return [...found];
}

/**
 * Where the graph resolved a document's links, by where each is written (see
 * `ContentOptions.linkTargets`); web addresses and the like are left to the page.
 */
function linkTargets(edges: readonly Edge[]): Map<number, string | null> {
  const targets = new Map<number, string | null>();
  for (const edge of edges) {
    if (edge.kind === 'links-to' && edge.status !== 'external') targets.set(edge.position.start.offset, edge.status === 'resolved' ? (edge.toDocument ?? null) : null);
  }
  return targets;
}

/** A reference in the text: a link to what it resolved to, or a marked name that says why not. */
function referenceRange(edge: Edge, urls: SiteUrls): SourceRange {
  const view = referenceView(edge, urls);
  return {
    start: edge.position.start.offset,
    end: edge.position.end.offset,
    href: view.url,
    title: view.url === undefined ? view.note : undefined,
  };
}

function capsuleView(node: CapsuleNode, capsule: Capsule, document: CorpusDocument, context: Context, links: ReadonlyMap<number, string | null>): CapsuleView {
  const { graph, urls } = context;
  const heading = document.model.headings.find((candidate) => candidate.position.start.offset === capsule.headingPosition.start.offset);
  const documentUrl = urls.document(document.path)!;
  const ownEdges = graph.referencesFrom(node);
  // Parts link like their document; mentions are the only references inside them.
  const part: ContentOptions = {
    documentPath: document.path,
    source: document.text,
    documentUrl: urls.document,
    anchorIn: (target, anchor) => headingAnchor(graph, target, anchor),
    linkTargets: links,
    ranges: ownEdges.filter((edge) => edge.kind === 'mentions').map((edge) => referenceRange(edge, urls)),
  };

  const view: CapsuleView = {
    name: node.name,
    segment: urls.capsuleSegment(node.name),
    url: urls.capsule(node.name),
    documentUrl: heading ? `${documentUrl}${anchorHref(heading.setAnchor ?? heading.slug)}` : documentUrl,
    line: capsule.headingPosition.start.line,
    invariant: capsule.invariant ? { text: capsule.invariant.text, html: renderPart(invariantNodes(capsule), part) ?? '' } : undefined,
    exampleHtml: capsule.example ? renderPart(capsule.example.nodes, { ...part, boundaries: boundaryPlaces(capsule) }) : undefined,
    boundaries: capsule.boundaries.map((boundary) => boundary.text),
    boundariesHtml: capsule.boundaries.map((boundary) => boundaryHtml(boundary, document, part)),
    depthHtml: capsule.depth ? renderPart(capsule.depth.nodes, { ...part, omit: seeAlsoItems(capsule) }) : undefined,
    extraParts: extraPartViews(capsule, part),
    seeAlso: ownEdges.filter((edge) => edge.kind === 'see-also').map((edge) => referenceView(edge, urls)),
    // Filled in once every document's title is known (see `documentPages`).
    backlinks: [],
    alsoDefinedIn: [],
    sample: capsule.sample === true,
    primary: graph.capsule(node.name) === node,
  };
  context.crossDocument.push({ view, node });
  return view;
}

/**
 * The documents that define a capsule of the same name again, as `duplicate-capsule` counts
 * them: others, or this one a second time. A sample in a writing guide defines nothing, and a
 * stub copy in an agent file points at the full definition.
 */
function alsoDefinedInViews(node: CapsuleNode, { graph, urls, titles }: Context): CapsuleView['alsoDefinedIn'] {
  const named = graph.capsulesNamed(node.name);
  const [first] = named;
  return named
    // Not by id: two definitions in one document share theirs.
    .filter((other) => other.capsule !== node.capsule && (node.capsule.sample || !other.capsule.sample))
    .filter((other) => first === undefined || (!isStubCopy(other, first) && !isStubCopy(node, first)))
    .map((other) => ({ label: titles.get(other.document) ?? other.document, url: definitionUrl(graph, urls, other) }));
}

/**
 * Where a definition sits: its heading on its document's page, so that a link to one of
 * several capsules of a document lands on it rather than at the top of the page.
 */
function definitionUrl(graph: KnowledgeGraph, urls: Context['urls'], node: CapsuleNode): string {
  const documentUrl = urls.document(node.document);
  if (documentUrl === undefined) return urls.page('');
  const start = node.capsule.headingPosition.start.offset;
  const heading = graph.document(node.document)?.model.headings.find((candidate) => candidate.position.start.offset === start);
  return heading ? `${documentUrl}${anchorHref(heading.setAnchor ?? heading.slug)}` : documentUrl;
}

/**
 * The invariant's blocks and those that follow it unlabelled (see `StrayContent`): the rules
 * read the one paragraph, the page shows all the author wrote under the label.
 */
function invariantNodes(capsule: Capsule): RootContent[] {
  const following = capsule.stray.filter((block) => block.after === 'invariant').flatMap((block) => block.nodes);
  return [...(capsule.invariant?.nodes ?? []), ...following];
}

/** A capsule part as HTML; empty when everything in it was left out. */
function renderPart(nodes: readonly RootContent[], options: ContentOptions): string | undefined {
  const html = renderMarkdown(nodes, contentHandlers(options), htmlUrls(options));
  return html.trim() === '' ? undefined : html;
}

/**
 * The capsule's extra parts (`**Why**`, `**Notes**`), each under its own label. Their ids
 * start with `part-` so that none takes the id of a fixed section (`example`, `see-also`).
 */
function extraPartViews(capsule: Capsule, options: ContentOptions): CapsuleView['extraParts'] {
  const taken = new Set<string>();
  return capsule.extraParts.map((extra) => {
    const wanted = `part-${slugify(extra.label)}`;
    let slug = wanted;
    for (let suffix = 2; taken.has(slug); suffix++) slug = `${wanted}-${suffix}`;
    taken.add(slug);
    return { label: extra.label, slug, html: renderPart(extra.nodes, options) ?? '' };
  });
}

/**
 * A boundary line's text as the page shows it apart. Outside code it is Markdown, as the
 * document shows it (`//BOUNDARY: Missing \`parentRefs\` breaks routing.` has a code span):
 * it is read in its place, the rest of the document blank lines, so that its offsets, and
 * the links and mentions found at them, are the document's. In a code block it is code,
 * shown as written.
 */
function boundaryHtml(boundary: Boundary, document: CorpusDocument, options: ContentOptions): string {
  if (boundary.inCode) return escapedHtml(boundary.text);
  const lineStart = boundary.position.start.offset;
  const start = document.text.indexOf(boundary.text, lineStart);
  if (boundary.text === '' || start === -1 || start >= boundary.position.end.offset) return escapedHtml(boundary.text);
  const end = start + boundary.text.length;
  const alone = `${'\n'.repeat(start)}${boundary.text}${'\n'.repeat(document.text.length - end)}`;
  const paragraph = parseCapsuleDocument(alone, document.path).tree.children.find((node) => node.type === 'paragraph');
  const html = paragraph ? renderPart([paragraph], options) : undefined;
  return html === undefined ? escapedHtml(boundary.text) : html.replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}

function escapedHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The example's boundary lines, which the page shows apart. */
function boundaryPlaces(capsule: Capsule): ContentOptions['boundaries'] {
  return capsule.boundaries
    .filter((boundary) => boundary.part === 'example')
    .map((boundary) => ({ start: boundary.position.start.offset, end: boundary.position.end.offset, line: boundary.position.start.line }));
}

/** The depth's SeeAlso items, which the page lists resolved. */
function seeAlsoItems(capsule: Capsule): Set<number> {
  return new Set(capsule.depthItems.filter((item) => item.normalizedKey === 'seealso').map((item) => item.position.start.offset));
}

/** A reference of a sample capsule (a model in a writing guide) that resolves to nothing here. */
function isSampleMiss(edge: Edge): boolean {
  return edge.status !== 'resolved' && edge.fromCapsule?.capsule.sample === true;
}

function referenceView(edge: Edge, urls: SiteUrls): ReferenceView {
  const located = edge.qualifier ? `${edge.target} (in ${edge.qualifier})` : edge.target;
  // A note written after the name (`Name — a note`) is kept with it.
  const label = edge.note ? `${located} — ${edge.note}` : located;
  if (isSampleMiss(edge)) return { label, status: 'sample', note: 'A sample capsule names capsules of the corpus it imagines' };
  if (edge.to) return { label, status: 'capsule', url: urls.capsule(edge.to.name), capsule: edge.to.name };
  if (edge.status === 'resolved' && edge.toDocument !== undefined) {
    const page = urls.document(edge.toDocument);
    if (page !== undefined) return { label, status: 'document', url: edge.anchor ? `${page}${anchorHref(edge.anchor)}` : page };
    // A script, a configuration file, a document the corpus leaves out: it exists, but has no page.
    return { label, status: 'file', note: `\`${edge.toDocument}\` is a file of the repository, not a page of this site` };
  }
  if (edge.status === 'external' && /^https?:\/\//i.test(edge.target)) return { label, status: 'url', url: edge.target };
  if (edge.status === 'resolved') return { label, status: 'external', note: statusNote(edge) };
  return { label, status: edge.status, note: statusNote(edge) };
}

function statusNote(edge: Edge): string {
  switch (edge.status) {
    case 'unknown-name':
      return `Unknown name: ${edge.reason ?? `no capsule is named ${edge.target}`}`;
    case 'missing-document':
      return `Missing document: ${edge.reason ?? `${edge.target} is not published here`}`;
    case 'outside-root':
      return `Outside the corpus: ${edge.reason ?? edge.target}`;
    default:
      return `External: ${edge.reason ?? 'not a capsule of this corpus'}`;
  }
}

/**
 * A link's anchor as the site has it: the id a heading sets (`{#v-if}`), which its page gives
 * it, also for a link to the anchor GitHub makes of its text; and the heading's own slug when
 * the link writes it in another case (see `ContentOptions.anchorIn`).
 */
function headingAnchor(graph: KnowledgeGraph, path: string, anchor: string): string {
  const model = graph.document(path)?.model;
  const headings = model?.headings ?? [];
  const id = (heading: (typeof headings)[number]) => heading.setAnchor ?? heading.slug;
  const lower = anchor.toLowerCase();
  const found =
    headings.find((heading) => id(heading) === anchor) ?? headings.find((heading) => heading.slug === anchor) ?? headings.find((heading) => heading.slug === lower || id(heading) === lower);
  if (!found) return anchor;
  // The title heading is the page's own title, which Starlight shows at the top: a link to it leads there.
  return found.position.start.offset === model?.title?.position.start.offset ? pageTitleAnchor : id(found);
}

/**
 * Who cites the capsule, once per citing place and sentence; its own self-references left out.
 * A sample's SeeAlso illustrates the format, so it is a backlink only between samples.
 */
function backlinkViews(node: CapsuleNode, context: Context): BacklinkView[] {
  const { graph, urls, titles } = context;
  const seen = new Set<string>();
  const views: BacklinkView[] = [];
  for (const edge of graph.backlinks(node)) {
    if (edge.fromCapsule?.id === node.id || edge.kind === 'links-to') continue;
    if (edge.fromCapsule?.capsule.sample && !node.capsule.sample) continue;
    const documentTitle = titles.get(edge.document) ?? edge.document;
    const view: BacklinkView = {
      kind: edge.kind,
      from: edge.fromCapsule?.name ?? documentTitle,
      url: edge.fromCapsule ? urls.capsule(edge.fromCapsule.name) : (urls.document(edge.document) ?? urls.page('')),
      document: documentTitle,
      context: edge.context,
    };
    const key = `${view.kind}\u0000${view.from}\u0000${view.context}`;
    if (seen.has(key)) continue;
    seen.add(key);
    views.push(view);
  }
  return views;
}

/** Between the parts of a checklist item's key (see `checklistView`). */
const keySeparator = '\ufffd';

function checklistView(document: CorpusDocument, { graph, urls }: Context, htmlOf: (item: ChecklistItem) => string | undefined): ChecklistItemView[] {
  const occurrences = new Map<string, number>();
  return document.model.checklist.map((item) => {
    const html = htmlOf(item);
    // Two items with the same text in one document still need their own saved ticks. The
    // separator is U+FFFD: a page's HTML may hold no U+0000, which browsers read as U+FFFD,
    // so ticks saved under the keys written with it before are found again.
    const base = `${document.path}${keySeparator}${item.text}`;
    const seen = occurrences.get(base) ?? 0;
    occurrences.set(base, seen + 1);
    return {
      key: seen === 0 ? base : `${base}${keySeparator}${seen}`,
      text: item.text,
      ...(html === undefined ? {} : { html }),
      checked: item.checked,
      ...(item.section === undefined ? {} : { section: item.section }),
      cites: item.cites.map((citation) => {
        const capsule = graph.capsule(citation.name);
        return capsule ? { name: citation.name, url: urls.capsule(capsule.name) } : { name: citation.name };
      }),
    };
  });
}

/**
 * A checklist item as the checklists page shows it: its first paragraph rendered as the
 * document's page renders it (code spans, emphasis, links leading where they lead there),
 * without its box or the items nested in it, and without the citation of capsules at its end,
 * which the page links on its own. Undefined when the citation is not plain text at the end
 * (the page then shows the item's text).
 */
function checklistItemHtml(tree: Root, render: (nodes: readonly RootContent[]) => string): (item: ChecklistItem) => string | undefined {
  // The tree's list items by where they start, found when a document's first item asks.
  let items: Map<number, ListItem> | undefined;
  const listItems = () => {
    const found = new Map<number, ListItem>();
    const pending: Nodes[] = [tree];
    while (pending.length > 0) {
      const node = pending.pop()!;
      if (node.type === 'listItem' && node.position?.start.offset !== undefined) found.set(node.position.start.offset, node);
      if ('children' in node) for (const child of node.children) pending.push(child);
    }
    return found;
  };
  return (item) => {
    const paragraph = (items ??= listItems()).get(item.position.start.offset)?.children[0];
    if (paragraph?.type !== 'paragraph') return undefined;
    let children = paragraph.children;
    const shown = withoutCitation(item);
    if (shown !== item.text) {
      const last = children.at(-1);
      const citation = last?.type === 'text' ? /\s*\([^()]*\)\s*$/.exec(last.value) : null;
      if (!last || last.type !== 'text' || !citation) return undefined;
      const kept = last.value.slice(0, citation.index);
      children = kept === '' ? children.slice(0, -1) : [...children.slice(0, -1), { ...last, value: kept }];
    }
    // As a paragraph, so that its inline content renders as one line, then without the paragraph's tags.
    return render([{ ...paragraph, children }]).replace(/^<p>|<\/p>$/g, '');
  };
}

/**
 * The page at the site root when no document is the home page: a list of the documents, as
 * long as a listing page at most (a page that grew with the corpus would be megabytes on a
 * site of thousands), and where the rest are.
 */
function indexPage(all: CorpusDocument[], { urls, titles }: Context, size = all.length): DocumentPage {
  const documents = all.slice(0, size);
  const rest = all.length - documents.length;
  const more: Root['children'] =
    rest === 0
      ? []
      : [
          {
            type: 'paragraph',
            children: [
              { type: 'text', value: `${rest.toLocaleString('en-US')} more ${rest === 1 ? 'document is' : 'documents are'} listed under ` },
              { type: 'link', url: urls.page('documents/'), children: [{ type: 'text', value: 'All documents' }] },
              { type: 'text', value: '.' },
            ],
          },
        ];
  const tree: Root = {
    type: 'root',
    children: [
      {
        type: 'list',
        ordered: false,
        spread: false,
        children: documents.map((document) => ({
          type: 'listItem',
          spread: false,
          children: [
            {
              type: 'paragraph',
              children: [
                {
                  type: 'link',
                  url: urls.document(document.path)!,
                  children: [{ type: 'text', value: titles.get(document.path)! }],
                },
              ],
            },
          ],
        })),
      },
      ...more,
    ],
  };
  return {
    id: 'index',
    title: 'Documents',
    description: undefined,
    html: renderMarkdown(tree),
    headings: [],
    corpus: { url: urls.page(''), tags: [], audience: [], categories: [], capsules: [], checklist: [], links: [] },
  };
}

/**
 * Whether a top-level block of an MDX page is ESM: a paragraph whose first line starts, at
 * the margin, with `import` or `export` and a space, which MDX reads to the next blank line.
 */
function isMdxEsm(node: RootContent, text: string): boolean {
  const start = node.position?.start;
  if (node.type !== 'paragraph' || start?.offset === undefined || start.column !== 1) return false;
  return /^(?:import|export)\s/.test(text.slice(start.offset, start.offset + 7));
}

/**
 * Whether a page opens its text with imports from Docusaurus's own modules (`import Tabs from
 * '@theme/Tabs';`, `@site/`, `@docusaurus/`): it is written for Docusaurus, which reads it as
 * MDX, though no site's configuration beside it says how (a folder of docs another
 * repository publishes).
 */
function writtenForDocusaurus(tree: Root, text: string): boolean {
  return tree.children.some((node) => isMdxEsm(node, text) && docusaurusImport.test(text.slice(node.position!.start.offset, node.position!.end.offset)));
}

/** An import from one of Docusaurus's own module aliases. */
const docusaurusImport = /^import\s[^;\n]*\sfrom\s+['"]@(?:theme|site|docusaurus)\//m;

/**
 * Whether a block of an MDX page is a line of components' tags and nothing else, as the
 * parser leaves it when a tag is no HTML: `<Image src={yakImage} alt="Yak" />`, whose
 * JavaScript the parser blanks (`src={        }`), is text, where a tag of plain attributes
 * is inline HTML that sanitizing takes out, keeping what it holds. The site renders no
 * component, so neither shows.
 */
function isComponentTags(node: RootContent): boolean {
  if (node.type !== 'paragraph' || !node.children.every((child) => child.type === 'text' || child.type === 'html')) return false;
  const text = node.children.map((child) => (child as { value: string }).value).join('');
  return text.includes('{') && componentTags.test(text);
}

/** One or more JSX tags of components (a capitalised name), their attributes holding no tag. */
const componentTags = /^(?:\s*<\/?[A-Z][\w.:-]*(?:\s[^<>]*)?\/?>)+\s*$/;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
