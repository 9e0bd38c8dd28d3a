/**
 * Admonitions fenced with colons, as Starlight (`:::tip[Title]`), Docusaurus (`:::note`,
 * `:::info Title`), VitePress (`::: warning Title`, `::: details`) and MyST (`:::{note}`)
 * write them, shown as the box their site shows rather than as paragraphs of colons. The
 * parser reads CommonMark, where such a fence is text: the opening line starts a paragraph,
 * the closing `:::` is a paragraph of its own or the last line of the one before it (of the
 * last list item's, when a list runs up to it, as a lazy continuation line). The syntax is
 * remark-directive's container: the closing fence has at least as many colons as the opening
 * one, so fences with more colons hold others.
 *
 * Only the admonitions these generators define are boxes; any other name (`::: mkdocs-click`,
 * mkdocstrings's `::: package.module`, a MyST `:::{figure-md}`) and a fence that is never
 * closed (or closed and never opened) are left as they are written. The tree is not changed: what changes is copied.
 */
import type { BlockContent, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';

/** The boxes Starlight's stylesheet draws, and the admonitions each generator's name stands for. */
const kinds: Record<string, 'note' | 'tip' | 'caution' | 'danger' | 'details'> = {
  note: 'note',
  info: 'note',
  important: 'note',
  seealso: 'note',
  tip: 'tip',
  hint: 'tip',
  success: 'tip',
  caution: 'caution',
  warning: 'caution',
  attention: 'caution',
  danger: 'danger',
  error: 'danger',
  details: 'details',
};

/** An opening fence: its colons, the name (bare or in MyST's braces) and a title in brackets or after a space. */
const opening = /^(:{3,})[ \t]*(?:([A-Za-z]+)|\{([A-Za-z]+)\})(?:[ \t]*\[([^\]\n]*)\]|[ \t]+([^\n]*?))?[ \t]*$/;
const closing = /^(:{3,})[ \t]*$/;

type Fence = { type: 'open'; colons: number; kind: string; name: string; title: string | undefined } | { type: 'close'; colons: number };
type Item = { node: RootContent } | { fence: Fence };

/** `tree` with its colon-fenced admonitions made boxes (see above); `tree` itself when it has none. */
export function withAsides(tree: Root): Root {
  const children = asidesIn(tree.children);
  return children === tree.children ? tree : { ...tree, children };
}

function asidesIn(children: readonly RootContent[]): RootContent[] {
  let changed = false;
  const inner = children.map((child) => {
    if (!('children' in child) || child.type === 'paragraph' || child.type === 'heading') return child;
    const grouped = asidesIn(child.children as RootContent[]);
    if (grouped === child.children) return child;
    changed = true;
    return { ...child, children: grouped } as RootContent;
  });
  const items = inner.flatMap(split);
  if (!items.some((item) => 'fence' in item)) return changed ? inner : (children as RootContent[]);
  const grouped = group(items);
  return grouped ?? (changed ? inner : (children as RootContent[]));
}

/**
 * A block as fences and the rest: a paragraph's opening line and closing line, and the
 * closing line a lazy continuation put at the end of a list's or quote's last paragraph.
 */
function split(node: RootContent): Item[] {
  if (node.type !== 'paragraph') {
    const lazy = trailingClose(node);
    return lazy ? [{ node: lazy.without }, ...lazy.fences.map((fence) => ({ fence }))] : [{ node }];
  }
  const items: Item[] = [];
  let paragraph: Paragraph | undefined = node;
  const first = paragraph.children[0];
  if (first?.type === 'text') {
    const line = first.value.split('\n', 1)[0]!;
    const fence = fenceOf(line);
    if (fence) {
      const rest = first.value.slice(line.length + 1);
      paragraph = withText(paragraph, 0, rest);
      items.push({ fence });
    }
  }
  const close = paragraph && closingLines(paragraph);
  if (close) {
    if (close.without) items.push({ node: close.without });
    items.push(...close.fences.map((fence) => ({ fence })));
  } else if (paragraph) {
    items.push({ node: paragraph });
  }
  return items;
}

function fenceOf(line: string): Fence | undefined {
  const close = closing.exec(line);
  if (close) return { type: 'close', colons: close[1]!.length };
  const open = opening.exec(line);
  if (!open) return undefined;
  const name = (open[2] ?? open[3])!;
  const kind = kinds[name.toLowerCase()];
  if (!kind) return undefined;
  const title = (open[4] ?? open[5])?.trim();
  return { type: 'open', colons: open[1]!.length, kind, name, title: title === '' ? undefined : title };
}

/**
 * A paragraph whose last lines are closing fences (`:::` then `::::`, closing nested boxes):
 * the paragraph without them (`undefined` when nothing is left), and the fences in order.
 */
function closingLines(paragraph: Paragraph): { without: Paragraph | undefined; fences: Fence[] } | undefined {
  const index = paragraph.children.length - 1;
  const last = paragraph.children[index];
  if (last?.type !== 'text') return undefined;
  const lines = last.value.split('\n');
  const fences: Fence[] = [];
  while (lines.length > 0) {
    const fence = fenceOf(lines[lines.length - 1]!);
    if (fence?.type !== 'close') break;
    fences.unshift(fence);
    lines.pop();
  }
  if (fences.length === 0) return undefined;
  return { without: withText(paragraph, index, lines.join('\n')), fences };
}

/** A list or quote whose last paragraph ends with closing fences, lazy continuation lines. */
function trailingClose(node: RootContent): { without: RootContent; fences: Fence[] } | undefined {
  if (node.type !== 'list' && node.type !== 'listItem' && node.type !== 'blockquote') return undefined;
  const index = node.children.length - 1;
  const last = node.children[index] as RootContent | undefined;
  if (!last) return undefined;
  const found = last.type === 'paragraph' ? closingLines(last) : trailingClose(last);
  if (!found?.without) return undefined;
  const children = [...node.children] as RootContent[];
  children[index] = found.without;
  return { without: { ...node, children } as RootContent, fences: found.fences };
}

/** The paragraph with its `index`th text replaced by `value`; `undefined` when nothing is left of it. */
function withText(paragraph: Paragraph, index: number, value: string): Paragraph | undefined {
  const children = [...paragraph.children];
  if (value === '') children.splice(index, 1);
  else children[index] = { ...(children[index] as Text), value };
  if (children.length === 0) return undefined;
  return { ...paragraph, children };
}

/**
 * The items with each opening fence and its closing one made a box; `undefined` when there
 * is none, or when a fence is left without its other half, which is then not read as one.
 */
function group(items: readonly Item[]): RootContent[] | undefined {
  const stack: { fence: Extract<Fence, { type: 'open' }>; children: RootContent[] }[] = [];
  const top: RootContent[] = [];
  for (const item of items) {
    if ('node' in item) (stack.length ? stack[stack.length - 1]!.children : top).push(item.node);
    else if (item.fence.type === 'open') stack.push({ fence: item.fence, children: [] });
    else {
      const open = stack.pop();
      if (!open || open.fence.colons > item.fence.colons) return undefined;
      (stack.length ? stack[stack.length - 1]!.children : top).push(aside(open.fence, open.children));
    }
  }
  return stack.length === 0 ? top : undefined;
}

/** The box: Starlight's aside markup (its stylesheet is on every page), or a `<details>` for VitePress's `details`. */
function aside(fence: Extract<Fence, { type: 'open' }>, children: RootContent[]): RootContent {
  const title = fence.title ?? fence.name.charAt(0).toUpperCase() + fence.name.slice(1).toLowerCase();
  const titleText: PhrasingContent = { type: 'text', value: title };
  if (fence.kind === 'details') {
    return {
      type: 'blockquote',
      data: { hName: 'details' },
      children: [{ type: 'paragraph', data: { hName: 'summary' }, children: [titleText] }, ...(children as BlockContent[])],
    };
  }
  return {
    type: 'blockquote',
    data: { hName: 'aside', hProperties: { ariaLabel: title, className: ['starlight-aside', `starlight-aside--${fence.kind}`] } },
    children: [
      { type: 'paragraph', data: { hProperties: { className: ['starlight-aside__title'] } }, children: [titleText] },
      { type: 'blockquote', data: { hName: 'div', hProperties: { className: ['starlight-aside__content'] } }, children: children as BlockContent[] },
    ],
  } as RootContent;
}

