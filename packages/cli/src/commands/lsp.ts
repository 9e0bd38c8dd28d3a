/**
 * `capsule lsp --stdio`: serve the corpus to editors over the Language Server Protocol on
 * standard input and output. The workspace folder the editor names is read with the
 * configuration, corpus settings and rules `capsule check` would use there (read again when the
 * configuration or a schema it names changes), renames go through the engine behind
 * `capsule rename`, and files moved in the editor through the one behind `capsule mv`. When `capsule check` left findings for the very same corpus and settings in
 * the cache, the server shows them at once, while it loads.
 */
import { setFlagsFromString } from 'node:v8';
import type { Command } from 'commander';
import { resolveCorpus } from '@capsule-docs/graph';
import { join } from 'node:path';
import { readTextOrUndefined } from '../document-on-disk.js';
import { gitReader } from '../git.js';
import type { Io } from '../io.js';
import { planMove } from '../move-plan.js';
import { planRename } from '../rename-plan.js';
import { analyzerFor, lintOptionsFrom } from '../check/lint-settings.js';
import { storedCheck } from '../check/stored-findings.js';

export function registerLsp(program: Command, io: Io): void {
  program
    .command('lsp')
    .description('serve the corpus to editors (diagnostics, navigation, rename) over the Language Server Protocol')
    .option('--stdio', 'talk over standard input and output (the only channel; editors pass it)')
    .option('-c, --config <file>', 'use this configuration file instead of looking for one')
    .option('--no-config', 'use no configuration file')
    .action(async (options: { config?: string | false }) => {
      // A server lives for hours: let its heap grow by half of what is live before a full
      // collection rather than V8's up to four times, so that the garbage of loading the corpus
      // does not set its size for the session. V8 reads it at every collection, so setting it
      // now, before the corpus loads, takes effect.
      setFlagsFromString('--heap-growing-percent=50');
      // The server and its protocol libraries load only when a server is asked for.
      const { startServer } = await import('@capsule-docs/lsp');
      await startServer({
        settingsFor: (folder) => {
          const { config, load } = resolveCorpus({ cwd: folder, config: options.config, env: io.env });
          // The server outlives commits: what HEAD held is read again once HEAD moves.
          const git = gitReader(load.root, { followHeadEvery: 1000 });
          const checkOptions = lintOptionsFrom(config, {});
          const lint = { ...checkOptions, git };
          const { cache } = load;
          return {
            load: { ...load, analyzer: analyzerFor(lint) },
            lint,
            settingsFiles: [...(config.file === undefined ? [] : [config.file]), ...config.schemaFiles],
            // What a `capsule check` of the same files, settings and HEAD found: shown while the corpus loads.
            ...(cache ? { stored: (scan) => storedCheck(cache.dir, checkOptions, scan, git) } : {}),
          };
        },
        planRename: (graph, oldName, newName) => planRename(graph, oldName, newName),
        planMove: (graph, moves, root) => planMove(graph, moves, (path) => readTextOrUndefined(join(root, path))),
        debug: Boolean(io.env['CAPSULE_DEBUG']),
      });
      // The session is over (`exit`, or the client gone): the parse workers and caches it kept
      // warm have no one left to serve, so the process ends, as the protocol's `exit` ends it.
      process.exit();
    });
}
