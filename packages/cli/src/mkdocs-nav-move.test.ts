import { describe, expect, it } from 'vitest';
import { mkdocsNavEdits } from './mkdocs-nav-move.js';

const applied = (text: string, edits: { start: number; end: number; text: string }[]) =>
  [...edits].sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.text + result.slice(edit.end), text);

const movingGuide = (path: string) => (path.startsWith('docs/guide/') ? `docs/manual/${path.slice('docs/guide/'.length)}` : path);

describe('an MkDocs nav after a move', () => {
  it('changes only the scalars naming moved pages, each in the style it was written in, keeping comments and tags', () => {
    const config = [
      'site_name: Tools # the site',
      'nav:',
      '  - Home: index.md',
      '  - Guide:',
      '      - guide/setup.md   # first',
      "      - 'Use it': 'guide/it''s.md'",
      '      - "Run": "./guide/run.md"',
      '      - Elsewhere: https://example.com/guide/setup.md',
      '  - guide/index.md',
      '  - Guide index: guide/',
      'markdown_extensions:',
      '  - pymdownx.emoji:',
      '      emoji_generator: !!python/name:material.extensions.emoji.to_svg',
      '',
    ].join('\n');
    const { edits, left } = mkdocsNavEdits('mkdocs.yml', config, movingGuide);
    expect(left).toEqual([]);
    expect(applied(config, edits)).toBe(
      config
        .replace('guide/setup.md   #', 'manual/setup.md   #')
        .replace("'guide/it''s.md'", "'manual/it''s.md'")
        .replace('"./guide/run.md"', '"./manual/run.md"')
        .replace('  - guide/index.md', '  - manual/index.md')
        .replace('index: guide/', 'index: manual/'),
    );
  });

  it('reads pages from docs_dir beside the configuration, and quotes a plain path a plain scalar cannot hold', () => {
    const config = 'docs_dir: pages\nnav:\n  - Setup: setup.md\n';
    const { edits } = mkdocsNavEdits('site/mkdocs.yml', config, (path) => (path === 'site/pages/setup.md' ? 'site/pages/first steps: setup.md' : path));
    expect(applied(config, edits)).toBe('docs_dir: pages\nnav:\n  - Setup: "first steps: setup.md"\n');
  });

  it('lists a page moved out of docs_dir, and reads nothing from a file that is not YAML or has no nav', () => {
    const config = 'nav:\n  - Setup: guide/setup.md\n';
    expect(mkdocsNavEdits('mkdocs.yml', config, (path) => (path === 'docs/guide/setup.md' ? 'notes/setup.md' : path))).toEqual({
      edits: [],
      left: [{ start: config.indexOf('guide/setup.md'), written: 'guide/setup.md' }],
    });
    expect(mkdocsNavEdits('mkdocs.yml', 'nav: [unclosed\n', movingGuide)).toEqual({ edits: [], left: [] });
    expect(mkdocsNavEdits('mkdocs.yml', 'site_name: Tools\n', movingGuide)).toEqual({ edits: [], left: [] });
  });
});
