import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import AjvDraft4 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { VFileMessage } from 'vfile-message';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, github } from './github.js';
import { gitlab } from './gitlab.js';
import { json, jsonWithMetadata } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { FileResult, ReportInput } from './types.js';

function finding(
  reason: string,
  place: { start: [number, number]; end: [number, number] },
  ruleId: string,
  fatal: boolean | undefined,
  fix?: { start: number; end: number; text: string },
): VFileMessage {
  const message = new VFileMessage(reason, {
    place: {
      start: { line: place.start[0], column: place.start[1] },
      end: { line: place.end[0], column: place.end[1] },
    },
    ruleId,
    source: 'capsule-lint',
  });
  message.fatal = fatal;
  if (fix) Object.assign(message, { fix });
  return message;
}

function input(files: FileResult[], color = false): ReportInput {
  return {
    files,
    rules: [
      {
        id: 'see-also-resolves',
        description: 'SeeAlso entries name capsules that exist',
        summary: 'Each SeeAlso entry resolves to a capsule or a document.',
        help: '# see-also-resolves\n\nSeeAlso entries resolve.\n',
        url: 'https://docs.example.org/rules/see-also-resolves/',
        defaultLevel: 'error',
      },
      { id: 'invariant-length', description: 'Invariants stay short', url: undefined },
    ],
    color,
    toolVersion: '0.1.0',
    cwd: '/home/user/notes',
  };
}

const guide: FileResult = {
  path: 'guide.md',
  displayPath: 'docs/guide.md',
  absolutePath: '/home/user/notes/docs/guide.md',
  messages: [
    finding('Unknown capsule `Foo`', { start: [3, 12], end: [3, 15] }, 'see-also-resolves', true),
    finding('Invariant is 40 tokens long', { start: [12, 1], end: [12, 80] }, 'invariant-length', false, { start: 5, end: 9, text: 'x' }),
    finding('Free text, not a capsule: Etsy, 50%\nsecond line', { start: [100, 4], end: [100, 9] }, 'see-also-resolves', undefined),
  ],
  source: '# Guide\n',
};
const clean: FileResult = { path: 'clean.md', displayPath: 'clean.md', absolutePath: '/home/user/notes/clean.md', messages: [], source: '# Clean\n' };

describe('stylish', () => {
  it('writes out the control characters of a file name or a message, which would otherwise drive the terminal or forge a line', () => {
    const forged: FileResult = {
      ...clean,
      displayPath: 'a\n  9:9  error  forged\u001b[2J.md',
      messages: [finding('Link target `x\u001b[31m\u0000` does not exist', { start: [1, 1], end: [1, 2] }, 'link-resolves', true)],
    };
    const text = stylish(input([forged]));
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(text).toContain('a\\u000a  9:9  error  forged\\u001b[2J.md');
    expect(text).toContain('Link target `x\\u001b[31m\\u0000` does not exist');
  });

  it('groups by file, aligns the columns and sums up', () => {
    const text = stylish(input([guide, clean]));
    expect(text).toBe(
      [
        '',
        'docs/guide.md',
        '    3:12  error    Unknown capsule `Foo`                            see-also-resolves',
        '   12:1   warning  Invariant is 40 tokens long                      invariant-length',
        '  100:4   info     Free text, not a capsule: Etsy, 50% second line  see-also-resolves',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 info)',
        '  1 problem can be fixed with the `--fix` option.',
        '',
      ].join('\n'),
    );
    expect(text).not.toContain('clean.md');
  });

  it('writes nothing when there is nothing to say', () => {
    expect(stylish(input([clean]))).toBe('');
  });

  it('colours only when asked to', () => {
    expect(stylish(input([guide], false))).not.toContain('\u001b[');
    const coloured = stylish(input([guide], true));
    expect(coloured).toContain('\u001b[31merror');
    expect(coloured).toContain('\u001b[4mdocs/guide.md');
  });
});

describe('json', () => {
  it('has the shape of ESLint results', () => {
    const results = JSON.parse(json(input([guide, clean])));
    expect(results).toHaveLength(2);
    const [first, second] = results;
    expect(first).toMatchObject({
      filePath: '/home/user/notes/docs/guide.md',
      errorCount: 1,
      warningCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 1,
      fatalErrorCount: 0,
      suppressedMessages: [],
      usedDeprecatedRules: [],
      source: '# Guide\n',
    });
    expect(first.messages[0]).toEqual({
      ruleId: 'see-also-resolves',
      severity: 2,
      message: 'Unknown capsule `Foo`',
      line: 3,
      column: 12,
      endLine: 3,
      endColumn: 15,
    });
    expect(first.messages[1]).toMatchObject({ severity: 1, fix: { range: [5, 9], text: 'x' } });
    // An information finding is ESLint's severity 0, counted with neither errors nor warnings.
    expect(first.messages[2]).toMatchObject({ severity: 0, line: 100 });
    expect(second).toMatchObject({ filePath: '/home/user/notes/clean.md', messages: [], errorCount: 0, warningCount: 0 });
    expect(second).not.toHaveProperty('source');
  });
});

describe('json-with-metadata', () => {
  it("holds json's results and each rule's description and documentation address", () => {
    const output = JSON.parse(jsonWithMetadata(input([guide, clean])));
    expect(output.results).toEqual(JSON.parse(json(input([guide, clean]))));
    expect(output.metadata.cwd).toBe('/home/user/notes');
    expect(output.metadata.rulesMeta).toEqual({
      'see-also-resolves': {
        type: 'problem',
        docs: { description: 'SeeAlso entries name capsules that exist', url: 'https://docs.example.org/rules/see-also-resolves/' },
      },
      'invariant-length': { type: 'problem', docs: { description: 'Invariants stay short' } },
    });
  });
});

describe('sarif', () => {
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // The schema's language-tag pattern is not valid with the `u` flag that ajv adds by default.
  const ajv = new AjvDraft4({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('validates against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(sarif(input([guide, clean])));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('lists the rules and points each result at its region', () => {
    const log = JSON.parse(sarif(input([guide])));
    const [run] = log.runs;
    expect(run.tool.driver.rules).toEqual([
      {
        id: 'see-also-resolves',
        shortDescription: { text: 'SeeAlso entries name capsules that exist' },
        fullDescription: { text: 'Each SeeAlso entry resolves to a capsule or a document.' },
        help: {
          text: 'Each SeeAlso entry resolves to a capsule or a document. Documentation: https://docs.example.org/rules/see-also-resolves/',
          markdown: '# see-also-resolves\n\nSeeAlso entries resolve.\n',
        },
        helpUri: 'https://docs.example.org/rules/see-also-resolves/',
        defaultConfiguration: { level: 'error' },
      },
      {
        id: 'invariant-length',
        shortDescription: { text: 'Invariants stay short' },
        fullDescription: { text: 'Invariants stay short' },
        help: { text: 'Invariants stay short' },
      },
    ]);
    expect(run.results.map((result: { level: string }) => result.level)).toEqual(['error', 'warning', 'note']);
    expect(run.results[0]).toEqual({
      ruleId: 'see-also-resolves',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'Unknown capsule `Foo`' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'docs/guide.md', uriBaseId: '%SRCROOT%' },
            region: { startLine: 3, startColumn: 12, endLine: 3, endColumn: 15 },
          },
        },
      ],
      partialFingerprints: { 'capsuleFinding/v1': expect.stringMatching(/^[0-9a-f]{32}:1$/) },
    });
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///home/user/notes/');
  });

  it('describes a rule that runs only when configured as disabled by default, not as a warning', () => {
    const optIn = { id: 'ascii-only', description: 'Documents are ASCII', url: undefined, defaultLevel: 'off' as const };
    const log = JSON.parse(sarif({ ...input([guide]), rules: [...input([guide]).rules, optIn] }));
    expect(validate(log)).toBe(true);
    expect(log.runs[0].tool.driver.rules.at(-1)).toEqual({
      id: 'ascii-only',
      shortDescription: { text: 'Documents are ASCII' },
      fullDescription: { text: 'Documents are ASCII' },
      help: { text: 'Documents are ASCII' },
      defaultConfiguration: { enabled: false },
    });
  });

  it("names files from the job's checkout when the check runs in a folder inside it", () => {
    const shownFromDocs = { ...guide, displayPath: 'guide.md' };
    const run = JSON.parse(sarif({ ...input([shownFromDocs]), cwd: '/home/user/notes/docs', workspace: '/home/user/notes' })).runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///home/user/notes/');
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('docs/guide.md');
  });

  it('gives findings from outside the rule set a rule entry too', () => {
    const unreadable: FileResult = {
      ...clean,
      displayPath: 'odd name #1.md',
      messages: [finding('File is not valid UTF-8 text', { start: [1, 1], end: [1, 1] }, 'invalid-encoding', true)],
    };
    const log = JSON.parse(sarif(input([unreadable])));
    expect(validate(log)).toBe(true);
    expect(log.runs[0].tool.driver.rules.at(-1)).toMatchObject({ id: 'invalid-encoding', shortDescription: { text: 'Findings reported as `invalid-encoding`' } });
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('odd%20name%20%231.md');
  });
});

describe('sarif fingerprints', () => {
  const fingerprints = (file: FileResult) =>
    (JSON.parse(sarif(input([file]))).runs[0].results as { partialFingerprints: Record<string, string> }[]).map(
      (result) => result.partialFingerprints['capsuleFinding/v1'],
    );
  const at = (line: number, source: string): FileResult => ({
    ...clean,
    messages: [finding('Unknown capsule `Foo`', { start: [line, 12], end: [line, 15] }, 'see-also-resolves', true)],
    source,
  });

  it('stay the same when lines are added above the finding', () => {
    expect(fingerprints(at(2, '# A\n- SeeAlso: Foo\n'))).toEqual(fingerprints(at(4, '# A\n\nMore prose.\n- SeeAlso: Foo\n')));
  });

  it('change with the text of the line, and tell identical findings apart', () => {
    expect(fingerprints(at(2, '# A\n- SeeAlso: Foo\n'))).not.toEqual(fingerprints(at(2, '# A\n- SeeAlso: Foo, Bar\n')));
    const twice: FileResult = { ...at(2, '# A\n- SeeAlso: Foo\n') };
    twice.messages = [...twice.messages, ...twice.messages];
    const [first, second] = fingerprints(twice);
    expect(first).not.toBe(second);
  });
});

describe('github', () => {
  it('writes one workflow command per finding', () => {
    expect(github(input([guide, clean])).split('\n')).toEqual([
      '::error file=docs/guide.md,line=3,col=12,endLine=3,endColumn=15,title=see-also-resolves::Unknown capsule `Foo`',
      '::warning file=docs/guide.md,line=12,col=1,endLine=12,endColumn=80,title=invariant-length::Invariant is 40 tokens long',
      '::notice file=docs/guide.md,line=100,col=4,endLine=100,endColumn=9,title=see-also-resolves::Free text, not a capsule: Etsy, 50%25%0Asecond line',
      '',
    ]);
  });

  it("names files from the job's checkout when the check runs in a folder inside it", () => {
    const shownFromDocs = { ...guide, displayPath: 'guide.md' };
    const inFolder = { ...input([shownFromDocs]), cwd: '/home/user/notes/docs', workspace: '/home/user/notes' };
    expect(github(inFolder)).toMatch(/^::error file=docs\/guide\.md,line=3,/);
    // Run outside the checkout, the paths are the ones people are shown.
    expect(github({ ...inFolder, workspace: '/home/user/other' })).toMatch(/^::error file=guide\.md,line=3,/);
  });

  it('escapes data and properties as the runner reads them', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });
});

/** Findings enough for a large report: `count` of them over files of 250, every level. */
function manyFindings(count: number): FileResult[] {
  const files: FileResult[] = [];
  for (let start = 0; start < count; start += 250) {
    const messages = Array.from({ length: Math.min(250, count - start) }, (_, index) =>
      finding(`Link target \`missing-${start + index}.md\` does not exist`, { start: [index + 1, 3], end: [index + 1, 9] }, 'link-resolves', [true, false, undefined][index % 3]),
    );
    const path = `docs/part-${start / 250}.md`;
    files.push({ path, displayPath: path, absolutePath: `/home/user/notes/${path}`, messages, source: Array.from({ length: 250 }, (_, index) => `[a](missing-${start + index}.md)`).join('\n') });
  }
  return files;
}

describe('gitlab', () => {
  // The fields GitLab documents for a Code Quality report, as a schema of our own.
  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(new URL('./__fixtures__/gitlab-code-quality.schema.json', import.meta.url), 'utf8')));

  it('holds the fields GitLab reads, one issue per finding', () => {
    const text = gitlab(input([guide, clean]));
    // GitLab's parser refuses a byte order mark.
    expect(text.charCodeAt(0)).toBe('['.charCodeAt(0));
    const issues = JSON.parse(text);
    expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
    expect(issues).toEqual([
      {
        type: 'issue',
        description: 'Unknown capsule `Foo`',
        check_name: 'see-also-resolves',
        // The merge request names the tool beside each issue.
        engine_name: 'capsule-docs',
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}:1$/),
        severity: 'major',
        location: { path: 'docs/guide.md', lines: { begin: 3, end: 3 } },
      },
      expect.objectContaining({ check_name: 'invariant-length', severity: 'minor', location: { path: 'docs/guide.md', lines: { begin: 12, end: 12 } } }),
      expect.objectContaining({ description: 'Free text, not a capsule: Etsy, 50%\nsecond line', severity: 'info', location: { path: 'docs/guide.md', lines: { begin: 100, end: 100 } } }),
    ]);
  });

  it('is an empty array for a clean run, which GitLab reads as no issue', () => {
    expect(gitlab(input([clean]))).toBe('[]\n');
    expect(validate(JSON.parse(gitlab(input([]))))).toBe(true);
  });

  it('names files from the top of the repository, and fingerprints them as SARIF does', () => {
    const shownFromDocs = { ...guide, displayPath: 'guide.md' };
    const inFolder = { ...input([shownFromDocs]), cwd: '/home/user/notes/docs', workspace: '/home/user/notes' };
    const issues = JSON.parse(gitlab(inFolder));
    expect(issues.map((issue: { location: { path: string } }) => issue.location.path)).toEqual(['docs/guide.md', 'docs/guide.md', 'docs/guide.md']);
    // The same finding seen from the top keeps its fingerprint: GitLab compares them between the merge request and its target.
    const fromTop = JSON.parse(gitlab(input([guide])));
    expect(issues.map((issue: { fingerprint: string }) => issue.fingerprint)).toEqual(fromTop.map((issue: { fingerprint: string }) => issue.fingerprint));
    const sarifFingerprints = JSON.parse(sarif(inFolder)).runs[0].results.map((result: { partialFingerprints: Record<string, string> }) => result.partialFingerprints['capsuleFinding/v1']);
    expect(issues.map((issue: { fingerprint: string }) => issue.fingerprint)).toEqual(sarifFingerprints);
  });

  it('names a file of the repository from its top even when the check ran outside it', () => {
    const fromElsewhere = { ...guide, displayPath: '../../home/user/notes/docs/guide.md' };
    const issues = JSON.parse(gitlab({ ...input([fromElsewhere]), cwd: '/tmp/elsewhere', workspace: '/home/user/notes' }));
    expect(issues[0].location.path).toBe('docs/guide.md');
    expect(issues[0].fingerprint).toBe(JSON.parse(gitlab({ ...input([guide]), workspace: '/home/user/notes' }))[0].fingerprint);
    // A file outside every repository keeps the path people are shown.
    expect(JSON.parse(gitlab({ ...input([fromElsewhere]), cwd: '/tmp/elsewhere' }))[0].location.path).toBe('../../home/user/notes/docs/guide.md');
  });

  it('gives every finding its own fingerprint, as GitLab keeps one issue per fingerprint', () => {
    const twice: FileResult = { ...guide, messages: [...guide.messages, ...guide.messages] };
    const other: FileResult = { ...guide, path: 'other.md', displayPath: 'docs/other.md', absolutePath: '/home/user/notes/docs/other.md' };
    const fingerprints = JSON.parse(gitlab(input([twice, other]))).map((issue: { fingerprint: string }) => issue.fingerprint);
    expect(fingerprints).toHaveLength(9);
    expect(new Set(fingerprints).size).toBe(9);
  });

  it('writes 25,000 findings in one pass, each on its line', () => {
    const files = manyFindings(25_000);
    const started = performance.now();
    const text = gitlab(input(files));
    const took = performance.now() - started;
    const issues = JSON.parse(text);
    expect(issues).toHaveLength(25_000);
    expect(validate(issues)).toBe(true);
    expect(text.split('\n')).toHaveLength(25_003);
    // A few hundred milliseconds on a loaded machine; quadratic work would take minutes.
    expect(took).toBeLessThan(5_000);
  });
});

describe('junit', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    processEntities: true,
    htmlEntities: true,
    parseAttributeValue: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  const xsd = new URL('./__fixtures__/junit.xsd', import.meta.url).pathname;
  /** xmllint's verdict on the report against our schema of the JUnit shape CI services read. */
  function schemaErrors(xml: string): string {
    const folder = mkdtempSync(join(tmpdir(), 'capsule-junit-'));
    try {
      writeFileSync(join(folder, 'report.xml'), xml);
      const run = spawnSync('xmllint', ['--noout', '--schema', xsd, join(folder, 'report.xml')], { encoding: 'utf8' });
      expect(run.error).toBeUndefined();
      return run.status === 0 ? '' : run.stderr;
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  it('is one test suite per document, a failed test case per error or warning, validated by xmllint', () => {
    const xml = junit(input([guide, clean]));
    expect(schemaErrors(xml)).toBe('');
    const report = parser.parse(xml).testsuites;
    expect(report).toMatchObject({ name: 'capsule check', tests: '4', failures: '2', errors: '0' });
    const [suite, cleanSuite] = report.testsuite;
    expect(suite).toMatchObject({ name: 'docs/guide.md', tests: '3', failures: '2' });
    expect(suite.testcase[0]).toMatchObject({
      classname: 'docs/guide',
      name: 'see-also-resolves: Unknown capsule `Foo`',
      file: 'docs/guide.md',
      line: '3',
      time: '0',
      failure: {
        message: 'docs/guide.md:3:12: Unknown capsule `Foo`',
        type: 'see-also-resolves',
        '#text': 'docs/guide.md:3:12: error: Unknown capsule `Foo` (see-also-resolves)\nRule documentation: https://docs.example.org/rules/see-also-resolves/',
      },
    });
    expect(suite.testcase[1].failure['#text']).toBe('docs/guide.md:12:1: warning: Invariant is 40 tokens long (invariant-length)');
    // Information is nothing to fix: a passing test case that carries the note.
    expect(suite.testcase[2]).not.toHaveProperty('failure');
    expect(suite.testcase[2]['system-out']).toBe('docs/guide.md:100:4: info: Free text, not a capsule: Etsy, 50%\nsecond line (see-also-resolves)\nRule documentation: https://docs.example.org/rules/see-also-resolves/');
    expect(suite.testcase[2].name).toBe('see-also-resolves: Free text, not a capsule: Etsy, 50% second line');
    // A clean document is named all the same, as one passing test case.
    expect(cleanSuite).toMatchObject({ name: 'clean.md', tests: '1', failures: '0', testcase: [{ classname: 'clean', name: 'no findings', file: 'clean.md' }] });
  });

  it('is a passing report of every document checked when nothing is found', () => {
    const other: FileResult = { ...clean, path: 'b.md', displayPath: 'b.md', absolutePath: '/home/user/notes/b.md' };
    const xml = junit(input([clean, other]));
    expect(schemaErrors(xml)).toBe('');
    const report = parser.parse(xml).testsuites;
    expect(report).toMatchObject({ tests: '2', failures: '0' });
    expect(report.testsuite.map((suite: { name: string }) => suite.name)).toEqual(['clean.md', 'b.md']);
    expect(schemaErrors(junit(input([])))).toBe('');
  });

  it('names test cases without their line, so a finding keeps its name when lines move; alike findings are numbered', () => {
    const twice: FileResult = { ...guide, messages: [guide.messages[0]!, finding('Unknown capsule `Foo`', { start: [9, 12], end: [9, 15] }, 'see-also-resolves', true)] };
    const names = parser.parse(junit(input([twice]))).testsuites.testsuite[0].testcase.map((testcase: { name: string }) => testcase.name);
    expect(names).toEqual(['see-also-resolves: Unknown capsule `Foo`', 'see-also-resolves: Unknown capsule `Foo` (2)']);
  });

  it('carries hostile text through escaped: markup, `]]>`, quotes, control characters and lone surrogates', () => {
    const hostile = 'Link target `]]><x a="1">&amp;\'\u0001\u0000\uD800\r\n\ttab` does not exist';
    const file: FileResult = {
      ...clean,
      path: 'a&b <c>.md',
      displayPath: 'a&b <c>.md',
      absolutePath: '/home/user/notes/a&b <c>.md',
      messages: [finding(hostile, { start: [1, 1], end: [1, 2] }, 'link-resolves', true)],
    };
    const xml = junit(input([file]));
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).not.toContain(']]>');
    expect(schemaErrors(xml)).toBe('');
    const testcase = parser.parse(xml).testsuites.testsuite[0].testcase[0];
    // What XML cannot hold at all becomes U+FFFD; everything else comes back as it was, but
    // that element text reads a line break as XML does, CR LF as LF.
    const kept = 'Link target `]]><x a="1">&amp;\'\uFFFD\uFFFD\uFFFD\r\n\ttab` does not exist';
    expect(testcase.failure.message).toBe(`a&b <c>.md:1:1: ${kept}`);
    expect(testcase.failure['#text']).toBe(`a&b <c>.md:1:1: error: ${kept.replace('\r\n', '\n')} (link-resolves)`);
    expect(testcase.name).toBe('link-resolves: Link target `]]><x a="1">&amp;\'\uFFFD\uFFFD\uFFFD tab` does not exist');
    expect(testcase.file).toBe('a&b <c>.md');
    expect(parser.parse(xml).testsuites.testsuite[0].name).toBe('a&b <c>.md');
  });

  it('names files from the top of the repository when the check runs in a folder of it', () => {
    const shownFromDocs = { ...guide, displayPath: 'guide.md' };
    const suite = parser.parse(junit({ ...input([shownFromDocs]), cwd: '/home/user/notes/docs', workspace: '/home/user/notes' })).testsuites.testsuite[0];
    expect(suite.name).toBe('docs/guide.md');
    expect(suite.testcase[0].file).toBe('docs/guide.md');
  });

  it('names a file of the repository from its top even when the check ran outside it', () => {
    const fromElsewhere = { ...guide, displayPath: '../../home/user/notes/docs/guide.md' };
    const suite = parser.parse(junit({ ...input([fromElsewhere]), cwd: '/tmp/elsewhere', workspace: '/home/user/notes' })).testsuites.testsuite[0];
    expect([suite.name, suite.testcase[0].file, suite.testcase[0].classname]).toEqual(['docs/guide.md', 'docs/guide.md', 'docs/guide']);
  });

  it('writes 25,000 findings in one pass', () => {
    const files = manyFindings(25_000);
    const started = performance.now();
    const xml = junit(input(files));
    const took = performance.now() - started;
    expect(schemaErrors(xml)).toBe('');
    const report = parser.parse(xml).testsuites;
    expect(report.tests).toBe('25000');
    // Errors and warnings fail; about a third of the findings are information, which passes.
    const failing = files.flatMap((file) => file.messages).filter((message) => message.fatal !== undefined).length;
    expect(failing).toBeLessThan(20_000);
    expect(report.failures).toBe(String(failing));
    // A few hundred milliseconds on a loaded machine; quadratic work would take minutes.
    expect(took).toBeLessThan(5_000);
  });
});
