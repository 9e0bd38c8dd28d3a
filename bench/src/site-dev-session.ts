/**
 * Drives `astro dev` on a generated corpus as someone writing in it would, and prints what it
 * measured as one JSON line. Run by `pnpm bench`:
 *
 *   node bench/dist/site-dev-session.js <site folder> <corpus>
 *
 * - `startupSeconds`: from spawning the dev server to the first document page it serves.
 * - `editSeconds`: for each of five edits of one document's invariant, the time from writing
 *   the file to the dev server serving that document's page with the new words.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { documentPath } from './generate.js';

const [siteFolder, corpus] = process.argv.slice(2) as [string, string];
const edited = documentPath(1);
const pageAddress = `/${edited.replace(/\.md$/, '')}/`;
const editCount = 5;

const port = await freePort();
const started = performance.now();
const server = spawn(process.execPath, [join(siteFolder, 'node_modules/astro/astro.js'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
  cwd: siteFolder,
  env: { ...process.env, CAPSULE_CONTENT: corpus, ASTRO_TELEMETRY_DISABLED: '1' },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let errors = '';
server.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));

try {
  const page = async () => {
    const response = await fetch(`http://127.0.0.1:${port}${pageAddress}`).catch(() => undefined);
    return response?.ok ? response.text() : undefined;
  };
  await until(async () => (await page()) !== undefined, 600);
  const startupSeconds = (performance.now() - started) / 1000;

  const file = join(corpus, edited);
  const editSeconds: number[] = [];
  for (let edit = 1; edit <= editCount; edit++) {
    const marker = `benchedit${edit}x${process.pid}`;
    const text = readFileSync(file, 'utf8');
    // The first invariant's text gets a word no page holds yet.
    const changed = text.replace(/(\*\*Invariant\*\*\n[^\n]*?)( benchedit\d+x\d+)?\n/, `$1 ${marker}\n`);
    const written = performance.now();
    writeFileSync(file, changed);
    await until(async () => (await page())?.includes(marker) === true, 120);
    editSeconds.push((performance.now() - written) / 1000);
  }
  process.stdout.write(`${JSON.stringify({ startupSeconds, editSeconds })}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${errors.slice(-2000)}\n`);
  process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
}

async function until(check: () => Promise<boolean>, limitSeconds: number): Promise<void> {
  const deadline = performance.now() + limitSeconds * 1000;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`gave up after ${limitSeconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
