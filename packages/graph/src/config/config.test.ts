import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, findConfigFile, loadConfig } from './load.js';
import { configSchema, type RuleSummary } from './schema.js';
import { parseConfig, type ConfigSource } from './config-file.js';
import { validateConfig } from './validate.js';

const made: string[] = [];
afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

const rules: RuleSummary[] = [
  { id: 'see-also-resolves', description: 'SeeAlso entries resolve', defaultSeverity: 'error' },
  {
    id: 'invariant-length',
    description: 'Invariants are short',
    defaultSeverity: 'warn',
    optionsSchema: { type: 'object', properties: { maxTokens: { type: 'integer', minimum: 1 } }, additionalProperties: false },
  },
];
const schema = configSchema(rules);

function problemsOf(text: string, file = 'capsule.config.json'): string[] {
  const parsed = parseConfig(text, file);
  if (!parsed.ok) return [`${parsed.problem.place.line}:${parsed.problem.place.column} ${parsed.problem.message}`];
  return validateConfig(parsed.source, schema).map((problem) => `${problem.place.line}:${problem.place.column} ${problem.message}`);
}

describe('parsing', () => {
  it('places JSON syntax errors', () => {
    const [problem] = problemsOf('{\n  "root": "content"\n  "preset": "strict"\n}\n');
    expect(problem).toMatch(/^3:3 invalid JSON: /);
  });

  it('places JSON syntax errors the parser\'s message gives no place for, and quotes no text of the file', () => {
    expect(problemsOf('x')).toEqual(["1:1 invalid JSON: Unexpected token 'x'"]);
    expect(problemsOf('{\n  "include": [\n    "*.md",\n  ]\n}\n')).toEqual(["4:3 invalid JSON: Unexpected token ']'"]);
    expect(problemsOf('\u0000\u0000{}')).toEqual(["1:1 invalid JSON: Unexpected token '\\u0000'"]);
    expect(problemsOf('{"include": ["*.md"]')).toEqual([expect.stringMatching(/^1:21 invalid JSON: /)]);
  });

  it('places YAML syntax errors', () => {
    const [problem] = problemsOf('root: content\nrules:\n  see-also-resolves: [error\n', 'capsule.config.yaml');
    expect(problem).toMatch(/^\d+:\d+ invalid YAML: /);
  });

  it('refuses a key given twice', () => {
    expect(problemsOf('{"root": "a",\n "root": "b"}')).toEqual(['2:2 a key appears twice in one object']);
  });

  it('takes an empty YAML file as all defaults', () => {
    const parsed = parseConfig('', 'capsule.config.yml');
    expect(parsed.ok && parsed.source.data).toEqual({});
  });

  it('finds the place of nested values and keys', () => {
    const parsed = parseConfig('root: content\nrules:\n  invariant-length: [warn, {maxTokens: 20}]\n', 'capsule.config.yaml');
    const source = (parsed as { source: ConfigSource }).source;
    expect(source.placeOf(['rules', 'invariant-length', 1, 'maxTokens'])).toEqual({ line: 3, column: 40 });
    expect(source.placeOf(['rules'], 'invariant-length')).toEqual({ line: 3, column: 3 });
  });
});

describe('validation', () => {
  it('accepts a complete configuration', () => {
    const text = JSON.stringify({
      $schema: './schema.json',
      root: 'content',
      include: ['**/*.md'],
      exclude: ['drafts/**'],
      preset: 'strict',
      rules: { 'see-also-resolves': 'warn', 'invariant-length': ['error', { maxTokens: 25 }] },
      externalDocuments: ['ARCHITECTURE.md'],
      frontmatterSchema: 'frontmatter.json',
      cacheDir: '.cache',
    });
    expect(problemsOf(text)).toEqual([]);
  });

  it('names an unknown rule and suggests the near one', () => {
    expect(problemsOf('{\n  "rules": {\n    "see-also-resolve": "error"\n  }\n}')).toEqual([
      '3:5 `rules` has no rule `see-also-resolve`; did you mean `see-also-resolves`?',
    ]);
  });

  it('names an unknown setting', () => {
    expect(problemsOf('{"roots": "content"}')).toEqual(['1:2 the configuration has no setting `roots`; did you mean `root`?']);
  });

  it('lists the known names when none is near', () => {
    expect(problemsOf('{"rules": {"frobnicate": "off"}}')).toEqual([
      '1:12 `rules` has no rule `frobnicate`; known: `invariant-length`, `see-also-resolves`',
    ]);
  });

  it('explains a bad severity once, at its place', () => {
    expect(problemsOf('{"rules": {"see-also-resolves": "errror"}}')).toEqual([
      '1:33 `rules.see-also-resolves`: `errror` is not a severity (did you mean `error`?); use one of `off`, `info`, `warn`, `error`, or [severity, options]',
    ]);
    expect(problemsOf('{"rules": {"see-also-resolves": 2}}')).toEqual([
      '1:33 `rules.see-also-resolves` must be a severity or [severity, options]; use one of `off`, `info`, `warn`, `error`, or [severity, options]',
    ]);
  });

  it('checks rule options against the rule\'s schema', () => {
    expect(problemsOf('rules:\n  invariant-length: [warn, {maxTokens: 0, tokens: 3}]\n', 'capsule.config.yaml')).toEqual([
      '2:40 `rules.invariant-length`: option `maxTokens` must be >= 1',
      '2:43 `rules.invariant-length`: the rule has no option `tokens`',
    ]);
    expect(problemsOf('{"rules": {"see-also-resolves": ["warn", {"x": 1}]}}')).toEqual([
      '1:43 `rules.see-also-resolves`: the rule has no option `x`',
    ]);
    expect(problemsOf('{"rules": {"invariant-length": ["loud", {}]}}')).toEqual([
      '1:33 `rules.invariant-length`: the first item must be a severity (`off`, `info`, `warn`, `error`)',
    ]);
  });

  it('checks the other settings\' types and values', () => {
    expect(problemsOf('{"preset": "strikt", "include": "**/*.md", "externalDocuments": [""]}')).toEqual([
      '1:12 `preset` must be one of `recommended`, `strict`; did you mean `strict`?',
      '1:33 `include` must be a list',
      '1:66 `externalDocuments[0]` must not be empty',
    ]);
  });
});

describe('discovery and loading', () => {
  function project(files: Record<string, string>): string {
    const folder = mkdtempSync(join(tmpdir(), 'capsule-config-'));
    made.push(folder);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(folder, path, '..'), { recursive: true });
      writeFileSync(join(folder, path), text);
    }
    return folder;
  }

  it('finds the nearest file above the working directory, JSON before YAML', () => {
    const folder = project({
      'capsule.config.yaml': 'root: docs\n',
      'capsule.config.json': '{"root": "docs"}',
      'docs/deep/note.md': '# Note\n',
      'docs/deep/capsule.config.yml': 'root: .\n',
    });
    expect(findConfigFile(join(folder, 'docs'))).toBe(join(folder, 'capsule.config.json'));
    expect(findConfigFile(join(folder, 'docs', 'deep'))).toBe(join(folder, 'docs', 'deep', 'capsule.config.yml'));
  });

  it('takes a folder or a link to nothing under a configuration name for a broken configuration, not one further up', () => {
    const folder = project({ 'capsule.config.json': '{"root": "docs"}', 'docs/a.md': '# A\n' });
    const docs = join(folder, 'docs');
    symlinkSync('missing.json', join(docs, 'capsule.config.json'));
    expect(() => loadConfig({ cwd: docs })).toThrow('The configuration capsule.config.json is a symbolic link to `missing.json`, which does not exist');
    expect(() => loadConfig({ cwd: docs, config: 'capsule.config.json' })).toThrow('The configuration capsule.config.json is a symbolic link to `missing.json`, which does not exist');
    rmSync(join(docs, 'capsule.config.json'));
    symlinkSync('capsule.config.json', join(docs, 'capsule.config.json'));
    expect(() => loadConfig({ cwd: docs })).toThrow('The configuration capsule.config.json is a symbolic link to `capsule.config.json`, which leads round in a loop');
    rmSync(join(docs, 'capsule.config.json'));
    mkdirSync(join(docs, 'capsule.config.yaml'));
    expect(() => loadConfig({ cwd: docs })).toThrow('The configuration capsule.config.yaml is not a regular file, so it was not read');
  });

  it('resolves paths against the configuration file, not the working directory', () => {
    const folder = project({
      'capsule.config.json': '{"root": "docs", "frontmatterSchema": "schema.json", "cacheDir": ".cache"}',
      'schema.json': '{"type": "object"}',
      'docs/sub/a.md': '# A\n',
    });
    const config = loadConfig({ cwd: join(folder, 'docs', 'sub') });
    expect(config).toMatchObject({
      file: join(folder, 'capsule.config.json'),
      root: join(folder, 'docs'),
      frontmatterSchema: { type: 'object' },
      cacheDir: join(folder, '.cache'),
    });
  });

  it('names the schema files it read, each once, for a server that reads the configuration again when one changes', () => {
    const folder = project({
      'capsule.config.json': '{"frontmatterSchema": "schemas/doc.json", "frontmatterSchemas": {"guides/**": "./schemas/doc.json", "notes/**": "schemas/note.json", "skills/**": "skill"}}',
      'schemas/doc.json': '{"type": "object"}',
      'schemas/note.json': '{"type": "object"}',
    });
    expect(loadConfig({ cwd: folder }).schemaFiles).toEqual([join(folder, 'schemas', 'doc.json'), join(folder, 'schemas', 'note.json')]);
    expect(loadConfig({ cwd: folder, config: false }).schemaFiles).toEqual([]);
  });

  it('uses the working directory and no rules when there is no file', () => {
    const folder = project({ 'a.md': '# A\n' });
    expect(loadConfig({ cwd: folder, config: false })).toMatchObject({ file: undefined, root: folder, rules: {} });
  });

  it('reports a missing root and an unreadable frontmatter schema at their places', () => {
    const folder = project({ 'capsule.config.json': '{\n  "root": "nowhere",\n  "frontmatterSchema": "missing.json"\n}\n' });
    let error: unknown;
    try {
      loadConfig({ cwd: folder });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(
      [
        'invalid configuration in capsule.config.json',
        '  capsule.config.json:2:11  `root` names `nowhere`, which is not a folder next to the configuration',
        '  capsule.config.json:3:24  `frontmatterSchema`: `missing.json` cannot be read (ENOENT)',
      ].join('\n'),
    );
  });

  it('reads no schema or configuration that is no regular file, as a link to /dev/zero would be read for ever', () => {
    const folder = project({ 'capsule.config.json': '{\n  "frontmatterSchema": "zero.json"\n}\n' });
    symlinkSync('/dev/zero', join(folder, 'zero.json'));
    expect(() => loadConfig({ cwd: folder })).toThrow('capsule.config.json:2:24  `frontmatterSchema`: `zero.json` is not a regular file, so it was not read');
    symlinkSync('/dev/zero', join(folder, 'zero.config.json'));
    expect(() => loadConfig({ cwd: folder, config: 'zero.config.json' })).toThrow('The configuration zero.config.json is not a regular file, so it was not read');
  });
});
