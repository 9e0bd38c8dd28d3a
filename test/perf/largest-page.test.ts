/** The benchmark's report of a built site's largest page. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { largestPage } from '../../bench/src/largest-page.js';

let folder: string | undefined;
afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('largestPage', () => {
  it('finds the largest HTML file at any depth, whatever the other files weigh', () => {
    folder = mkdtempSync(join(tmpdir(), 'capsule-largest-page-'));
    mkdirSync(join(folder, 'capsules/page/2'), { recursive: true });
    writeFileSync(join(folder, 'index.html'), 'x'.repeat(10));
    writeFileSync(join(folder, 'capsules/page/2/index.html'), 'x'.repeat(30));
    writeFileSync(join(folder, 'graph.json'), 'x'.repeat(100));
    expect(largestPage(folder)).toEqual({ path: 'capsules/page/2/index.html', bytes: 30 });
  });

  it('reports nothing for a folder without pages', () => {
    folder = mkdtempSync(join(tmpdir(), 'capsule-largest-page-'));
    expect(largestPage(folder)).toEqual({ path: '', bytes: 0 });
  });
});
