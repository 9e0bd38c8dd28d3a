/**
 * Listing pages of a bounded size. The capsule, document, tag, category and checklist
 * listings are split into pages of at most a set number of entries, so that no page's HTML
 * grows with the corpus: the first page keeps the listing's address (`/capsules/`), the
 * others follow it (`/capsules/page/2/`).
 */

export interface ListingPage<T> {
  entries: T[];
  /** 1 for the first page. */
  number: number;
  /** How many pages the listing has. */
  count: number;
  /** How many entries the listing has, on all its pages. */
  total: number;
  /** Where the page's first entry stands in the whole listing, from 1. */
  start: number;
  /** The page's address part after the listing's: none for the first page, `page/2` after. */
  rest: string | undefined;
}

/** The address part after the listing's own for page `number`. */
export function pageRest(number: number): string | undefined {
  return number === 1 ? undefined : `page/${number}`;
}

/** The address of page `number` of the listing at `listingUrl` (which ends with a slash). */
export function pageUrl(listingUrl: string, number: number): string {
  const rest = pageRest(number);
  return rest === undefined ? listingUrl : `${listingUrl}${rest}/`;
}

/** A path under the site's base address (Astro's `BASE_URL`, with or without its closing slash). */
export function sitePath(base: string, path: string): string {
  return `${base.replace(/\/?$/, '/')}${path}`;
}

/** `entries` cut into pages of at most `size` each; an empty listing is one empty page. */
export function listingPages<T>(entries: readonly T[], size: number): ListingPage<T>[] {
  return groupedPages(entries.map((entry) => [entry]), size);
}

/**
 * Groups of entries put on pages whole, in order: a page takes groups while it holds at most
 * `size` entries, and a group larger than that is a page of its own. Used for checklists,
 * whose sections are not split across pages.
 */
export function groupedPages<T>(groups: readonly (readonly T[])[], size: number): ListingPage<T>[] {
  const pageEntries: T[][] = [];
  let current: T[] = [];
  for (const group of groups) {
    if (current.length > 0 && current.length + group.length > size) {
      pageEntries.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length > 0 || pageEntries.length === 0) pageEntries.push(current);
  const total = pageEntries.reduce((sum, page) => sum + page.length, 0);
  let start = 1;
  return pageEntries.map((pageOf, index) => {
    const page = { entries: pageOf, number: index + 1, count: pageEntries.length, total, start, rest: pageRest(index + 1) };
    start += pageOf.length;
    return page;
  });
}

/**
 * The page numbers a page links to: the first, the last, and the two on either side of its
 * own, so that the links stay few however many pages there are. `undefined` marks a gap.
 */
export function nearbyPages(number: number, count: number): (number | undefined)[] {
  const shown = [...new Set([1, number - 2, number - 1, number, number + 1, number + 2, count])]
    .filter((candidate) => candidate >= 1 && candidate <= count)
    .sort((a, b) => a - b);
  const withGaps: (number | undefined)[] = [];
  for (const candidate of shown) {
    const previous = withGaps.at(-1);
    if (previous !== undefined && candidate > previous + 1) withGaps.push(undefined);
    withGaps.push(candidate);
  }
  return withGaps;
}

/** The listing's title, with the page number after the first page so each page's title is its own. */
export function listingTitle(title: string, page: ListingPage<unknown>): string {
  return page.number === 1 ? title : `${title} (page ${page.number} of ${page.count})`;
}

/** "7,587 capsules", or on a listing of several pages "Capsules 101 to 200 of 7,587". */
export function listingSummary(page: ListingPage<unknown>, one: string, many: string): string {
  const count = (total: number) => total.toLocaleString('en');
  if (page.count === 1) return `${count(page.total)} ${page.total === 1 ? one : many}`;
  const last = page.start + page.entries.length - 1;
  const noun = many.charAt(0).toUpperCase() + many.slice(1);
  return `${noun} ${count(page.start)} to ${count(last)} of ${count(page.total)}`;
}
