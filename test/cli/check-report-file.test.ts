/**
 * `capsule check` in CI: the GitLab Code Quality and JUnit formats as a job hands them over,
 * and `--output-file`, which writes the report where the job keeps its artifacts.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capsule, citingRepository, documentWith, git, project, read, repositoryRoot, writeFiles } from './helpers.js';

const junitSchema = join(repositoryRoot, 'packages/cli/src/reporters/__fixtures__/junit.xsd');
// The XML parser is a dev dependency of the CLI package.
const { XMLParser } = (await import(createRequire(join(repositoryRoot, 'packages/cli/package.json')).resolve('fast-xml-parser'))) as typeof import('fast-xml-parser');
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, isArray: (name) => name === 'testsuite' || name === 'testcase' });

/** A repository whose corpus is its `docs/` folder: one error, one warning, one clean document. */
function repository(): string {
  const top = project({
    'docs/alpha.md': documentWith('Alpha', [{ name: 'IdeaCapture', seeAlso: ['RiskReveiw', 'Risk Review'] }]),
    'docs/beta.md': documentWith('Beta', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]),
  });
  git(top, 'init', '-q');
  return top;
}

function validJunit(path: string): void {
  const run = spawnSync('xmllint', ['--noout', '--schema', junitSchema, path], { encoding: 'utf8' });
  expect(run.error).toBeUndefined();
  expect(run.stderr).toBe(`${path} validates\n`);
}

describe('--format gitlab', () => {
  it('names files from the top of the repository and keeps fingerprints wherever the check runs', () => {
    const top = repository();
    const fromTop = capsule(['check', '--format', 'gitlab', 'docs'], top);
    expect(fromTop.status).toBe(1);
    const issues = JSON.parse(fromTop.stdout);
    expect(issues).toEqual([
      expect.objectContaining({ check_name: 'see-also-resolves', severity: 'major', location: { path: 'docs/alpha.md', lines: { begin: expect.any(Number), end: expect.any(Number) } } }),
      expect.objectContaining({ check_name: 'see-also-resolves', severity: 'minor', location: expect.objectContaining({ path: 'docs/alpha.md' }) }),
    ]);
    const fromDocs = JSON.parse(capsule(['check', '--format', 'gitlab'], join(top, 'docs')).stdout);
    expect(fromDocs).toEqual(issues);
    // In a GitLab job, from the project's checkout.
    const inJob = JSON.parse(capsule(['check', '--format', 'gitlab'], join(top, 'docs'), { CI_PROJECT_DIR: top }).stdout);
    expect(inJob).toEqual(issues);
  });

  it("names files from the corpus's repository when the job's checkout does not hold the corpus", () => {
    const top = repository();
    const issues = JSON.parse(capsule(['check', '--format', 'gitlab'], top).stdout);
    // A job checking a repository it cloned beside its own checkout.
    const checkout = project({ 'README.md': '# The job\n' });
    const beside = capsule(['check', '--format', 'gitlab', '--report', 'junit=../junit.xml'], join(top, 'docs'), { CI_PROJECT_DIR: checkout });
    expect(JSON.parse(beside.stdout)).toEqual(issues);
    const suites = xml.parse(read(top, 'junit.xml')).testsuites.testsuite.map((suite: { name: string }) => suite.name);
    expect(suites).toEqual(['docs/alpha.md', 'docs/beta.md']);
    const sarif = JSON.parse(capsule(['check', '--format', 'sarif'], join(top, 'docs'), { GITHUB_WORKSPACE: checkout }).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('docs/alpha.md');
  });

  it('keeps the fingerprints of the findings a staged commit did not bring, and gives its new one its own', () => {
    const top = repository();
    git(top, 'add', '.');
    git(top, 'commit', '-q', '-m', 'start');
    const before = JSON.parse(capsule(['check', '--format', 'gitlab'], top).stdout) as { fingerprint: string; location: { lines: { begin: number } } }[];
    writeFiles(top, { 'docs/alpha.md': `${read(top, 'docs/alpha.md')}\nSee [the plan](plan.md).\n` });
    git(top, 'add', 'docs/alpha.md');
    const staged = JSON.parse(capsule(['check', '--staged', '--format', 'gitlab'], top).stdout) as typeof before;
    expect(staged).toHaveLength(3);
    expect(staged.slice(0, 2)).toEqual(before);
    expect(before.map((issue) => issue.fingerprint)).not.toContain(staged[2]!.fingerprint);
  });

  it('is an empty array, exit 0, for a clean corpus', () => {
    const folder = project({ 'a.md': '# A\n' });
    expect(capsule(['check', '--format', 'gitlab'], folder)).toMatchObject({ status: 0, stdout: '[]\n', stderr: '' });
  });
});

describe('--format junit', () => {
  it('is a JUnit report xmllint validates: a suite per document, the clean one passing', () => {
    const top = repository();
    const out = join(top, 'junit.xml');
    const result = capsule(['check', '--format', 'junit', '--output-file', '../junit.xml'], join(top, 'docs'));
    expect(result.status).toBe(1);
    validJunit(out);
    const report = xml.parse(readFileSync(out, 'utf8')).testsuites;
    expect(report).toMatchObject({ tests: '3', failures: '2' });
    expect(report.testsuite.map((suite: { name: string; failures: string }) => [suite.name, suite.failures])).toEqual([
      ['docs/alpha.md', '2'],
      ['docs/beta.md', '0'],
    ]);
    expect(report.testsuite[0].testcase[0].failure.message).toMatch(/^docs\/alpha\.md:\d+:12: No capsule is named `RiskReveiw`/);
  });
});

describe('--output-file', () => {
  it('writes the report there, creating its folder, and exits as the check does', () => {
    const top = repository();
    const result = capsule(['check', '--format', 'gitlab', '-o', 'reports/ci/gl-code-quality-report.json', 'docs'], top);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('capsule: 2 problems (1 error, 1 warning); the gitlab report is in reports/ci/gl-code-quality-report.json\n');
    expect(read(top, 'reports/ci/gl-code-quality-report.json')).toBe(capsule(['check', '--format', 'gitlab', 'docs'], top).stdout);
    // Nothing left beside it: the file was written whole and renamed into place.
    expect(readdirSync(join(top, 'reports/ci'))).toEqual(['gl-code-quality-report.json']);

    const clean = project({ 'a.md': '# A\n' });
    expect(capsule(['check', '--format', 'junit', '-o', '../clean.xml'], join(clean))).toMatchObject({ status: 0, stdout: '' });
    validJunit(join(clean, '../clean.xml'));
  });

  it('replaces an earlier report, keeping its mode, and never writes colour into it', () => {
    const top = repository();
    writeFileSync(join(top, 'report.txt'), 'an old report, longer than the new one will be'.repeat(1000));
    chmodSync(join(top, 'report.txt'), 0o640);
    const result = capsule(['check', '-o', 'report.txt', 'docs'], top, { FORCE_COLOR: '1' });
    expect(result.status).toBe(1);
    const report = read(top, 'report.txt');
    expect(report).toContain('docs/alpha.md');
    expect(report).toContain('✖ 2 problems (1 error, 1 warning)');
    expect(report).not.toContain('\u001b[');
    expect(report).not.toContain('an old report');
  });

  it('refuses a folder, a document of the corpus and the configuration before checking anything', () => {
    const top = repository();
    writeFiles(top, { 'capsule.config.json': JSON.stringify({ root: 'docs' }), 'reports/keep.txt': 'kept\n' });
    const refusals: [string, string][] = [
      ['reports', 'capsule: --output-file reports names a folder; the report is one file\n'],
      ['missing/', 'capsule: --output-file missing/ names a folder; the report is one file\n'],
      ['docs/alpha.md', 'capsule: docs/alpha.md is a document of the corpus this check reads; writing there would replace its text, and the next check would read the report back\n'],
      ['docs/report.md', 'capsule: docs/report.md would be a document of the corpus this check reads; the next check would read the report back\n'],
      ['capsule.config.json', 'capsule: capsule.config.json is the configuration this check reads; writing there would replace it\n'],
    ];
    for (const [path, said] of refusals) {
      const result = capsule(['check', '--format', 'junit', '-o', path], top);
      expect([result.status, result.stdout], path).toEqual([2, '']);
      expect(result.stderr.split('\n')[0]! + '\n', path).toBe(said);
    }
    expect(existsSync(join(top, 'missing'))).toBe(false);
    expect(existsSync(join(top, 'docs/report.md'))).toBe(false);
    expect(read(top, 'docs/alpha.md')).toContain('# Alpha');
    // A link that leads to a document is judged by where it leads.
    symlinkSync('docs/beta.md', join(top, 'beta-link.txt'));
    const through = capsule(['check', '-o', 'beta-link.txt'], top);
    expect(through.status).toBe(2);
    expect(through.stderr).toContain('beta-link.txt leads to `beta.md`, which is a document of the corpus this check reads');
  });

  it('says so, with exit 2, when the report cannot be written', () => {
    const top = repository();
    writeFileSync(join(top, 'report.json'), '[]\n');
    chmodSync(join(top, 'report.json'), 0o444);
    const result = capsule(['check', '--format', 'gitlab', '-o', 'report.json', 'docs'], top);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('capsule: Cannot write report.json: the file is read-only\n  Make it writable (chmod u+w), or choose another --output-file.\n');
    expect(read(top, 'report.json')).toBe('[]\n');
  });

  it('writes the report of what remains after --fix', () => {
    const folder = project({
      'alpha.md': documentWith('Alpha', [{ name: 'IdeaCapture', seeAlso: ['NoSuchIdea'], depth: ['Tradeoff: Speed against care'] }]),
    });
    const result = capsule(['check', '--fix', '--format', 'gitlab', '-o', 'out/report.json'], folder);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('capsule: fixed 1 problem in 1 file\n');
    expect(read(folder, 'alpha.md')).toContain('- Trade-off: Speed against care');
    const issues = JSON.parse(read(folder, 'out/report.json'));
    expect(issues.map((issue: { check_name: string }) => issue.check_name)).toEqual(['see-also-resolves']);
  });

  it('writes the report of a staged commit, and refuses a path that is one of its documents', () => {
    const folder = citingRepository({ 'README.md': '# Project\n' });
    git(folder, 'rm', '-q', 'docs/risks.md');
    const result = capsule(['check', '--staged', '--format', 'junit', '-o', 'reports/junit.xml'], folder);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    validJunit(join(folder, 'reports/junit.xml'));
    const report = xml.parse(read(folder, 'reports/junit.xml')).testsuites;
    expect(report.testsuite.map((suite: { name: string }) => suite.name)).toContain('docs/ideas.md');
    // The report is no part of the commit, and the corpus is `docs/` as staged.
    expect(git(folder, 'status', '--porcelain', 'reports')).toBe('?? reports/\n');
    const refused = capsule(['check', '--staged', '-o', 'docs/ideas.md'], folder);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('docs/ideas.md is a document of the corpus this check reads');
  });
});

describe('--report', () => {
  it('writes each report from one check, beside the one on standard output', () => {
    const top = repository();
    const result = capsule(['check', '--report', 'sarif=reports/capsule.sarif', '--report', 'gitlab=gl-code-quality-report.json', 'docs'], top);
    expect(result.status).toBe(1);
    // The people's report in the log, as without --report.
    expect(result.stdout).toBe(capsule(['check', 'docs'], top).stdout);
    expect(result.stderr).toBe('capsule: the sarif report is in reports/capsule.sarif\ncapsule: the gitlab report is in gl-code-quality-report.json\n');
    expect(read(top, 'reports/capsule.sarif')).toBe(capsule(['check', '--format', 'sarif', 'docs'], top).stdout);
    expect(read(top, 'gl-code-quality-report.json')).toBe(capsule(['check', '--format', 'gitlab', 'docs'], top).stdout);
  });

  it('goes beside --output-file, which alone counts the findings on standard error, and never writes colour', () => {
    const top = repository();
    const result = capsule(['check', '-f', 'junit', '-o', 'junit.xml', '--report', 'stylish=check.txt', '--report', 'json=check.json', 'docs'], top, { FORCE_COLOR: '1' });
    expect([result.status, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toBe(
      'capsule: 2 problems (1 error, 1 warning); the junit report is in junit.xml\ncapsule: the stylish report is in check.txt\ncapsule: the json report is in check.json\n',
    );
    validJunit(join(top, 'junit.xml'));
    expect(read(top, 'check.txt')).toContain('✖ 2 problems (1 error, 1 warning)');
    expect(read(top, 'check.txt')).not.toContain('\u001b[');
    const results = JSON.parse(read(top, 'check.json')) as { filePath: string; errorCount: number; warningCount: number }[];
    expect(results.map(({ filePath, errorCount, warningCount }) => [filePath, errorCount, warningCount])).toContainEqual([join(top, 'docs/alpha.md'), 1, 1]);
  });

  it('writes the reports of a clean check, of --quiet, and of a staged commit from the one result', () => {
    const clean = project({ 'a.md': '# A\n' });
    expect(capsule(['check', '--report', 'gitlab=../clean.json'], clean)).toMatchObject({ status: 0, stderr: 'capsule: the gitlab report is in ../clean.json\n' });
    expect(readFileSync(join(clean, '../clean.json'), 'utf8')).toBe('[]\n');

    const top = repository();
    const quiet = capsule(['check', '--quiet', '--report', 'gitlab=quiet.json', 'docs'], top);
    expect(quiet.status).toBe(1);
    expect(JSON.parse(read(top, 'quiet.json')).map((issue: { severity: string }) => issue.severity)).toEqual(['major']);

    const folder = citingRepository({ 'README.md': '# Project\n' });
    git(folder, 'rm', '-q', 'docs/risks.md');
    const staged = capsule(['check', '--staged', '--format', 'github', '--report', 'junit=reports/junit.xml'], folder);
    expect(staged.status).toBe(1);
    expect(staged.stdout).toContain('::error file=docs/ideas.md');
    validJunit(join(folder, 'reports/junit.xml'));
  });

  it('refuses, with exit 2 before checking, what cannot be meant: two reports to one file, a report in the corpus, no file, no such format', () => {
    const top = repository();
    writeFiles(top, { 'capsule.config.json': JSON.stringify({ root: 'docs' }), 'reports/keep.txt': 'kept\n', 'report.json': '[]\n' });
    // A link that leads to the other report's file is that file.
    symlinkSync('report.json', join(top, 'report-link.json'));
    const refusals: [string[], string][] = [
      [['-o', 'report.json', '--report', 'sarif=./report.json'], 'capsule: --output-file report.json and --report sarif=./report.json name one file; each report needs a file of its own\n'],
      [['--report', 'sarif=report.json', '--report', 'gitlab=report-link.json'], 'capsule: --report sarif=report.json and --report gitlab=report-link.json name one file; each report needs a file of its own\n'],
      [['--report', 'junit=docs/report.md'], 'capsule: docs/report.md would be a document of the corpus this check reads; the next check would read the report back\n'],
      [['--report', 'json=docs/alpha.md'], 'capsule: docs/alpha.md is a document of the corpus this check reads; writing there would replace its text, and the next check would read the report back\n'],
      [['--report', 'json=capsule.config.json'], 'capsule: capsule.config.json is the configuration this check reads; writing there would replace it\n'],
      [['--report', 'junit=reports'], 'capsule: --report junit=reports names a folder; the report is one file\n'],
      [['--report', 'sarif'], 'capsule: --report sarif names no file; a report beside the first goes to a file of its own\n'],
      [['--report', 'sarif='], 'capsule: --report sarif= names no file; a report beside the first goes to a file of its own\n'],
      [['--report', 'codeclimate=cq.json'], 'capsule: --report codeclimate=cq.json: `codeclimate` is not a format; use one of stylish, json, json-with-metadata, sarif, github, gitlab, junit\n'],
    ];
    for (const [args, said] of refusals) {
      const result = capsule(['check', ...args], top);
      expect([result.status, result.stdout], args.join(' ')).toEqual([2, '']);
      expect(result.stderr.split('\n')[0]! + '\n', args.join(' ')).toBe(said);
    }
    expect(readdirSync(top).sort()).toEqual(['.git', 'capsule.config.json', 'docs', 'report-link.json', 'report.json', 'reports']);
    expect(read(top, 'report.json')).toBe('[]\n');
    expect(readdirSync(join(top, 'docs')).sort()).toEqual(['alpha.md', 'beta.md']);
  });

  it('says so, with exit 2, when a report cannot be written', () => {
    const top = repository();
    writeFileSync(join(top, 'report.sarif'), '{}\n');
    chmodSync(join(top, 'report.sarif'), 0o444);
    const result = capsule(['check', '--report', 'sarif=report.sarif', 'docs'], top);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('capsule: Cannot write report.sarif: the file is read-only\n  Make it writable (chmod u+w), or choose another --report.\n');
    expect(read(top, 'report.sarif')).toBe('{}\n');
  });
});

describe('a report written inside the corpus root, and the result cache', () => {
  // The cache replays a check only while every input is the same; a report the check writes is one.
  /** A check whose documents link to the report it writes beside them, with a cache folder of its own. */
  function linkingToItsReport(gitignore: string): string {
    const top = project({
      'capsule.config.json': JSON.stringify({ root: 'docs', cacheDir: '.cache' }),
      '.gitignore': `.cache\n${gitignore}`,
      'docs/index.md': '# Index\n\nThe last check is in [the report](capsule.sarif).\n',
    });
    git(top, 'init', '-q');
    return top;
  }
  const check = (top: string) => capsule(['check', '--report', 'sarif=docs/capsule.sarif'], top);

  it('is a file of the corpus like any other: the next check, which a link to it may now reach, is not a replay', () => {
    const top = linkingToItsReport('');
    const first = check(top);
    expect(first.status).toBe(1);
    expect(first.stdout).toContain('Link target `capsule.sarif` does not exist');
    // Written now: the link leads to it, and a replay of the first result would say otherwise.
    const second = check(top);
    expect([second.status, second.stdout]).toEqual([0, '']);
    expect(check(top)).toEqual(second);
  });

  it('is no file of the corpus when git ignores it, but a link to it is told by whether it is there', () => {
    const top = linkingToItsReport('*.sarif\n');
    const first = check(top);
    expect(first.stdout).toContain('Link target `capsule.sarif` is not here, and `.gitignore` leaves its path out');
    // Written now, the ignored file is there: the stored finding no longer holds.
    const second = check(top);
    expect(second.stdout).toContain('Link target `capsule.sarif` is ignored by `.gitignore`, so a clone of the repository does not hold it');
    expect(second.stdout).toBe(capsule(['check', '--no-cache'], top).stdout);
    // Nothing changed since: replayed.
    const stored = join(top, '.cache/results/check.result');
    writeFileSync(stored, readFileSync(stored, 'utf8').replaceAll('is ignored by', 'was stored as ignored by'));
    expect(check(top).stdout).toContain('was stored as ignored by');
    // Gone again: told as before.
    rmSync(join(top, 'docs/capsule.sarif'));
    expect(capsule(['check'], top).stdout).toBe(first.stdout);
  });
});
