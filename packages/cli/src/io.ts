/** What a command may touch of the outside world, so commands run the same in tests. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** True when standard output is a terminal (colour, progress). */
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Everything on standard input, for `check --stdin` (a command that reads none leaves it alone). */
  readStdin?: () => Promise<Uint8Array>;
}

/** The real process. */
export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

/** Exit codes, as documented in the README. */
export const exitCodes = {
  ok: 0,
  /** Error-level findings, warnings over `--max-warnings`, or a request that cannot be met. */
  findings: 1,
  /** Bad arguments, a broken config, an unreadable corpus root. */
  usage: 2,
} as const;

/** A mistake in how the command was called or configured: exit 2 with a message, no stack. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    /** What to do about it, shown under the message. */
    readonly hint?: string,
  ) {
    super(message);
  }
}

/**
 * A well-formed request the corpus cannot meet, such as a budget too small for the capsule
 * asked for: exit 1 with a message, like a failed check, so scripts tell it from a typo.
 */
export class UnmetRequestError extends Error {
  override name = 'UnmetRequestError';
  constructor(
    message: string,
    /** What to do about it, shown under the message. */
    readonly hint?: string,
  ) {
    super(message);
  }
}
