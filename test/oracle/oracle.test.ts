/**
 * The differential test: the capsule parser against stock remark-parse run in another
 * process (see differential.ts). Trees, places and models must agree on every input:
 * the CommonMark examples with each line ending, this repository's Markdown, the installed
 * packages' Markdown, and generated capsule-like documents mutated with hostile characters.
 * `pnpm fuzz` runs the generated documents long.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import spec from 'commonmark-spec';
import fc from 'fast-check';
import { describe as describeSuite, expect, it } from 'vitest';
import { describe, divergences } from './differential.js';
import { hostileDocument } from './documents.js';
import { markdownFiles, runOracle } from './folders.js';

const root = join(import.meta.dirname, '../..');
const examples = (spec as { tests: { markdown: string }[] }).tests.map((test) => test.markdown.replace(/→/g, '\t'));

/** The `.md` files under `folder`, skipping installed and built folders. */
function markdownUnder(folder: string, limit = Infinity): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (found.length >= limit) return;
      const path = join(at, entry.name);
      if (entry.isDirectory() && !['node_modules', 'dist', '.git', '.astro'].includes(entry.name)) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.md')) found.push(path);
    }
  };
  walk(folder);
  return found;
}

/** At most `count` top-level `.md` files of installed packages, spread evenly over the store. */
function installedMarkdown(count: number): string[] {
  const store = join(root, 'node_modules/.pnpm');
  const found: string[] = [];
  for (const entry of readdirSync(store).sort()) {
    const modules = join(store, entry, 'node_modules');
    let names: string[] = [];
    try {
      names = readdirSync(modules).sort();
    } catch {
      continue;
    }
    for (const name of names.flatMap((name) => (name.startsWith('@') ? readdirSync(join(modules, name)).map((inner) => `${name}/${inner}`) : [name]))) {
      let files: string[] = [];
      try {
        files = readdirSync(join(modules, name)).filter((file) => file.toLowerCase().endsWith('.md'));
      } catch {
        continue;
      }
      for (const file of files.sort()) {
        const path = join(modules, name, file);
        if (statSync(path).size <= 100 * 1024) found.push(path);
      }
    }
  }
  const unique = [...new Set(found)];
  const step = Math.max(1, Math.ceil(unique.length / count));
  return unique.filter((_, index) => index % step === 0);
}

function expectAgreement(texts: string[]): void {
  const found = divergences(texts);
  expect(found.slice(0, 5).map(describe)).toEqual([]);
}

describeSuite('the capsule parser against stock remark-parse in another process', () => {
  it('agrees on every CommonMark example, with LF, CRLF and CR line endings', { timeout: 120_000 }, () => {
    expect(examples.length).toBeGreaterThan(600);
    expectAgreement(['\n', '\r\n', '\r'].flatMap((ending) => examples.map((example) => example.replace(/\n/g, ending))));
  });

  it("agrees on this repository's Markdown: fixtures, content and docs", { timeout: 120_000 }, () => {
    const files = ['content', 'packages', 'test', 'site', 'bench'].flatMap((folder) => {
      try {
        return markdownUnder(join(root, folder));
      } catch {
        return [];
      }
    });
    files.push(join(root, 'README.md'));
    expect(files.length).toBeGreaterThan(100);
    expectAgreement(files.map((path) => readFileSync(path, 'utf8')));
  });

  it("agrees on the installed packages' Markdown", { timeout: 120_000 }, () => {
    const files = installedMarkdown(120);
    expect(files.length).toBeGreaterThan(100);
    expectAgreement(files.map((path) => readFileSync(path, 'utf8')));
  });

  it('agrees on generated capsule documents mutated with Unicode spaces, control characters, tabs and every line ending', { timeout: 120_000 }, () => {
    const texts = fc.sample(hostileDocument, { seed: 1405, numRuns: 400 });
    expectAgreement(texts);
  });

  it('agrees on lone surrogates, in text, emphasis, link destinations, titles, labels and frontmatter', () => {
    expectAgreement([
      '[a](https://e.com/\uD800x) and [b](\uDC00 "t\uD800") and ![c](<\uD800 d>)\n',
      '*\uD800*, **\uDFFF**x, _\uD83D_ and `\uD800` and \uD800**x**\n',
      '[\uD800]: u.md\n\n[\uD800] [x\uDC00y][\uD800]\n',
      '---\ntitle: "\uD800"\n---\n# T\uD800\n\n### Capsule: Lone\uDC00\n',
      '| \uD800 | *\uDC00* |\n| - | - |\n\n- [ ] \uD800\n',
    ]);
  });

  it('agrees on the documents fuzzing found', () => {
    expectAgreement([
      // A second byte order mark is text; micromark dropped it again when a piece began with it.
      '\uFEFF\uFEFF\r\n\uFEFF\r\n---\r\n',
      '\uFEFF\uFEFF\n---\n',
      'a\n\n\uFEFF\n---\n',
    ]);
  });
});

describeSuite('the files `pnpm oracle` compares', () => {
  it('are the Markdown and MDX files git tracks, or every one under a folder outside git, none too large', () => {
    const folder = mkdtempSync(join(tmpdir(), 'capsule-oracle-'));
    try {
      mkdirSync(join(folder, 'docs'), { recursive: true });
      writeFileSync(join(folder, 'docs/a.md'), '# A\n\n- [x] done\n');
      writeFileSync(join(folder, 'docs/b.mdx'), '# B\n');
      writeFileSync(join(folder, 'docs/large.md'), `# Large\n\n${'word '.repeat(100_000)}\n`);
      writeFileSync(join(folder, 'notes.txt'), 'not Markdown\n');
      const relative = (paths: string[]) => paths.map((path) => path.slice(folder.length + 1)).sort();
      expect(relative(markdownFiles(folder))).toEqual(['docs/a.md', 'docs/b.mdx']);
      execFileSync('git', ['init', '-q'], { cwd: folder });
      execFileSync('git', ['add', 'docs/a.md'], { cwd: folder });
      expect(relative(markdownFiles(folder))).toEqual(['docs/a.md']);
      expect(divergences(markdownFiles(folder).map((path) => readFileSync(path, 'utf8')))).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('are given as folders: a file or a missing path is named, with exit code 2 and nothing compared', () => {
    const folder = mkdtempSync(join(tmpdir(), 'capsule-oracle-'));
    try {
      writeFileSync(join(folder, 'notes.md'), '# Notes\n');
      const written: string[] = [];
      const output = { out: (text: string) => written.push(`out: ${text}`), error: (text: string) => written.push(`error: ${text}`) };
      expect(runOracle([folder, join(folder, 'notes.md'), join(folder, 'gone')], output)).toBe(2);
      expect(written).toEqual([`error: pnpm oracle: ${join(folder, 'notes.md')} is not a folder\n`, `error: pnpm oracle: ${join(folder, 'gone')} is not a folder\n`]);
      written.length = 0;
      expect(runOracle([folder], output)).toBe(0);
      expect(written).toEqual([expect.stringMatching(/^out: ✓ the capsule parser agrees with stock remark-parse: 1 file \(/)]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
