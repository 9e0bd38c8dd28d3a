/**
 * Which files a corpus holds and which paths a command accepts: documents under dot-folders,
 * `.git` never read, paths that are not documents refused with their reason, the same root
 * for `check` and `graph`, and folders that cannot be read reported while the run goes on.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capsule, capsuleBin, documentWith, findingsOf, git, project } from './helpers.js';

const documentsOfGraph = (stdout: string) => (JSON.parse(stdout) as { documents: { path: string }[] }).documents.map((document) => document.path);
const unresolved = (stdout: string, root: string) => findingsOf(stdout, root).filter((finding) => finding.includes('see-also-resolves'));

describe('documents under dot-folders', () => {
  function agentRepository(config?: object): string {
    const folder = project({
      ...(config ? { 'capsule.config.json': JSON.stringify(config) } : {}),
      '.claude/CLAUDE.md': documentWith('Agent', [{ name: 'AgentRules', seeAlso: ['MissingRule'] }]),
      '.claude/skills/review/SKILL.md': documentWith('Review', [{ name: 'ReviewSkill', seeAlso: ['AgentRules'] }]),
      'docs/guide.md': documentWith('Guide', [{ name: 'GuideRule', seeAlso: ['ReviewSkill'] }]),
      'node_modules/pkg/notes.md': documentWith('Installed', [{ name: 'InstalledRule', seeAlso: ['Nowhere'] }]),
    });
    git(folder, 'init', '-q');
    // A document inside .git would be read, and report its broken reference, if .git were listed.
    mkdirSync(join(folder, '.git/notes'), { recursive: true });
    return folder;
  }

  it('are read by the default include; .git and node_modules never are', () => {
    const folder = agentRepository();
    writeFileSync(join(folder, '.git/notes/stray.md'), documentWith('Stray', [{ name: 'StrayRule', seeAlso: ['Elsewhere'] }]));
    const result = capsule(['check', '--format', 'json', '--no-cache'], folder);
    expect(unresolved(result.stdout, folder)).toEqual([expect.stringMatching(/^\.claude\/CLAUDE\.md \d+:\d+ see-also-resolves error$/)]);
    expect(documentsOfGraph(capsule(['graph', '--no-cache'], folder).stdout)).toEqual([
      '.claude/CLAUDE.md',
      '.claude/skills/review/SKILL.md',
      'docs/guide.md',
    ]);
  });

  it('are named by include globs, and left out by exclude', () => {
    const included = agentRepository({ include: ['.claude/skills/**/SKILL.md'] });
    expect(documentsOfGraph(capsule(['graph', '--no-cache'], included).stdout)).toEqual(['.claude/skills/review/SKILL.md']);
    const excluded = agentRepository({ exclude: ['.claude/**'] });
    const result = capsule(['check', '--format', 'json', '--no-cache'], excluded);
    expect(result.status).toBe(1);
    // The guide's reference to a skill no longer read is unresolved; the skill's own is not checked.
    expect(unresolved(result.stdout, excluded)).toEqual([expect.stringMatching(/^docs\/guide\.md .* see-also-resolves error$/)]);
  });
});

describe('an include that matches no document', () => {
  it('says on standard error that nothing was checked, and why a glob climbing out of the root matches nothing', () => {
    const folder = project({ 'notes/a.md': documentWith('A', [{ name: 'NoteRule' }]), 'capsule.config.json': JSON.stringify({ include: ['docs/**/*.md'] }) });
    const renamed = capsule(['check', '--no-cache'], folder);
    expect([renamed.status, renamed.stdout]).toEqual([0, '']);
    expect(renamed.stderr).toBe('capsule: no document matches `include` (docs/**/*.md) under ., so nothing was checked\n');
    writeFileSync(join(folder, 'capsule.config.json'), JSON.stringify({ include: ['../**/*.md'] }));
    expect(capsule(['check', '--no-cache'], folder).stderr).toMatch(/nothing was checked; globs are read from the root, which `\.\.\/` and `\/` cannot leave\n$/);
    // An include that matches is quiet.
    writeFileSync(join(folder, 'capsule.config.json'), JSON.stringify({ include: ['notes/**/*.md'] }));
    expect(capsule(['check', '--no-cache'], folder).stderr).toBe('');
  });
});

describe('paths that are not documents of the corpus', () => {
  function configured(): string {
    const folder = project({
      'capsule.config.json': JSON.stringify({ root: 'docs', exclude: ['archive/**'] }),
      'docs/.gitignore': 'drafts/\n',
      'docs/plans.md': documentWith('Plans', [{ name: 'PlanReview' }]),
      'docs/archive/old.md': documentWith('Old', [{ name: 'OldPlan' }]),
      'docs/drafts/idea.md': documentWith('Idea', [{ name: 'DraftIdea' }]),
      'docs/notes.txt': 'notes\n',
      'docs/empty/.keep': '',
      'docs/vendor/modules.txt': '# example.com/lib v1.0.0\n',
      'docs/vendor/example.com/lib/README.md': '# lib\n',
      'README.md': '# Project\n',
    });
    git(folder, 'init', '-q');
    return folder;
  }

  const reasons: [string, string][] = [
    ['README.md', 'README.md is outside the corpus root (docs)'],
    ['docs/archive/old.md', 'docs/archive/old.md is left out by `exclude` (archive/**)'],
    ['docs/drafts/idea.md', 'docs/drafts/idea.md is ignored by `.gitignore`'],
    ['docs/notes.txt', 'docs/notes.txt is not a Markdown file, and not matched by `include` (**/*.md)'],
    ['docs/gone.md', 'docs/gone.md does not exist'],
    ['docs/empty', 'docs/empty holds no document of the corpus'],
    [
      'docs/vendor/example.com/lib/README.md',
      'docs/vendor/example.com/lib/README.md is vendored, third-party code (`vendor/modules.txt` lists the Go modules copied there); give its folder alone, as the corpus root, to check it',
    ],
    [
      'docs/vendor',
      'docs/vendor holds no document of the corpus (its files are vendored, third-party code: `vendor/modules.txt` marks them; give the folder alone, as the corpus root, to check them)',
    ],
  ];

  for (const command of ['check', 'graph', 'export']) {
    it(`${command}: exit 2, naming the path and why`, () => {
      const folder = configured();
      for (const [path, reason] of reasons) {
        const result = capsule([command, 'docs/plans.md', path], folder);
        expect([result.status, result.stdout], `${command} ${path}`).toEqual([2, '']);
        expect(result.stderr).toBe(
          `capsule: ${reason}; it is not a document of the corpus\n  Give documents of the corpus (paths are relative to the working directory), or change \`root\`, \`include\` or \`exclude\`.\n`,
        );
      }
      const all = capsule([command, ...reasons.map(([path]) => path)], folder);
      expect(all.status).toBe(2);
      expect(all.stderr).toContain(`capsule: ${reasons.length} paths are not documents of the corpus:\n${reasons.map(([, reason]) => `  ${reason}\n`).join('')}`);
    });
  }

  it('check: a symbolic link to a document names that document', () => {
    const folder = project({ 'docs/rules/general.md': '# General\n\nSee [the tests](./tests.md).\n', 'docs/rules/tests.md': '# Tests\n' });
    symlinkSync(join('rules', 'general.md'), join(folder, 'docs', 'AGENTS.md'));
    const result = capsule(['check', '--no-cache', '--format', 'json', 'docs/AGENTS.md'], folder);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(JSON.parse(result.stdout).map((file: { filePath: string }) => file.filePath)).toEqual([join(folder, 'docs', 'rules', 'general.md')]);
  });

  it('check: a path through a symbolic link to a folder names what the link leads to, and one leading out of the root is refused as such', () => {
    const outside = project({ 'x.md': '# Outside\n' });
    const folder = project({ 'capsule.config.json': '{}', '.agents/skills/review/SKILL.md': '---\nname: review\ndescription: Reviews.\n---\n# Review\n\nSee [the guide](./guide.md).\n' });
    mkdirSync(join(folder, '.claude'));
    symlinkSync(join('..', '.agents', 'skills'), join(folder, '.claude', 'skills'));
    symlinkSync(outside, join(folder, 'elsewhere'));
    const skill = join(folder, '.agents', 'skills', 'review', 'SKILL.md');
    for (const path of ['.claude/skills/review/SKILL.md', '.claude/skills']) {
      const result = capsule(['check', '--no-cache', '--format', 'json', path], folder);
      expect([result.status, result.stderr], path).toEqual([1, '']);
      expect(JSON.parse(result.stdout).map((file: { filePath: string }) => file.filePath), path).toEqual([skill]);
    }
    const refused = capsule(['check', '--no-cache', 'elsewhere/x.md', 'elsewhere'], folder);
    expect([refused.status, refused.stdout]).toEqual([2, '']);
    expect(refused.stderr).toContain(
      '  elsewhere/x.md is reached through the symbolic link `elsewhere`, which leads outside the corpus root\n  elsewhere is a symbolic link that leads outside the corpus root\n',
    );
  });

  it('check: a document deleted since HEAD is still a document', () => {
    const folder = configured();
    git(folder, 'add', '.');
    git(folder, 'commit', '-q', '-m', 'start');
    rmSync(join(folder, 'docs/plans.md'));
    const result = capsule(['check', 'docs/plans.md', '--no-cache'], folder);
    expect([result.status, result.stderr]).toEqual([0, '']);
  });
});

describe('the root, given one folder', () => {
  it('is the configured root for check and graph alike when the folder is in the corpus', () => {
    const folder = project({
      'capsule.config.json': JSON.stringify({ root: 'docs' }),
      'docs/plans.md': documentWith('Plans', [{ name: 'PlanReview', seeAlso: ['RiskReview'] }]),
      'docs/team/risks.md': documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['Missing'] }]),
    });
    expect(documentsOfGraph(capsule(['graph', 'docs/team'], folder).stdout)).toEqual(['team/risks.md']);
    const checked = capsule(['check', 'docs/team', '--format', 'json'], folder);
    expect(unresolved(checked.stdout, join(folder, 'docs'))).toEqual([expect.stringMatching(/^team\/risks\.md /)]);
    // Around the root: the whole configured corpus.
    expect(documentsOfGraph(capsule(['graph', '.'], folder).stdout)).toEqual(['plans.md', 'team/risks.md']);
  });

  it('is that folder without a configuration, for check and graph alike', () => {
    const folder = project({
      'sub/a.md': documentWith('A', [{ name: 'AlphaRule', seeAlso: ['BetaRule'] }]),
      'b.md': documentWith('B', [{ name: 'BetaRule' }]),
    });
    expect(documentsOfGraph(capsule(['graph', 'sub'], folder).stdout)).toEqual(['a.md']);
    // `BetaRule` lies outside that corpus.
    expect(unresolved(capsule(['check', 'sub', '--format', 'json'], folder).stdout, join(folder, 'sub'))).toEqual([expect.stringMatching(/^a\.md /)]);
    // Files and several paths are read in the working directory's corpus.
    expect(documentsOfGraph(capsule(['graph', 'sub/a.md'], folder).stdout)).toEqual(['sub/a.md']);
    expect(unresolved(capsule(['check', 'sub/a.md', '--format', 'json'], folder).stdout, folder)).toEqual([]);
  });

  it('is that folder for check and graph alike when it lies beside the configured root', () => {
    const folder = project({
      'capsule.config.json': JSON.stringify({ root: 'docs' }),
      'docs/plans.md': documentWith('Plans', [{ name: 'PlanReview' }]),
      'notes/outside.md': documentWith('Outside', [{ name: 'OutsideNote', seeAlso: ['PlanReview'] }]),
    });
    expect(documentsOfGraph(capsule(['graph', 'notes'], folder).stdout)).toEqual(['outside.md']);
    // A corpus of its own: the configured corpus's names are not in it.
    expect(unresolved(capsule(['check', 'notes', '--format', 'json'], folder).stdout, join(folder, 'notes'))).toEqual([
      expect.stringMatching(/^outside\.md /),
    ]);
  });
});

describe('paths inside messages', () => {
  it('are written from the repository\'s top, as the reported files are, when the root is a folder of it', () => {
    const folder = project({
      'capsule.config.json': JSON.stringify({ root: 'docs' }),
      'docs/plans.md': documentWith('Plans', [{ name: 'PlanReview' }]),
      'docs/team/risks.md': documentWith('Risks', [{ name: 'PlanReview' }]),
    });
    git(folder, 'init', '-q');
    const entries = JSON.parse(capsule(['check', '--format', 'json'], folder).stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
    const duplicate = entries.flatMap((entry) => entry.messages).filter((message) => message.ruleId === 'duplicate-capsule');
    expect(duplicate.map((message) => message.message)).toEqual([expect.stringMatching(/^Capsule `PlanReview` is already defined in `docs\/plans\.md` at line \d+;/)]);
  });
});

describe('folders that cannot be read', () => {
  // Permissions do not stop root, so as root the command runs without the two capabilities that
  // override them. It stays root otherwise, so it can still reach a clone whose parent only root may enter.
  const withoutOverride = ['setpriv', '--inh-caps=-dac_override,-dac_read_search', '--bounding-set=-dac_override,-dac_read_search'];
  const asUnprivileged = (args: string[]) =>
    process.getuid?.() === 0 ? [...withoutOverride, process.execPath, capsuleBin, ...args] : [process.execPath, capsuleBin, ...args];
  const run = (args: string[], cwd: string) => {
    const [command, ...rest] = asUnprivileged(args);
    const result = spawnSync(command!, rest, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('are reported by path, and every command goes on with the rest', () => {
    const folder = project({
      'open/plans.md': documentWith('Plans', [{ name: 'PlanReview', seeAlso: ['Missing'] }]),
      'locked/hidden.md': documentWith('Hidden', [{ name: 'HiddenRule' }]),
    });
    chmodSync(join(folder, 'locked'), 0o000);
    try {
      const note = 'capsule: could not read the folder locked (EACCES); its files were left out\n';
      const checked = run(['check', '--no-cache', '--format', 'json'], folder);
      expect([checked.status, checked.stderr]).toEqual([1, note]);
      expect(unresolved(checked.stdout, folder)).toEqual([expect.stringMatching(/^open\/plans\.md /)]);
      const graphed = run(['graph', '--no-cache'], folder);
      expect([graphed.status, graphed.stderr, documentsOfGraph(graphed.stdout)]).toEqual([0, note, ['open/plans.md']]);
      const exported = run(['export', '--no-cache', '--format', 'llms-full'], folder);
      expect([exported.status, exported.stderr]).toEqual([0, note]);
      expect(exported.stdout).toContain('PlanReview');
      const given = run(['check', '--no-cache', 'locked/hidden.md'], folder);
      expect(given.status).toBe(2);
      expect(given.stderr).toContain('capsule: locked/hidden.md is in a folder that could not be read (locked: EACCES); it is not a document of the corpus\n');
    } finally {
      chmodSync(join(folder, 'locked'), 0o755);
    }
  });
});

describe("Cursor's rules the default include leaves out", () => {
  it('are told with MDX pages, and the include for both', () => {
    const folder = project({ 'docs/a.md': '# A\n', '.cursor/rules/style.mdc': '---\nglobs: *.ts\n---\n# Style\n', 'docs/b.mdx': '# B\n' });
    expect(capsule(['check', '.'], folder).stderr).toBe(
      'capsule: 1 .mdx file and 1 .mdc file (a Cursor rule) left out, as `include` (**/*.md) does not match them; to check them as Markdown, write {"include": ["**/*.md", "**/*.mdx", "**/*.mdc"]} to capsule.config.json in this folder\n',
    );
    writeFileSync(join(folder, 'capsule.config.json'), JSON.stringify({ include: ['**/*.md', '**/*.mdc'] }));
    const included = capsule(['check', '--format', 'json', '.'], folder);
    expect(included.stderr).toBe('');
    expect(findingsOf(included.stdout, folder)).toEqual([]);
  });
});

describe('MDX pages the default include leaves out', () => {
  it('are told by export too, whose llms.txt would list the few .md files as if they were the site', () => {
    const folder = project({ 'README.md': '# Site\n', 'docs/b.mdx': '# B\n', 'docs/c.mdx': '# C\n' });
    const exported = capsule(['export', '--format', 'llms-txt'], folder);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('- [Site](README.md)');
    expect(exported.stderr).toBe('capsule: 2 .mdx files left out, as `include` (**/*.md) does not match them; to export them as Markdown, write {"include": ["**/*.md", "**/*.mdx"]} to capsule.config.json in this folder\n');
    writeFileSync(join(folder, 'capsule.config.json'), JSON.stringify({ include: ['**/*.md', '**/*.mdx'] }));
    const included = capsule(['export', '--format', 'llms-txt'], folder);
    expect(included.stderr).toBe('');
    expect(included.stdout).toContain('- [B](docs/b.mdx)');
  });

  it('are told once, with the include that checks them, and checked as Markdown once included', () => {
    const folder = project({ 'docs/a.md': '# A\n', 'docs/b.mdx': '# B\n\n[c](c.mdx)\n', 'docs/d.mdx': '# D\n' });
    const plain = capsule(['check', '.'], folder);
    expect(plain.status).toBe(0);
    expect(plain.stderr).toBe('capsule: 2 .mdx files left out, as `include` (**/*.md) does not match them; to check them as Markdown, write {"include": ["**/*.md", "**/*.mdx"]} to capsule.config.json in this folder\n');
    // With a configuration that sets no `include`, the setting goes there.
    writeFileSync(join(folder, 'capsule.config.json'), JSON.stringify({ rules: {} }));
    expect(capsule(['check', 'docs'], folder).stderr).toBe('capsule: 2 .mdx files left out, as `include` (**/*.md) does not match them; to check them as Markdown, set "include": ["**/*.md", "**/*.mdx"] in capsule.config.json\n');
    writeFileSync(join(folder, 'capsule.config.json'), JSON.stringify({ include: ['**/*.md', '**/*.mdx'] }));
    const included = capsule(['check', '--format', 'json', '.'], folder);
    expect(included.stderr).toBe('');
    expect(findingsOf(included.stdout, folder)).toEqual(['docs/b.mdx 3:1 link-resolves error']);
  });
});

describe('a glob given in quotes', () => {
  it('names the documents it matches, from the working directory, and is refused when it matches none', () => {
    const folder = project({
      'docs/a.md': documentWith('A', [{ name: 'RuleA', seeAlso: ['Missing'] }]),
      'docs/deep/b.md': documentWith('B', [{ name: 'RuleB', seeAlso: ['Gone'] }]),
      'notes/c.md': documentWith('C', [{ name: 'RuleC', seeAlso: ['Absent'] }]),
    });
    const reported = (args: string[], cwd = folder) => [...new Set(findingsOf(capsule(['check', '--format', 'json', '--no-cache', ...args], cwd).stdout, folder).map((finding) => finding.split(' ')[0]))];
    expect(reported(['docs/**/*.md'])).toEqual(['docs/a.md', 'docs/deep/b.md']);
    expect(reported(['*.md'], join(folder, 'notes'))).toEqual(['notes/c.md']);
    const none = capsule(['check', '--no-cache', 'guides/*.md'], folder);
    expect([none.status, none.stderr]).toEqual([2, expect.stringContaining('guides/*.md does not exist, and as a glob matches no document; it is not a document of the corpus')]);
  });
});
