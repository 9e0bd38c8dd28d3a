import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderWatcher } from './folder-watcher.js';

let watcher: FolderWatcher | undefined;
const made: string[] = [];
afterEach(() => {
  watcher?.close();
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tree(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'capsule-folder-watcher-'));
  made.push(root);
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), 'text\n');
  }
  return root;
}

/** Resolves with the first reported path that `wanted` accepts. */
function nextChange(wanted: (path: string) => boolean, changes: string[]): Promise<string> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      const found = changes.find(wanted);
      if (found !== undefined) {
        clearInterval(poll);
        resolve(found);
      }
    }, 20);
  });
}

describe('the folder watcher', () => {
  it('watches the folders of the listed files and those above them, not the trees the listing leaves out', () => {
    const root = tree(['a.md', 'guides/deep/b.md', 'node_modules/pkg/readme.md', 'node_modules/pkg/lib/index.md']);
    watcher = new FolderWatcher(root, () => undefined);
    watcher.sync(['a.md', 'guides/deep/b.md']);
    expect(watcher.folders).toEqual(['', 'guides', 'guides/deep']);
  });

  it('reports a change inside a watched folder by its path from the root', async () => {
    const root = tree(['guides/deep/b.md']);
    const changes: string[] = [];
    watcher = new FolderWatcher(root, (path) => changes.push(path));
    watcher.sync(['guides/deep/b.md']);
    writeFileSync(join(root, 'guides/deep/b.md'), 'changed\n');
    await expect(nextChange((path) => path === 'guides/deep/b.md', changes)).resolves.toBe('guides/deep/b.md');
    mkdirSync(join(root, 'guides/new'));
    await expect(nextChange((path) => path === 'guides/new', changes)).resolves.toBe('guides/new');
  });

  it('stops watching the folders a later listing no longer holds', () => {
    const root = tree(['a.md', 'old/b.md', 'kept/c.md']);
    watcher = new FolderWatcher(root, () => undefined);
    watcher.sync(['a.md', 'old/b.md', 'kept/c.md']);
    watcher.sync(['a.md', 'kept/c.md']);
    expect(watcher.folders).toEqual(['', 'kept']);
  });

  it('tells whether a folder, by its absolute path, is watched', () => {
    const root = tree(['a.md', 'guides/b.md', 'drafts/c.md']);
    watcher = new FolderWatcher(join(root, 'guides'), () => undefined);
    watcher.sync(['b.md']);
    expect(watcher.watches(join(root, 'guides'))).toBe(true);
    expect(watcher.watches(root)).toBe(false);
    expect(watcher.watches(join(root, 'drafts'))).toBe(false);
    expect(watcher.watches(join(root, 'guides', 'deeper'))).toBe(false);
  });
});
