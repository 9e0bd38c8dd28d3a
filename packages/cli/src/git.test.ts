import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitReader } from './git.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A repository whose corpus is `docs/`, with `docs/guide.md` committed. */
function repository(): { top: string; docs: string; git: (...args: string[]) => void } {
  const top = mkdtempSync(join(tmpdir(), 'capsule-git-'));
  folders.push(top);
  const docs = join(top, 'docs');
  mkdirSync(docs);
  const git = (...args: string[]) => void execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: top, stdio: 'ignore' });
  git('init', '-q');
  writeFileSync(join(docs, 'guide.md'), '# Guide\n');
  git('add', '.');
  git('commit', '-q', '-m', 'start');
  return { top, docs, git };
}

describe('reading git', () => {
  it('tells the renames since HEAD from the corpus root, in the working tree or, staged, in the index', () => {
    const { docs, git } = repository();
    mkdirSync(join(docs, 'handbook'));
    git('mv', 'docs/guide.md', 'docs/handbook/guide.md');
    expect([...(gitReader(docs).renamedSince('HEAD') ?? [])]).toEqual([['guide.md', 'handbook/guide.md']]);
    expect([...(gitReader(docs, { staged: true }).renamedSince('HEAD') ?? [])]).toEqual([['guide.md', 'handbook/guide.md']]);
    // Outside a repository there is nothing to tell.
    const outside = mkdtempSync(join(tmpdir(), 'capsule-nogit-'));
    folders.push(outside);
    expect(gitReader(outside).renamedSince('HEAD')).toBeUndefined();
  });

  it('reads HEAD again once it moves, when it follows HEAD, as the language server\'s reader does', () => {
    const { docs, git } = repository();
    const following = gitReader(docs, { followHeadEvery: 0 });
    const once = gitReader(docs);
    expect(following.show('HEAD', 'guide.md')).toBe('# Guide\n');
    expect(once.show('HEAD', 'guide.md')).toBe('# Guide\n');
    writeFileSync(join(docs, 'guide.md'), '# Guide, revised\n');
    git('commit', '-q', '-am', 'revise');
    expect(following.show('HEAD', 'guide.md')).toBe('# Guide, revised\n');
    expect(following.isUnchanged('HEAD', 'guide.md', '# Guide, revised\n')).toBe(true);
    // A check's reader reads HEAD once: its run is over before anyone commits.
    expect(once.show('HEAD', 'guide.md')).toBe('# Guide\n');
  });
});
