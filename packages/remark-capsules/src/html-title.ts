/**
 * A title written as HTML: many a README opens with `<h1 align="center">Name</h1>` (to centre
 * it, or to set a logo beside it) and has no Markdown heading of level one.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Html, Root } from 'mdast';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { collapseWhitespace } from './source-text.js';

const htmlHeading = /<h1(?:\s[^>]*)?>([\s\S]*?)<\/h1\s*>/i;

/**
 * The HTML block that holds the document's title, and the title's text as a browser shows it
 * (tags left out, character references decoded), when the document opens with one: a block
 * before any heading, holding a whole `<h1>` with some text in it. An `<h1>` holding only a
 * logo names nothing in words.
 */
export function htmlTitle(tree: Root): { node: Html; text: string } | undefined {
  for (const node of tree.children) {
    if (node.type === 'heading') return undefined;
    if (node.type !== 'html') continue;
    const inner = htmlHeading.exec(node.value)?.[1];
    if (inner === undefined) continue;
    const text = collapseWhitespace(decodeReferences(inner.replace(/<[^>]*>/g, ' ')));
    return text === '' ? undefined : { node, text };
  }
  return undefined;
}

/** An HTML block's text without the `<h1>` element that is the document's title: the rest of the block (a tagline, badges) stays. */
export function withoutHtmlTitle(html: string): string {
  return html.replace(htmlHeading, '');
}

function decodeReferences(text: string): string {
  return text.replace(/&(?:#[xX]([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/g, (whole, hexadecimal?: string, decimal?: string, named?: string) => {
    if (hexadecimal !== undefined) return decodeNumericCharacterReference(hexadecimal, 16);
    if (decimal !== undefined) return decodeNumericCharacterReference(decimal, 10);
    const decoded = decodeNamedCharacterReference(named!);
    return decoded === false ? whole : decoded;
  });
}
