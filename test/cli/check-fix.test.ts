/** `capsule check --fix`: safe fixes, written atomically, idempotent. */
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capsule, documentWith, findingsOf, project, read } from './helpers.js';

/** Two misspelt Depth keys (fixable) and one unknown SeeAlso name (not fixable). */
function corpus(): string {
  return project({
    'alpha.md': documentWith('Alpha', [
      { name: 'IdeaCapture', seeAlso: ['RiskReview', 'NoSuchIdea'], depth: ['Tradeoff: Speed against care', 'not this: Skipping it'] },
    ]),
    'beta.md': documentWith('Beta', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'], depth: ['distinction: A risk is not an issue'] }]),
  });
}

describe('--fix', () => {
  it('fixes what is safe, keeps the file mode, and reports what remains', () => {
    const folder = corpus();
    chmodSync(join(folder, 'alpha.md'), 0o640);
    const before = capsule(['check', '--format', 'json'], folder);
    expect(findingsOf(before.stdout, folder).filter((finding) => finding.includes('depth-list'))).toHaveLength(3);

    const fixed = capsule(['check', '--fix', '--format', 'json'], folder);
    expect(fixed.stderr).toBe('capsule: fixed 3 problems in 2 files\n');
    expect(fixed.status).toBe(1);
    expect(findingsOf(fixed.stdout, folder)).toEqual([expect.stringMatching(/^alpha\.md \d+:\d+ see-also-resolves error$/)]);
    expect(read(folder, 'alpha.md')).toContain('- Trade-off: Speed against care\n- NotThis: Skipping it\n');
    expect(read(folder, 'beta.md')).toContain('- Distinction: A risk is not an issue\n');
    expect(statSync(join(folder, 'alpha.md')).mode & 0o777).toBe(0o640);
    expect(readdirSync(folder).sort()).toEqual(['alpha.md', 'beta.md']);
  });

  it('writes a UTF-16 document back in UTF-16, and a UTF-8 one with its byte order mark kept', () => {
    const folder = corpus();
    const text = documentWith('Gamma', [{ name: 'GammaRule', depth: ['Tradeoff: Speed against care'] }]).replace(/\n/g, '\r\n');
    const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    writeFileSync(join(folder, 'gamma.md'), utf16be);
    writeFileSync(join(folder, 'delta.md'), `\uFEFF${documentWith('Delta', [{ name: 'DeltaRule', depth: ['tradeoff: Less against more'] }])}`);
    const fixed = capsule(['check', '--fix', 'gamma.md', 'delta.md'], folder);
    expect(fixed.stderr).toBe('capsule: fixed 2 problems in 2 files\n');
    const gamma = readFileSync(join(folder, 'gamma.md'));
    expect([...gamma.subarray(0, 2)]).toEqual([0xfe, 0xff]);
    expect(Buffer.from(gamma.subarray(2)).swap16().toString('utf16le')).toBe(text.replace('Tradeoff:', 'Trade-off:'));
    expect(read(folder, 'delta.md')).toMatch(/^\uFEFF---[^]*- Trade-off: Less against more/);
  });

  it('changes nothing the second time', () => {
    const folder = corpus();
    capsule(['check', '--fix'], folder);
    const after = { alpha: read(folder, 'alpha.md'), beta: read(folder, 'beta.md'), time: statSync(join(folder, 'alpha.md')).mtimeMs };
    const again = capsule(['check', '--fix'], folder);
    expect(again.stderr).toBe('');
    expect({ alpha: read(folder, 'alpha.md'), beta: read(folder, 'beta.md'), time: statSync(join(folder, 'alpha.md')).mtimeMs }).toEqual(after);
  });

  it('fixes only the documents it reports on', () => {
    const folder = corpus();
    const original = read(folder, 'alpha.md');
    capsule(['check', '--fix', 'beta.md'], folder);
    expect(read(folder, 'beta.md')).toContain('- Distinction:');
    expect(read(folder, 'alpha.md')).toBe(original);
  });

  it('stops with a clear error at a read-only file, writing nothing', () => {
    const folder = corpus();
    const original = { alpha: read(folder, 'alpha.md'), beta: read(folder, 'beta.md') };
    chmodSync(join(folder, 'beta.md'), 0o444);
    const result = capsule(['check', '--fix'], folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('capsule: Cannot write beta.md: it is read-only; make it writable (chmod u+w) and run again');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect({ alpha: read(folder, 'alpha.md'), beta: read(folder, 'beta.md') }).toEqual(original);
    expect(readdirSync(folder).sort()).toEqual(['alpha.md', 'beta.md']);
  });
});
