/**
 * `capsule check <paths>` with a warm cache loads only the neighbourhood of the given
 * documents (see `CorpusNeighbourhoods`). It must report exactly what a run over the whole
 * corpus reports: random corpora, random changes (edits, renames, deletions, new
 * documents, some committed, some not), both runs compared byte for byte.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capsule, documentWith, git, project, writeFiles } from './helpers.js';

// Sparse enough that a document's neighbourhood is a small part of the corpus.
const names = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Theta', 'Iota', 'Kappa', 'Lambda', 'Mu', 'Nu', 'Xi'];
const paths = ['a/one.md', 'a/two.md', 'a/three.md', 'b/four.md', 'b/five.md', 'b/six.md', 'seven.md', 'eight.md', 'c/d/nine.md', 'c/ten.md'];

interface DocumentSpec {
  capsules: { name: string; seeAlso: string[] }[];
  cites: string[];
  mentions: string[];
  links: string[];
}

const nameArbitrary = fc.constantFrom(...names, 'Missing');
/** A SeeAlso entry: a name, a name in a given document, or a document. */
const referenceArbitrary = fc.oneof(
  nameArbitrary,
  fc.tuple(nameArbitrary, fc.constantFrom(...paths)).map(([name, path]) => `${name} (in ${path})`),
  fc.constantFrom(...paths, 'gone.md').map((path) => `[${path}](${path})`),
);
const linkArbitrary = fc.constantFrom(...paths, 'gone.md', 'a', 'b/four.md#verification-checklist', 'seven.md#nowhere');

const documentArbitrary: fc.Arbitrary<DocumentSpec> = fc.record({
  capsules: fc.array(fc.record({ name: fc.constantFrom(...names), seeAlso: fc.array(referenceArbitrary, { maxLength: 2 }) }), { maxLength: 2 }),
  cites: fc.array(nameArbitrary, { maxLength: 1 }),
  mentions: fc.array(nameArbitrary, { maxLength: 1 }),
  links: fc.array(linkArbitrary, { maxLength: 1 }),
});

/** The text of a document; links are written from the root, so they mean the same anywhere. */
function documentText(path: string, spec: DocumentSpec): string {
  const depth = path.split('/').length - 1;
  const up = '../'.repeat(depth);
  const prose = [
    ...spec.mentions.map((name) => `Mentions \`${name}\` in passing.`),
    ...spec.links.map((target) => `See [${target}](${up}${target}).`),
  ].join(' ');
  return documentWith(
    path,
    spec.capsules.map((capsule) => ({ name: capsule.name, seeAlso: capsule.seeAlso.length > 0 ? capsule.seeAlso : undefined })),
    { prose: prose || undefined, checklist: ['Read it all', ...spec.cites.map((name) => `Applied it (${name})`)] },
  );
}

/** A change: a document rewritten (or written new), or deleted. */
const changeArbitrary = fc.record({
  path: fc.constantFrom(...paths, 'b/new.md'),
  document: fc.option(documentArbitrary, { nil: undefined }),
});
type Change = { path: string; document: DocumentSpec | undefined };

/** A document for each of `paths`, and one to three changes to make to them. */
const corpusArbitrary = fc.array(documentArbitrary, { minLength: paths.length, maxLength: paths.length });
const changesArbitrary = fc.array(changeArbitrary, { minLength: 1, maxLength: 3 });

/** A repository of the documents, committed. */
function committedCorpus(documents: DocumentSpec[]): string {
  const folder = project(Object.fromEntries(paths.map((path, index) => [path, documentText(path, documents[index]!)])));
  git(folder, 'init', '-q');
  git(folder, 'add', '.');
  git(folder, 'commit', '-q', '-m', 'start');
  return folder;
}

function makeChanges(folder: string, changes: readonly Change[]): void {
  for (const change of changes) {
    if (change.document) writeFiles(folder, { [change.path]: documentText(change.path, change.document) });
    else rmSync(join(folder, change.path), { force: true });
  }
}

describe('check of a few documents with a warm cache', () => {
  it('reports exactly what a check of the whole corpus reports', () => {
    fc.assert(
      fc.property(
        corpusArbitrary,
        changesArbitrary,
        fc.boolean(),
        (documents, changes, commitFirst) => {
          const folder = committedCorpus(documents);
          // A whole check fills the cache and the corpus index.
          capsule(['check'], folder);
          makeChanges(folder, changes);
          if (commitFirst) {
            git(folder, 'add', '-A');
            git(folder, 'commit', '-q', '--allow-empty', '-m', 'change');
          }
          // A deleted document can be given while HEAD still holds it, as a hook gives it.
          const given = [...new Set(changes.map((change) => change.path))].filter(
            (path) => existsSync(join(folder, path)) || git(folder, 'ls-tree', '--name-only', 'HEAD', path).trim() !== '',
          );
          if (given.length === 0) return;
          const partial = capsule(['check', '--format', 'sarif', ...given], folder, { CAPSULE_DEBUG: '1' });
          const whole = capsule(['check', '--format', 'sarif', '--no-cache', ...given], folder);
          expect(partial.stderr).toMatch(/capsule: loaded \d+ then \d+ of \d+ documents/);
          expect([partial.status, partial.stdout]).toEqual([whole.status, whole.stdout]);
        },
      ),
      { numRuns: 12 },
    );
  }, 300_000);
});

describe('check --staged with the snapshot kept from an earlier commit', () => {
  it('reports exactly what a check of a snapshot made anew reports', () => {
    fc.assert(
      fc.property(
        corpusArbitrary,
        changesArbitrary,
        (documents, changes) => {
          const folder = committedCorpus(documents);
          // An earlier commit's check keeps the snapshot and fills its corpus index.
          writeFiles(folder, { 'seven.md': `${documentText('seven.md', documents[6]!)}\nOne more line.\n` });
          git(folder, 'add', 'seven.md');
          capsule(['check', '--staged'], folder);
          git(folder, 'commit', '-q', '-m', 'earlier');
          makeChanges(folder, changes);
          git(folder, 'add', '-A');
          if (git(folder, 'diff', '--cached', '--name-only').trim() === '') return;
          const kept = capsule(['check', '--staged', '--format', 'sarif'], folder, { CAPSULE_DEBUG: '1' });
          const anew = capsule(['check', '--staged', '--format', 'sarif', '--no-cache'], folder);
          expect(kept.stderr).toMatch(/capsule: loaded \d+ then \d+ of \d+ documents/);
          expect([kept.status, kept.stdout]).toEqual([anew.status, anew.stdout]);
        },
      ),
      { numRuns: 12 },
    );
  }, 300_000);
});

describe('check of a document an agent reads a copy of, with a warm cache', () => {
  it('reads its links from the copy as a check of the whole corpus does', () => {
    // Written for `.claude/rules/`, where the copy is: from `docs/ai/rules/` the path reaches no file.
    const rules = '# Rules\n\nRead [the agents guide](../../AGENTS.md) first.\n';
    const files = Object.fromEntries(paths.map((path) => [path, `# ${path}\n\nText.\n`]));
    const folder = project({ ...files, 'AGENTS.md': '# Agents\n', 'docs/ai/rules/sync.md': rules, '.claude/rules/sync.md': rules });
    git(folder, 'init', '-q');
    capsule(['check'], folder);
    const partial = capsule(['check', '--format', 'sarif', 'docs/ai/rules/sync.md'], folder, { CAPSULE_DEBUG: '1' });
    const whole = capsule(['check', '--format', 'sarif', '--no-cache', 'docs/ai/rules/sync.md'], folder);
    expect(partial.stderr).toMatch(/capsule: loaded \d+ then \d+ of \d+ documents/);
    expect([partial.status, partial.stdout]).toEqual([whole.status, whole.stdout]);
    expect(JSON.parse(whole.stdout).runs[0].results).toEqual([]);
  });
});

describe("check of a site's page linking to another by its route, with a warm cache", () => {
  // A Jekyll site serves `docs/guide/setup.md` at `/guide/setup`: `setup#options` is its heading.
  const site = {
    'docs/_config.yml': 'title: Docs\n',
    'docs/Gemfile': "gem 'jekyll'\n",
    'docs/guide/index.md': '# Guide\n\nStart with [its options](setup#options).\n',
    'docs/guide/setup.md': '# Setup\n\n## Options\n\nText.\n',
  };
  const both = (folder: string, given: string[]) => {
    const partial = capsule(['check', '--format', 'sarif', ...given], folder, { CAPSULE_DEBUG: '1' });
    const whole = capsule(['check', '--format', 'sarif', '--no-cache', ...given], folder);
    expect(partial.stderr).toMatch(/capsule: loaded \d+ then \d+ of \d+ documents/);
    expect([partial.status, partial.stdout]).toEqual([whole.status, whole.stdout]);
    return JSON.parse(whole.stdout).runs[0].results.map((result: { message: { text: string } }) => result.message.text);
  };

  it("checks the link's anchor against the page's headings, as a check of the whole corpus does", () => {
    const folder = project({ ...site, 'docs/guide/index.md': site['docs/guide/index.md'].replace('#options', '#option') });
    git(folder, 'init', '-q');
    capsule(['check'], folder);
    expect(both(folder, ['docs/guide/index.md'])).toEqual([expect.stringContaining('has no heading with the anchor `#option`')]);
  });

  it('reports the page linking to a renamed heading, and to a deleted page, when given the changed page', () => {
    const folder = project(site);
    git(folder, 'init', '-q');
    git(folder, 'add', '.');
    git(folder, 'commit', '-q', '-m', 'start');
    capsule(['check'], folder);
    writeFiles(folder, { 'docs/guide/setup.md': '# Setup\n\n## Settings\n\nText.\n' });
    expect(both(folder, ['docs/guide/setup.md'])).toEqual([expect.stringContaining('has no heading with the anchor `#options`')]);
    rmSync(join(folder, 'docs/guide/setup.md'));
    expect(both(folder, ['docs/guide/setup.md'])).toEqual([expect.stringContaining('Link target `setup` does not exist')]);
  });
});
