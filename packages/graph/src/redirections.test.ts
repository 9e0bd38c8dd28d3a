import { describe, expect, it } from 'vitest';
import { redirectionFileName, redirectionsOf } from './redirections.js';

describe('redirectionsOf', () => {
  it('reads `source_path` from the redirection file’s folder and `source_path_from_root` from the repository’s top', () => {
    const redirections = redirectionsOf(
      [
        [
          'redir/.openpublishing.redirection.json',
          JSON.stringify({
            redirections: [
              { source_path: '../reference/install/Install-On-Linux.md', redirect_url: '/powershell/install/linux', redirect_document_id: false },
              { source_path_from_root: '/docs/legacy/setup.md', redirect_url: '/docs/setup' },
            ],
          }),
        ],
      ],
      '',
    );
    expect(redirections.get('reference/install/install-on-linux.md')).toEqual({ url: '/powershell/install/linux', file: 'redir/.openpublishing.redirection.json' });
    expect(redirections.get('docs/legacy/setup.md')?.url).toBe('/docs/setup');
  });

  it('names the moved files from the root when the root is a folder of the repository', () => {
    const text = JSON.stringify({ redirections: [{ source_path_from_root: '/docs/a.md', redirect_url: '/a' }, { source_path_from_root: '/other/b.md', redirect_url: '/b' }] });
    const redirections = redirectionsOf([['../.openpublishing.redirection.json', text]], 'docs');
    expect([...redirections.keys()]).toEqual(['a.md', '../other/b.md']);
  });

  it('reads the object forms of `redirections` and `renames`, and Windows separators', () => {
    const text = JSON.stringify({ redirections: { 'guide\\old.md': '/guide/new' }, renames: { 'api/gone.md': '/api/here' } });
    const redirections = redirectionsOf([['.openpublishing.redirection.json', text]], undefined);
    expect(redirections.get('guide/old.md')?.url).toBe('/guide/new');
    expect(redirections.get('api/gone.md')?.url).toBe('/api/here');
  });

  it('adds nothing for text that is no such JSON, or an entry without a path or an address', () => {
    const entries = [
      ['a/.openpublishing.redirection.json', '{ "redirections": ['],
      ['b/.openpublishing.redirection.json', '[1, 2]'],
      ['c/.openpublishing.redirection.json', JSON.stringify({ redirections: [null, 3, { source_path: 'x.md' }, { redirect_url: '/y' }, { source_path: '/abs.md', redirect_url: '/z' }, { source_path: 'e.md', redirect_url: '' }] })],
    ] as const;
    expect(redirectionsOf(entries, '').size).toBe(0);
  });

  it('keeps the first entry for a path listed twice', () => {
    const first = JSON.stringify({ redirections: [{ source_path: 'a.md', redirect_url: '/first' }] });
    const second = JSON.stringify({ redirections: [{ source_path: 'A.md', redirect_url: '/second' }] });
    expect(redirectionsOf([['.openpublishing.redirection.json', first], ['.openpublishing.redirection.x.json', second]], '').get('a.md')?.url).toBe('/first');
  });

  it('knows the files by DocFX’s names for them', () => {
    const names = ['.openpublishing.redirection.json', 'redir/.openpublishing.redirection.csharp.json', 'docs/.openpublishing.redirection.ai.json'];
    expect(names.filter((name) => redirectionFileName.test(name))).toEqual(names);
    expect(['openpublishing.redirection.md', '.openpublishing.publish.config.json', 'redirection.json'].filter((name) => redirectionFileName.test(name))).toEqual([]);
  });
});
