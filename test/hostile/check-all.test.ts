/**
 * `capsule check` on a folder holding every hostile document at once (the committed ones,
 * the generated ones and a 50 MB file): it finishes, exits 1, reports at least one finding
 * in every file, and prints no stack trace. A document without frontmatter is fine by
 * default, so the check runs with a frontmatter schema that requires a field: then every
 * file has something to report, and each must be reached.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readerFindings } from '@capsule-docs/graph';
import { hostFindings, rules } from '@capsule-docs/lint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capsuleBin } from '../cli/helpers.js';
import { writeHostileCorpus } from './make-fixtures.js';

const folder = mkdtempSync(join(tmpdir(), 'capsule-hostile-all-'));
// The configuration lives outside the checked folder, which must be left as it was.
const settings = mkdtempSync(join(tmpdir(), 'capsule-hostile-settings-'));
let documents: string[] = [];
beforeAll(async () => {
  documents = await writeHostileCorpus(folder, { huge: true });
  writeFileSync(join(settings, 'owner.schema.json'), JSON.stringify({ type: 'object', required: ['owner'] }));
  writeFileSync(join(settings, 'capsule.config.json'), JSON.stringify({ root: folder, frontmatterSchema: './owner.schema.json' }));
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(settings, { recursive: true, force: true });
});

describe('capsule check on every hostile document at once', () => {
  it('exits 1 with at least one finding in every file and no stack trace', { timeout: 120_000 }, () => {
    const result = spawnSync(process.execPath, [capsuleBin, 'check', '--config', join(settings, 'capsule.config.json'), '--no-cache', '--format', 'json'], {
      cwd: folder,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/\n\s+at /);
    expect(result.status).toBe(1);
    const reported = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    const findingsPerFile = Object.fromEntries(reported.map((file) => [file.filePath.slice(folder.length + 1), file.messages.length]));
    expect(Object.keys(findingsPerFile).sort()).toEqual(documents);
    expect(Object.entries(findingsPerFile).filter(([, count]) => count === 0)).toEqual([]);
    // Every id reported is described for reporters (SARIF gives each a rule entry).
    const described = new Set([...rules.map((rule) => rule.meta.id), ...Object.keys(readerFindings), ...Object.keys(hostFindings)]);
    const undescribed = reported.flatMap((file) => file.messages.map((message) => message.ruleId)).filter((id) => !described.has(id));
    expect(undescribed).toEqual([]);
    // The checked folder is left as it was.
    expect(readdirSync(folder).sort()).toEqual(documents);
  });
});
