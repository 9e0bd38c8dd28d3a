import { describe, expect, it } from 'vitest';
import { vendoredTest } from './vendored.js';

describe('vendoredTest', () => {
  it('marks the files of a Go `vendor/` folder that holds `modules.txt`, and no other `vendor/`', () => {
    const files = ['vendor/modules.txt', 'vendor/github.com/foo/bar/README.md', 'tools/vendor/notes.md', 'docs/index.md'];
    const vendoredBy = vendoredTest(files, [], '');
    expect(vendoredBy('vendor/github.com/foo/bar/README.md')).toBe('vendor/modules.txt');
    expect(vendoredBy('vendor/github.com/foo/new.md')).toBe('vendor/modules.txt');
    expect(vendoredBy('tools/vendor/notes.md')).toBeUndefined();
    expect(vendoredBy('docs/index.md')).toBeUndefined();
    // Listed from inside the folder, `modules.txt` marks nothing: the folder was asked for.
    expect(vendoredTest(['modules.txt', 'github.com/foo/bar/README.md'], [], 'vendor')('github.com/foo/bar/README.md')).toBeUndefined();
  });

  it('marks a project copied into a folder linguist counts as vendored, by the license or manifest at its top', () => {
    const files = [
      'third_party/xsimd/LICENSE',
      'third_party/xsimd/README.md',
      'third_party/xsimd/docs/api.md',
      'core/vendor/modules/@xenova/transformers/package.json',
      'core/vendor/modules/@xenova/transformers/README.md',
      'third_party/LICENSE',
      'third_party/NOTES.md',
      'docs/vendors/stripe/README.md',
      'docs/vendors/README.md',
      'packages/app/LICENSE',
      'packages/app/README.md',
    ];
    const vendoredBy = vendoredTest(files, [], '');
    expect(vendoredBy('third_party/xsimd/README.md')).toBe('third_party/xsimd/LICENSE');
    expect(vendoredBy('third_party/xsimd/docs/api.md')).toBe('third_party/xsimd/LICENSE');
    expect(vendoredBy('core/vendor/modules/@xenova/transformers/README.md')).toBe('core/vendor/modules/@xenova/transformers/package.json');
    // The vendor folder's own notes, a project's pages about its vendors, and its own packages are the project's.
    expect(vendoredBy('third_party/NOTES.md')).toBeUndefined();
    expect(vendoredBy('docs/vendors/stripe/README.md')).toBeUndefined();
    expect(vendoredBy('docs/vendors/README.md')).toBeUndefined();
    expect(vendoredBy('packages/app/README.md')).toBeUndefined();
    // Listed from the copy's own folder, it is read whole: the folder was asked for.
    expect(vendoredTest(['LICENSE', 'README.md'], [], 'third_party/xsimd')('README.md')).toBeUndefined();
  });

  it('reads `linguist-vendored` as git reads attributes: the last matching line decides, a deeper file after those above', () => {
    const top = {
      path: '.gitattributes',
      folder: '',
      text: [
        '# third-party code',
        'third_party/** linguist-vendored',
        'third_party/ours/** -linguist-vendored',
        'external/** linguist-vendored=true',
        'external/kept.md linguist-vendored=false',
        'copied.md linguist-vendored',
        'lib/ linguist-vendored',
        '*.md text eol=lf',
        '[attr]vendored linguist-vendored',
      ].join('\n'),
    };
    const docs = { path: 'docs/.gitattributes', folder: 'docs', text: 'ref/* linguist-vendored\r\n' };
    const vendoredBy = vendoredTest([], [top, docs], '');
    expect(vendoredBy('third_party/lib/README.md')).toBe('.gitattributes');
    expect(vendoredBy('third_party/ours/README.md')).toBeUndefined();
    expect(vendoredBy('external/a/b.md')).toBe('.gitattributes');
    expect(vendoredBy('external/kept.md')).toBeUndefined();
    // A name without a slash matches in any folder; a folder's name with a slash names no file in it.
    expect(vendoredBy('deep/down/copied.md')).toBe('.gitattributes');
    expect(vendoredBy('lib/README.md')).toBeUndefined();
    expect(vendoredBy('docs/ref/api.md')).toBe('docs/.gitattributes');
    expect(vendoredBy('docs/ref/deeper/api.md')).toBeUndefined();
    expect(vendoredBy('README.md')).toBeUndefined();
  });

  it('reads paths from the listed folder inside the repository, and reads a folder that is vendored itself whole', () => {
    const top = { path: '../.gitattributes', folder: '', text: 'docs/third_party/** linguist-vendored\nvendored/** linguist-vendored\n' };
    expect(vendoredTest([], [top], 'docs')('third_party/x.md')).toBe('../.gitattributes');
    expect(vendoredTest([], [top], 'docs')('guide.md')).toBeUndefined();
    expect(vendoredTest([], [top], 'vendored/pkg')('README.md')).toBeUndefined();
  });
});
