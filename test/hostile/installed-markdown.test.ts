/**
 * Markdown written by many hands: the READMEs and changelogs of the installed packages, parsed
 * with the quick parser and with micromark alone, must give the same tree. They hold what
 * capsule documents rarely do (badges, reference links, HTML, nested lists), which is where
 * the quick parser has to give up at the right block.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree } from 'remark-capsules';
import { describe, expect, it } from 'vitest';

const store = join(import.meta.dirname, '../../node_modules/.pnpm');
const mostFiles = 400;
const largestFile = 200 * 1024;

/** The top-level `.md` files of every installed package, in a fixed order, at most `mostFiles` spread over them. */
function installedMarkdown(): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(store).sort()) {
    const modules = join(store, entry, 'node_modules');
    let names: string[];
    try {
      names = readdirSync(modules).sort();
    } catch {
      continue;
    }
    for (const name of names.flatMap((name) => (name.startsWith('@') ? readdirSync(join(modules, name)).map((inner) => `${name}/${inner}`) : [name]))) {
      const folder = join(modules, name);
      let files: string[] = [];
      try {
        files = readdirSync(folder).filter((file) => file.toLowerCase().endsWith('.md'));
      } catch {
        continue;
      }
      for (const file of files.sort()) {
        const path = join(folder, file);
        if (statSync(path).size <= largestFile) found.push(path);
      }
    }
  }
  const unique = [...new Set(found)];
  const step = Math.max(1, Math.ceil(unique.length / mostFiles));
  return unique.filter((_, index) => index % step === 0);
}

describe("the installed packages' Markdown", () => {
  it('parses to the same tree with the quick parser as with micromark alone', { timeout: 120_000 }, () => {
    const files = installedMarkdown();
    expect(files.length).toBeGreaterThan(100);
    const differ = files.filter((path) => {
      const text = readFileSync(path, 'utf8');
      return JSON.stringify(parseTree(text)) !== JSON.stringify(parseTree(text, { quick: false }));
    });
    expect(differ).toEqual([]);
  });
});
