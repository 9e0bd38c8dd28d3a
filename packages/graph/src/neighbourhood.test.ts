import { describe, expect, it } from 'vitest';
import type { CrossFileKeys } from './cross-file-keys.js';
import { crossFileKeys } from './cross-file-keys.js';
import { documentsAround, documentsTouching } from './neighbourhood.js';
import { readDocument } from './document.js';

const keys = new Map<string, CrossFileKeys>([
  ['changed.md', { defines: ['Alpha'], references: ['Beta'], targets: ['linked.md'] }],
  ['twin.md', { defines: ['Alpha'], references: [], targets: [] }],
  ['citer.md', { defines: ['Gamma'], references: ['Alpha', 'Delta'], targets: [] }],
  ['pointer.md', { defines: [], references: [], targets: ['changed.md'] }],
  ['beta.md', { defines: ['Beta'], references: [], targets: [] }],
  ['delta.md', { defines: ['Delta'], references: ['Gamma'], targets: [] }],
  ['linked.md', { defines: [], references: [], targets: [] }],
  ['unrelated.md', { defines: ['Omega'], references: ['Omega'], targets: ['linked.md'] }],
]);

describe('documentsTouching', () => {
  it('finds the documents sharing a name with the change, or pointing at it', () => {
    expect([...documentsTouching(keys, { paths: ['changed.md'], names: [] })].sort()).toEqual(['changed.md', 'citer.md', 'pointer.md', 'twin.md']);
  });

  it('counts the names a document had before, and a document that is gone', () => {
    expect([...documentsTouching(keys, { paths: ['gone.md'], names: ['Delta'] })].sort()).toEqual(['citer.md', 'delta.md']);
  });

  it("counts a document linking to a focus page by what may be its site's route", () => {
    const site = new Map<string, CrossFileKeys>([
      ['docs/guide/index.md', { defines: [], references: [], targets: ['docs/guide/setup'] }],
      ['docs/home.md', { defines: [], references: [], targets: ['guide/setup/', 'guide'] }],
      ['docs/faq.md', { defines: [], references: [], targets: ['docs/install.html'] }],
    ]);
    expect([...documentsTouching(site, { paths: ['docs/guide/setup.md'], names: [] })].sort()).toEqual(['docs/guide/index.md', 'docs/home.md']);
    expect([...documentsTouching(site, { paths: ['docs/guide/index.md'], names: [] })].sort()).toEqual(['docs/guide/index.md', 'docs/home.md']);
    expect([...documentsTouching(site, { paths: ['docs/install.mdx'], names: [] })]).toEqual(['docs/faq.md']);
  });
});

describe('documentsTouching through symbolic links', () => {
  it('counts a document pointing at a focus path through a link to it or to a folder above it, and stops at links that loop', () => {
    const linking = new Map<string, CrossFileKeys>([
      ['AGENTS.md', { defines: [], references: [], targets: [] }],
      ['shared/guides/setup.md', { defines: [], references: [], targets: [] }],
      ['readme.md', { defines: [], references: [], targets: ['CLAUDE.md'] }],
      ['guide.md', { defines: [], references: [], targets: ['docs/guides/setup.md'] }],
      ['deep.md', { defines: [], references: [], targets: ['site/docs/guides/setup.md'] }],
      ['other.md', { defines: [], references: [], targets: ['docs/other.md'] }],
    ]);
    const links = new Map([
      ['CLAUDE.md', 'AGENTS.md'],
      ['docs/guides', 'shared/guides'],
      ['site/docs', 'docs'],
      ['docs/up', ''],
      ['a/to-b', 'b'],
      ['b/to-a', 'a'],
    ]);
    expect([...documentsTouching(linking, { paths: ['AGENTS.md'], names: [], links })].sort()).toEqual(['AGENTS.md', 'readme.md']);
    expect([...documentsTouching(linking, { paths: ['shared/guides/setup.md'], names: [], links })].sort()).toEqual(['deep.md', 'guide.md', 'shared/guides/setup.md']);
    expect([...documentsTouching(linking, { paths: ['a/x.md'], names: [], links })]).toEqual([]);
  });
});

describe('documentsAround', () => {
  it('adds the definers of every name used, the referrers of names defined and the documents pointed at', () => {
    expect([...documentsAround(keys, ['changed.md'])].sort()).toEqual(['beta.md', 'changed.md', 'citer.md', 'linked.md', 'twin.md']);
    expect([...documentsAround(keys, ['citer.md'])].sort()).toEqual(['changed.md', 'citer.md', 'delta.md', 'twin.md']);
  });
});

describe('crossFileKeys', () => {
  it('collects names defined, names referenced and the paths a reference can resolve to', () => {
    const text = [
      '# Guide',
      '',
      'Uses `MentionedName` and links [there](../other/page.md#part).',
      '',
      '### Capsule: OwnRule',
      '',
      '**Invariant**',
      'Stay small.',
      '',
      '**Depth**',
      '- SeeAlso: NamedOne, QualifiedOne (in notes.md), [doc](./sibling.md)',
      '',
      '## Checklist',
      '',
      '- [ ] Applied (CitedOne)',
      '',
    ].join('\n');
    const found = crossFileKeys('guide/a.md', readDocument('guide/a.md', new TextEncoder().encode(text)).model);
    expect(found.defines).toEqual(['OwnRule']);
    expect([...found.references].sort()).toEqual(['CitedOne', 'MentionedName', 'NamedOne', 'QualifiedOne']);
    expect([...found.targets].sort()).toEqual(['guide/notes.md', 'guide/sibling.md', 'notes.md', 'other/page.md', 'sibling.md']);
  });
});
