import { describe, expect, it } from 'vitest';
import type { Io } from './io.js';
import { createProgress } from './progress.js';

function fakeIo(overrides: Partial<Io>): Io & { errors: string[] } {
  const errors: string[] = [];
  return { stdout: () => {}, stderr: (text) => errors.push(text), cwd: '.', env: {}, stdoutIsTTY: true, stderrIsTTY: true, errors, ...overrides };
}

describe('the progress line', () => {
  it('stays silent when standard error is not a terminal, or in CI', () => {
    expect(createProgress(fakeIo({ stderrIsTTY: false }))).toBeUndefined();
    expect(createProgress(fakeIo({ env: { CI: 'true' } }))).toBeUndefined();
  });

  it('stays silent in a git hook or under the pre-commit framework, which hold the output until the hook ends', () => {
    expect(createProgress(fakeIo({ env: { GIT_EXEC_PATH: '/usr/lib/git-core' } }))).toBeUndefined();
    expect(createProgress(fakeIo({ env: { PRE_COMMIT: '1' } }))).toBeUndefined();
    expect(createProgress(fakeIo({ env: { TERM: 'xterm-256color' } }))).toBeDefined();
  });

  it('appears only after a second, counts files, and clears itself', () => {
    let clock = 0;
    const io = fakeIo({});
    const progress = createProgress(io, () => clock)!;
    progress.onProgress(1, 10_000);
    expect(io.errors).toEqual([]);
    clock = 1500;
    progress.onProgress(4210, 10_000);
    clock = 1550;
    progress.onProgress(4211, 10_000);
    clock = 1700;
    progress.onProgress(10_000, 10_000);
    progress.finish();
    expect(io.errors).toEqual([
      '\r\x1b[2Kcapsule: parsed 4,210 of 10,000 files',
      '\r\x1b[2Kcapsule: parsed 10,000 of 10,000 files',
      '\r\x1b[2K',
    ]);
  });
});
