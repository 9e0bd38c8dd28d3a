/** `capsule check` and its configuration file: discovery, settings, and broken files. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capsule, documentWith, findingsOf, project, writeFiles } from './helpers.js';

const alpha = documentWith('Alpha', [{ name: 'IdeaCapture', seeAlso: ['RiskReview', 'DesignNotes (in ARCHITECTURE.md)'] }]);
const beta = documentWith('Beta', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]);

describe('discovery', () => {
  it('finds the configuration above the working directory and reads the root from it', () => {
    const folder = project({
      'capsule.config.json': JSON.stringify({ root: 'docs', externalDocuments: ['ARCHITECTURE.md'] }),
      'docs/alpha.md': alpha,
      'docs/guides/beta.md': beta,
      'notes/outside.md': '# Not part of the corpus\n\n- SeeAlso: Nothing\n',
    });
    const fromSubfolder = capsule(['check', '--format', 'json'], join(folder, 'docs', 'guides'));
    expect(fromSubfolder.status).toBe(0);
    expect(JSON.parse(fromSubfolder.stdout).map((result: { filePath: string }) => result.filePath)).toEqual([
      join(folder, 'docs/alpha.md'),
      join(folder, 'docs/guides/beta.md'),
    ]);

    // Without the file, the working directory is the root and ARCHITECTURE.md is missing.
    const withoutConfig = capsule(['check', '--no-config', '--format', 'json'], join(folder, 'docs'));
    expect(withoutConfig.status).toBe(1);
    expect(findingsOf(withoutConfig.stdout, join(folder, 'docs'))).toEqual([expect.stringMatching(/^alpha\.md \d+:\d+ see-also-resolves error$/)]);
  });

  it('reads YAML, and --config names a file anywhere', () => {
    const folder = project({
      'settings/capsule.yaml': 'root: ../docs\nexternalDocuments:\n  - ARCHITECTURE.md\nrules:\n  see-also-resolves: [warn, {}]\n',
      'docs/alpha.md': alpha.replace('RiskReview,', 'RiskReveiw,'),
      'docs/beta.md': beta,
    });
    const result = capsule(['check', '--config', 'settings/capsule.yaml', '--format', 'json'], folder);
    expect(result.status).toBe(0);
    expect(findingsOf(result.stdout, join(folder, 'docs'))).toEqual([expect.stringMatching(/^alpha\.md \d+:12 see-also-resolves warning$/)]);
  });

  it('honours include, exclude and the preset', () => {
    const folder = project({
      'capsule.config.yml': 'exclude: ["drafts/**"]\npreset: strict\nexternalDocuments: [ARCHITECTURE.md]\n',
      'alpha.md': alpha,
      'beta.md': beta,
      'drafts/broken.md': documentWith('Draft', [{ name: 'DraftIdea', seeAlso: ['NoSuchCapsule'] }]),
    });
    expect(capsule(['check'], folder)).toMatchObject({ status: 0, stdout: '' });
    writeFiles(folder, { 'notes/draft.md': documentWith('Notes', [{ name: 'LooseNote', seeAlso: ['NoSuchCapsule'] }]) });
    const included = capsule(['check', '--format', 'json'], folder);
    expect(findingsOf(included.stdout, folder)).toEqual([expect.stringMatching(/^notes\/draft\.md .* see-also-resolves error$/)]);
  });

  it('checks only the given files, and refuses the ones outside the corpus', () => {
    const folder = project({
      'capsule.config.json': JSON.stringify({ root: 'docs' }),
      'docs/alpha.md': alpha,
      'docs/beta.md': beta,
      'README.md': '# Read me\n',
    });
    const result = capsule(['check', 'docs/beta.md', '--format', 'json'], folder);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).map((entry: { filePath: string }) => entry.filePath)).toEqual([join(folder, 'docs/beta.md')]);
    const outside = capsule(['check', 'docs/beta.md', 'README.md', '--format', 'json'], folder);
    expect([outside.status, outside.stdout]).toEqual([2, '']);
    expect(outside.stderr).toContain('capsule: README.md is outside the corpus root (docs); it is not a document of the corpus\n');
  });
});

describe('frontmatter schemas', () => {
  const pageSchema = JSON.stringify({ type: 'object', required: ['title'], properties: { title: { type: 'string' } } });

  it('frontmatterSchemas maps globs to schemas, and the first matching glob wins', () => {
    const folder = project({
      'capsule.config.json': JSON.stringify({
        frontmatterSchemas: { 'pages/**/*.md': './schemas/page.json', '**/*.md': './schemas/strict.json' },
      }),
      'schemas/page.json': pageSchema,
      'schemas/strict.json': JSON.stringify({ type: 'object', required: ['owner'] }),
      'pages/titled.md': '---\ntitle: Home\n---\n\n# Home\n',
      'pages/untitled.md': '---\nheading: Home\n---\n\n# Home\n',
      'alpha.md': alpha,
      'beta.md': beta,
    });
    const result = capsule(['check', '--format', 'json', '--rule', 'see-also-resolves:off'], folder);
    expect(result.status).toBe(1);
    expect(findingsOf(result.stdout, folder)).toEqual([
      expect.stringMatching(/^alpha\.md 1:1 frontmatter-schema error$/),
      expect.stringMatching(/^beta\.md 1:1 frontmatter-schema error$/),
      'pages/untitled.md 1:1 frontmatter-schema error',
    ]);
  });

  it('without settings, judges skills by the skill schema, capsule documents by the capsule schema, and leaves others alone', () => {
    const folder = project({
      'skills/deploy/SKILL.md': '---\nname: deploy\ndescription: Deploys the site when asked to ship a change.\nallowed-tools: Bash Read\n---\n\n# Deploy\n',
      'skills/notes/SKILL.md': '---\nname: notes\nallowed-tools: Read\n---\n\n# Notes\n',
      'CONTRIBUTING.md': '# Contributing\n\nNo frontmatter here.\n',
      'alpha.md': alpha.replace('tags:', 'tag:'),
      'beta.md': beta,
    });
    const result = capsule(['check', '--format', 'json', '--rule', 'see-also-resolves:off'], folder);
    expect(findingsOf(result.stdout, folder)).toEqual([
      // `tag:` for `tags:`: the near miss is a warning; the missing field an error, as beta sets it.
      'alpha.md 1:1 frontmatter-consistent error',
      'alpha.md 3:1 frontmatter-schema warning',
      'skills/notes/SKILL.md 1:1 frontmatter-schema error',
    ]);
  });

  it('reports a schema file frontmatterSchemas names that cannot be read, at its glob', () => {
    const folder = project({ 'capsule.config.json': '{\n  "frontmatterSchemas": {\n    "docs/**": "./missing.json"\n  }\n}\n', 'alpha.md': alpha });
    const result = capsule(['check'], folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('capsule.config.json:3:16  `frontmatterSchemas.docs/**`: `./missing.json` cannot be read (ENOENT)');
  });
});

describe('broken configuration', () => {
  const cases: { name: string; file: string; text: string; expected: string[] }[] = [
    {
      name: 'bad JSON',
      file: 'capsule.config.json',
      text: '{\n  "root": "."\n  "preset": "strict"\n}\n',
      expected: ['capsule.config.json:3:3  invalid JSON: '],
    },
    {
      name: 'bad YAML',
      file: 'capsule.config.yaml',
      text: 'root: .\nrules:\n  see-also-resolves: [error\n',
      expected: ['capsule.config.yaml:', 'invalid YAML'],
    },
    {
      name: 'an unknown rule',
      file: 'capsule.config.json',
      text: '{\n  "rules": {\n    "see-also-resolve": "error"\n  }\n}\n',
      expected: ['capsule.config.json:3:5  `rules` has no rule `see-also-resolve`; did you mean `see-also-resolves`?'],
    },
    {
      name: 'a bad severity',
      file: 'capsule.config.yml',
      text: 'rules:\n  see-also-resolves: fatal\n',
      expected: ['capsule.config.yml:2:22  `rules.see-also-resolves`: `fatal` is not a severity'],
    },
    {
      name: 'bad options',
      file: 'capsule.config.json',
      text: '{"rules": {"depth-list": ["warn", {"knownKeys": "Trade-off"}]}}',
      expected: ['capsule.config.json:1:49  `rules.depth-list`: option `knownKeys` must be a list'],
    },
    {
      name: 'an unknown setting',
      file: 'capsule.config.json',
      text: '{"rot": "docs"}',
      expected: ['capsule.config.json:1:2  the configuration has no setting `rot`; did you mean `root`?'],
    },
  ];

  for (const { name, file, text, expected } of cases) {
    it(`reports ${name} with the file and place, exit 2, no stack trace`, () => {
      const folder = project({ [file]: text, 'alpha.md': alpha, 'beta.md': beta });
      const result = capsule(['check'], folder);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^capsule: invalid configuration in /);
      for (const part of expected) expect(result.stderr).toContain(part);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
