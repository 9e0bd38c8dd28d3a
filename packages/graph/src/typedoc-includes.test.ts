import { describe, expect, it } from 'vitest';
import { typedocIncludeCandidates, typedocIncludesOf } from './typedoc-includes.js';

describe('typedocIncludeCandidates', () => {
  const files = [
    'docs/.vitepress/config.ts',
    'docs/guide.md',
    'vite.config.ts',
    'packages/core/README.md',
    'packages/core/index.ts',
    'packages/core/src/options/output.ts',
    'packages/core/src/options/docs/banner.md',
    'packages/core/src/util/strings.ts',
  ];

  it('reads the source files beside a Markdown file or in a folder above one, never for a README alone', () => {
    expect(typedocIncludeCandidates(files)).toEqual(['vite.config.ts', 'packages/core/index.ts', 'packages/core/src/options/output.ts']);
  });

  it('reads none without a site to build a reference into', () => {
    expect(typedocIncludeCandidates(files.filter((file) => !file.startsWith('docs/.vitepress/')))).toEqual([]);
    // A module named as Fumadocs's loader, or a package's manifest, is read beside a site, and is none on its own.
    expect(typedocIncludeCandidates([...files.filter((file) => !file.startsWith('docs/.vitepress/')), 'src/lib/source.ts', 'package.json'])).toEqual([]);
  });
});

describe('typedocIncludesOf', () => {
  const files = new Set(['src/docs/banner.md', 'src/docs/footer.md', 'src/docs/regions.md', 'README.md', 'docs/shared.md', 'src/example.ts']);

  it('names the Markdown files `{@include}` tags take in, from the source file\'s folder, regions and all', () => {
    const text = [
      '/**',
      ' * {@include ./docs/banner.md}',
      ' * {@include docs/footer.md}',
      ' * {@include ./docs/regions.md#intro,usage}',
      ' * {@include ../docs/shared.md}',
      ' */',
    ].join('\n');
    expect(typedocIncludesOf([['src/options.ts', text]], files)).toEqual(
      new Map([
        ['src/docs/banner.md', ['src/options.ts']],
        ['src/docs/footer.md', ['src/options.ts']],
        ['src/docs/regions.md', ['src/options.ts']],
        ['docs/shared.md', ['src/options.ts']],
      ]),
    );
  });

  it('leaves out code shown whole, a README, a path from the root, one outside the repository and one not there', () => {
    const text = [
      '/**',
      ' * {@includeCode ./docs/banner.md}',
      ' * {@include ./example.ts}',
      ' * {@include ../README.md}',
      ' * {@include /src/docs/footer.md}',
      ' * {@include ../../elsewhere.md}',
      ' * {@include ./docs/gone.md}',
      ' */',
    ].join('\n');
    expect(typedocIncludesOf([['src/options.ts', text]], files)).toEqual(new Map());
  });

  it('lists each source file naming a document once', () => {
    const text = '/** {@include ./docs/banner.md} */\n/** {@include ./docs/banner.md} */\n';
    expect(typedocIncludesOf([['src/a.ts', text], ['src/b.ts', text]], files).get('src/docs/banner.md')).toEqual(['src/a.ts', 'src/b.ts']);
  });
});
