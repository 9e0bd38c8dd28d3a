import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capsule, documentWith, findingsOf, project } from './helpers.js';

// `capsule check --stdin --stdin-filename FILE`: an editor's buffer checked in place of the file.
describe('check --stdin', () => {
  const files = {
    'alpha.md': documentWith('Alpha', [{ name: 'IdeaCapture', seeAlso: ['RiskReview'] }]),
    'beta.md': documentWith('Beta', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]),
    'broken.md': '# Broken\n\n[gone](./gone.md)\n',
  };
  const edited = files['alpha.md'].replace('- SeeAlso: RiskReview', '- SeeAlso: RiskReview, RiskReveiw');

  it('checks the text on standard input as the document named, against the corpus on disk, and reports it alone', () => {
    const folder = project(files);
    const result = capsule(['check', '--format', 'json', '--stdin', '--stdin-filename', 'alpha.md'], folder, {}, edited);
    // The misspelt name is the buffer's; broken.md's finding is another file's, not reported.
    expect(findingsOf(result.stdout, folder)).toEqual([expect.stringMatching(/^alpha\.md \d+:\d+ see-also-resolves error$/)]);
    expect(JSON.parse(result.stdout)[0].messages[0].message).toContain('did you mean `RiskReview`?');
    expect(result.status).toBe(1);
    expect(readFileSync(join(folder, 'alpha.md'), 'utf8')).toBe(files['alpha.md']);
  });

  it('leaves no result behind for a check of the files to replay', () => {
    const folder = project(files);
    expect(capsule(['check', '--stdin', '--stdin-filename', 'alpha.md'], folder, {}, edited).status).toBe(1);
    const onDisk = capsule(['check', '--format', 'json', 'alpha.md'], folder);
    expect(findingsOf(onDisk.stdout, folder)).toEqual([]);
    expect(onDisk.status).toBe(0);
  });

  it('reads a file of bytes that is no text as the check reads one on disk', () => {
    const folder = project(files);
    const result = capsule(['check', '--format', 'json', '--stdin', '--stdin-filename', 'alpha.md'], folder, {}, 'a\u0000b');
    expect(findingsOf(result.stdout, folder)).toEqual(['alpha.md 1:1 binary-file error']);
  });

  it('refuses a document outside the corpus, and with --skip-outside-corpus reports nothing', () => {
    const folder = project(files);
    const refused = capsule(['check', '--stdin', '--stdin-filename', 'unsaved.md'], folder, {}, '# New\n');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('unsaved.md does not exist');
    const skipped = capsule(['check', '--format', 'json', '--stdin', '--stdin-filename', 'unsaved.md', '--skip-outside-corpus'], folder, {}, '# New\n');
    expect(skipped.status).toBe(0);
    expect(JSON.parse(skipped.stdout)).toEqual([]);
  });

  it.each([
    ['no --stdin-filename', ['--stdin'], 'needs `--stdin-filename`'],
    ['--stdin-filename alone', ['--stdin-filename', 'alpha.md'], 'names the document `--stdin` reads'],
    ['a path besides', ['--stdin', '--stdin-filename', 'alpha.md', 'beta.md'], 'give no paths with it'],
    ['--fix', ['--stdin', '--stdin-filename', 'alpha.md', '--fix'], 'has no file to fix'],
    ['--staged', ['--stdin', '--stdin-filename', 'alpha.md', '--staged'], 'cannot be used together'],
  ])('refuses %s', (_, args, words) => {
    const result = capsule(['check', ...args], project(files), {}, edited);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(words);
  });
});
