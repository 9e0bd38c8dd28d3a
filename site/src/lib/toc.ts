/**
 * A page's table of contents, nested as Starlight nests it: headings outside the configured
 * levels left out, each one under the last heading of a lower depth before it. Starlight makes
 * its contents from the headings in the content store; a corpus document's headings are kept
 * out of the store (see `route-data.ts`) and added here.
 */
import type { PageHeading } from './views.js';

export interface TocItem extends PageHeading {
  children: TocItem[];
}

export interface TocLevels {
  minHeadingLevel: number;
  maxHeadingLevel: number;
}

/** `items` (Starlight's, which open with the page's overview) with `headings` nested after them. */
export function withHeadings(items: readonly TocItem[], headings: readonly PageHeading[], { minHeadingLevel, maxHeadingLevel }: TocLevels): TocItem[] {
  const toc = items.map(copy);
  for (const heading of headings) {
    if (heading.depth < minHeadingLevel || heading.depth > maxHeadingLevel) continue;
    let siblings = toc;
    // Down the last items while they are shallower than this heading.
    for (let last = siblings.at(-1); last && last.depth < heading.depth; last = siblings.at(-1)) siblings = last.children;
    siblings.push({ ...heading, children: [] });
  }
  return toc;
}

function copy(item: TocItem): TocItem {
  return { ...item, children: item.children.map(copy) };
}
