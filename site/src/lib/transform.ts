/**
 * Changes the site makes to a parser's mdast tree before it is rendered: links between
 * documents become links between pages, capsule names cited in the text become links to
 * capsule pages, headings get the ids the parser computed. Each transform works on a copy
 * the caller owns; the graph's trees are never touched.
 */
import { decodePath, resolveCorpusPath } from '@capsule-docs/graph';
import type { Emphasis, Heading, Link, Nodes, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { clobberPrefix, contentClasses } from './render.js';

/** A stretch of source text (by offsets) to show as a link, or as an unresolved reference. */
export interface SourceRange {
  start: number;
  end: number;
  /** Where the link goes; without it the range is shown as an unresolved reference. */
  href: string | undefined;
  /** Shown on hover; says why a reference did not resolve. */
  title: string | undefined;
}

/** Resolve a corpus-relative document path to its page address, if it is published. */
export type DocumentUrl = (path: string) => string | undefined;

/** The address an in-page anchor has once the sanitizer has prefixed the heading ids. */
export function anchorHref(anchor: string): string {
  return `#${clobberPrefix}${anchor}`;
}

/**
 * Point links at pages of the site: a relative link to a published document goes to its
 * page (and anchor), an in-page anchor to the prefixed id. A relative link to anything the
 * site does not publish is kept as text, marked, rather than left dead.
 */
export function rewriteLinks(tree: Root, documentPath: string, documentUrl: DocumentUrl): void {
  visit(tree, (node, index, parent) => {
    if (node.type !== 'link' && node.type !== 'definition' && node.type !== 'image') return;
    const target = siteHref(node.url, documentPath, documentUrl);
    if (target.kind === 'keep') return;
    if (target.kind === 'page') {
      node.url = target.href;
      return;
    }
    if (!parent || index === undefined) return;
    const note = `${node.url} is not published on this site`;
    if (node.type === 'definition') {
      // A reference to a missing definition renders as its plain text.
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    const children: PhrasingContent[] = node.type === 'image' ? [{ type: 'text', value: node.alt ?? '' }] : node.children;
    parent.children.splice(index, 1, marked(children, contentClasses.unpublishedLink, note) as never);
    return [SKIP, index + 1];
  });
}

type SiteHref = { kind: 'keep' } | { kind: 'page'; href: string } | { kind: 'unpublished' };

function siteHref(url: string, documentPath: string, documentUrl: DocumentUrl): SiteHref {
  if (url.startsWith('#')) return { kind: 'page', href: anchorHref(url.slice(1)) };
  // URLs with a scheme and protocol-relative ones leave the site; the sanitizer judges them.
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url === '') return { kind: 'keep' };
  const hash = url.indexOf('#');
  const pathPart = (hash === -1 ? url : url.slice(0, hash)).replace(/\?.*$/, '');
  const anchor = hash === -1 ? undefined : url.slice(hash + 1);
  const decoded = decodePath(pathPart);
  for (const from of [documentPath, '']) {
    const resolved = resolveCorpusPath(from, decoded);
    if (resolved.kind !== 'inside') continue;
    const page = documentUrl(resolved.path);
    if (page !== undefined) return { kind: 'page', href: anchor ? `${page}${anchorHref(anchor)}` : page };
  }
  return { kind: 'unpublished' };
}

/** Give each heading the id the parser computed for it (matched by source offset). */
export function setHeadingIds(tree: Root, slugs: ReadonlyMap<number, string>): void {
  visit(tree, 'heading', (node: Heading) => {
    const offset = node.position?.start.offset;
    const slug = offset === undefined ? undefined : slugs.get(offset);
    if (slug === undefined) return;
    node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id: slug } };
  });
}

/** Make the whole text of the headings at these offsets a link (capsule headings to capsule pages). */
export function linkHeadings(tree: Root, hrefs: ReadonlyMap<number, string>): void {
  visit(tree, 'heading', (node: Heading) => {
    const offset = node.position?.start.offset;
    const href = offset === undefined ? undefined : hrefs.get(offset);
    if (href === undefined) return;
    // A link cannot hold another link: links inside the heading keep only their text.
    const children = node.children.flatMap((child) => (child.type === 'link' ? child.children : [child]));
    node.children = [link(href, undefined, contentClasses.capsuleHeading, children)];
    return SKIP;
  });
}

/**
 * Turn stretches of source text into links (or marked unresolved references). Text that is
 * already a link, or that sits in a heading, is left alone. A text node whose value differs
 * from its source (escapes, entities) cannot be split by offset and is left as it is.
 */
export function linkRanges(tree: Root, source: string, ranges: readonly SourceRange[]): void {
  if (ranges.length === 0) return;
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  visit(tree, (node, index, parent) => {
    if (node.type === 'link' || node.type === 'linkReference' || node.type === 'heading') return SKIP;
    if (!parent || index === undefined || !node.position) return;
    const start = node.position.start.offset;
    const end = node.position.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'inlineCode') {
      const range = sorted.find((candidate) => candidate.start < end && candidate.end > start);
      if (!range) return;
      parent.children.splice(index, 1, wrap(range, [node]) as never);
      return [SKIP, index + 1];
    }
    if (node.type !== 'text' || source.slice(start, end) !== node.value) return;
    const inside = sorted.filter((range) => range.start < end && range.end > start);
    if (inside.length === 0) return;
    const pieces: PhrasingContent[] = [];
    let cursor = start;
    for (const range of inside) {
      const from = Math.max(range.start, cursor);
      const to = Math.min(range.end, end);
      if (from >= to) continue;
      if (from > cursor) pieces.push(text(source.slice(cursor, from)));
      pieces.push(wrap(range, [text(source.slice(from, to))]));
      cursor = to;
    }
    if (cursor < end) pieces.push(text(source.slice(cursor, end)));
    parent.children.splice(index, 1, ...(pieces as never[]));
    return [SKIP, index + pieces.length];
  });
}

/** Remove the nodes at these source offsets (list items, paragraphs), and lists left empty. */
export function removeNodesAt(nodes: RootContent[], offsets: ReadonlySet<number>): RootContent[] {
  const root: Root = { type: 'root', children: nodes };
  visit(root, (node, index, parent) => {
    if (!parent || index === undefined) return;
    const offset = node.position?.start.offset;
    if (offset !== undefined && offsets.has(offset)) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
  });
  visit(root, 'list', (node, index, parent) => {
    if (node.children.length > 0 || !parent || index === undefined) return;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return root.children;
}

/** A boundary line's place: its source offsets and line. */
export interface BoundaryPlace {
  start: number;
  end: number;
  line: number;
}

/**
 * Take boundary lines out of an example: the page shows the boundary set apart. A boundary
 * on its own paragraph is already left out by the parser; this removes the ones that share a
 * paragraph with other text (by source offset) or sit inside a code block (by line).
 */
export function removeBoundaries(nodes: RootContent[], source: string, boundaries: readonly BoundaryPlace[]): RootContent[] {
  if (boundaries.length === 0) return nodes;
  const lines = new Set(boundaries.map((boundary) => boundary.line));
  const root: Root = { type: 'root', children: nodes };
  visit(root, (node: Nodes, index, parent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || !parent || index === undefined) return;
    if (node.type === 'code') {
      // A fenced block's first content line is the one after the opening fence.
      const fenced = /^(`{3,}|~{3,})/.test(source.slice(start, end));
      const first = node.position!.start.line + (fenced ? 1 : 0);
      node.value = node.value
        .split('\n')
        .filter((_, at) => !lines.has(first + at))
        .join('\n');
      return SKIP;
    }
    const covering = boundaries.find((boundary) => boundary.start <= start && boundary.end >= end);
    if (covering) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type !== 'text' || source.slice(start, end) !== node.value) return;
    const cuts = boundaries
      .filter((boundary) => boundary.start < end && boundary.end > start)
      .map((boundary) => [Math.max(boundary.start, start) - start, Math.min(boundary.end, end) - start] as const)
      .sort((a, b) => b[0] - a[0]);
    let value = node.value;
    // Cut from the end so earlier offsets stay valid; take the line break before a cut too.
    for (const [from, to] of cuts) {
      const cutFrom = from > 0 && value[from - 1] === '\n' ? from - 1 : from;
      value = value.slice(0, cutFrom) + value.slice(to);
    }
    node.value = value;
  });
  return root.children;
}

function wrap(range: SourceRange, children: PhrasingContent[]): PhrasingContent {
  return range.href === undefined
    ? marked(children, contentClasses.unresolvedReference, range.title)
    : link(range.href, range.title, contentClasses.capsuleReference, children);
}

function link(url: string, title: string | undefined, className: string, children: PhrasingContent[]): Link {
  return { type: 'link', url, title: title ?? null, children, data: { hProperties: { className: [className] } } };
}

/** A marked stretch of text: rendered as a `span` with a class and an explaining title. */
function marked(children: PhrasingContent[], className: string, title: string | undefined): Emphasis {
  return {
    type: 'emphasis',
    children,
    data: { hName: 'span', hProperties: { className: [className], ...(title === undefined ? {} : { title }) } },
  };
}

function text(value: string): Text {
  return { type: 'text', value };
}
