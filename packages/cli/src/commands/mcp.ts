/**
 * `capsule mcp`: serve a corpus to Model Context Protocol clients over standard input and
 * output, re-reading it when its files change. Standard output carries only the protocol;
 * messages for people go to standard error.
 */
import { encodingNames, ExportError } from '@capsule-docs/export';
import { Option, type Command } from 'commander';
import { readingCorpus } from '../corpus-args.js';
import { UsageError, type Io } from '../io.js';

export function registerMcp(program: Command, io: Io): void {
  program
    .command('mcp')
    .description('serve the corpus to MCP clients (tools and resources) over standard input and output')
    .argument('[paths...]', 'documents and folders of the corpus, or one folder outside it as a corpus of its own (default: the configured corpus)')
    .option('-c, --config <file>', 'use this configuration file instead of looking for one')
    .option('--no-config', 'use no configuration file')
    .addOption(new Option('--encoding <name>', 'the tokenizer encoding get_capsule budgets count in (default o200k_base)').choices(encodingNames))
    .action(async (paths: string[], options: { encoding?: string; config?: string | false }) => {
      // The server and its protocol libraries load only when a server is asked for.
      const { serveStdio } = await import('@capsule-docs/export/mcp');
      try {
        const { load } = await readingCorpus(paths, io, { config: options.config });
        await serveStdio({ load, encoding: options.encoding, log: (message) => io.stderr(`${message}\n`) });
      } catch (error) {
        if (error instanceof ExportError) throw new UsageError(error.message, error.hint);
        throw error;
      }
    });
}
