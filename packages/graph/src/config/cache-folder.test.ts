import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheOption } from './cache-folder.js';

describe('the cache folder', () => {
  const project = mkdtempSync(join(tmpdir(), 'capsule-cache-dir-'));
  writeFileSync(join(project, 'package.json'), '{}');
  mkdirSync(join(project, 'docs', 'deep'), { recursive: true });
  const plain = mkdtempSync(join(tmpdir(), 'capsule-cache-dir-'));

  it('is the configured folder when there is one', () => {
    expect(cacheOption(true, { file: join(project, 'capsule.config.json'), cacheDir: '/elsewhere' }, project)).toEqual({ dir: '/elsewhere' });
  });

  it('is node_modules/.cache/capsule beside the nearest package.json', () => {
    expect(cacheOption(true, undefined, join(project, 'docs', 'deep'))).toEqual({ dir: join(project, 'node_modules', '.cache', 'capsule') });
  });

  it('is a folder of its own under the user cache directory when there is no package.json', () => {
    const option = cacheOption(true, undefined, plain, { XDG_CACHE_HOME: '/user-cache' });
    expect(option).toMatchObject({ dir: expect.stringMatching(/^\/user-cache\/capsule-docs\/[0-9a-f]{16}$/) });
    expect(cacheOption(true, undefined, plain, { XDG_CACHE_HOME: '/user-cache' })).toEqual(option);
  });

  it('is off with --no-cache', () => {
    expect(cacheOption(false, undefined, project)).toBe(false);
  });
});
