/** `capsule graph`: print the knowledge graph as JSON, DOT or Mermaid. */
import { graphToDot, graphToJson, graphToMermaid, keepScanIndex, loadGraph } from '@capsule-docs/graph';
import type { Command } from 'commander';
import { readingCorpus } from '../corpus-args.js';
import { UsageError, type Io } from '../io.js';
import { replayedOutput } from '../replay.js';

const formats = ['json', 'dot', 'mermaid'] as const;

export function registerGraph(program: Command, io: Io): void {
  program
    .command('graph')
    .description('print the knowledge graph of a corpus')
    .argument('[paths...]', 'documents and folders of the corpus, or one folder outside it as a corpus of its own (default: the configured corpus)')
    .option('-f, --format <format>', `output format: ${formats.join(', ')}`, 'json')
    .option('-c, --config <file>', 'use this configuration file instead of looking for one')
    .option('--no-config', 'use no configuration file')
    .option('--no-cache', 'parse every document again instead of reusing cached results')
    .action(async (paths: string[], options: { format: string; cache: boolean; config?: string | false }) => {
      if (!formats.includes(options.format as (typeof formats)[number])) {
        throw new UsageError(`Unknown format \`${options.format}\``, `Use one of: ${formats.join(', ')}.`);
      }
      const { load, scan } = await readingCorpus(paths, io, { config: options.config, cache: options.cache });
      const cache = load.cache ?? false;
      const output = await replayedOutput(
        cache,
        `graph-${options.format}`,
        { packages: ['@capsule-docs/graph', 'remark-capsules'], root: scan.root, limits: scan.limits, corpus: scan.fingerprint },
        async () => {
          // The graph needs only the cross-file summaries, which a check may have cached already.
          const { graph } = await loadGraph({ ...load, summarize: true }, scan);
          if (options.format === 'dot') return { stdout: graphToDot(graph), stderr: '' };
          if (options.format === 'mermaid') return { stdout: graphToMermaid(graph), stderr: '' };
          return { stdout: `${JSON.stringify(graphToJson(graph), null, 2)}\n`, stderr: '' };
        },
      );
      await keepScanIndex(scan);
      io.stdout(output.stdout);
    });
}
