/**
 * `capsule export`: LLM context from a corpus. `llms-txt` and `llms-full` for a site,
 * `markdown`, `xml` and `json` context bundles fitted to a token budget, `agents` for an
 * always-loaded context file. Output goes to standard output, or atomically to `--out`.
 */
import { basename, dirname, relative, resolve, sep } from 'node:path';
import {
  BudgetError,
  encodingNames,
  ExportError,
  exportCorpus,
  exportFormats,
  isBundleFormat,
  needsWholeModels,
  writeFileAtomic,
  type BundleResult,
  type ExportFormat,
  type ExportOptions,
} from '@capsule-docs/export';
import { keepScanIndex, loadGraph } from '@capsule-docs/graph';
import { Option, type Command } from 'commander';
import { noteLeftOutPages, readingCorpus } from '../corpus-args.js';
import { UnmetRequestError, UsageError, type Io } from '../io.js';
import { refuseWritingIntoCorpus, refuseWritingOverSettings, type OutputWords } from '../output-target.js';
import { replayedOutput } from '../replay.js';

interface ExportCommandOptions {
  format: ExportFormat;
  out?: string;
  baseUrl?: string;
  home?: string;
  title?: string;
  summary?: string;
  capsule: string[];
  document: string[];
  tag: string[];
  category: string[];
  audience: string[];
  depth?: string;
  budget?: string;
  encoding?: string;
  cache: boolean;
  config?: string | false;
}

/** Options that only some formats use, with the formats that use them. */
const onlyFor: { option: keyof ExportCommandOptions; flag: string; formats: (format: ExportFormat) => boolean; which: string }[] = [
  { option: 'baseUrl', flag: '--base-url', formats: (format) => format !== 'agents', which: 'llms-txt, llms-full and the bundles' },
  { option: 'home', flag: '--home', formats: (format) => format !== 'agents', which: 'llms-txt, llms-full and the bundles' },
  { option: 'title', flag: '--title', formats: (format) => !isBundleFormat(format), which: 'llms-txt, llms-full and agents' },
  { option: 'summary', flag: '--summary', formats: (format) => !isBundleFormat(format), which: 'llms-txt, llms-full and agents' },
  ...(['capsule', 'document', 'tag', 'category', 'audience', 'depth', 'budget', 'encoding'] as const).map((option) => ({
    option,
    flag: `--${option}`,
    formats: isBundleFormat,
    which: 'the markdown, xml and json bundles',
  })),
];

const outWords: OutputWords = { command: 'export', product: 'export', flag: '--out' };

export function registerExport(program: Command, io: Io): void {
  program
    .command('export')
    .description('export LLM context: llms.txt, the full corpus, token-budgeted bundles, an agents file')
    .argument('[paths...]', 'documents and folders of the corpus, or one folder outside it as a corpus of its own (default: the configured corpus)')
    .addOption(new Option('-f, --format <format>', 'what to export').choices(exportFormats).default('llms-txt'))
    .option('-o, --out <file>', 'write to this file (atomically) instead of standard output')
    .option('--base-url <url>', 'llms-txt, llms-full, bundles: link to the published site under this address')
    .option('--home <document>', 'llms-txt, llms-full, bundles: with --base-url, the document the site shows at its root')
    .option('--title <text>', 'llms-txt, llms-full, agents: the title (default: the config\'s `title`, else the --home document\'s title, else index.md\'s or README.md\'s, else the folder name)')
    .option('--summary <text>', 'llms-txt, llms-full, agents: the one-line summary')
    .option('--capsule <name>', 'bundles: select this capsule (repeatable; the order is kept)', collect, [])
    .option('--document <path>', 'bundles: select the capsules of this document (repeatable)', collect, [])
    .option('--tag <tag>', 'bundles: select capsules of documents with this tag (repeatable)', collect, [])
    .option('--category <name>', 'bundles: select capsules of documents in this category (repeatable)', collect, [])
    .option('--audience <name>', 'bundles: select capsules of documents for this audience (repeatable)', collect, [])
    .option('--depth <steps>', 'bundles: also include capsules this many SeeAlso steps away (default 0)')
    .option('--budget <tokens>', 'bundles: the most tokens the output may take')
    .addOption(new Option('--encoding <name>', 'bundles: the tokenizer encoding the budget counts in (default o200k_base)').choices(encodingNames))
    .option('-c, --config <file>', 'use this configuration file instead of looking for one')
    .option('--no-config', 'use no configuration file')
    .option('--no-cache', 'parse every document again instead of reusing cached results')
    .action(async (paths: string[], options: ExportCommandOptions) => {
      checkApplicable(options);
      const { config, load, scan, whole } = await readingCorpus(paths, io, { config: options.config, cache: options.cache });
      // An llms.txt of a docs site of MDX pages would list its few .md files as if they were all.
      if (config.include === undefined) noteLeftOutPages(whole.scan, config.file, io, 'export');
      if (options.out !== undefined) {
        refuseWritingIntoCorpus(resolve(io.cwd, options.out), options.out, { ...whole, root: whole.scan.root }, outWords);
        refuseWritingOverSettings(resolve(io.cwd, options.out), options.out, config, outWords);
      }
      const cache = load.cache ?? false;
      const exportOptions: ExportOptions = {
        format: options.format,
        rootName: basename(scan.root),
        // The configuration's title names the configured corpus, not a folder beside it read as
        // a corpus of its own.
        title: options.title ?? (resolve(scan.root) === resolve(config.root) ? config.title : undefined),
        summary: options.summary,
        baseUrl: options.baseUrl,
        home: options.home,
        // Relative links (and the agents file's source paths) are written from where the file
        // is read: the folder of `--out`, else the current folder standard output is
        // redirected in.
        ...(options.baseUrl === undefined
          ? { rootFromOutput: relative(options.out === undefined ? io.cwd : dirname(resolve(io.cwd, options.out)), scan.root).split(sep).join('/') }
          : {}),
        selection: {
          capsules: options.capsule,
          documents: options.document,
          tags: options.tag,
          categories: options.category,
          audiences: options.audience,
          depth: wholeNumber(options.depth, '--depth', 0) ?? 0,
        },
        budget: wholeNumber(options.budget, '--budget', 1),
        encoding: options.encoding,
      };
      const output = await replayedOutput(
        cache,
        `export-${options.format}`,
        { packages: ['@capsule-docs/export', '@capsule-docs/graph', 'remark-capsules'], exportOptions, limits: scan.limits, corpus: scan.fingerprint },
        async () => {
          const { graph } = await loadGraph({ ...load, summarize: !needsWholeModels(options.format) }, scan);
          const result = await reportingExportErrors(() => exportCorpus(graph, exportOptions));
          const report = result.bundle && result.bundle.bundle.budget !== undefined ? budgetReport(result.bundle) : '';
          return { stdout: result.output, stderr: report };
        },
      );
      await keepScanIndex(scan);
      if (options.out === undefined) io.stdout(output.stdout);
      else await reportingExportErrors(() => writeFileAtomic(resolve(io.cwd, options.out!), output.stdout));
      if (output.stderr !== '') io.stderr(output.stderr);
    });
}

function checkApplicable(options: ExportCommandOptions): void {
  for (const { option, flag, formats, which } of onlyFor) {
    const value = options[option];
    const given = Array.isArray(value) ? value.length > 0 : value !== undefined;
    if (given && !formats(options.format)) {
      throw new UsageError(`${flag} does not apply to --format ${options.format}`, `It applies to ${which}.`);
    }
  }
}

function wholeNumber(text: string | undefined, flag: string, minimum: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (/^\d+$/.test(text.trim()) && !Number.isSafeInteger(value)) {
    throw new UsageError(`${flag} must be at most ${Number.MAX_SAFE_INTEGER}, not \`${text}\``);
  }
  if (!/^\d+$/.test(text.trim()) || value < minimum) {
    throw new UsageError(`${flag} must be a whole number${minimum > 0 ? ` of at least ${minimum}` : ''}, not \`${text}\``);
  }
  return value;
}

/** What the bundle took of its budget and what it left out, for standard error. */
function budgetReport(result: BundleResult): string {
  const { bundle, tokens } = result;
  const lines = [`capsule: the bundle takes ${tokens} of ${bundle.budget} tokens (${bundle.encoding})`];
  if (bundle.leftOut) {
    lines.push(`capsule: left out to fit the budget: ${bundle.leftOut.tokens} tokens`);
    const lists = [
      ['capsules', bundle.leftOut.capsules],
      ['examples', bundle.leftOut.examples],
      ['depth', bundle.leftOut.depth],
      ['extra parts', bundle.leftOut.extras],
    ] as const;
    for (const [label, names] of lists) if (names.length > 0) lines.push(`  ${label} (${names.length}): ${names.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

async function reportingExportErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BudgetError) throw new UnmetRequestError(error.message, error.hint);
    if (error instanceof ExportError) throw new UsageError(error.message, error.hint);
    throw error;
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
