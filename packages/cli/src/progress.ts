/**
 * A progress line on standard error for long runs: `capsule: parsed 4,210 of 10,000 files`.
 * Shown only on a terminal, never in CI or a git hook, and only once a run has taken a second,
 * so quick runs and piped output stay clean. Hook managers (lefthook, the pre-commit framework)
 * hand a job a pseudo-terminal but hold its output until it ends, so a line redrawn in place
 * would reach the user as the control characters that redraw it; ESLint and markdownlint show
 * no progress there either.
 */
import type { Io } from './io.js';

const delayMs = 1000;
const intervalMs = 100;

/** A progress callback for the loader, or `undefined` when nothing should be shown. */
export function createProgress(io: Io, now: () => number = Date.now): { onProgress: (done: number, total: number) => void; finish: () => void } | undefined {
  if (!io.stderrIsTTY || io.env['CI'] || runByGitOrHookManager(io.env)) return undefined;
  const started = now();
  let shownAt = 0;
  let shown = false;
  return {
    onProgress(done, total) {
      const time = now();
      if (time - started < delayMs || (time - shownAt < intervalMs && done < total)) return;
      shownAt = time;
      shown = true;
      io.stderr(`\r\x1b[2Kcapsule: parsed ${done.toLocaleString('en')} of ${total.toLocaleString('en')} files`);
    },
    finish() {
      if (shown) io.stderr('\r\x1b[2K');
    },
  };
}

/**
 * Git sets `GIT_EXEC_PATH` for every program it runs, hooks among them, and the pre-commit
 * framework sets `PRE_COMMIT` for its hooks, also when run by hand (`pre-commit run`).
 */
function runByGitOrHookManager(env: Record<string, string | undefined>): boolean {
  return Boolean(env['GIT_EXEC_PATH'] || env['PRE_COMMIT']);
}
