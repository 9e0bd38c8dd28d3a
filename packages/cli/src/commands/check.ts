/**
 * `capsule check [paths...]`: lint a corpus and report the findings. References resolve
 * across the whole corpus; given paths only narrow what is reported (to them and to the
 * documents their change broke, see `blastRadius`), and with a warm cache only the documents
 * those findings depend on are loaded (see `CorpusNeighbourhoods`). Exit 0 when clean, 1 on
 * errors or too many warnings, 2 on a usage or configuration problem.
 */
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  CorpusNeighbourhoods,
  documentsAround,
  documentsTouching,
  documentText,
  loadGraph,
  presetNames,
  resolveCorpus,
  scanCorpus,
  scannedBytes,
  toPosix,
  type CorpusScan,
  type KnowledgeGraph,
} from '@capsule-docs/graph';
import { blastRadius, type LintResult } from '@capsule-docs/lint';
import { Option, type Command } from 'commander';
import { fixUntilStable } from '../check/fix-loop.js';
import { analyzerFor, lint, lintOptionsFrom } from '../check/lint-settings.js';
import { checkReplay, storedResult, toStored } from '../check/stored-findings.js';
import { colorEnabled } from '../color.js';
import { noteUnreadableFolders, selectDocuments } from '../corpus-args.js';
import { describeFindings } from '../finding-descriptions.js';
import { gitReader } from '../git.js';
import { exitCodes, UsageError, type Io } from '../io.js';
import { namesBefore } from '../names-before.js';
import { plural } from '../plural.js';
import { createProgress } from '../progress.js';
import { countLevels, formatNames, levelOf, reporters, type FileResult, type FormatName } from '../reporters/index.js';
import { disposeSnapshot, inSnapshot, stagedSnapshot, type StagedSnapshot } from '../staged.js';
import { version } from '../version.js';

interface CheckOptions {
  config?: string | false;
  root?: string;
  format: string;
  preset?: string;
  rule?: string[];
  quiet?: boolean;
  maxWarnings?: string;
  fix?: boolean;
  cache: boolean;
  skipOutsideCorpus?: boolean;
  staged?: boolean;
}

export function registerCheck(program: Command, io: Io): void {
  program
    .command('check')
    .description('check a corpus: references, capsule structure, frontmatter, checklists')
    .argument('[paths...]', 'documents or folders to report on (default: the whole corpus)')
    .option('-c, --config <file>', 'use this configuration file instead of looking for one')
    .option('--no-config', 'use no configuration file')
    .option('--root <folder>', 'the corpus root (default: from the configuration, else the working directory)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames).default('stylish'))
    .addOption(new Option('--preset <preset>', 'the rule set to start from').choices([...presetNames]))
    .option('--rule <id:severity>', 'set one rule\'s severity (repeatable)', collect)
    .option('-q, --quiet', 'report errors only; warnings neither show nor count')
    .option('--max-warnings <count>', 'fail (exit 1) when there are more warnings than this')
    .option('--fix', 'apply safe fixes to the reported documents, then report what remains')
    .option('--no-cache', 'parse every document again instead of reusing cached results')
    .option('--skip-outside-corpus', 'leave out given paths that are not documents of the corpus instead of refusing them (for hooks)')
    .option('--staged', 'check the commit git will make: the staged text of every file, and the documents it adds, changes, renames or deletes')
    .action(async (paths: string[], options: CheckOptions, command: Command) => {
      const exitCode = await runCheck(paths, options, io);
      (command.parent?.getOptionValue('setExitCode') as ((code: number) => void) | undefined)?.(exitCode);
    });
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

async function runCheck(paths: string[], options: CheckOptions, io: Io): Promise<number> {
  if (!options.staged) return checkCorpus(paths, options, io, undefined);
  if (paths.length > 0) throw new UsageError('`--staged` takes the paths from git; give no paths with it');
  if (options.fix) {
    throw new UsageError('`--staged` checks the commit as staged, which `--fix` cannot change', 'Run `capsule check --fix` on the files, then stage them.');
  }
  const snapshot = stagedSnapshot(io.cwd);
  try {
    return await checkCorpus([], { ...options, skipOutsideCorpus: true }, io, snapshot);
  } finally {
    disposeSnapshot(snapshot);
  }
}

/**
 * Check the corpus the configuration names. With a staged snapshot, its files are read from
 * the snapshot and the documents the commit touches are the given ones; places are still
 * shown, and HEAD still read, in the repository itself.
 */
async function checkCorpus(paths: string[], options: CheckOptions, io: Io, snapshot: StagedSnapshot | undefined): Promise<number> {
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const choice = resolveCorpus({ cwd: io.cwd, config: options.config, paths, root: options.root, cache: options.cache, env: io.env });
  const { config } = choice;
  /** Where findings are shown and HEAD is read: the corpus in the working tree. */
  const shownRoot = choice.load.root;
  if (!existsSync(shownRoot) || !statSync(shownRoot).isDirectory()) {
    throw new UsageError(`The corpus root \`${options.root ?? shownRoot}\` is not a folder`);
  }
  const source = snapshot
    ? { ...choice.load, root: inSnapshot(snapshot, shownRoot), repositoryRoot: snapshot.folder }
    : choice.load;
  const givenPaths = snapshot ? snapshot.changed.map((path) => join(snapshot.folder, path)) : choice.paths;
  /** Where files are read. */
  const root = source.root;
  const lintOptions = lintOptionsFrom(config, options);
  const git = gitReader(shownRoot);

  const progress = createProgress(io);
  const cache = choice.load.cache ?? false;
  // Models are reduced to their cross-file summaries: the document rules run beside the
  // parse (on worker threads, cached with it), the corpus rules read only summaries.
  const loadOptions = {
    ...source,
    summarize: true,
    analyzer: analyzerFor(lintOptions),
    ...(progress ? { onProgress: progress.onProgress } : {}),
  };
  const debug = (line: string) => {
    if (io.env['CAPSULE_DEBUG']) io.stderr(`capsule: ${line}\n`);
  };
  const load = async (scan?: CorpusScan) => {
    const { corpus, graph } = await loadGraph(loadOptions, scan);
    progress?.finish();
    debug(`parsed ${corpus.stats.parsed} of ${corpus.documents.length} documents`);
    return graph;
  };
  const scan = await scanCorpus(loadOptions);
  noteUnreadableFolders(scan, io);
  // A path that no longer exists but did at HEAD is a deleted document: its references matter all the same.
  const selection =
    givenPaths.length === 0 && !snapshot ? undefined : { given: selectDocuments(givenPaths, io.cwd, scan, loadOptions, {
          existedAtHead: (path) => git.show('HEAD', path) !== undefined,
          skipOthers: options.skipOutsideCorpus,
        }),
      };
  // Names the given documents had at HEAD: renaming or removing one breaks its referrers.
  let before: string[] | undefined;
  const namesAtHead = (given: string[]) => (before ??= namesBefore(given, git));
  const check = (current: KnowledgeGraph) =>
    lint(current, { ...lintOptions, report: selection ? blastRadius(current, selection.given, namesAtHead(selection.given)) : undefined, git });

  // Nothing changed since the last check with these settings: its findings stand. A fix
  // always runs the rules, as it writes files.
  const replay = cache && !options.fix ? checkReplay(cache.dir, lintOptions, scan, git, selection?.given) : undefined;
  let graph: KnowledgeGraph | undefined;
  let result = replay && storedResult(replay.results.get(replay.key)?.text);
  // When the change reaches most of a large corpus, one graph of it all is cheaper than two of parts.
  const worthNarrowing = (documents: number) => documents <= 1000 || documents * 2 <= scan.paths.length;
  // A commit that touches no document leaves every finding as it was: nothing to report.
  if (!result && snapshot && selection?.given.length === 0) result = { files: [] };
  // The corpus index describes the working tree, not a snapshot of the index.
  if (!result && selection && cache && !options.fix && !snapshot && worthNarrowing(selection.given.length)) {
    // A few documents: load only what their check reads, when the corpus index can tell it.
    const names = namesAtHead(selection.given);
    const neighbourhoods = await CorpusNeighbourhoods.open(loadOptions, scan);
    progress?.finish();
    if (neighbourhoods) debug(`parsed ${neighbourhoods.parsed} documents for their cross-file keys`);
    const touching = neighbourhoods && documentsTouching(neighbourhoods.keys, { paths: selection.given, names });
    if (neighbourhoods && touching && worthNarrowing(touching.size)) {
      const report = blastRadius(await neighbourhoods.graph(touching), selection.given, names);
      const around = documentsAround(neighbourhoods.keys, report);
      // Never more than a whole load would read, and usually a small part of it.
      graph = await neighbourhoods.graph(around);
      result = lint(graph, { ...lintOptions, report, git });
      replay?.results.set(replay.key, JSON.stringify(toStored(result)));
      debug(`loaded ${touching.size} then ${around.size} of ${scan.paths.length} documents`);
      await neighbourhoods.save();
    } else {
      // Keep the parses it made for the whole load that follows, which reads them from the cache.
      await neighbourhoods?.save();
    }
  }
  if (!result) {
    graph = await load(scan);
    result = check(graph);
    if (options.fix) ({ graph, result } = await fixUntilStable(graph, result, { root, cwd: io.cwd, load: () => load(), check, io }));
    replay?.results.set(replay.key, JSON.stringify(toStored(result)));
  }
  return reportFindings(result, graph, scan, { options, io, shownRoot, docsUrl: config.docsUrl, maxWarnings });
}

/** Print the findings in the chosen format; the exit code they make. */
function reportFindings(
  result: LintResult,
  graph: KnowledgeGraph | undefined,
  scan: CorpusScan,
  { options, io, shownRoot, docsUrl, maxWarnings }: { options: CheckOptions; io: Io; shownRoot: string; docsUrl: string | undefined; maxWarnings: number | undefined },
): number {
  // A replayed result has no graph: the texts shown beside findings come from the scan.
  const scanned = graph ? undefined : new Map(scan.paths.map((path, index) => [path, index]));
  const textOf = (path: string) => (graph ? graph.document(path)?.text : scannedText(scan, scanned!.get(path)));

  const files: FileResult[] = result.files.map(({ path, messages }) => ({
    path,
    displayPath: displayPathOf(io.cwd, join(shownRoot, path)),
    absolutePath: join(shownRoot, path),
    messages: options.quiet ? messages.filter((message) => levelOf(message) === 'error') : messages,
    source: textOf(path),
  }));
  const format = options.format as FormatName;
  io.stdout(
    reporters[format]({
      files,
      rules: describeFindings(docsUrl),
      color: colorEnabled(io.env, io.stdoutIsTTY),
      toolVersion: version,
      cwd: io.cwd,
      ...(docsUrl ? { informationUri: docsUrl } : {}),
    }),
  );

  const counts = countLevels(files);
  if (counts.error > 0) return exitCodes.findings;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) {
    io.stderr(`capsule: ${plural(counts.warning, 'warning')}, more than the ${maxWarnings} that --max-warnings allows\n`);
    return exitCodes.findings;
  }
  return exitCodes.ok;
}

function parseMaxWarnings(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings takes a whole number of warnings, not \`${text}\``);
  return Number(text);
}

/** The text the scan's document at `index` carries, as its parse would. */
function scannedText(scan: CorpusScan, index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  const read = scannedBytes(scan, index);
  return read instanceof Uint8Array ? documentText(read, scan.limits) : read.text;
}

function displayPathOf(cwd: string, absolute: string): string {
  return toPosix(relative(cwd, absolute));
}
