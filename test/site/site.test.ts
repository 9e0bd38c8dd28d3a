/**
 * The built site in a real browser: the site is built once from the repository's content
 * plus the fixtures (a hostile document and one with every kind of unresolved reference),
 * served from disk, and driven with Chromium.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { loadGraph, resolveCorpus, wasParsed } from '@capsule-docs/graph';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../../bench/src/chromium.js';
import { buildSite, outsideTestRunner, repositoryRoot, testListingPageSize, type BuiltSite } from './support/build.js';
import { drawLimits } from '../../site/src/lib/graph-levels.js';
import { compare } from '../../site/src/lib/order.js';
import { generatedGraphFiles } from './support/large-graph.js';
import { corpusGraphFiles, graphReplacements } from '../../bench/src/graph-page-data.js';
import { startDevServer, waitFor } from './support/dev-server.js';
import { serveStatic, type StaticServer } from '../../bench/src/static-server.js';

const screenshots = join(repositoryRoot, 'test-results/screenshots');
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
/** Everything a page reported as broken while it was open. */
const problems = new Map<Page, string[]>();

beforeAll(async () => {
  site = await buildSite();
  server = await serveStatic(site.dist);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) await rm(site.workspace, { recursive: true, force: true });
});

/** Open a page of the site, recording console errors, uncaught exceptions and dialogs. */
async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const found: string[] = [];
  problems.set(page, found);
  page.on('console', (message) => {
    if (message.type() === 'error') found.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => found.push(`exception: ${error.message}`));
  page.on('dialog', (dialog) => {
    found.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('response', (response) => {
    if (response.status() >= 400) found.push(`${response.status()}: ${response.url()}`);
  });
  await page.goto(server.url + path, { waitUntil: 'load' });
  return page;
}

/** The graph of the corpus as its configuration names it (the fixtures exclude a drafts folder). */
function publishedGraph() {
  return loadGraph({ ...resolveCorpus({ cwd: site.corpus }).load, cache: false });
}

/** How many capsules the graph view draws: every name but those only samples of the format define. */
async function graphedCount(): Promise<number> {
  const { graph } = await publishedGraph();
  return graph.names().filter((name) => !graph.capsule(name)!.capsule.sample).length;
}

/** Every page of the checklists listing, in order, with its HTML. */
async function checklistPages(): Promise<{ path: string; html: string }[]> {
  const pages: { path: string; html: string }[] = [];
  for (let number = 1; ; number++) {
    const path = `/checklists/${number === 1 ? '' : `page/${number}/`}`;
    const response = await fetch(server.url + path);
    if (response.status === 404) return pages;
    pages.push({ path, html: await response.text() });
  }
}

/** The HTML of every page of the capsule index, in order. */
async function capsuleIndexPages(): Promise<string[]> {
  const pages: string[] = [];
  for (let number = 1; ; number++) {
    const response = await fetch(`${server.url}/capsules/${number === 1 ? '' : `page/${number}/`}`);
    if (response.status === 404) return pages;
    pages.push(await response.text());
  }
}

/** The address of the checklists page that holds an item. */
async function checklistPageWith(text: string): Promise<string> {
  const found = (await checklistPages()).find(({ html }) => html.includes(text));
  if (!found) throw new Error(`no checklists page holds "${text}"`);
  return found.path;
}

/** Where the graph page draws a capsule, in page coordinates, with the whole picture scrolled on screen so that the pointer can reach it. */
async function capsuleOnScreen(page: Page, name: string): Promise<{ x: number; y: number }> {
  await page.locator('.graph-canvas').scrollIntoViewIfNeeded();
  return page.evaluate((name) => {
    const canvas = document.querySelector('.graph-canvas') as HTMLElement & {
      capsuleGraph: {
        getGraph(): { getNodeAttributes(id: string): { x: number; y: number } };
        graphToViewport(point: { x: number; y: number }): { x: number; y: number };
      };
    };
    const box = canvas.getBoundingClientRect();
    const node = canvas.capsuleGraph.graphToViewport(canvas.capsuleGraph.getGraph().getNodeAttributes(name));
    return { x: box.left + node.x, y: box.top + node.y };
  }, name);
}

/**
 * Points at a capsule until its tooltip shows, and returns where it is drawn. A first pointing
 * can miss (the picture can still be fitted to its frame after the page says it is drawn), so
 * the place is read again before each try. The tooltip shows once the renderer has picked the
 * capsule, a frame or more after the pointer moved: each try waits for it a while, since the
 * next try moves the pointer away first.
 */
async function hoverCapsule(page: Page, name: string): Promise<{ x: number; y: number }> {
  const tooltip = page.locator('.graph-tooltip');
  let position = { x: 0, y: 0 };
  await expect
    .poll(async () => {
      position = await capsuleOnScreen(page, name);
      await page.mouse.move(0, 0);
      await page.mouse.move(position.x, position.y);
      return tooltip.waitFor({ state: 'visible', timeout: 2_000 }).then(
        () => true,
        () => false,
      );
    }, { timeout: 15_000 })
    .toBe(true);
  return position;
}

function problemsOf(page: Page): string[] {
  return problems.get(page) ?? [];
}

async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: await axeSource });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.targets.slice(0, 5).join(', ')}`);
}

async function htmlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => join(entry.parentPath, entry.name));
}

describe('the built site', () => {
  it('shows the lifecycle guide as the home page, with its tables and diagrams', async () => {
    const page = await open('/');
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Collaborative Planning Lifecycle');
    const content = page.locator('.sl-markdown-content');
    await expect(content.locator('table').count()).resolves.toBeGreaterThan(0);
    await expect(content.locator('pre code').first().textContent()).resolves.toContain('Idea → Planning → Risk Assessment');
    // The guide's own address leads to the home page.
    await page.goto(`${server.url}/collaborative-planning-lifecycle/`);
    await page.waitForURL(`${server.url}/`);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it('serves /favicon.ico, which browsers ask for on pages without an icon link (redirects)', async () => {
    const response = await fetch(`${server.url}/favicon.ico`);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    // An ICO header: reserved 0, type 1 (icon), at least one image.
    expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2), bytes.readUInt16LE(4) > 0]).toEqual([0, 1, true]);
  });

  it('leads from a SeeAlso in the guide to the capsule page, which lists the citing capsule with its sentence', async () => {
    const page = await open('/');
    const seeAlso = page.locator('.sl-markdown-content li', { hasText: 'SeeAlso: ExplorationFirst' }).first();
    await seeAlso.locator('a', { hasText: 'ExplorationFirst' }).click();
    await page.waitForURL(`${server.url}/capsules/ExplorationFirst/`);
    await expect(page.locator('h1').first().textContent()).resolves.toBe('ExplorationFirst');
    const backlink = page.locator('.backlink', { has: page.locator('a', { hasText: /^IdeaCapture$/ }) });
    await expect(backlink.locator('a').getAttribute('href')).resolves.toBe('/capsules/IdeaCapture/');
    await expect(backlink.locator('.backlink-context').textContent()).resolves.toContain('SeeAlso: ExplorationFirst');
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it('links each capsule heading of a document to its capsule page', async () => {
    const page = await open('/');
    await page.locator('h3 a', { hasText: 'Capsule: RiskDiscovery' }).click();
    await page.waitForURL(`${server.url}/capsules/RiskDiscovery/`);
    const invariant = page.locator('.capsule-invariant');
    await expect(invariant.textContent()).resolves.toContain('identify blast radius and dependencies');
    // The document it lives in, at the capsule's heading.
    const origin = page.locator('.capsule-origin a');
    await expect(origin.textContent()).resolves.toBe('Collaborative Planning Lifecycle');
    await expect(origin.getAttribute('href')).resolves.toBe('/#user-content-capsule-riskdiscovery');
    await page.close();
  });

  it('shows the example with its boundary set apart, and says where each unresolved SeeAlso went wrong', async () => {
    const page = await open('/capsules/BoundaryInCode/');
    const example = page.locator('.capsule-example');
    await expect(example.locator('pre').textContent()).resolves.toBe('kubectl get pods\n');
    await expect(example.locator('.capsule-boundary').textContent()).resolves.toBe('Never delete pods by hand');
    const entries = page.locator('.capsule-see-also li');
    const statusOf = async (label: string) => {
      const entry = entries.filter({ hasText: label });
      return { status: await entry.getAttribute('data-status'), links: await entry.locator('a').count() };
    };
    await expect(statusOf('NoSuchCapsuleAnywhere')).resolves.toEqual({ status: 'unknown-name', links: 0 });
    await expect(statusOf('DualClusterIsolation (in ARCHITECTURE.md)')).resolves.toEqual({ status: 'missing-document', links: 0 });
    await expect(statusOf('a book about boundaries')).resolves.toEqual({ status: 'external', links: 0 });
    await expect(statusOf('../content-notes.md')).resolves.toEqual({ status: 'outside-root', links: 0 });
    await expect(statusOf('IdeaCapture')).resolves.toEqual({ status: 'capsule', links: 1 });
    // The guide's own unresolved reference is marked in the document, not linked.
    await page.goto(`${server.url}/`);
    const unresolved = page.locator('.sl-markdown-content .capsule-ref-unresolved', { hasText: 'DualClusterIsolation' });
    await expect(unresolved.getAttribute('title')).resolves.toMatch(/^Missing document/);
    await page.close();
  });

  it('names the other documents that define a capsule name, in one sentence', async () => {
    const page = await open('/capsules/TwiceDefined/');
    const aside = page.locator('aside[aria-label="Name defined more than once"] .starlight-aside__content');
    const sentence = (await aside.textContent())!.replace(/\s+/g, ' ').trim();
    expect(sentence).toBe('Also defined in Defined twice. A bare reference to TwiceDefined resolves to the definition shown here.');
    await page.close();
  });

  it("shows a name's full definition, not its stub copy in an agent file whose path comes first", async () => {
    const html = await (await fetch(`${server.url}/capsules/IdeaCapture/`)).text();
    expect(html).toContain('id="example"');
    // The guide is the home page; the stub's document is /AGENTS/.
    const origin = /<p class="capsule-origin[^"]*">([\s\S]*?)<\/p>/.exec(html)?.[1];
    expect(origin).toMatch(/ from <a href="\/#[^"]*capsule-ideacapture">Collaborative Planning Lifecycle<\/a>/);
    expect(html).not.toContain('Name defined more than once');
  });

  it("leaves a sample's SeeAlso out of the cited capsule's backlinks and neighbourhood and out of the graph", async () => {
    const sample = await (await fetch(`${server.url}/capsules/QueueOwnership/`)).text();
    expect(sample).toContain('href="/capsules/IdeaCapture/"');
    const cited = await (await fetch(`${server.url}/capsules/IdeaCapture/`)).text();
    expect(cited).toContain('id="referenced-by"');
    expect(cited).not.toContain('QueueOwnership');
    const graph = JSON.parse(await readFile(join(site.dist, 'graph.json'), 'utf8')) as { names: string[] };
    expect(graph.names).toContain('IdeaCapture');
    expect(graph.names).not.toContain('QueueOwnership');
  });

  it('marks a sample of the format on its page and in the capsule index, and leaves it out of llms.txt', async () => {
    const page = await open('/capsules/QueueOwnership/');
    await expect(page.locator('.capsule-origin .sl-badge').textContent()).resolves.toBe('Sample capsule');
    await expect(page.locator('.capsule-sample-note').textContent()).resolves.toMatch(/^A model of the capsule format/);
    await page.close();
    const index = (await capsuleIndexPages()).find((html) => html.includes('>QueueOwnership</a>'))!;
    expect(index).toMatch(/>QueueOwnership<\/a> <span class="sl-badge[^"]*"[^>]*>sample<\/span>/);
    expect(index).not.toMatch(/>IdeaCapture<\/a> <span class="sl-badge/);
    const llms = await (await fetch(`${server.url}/llms.txt`)).text();
    expect(llms).toContain('/writing-samples/');
    expect(llms).not.toContain('QueueOwnership');
  });

  it('keeps checklist ticks across reloads until they are cleared', async () => {
    const page = await open(await checklistPageWith('State problem and outcome, not solution'));
    const item = page.locator('li', { hasText: 'State problem and outcome, not solution' });
    const box = item.locator('input[type="checkbox"]');
    await expect(item.locator('a').getAttribute('href')).resolves.toBe('/capsules/IdeaCapture/');
    await expect(box.isChecked()).resolves.toBe(false);
    await box.check();
    await page.reload();
    await expect(box.isChecked()).resolves.toBe(true);
    await expect(page.locator('[data-checklist-count]').textContent()).resolves.toBe('1');
    await page.locator('[data-checklist-reset]').click();
    await expect(box.isChecked()).resolves.toBe(false);
    await page.reload();
    await expect(box.isChecked()).resolves.toBe(false);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("shows each checklist item's text beside its box, wrapping there on a phone, not on a line of its own", async () => {
    const page = await open('/checklists/', { width: 375, height: 800 });
    const places = await page.locator('ul.checklist li').evaluateAll((items) =>
      items.map((item) => {
        const box = item.querySelector('input')!.getBoundingClientRect();
        const label = item.querySelector('label')!.getBoundingClientRect();
        return { text: item.querySelector('label')!.textContent, besideBox: label.top < box.bottom && label.left >= box.right, lines: Math.round(label.height / 20) };
      }),
    );
    // Some items are long enough to wrap at this width: those are the ones this is about.
    expect(places.some((place) => place.lines > 1)).toBe(true);
    expect(places.filter((place) => !place.besideBox)).toEqual([]);
    await page.close();
  });

  it('shows a checklist item as written, its code spans and links kept, its citation linked apart', async () => {
    const page = await open(await checklistPageWith('first, as'));
    const item = page.locator('ul.checklist li', { hasText: 'first, as' });
    await expect(item.locator('label code').textContent()).resolves.toBe('pnpm test');
    await expect(item.locator('label a').getAttribute('href')).resolves.toBe('/');
    await expect(item.locator('label').textContent()).resolves.toBe('Run pnpm test first, as the lifecycle asks');
    await expect(item.locator('.checklist-cites a').textContent()).resolves.toBe('BoundaryInCode');
    // Clicking the text, not the link, still ticks the box.
    await item.locator('label code').click();
    await expect(item.locator('input').isChecked()).resolves.toBe(true);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it('spaces checklist items evenly, whether or not they cite a capsule', async () => {
    const items: Array<{ cites: boolean; height: number; label: number }> = [];
    // Every page of the listing: the items that cite nothing may be on any of them.
    for (let number = 1; ; number += 1) {
      const path = number === 1 ? '/checklists/' : `/checklists/page/${number}/`;
      if (!(await fetch(`${server.url}${path}`)).ok) break;
      const page = await open(path);
      items.push(
        ...(await page.locator('ul.checklist li').evaluateAll((elements) =>
          elements.map((item) => ({
            cites: item.querySelector('.checklist-cites') !== null,
            height: Math.round(item.getBoundingClientRect().height),
            label: Math.round(item.querySelector('label')!.getBoundingClientRect().height),
          })),
        )),
      );
      await page.close();
    }
    const shortest = Math.min(...items.map((item) => item.label));
    const oneLine = items.filter((item) => item.label === shortest);
    // Both kinds are here: an item with its citation and one without.
    expect(oneLine.some((item) => item.cites) && oneLine.some((item) => !item.cites)).toBe(true);
    expect([...new Set(oneLine.map((item) => item.height))]).toHaveLength(1);
  });

  it('splits the capsule index into pages of the set size, linked in order, which list every capsule once', async () => {
    const { graph } = await publishedGraph();
    const page = await open('/capsules/');
    const listed: string[] = [];
    const titles = new Set<string>();
    for (let number = 1; ; number++) {
      const names = await page.locator('.capsule-index dt > a').allTextContents();
      expect(names.length).toBeGreaterThan(0);
      expect(names.length).toBeLessThanOrEqual(testListingPageSize);
      listed.push(...names);
      titles.add(await page.title());
      await expect(page.locator('.listing-pages [aria-current="page"]').textContent()).resolves.toBe(String(number));
      const next = page.locator('.listing-pages a[rel="next"]');
      if ((await next.count()) === 0) break;
      await next.click();
      await page.waitForURL(`${server.url}/capsules/page/${number + 1}/`);
    }
    expect(listed).toEqual([...new Set(graph.names())].sort(compare));
    expect(titles.size).toBe(Math.ceil(listed.length / testListingPageSize));
    await page.locator('.listing-pages a[rel="prev"]').click();
    await expect(page.locator('.listing-pages [aria-current="page"]').textContent()).resolves.toBe(String(titles.size - 1));
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it('lists every checklist item once across the checklist pages, and keeps a tick made on a later page, which the first page clears', async () => {
    const { graph } = await publishedGraph();
    const pages = await checklistPages();
    expect(pages.length).toBeGreaterThan(1);
    const keys = pages.flatMap(({ html }) => [...html.matchAll(/data-checklist-key="([^"]*)"/g)].map((match) => match[1]!));
    const checklistItems = graph.documents.flatMap((document) => document.model.checklist);
    expect(keys).toHaveLength(checklistItems.length);
    expect(new Set(keys).size).toBe(keys.length);
    // U+0000 is no character of an HTML page: its parser reads it as U+FFFD, and tools take the file for binary.
    expect(pages.filter(({ html }) => html.includes('\u0000'))).toEqual([]);
    expect(keys[0]).toMatch(/^[^\ufffd]+\.md\ufffd./);

    const later = await open('/checklists/page/2/');
    const box = later.locator('input[data-checklist-key]').first();
    const wasTicked = await box.isChecked();
    await box.setChecked(!wasTicked);
    await later.reload();
    await expect(box.isChecked()).resolves.toBe(!wasTicked);
    await later.locator('.listing-pages a[rel="prev"]').click();
    await later.waitForURL(`${server.url}/checklists/`);
    await later.locator('[data-checklist-reset]').click();
    await later.goto(`${server.url}/checklists/page/2/`);
    await expect(box.isChecked()).resolves.toBe(wasTicked);
    expect(problemsOf(later)).toEqual([]);
    await later.close();
  });

  it('finds a capsule with Pagefind by a word of its invariant', async () => {
    const page = await open('/');
    await page.locator('button[data-open-modal]').click();
    await page.locator('.pagefind-ui__search-input').fill('zymurgical');
    // The document the capsule lives in matches too; the capsule's own page must be among the results.
    const result = page.locator('.pagefind-ui__result-link[href="/capsules/BoundaryInCode/"]');
    await result.waitFor();
    await result.click();
    await page.waitForURL(`${server.url}/capsules/BoundaryInCode/`);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("finds a capsule by its name on its own page and where it is cited, not on every page that lists it among its neighbours", async () => {
    const page = await open('/');
    // Pagefind's own search API; a string, so that vitest leaves its import() alone.
    const urls = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const found = await pagefind.search('RiskDiscovery');
      return Promise.all(found.results.map(async (result) => (await result.data()).url));
    })()`)) as string[];
    expect(urls).toContain('/capsules/RiskDiscovery/');
    // IncrementalExecution's own Depth names it in a SeeAlso.
    expect(urls).toContain('/capsules/IncrementalExecution/');
    // ClusterSpecificity names it only in its neighbourhood and backlink lists.
    expect(urls).not.toContain('/capsules/ClusterSpecificity/');
    await page.close();
  });

  it('draws one graph node per capsule on a canvas, shows the invariant on hover and opens a capsule on click', async () => {
    const page = await open('/graph/');
    const view = page.locator('.graph-view[data-nodes]');
    await view.waitFor({ state: 'attached' });
    await expect(view.getAttribute('data-nodes')).resolves.toBe(String(await graphedCount()));
    // The view is drawn on a canvas (WebGL), not as one element per capsule.
    await expect(page.locator('.graph-canvas canvas').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('.graph-canvas svg, .graph-canvas [data-id]').count()).resolves.toBe(0);
    const position = await hoverCapsule(page, 'RiskDiscovery');
    const tooltip = page.locator('.graph-tooltip');
    // The invariant comes with the details the page fetches once the picture is drawn.
    await expect.poll(() => tooltip.textContent(), { timeout: 15_000 }).toContain('identify blast radius and dependencies');
    await page.mouse.click(position.x, position.y);
    await page.waitForURL(`${server.url}/capsules/RiskDiscovery/`);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it('draws the documents and their links on the graph of documents, shows a description on hover and opens a document on click', async () => {
    const { graph } = await publishedGraph();
    const published = graph.documents.filter(wasParsed).map((document) => document.path);
    // Each document links or refers to another once, however often it does.
    const linked = new Set(graph.edges.filter((edge) => edge.toDocument !== undefined && edge.toDocument !== edge.document && published.includes(edge.toDocument)).map((edge) => `${edge.document} ${edge.toDocument}`));
    const data = (await (await fetch(`${server.url}/graph/documents.json`)).json()) as { nodes: string; names: string[]; edges: number[] };
    expect(data.nodes).toBe('documents');
    expect(data.names.length).toBe(published.length);
    expect(data.edges.length / 2).toBe(linked.size);
    expect(linked.size).toBeGreaterThan(0);
    const page = await open('/graph/documents/');
    const view = page.locator('.graph-view[data-nodes]');
    await view.waitFor({ state: 'attached' });
    await expect(view.getAttribute('data-nodes')).resolves.toBe(String(published.length));
    await expect(page.locator('.graph-status').textContent()).resolves.toContain(`${published.length} documents, ${linked.size} links between them.`);
    // A node is known by its page's address: two documents may share a title.
    const position = await hoverCapsule(page, '/capsule-format/writing-capsules/');
    const tooltip = page.locator('.graph-tooltip');
    const description = graph.document('capsule-format/writing-capsules.md')!.model.frontmatter!.data!['description'] as string;
    await expect.poll(() => tooltip.textContent(), { timeout: 15_000 }).toContain(description);
    await page.mouse.click(position.x, position.y);
    await page.waitForURL(`${server.url}/capsule-format/writing-capsules/`);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
    // The two pictures point at each other.
    expect(await (await fetch(`${server.url}/graph/`)).text()).toContain('href="/graph/documents/"');
    expect(await (await fetch(`${server.url}/graph/documents/`)).text()).toContain('href="/graph/"');
  });

  it('follows an address naming a heading by its slug to the heading, whose id carries the content prefix', async () => {
    const page = await open('/capsule-format/writing-capsules/#capsule-extrapart');
    const heading = page.locator('#user-content-capsule-extrapart');
    await expect.poll(async () => (await heading.boundingBox())?.y, { timeout: 10_000 }).toBeLessThan(200);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    // A change of the hash alone is followed too.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => (window.location.hash = '#capsule-capsuleanatomy'));
    await expect.poll(async () => (await page.locator('#user-content-capsule-capsuleanatomy').boundingBox())?.y, { timeout: 10_000 }).toBeLessThan(200);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it('draws a small corpus\'s capsules apart from the first picture, before the view is moved', async () => {
    const page = await open('/graph/');
    await page.locator('.graph-view[data-nodes]').waitFor({ state: 'attached' });
    const drawn = await page.evaluate(() => {
      const canvas = document.querySelector('.graph-canvas') as HTMLElement & {
        capsuleGraph: {
          getGraph(): { nodes(): string[]; getNodeAttributes(id: string): { x: number; y: number; size: number } };
          graphToViewport(point: { x: number; y: number }): { x: number; y: number };
          scaleSize(size: number): number;
        };
      };
      const sigma = canvas.capsuleGraph;
      const nodes = sigma.getGraph().nodes().map((id) => sigma.getGraph().getNodeAttributes(id));
      const at = nodes.map((node) => sigma.graphToViewport(node));
      // The nearest two capsules on screen, and the largest radius a capsule is drawn with, in pixels.
      let nearest = Infinity;
      for (let a = 0; a < at.length; a++) for (let b = a + 1; b < at.length; b++) nearest = Math.min(nearest, Math.hypot(at[a]!.x - at[b]!.x, at[a]!.y - at[b]!.y));
      return { level: (document.querySelector('.graph-view') as HTMLElement).dataset['level'], nearest, radius: Math.max(...nodes.map((node) => sigma.scaleSize(node.size))) };
    });
    expect(drawn.level).toBe('capsules');
    expect(drawn.radius).toBeGreaterThan(0);
    expect(drawn.radius * 2).toBeLessThan(drawn.nearest);
    await page.close();
  });

  it('draws the graph when the details of capsules cannot be loaded, names a capsule on hover and says what is missing', async () => {
    const broken = await serveStatic(site.dist, { '/graph-details/0.json': '{"urls": [' });
    try {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${broken.url}/graph/`, { waitUntil: 'load' });
      await page.locator('.graph-view[data-nodes]').waitFor({ state: 'attached' });
      const position = await hoverCapsule(page, 'RiskDiscovery');
      const tooltip = page.locator('.graph-tooltip');
      await expect.poll(() => page.locator('.graph-status').textContent(), { timeout: 15_000 }).toContain('could not be loaded: the capsule index links every capsule');
      await expect(tooltip.textContent()).resolves.toContain('RiskDiscovery');
      await expect(tooltip.textContent()).resolves.not.toContain('No invariant written');
      // With no address to open, a click stays on the page.
      await page.mouse.click(position.x, position.y);
      await page.waitForTimeout(300);
      expect(page.url()).toBe(`${broken.url}/graph/`);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await broken.close();
    }
  });

  it("shows a capsule's neighbourhood: the capsules one and two SeeAlso steps away, either way", async () => {
    const { graph } = await publishedGraph();
    const expected = (distance: number) =>
      graph
        .neighbourhood('RiskDiscovery', 2, 'both')
        .filter((found) => found.distance === distance)
        .map((found) => found.capsule.name)
        .sort();
    expect(expected(2).length).toBeGreaterThan(0);
    const page = await open('/capsules/RiskDiscovery/');
    const ring = (distance: number) => page.locator(`.capsule-neighbourhood [data-distance="${distance}"] li a`).allTextContents();
    await expect(ring(1).then((names) => names.sort())).resolves.toEqual(expected(1));
    await expect(ring(2).then((names) => names.sort())).resolves.toEqual(expected(2));
    await page.locator('.capsule-neighbourhood [data-distance="2"] li a').first().click();
    await page.waitForURL(new RegExp(`${server.url}/capsules/${expected(2)[0]}/$`));
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it('draws the graph of a generated 10,000-document corpus on a canvas, from the JSON files the page fetches, folders first and capsules as it zooms in', async () => {
    const files = await generatedGraphFiles(10_000);
    const { data } = files;
    expect(data.documents).toHaveLength(10_000);
    const large = await serveStatic(site.dist, graphReplacements(files));
    try {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${large.url}/graph/`, { waitUntil: 'load' });
      const view = page.locator('.graph-view[data-nodes]');
      await view.waitFor({ state: 'attached', timeout: 240_000 });
      await expect(view.getAttribute('data-nodes')).resolves.toBe(String(data.names.length));
      // The page is the same page as for the small corpus: the graph is not in its HTML.
      const html = await (await fetch(`${large.url}/graph/`)).text();
      expect(html).not.toContain(data.names[0]!);
      // ... and asks for the data in its head, before its script runs.
      expect(html).toMatch(/<link rel="preload" href="\/graph\.json" as="fetch" crossorigin="anonymous"/);
      const drawn = await page.evaluate(() => {
        const container = document.querySelector('.graph-canvas') as HTMLElement & { capsuleGraph: { refresh(): void } };
        // Draw again and read the pixels back in the same task, before the buffer is presented.
        container.capsuleGraph.refresh();
        let count = 0;
        for (const canvas of container.querySelectorAll('canvas')) {
          const gl = canvas.getContext('webgl2');
          if (!gl) continue;
          const pixels = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
          gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
          for (let alpha = 3; alpha < pixels.length; alpha += 4) if (pixels[alpha]! > 0) count++;
        }
        return count;
      });
      expect(drawn).toBeGreaterThan(10_000);
      // Zoomed out it draws the folders; zooming in, documents, then the capsules in view.
      const drawnAt = async (ratio: number, level: string) => {
        await page.evaluate((ratio) => {
          const container = document.querySelector('.graph-canvas') as HTMLElement & { capsuleGraph: { getCamera(): { setState(state: object): void } } };
          container.capsuleGraph.getCamera().setState({ x: 0.5, y: 0.5, ratio });
        }, ratio);
        await page.locator(`.graph-view[data-level="${level}"]`).waitFor({ state: 'attached' });
        return page.evaluate(() => (document.querySelector('.graph-canvas') as HTMLElement & { capsuleGraph: { getGraph(): { order: number } } }).capsuleGraph.getGraph().order);
      };
      await expect(drawnAt(1, 'folders')).resolves.toBe(new Set(data.documents.map((document) => document.folder)).size);
      // The depths the benchmark's graph session moves at (a tenth and a fiftieth of the width).
      const documents = await drawnAt(0.1, 'documents');
      expect(documents).toBeGreaterThan(0);
      expect(documents).toBeLessThanOrEqual(drawLimits.documents);
      const capsules = await drawnAt(0.02, 'capsules');
      expect(capsules).toBeGreaterThan(0);
      expect(capsules).toBeLessThanOrEqual(drawLimits.capsules);
      await expect(page.locator('.graph-status').textContent()).resolves.toContain(`${data.names.length} capsules in 10000 documents`);
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(screenshots, 'graph-10000.png') });
      await page.close();
    } finally {
      await large.close();
    }
    // Writing and loading 10,000 documents takes about a minute and a half on two idle cores,
    // several times that on a busy machine.
  }, 600_000);

  it('draws every capsule at least a few pixels wide, however many small documents spread the picture', async () => {
    // Forty skill folders of one to three capsules, and one guide of fourteen: each document's
    // cell is as wide as the largest one's, so a capsule's own size is below a pixel at first.
    const folder = await mkdtemp(join(tmpdir(), 'capsule-small-documents-'));
    const capsule = (name: string) => `### Capsule: ${name}\n\n**Invariant**\n${name} holds.\n`;
    const names = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}Rule${index}`);
    await writeFile(join(folder, 'guide.md'), `# Guide\n\n${names('Guide', 14).map(capsule).join('\n')}`);
    for (let skill = 0; skill < 40; skill++) {
      await mkdir(join(folder, `skill${skill}`));
      await writeFile(join(folder, `skill${skill}`, 'SKILL.md'), `# Skill ${skill}\n\n${names(`Skill${skill}x`, 1 + (skill % 3)).map(capsule).join('\n')}`);
    }
    const files = await corpusGraphFiles(folder);
    await rm(folder, { recursive: true, force: true });
    const served = await serveStatic(site.dist, graphReplacements(files));
    try {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${served.url}/graph/`, { waitUntil: 'load' });
      await page.locator('.graph-view[data-level="capsules"]').waitFor({ state: 'attached' });
      /** Each drawn node's radius on screen, and its size against its own, in layout units. */
      const drawn = () =>
        page.evaluate(() => {
          type Renderer = { scaleSize(size: number): number; getGraph(): { mapNodes<T>(map: (node: string, attributes: Record<string, number>) => T): T[] } };
          const renderer = (document.querySelector('.graph-canvas') as HTMLElement & { capsuleGraph: Renderer }).capsuleGraph;
          return renderer.getGraph().mapNodes((_, attributes) => ({ pixels: renderer.scaleSize(attributes['size']!), grown: attributes['size']! > attributes['ownSize']! }));
        });
      const first = await drawn();
      expect(first).toHaveLength(files.data.names.length);
      expect(Math.min(...first.map((node) => node.pixels))).toBeGreaterThanOrEqual(2.99);
      // Zoomed in far enough, a capsule is drawn at its own size again.
      await page.evaluate(() => {
        const container = document.querySelector('.graph-canvas') as HTMLElement & { capsuleGraph: { getCamera(): { setState(state: object): void } } };
        container.capsuleGraph.getCamera().setState({ x: 0.5, y: 0.5, ratio: 0.05 });
      });
      await expect.poll(async () => (await drawn()).every((node) => !node.grown), { timeout: 10_000 }).toBe(true);
      await page.close();
    } finally {
      await served.close();
    }
  }, 120_000);

  it("is measured by the benchmark's graph page session: the first render, then a frame per pan or zoom", async () => {
    const session = join(repositoryRoot, 'bench/dist/graph-page-session.js');
    const { stdout } = await promisify(execFile)(process.execPath, [session, site.dist], { timeout: 240_000 });
    const measured = JSON.parse(stdout.trim().split('\n').at(-1)!) as { nodes: number; firstRenderSeconds: number; frameSeconds: number[] };
    expect(measured.nodes).toBe(await graphedCount());
    expect(measured.firstRenderSeconds).toBeGreaterThan(0);
    expect(measured.frameSeconds.length).toBeGreaterThanOrEqual(3);
    for (const seconds of measured.frameSeconds) expect(seconds).toBeGreaterThan(0);
  }, 300_000);

  it('copies a capsule as LLM context made by the export package', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await open('/capsules/RiskDiscovery/');
    await page.locator('[data-copy-context]').click();
    // The clipboard write is asynchronous: the status appears once it is done (or failed).
    await page.locator('[data-copy-status]:not(:empty)').waitFor();
    await expect(page.locator('[data-copy-status]').textContent()).resolves.toBe('Copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('## Capsule: RiskDiscovery');
    expect(copied).toContain('identify blast radius and dependencies');
    // Its SeeAlso neighbour comes along, and the page says how many came.
    expect(copied).toContain('## Capsule: IncrementalExecution');
    const came = copied.match(/^## Capsule: /gm)!.length - 1;
    await expect(page.locator('.llm-context-size').textContent()).resolves.toMatch(came === 1 ? /, with the capsule its SeeAlso names$/ : new RegExp(`, with the ${came} capsules its SeeAlso names$`));
    await page.close();
    // A capsule whose SeeAlso names no capsule is copied alone, and the page does not promise more.
    const alone = await open('/capsules/TwiceDefined/');
    await expect(alone.locator('.llm-context-size').textContent()).resolves.toMatch(/^about \d+ tokens, the capsule alone$/);
    await alone.close();
  });

  it("links a copied context's parts to the pages of the site it was copied from, which was built without its address", async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await open('/capsules/BoundaryInCode/');
    await page.locator('[data-copy-context]').click();
    await page.locator('[data-copy-status]:not(:empty)').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // Pasted into a chat, a link from the site's root would lead nowhere.
    const guide = `${server.url}/capsule-format/writing-capsules/`;
    expect(copied).toContain(`kept as [the format guide](${guide}) describes`);
    expect(copied).not.toMatch(/\]\(\/|site\.invalid/);
    expect((await fetch(guide)).status).toBe(200);
    await page.close();
  });

  it('publishes the corpus its configuration names: an excluded document has no page, capsule or llms.txt entry', async () => {
    const pages = (await htmlFiles(site.dist)).map((file) => relative(site.dist, file));
    expect(pages.filter((page) => /draft/i.test(page))).toEqual([]);
    expect((await fetch(`${server.url}/capsules/UnpublishedDraftRule/`)).status).toBe(404);
    expect(await (await fetch(`${server.url}/llms.txt`)).text()).not.toContain('Unpublished draft');
    expect(await readFile(join(site.dist, 'graph.json'), 'utf8')).not.toContain('UnpublishedDraftRule');
    const details = await readFile(join(site.dist, 'graph-details/0.json'), 'utf8');
    expect(details).toContain('/capsules/RiskDiscovery/');
    expect(details).not.toContain('UnpublishedDraftRule');
  });

  it("keeps page bodies and capsule data out of Astro's content store, which astro dev rewrites on every edit", async () => {
    const store = await readFile(join(repositoryRoot, 'site/node_modules/.astro/data-store.json'), 'utf8');
    const home = await readFile(join(site.dist, 'index.html'), 'utf8');
    // A sentence of the guide's body and an invariant: on the pages, not in the store.
    for (const text of ['Structured collaboration between human and AI produces better outcomes', 'identify blast radius and dependencies']) {
      expect(home).toContain(text);
      expect(store).not.toContain(text);
    }
    expect(store).toContain('collaborative-planning-lifecycle');
  });

  it('serves llms.txt at the root, linking to pages that exist', async () => {
    const response = await fetch(`${server.url}/llms.txt`);
    expect(response.status).toBe(200);
    const text = await response.text();
    // The test corpus's configuration sets no title: the home document's names the site.
    expect(text.startsWith('# Collaborative Planning Lifecycle\n')).toBe(true);
    // The same title heads every page.
    const listing = await (await fetch(`${server.url}/capsules/`)).text();
    expect(listing).toMatch(/<title>[^<]*\| Collaborative Planning Lifecycle<\/title>/);
    // The home page, whose document names the site, says the name once.
    const home = await (await fetch(`${server.url}/`)).text();
    expect(home).toContain('<title>Collaborative Planning Lifecycle</title>');
    const links = [...text.matchAll(/\]\((\/[^)]*)\)/g)].map((match) => match[1]!);
    expect(links).toContain('/capsules/RiskDiscovery/');
    for (const link of links) expect((await fetch(server.url + link)).status, link).toBe(200);
  });

  it('has no console error on any kind of page', async () => {
    for (const path of ['/', '/capsules/', '/capsules/IdeaCapture/', '/documents/', '/capsule-format/writing-capsules/', '/tags/', '/tags/Planning/', '/categories/', '/categories/Workflows/', '/graph/', '/graph/documents/', '/checklists/', '/checklists/page/2/', '/capsules/page/2/', '/xss-fixture/', '/capsules/HostileMarkup/']) {
      const page = await open(path);
      await page.waitForLoadState('networkidle');
      expect(problemsOf(page), path).toEqual([]);
      await page.close();
    }
  });

  it('has no serious or critical accessibility violation on the main pages', async () => {
    for (const path of ['/', '/capsules/RiskDiscovery/', '/checklists/', '/graph/', '/graph/documents/']) {
      const page = await open(path);
      if (path.startsWith('/graph/')) await page.locator('.graph-view[data-nodes]').waitFor({ state: 'attached' });
      expect(await seriousAxeViolations(page), path).toEqual([]);
      await page.close();
    }
  });

  it('fits a phone screen and switches to the dark theme', async () => {
    const page = await open('/', { width: 390, height: 844 });
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(screenshots, 'home-390.png') });
    await page.evaluate(() => localStorage.setItem('starlight-theme', 'dark'));
    await page.reload();
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
    await page.evaluate(() => localStorage.removeItem('starlight-theme'));
    await page.close();
  });

  // Two programs of up to two minutes each: the test's time is theirs, not the default half minute.
  it("type-checks: the site's TypeScript against the types Astro generates for it (the build itself does not check types)", { timeout: 240_000 }, async () => {
    const siteRoot = join(repositoryRoot, 'site');
    const env = outsideTestRunner({ ASTRO_TELEMETRY_DISABLED: '1' });
    await promisify(execFile)(process.execPath, [join(siteRoot, 'node_modules/astro/astro.js'), 'sync'], { cwd: siteRoot, env, timeout: 120_000 });
    const checked = await promisify(execFile)(process.execPath, [join(repositoryRoot, 'node_modules/typescript/bin/tsc'), '-p', siteRoot, '--noEmit'], { env, timeout: 120_000 }).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(checked).toBe('');
  });

  it('saves screenshots of the home, a capsule and the graph', async () => {
    const pages = [
      ['home.png', '/'],
      ['capsule.png', '/capsules/RiskDiscovery/'],
      ['graph.png', '/graph/'],
    ] as const;
    for (const [file, path] of pages) {
      const page = await open(path);
      if (path === '/graph/') await page.locator('.graph-view[data-nodes]').waitFor({ state: 'attached' });
      await page.screenshot({ path: join(screenshots, file), fullPage: path !== '/graph/' });
      await page.close();
    }
  });

  it('links only to pages and anchors that exist', async () => {
    const files = await htmlFiles(site.dist);
    const pages = new Map<string, string>();
    for (const file of files) pages.set(`/${relative(site.dist, file).replace(/\\/g, '/').replace(/index\.html$/, '')}`, await readFile(file, 'utf8'));
    const broken: string[] = [];
    for (const [path, html] of pages) {
      for (const [, href] of html.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)) {
        const target = new URL(href!.replaceAll('&amp;', '&'), `http://site${path}`);
        if (target.origin !== 'http://site') continue;
        const targetPath = decodeURIComponent(target.pathname);
        const targetHtml = pages.get(targetPath);
        const exists = targetHtml !== undefined || (await readFile(join(site.dist, targetPath)).then(() => true, () => false));
        if (!exists) broken.push(`${path} -> ${href}`);
        else if (target.hash && targetHtml !== undefined && !targetHtml.includes(`id="${decodeURIComponent(target.hash.slice(1))}"`)) {
          broken.push(`${path} -> ${href} (no such anchor)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('hostile content', () => {
  it('runs no script from a document and keeps the page its own ids', async () => {
    const checklists = (await checklistPages()).map(({ path }) => path);
    for (const path of ['/xss-fixture/', '/capsules/HostileMarkup/', ...checklists]) {
      const page = await open(path);
      await page.waitForLoadState('networkidle');
      await page.locator('.sl-markdown-content a', { hasText: 'A Markdown link' }).click({ timeout: 1000 }).catch(() => undefined);
      const state = await page.evaluate(() => ({
        marker: (window as unknown as { __xssMarker?: unknown }).__xssMarker,
        searchRoots: document.querySelectorAll('#starlight__search').length,
        getElementById: typeof document.getElementById,
      }));
      expect(state, path).toEqual({ marker: undefined, searchRoots: 1, getElementById: 'function' });
      expect(problemsOf(page).filter((problem) => problem.startsWith('dialog')), path).toEqual([]);
      await page.close();
    }
    const page = await open('/xss-fixture/');
    await expect(page.locator('#user-content-starlight__search').count()).resolves.toBe(1);
    await expect(page.locator('.sl-markdown-content details summary').textContent()).resolves.toBe('Harmless markup survives');
    await page.close();
  });

  it('leaves no script, event handler, script-running address, base, refresh or style from content in the built pages', async () => {
    // Chromium's own HTML parser reads each page (DOMParser runs nothing), so text that
    // merely looks like markup, such as a title shown in an attribute, is told apart from markup.
    const page = await browser.context.newPage();
    const offending: string[] = [];
    for (const file of await htmlFiles(site.dist)) {
      const html = await readFile(file, 'utf8');
      const found = await page.evaluate((source) => {
        const parsed = new DOMParser().parseFromString(source, 'text/html');
        const problems: string[] = [];
        for (const script of parsed.querySelectorAll('script')) {
          if (`${script.getAttribute('src') ?? ''}${script.textContent ?? ''}`.includes('xssMarker')) problems.push('a script from content');
        }
        for (const element of parsed.querySelectorAll('*')) {
          for (const attribute of element.attributes) {
            if (/^on/i.test(attribute.name)) problems.push(`${element.tagName.toLowerCase()} with ${attribute.name}`);
            if (/^(href|src|action|formaction|xlink:href|srcdoc|data)$/i.test(attribute.name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(attribute.value)) {
              problems.push(`${element.tagName.toLowerCase()} ${attribute.name}="${attribute.value}"`);
            }
          }
        }
        // The site's own redirect pages refresh by a meta element; content may not.
        for (const element of parsed.querySelectorAll('iframe, frame, object, embed, form, base, .sl-markdown-content meta, .sl-markdown-content style')) {
          problems.push(`a ${element.tagName.toLowerCase()} element`);
        }
        return problems;
      }, html);
      offending.push(...found.map((problem) => `${relative(site.dist, file)}: ${problem}`));
    }
    await page.close();
    expect(offending).toEqual([]);
  });
});

describe('astro dev', () => {
  it('draws the documents and their links on the graph page of a corpus without capsules', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'capsule-plain-'));
    const corpus = join(workspace, 'docs');
    await mkdir(join(corpus, 'guides'), { recursive: true });
    await writeFile(join(corpus, 'README.md'), '# Handbook\n\nStart with [setup](guides/setup.md).\n');
    await writeFile(join(corpus, 'guides/setup.md'), '---\ndescription: Installing the tools\n---\n# Setup\n\nThen [deploy](deploy.md), or go [back](../README.md).\n');
    await writeFile(join(corpus, 'guides/deploy.md'), '# Deploy\n\nShipping it.\n');
    const server = await startDevServer(corpus).catch(async (error: unknown) => {
      await rm(workspace, { recursive: true, force: true });
      throw error;
    });
    try {
      const html = await (await fetch(`${server.url}/graph/`)).text();
      expect(html).toContain('Graph of documents');
      expect(html).toContain('data-graph-url="/graph/documents.json"');
      expect(html).not.toContain('href="/graph/documents/"');
      const data = (await (await fetch(`${server.url}/graph/documents.json`)).json()) as { nodes: string; names: string[]; edges: number[] };
      expect(data.nodes).toBe('documents');
      expect([...data.names].sort()).toEqual(['Deploy', 'Handbook', 'Setup']);
      expect(data.edges.length / 2).toBe(3);
      const details = (await (await fetch(`${server.url}/graph/documents-details/0.json`)).json()) as { summaries: string[] };
      expect(details.summaries).toContain('Installing the tools');
    } finally {
      await server.stop();
      await rm(workspace, { recursive: true, force: true });
    }
  }, 180_000);

  it('shows a change to a document without a restart', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'capsule-dev-'));
    const corpus = join(workspace, 'content');
    await cp(join(repositoryRoot, 'content'), corpus, { recursive: true });
    const server = await startDevServer(corpus).catch(async (error: unknown) => {
      await rm(workspace, { recursive: true, force: true });
      throw error;
    });
    try {
      const page = async () => (await fetch(`${server.url}/capsules/RiskDiscovery/`)).text();
      expect(await page()).toContain('identify blast radius and dependencies');
      const guide = join(corpus, 'collaborative-planning-lifecycle.md');
      const text = await readFile(guide, 'utf8');
      await writeFile(guide, text.replace('identify blast radius and dependencies', 'identify blast radius and every dependency'));
      await waitFor(async () => (await page()).includes('identify blast radius and every dependency'), 60_000);
    } finally {
      await server.stop();
      await rm(workspace, { recursive: true, force: true });
    }
  }, 180_000);
});
