/**
 * The content loader as a build runs it (no watcher): every page set in the store and shared
 * with the pages, the exports made, and a full collection asked for once the graph is let go.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { capsulesLoader } from '../../site/src/loaders/capsules.js';
import { sharedExports, sharedPages } from '../../site/src/lib/shared-corpus.js';

const root = mkdtempSync(join(tmpdir(), 'capsule-loader-'));
writeFileSync(join(root, 'guide.md'), '# Guide\n\n### Capsule: AlphaRule\n\n**Invariant**\nAlphaRule holds.\n\n**Depth**\n\n- SeeAlso: BetaRule\n');
writeFileSync(join(root, 'other.md'), '# Other\n\n### Capsule: BetaRule\n\n**Invariant**\nBetaRule holds, as `AlphaRule` says.\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Global = typeof globalThis & { gc?: () => void };
const exposed = (globalThis as Global).gc;
afterEach(() => {
  (globalThis as Global).gc = exposed;
});

/** What a build hands the loader: a store, and no watcher. */
function buildContext(): { context: LoaderContext; ids: () => string[] } {
  const entries = new Map<string, unknown>();
  const context = {
    store: {
      keys: () => [...entries.keys()],
      set: (entry: { id: string }) => entries.set(entry.id, entry),
      delete: (id: string) => entries.delete(id),
    },
    logger: { info: () => undefined },
    config: { base: '/', site: undefined },
    parseData: async ({ data }: { data: unknown }) => data,
    generateDigest: () => 'digest',
    watcher: undefined,
  } as unknown as LoaderContext;
  return { context, ids: () => [...entries.keys()].sort() };
}

describe('the content loader in a build', () => {
  it('sets every page, shares the pages and exports, then asks for a full collection', async () => {
    const gc = vi.fn();
    (globalThis as Global).gc = gc;
    const { context, ids } = buildContext();
    await capsulesLoader({ corpus: { root, cache: false }, home: 'guide.md', title: 'Guide' }).load(context);

    expect(ids()).toEqual(['index', 'other']);
    const pages = sharedPages(root)!;
    const alpha = pages.flatMap((page) => page.corpus.capsules).find((capsule) => capsule.name === 'AlphaRule')!;
    expect(alpha.backlinks.map((backlink) => [backlink.from, backlink.context])).toEqual([['BetaRule', 'BetaRule holds, as AlphaRule says.']]);
    expect(sharedExports(root)!.capsuleContext('AlphaRule')!.text).toContain('BetaRule holds');
    expect(gc).toHaveBeenCalledTimes(1);
  });

  it('asks for nothing where Node exposes no collection', async () => {
    delete (globalThis as Global).gc;
    const { context, ids } = buildContext();
    await capsulesLoader({ corpus: { root, cache: false }, home: undefined, title: 'Guide' }).load(context);
    expect(ids()).toEqual(['guide', 'index', 'other']);
  });
});
