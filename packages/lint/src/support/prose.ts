/**
 * The prose of a part, read from its Markdown tree: the words a reader reads as sentences.
 * Code spans, HTML, images and autolinks are not prose, and neither are the technical
 * tokens written in plain text (URLs, IP addresses, ports, file paths): a rule that looks
 * for versions, dates or slashes in a sentence must not find them in `10.0.0.5`,
 * `/etc/hosts` or `:8080`. Every character of the prose maps back to its exact place.
 */
import type { Nodes, RootContent } from 'mdast';
import type { Span } from 'remark-capsules';
import { spanOf } from './places.js';
import { isCommentNode } from 'remark-capsules';

/** Stands where something that is not prose was: a non-word, non-space character. */
const gap = '\u{FFFC}';

interface Segment {
  /** Where the segment starts in the prose. */
  from: number;
  to: number;
  /** Where it starts and ends in the source. */
  start: number;
  end: number;
  /** True when the source holds the segment's text verbatim, so offsets map one to one. */
  verbatim: boolean;
}

export interface Prose {
  /** The prose, with a `\u{FFFC}` wherever a code span, link target or other non-prose stood. */
  text: string;
  /** Ranges of `text` that are technical tokens (URLs, IPs, ports, paths), not words. */
  technical: readonly [number, number][];
  /** The source span of `text.slice(from, to)`. */
  placeOf(from: number, to: number): Span;
  /** True when `text.slice(from, to)` overlaps a technical token or a gap. */
  isTechnical(from: number, to: number): boolean;
}

/** The prose of a part's content nodes (HTML comments left out). */
export function proseOf(nodes: readonly RootContent[], source: string): Prose {
  const segments: Segment[] = [];
  let text = '';
  const push = (value: string, start: number, end: number) => {
    const verbatim = source.slice(start, end) === value;
    segments.push({ from: text.length, to: text.length + value.length, start, end, verbatim });
    text += value;
  };
  const visit = (node: Nodes) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'text') {
      if (start !== undefined && end !== undefined) push(node.value, start, end);
      else text += gap;
      return;
    }
    if (node.type === 'link' && isAutolink(node)) {
      text += gap;
      return;
    }
    if ('children' in node) {
      for (const child of node.children) visit(child);
      // Block boundaries (paragraphs, list items) separate words.
      if (!isInline(node)) text += '\n';
      return;
    }
    // Code spans, code blocks, HTML, images, breaks: not prose.
    text += gap;
  };
  for (const node of nodes) if (!isCommentNode(node)) visit(node);

  const technical = technicalRanges(text);
  return {
    text,
    technical,
    placeOf: (from, to) => placeOf(segments, source, from, to),
    isTechnical: (from, to) =>
      technical.some(([start, end]) => from < end && to > start) || text.slice(from, to).includes(gap),
  };
}

function isInline(node: Nodes): boolean {
  return ['emphasis', 'strong', 'delete', 'link', 'linkReference', 'footnoteReference'].includes(node.type);
}

/** `<https://example.com>` or `<a@b.c>`: the link's text is its own destination. */
function isAutolink(node: Extract<Nodes, { type: 'link' }>): boolean {
  const shown = node.children.map((child) => ('value' in child ? child.value : '')).join('');
  return shown === node.url || `mailto:${shown}` === node.url || /^[a-z][a-z0-9+.-]*:\S*$/i.test(shown);
}

function placeOf(segments: readonly Segment[], source: string, from: number, to: number): Span {
  const first = segments.find((segment) => from >= segment.from && from < segment.to);
  const last = [...segments].reverse().find((segment) => to > segment.from && to <= segment.to);
  if (!first || !last) {
    const any = first ?? last ?? segments[0];
    return any ? spanOf(source, any.start, any.end) : spanOf(source, 0, 0);
  }
  const start = first.verbatim ? first.start + (from - first.from) : first.start;
  const end = last.verbatim ? last.start + (to - last.from) : last.end;
  return spanOf(source, start, Math.max(start, end));
}

/** Characters that may wrap a token without being part of it: brackets, quotes, sentence punctuation. */
const leading = /^[("'“‘«\[{]+/u;
const trailing = /[)"'”’»\]},.;:!?]+$/u;

/** What a technical token is; each holds a colon, a slash or a dot. */
export const technicalToken: RegExp[] = [
  // A URL or an address with a scheme, or a bare `www.` host.
  /^[a-z][a-z0-9+.-]*:\/\/\S+$/i,
  /^(?:mailto|tel|urn|file|data):\S+$/i,
  /^www\.\S+$/i,
  // An IPv4 address, optionally with a port or a prefix length, or a range written with
  // wildcards for its last parts (`10.11.x.x`, `172.16.2.*`); four parts, so `1.2.x` stays a version.
  /^\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?:\/\d{1,2})?$/,
  /^\d{1,3}\.\d{1,3}\.(?:\d{1,3}|[x*])\.[x*]$/i,
  // An IPv6 address (at least two colons, hex groups).
  /^\[?(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}\]?(?::\d{1,5})?(?:\/\d{1,3})?$/i,
  // A port, alone or after a host: `:8080`, `localhost:8080`, `db.internal:5432`.
  /^[\w.-]*:\d{2,5}$/,
  // A path: rooted, relative, home-based, several folders deep, or ending in a file name.
  /^(?:\/|\.{1,2}\/|~\/)\S*$/,
  /^[^\s/]*\/[^\s/]*\/\S*$/,
  /^\S*\/[^\s/]*\.[a-z][a-z0-9]{0,5}$/i,
];

/** The ranges of `text` holding whitespace-separated tokens that are technical, not words. */
export function technicalRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(/[^\s\u{FFFC}]+/gu)) {
    // Every technical token holds one of these: a word without them is passed over at once.
    if (!/[:/.]/.test(match[0])) continue;
    let token = match[0];
    let start = match.index;
    const open = leading.exec(token)?.[0].length ?? 0;
    token = token.slice(open);
    start += open;
    token = token.slice(0, token.length - (trailing.exec(token)?.[0].length ?? 0));
    if (token !== '' && technicalToken.some((pattern) => pattern.test(token))) ranges.push([start, start + token.length]);
  }
  return ranges;
}
