import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exportFormats, loadTokenCounter, validateBundleJson } from '@capsule-docs/export';
import { describe, expect, it } from 'vitest';
import { capsule, copyOfFixtureCorpus, fixtureCorpus } from './helpers.js';

const counter = await loadTokenCounter('o200k_base');

// Each test starts real processes; a busy machine makes them slow, not wrong.
describe('capsule export', { timeout: 90_000 }, () => {
  it.each(exportFormats)('prints the same bytes on every run: %s', (format) => {
    const args = ['export', 'content', '--format', format];
    if (format === 'markdown' || format === 'xml' || format === 'json') args.push('--tag', 'Planning', '--depth', '1', '--budget', '900');
    const first = capsule(args);
    const second = capsule(args);
    expect(first.status, `${format}: ${first.stderr}`).toBe(0);
    expect(first.stdout.length).toBeGreaterThan(200);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe(first.stderr);
  });

  it.each([300, 600, 1200, 5000])('keeps a bundle within a budget of %i tokens, re-counted from the output, and reports what was left out', (budget) => {
    {
      const result = capsule(['export', 'content', '--format', 'markdown', '--capsule', 'IdeaCapture', '--depth', '3', '--budget', String(budget)]);
      expect(result.status, result.stderr).toBe(0);
      const tokens = counter.count(result.stdout);
      expect(tokens).toBeLessThanOrEqual(budget);
      expect(result.stderr).toContain(`capsule: the bundle takes ${tokens} of ${budget} tokens (o200k_base)`);
      const leftOut = /(\d+) tokens were left out to fit the budget/.exec(result.stdout);
      if (leftOut) expect(result.stderr).toContain(`capsule: left out to fit the budget: ${leftOut[1]} tokens`);
      else expect(result.stderr).not.toContain('left out');
    }
  });

  it('refuses a budget too small for the capsule asked for with exit 1, naming the exact minimum', () => {
    const args = ['export', 'content', '--format', 'markdown', '--capsule', 'IdeaCapture', '--depth', '3', '--budget'];
    const refused = capsule([...args, '5']);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    const minimum = Number(/^capsule: A budget of 5 tokens is too small for `IdeaCapture` whole: the smallest budget that fits it is (\d+) tokens\n/.exec(refused.stderr)?.[1]);
    expect(minimum).toBeGreaterThan(5);
    const least = capsule([...args, String(minimum)]);
    expect(least.status, least.stderr).toBe(0);
    expect(counter.count(least.stdout)).toBeLessThanOrEqual(minimum);
    // The capsule is whole (every part it has), its neighbours are left out.
    const whole = capsule(['export', 'content', '--format', 'markdown', '--capsule', 'IdeaCapture']).stdout;
    const section = (output: string) => {
      const start = output.indexOf('## Capsule: IdeaCapture');
      const end = output.indexOf('\n## ', start);
      return output.slice(start, end === -1 ? undefined : end).trimEnd();
    };
    expect(section(least.stdout)).toBe(section(whole));
    expect(least.stdout).toContain('## Left out to fit the budget');
    const under = capsule([...args, String(minimum - 1)]);
    expect(under.status).toBe(1);
    expect(under.stderr).toContain(`the smallest budget that fits it is ${minimum} tokens`);
    expect(under.stderr).not.toMatch(/\n\s+at /);
  });

  it('names what was left out', () => {
    const tight = capsule(['export', 'content', '--format', 'markdown', '--capsule', 'IdeaCapture', '--depth', '3', '--budget', '300']);
    expect(tight.stdout).toContain('## Left out to fit the budget');
    expect(tight.stderr).toMatch(/^ {2}(capsules|examples|depth) \(\d+\): /m);
  });

  it('counts with the encoding asked for', async () => {
    const cl100k = await loadTokenCounter('cl100k_base');
    const result = capsule(['export', 'content', '--format', 'xml', '--tag', 'Planning', '--budget', '400', '--encoding', 'cl100k_base']);
    expect(result.status, result.stderr).toBe(0);
    expect(cl100k.count(result.stdout)).toBeLessThanOrEqual(400);
  });

  it('writes JSON bundles that match the shipped schema', () => {
    const result = capsule(['export', fixtureCorpus, '--format', 'json', '--document', 'planning.md', '--depth', '1']);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(validateBundleJson(json)).toEqual([]);
    expect(json.capsules.map((entry: { name: string }) => entry.name)).toEqual(['ProblemFirst', 'ReadBeforeChange', 'RiskNaming', 'SmallSteps']);
  });

  it('writes --out atomically and refuses a read-only target', () => {
    const folder = copyOfFixtureCorpus();
    const out = join(dirname(folder), 'llms.txt');
    const written = capsule(['export', folder, '--format', 'llms-txt', '--out', out], dirname(out));
    expect(written.status, written.stderr).toBe(0);
    expect(written.stdout).toBe('');
    // The file holds what standard output gives when read in the same folder.
    expect(readFileSync(out, 'utf8')).toBe(capsule(['export', folder, '--format', 'llms-txt'], dirname(out)).stdout);
    expect(readdirSync(dirname(out)).sort()).toEqual(['corpus', 'llms.txt']);

    writeFileSync(out, 'kept\n');
    chmodSync(out, 0o444);
    const refused = capsule(['export', folder, '--format', 'llms-txt', '--out', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^capsule: Cannot write .*llms\.txt: the file is read-only\n {2}Make it writable/);
    expect(readFileSync(out, 'utf8')).toBe('kept\n');
    expect(readdirSync(dirname(out)).sort()).toEqual(['corpus', 'llms.txt']);
  });

  it('refuses to write over the configuration it reads, which would leave every later command without one', () => {
    const folder = copyOfFixtureCorpus();
    const project = dirname(folder);
    const settings = JSON.stringify({ root: 'corpus' });
    writeFileSync(join(project, 'capsule.config.json'), settings);
    const over = capsule(['export', '--format', 'llms-txt', '--out', 'capsule.config.json'], project);
    expect(over.status).toBe(2);
    expect(over.stderr).toBe('capsule: capsule.config.json is the configuration this export reads; writing there would replace it\n  Choose another --out.\n');
    expect(readFileSync(join(project, 'capsule.config.json'), 'utf8')).toBe(settings);
  });

  it('refuses to write into a document of the corpus it reads, existing or not, and writes there once it is excluded', () => {
    const folder = copyOfFixtureCorpus();
    const project = dirname(folder);
    writeFileSync(join(project, 'capsule.config.json'), JSON.stringify({ root: 'corpus' }));
    const before = readFileSync(join(folder, 'planning.md'), 'utf8');
    const over = capsule(['export', '--format', 'agents', '--out', 'corpus/planning.md'], project);
    expect(over.status).toBe(2);
    expect(over.stderr).toBe(
      'capsule: corpus/planning.md is a document of the corpus this export reads; writing there would replace its text, and the next export would read the export back\n' +
        '  Write it outside the corpus, or leave it out with `exclude` in the configuration.\n',
    );
    expect(readFileSync(join(folder, 'planning.md'), 'utf8')).toBe(before);
    // Naming some documents of the corpus does not make the others safe to write over.
    expect(capsule(['export', 'corpus/ops', '--format', 'agents', '--out', 'corpus/planning.md'], project).status).toBe(2);

    // A file not written yet that the next export would read: the agents file would take in its own checklists.
    const fresh = capsule(['export', '--format', 'agents', '--out', 'corpus/AGENTS.md'], project);
    expect(fresh.status).toBe(2);
    expect(fresh.stderr).toMatch(/^capsule: corpus\/AGENTS\.md would be a document of the corpus this export reads;/);
    expect(existsSync(join(folder, 'AGENTS.md'))).toBe(false);

    // Left out of the corpus by the configuration or by .gitignore, the same file is written, the same each time.
    writeFileSync(join(project, 'capsule.config.json'), JSON.stringify({ root: 'corpus', exclude: ['AGENTS.md'] }));
    expect(capsule(['export', '--format', 'agents', '--out', 'corpus/AGENTS.md'], project).status).toBe(0);
    const first = readFileSync(join(folder, 'AGENTS.md'), 'utf8');
    expect(capsule(['export', '--format', 'agents', '--out', 'corpus/AGENTS.md'], project).status).toBe(0);
    expect(readFileSync(join(folder, 'AGENTS.md'), 'utf8')).toBe(first);
    writeFileSync(join(project, 'capsule.config.json'), JSON.stringify({ root: 'corpus' }));
    writeFileSync(join(folder, '.gitignore'), 'CLAUDE.md\n');
    expect(capsule(['export', '--format', 'agents', '--out', 'corpus/CLAUDE.md'], project).status).toBe(0);
    // Beside the corpus, or not Markdown the corpus reads, it was never refused.
    expect(capsule(['export', '--format', 'agents', '--out', 'AGENTS.md'], project).status).toBe(0);
    expect(capsule(['export', '--format', 'llms-txt', '--out', 'corpus/llms.txt'], project).status).toBe(0);
  });

  it('refuses a target outside the corpus that is a symbolic link to a document of it, or lies in a linked folder of it', () => {
    const folder = copyOfFixtureCorpus();
    const project = dirname(folder);
    symlinkSync(join('corpus', 'planning.md'), join(project, 'CLAUDE.md'));
    symlinkSync('corpus', join(project, 'linked'));
    const before = readFileSync(join(folder, 'planning.md'), 'utf8');
    const through = capsule(['export', 'corpus', '--format', 'agents', '--out', 'CLAUDE.md'], project);
    expect([through.status, through.stdout]).toEqual([2, '']);
    expect(through.stderr).toBe(
      'capsule: CLAUDE.md leads to `planning.md`, which is a document of the corpus this export reads; writing there would replace its text, and the next export would read the export back\n' +
        '  Write it outside the corpus, or leave it out with `exclude` in the configuration.\n',
    );
    expect(readFileSync(join(folder, 'planning.md'), 'utf8')).toBe(before);
    const fresh = capsule(['export', 'corpus', '--format', 'agents', '--out', 'linked/AGENTS.md'], project);
    expect(fresh.status).toBe(2);
    expect(fresh.stderr).toMatch(/^capsule: linked\/AGENTS\.md leads to `AGENTS\.md`, which would be a document of the corpus this export reads;/);
    expect(existsSync(join(folder, 'AGENTS.md'))).toBe(false);
  });

  it('rebases the links inside llms-full to where the file is written, or to the site', () => {
    const folder = copyOfFixtureCorpus();
    const project = dirname(folder);
    writeFileSync(join(folder, 'linking.md'), '# Linking\n\nSee [running](ops/running.md#tried-rollback), [above](#linking) and [the web](https://example.org/x.md).\n');
    const sentence = (output: string) => /^See .*$/m.exec(output)?.[0];
    mkdirSync(join(project, 'public'));
    const written = capsule(['export', 'corpus', '--format', 'llms-full', '--out', 'public/llms-full.txt'], project);
    expect(written.status, written.stderr).toBe(0);
    expect(sentence(readFileSync(join(project, 'public/llms-full.txt'), 'utf8'))).toBe(
      'See [running](../corpus/ops/running.md#tried-rollback), [above](../corpus/linking.md#linking) and [the web](https://example.org/x.md).',
    );
    expect(sentence(capsule(['export', 'corpus', '--format', 'llms-full'], project).stdout)).toBe(
      'See [running](corpus/ops/running.md#tried-rollback), [above](corpus/linking.md#linking) and [the web](https://example.org/x.md).',
    );
    expect(sentence(capsule(['export', '.', '--format', 'llms-full', '--base-url', 'https://docs.example.org/'], folder).stdout)).toBe(
      'See [running](https://docs.example.org/ops/running/#tried-rollback), [above](https://docs.example.org/linking/#linking) and [the web](https://example.org/x.md).',
    );
  });

  it("writes the links inside a bundle's parts from where it is read, or to the site with --base-url", () => {
    const folder = copyOfFixtureCorpus();
    const project = dirname(folder);
    mkdirSync(join(folder, 'guides'));
    writeFileSync(
      join(folder, 'guides/linking.md'),
      '# Linking\n\n## Capsule: LinkedRule\n\n**Invariant**: See [running](../ops/running.md#tried-rollback), [below](#notes) and [the web](https://example.org/x.md).\n\n## Notes\n',
    );
    const invariant = (output: string) => /See \[running\].*$/m.exec(output)?.[0];
    const args = ['--format', 'markdown', '--capsule', 'LinkedRule'];
    expect(invariant(capsule(['export', '.', ...args], folder).stdout)).toBe(
      'See [running](ops/running.md#tried-rollback), [below](guides/linking.md#notes) and [the web](https://example.org/x.md).',
    );
    mkdirSync(join(project, 'context'));
    const written = capsule(['export', 'corpus', ...args, '--out', 'context/linked.md'], project);
    expect(written.status, written.stderr).toBe(0);
    expect(invariant(readFileSync(join(project, 'context/linked.md'), 'utf8'))).toBe(
      'See [running](../corpus/ops/running.md#tried-rollback), [below](../corpus/guides/linking.md#notes) and [the web](https://example.org/x.md).',
    );
    const site = capsule(['export', 'corpus', ...args, '--base-url', 'https://docs.example.org/', '--home', 'guides/linking.md'], project);
    expect(site.status, site.stderr).toBe(0);
    expect(invariant(site.stdout)).toBe('See [running](https://docs.example.org/ops/running/#tried-rollback), [below](https://docs.example.org/#notes) and [the web](https://example.org/x.md).');
    // The source path stays the document's path in the corpus, as the JSON schema has it.
    expect(site.stdout).toContain('Source: `guides/linking.md`, line 3.');
  });

  it('writes the links of llms-txt from where the file is read, as llms-full does', () => {
    const folder = copyOfFixtureCorpus();
    const project = dirname(folder);
    const firstDocument = (output: string) => /^- \[[^\]]*\]\(([^)]*)\)/m.exec(output)?.[1];
    const atRoot = firstDocument(capsule(['export', '.', '--format', 'llms-txt'], folder).stdout);
    expect(atRoot).toMatch(/^[^./][^:]*\.md$/);
    // Written into another folder, the links still lead to the documents.
    mkdirSync(join(project, 'public'));
    const written = capsule(['export', 'corpus', '--format', 'llms-txt', '--out', 'public/llms.txt'], project);
    expect(written.status, written.stderr).toBe(0);
    expect(firstDocument(readFileSync(join(project, 'public/llms.txt'), 'utf8'))).toBe(`../corpus/${atRoot}`);
    expect(firstDocument(capsule(['export', 'corpus', '--format', 'llms-txt'], project).stdout)).toBe(`corpus/${atRoot}`);
    // Under --base-url the links are the site's, wherever the file goes.
    expect(firstDocument(capsule(['export', 'corpus', '--format', 'llms-txt', '--base-url', 'https://docs.example.org/'], project).stdout)).toMatch(/^https:\/\/docs\.example\.org\//);
  });

  it("writes the agents file's source paths from where the file is read", () => {
    const folder = copyOfFixtureCorpus();
    const project = dirname(folder);
    const source = (output: string) => /^Source: `([^`]*)`$/m.exec(output)?.[1];
    const atRoot = source(capsule(['export', '.', '--format', 'agents'], folder).stdout);
    expect(atRoot).toMatch(/^[^./][^`]*\.md$/);
    // AGENTS.md beside the corpus, as the agents that load it read paths from there.
    expect(capsule(['export', 'corpus', '--format', 'agents', '--out', 'AGENTS.md'], project).status).toBe(0);
    expect(source(readFileSync(join(project, 'AGENTS.md'), 'utf8'))).toBe(`corpus/${atRoot}`);
    mkdirSync(join(project, '.claude'));
    expect(capsule(['export', 'corpus', '--format', 'agents', '--out', '.claude/CLAUDE.md'], project).status).toBe(0);
    expect(source(readFileSync(join(project, '.claude/CLAUDE.md'), 'utf8'))).toBe(`../corpus/${atRoot}`);
    expect(source(capsule(['export', 'corpus', '--format', 'agents'], project).stdout)).toBe(`corpus/${atRoot}`);
  });

  it('takes the title from the configuration, under --title and over the home document\'s', () => {
    const folder = copyOfFixtureCorpus();
    const project = dirname(folder);
    writeFileSync(join(folder, 'index.md'), '# Fixture handbook\n');
    const firstLine = (args: string[]) => capsule(['export', ...args], project).stdout.split('\n')[0];
    expect(firstLine(['corpus', '--format', 'llms-txt'])).toBe('# Fixture handbook');
    writeFileSync(join(project, 'capsule.config.json'), JSON.stringify({ root: 'corpus', title: 'Team practices' }));
    expect(firstLine(['--format', 'llms-txt'])).toBe('# Team practices');
    expect(firstLine(['--format', 'llms-full'])).toBe('# Team practices');
    expect(firstLine(['--format', 'llms-txt', '--title', 'Given'])).toBe('# Given');
    // A document or folder of the corpus keeps its title; a folder beside it is a corpus of its own, with its own.
    expect(firstLine(['corpus/ops', '--format', 'llms-txt'])).toBe('# Team practices');
    mkdirSync(join(project, 'notes'));
    writeFileSync(join(project, 'notes', 'index.md'), '# Field notes\n');
    expect(firstLine(['notes', '--format', 'llms-txt'])).toBe('# Field notes');
    expect(firstLine(['notes', '--format', 'llms-full'])).toBe('# Field notes');
    writeFileSync(join(project, 'capsule.config.json'), JSON.stringify({ root: 'corpus', title: ' ' }));
    const refused = capsule(['export', '--format', 'llms-txt'], project);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('title');
  });

  it('links the home document to the site root with --home', () => {
    const args = ['export', 'content', '--format', 'llms-txt', '--base-url', 'https://example.org/'];
    const guide = /^- \[[^\]]+\]\((\S+)\): .*lifecycle/im;
    expect(guide.exec(capsule(args).stdout)?.[1]).toBe('https://example.org/collaborative-planning-lifecycle/');
    expect(guide.exec(capsule([...args, '--home', 'collaborative-planning-lifecycle.md']).stdout)?.[1]).toBe('https://example.org/');
  });

  it('explains usage mistakes and exits 2 without a stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['--format', 'markdown', '--capsule', 'IdeaCaptur'], /No capsule is named `IdeaCaptur`\n {2}Did you mean `IdeaCapture`\?/],
      [['--format', 'llms-txt', '--budget', '100'], /--budget does not apply to --format llms-txt\n {2}It applies to the markdown, xml and json bundles\./],
      [['--format', 'markdown', '--budget', 'many'], /--budget must be a whole number of at least 1, not `many`/],
      [['--format', 'markdown', '--budget', '99999999999999999999'], /--budget must be at most 9007199254740991, not `99999999999999999999`/],
      [['--format', 'llms-txt', '--base-url', 'example.org'], /The base URL `example.org` is not an absolute URL/],
      [['--format', 'agents', '--home', 'index.md'], /--home does not apply to --format agents\n {2}It applies to llms-txt, llms-full and the bundles\./],
      [['--format', 'json', '--base-url', 'https://example.org/', '--home', 'nowhere.md'], /--home names no document of the corpus: `nowhere\.md`/],
      [['--format', 'yaml'], /argument 'yaml' is invalid/],
    ];
    for (const [args, message] of cases) {
      const result = capsule(['export', 'content', ...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
