/**
 * The addresses written in a document's HTML (`<img src="../img/logo.png">`, `<a
 * href="other.md#setup">`, `<source src="clip.mp4">`): where each attribute's value stands in
 * the source, so that an export moving the text elsewhere can point it where it led, as it
 * does the destinations of Markdown links. They are not links to the check, which reads
 * Markdown's.
 */
import { isAddress } from './addresses.js';
import type { HtmlLink, Span } from './model.js';
import type { SourceText } from './source-text.js';

/** At most this many addresses of HTML are kept for a document. */
const htmlLinkLimit = 5_000;

/** A start tag: its name, then its attributes up to the `>` that closes it. */
const startTag = /<([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
/** One attribute of a start tag, its value quoted or not. */
const attribute = /\s+([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
/** HTML comments, whose tags are no tags. */
const comment = /<!--[\s\S]*?-->/g;

/**
 * Add the `href` and `src` addresses of the HTML at `span` (an HTML node, block or inline) to
 * `links`. Only the addresses an export may have to point elsewhere are kept: relative paths
 * and anchors, written without entities (`&amp;`), which would have to be read as HTML reads
 * them first.
 */
export function readHtmlLinks(source: SourceText, span: Span, links: HtmlLink[]): void {
  const from = span.start.offset;
  // Read from the source, not the node's value: inside a block quote or a list the value
  // lacks the markers each line of the source carries, and offsets into it would not hold.
  const raw = source.text.slice(from, span.end.offset).replace(comment, (text) => ' '.repeat(text.length));
  if (!/\s(?:href|src)\s*=/i.test(raw)) return;
  for (const tag of raw.matchAll(startTag)) {
    const attributesAt = tag.index + 1 + tag[1]!.length;
    for (const match of tag[2]!.matchAll(attribute)) {
      const name = match[1]!.toLowerCase();
      if (name !== 'href' && name !== 'src') continue;
      const url = match[2] ?? match[3] ?? match[4];
      if (url === undefined || url === '' || url.includes('&') || url.startsWith('/') || isAddress(url)) continue;
      if (links.length >= htmlLinkLimit) return;
      const start = from + attributesAt + match.index + match[0].length - url.length - (match[4] === undefined ? 1 : 0);
      links.push({ ...target(url), attribute: name, position: { start: source.point(start), end: source.point(start + url.length) } });
    }
  }
}

function target(url: string): Pick<HtmlLink, 'url' | 'path' | 'anchor' | 'kind'> {
  if (url.startsWith('#')) return { url, path: undefined, anchor: decoded(url.slice(1)), kind: 'anchor' };
  const hash = url.indexOf('#');
  const path = decoded((hash === -1 ? url : url.slice(0, hash)).split('?')[0] ?? '');
  return { url, path, anchor: hash === -1 ? undefined : decoded(url.slice(hash + 1)), kind: 'relative' };
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
