/** Listing pages of bounded size: how entries are cut into pages, linked and summed up. */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultListingPageSize, listingPageSize } from '../../site/src/corpus-settings.js';
import { groupedPages, listingPages, listingSummary, listingTitle, nearbyPages, pageUrl, sitePath } from '../../site/src/lib/listing-pages.js';

describe('listingPages', () => {
  it('cuts entries into pages of at most the size, in order, every entry once', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (entries, size) => {
        const pages = listingPages(entries, size);
        expect(pages.flatMap((page) => page.entries)).toEqual(entries);
        expect(pages.length).toBe(Math.max(1, Math.ceil(entries.length / size)));
        for (const [index, page] of pages.entries()) {
          expect(page.entries.length).toBeLessThanOrEqual(size);
          expect(page).toMatchObject({ number: index + 1, count: pages.length, total: entries.length });
          expect(entries[page.start - 1]).toBe(page.entries[0]);
        }
      }),
    );
  });

  it('keeps the first page at the listing address and puts the others under page/N', () => {
    const pages = listingPages(['a', 'b', 'c'], 2);
    expect(pages.map((page) => page.rest)).toEqual([undefined, 'page/2']);
    expect(pageUrl('/capsules/', 1)).toBe('/capsules/');
    expect(pageUrl('/capsules/', 2)).toBe('/capsules/page/2/');
  });

  it('puts a listing under the site base, written with or without its closing slash', () => {
    expect(sitePath('/', 'capsules/')).toBe('/capsules/');
    expect(sitePath('/handbook', 'tags/')).toBe('/handbook/tags/');
    expect(sitePath('/handbook/', 'graph.json')).toBe('/handbook/graph.json');
  });

  it('makes an empty listing one empty page', () => {
    expect(listingPages([], 5)).toEqual([{ entries: [], number: 1, count: 1, total: 0, start: 1, rest: undefined }]);
  });
});

describe('groupedPages', () => {
  it('never splits a group, and gives a group larger than a page a page of its own', () => {
    const groups = [['a1', 'a2'], ['b1', 'b2', 'b3', 'b4', 'b5'], ['c1'], ['d1', 'd2']];
    expect(groupedPages(groups, 3).map((page) => page.entries)).toEqual([['a1', 'a2'], ['b1', 'b2', 'b3', 'b4', 'b5'], ['c1', 'd1', 'd2']]);
  });

  it('puts every entry on exactly one page, in order, a page over the size only when it holds one group', () => {
    const group = fc.array(fc.nat(), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(group, { maxLength: 20 }), fc.integer({ min: 1, max: 10 }), (groups, size) => {
        const pages = groupedPages(groups, size);
        expect(pages.flatMap((page) => page.entries)).toEqual(groups.flat());
        for (const page of pages) {
          if (page.entries.length > size) expect(groups.some((one) => one.length === page.entries.length)).toBe(true);
        }
      }),
    );
  });
});

describe('nearbyPages', () => {
  it('links the first, the last and two on either side, with gaps marked', () => {
    expect(nearbyPages(1, 1)).toEqual([1]);
    expect(nearbyPages(2, 4)).toEqual([1, 2, 3, 4]);
    expect(nearbyPages(1, 40)).toEqual([1, 2, 3, undefined, 40]);
    expect(nearbyPages(20, 40)).toEqual([1, undefined, 18, 19, 20, 21, 22, undefined, 40]);
    expect(nearbyPages(40, 40)).toEqual([1, undefined, 38, 39, 40]);
  });

  it('shows at most nine links however many pages there are', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.nat(), (count, at) => {
        const number = (at % count) + 1;
        const shown = nearbyPages(number, count);
        expect(shown.length).toBeLessThanOrEqual(9);
        expect(shown).toContain(number);
      }),
    );
  });
});

describe('listing titles and summaries', () => {
  it('numbers every page after the first and says which entries it holds', () => {
    const [first, second] = listingPages(Array.from({ length: 2500 }, (_, index) => index), 2000);
    expect(listingTitle('Capsules', first!)).toBe('Capsules');
    expect(listingTitle('Capsules', second!)).toBe('Capsules (page 2 of 2)');
    expect(listingSummary(first!, 'capsule', 'capsules')).toBe('Capsules 1 to 2,000 of 2,500');
    expect(listingSummary(second!, 'capsule', 'capsules')).toBe('Capsules 2,001 to 2,500 of 2,500');
    expect(listingSummary(listingPages([1], 10)[0]!, 'capsule', 'capsules')).toBe('1 capsule');
  });
});

describe('listingPageSize', () => {
  const saved = process.env['CAPSULE_PAGE_SIZE'];
  afterEach(() => {
    if (saved === undefined) delete process.env['CAPSULE_PAGE_SIZE'];
    else process.env['CAPSULE_PAGE_SIZE'] = saved;
  });

  it('reads CAPSULE_PAGE_SIZE, with a default when it is unset', () => {
    delete process.env['CAPSULE_PAGE_SIZE'];
    expect(listingPageSize()).toBe(defaultListingPageSize);
    process.env['CAPSULE_PAGE_SIZE'] = '25';
    expect(listingPageSize()).toBe(25);
  });

  it('refuses a size that is not a whole number of at least 1, saying what to set', () => {
    for (const value of ['0', '-3', '2.5', 'ten']) {
      process.env['CAPSULE_PAGE_SIZE'] = value;
      expect(() => listingPageSize(), value).toThrow(/CAPSULE_PAGE_SIZE is ".*", not a whole number of at least 1/);
    }
  });
});
