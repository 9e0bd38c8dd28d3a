/**
 * The `capsule` command. Every failure ends as a message and an exit code, never a stack
 * trace: usage and configuration problems exit 2, findings and unmet requests exit 1 (see
 * `exitCodes`).
 */
import { ConfigError, CorpusError } from '@capsule-docs/graph';
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';
import { exitCodes, processIo, UnmetRequestError, UsageError, type Io } from './io.js';
import { version } from './version.js';

/** Run the command line `argv` (without node and script) and return the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const program = new Command('capsule')
    .description('Check, browse and export knowledge bases written as capsule documents')
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run `capsule --help` for usage)');
  let exitCode: number = exitCodes.ok;
  program.setOptionValue('setExitCode', (code: number) => {
    exitCode = Math.max(exitCode, code);
  });
  for (const register of commands) register(program, io);
  for (const command of program.commands) command.exitOverride();

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // Help and version end with code 0; commander has already printed them or the error.
    return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  }
  if (error instanceof UsageError || error instanceof ConfigError) {
    io.stderr(`capsule: ${error.message}\n${error.hint ? `  ${error.hint}\n` : ''}`);
    return exitCodes.usage;
  }
  if (error instanceof UnmetRequestError) {
    io.stderr(`capsule: ${error.message}\n${error.hint ? `  ${error.hint}\n` : ''}`);
    return exitCodes.findings;
  }
  if (error instanceof CorpusError) {
    io.stderr(`capsule: ${error.message}\n`);
    return exitCodes.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`capsule: internal error: ${message}\n  Please report it with the command you ran.\n`);
  if (io.env['CAPSULE_DEBUG'] && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return exitCodes.usage;
}
