/**
 * The result cache: a run of `capsule check`, `graph` or `export` whose inputs are all
 * unchanged (code, settings, every file of the corpus, and for a check the git tree it
 * compares with) replays the last result; any change computes it again.
 */
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/src/generate.js';
import { capsule, documentWith, findingsOf, git, project, read, writeFiles } from './helpers.js';

/** A corpus with generated documents (broken references, frontmatter defects) and a cache folder of its own. */
function corpus(): string {
  const folder = project({
    'capsule.config.json': JSON.stringify({ root: 'docs', cacheDir: '.cache' }),
    'docs/plans.md': documentWith('Plans', [{ name: 'PlanReview', seeAlso: ['RiskReview'] }], {
      prose: 'See [the diagram](assets/flow.svg) and [risks](risks.md#risk-review).',
    }),
    'docs/risks.md': documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['PlanReview'] }]),
  });
  writeCorpus(join(folder, 'docs/generated'), { docs: 8, seed: 5 });
  return folder;
}

const resultsFile = (folder: string) => join(folder, '.cache/results/check.result');
/** The first line of a results file: its JSON header. */
const headerOf = (file: string) => JSON.parse(readFileSync(file, 'utf8').split('\n', 1)[0]!) as Record<string, unknown>;

describe('capsule check, run again on an unchanged corpus', () => {
  it('replays the last findings: the same output, byte for byte, in every format', () => {
    const folder = corpus();
    for (const format of ['json', 'stylish', 'sarif', 'github']) {
      const first = capsule(['check', '--format', format], folder);
      const second = capsule(['check', '--format', format], folder);
      expect(first.status).toBe(1);
      expect(second).toEqual(first);
    }
    expect(existsSync(resultsFile(folder))).toBe(true);
  });

  it('uses the stored result: a result stored under the same key is what it prints', () => {
    const folder = corpus();
    capsule(['check', '--format', 'json'], folder);
    const stored = readFileSync(resultsFile(folder), 'utf8');
    writeFileSync(resultsFile(folder), stored.replaceAll('No capsule is named', 'Stored: no capsule is named'));
    expect(capsule(['check'], folder).stdout).toContain('Stored: no capsule is named');
    // The same stored result under another key is not used.
    writeFileSync(resultsFile(folder), stored.replace(/"key":"[0-9a-f]+"/, `"key":"${'0'.repeat(64)}"`).replaceAll('No capsule is named', 'Stored: no capsule is named'));
    expect(capsule(['check'], folder).stdout).not.toContain('Stored:');
  });

  it('ignores a damaged results file, and rewrites it', () => {
    const folder = corpus();
    const expected = capsule(['check', '--format', 'json'], folder);
    const stored = readFileSync(resultsFile(folder), 'utf8');
    const header = stored.split('\n', 1)[0]!;
    for (const damage of ['{"format":"capsule-docs-result-cache","version":1,', '[]', '\0\0\0', `${header}\n{"files":[{"path":3}]}`, `${header}\n{"files":`, header]) {
      writeFileSync(resultsFile(folder), damage);
      expect(capsule(['check', '--format', 'json'], folder)).toEqual(expected);
      expect(readFileSync(resultsFile(folder), 'utf8')).toBe(stored);
    }
  });

  it('checks again when a document changes', () => {
    const folder = corpus();
    capsule(['check'], folder);
    writeFiles(folder, { 'docs/risks.md': read(folder, 'docs/risks.md').replace('SeeAlso: PlanReview', 'SeeAlso: PlanReveiw') });
    expect(capsule(['check'], folder).stdout).toContain('No capsule is named `PlanReveiw`; did you mean `PlanReview`?');
  });

  it('checks again when a file a link points to appears', () => {
    const folder = corpus();
    const before = findingsOf(capsule(['check', '--format', 'json'], folder).stdout, join(folder, 'docs'));
    expect(before).toContain('plans.md 9:5 link-resolves error');
    writeFiles(folder, { 'docs/assets/flow.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' });
    const after = findingsOf(capsule(['check', '--format', 'json'], folder).stdout, join(folder, 'docs'));
    expect(after).toEqual(before.filter((finding) => finding !== 'plans.md 9:5 link-resolves error'));
  });

  it('checks again when the settings change', () => {
    const folder = corpus();
    expect(capsule(['check'], folder).stdout).not.toMatch(/orphan-capsule/);
    writeFiles(folder, { 'capsule.config.json': JSON.stringify({ root: 'docs', cacheDir: '.cache', rules: { 'orphan-capsule': 'warn' } }) });
    expect(capsule(['check'], folder).stdout).toMatch(/warning .* orphan-capsule/);
    expect(capsule(['check', '--rule', 'orphan-capsule:error'], folder).stdout).toMatch(/error .* orphan-capsule/);
  });

  it('checks again when the commit it compares invariants with changes, though no file did', () => {
    const folder = corpus();
    git(folder, 'init', '-q');
    git(folder, 'add', '.');
    git(folder, 'commit', '-q', '-m', 'start');
    writeFiles(folder, {
      'docs/risks.md': read(folder, 'docs/risks.md').replace('Keep each decision small enough to undo in one step.', 'Keep each decision small.'),
    });
    expect(capsule(['check'], folder).stdout).toContain('invariant-immutable');
    git(folder, 'commit', '-q', '-a', '-m', 'a new invariant');
    expect(capsule(['check'], folder).stdout).not.toContain('invariant-immutable');
  });

  it('checks without a cache, and says nothing of it, when the cache folder cannot be used', () => {
    const folder = corpus();
    // A file where the cache folder should be: nothing can be read from or written under it.
    writeFileSync(join(folder, '.cache'), 'not a folder');
    const expected = capsule(['check', '--format', 'json', '--no-cache'], folder);
    expect(expected.status).toBe(1);
    for (const args of [['check', '--format', 'json'], ['check', '--format', 'json', 'docs/plans.md']]) {
      const withoutCache = capsule(args, folder);
      expect(withoutCache.status).toBe(1);
      expect(withoutCache.stderr).toBe('');
      if (args.length === 3) expect(withoutCache).toEqual(expected);
    }
    expect(capsule(['export', '--format', 'llms-full', 'docs'], folder).status).toBe(0);
    expect(readFileSync(join(folder, '.cache'), 'utf8')).toBe('not a folder');
  });

  it('neither stores nor replays with --no-cache', () => {
    const folder = corpus();
    const result = capsule(['check', '--no-cache'], folder);
    expect(result.status).toBe(1);
    expect(existsSync(resultsFile(folder))).toBe(false);
  });
});

describe('capsule graph and capsule export, run again', () => {
  const commands = [
    ['graph', '--format', 'json'],
    ['graph', '--format', 'mermaid'],
    ['export', '--format', 'llms-full'],
    ['export', '--format', 'markdown', '--tag', 'Review', '--budget', '400'],
  ];

  it.each(commands)('%s %s %s: print the same bytes, from the stored result', (...args) => {
    const folder = corpus();
    const docs = join(folder, 'docs');
    const first = capsule([...args, docs], folder);
    const second = capsule([...args, docs], folder);
    expect(first.status).toBe(0);
    expect(second).toEqual(first);
    // The corpus's configuration names the cache folder.
    const file = join(folder, '.cache/results', `${args[0]}-${args[2]}.result`);
    expect(headerOf(file)).toMatchObject({ format: 'capsule-docs-result-cache', facts: { stderrLength: first.stderr.length } });
    // Kept as printed after that line, not escaped.
    expect(readFileSync(file, 'utf8').endsWith(first.stdout)).toBe(true);
  });

  it.each(commands)('%s %s %s: follow a change to a document', (...args) => {
    const folder = corpus();
    const docs = join(folder, 'docs');
    const before = capsule([...args, docs], folder).stdout;
    writeFiles(folder, { 'docs/risks.md': read(folder, 'docs/risks.md').replaceAll('RiskReview', 'RiskAudit') });
    const after = capsule([...args, docs], folder).stdout;
    expect(after).not.toBe(before);
    expect(after).toBe(capsule([...args, docs, '--no-cache'], folder).stdout);
  });
});

describe('a replayed run, after documents changed too lately for the corpus index to trust', () => {
  /** The corpus index's entries: each one's `settled` flag (see the graph package's store/corpus-index.ts). */
  const settledFlags = (folder: string): number[] => {
    const name = readdirSync(join(folder, '.cache')).find((file) => /^index-[0-9a-f]{16}\.json$/.test(file))!;
    const index = JSON.parse(readFileSync(join(folder, '.cache', name), 'utf8')) as { documents: unknown[][] };
    return index.documents.map((entry) => entry[5] as number);
  };

  it.each([['check'], ['graph', '--format', 'json'], ['export', '--format', 'llms-txt']])(
    '%s keeps what its scan learned, so later runs know the documents by their signature',
    async (...args) => {
      const folder = project({ 'capsule.config.json': JSON.stringify({ root: 'docs', cacheDir: '.cache' }) });
      writeCorpus(join(folder, 'docs'), { docs: 80, seed: 3 });
      // A signature changed within the last two seconds cannot be trusted yet. Files written
      // "in an hour" stay so however long this run takes to start on a busy machine.
      const docs = join(folder, 'docs');
      const later = new Date(Date.now() + 3_600_000);
      for (const file of readdirSync(docs, { recursive: true, encoding: 'utf8' })) utimesSync(join(docs, file), later, later);
      const first = capsule(args, folder);
      expect(settledFlags(folder).filter((flag) => flag === 1)).toEqual([]);
      // Back to an hour ago: the change itself is then recent, and settles in two seconds.
      const earlier = new Date(Date.now() - 3_600_000);
      for (const file of readdirSync(docs, { recursive: true, encoding: 'utf8' })) utimesSync(join(docs, file), earlier, earlier);
      await new Promise((done) => setTimeout(done, 2500));
      // Replayed: no load follows the scan to write the index.
      expect(capsule(args, folder)).toEqual(first);
      expect(settledFlags(folder).every((flag) => flag === 1)).toBe(true);
    },
  );
});
