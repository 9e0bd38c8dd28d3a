/**
 * A rule that throws is one internal-error finding per file, and the process says that
 * something went wrong: an error-level finding, so exit code 1, and no stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { capsuleBin, documentWith } from '../cli/helpers.js';

const failingRule = pathToFileURL(join(import.meta.dirname, 'fixtures/failing-rule.mjs')).href;
const root = mkdtempSync(join(tmpdir(), 'capsule-internal-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a rule that throws', () => {
  it('becomes an error finding in every file and exit code 1, with no stack trace', () => {
    writeFileSync(join(root, 'one.md'), documentWith('One', [{ name: 'FirstRule' }]));
    writeFileSync(join(root, 'two.md'), documentWith('Two', [{ name: 'SecondRule', seeAlso: ['FirstRule'] }]));
    const run = (...nodeOptions: string[]) =>
      spawnSync(process.execPath, [...nodeOptions, capsuleBin, 'check', '--no-config', '--no-cache', '--format', 'json', root], {
        cwd: root,
        encoding: 'utf8',
        // The fixture changes a rule in the built modules, which the bundle does not import.
        env: { ...process.env, CAPSULE_BUNDLE: '0' },
      });
    expect(run().status).toBe(0);
    const result = run('--import', failingRule);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).not.toMatch(/\n\s+at /);
    const files = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; severity: number; message: string }[] }[];
    const internal = files.map((file) => file.messages.filter((message) => message.ruleId === 'internal-error'));
    expect(internal.map((messages) => messages.map((message) => message.severity))).toEqual([[2], [2]]);
    expect(internal[0]![0]!.message).toContain('capsule-name');
    expect(result.status).toBe(1);
  });
});
