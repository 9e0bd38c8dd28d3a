/**
 * What the site changes while a parser's mdast tree becomes hast: links between documents
 * become links between pages, capsule names cited in the text become links to capsule pages,
 * headings get the ids the parser computed, and a capsule part leaves out what its page shows
 * elsewhere. All of it is done by mdast-util-to-hast handlers in the one conversion pass, so
 * the graph's trees are read, never copied or changed.
 */
import { decodePath, resolveCorpusPath } from '@capsule-docs/graph';
import type { Element, ElementContent, Properties } from 'hast';
import type { Code, Heading, Image, ImageReference, InlineCode, Link, LinkReference, List, Nodes, Parents, Text } from 'mdast';
import { defaultHandlers, type Handler, type Handlers, type State } from 'mdast-util-to-hast';
import { headingWithoutId, isAddress } from 'remark-capsules';
import { clobberPrefix, contentClasses, type HtmlUrl } from './render.js';

/** A stretch of source text (by offsets) to show as a link, or as an unresolved reference. */
export interface SourceRange {
  start: number;
  end: number;
  /** Where the link goes; without it the range is shown as an unresolved reference. */
  href: string | undefined;
  /** Shown on hover; says why a reference did not resolve. */
  title: string | undefined;
}

/** A boundary line's place: its source offsets and line. */
export interface BoundaryPlace {
  start: number;
  end: number;
  line: number;
}

/** Resolve a corpus-relative document path to its page address, if it is published. */
export type DocumentUrl = (path: string) => string | undefined;

export interface ContentOptions {
  /** The document the nodes come from, and its text (offsets point into it). */
  documentPath: string;
  source: string;
  documentUrl: DocumentUrl;
  /** References to show as links (or as marked unresolved names). */
  ranges?: readonly SourceRange[];
  /** Heading ids by the heading's start offset. */
  headingIds?: ReadonlyMap<number, string>;
  /**
   * The start offsets of headings whose text sets their anchor (`## Options {#options}`): the
   * list of attributes or id is taken off the text shown, as the generators reading it do.
   */
  headingsSettingIds?: ReadonlySet<number>;
  /** Headings whose text links somewhere (capsule headings), by start offset. */
  headingLinks?: ReadonlyMap<number, string>;
  /**
   * The anchor a link names in the document at `path`, as the site has it: the heading's own
   * slug for one written in another case (`#Install`), which GitHub finds and browsers do not.
   */
  anchorIn?: (path: string, anchor: string) => string;
  /**
   * The document a route from the site's root (`/guide/quick-start.html`) names on the site
   * serving this document, as the graph reads such a link (`KnowledgeGraph.sitePage`).
   */
  sitePage?: (target: string) => string | undefined;
  /**
   * Where the graph resolved the document's links, by the start offset of the link (or of the
   * definition a reference uses): the path of the file it leads to, or null where it leads to
   * none. The site follows the graph, as the check does; a link it holds no edge for is read
   * by its path.
   */
  linkTargets?: ReadonlyMap<number, string | null>;
  /** Boundary lines to leave out. */
  boundaries?: readonly BoundaryPlace[];
  /** Nodes (list items, paragraphs) to leave out, by start offset. */
  omit?: ReadonlySet<number>;
}

/** The address an in-page anchor has once the sanitizer has prefixed the heading ids. */
export function anchorHref(anchor: string): string {
  return anchor === pageTitleAnchor ? `#${pageTitleAnchor}` : `#${clobberPrefix}${anchor}`;
}

/** The id of a page's title, the heading Starlight makes of it: a link to a document's own title heading leads there. */
export const pageTitleAnchor = '_top';

/** Handlers that apply the site's changes while converting to hast. */
export function contentHandlers(options: ContentOptions): Handlers {
  return new Conversion(options).handlers();
}

/** Where a relative `href` or `src` of the document's HTML leads on the site (see `renderMarkdown`). */
export function htmlUrls(options: ContentOptions): HtmlUrl {
  return (url) => {
    if (/^\/(?!\/)/.test(url)) return routeHref(url, options);
    const target = siteHref(url, options, undefined);
    return target.kind === 'page' ? target.href : target.kind === 'unpublished' ? null : undefined;
  };
}

/**
 * A route from the site's root written in the document's HTML (`<a href="/guide/quick-start.html">`):
 * the page of the document the site serving it has there, else `undefined`, left as written
 * (a file of the site's `public/`, a page its code makes, or an address of this site already).
 */
function routeHref(url: string, options: ContentOptions): string | undefined {
  const hash = url.indexOf('#');
  const pathPart = (hash === -1 ? url : url.slice(0, hash)).replace(/\?.*$/, '');
  const anchor = hash === -1 ? undefined : url.slice(hash + 1);
  const path = options.sitePage?.(pathPart);
  const page = path === undefined ? undefined : options.documentUrl(path);
  if (path === undefined || page === undefined) return undefined;
  return anchor ? `${page}${anchorHref(options.anchorIn?.(path, anchor) ?? anchor)}` : page;
}

/**
 * One conversion's state: what to leave out, which source ranges become links, and whether
 * the node being converted sits inside a link or heading (where nothing more becomes a link:
 * a link cannot hold another).
 */
class Conversion {
  private readonly ranges: SourceRange[];
  private readonly boundaries: readonly BoundaryPlace[];
  private readonly boundaryLines: Set<number>;
  private readonly omit: ReadonlySet<number>;
  private linkless = 0;

  constructor(private readonly options: ContentOptions) {
    this.ranges = [...(options.ranges ?? [])].sort((a, b) => a.start - b.start);
    this.boundaries = options.boundaries ?? [];
    this.boundaryLines = new Set(this.boundaries.map((boundary) => boundary.line));
    this.omit = options.omit ?? new Set<number>();
  }

  handlers(): Handlers {
    /** Leave out what is omitted or wholly inside a boundary line, else convert as usual. */
    const keeping =
      <N extends Nodes>(handler: Handler) =>
      (state: State, node: N, parent: Parents | undefined) =>
        this.isLeftOut(node) ? undefined : handler(state, node, parent);
    return {
      link: keeping((state, node: Link) => this.link(state, node)),
      linkReference: keeping((state, node: LinkReference) => this.linkReference(state, node)),
      image: keeping((state, node: Image) => this.image(state, node)),
      imageReference: keeping((state, node: ImageReference) => this.imageReference(state, node)),
      heading: (state: State, node: Heading) => this.heading(state, node),
      text: keeping((state, node: Text) => this.text(state, node)),
      inlineCode: keeping((state, node: InlineCode) => this.inlineCode(state, node)),
      code: (state: State, node: Code) => this.code(state, node),
      list: (state: State, node: List) => this.list(state, node),
      listItem: keeping(defaultHandlers.listItem),
      paragraph: keeping(defaultHandlers.paragraph),
      emphasis: keeping(defaultHandlers.emphasis),
      strong: keeping(defaultHandlers.strong),
      break: keeping(defaultHandlers.break),
    };
  }

  private isLeftOut(node: Nodes): boolean {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return false;
    return this.omit.has(start) || this.boundaries.some((boundary) => boundary.start <= start && boundary.end >= end);
  }

  private withoutLinks<T>(convert: () => T): T {
    this.linkless++;
    try {
      return convert();
    } finally {
      this.linkless--;
    }
  }

  private link(state: State, node: Link, written = node.position?.start.offset) {
    const target = siteHref(node.url, this.options, written);
    if (target.kind === 'unpublished') {
      return this.withoutLinks(() => marked(state.all(node), contentClasses.unpublishedLink, `${node.url} is not published on this site`));
    }
    const href = target.kind === 'page' ? target.href : node.url;
    return this.withoutLinks(() => defaultHandlers.link(state, { ...node, url: href }));
  }

  private linkReference(state: State, node: LinkReference) {
    const definition = state.definitionById.get(String(node.identifier).toUpperCase());
    if (!definition) return defaultHandlers.linkReference(state, node);
    const link: Link = { type: 'link', url: definition.url, title: definition.title, children: node.children, position: node.position };
    return this.link(state, link, definition.position?.start.offset);
  }

  private image(state: State, node: Image, written = node.position?.start.offset) {
    const target = siteHref(node.url, this.options, written);
    if (target.kind === 'unpublished') return marked([{ type: 'text', value: node.alt ?? '' }], contentClasses.unpublishedLink, `${node.url} is not published on this site`);
    return defaultHandlers.image(state, target.kind === 'page' ? { ...node, url: target.href } : node);
  }

  private imageReference(state: State, node: ImageReference) {
    const definition = state.definitionById.get(String(node.identifier).toUpperCase());
    if (!definition) return defaultHandlers.imageReference(state, node);
    const image: Image = { type: 'image', url: definition.url, title: definition.title, alt: node.alt, position: node.position };
    return this.image(state, image, definition.position?.start.offset);
  }

  private heading(state: State, written: Heading) {
    const offset = written.position?.start.offset;
    const node = offset !== undefined && this.options.headingsSettingIds?.has(offset) ? headingWithoutId(written) : written;
    const element = this.withoutLinks(() => defaultHandlers.heading(state, node));
    if (offset === undefined) return element;
    const id = this.options.headingIds?.get(offset);
    if (id !== undefined) element.properties['id'] = id;
    const href = this.options.headingLinks?.get(offset);
    if (href !== undefined) element.children = [anchor(href, undefined, contentClasses.capsuleHeading, unwrapLinks(element.children))];
    return element;
  }

  private text(state: State, node: Text) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return defaultHandlers.text(state, node);
    const cuts = this.boundaries.filter((boundary) => boundary.start < end && boundary.end > start);
    const links = this.linkless === 0 ? this.ranges.filter((range) => range.start < end && range.end > start) : [];
    // A text whose value differs from its source (escapes, entities) cannot be cut by offset.
    if ((cuts.length === 0 && links.length === 0) || this.options.source.slice(start, end) !== node.value) return defaultHandlers.text(state, node);
    return textPieces(this.options.source, start, end, cuts, links);
  }

  private inlineCode(state: State, node: InlineCode) {
    const element = defaultHandlers.inlineCode(state, node);
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (this.linkless > 0 || start === undefined || end === undefined) return element;
    const range = this.ranges.find((candidate) => candidate.start < end && candidate.end > start);
    return range ? wrap(range, [element]) : element;
  }

  /** A code block without its boundary lines. */
  private code(state: State, node: Code) {
    if (this.boundaryLines.size === 0 || !node.position) return defaultHandlers.code(state, node);
    const start = node.position.start.offset ?? 0;
    // A fenced block's first content line is the one after the opening fence.
    const fenced = /^(`{3,}|~{3,})/.test(this.options.source.slice(start, start + 3));
    const first = node.position.start.line + (fenced ? 1 : 0);
    const value = node.value
      .split('\n')
      .filter((_, at) => !this.boundaryLines.has(first + at))
      .join('\n');
    return defaultHandlers.code(state, { ...node, value });
  }

  private list(state: State, node: List) {
    if (this.isLeftOut(node)) return undefined;
    const element = defaultHandlers.list(state, node);
    // A list whose every item was left out is left out whole.
    return element.children.some((child) => child.type === 'element') ? element : undefined;
  }
}

/** The source text between two offsets, boundary lines cut out, reference ranges turned into links. */
function textPieces(source: string, start: number, end: number, boundaries: readonly BoundaryPlace[], links: readonly SourceRange[]): ElementContent[] {
  const cuts = boundaries.map((boundary) => {
    // Take the line break before a boundary too, so no empty line is left.
    const from = Math.max(boundary.start, start);
    return { start: from > start && source[from - 1] === '\n' ? from - 1 : from, end: Math.min(boundary.end, end) };
  });
  const points = [start, end, ...[...cuts, ...links].flatMap((range) => [range.start, range.end])]
    .filter((point) => point >= start && point <= end)
    .sort((a, b) => a - b);
  const pieces: ElementContent[] = [];
  let open: { range: SourceRange; children: ElementContent[] } | undefined;
  for (let index = 0; index < points.length - 1; index++) {
    const from = points[index]!;
    const to = points[index + 1]!;
    if (from === to || cuts.some((cut) => cut.start <= from && cut.end >= to)) continue;
    const value: ElementContent = { type: 'text', value: source.slice(from, to) };
    const range = links.find((candidate) => candidate.start <= from && candidate.end >= to);
    if (range && open?.range === range) open.children.push(value);
    else if (range) {
      open = { range, children: [value] };
      pieces.push(wrap(range, open.children));
    } else {
      open = undefined;
      pieces.push(value);
    }
  }
  return pieces;
}

type SiteHref = { kind: 'keep' } | { kind: 'page'; href: string } | { kind: 'unpublished' };

/**
 * Where a link written in a document goes on the site: a relative link to a published
 * document goes to its page (and anchor), an in-page anchor to the prefixed id. A relative
 * link to anything the site does not publish is kept as marked text rather than left dead.
 * Where the graph resolved the link (written at `offset`), its file is the one.
 */
function siteHref(url: string, options: ContentOptions, offset: number | undefined): SiteHref {
  const siteAnchor = (path: string, anchor: string) => options.anchorIn?.(path, anchor) ?? anchor;
  if (url.startsWith('#')) return { kind: 'page', href: anchorHref(siteAnchor(options.documentPath, url.slice(1))) };
  // URLs with a scheme and protocol-relative ones leave the site; the sanitizer judges them.
  if (isAddress(url) || url === '') return { kind: 'keep' };
  const hash = url.indexOf('#');
  const pathPart = (hash === -1 ? url : url.slice(0, hash)).replace(/\?.*$/, '');
  const anchor = hash === -1 ? undefined : url.slice(hash + 1);
  const resolved = offset === undefined ? undefined : options.linkTargets?.get(offset);
  if (resolved === null) return { kind: 'unpublished' };
  if (resolved !== undefined) {
    const page = options.documentUrl(resolved);
    if (page === undefined) return { kind: 'unpublished' };
    return { kind: 'page', href: anchor ? `${page}${anchorHref(siteAnchor(resolved, anchor))}` : page };
  }
  const decoded = decodePath(pathPart);
  for (const from of [options.documentPath, '']) {
    const resolved = resolveCorpusPath(from, decoded);
    if (resolved.kind !== 'inside') continue;
    const page = options.documentUrl(resolved.path);
    if (page !== undefined) return { kind: 'page', href: anchor ? `${page}${anchorHref(siteAnchor(resolved.path, anchor))}` : page };
  }
  return { kind: 'unpublished' };
}

function wrap(range: SourceRange, children: ElementContent[]): Element {
  return range.href === undefined
    ? marked(children, contentClasses.unresolvedReference, range.title)
    : anchor(range.href, range.title, contentClasses.capsuleReference, children);
}

function anchor(href: string, title: string | undefined, className: string, children: ElementContent[]): Element {
  const properties: Properties = { href, className: [className] };
  if (title !== undefined) properties['title'] = title;
  return { type: 'element', tagName: 'a', properties, children };
}

/** A marked stretch of text: a `span` with a class and an explaining title. */
function marked(children: ElementContent[], className: string, title: string | undefined): Element {
  const properties: Properties = { className: [className] };
  if (title !== undefined) properties['title'] = title;
  return { type: 'element', tagName: 'span', properties, children };
}

/** Links inside a heading that becomes a link keep only their content. */
function unwrapLinks(children: ElementContent[]): ElementContent[] {
  return children.flatMap((child) => (child.type === 'element' && child.tagName === 'a' ? child.children : [child]));
}
