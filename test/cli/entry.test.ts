/**
 * The `capsule` entry point runs the bundle only while it is made of the files there now, and
 * the build leaves a bundle that is: the other CLI tests then run the bundled command.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleInputs, capsule, capsuleBin, project, repositoryRoot } from './helpers.js';

/** A copy of the entry point beside a stand-in `dist/`, whose two mains say which ran. */
function entryWithStandIns(): { folder: string; input: string; run: (env?: Record<string, string>) => string } {
  const folder = project({
    'dist/main.js': "export async function main() { process.stdout.write('modules'); return 0; }\n",
    'dist/bundle/main.js': "export async function main() { process.stdout.write('bundle'); return 0; }\n",
    'input.js': 'export const made = 1;\n',
  });
  mkdirSync(join(folder, 'bin'));
  copyFileSync(capsuleBin, join(folder, 'bin/capsule.js'));
  const input = join(folder, 'input.js');
  const stats = statSync(input);
  writeFileSync(join(folder, 'dist/bundle-inputs.json'), JSON.stringify({ inputs: [[input, stats.size, stats.mtimeMs]] }));
  const run = (env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(folder, 'bin/capsule.js')], { encoding: 'utf8', env: { ...process.env, CAPSULE_BUNDLE: '', ...env } }).stdout;
  return { folder, input, run };
}

describe('the capsule entry point', () => {
  it('runs the bundle while every file it was made from is unchanged', () => {
    expect(entryWithStandIns().run()).toBe('bundle');
  });

  it('runs the modules once a file the bundle was made from has changed', () => {
    const { input, run } = entryWithStandIns();
    const later = new Date(statSync(input).mtimeMs + 5000);
    utimesSync(input, later, later);
    expect(run()).toBe('modules');
  });

  it('runs the modules when asked to with CAPSULE_BUNDLE=0', () => {
    expect(entryWithStandIns().run({ CAPSULE_BUNDLE: '0' })).toBe('modules');
  });

  it('runs the modules when there is no bundle record or it is damaged', () => {
    const { folder, run } = entryWithStandIns();
    writeFileSync(join(folder, 'dist/bundle-inputs.json'), '{"inputs": [');
    expect(run()).toBe('modules');
  });

  it('is built with a bundle that is current, which the command runs', () => {
    expect(bundleInputs(repositoryRoot).changed).toEqual([]);
    // Files the bundled modules find beside their own sources: the version, the shipped
    // schemas (frontmatter validation) and the rules' documentation.
    expect(capsule(['--version'], repositoryRoot).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const folder = project({ 'a.md': '---\ntags: 3\naudience: [Humans]\n---\n# A\n' });
    const result = capsule(['check', '--format', 'json', '--no-cache', '.'], folder);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(
      expect.arrayContaining([expect.objectContaining({ messages: expect.arrayContaining([expect.objectContaining({ ruleId: 'frontmatter-schema' })]) })]),
    );
  });

  it('says in a line, with exit code 2, that standard output could not be written, and shows no stack trace', () => {
    const folder = project({ 'a.md': '# A\n\nSee [b](b.md).\n' });
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [['check', '--format', 'json'], ['graph'], ['export']]) {
        const result = spawnSync(process.execPath, [capsuleBin, ...args], { cwd: folder, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
        expect([result.status, result.stderr], args[0]).toEqual([2, 'capsule: could not write standard output (ENOSPC); the output is incomplete\n']);
      }
    } finally {
      closeSync(full);
    }
  });
});
