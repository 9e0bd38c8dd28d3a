/**
 * mdast to HTML, the only way the site turns content into markup. The parser's trees go
 * through mdast-util-to-hast, raw HTML in the Markdown is parsed into elements (so that it
 * can be judged tag by tag), and sanitizing is the last step before serialising: whatever
 * the earlier steps or the content produced, only the schema's elements, attributes and
 * protocols reach the page, and every id or name is prefixed so that content cannot clobber
 * the page's own ids.
 */
import type { Element, Root as HastRoot } from 'hast';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import type { Root, RootContent } from 'mdast';
import { toHast, type Handlers } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';

import { clobberPrefix } from './content-ids.js';

export { clobberPrefix };

/** Class names the site's own transforms put on content; nothing else may carry a class. */
export const contentClasses = {
  capsuleHeading: 'capsule-heading-link',
  capsuleReference: 'capsule-ref',
  unresolvedReference: 'capsule-ref-unresolved',
  unpublishedLink: 'unpublished-link',
  // An admonition fenced with colons, in Starlight's aside markup (`asides.ts`).
  aside: 'starlight-aside',
  asideNote: 'starlight-aside--note',
  asideTip: 'starlight-aside--tip',
  asideCaution: 'starlight-aside--caution',
  asideDanger: 'starlight-aside--danger',
  asideTitle: 'starlight-aside__title',
  asideContent: 'starlight-aside__content',
} as const;

const ownClasses = Object.values(contentClasses);

type AttributeList = NonNullable<Schema['attributes']>[string];

/** An element's allowed attributes with our classes added to the class names it already allows. */
function allowingOwnClasses(tagName: string): AttributeList {
  const allowed = defaultSchema.attributes?.[tagName] ?? [];
  const classDefinitions = allowed.filter((definition) => Array.isArray(definition) && definition[0] === 'className');
  const classValues = classDefinitions.flatMap((definition) => (definition as unknown[]).slice(1)) as string[];
  // The sanitizer reads one definition per attribute, so the class list must be a single one.
  return [...allowed.filter((definition) => !classDefinitions.includes(definition)), ['className', ...classValues, ...ownClasses]];
}

const schema: Schema = {
  ...defaultSchema,
  // Set here rather than taken from the default, so that the browser's scripts (`content-ids.ts`) know it.
  clobberPrefix,
  tagNames: [...(defaultSchema.tagNames ?? []), 'aside'],
  attributes: {
    ...defaultSchema.attributes,
    a: allowingOwnClasses('a'),
    span: allowingOwnClasses('span'),
    aside: [...allowingOwnClasses('aside'), 'ariaLabel'],
    p: allowingOwnClasses('p'),
    div: allowingOwnClasses('div'),
    input: [...(defaultSchema.attributes?.['input'] ?? []), 'ariaLabel'],
  },
};

/**
 * Render mdast nodes (a whole tree or some of its children) to sanitized HTML. `handlers`
 * change how some nodes convert (the site's link rewriting); they never bypass the sanitizer.
 */
export function renderMarkdown(nodes: Root | readonly RootContent[], handlers?: Handlers, htmlUrl?: HtmlUrl): string {
  const root: Root = 'type' in nodes ? nodes : { type: 'root', children: [...nodes] };
  const hast = toHast(root, { allowDangerousHtml: true, ...(handlers ? { handlers } : {}) }) as HastRoot;
  const parsed = hasRawHtml(hast) ? (raw(hast) as HastRoot) : hast;
  if (htmlUrl && parsed !== hast) rewriteHtmlUrls(parsed, htmlUrl);
  polish(parsed);
  return toHtml(sanitize(parsed, schema));
}

/**
 * Where a relative address written in the document's HTML leads on the site: the address to
 * write instead, `null` for a file the site does not publish, `undefined` to keep it.
 */
export type HtmlUrl = (url: string) => string | null | undefined;

/**
 * A relative address, a route from the site's root (`/guide/`, which `HtmlUrl` leaves alone
 * unless it names a document's page) or an anchor of the page (`#install`): not an anchor the
 * handlers wrote (`#user-content-…`, `#_top`), nor an address with a scheme or another host's.
 */
function isRelativeAddress(url: string): boolean {
  if (url.startsWith('#')) return url.length > 1 && !url.startsWith(`#${clobberPrefix}`) && url !== '#_top';
  return !/^(?:[a-z][a-z0-9+.-]*:|\/\/|\?|$)/i.test(url);
}

/**
 * The `<a href>` and `<img src>` of HTML written in the document (`<p align="center"><img
 * src="logo.png"></p>`, `<a href="docs/guide.md">`) lead where the same Markdown link or
 * image would: to a document's page, or, for a file the site does not publish, to nothing,
 * shown as marked text (the link's text, the image's alt text) as Markdown's are, rather than
 * to an address that is not on the site; an anchor (`<a href="#install">`) to the prefixed id
 * the heading has here. Markdown's own links were rewritten by the handlers already, and are
 * the site's addresses, which are left alone.
 */
function rewriteHtmlUrls(tree: HastRoot, htmlUrl: HtmlUrl): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    const attribute = node.tagName === 'a' ? 'href' : node.tagName === 'img' ? 'src' : undefined;
    const value = attribute && node.properties[attribute];
    if (typeof value !== 'string' || !isRelativeAddress(value)) return;
    const target = htmlUrl(value);
    if (target === undefined) return;
    if (target !== null) {
      node.properties[attribute!] = target;
      return;
    }
    if (!parent || index === undefined) return;
    const alt = node.properties['alt'];
    const children: Element['children'] = node.tagName === 'img' ? (typeof alt === 'string' && alt !== '' ? [{ type: 'text', value: alt }] : []) : node.children;
    parent.children[index] = { type: 'element', tagName: 'span', properties: { className: [contentClasses.unpublishedLink], title: `${value} is not published on this site` }, children };
  });
}

/** Parsing raw HTML is the slowest step; most documents have none. */
function hasRawHtml(tree: HastRoot): boolean {
  let found = false;
  visit(tree, 'raw', () => {
    found = true;
    return false;
  });
  return found;
}

/**
 * Accessibility the Markdown cannot say: wide code scrolls sideways, and a keyboard can only
 * scroll what it can focus; a task list's checkbox has no label of its own, so it is named
 * after its item's text.
 */
function polish(tree: HastRoot): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'pre') node.properties['tabIndex'] = 0;
    if (node.tagName !== 'li') return;
    const box = node.children.find(isCheckbox) ?? firstParagraphCheckbox(node);
    if (!box) return;
    const text = node.children
      .filter((child) => !(child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')))
      .map((child) => toString(child))
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    if (text !== '') box.properties['ariaLabel'] = text;
  });
}

function isCheckbox(node: Element['children'][number]): node is Element {
  return node.type === 'element' && node.tagName === 'input' && node.properties['type'] === 'checkbox';
}

/** In a loose list the checkbox sits inside the item's first paragraph. */
function firstParagraphCheckbox(item: Element): Element | undefined {
  const first = item.children.find((child): child is Element => child.type === 'element');
  return first?.tagName === 'p' ? first.children.find(isCheckbox) : undefined;
}
