/**
 * The site's title is chosen as `capsule export` chooses its own: the configuration's `title`,
 * else the home document's, else the root's index.md or README.md, else the folder's name.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { siteTitle } from '../../site/src/corpus-settings.js';

const workspace = mkdtempSync(join(tmpdir(), 'capsule-site-title-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));
const home = process.env['CAPSULE_HOME'];
afterEach(() => {
  if (home === undefined) delete process.env['CAPSULE_HOME'];
  else process.env['CAPSULE_HOME'] = home;
});

function corpus(name: string, files: Record<string, string>): string {
  const root = join(workspace, name);
  mkdirSync(root, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  return root;
}

describe('the site title', () => {
  const root = corpus('team-handbook', { 'guide.md': '# Release guide\n', 'README.md': '# Team handbook\n' });

  it('is the configured title first', () => {
    process.env['CAPSULE_HOME'] = 'guide.md';
    expect(siteTitle(root, 'Operations')).toBe('Operations');
  });

  it('is the home document\'s title without one', () => {
    process.env['CAPSULE_HOME'] = 'guide.md';
    expect(siteTitle(root, undefined)).toBe('Release guide');
  });

  it('is the read-me\'s title when the home document is not there', () => {
    process.env['CAPSULE_HOME'] = 'missing.md';
    expect(siteTitle(root, undefined)).toBe('Team handbook');
  });

  it('is the folder\'s name when no document stands for it', () => {
    delete process.env['CAPSULE_HOME'];
    expect(siteTitle(corpus('runbooks', { 'notes.md': '# Notes\n' }), undefined)).toBe('runbooks');
  });
});
