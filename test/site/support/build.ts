/**
 * Builds the site once for the browser tests: the repository's content plus the fixture
 * documents (kept out of content/ so they are never published), built into a temporary
 * folder exactly as `astro build` builds it for users.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const siteRoot = join(repositoryRoot, 'site');
const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Small enough that the test corpus's capsule, document and checklist listings take several pages. */
export const testListingPageSize = 10;

export interface BuiltSite {
  /** The temporary folder holding both; remove it when done. */
  workspace: string;
  /** The corpus the site was built from. */
  corpus: string;
  /** The built site. */
  dist: string;
}

export async function buildSite(): Promise<BuiltSite> {
  const workspace = await mkdtemp(join(tmpdir(), 'capsule-site-'));
  const corpus = join(workspace, 'content');
  await cp(join(repositoryRoot, 'content'), corpus, { recursive: true });
  await cp(join(fixtures, 'corpus-extra'), corpus, { recursive: true });
  const dist = join(workspace, 'dist');
  await run(process.execPath, [join(repositoryRoot, 'node_modules/typescript/bin/tsc'), '-b'], repositoryRoot);
  await run(process.execPath, [join(siteRoot, 'node_modules/astro/astro.js'), 'build', '--outDir', dist], siteRoot, {
    CAPSULE_CONTENT: corpus,
    CAPSULE_PAGE_SIZE: String(testListingPageSize),
    ASTRO_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
  });
  return { workspace, corpus, dist };
}

/**
 * The environment a command would have outside the test runner. vitest marks its process
 * (NODE_ENV=test, VITEST=true) and mirrors `import.meta.env` into it (MODE, DEV, PROD, SSR,
 * BASE_URL); Vite reads those back, and Astro would build a development variant of the site.
 */
export function outsideTestRunner(env: Record<string, string>): NodeJS.ProcessEnv {
  const testRunnerKeys = /^(VITEST.*|VITE_.*|TEST|NODE_ENV|MODE|DEV|PROD|SSR|BASE_URL)$/;
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !testRunnerKeys.test(key)));
  return { ...clean, ...env };
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: outsideTestRunner(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${[command, ...args].join(' ')} exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
}
