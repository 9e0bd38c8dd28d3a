import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Tests import workspace packages through their `source` export condition, so a test run
// always exercises the TypeScript sources rather than a possibly stale `dist/`.
const conditions = ['source', 'import', 'module', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    // Vitest leaves a core to itself (one worker on two cores), but most suites spend their time
    // waiting on the processes they start (the CLI, Chromium, Neovim, git), not computing:
    // two workers keep both cores of a small machine busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // In this order: the user cache folder is made inside the run's temporary folder.
    globalSetup: ['test/temp-folder.setup.ts', 'test/user-cache.setup.ts'],
  },
});
