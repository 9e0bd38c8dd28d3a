/** `astro dev` on a corpus, on 127.0.0.1, for the live-reload test. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { outsideTestRunner, repositoryRoot } from './build.js';

export interface DevServer {
  url: string;
  stop(): Promise<void>;
}

export async function startDevServer(corpus: string): Promise<DevServer> {
  const port = await freePort();
  const site = join(repositoryRoot, 'site');
  const child = spawn(process.execPath, [join(site, 'node_modules/astro/astro.js'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: site,
    env: outsideTestRunner({ CAPSULE_CONTENT: corpus, ASTRO_TELEMETRY_DISABLED: '1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => (await fetch(`${url}/`).catch(() => undefined))?.ok === true, 120_000, () => output);
  } catch (error) {
    await stop(child);
    throw error;
  }
  return { url, stop: () => stop(child) };
}

/** Poll `check` until it holds; fail with `describe()` after `limit` milliseconds. */
export async function waitFor(check: () => Promise<boolean>, limit: number, describe: () => string = () => ''): Promise<void> {
  const until = Date.now() + limit;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Gave up waiting after ${limit} ms\n${describe().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
