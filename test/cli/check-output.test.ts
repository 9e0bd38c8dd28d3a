/** `capsule check`: every output format, colour, exit codes and disable comments. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { capsule, capsuleBin, documentWith, findingsOf, git, project, repositoryRoot } from './helpers.js';

// The SARIF schema and its draft-04 validator are dev dependencies of the CLI package.
const requireFromCli = createRequire(join(repositoryRoot, 'packages/cli/package.json'));

/** A corpus with one error (an unknown SeeAlso name) and one warning (a capsule name written with a space, read as free text). */
function corpusWithFindings(): string {
  return project({
    'alpha.md': documentWith('Alpha', [{ name: 'IdeaCapture', seeAlso: ['RiskReveiw', 'Risk Review'] }]),
    'beta.md': documentWith('Beta', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]),
  });
}

describe('formats', () => {
  it('stylish: findings under their file, aligned, and a summary', () => {
    const folder = corpusWithFindings();
    const { stdout, status } = capsule(['check'], folder);
    expect(status).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[1]).toBe('alpha.md');
    expect(lines[2]).toMatch(/^ {2}\d+:\d+ +error +No capsule is named `RiskReveiw`; did you mean `RiskReview`\? +see-also-resolves$/);
    expect(lines[3]).toMatch(/^ {2}\d+:\d+ +warning +SeeAlso entry `Risk Review` is free text.* +see-also-resolves$/);
    // The severity and rule columns start at the same place on every line.
    expect(lines[2]!.indexOf('error')).toBe(lines[3]!.indexOf('warning'));
    expect(lines[2]!.lastIndexOf('see-also-resolves')).toBe(lines[3]!.lastIndexOf('see-also-resolves'));
    expect(stdout).toContain('✖ 2 problems (1 error, 1 warning)');
    expect(stdout).not.toContain('beta.md');
  });

  it('json: ESLint\'s result shape', () => {
    const folder = corpusWithFindings();
    const { stdout, status } = capsule(['check', '--format', 'json'], folder);
    expect(status).toBe(1);
    const results = JSON.parse(stdout);
    expect(results.map((result: { filePath: string }) => result.filePath)).toEqual([join(folder, 'alpha.md'), join(folder, 'beta.md')]);
    for (const result of results) {
      expect(Object.keys(result)).toEqual(
        expect.arrayContaining(['filePath', 'messages', 'errorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount']),
      );
      for (const message of result.messages) {
        expect(message).toEqual({
          ruleId: expect.any(String),
          severity: expect.any(Number),
          message: expect.any(String),
          line: expect.any(Number),
          column: expect.any(Number),
          endLine: expect.any(Number),
          endColumn: expect.any(Number),
          messageId: expect.any(String),
        });
        expect([1, 2]).toContain(message.severity);
      }
    }
    expect(results[0]).toMatchObject({ errorCount: 1, warningCount: 1, fixableErrorCount: 0, fixableWarningCount: 0 });
    expect(results[0].source).toBe(readFileSync(join(folder, 'alpha.md'), 'utf8'));
    expect(results[1]).toMatchObject({ messages: [], errorCount: 0, warningCount: 0 });
    expect(findingsOf(stdout, folder)).toEqual([
      expect.stringMatching(/^alpha\.md \d+:12 see-also-resolves error$/),
      expect.stringMatching(/^alpha\.md \d+:24 see-also-resolves warning$/),
    ]);
  });

  it('sarif: valid SARIF 2.1.0 with rules and regions', async () => {
    const folder = corpusWithFindings();
    const { stdout, status } = capsule(['check', '--format', 'sarif'], folder);
    expect(status).toBe(1);
    const log = JSON.parse(stdout);

    const schema = JSON.parse(readFileSync(requireFromCli.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const { default: AjvDraft4 } = await import(requireFromCli.resolve('ajv-draft-04'));
    const { default: addFormats } = await import(requireFromCli.resolve('ajv-formats'));
    // The schema's language-tag pattern is not valid with the `u` flag that ajv adds by default.
    const ajv = new AjvDraft4({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);

    const [run] = log.runs;
    const rule = run.tool.driver.rules.find((candidate: { id: string }) => candidate.id === 'see-also-resolves');
    // The rule's shipped documentation is the help; no page address is made up without `docsUrl`.
    expect(rule).toMatchObject({
      shortDescription: { text: expect.any(String) },
      fullDescription: { text: expect.any(String) },
      help: { markdown: readFileSync(join(repositoryRoot, 'packages/lint/src/rules/see-also-resolves/README.md'), 'utf8') },
    });
    expect(rule).not.toHaveProperty('helpUri');
    // Every finding the reader, the parser or the host can make is described, not only the rules.
    const described = new Map(run.tool.driver.rules.map((entry: { id: string; fullDescription: { text: string } }) => [entry.id, entry.fullDescription.text]));
    for (const id of ['binary-file', 'invalid-encoding', 'file-too-large', 'yaml-syntax', 'unknown-rule', 'unused-disable', 'internal-error']) {
      expect(described.get(id)).toMatch(/ /);
    }
    expect(run.results).toHaveLength(2);
    expect(run.results[0]).toMatchObject({
      ruleId: 'see-also-resolves',
      level: 'error',
      message: { text: 'No capsule is named `RiskReveiw`; did you mean `RiskReview`?' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'alpha.md' }, region: { startColumn: 12 } } }],
    });
    expect(run.results[1].level).toBe('warning');
  });

  it('sarif: no more than the 25,000 results code scanning takes from a run, the most severe kept', () => {
    // A warning in the first file, then 25,000 errors: 25,001 findings, one too many.
    const links = Array.from({ length: 25_000 }, (_, index) => `[page](missing-${index}.md)\n`).join('\n');
    const folder = project({ 'a.md': '# A\n\n```sh\nnever closed\n', 'b.md': `# B\n\n${links}` });
    // 20 MB of SARIF: more than spawnSync takes by default.
    const { stdout, stderr, status } = spawnSync(process.execPath, [capsuleBin, 'check', '--no-cache', '--format', 'sarif'], { cwd: folder, encoding: 'utf8', maxBuffer: 256 * 1024 ** 2 });
    expect(status).toBe(1);
    const [run] = JSON.parse(stdout).runs;
    expect(run.results).toHaveLength(25_000);
    expect(run.results.every((result: { level: string }) => result.level === 'error')).toBe(true);
    expect(run.results.at(-1).locations[0].physicalLocation.artifactLocation.uri).toBe('b.md');
    const said = 'holds the 25,000 most severe of 25,001 findings (errors, then warnings, then notes) and leaves 1 out';
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toContain(said);
    expect(stderr).toContain(said);
  }, 60_000);

  it('sarif and json-with-metadata link rules to their pages under the configured docsUrl', () => {
    const folder = corpusWithFindings();
    writeFileSync(join(folder, 'capsule.config.json'), JSON.stringify({ docsUrl: 'https://docs.example.org/capsule-docs/' }));
    const page = 'https://docs.example.org/capsule-docs/packages/lint/src/rules/see-also-resolves/README.md';
    const log = JSON.parse(capsule(['check', '--format', 'sarif'], folder).stdout);
    const driver = log.runs[0].tool.driver;
    expect(driver.informationUri).toBe('https://docs.example.org/capsule-docs/');
    expect(driver.rules.find((rule: { id: string }) => rule.id === 'see-also-resolves').helpUri).toBe(page);
    const eslint = JSON.parse(capsule(['check', '--format', 'json-with-metadata'], folder).stdout);
    expect(eslint.metadata.rulesMeta['see-also-resolves'].docs.url).toBe(page);
  });

  it('github: workflow commands with file, place and rule', () => {
    const folder = corpusWithFindings();
    const { stdout, status } = capsule(['check', '--format', 'github'], folder);
    expect(status).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^::error file=alpha\.md,line=\d+,col=12,endLine=\d+,endColumn=22,title=see-also-resolves::No capsule is named `RiskReveiw`; did you mean `RiskReview`\?$/,
    );
    expect(lines[1]).toMatch(/^::warning file=alpha\.md,.*title=see-also-resolves::SeeAlso entry `Risk Review` is free text/);
  });

  it("github and sarif name files from the job's checkout when the check runs in a folder of it", () => {
    const folder = corpusWithFindings();
    const checkout = dirname(folder);
    const env = { GITHUB_WORKSPACE: checkout };
    const fromCheckout = `${basename(folder)}/alpha.md`;
    expect(capsule(['check', '--format', 'github'], folder, env).stdout).toContain(`::error file=${fromCheckout},`);
    const run = JSON.parse(capsule(['check', '--format', 'sarif'], folder, env).stdout).runs[0];
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(fromCheckout);
    // People are still shown paths from where they are.
    expect(capsule(['check'], folder, env).stdout).toMatch(/^alpha\.md$/m);
  });

  it('sarif names files from the top of the repository holding the corpus, where code scanning places them', () => {
    const top = project({
      'docs/alpha.md': documentWith('Alpha', [{ name: 'IdeaCapture', seeAlso: ['RiskReveiw'] }]),
      'docs/beta.md': documentWith('Beta', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]),
    });
    git(top, 'init', '-q');
    const folder = join(top, 'docs');
    const run = JSON.parse(capsule(['check', '--format', 'sarif'], folder).stdout).runs[0];
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('docs/alpha.md');
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(pathToFileURL(`${top}/`).href);
    // Other formats are read by people, from where they are.
    expect(capsule(['check'], folder).stdout).toMatch(/^alpha\.md$/m);
  });

  it('sarif gives a finding the same fingerprint whether the corpus is the repository or a folder of it', () => {
    const top = project({ 'docs/guide/alpha.md': '# Alpha\n\nSee [the plan](plan.md).\n' });
    git(top, 'init', '-q');
    const fingerprintsFrom = (folder: string) =>
      JSON.parse(capsule(['check', '--format', 'sarif'], folder).stdout).runs[0].results.map((result: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; partialFingerprints: object }) => [
        result.locations[0]!.physicalLocation.artifactLocation.uri,
        result.partialFingerprints,
      ]);
    const fromTop = fingerprintsFrom(top);
    expect(fromTop).toHaveLength(1);
    expect(fromTop[0][0]).toBe('docs/guide/alpha.md');
    expect(fingerprintsFrom(join(top, 'docs'))).toEqual(fromTop);
    expect(fingerprintsFrom(join(top, 'docs/guide'))).toEqual(fromTop);
  });

  it('refuses an unknown format with exit 2', () => {
    const { status, stderr } = capsule(['check', '--format', 'xml'], corpusWithFindings());
    expect(status).toBe(2);
    expect(stderr).toContain('xml');
    expect(stderr).toContain('stylish');
  });
});

describe('colour', () => {
  const red = '\u001b[31m';

  it('is off when the output is not a terminal', () => {
    expect(capsule(['check'], corpusWithFindings()).stdout).not.toContain('\u001b[');
  });

  it('is forced on by FORCE_COLOR, even past NO_COLOR, and off by FORCE_COLOR=0', () => {
    const folder = corpusWithFindings();
    expect(capsule(['check'], folder, { FORCE_COLOR: '1' }).stdout).toContain(red);
    expect(capsule(['check'], folder, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).toContain(red);
    expect(capsule(['check'], folder, { FORCE_COLOR: '0' }).stdout).not.toContain('\u001b[');
  });

  it('is on at a terminal unless NO_COLOR is set', () => {
    const folder = corpusWithFindings();
    // `script` gives the process a pseudo-terminal as its standard output.
    const atTerminal = (env: Record<string, string>) =>
      spawnSync('script', ['-qec', `"${process.execPath}" "${capsuleBin}" check`, '/dev/null'], {
        cwd: folder,
        env: { ...withoutColourSettings(), ...env },
        encoding: 'utf8',
      }).stdout;
    expect(atTerminal({})).toContain(red);
    expect(atTerminal({ NO_COLOR: '1' })).not.toContain('\u001b[');
  });
});

function withoutColourSettings(): Record<string, string | undefined> {
  const env = { ...process.env };
  delete env['FORCE_COLOR'];
  delete env['NO_COLOR'];
  return env;
}

describe('exit codes', () => {
  it('0 for a clean corpus, with no output', () => {
    const folder = project({
      'alpha.md': documentWith('Alpha', [{ name: 'IdeaCapture', seeAlso: ['RiskReview'] }]),
      'beta.md': documentWith('Beta', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]),
    });
    expect(capsule(['check'], folder)).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('0 for warnings alone, 1 once they pass --max-warnings', () => {
    const folder = project({
      'alpha.md': documentWith('Alpha', [{ name: 'IdeaCapture', seeAlso: ['RiskReview', 'Risk Review'] }]),
      'beta.md': documentWith('Beta', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]),
    });
    expect(capsule(['check'], folder).status).toBe(0);
    expect(capsule(['check', '--max-warnings', '1'], folder).status).toBe(0);
    const over = capsule(['check', '--max-warnings', '0'], folder);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain('1 warning, more than the 0 that --max-warnings allows');
  });

  it('1 for errors; --quiet shows errors only and warnings no longer count', () => {
    const folder = corpusWithFindings();
    expect(capsule(['check'], folder).status).toBe(1);
    const quiet = capsule(['check', '--quiet', '--max-warnings', '0', '--format', 'json'], folder);
    expect(quiet.status).toBe(1);
    expect(findingsOf(quiet.stdout, folder)).toEqual([expect.stringMatching(/see-also-resolves error$/)]);
  });

  it('--rule and --preset change what fails', () => {
    const folder = corpusWithFindings();
    expect(capsule(['check', '--rule', 'see-also-resolves:off'], folder)).toEqual({ status: 0, stdout: '', stderr: '' });
    const warned = capsule(['check', '--rule', 'see-also-resolves:warn', '--format', 'json'], folder);
    expect(warned.status).toBe(0);
    expect(findingsOf(warned.stdout, folder)).toEqual([expect.stringMatching(/warning$/), expect.stringMatching(/warning$/)]);
    const strict = project({
      'alpha.md': documentWith('Alpha', [{ name: 'IdeaCapture', seeAlso: ['RiskReview'], depth: ['Tradeoff: Speed against care'] }]),
      'beta.md': documentWith('Beta', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]),
    });
    expect(capsule(['check'], strict).status).toBe(0);
    expect(capsule(['check', '--preset', 'strict'], strict).status).toBe(1);
  });

  it('2 for usage mistakes, with a message and no stack trace', () => {
    const folder = corpusWithFindings();
    const cases: [string[], string][] = [
      [['check', '--max-warnings', 'many'], '--max-warnings takes a whole number'],
      [['check', '--rule', 'see-also-resolve:off'], 'did you mean `see-also-resolves`?'],
      [['check', '--rule', 'see-also-resolves:loud'], '`loud` is not a severity'],
      [['check', 'missing.md'], 'missing.md does not exist; it is not a document of the corpus'],
      [['check', '--root', 'nowhere'], 'is not a folder'],
      [['check', '--config', 'none.json'], 'No such configuration file: none.json'],
    ];
    for (const [args, text] of cases) {
      const result = capsule(args, folder);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(text);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe('');
    }
  });
});

describe('disable comments', () => {
  it('silence one rule on the next line', () => {
    const text = documentWith('Alpha', [{ name: 'IdeaCapture', seeAlso: ['RiskReveiw'] }]).replace(
      '- SeeAlso: RiskReveiw',
      '<!-- capsule-disable-next-line see-also-resolves -->\n- SeeAlso: RiskReveiw',
    );
    const folder = project({ 'alpha.md': text, 'beta.md': documentWith('Beta', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]) });
    const result = capsule(['check', '--format', 'json'], folder);
    expect(findingsOf(result.stdout, folder)).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('leave other rules on', () => {
    const text = documentWith('Alpha', [{ name: 'IdeaCapture', seeAlso: ['RiskReveiw'] }]).replace(
      '- SeeAlso: RiskReveiw',
      '<!-- capsule-disable-next-line depth-list -->\n- SeeAlso: RiskReveiw',
    );
    const folder = project({ 'alpha.md': text, 'beta.md': documentWith('Beta', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]) });
    // The comment turns off a rule with nothing to say there, which is told too.
    expect(findingsOf(capsule(['check', '--format', 'json'], folder).stdout, folder)).toEqual([
      expect.stringMatching(/unused-disable warning$/),
      expect.stringMatching(/see-also-resolves error$/),
    ]);
  });

  describe('that turn nothing off', () => {
    const stale = documentWith('Alpha', [{ name: 'IdeaCapture', seeAlso: ['RiskReview'] }]).replace(
      '- SeeAlso: RiskReview',
      '<!-- capsule-disable-next-line see-also-resolves -->\n- SeeAlso: RiskReview',
    );
    const files = { 'alpha.md': stale, 'beta.md': documentWith('Beta', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]) };

    it('are warnings by default, which --fix removes', () => {
      const folder = project(files);
      const result = capsule(['check', '--format', 'json'], folder);
      expect(findingsOf(result.stdout, folder)).toEqual([expect.stringMatching(/unused-disable warning$/)]);
      expect(result.status).toBe(0);
      expect(capsule(['check', '--fix'], folder).status).toBe(0);
      expect(readFileSync(join(folder, 'alpha.md'), 'utf8')).toBe(files['alpha.md'].replace('<!-- capsule-disable-next-line see-also-resolves -->\n', ''));
    });

    it('take the severity of the configuration, under the flags', () => {
      const folder = project({ ...files, 'capsule.config.json': JSON.stringify({ reportUnusedDisableDirectives: 'off' }) });
      expect(findingsOf(capsule(['check', '--format', 'json'], folder).stdout, folder)).toEqual([]);
      const asError = capsule(['check', '--format', 'json', '--report-unused-disable-directives'], folder);
      expect(findingsOf(asError.stdout, folder)).toEqual([expect.stringMatching(/unused-disable error$/)]);
      expect(asError.status).toBe(1);
      const asInfo = capsule(['check', '--format', 'json', '--report-unused-disable-directives-severity', 'info'], folder);
      expect(findingsOf(asInfo.stdout, folder)).toEqual([expect.stringMatching(/unused-disable info$/)]);
    });

    it('refuse both flags at once, and a severity that is none', () => {
      const folder = project(files);
      const both = capsule(['check', '--report-unused-disable-directives', '--report-unused-disable-directives-severity', 'warn'], folder);
      expect(both.status).toBe(2);
      expect(both.stderr).toContain('cannot be used together');
      const wrong = capsule(['check', '--report-unused-disable-directives-severity', 'loud'], folder);
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toContain('Allowed choices are off, info, warn, error');
    });
  });
});
