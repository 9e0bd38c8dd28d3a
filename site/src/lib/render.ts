/**
 * mdast to HTML, the only way the site turns content into markup. The parser's trees go
 * through mdast-util-to-hast, raw HTML in the Markdown is parsed into elements (so that it
 * can be judged tag by tag), and sanitizing is the last step before serialising: whatever
 * the earlier steps or the content produced, only the schema's elements, attributes and
 * protocols reach the page, and every id or name is prefixed so that content cannot clobber
 * the page's own ids.
 */
import type { Root as HastRoot } from 'hast';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Root, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';

/** Prefix the sanitizer puts on every id and name taken from content. */
export const clobberPrefix = defaultSchema.clobberPrefix ?? 'user-content-';

/** Class names the site's own transforms put on content; nothing else may carry a class. */
export const contentClasses = {
  capsuleHeading: 'capsule-heading-link',
  capsuleReference: 'capsule-ref',
  unresolvedReference: 'capsule-ref-unresolved',
  unpublishedLink: 'unpublished-link',
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
  attributes: {
    ...defaultSchema.attributes,
    a: allowingOwnClasses('a'),
    span: allowingOwnClasses('span'),
  },
};

/** Render mdast nodes (a whole tree or some of its children) to sanitized HTML. */
export function renderMarkdown(nodes: Root | readonly RootContent[]): string {
  const root: Root = 'type' in nodes ? nodes : { type: 'root', children: [...nodes] };
  const hast = toHast(root, { allowDangerousHtml: true }) as HastRoot;
  const parsed = raw(hast) as HastRoot;
  return toHtml(sanitize(parsed, schema));
}
