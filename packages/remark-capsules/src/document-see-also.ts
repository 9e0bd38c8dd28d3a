/**
 * A document's own See Also, outside every capsule: the bullets under a paragraph that holds
 * only a bold `See Also` label (`**See Also**:`, `**See also:**`), or under a `See Also`
 * heading up to the next heading of its level or higher. Each bullet is read like a SeeAlso
 * value, so every form a capsule's SeeAlso takes works here too. A label with text after it
 * on the same line (`**See Also**: A, B`) is read the same way, and so is a paragraph that
 * opens with the Depth key itself (`SeeAlso: A, B`).
 */
import type { List, Paragraph, Root } from 'mdast';
import type { Capsule, Reference, Span } from './model.js';
import { isCitableName } from './names.js';
import { readReferences } from './references.js';
import { lineText, type SourceText } from './source-text.js';

/** The references of the document's See Also blocks, and the source range of each item read. */
export function readDocumentSeeAlso(tree: Root, source: SourceText, capsules: Capsule[]): { references: Reference[]; items: Span[] } {
  const references: Reference[] = [];
  const items: Span[] = [];
  const insideCapsule = capsuleTest(capsules);
  const read = (start: number, end: number) => {
    if (end <= start) return;
    references.push(...readReferences(source.slice(start, end), start, source));
    items.push(source.span(start, end));
  };
  const readList = (list: List) => {
    for (const item of list.children) {
      const first = item.children[0];
      if (first?.type === 'paragraph') read(afterItemLabel(first, source) ?? source.startOf(first), source.endOf(first));
    }
  };

  const children = tree.children;
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    if (insideCapsule(source.startOf(node))) continue;
    if (node.type === 'heading' && isSeeAlsoLabel(lineText(node))) {
      // The section runs to the next heading of its level or higher.
      let next = index + 1;
      for (; next < children.length; next++) {
        const child = children[next]!;
        if (child.type === 'heading' && child.depth <= node.depth) break;
        if (child.type === 'list' && !insideCapsule(source.startOf(child))) readList(child);
      }
      index = next - 1;
      continue;
    }
    if (node.type !== 'paragraph') continue;
    const rest = afterLabel(node, source);
    if (rest === undefined) continue;
    read(rest, source.endOf(node));
    const following = children[index + 1];
    if (following?.type === 'list') readList(following);
  }
  return { references, items };
}

/**
 * Where an item's text starts after a bold label that names a kind of link rather than a
 * capsule (`- **Related**: \`docs/setup.md\` for new machines`, `- **Full context:** ...`):
 * a word or words that are not a capsule-shaped name, with a colon. Undefined when the item
 * opens otherwise, and for a bold capsule name (`- **RiskDiscovery**: why`), which is the
 * reference.
 */
function afterItemLabel(paragraph: Paragraph, source: SourceText): number | undefined {
  const [first, second] = paragraph.children;
  if (first?.type !== 'strong') return undefined;
  const label = lineText(first).trim();
  const colonInside = label.endsWith(':');
  const colonAfter = second?.type === 'text' ? /^[ \t]*:/.exec(second.value) : null;
  if (!colonInside && !colonAfter) return undefined;
  if (isCitableName(label.replace(/:$/, '').trim())) return undefined;
  return source.endOf(first) + (colonAfter ? colonAfter[0].length : 0);
}

/** `See Also`, `See also:`, `SEE ALSO` — any case, an optional colon. */
function isSeeAlsoLabel(text: string): boolean {
  return /^see\s*also\s*:?$/i.test(text.trim());
}

/**
 * Where the text after a leading bold `See Also` label starts, when the paragraph opens with
 * one (a colon inside or right after the bold is part of the label); else undefined.
 */
function afterLabel(paragraph: Paragraph, source: SourceText): number | undefined {
  const [first, second] = paragraph.children;
  // `SeeAlso: A, B` written as a paragraph: the Depth key, used for the document. Only the
  // key's own spelling counts; prose that starts "See also:" is not a list of references.
  const key = first?.type === 'text' ? /^SeeAlso[ \t]*:/.exec(source.sliceOf(first)) : null;
  if (key) return source.startOf(first!) + key[0].length;
  if (!first || (first.type !== 'strong' && first.type !== 'emphasis') || !isSeeAlsoLabel(lineText(first))) return undefined;
  const end = source.endOf(first);
  if (second?.type === 'text') {
    const colon = /^[ \t]*:/.exec(second.value);
    if (colon) return end + colon[0].length;
  }
  return end;
}

/** A test for whether an offset lies in a capsule; asked in source order, so a cursor suffices. */
function capsuleTest(capsules: Capsule[]): (offset: number) => boolean {
  let next = 0;
  return (offset) => {
    if (next > 0 && capsules[next - 1]!.position.end.offset >= offset) next = 0;
    while (next < capsules.length && capsules[next]!.position.end.offset < offset) next++;
    const capsule = capsules[next];
    return capsule !== undefined && capsule.position.start.offset <= offset;
  };
}
