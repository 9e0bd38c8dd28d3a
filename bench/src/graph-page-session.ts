/**
 * Opens the graph page of a built site in headless Chromium, as a reader would, and prints
 * what it measured as one JSON line. Run by `pnpm bench`:
 *
 *   node bench/dist/graph-page-session.js <built site folder> [<corpus>]
 *
 * With a corpus, the site is served with that corpus's graph data (graph-page-data.ts) as its
 * `/graph.json` and `/graph-details/`: the graph page itself is the same whatever the corpus,
 * so the site built at 1,000 documents draws the graph of 10,000 without building that site.
 *
 * - `firstRenderSeconds`: from the start of the navigation to the first frame after the page
 *   drew the graph (fetching and parsing the data, placing the capsules, sigma's first render).
 * - `frameSeconds`: for camera moves (pans and zooms, alternately) at three depths (the whole
 *   corpus, a tenth of its width and a fiftieth, where the page draws folders, documents and
 *   capsules), the time from the move to the end of the frame that shows it. Where frames are
 *   slow the session stops after a minute of moves (at least one per depth), so the benchmark
 *   keeps its pace.
 */
import { launchBrowser } from './chromium.js';
import { corpusGraphFiles, graphReplacements } from './graph-page-data.js';
import { serveStatic } from './static-server.js';

const [site, corpus] = process.argv.slice(2) as [string, string | undefined];
const depths = [1, 0.1, 0.02];
const movesPerDepth = 7;
const movingMs = 60_000;

const replacements = corpus ? graphReplacements(await corpusGraphFiles(corpus)) : {};
const server = await serveStatic(site, replacements);
const browser = await launchBrowser();
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/graph/`, { waitUntil: 'load' });
  await page.locator('.graph-view[data-nodes]').waitFor({ state: 'attached', timeout: 600_000 });
  const nodes = Number(await page.locator('.graph-view').getAttribute('data-nodes'));
  // performance.now() counts from the start of the navigation.
  const firstRenderMs = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
  const frameMs = await page.evaluate(
    async ({ depths, count, budgetMs }) => {
      interface Renderer {
        getCamera(): { getState(): { x: number; y: number; ratio: number }; setState(state: Partial<{ x: number; y: number; ratio: number }>): void };
        once(event: 'afterRender', listener: () => void): void;
      }
      const renderer = (document.querySelector('.graph-canvas') as HTMLElement & { capsuleGraph: Renderer }).capsuleGraph;
      const camera = renderer.getCamera();
      const frame = (change: () => void) => new Promise<void>((resolve) => (renderer.once('afterRender', resolve), change()));
      const times: number[] = [];
      const began = performance.now();
      for (const depth of depths) {
        // Go to the depth and let the page settle on what it draws there before timing moves.
        camera.setState({ x: 0.5, y: 0.5, ratio: depth });
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await new Promise((resolve) => requestAnimationFrame(resolve));
        for (let move = 0; move < count && (move === 0 || performance.now() - began < budgetMs); move++) {
          const state = camera.getState();
          const step = state.ratio * 0.05;
          const next = move % 2 === 0 ? { x: state.x + (move % 4 === 0 ? step : -step) } : { ratio: state.ratio * (move % 4 === 1 ? 0.9 : 1 / 0.9) };
          const started = performance.now();
          await frame(() => camera.setState(next));
          times.push(performance.now() - started);
        }
      }
      return times;
    },
    { depths, count: movesPerDepth, budgetMs: movingMs },
  );
  process.stdout.write(`${JSON.stringify({ nodes, firstRenderSeconds: firstRenderMs / 1000, frameSeconds: frameMs.map((ms) => ms / 1000) })}\n`);
} finally {
  await browser.close();
  await server.close();
}
