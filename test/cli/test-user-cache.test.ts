/** The test run's own user cache folder (see `test/user-cache.setup.ts`). */
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capsule, documentWith, project } from './helpers.js';

describe('the test run', () => {
  it('caches commands run in folders without a package.json inside a temporary folder, not the home folder', () => {
    const userCache = process.env['XDG_CACHE_HOME'] ?? '';
    expect(relative(tmpdir(), userCache)).toMatch(/^capsule-test-user-cache-/);
    const folder = project({ 'docs/a.md': documentWith('A', [{ name: 'Alpha' }]) });
    expect(capsule(['check', 'docs'], folder).status).toBe(0);
    expect(existsSync(join(userCache, 'capsule-docs'))).toBe(true);
    expect(readdirSync(join(userCache, 'capsule-docs')).length).toBeGreaterThan(0);
  });

  it('makes its temporary folders inside a folder of its own, which the run removes at its end', () => {
    expect(relative(dirname(tmpdir()), tmpdir())).toMatch(/^capsule-test-run-/);
    expect(process.env['TMPDIR']).toBe(tmpdir());
  });
});
