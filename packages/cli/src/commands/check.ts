/**
 * `capsule check [paths...]`: lint a corpus and report the findings. References resolve
 * across the whole corpus; given paths only narrow what is reported (to them and to the
 * documents their change broke, see `blastRadius`), and with a warm cache only the documents
 * those findings depend on are loaded (see `CorpusNeighbourhoods`). Exit 0 when clean, 1 on
 * errors or too many warnings, 2 on a usage or configuration problem.
 */
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  CorpusNeighbourhoods,
  documentsAround,
  documentsTouching,
  documentText,
  isInside,
  keepScanIndex,
  loadGraph,
  readDocument,
  presetNames,
  resolveCorpus,
  scanCorpus,
  scannedBytes,
  severities,
  toPosix,
  type CorpusScan,
  type KnowledgeGraph,
  type LoadOptions,
  type ResolvedCorpus,
} from '@capsule-docs/graph';
import { blastRadius, type FormerDefinition, type LintOptions, type LintResult } from '@capsule-docs/lint';
import { Option, type Command } from 'commander';
import { fixUntilStable } from '../check/fix-loop.js';
import { analyzerFor, lint, lintOptionsFrom } from '../check/lint-settings.js';
import { checkReplay, recordIgnoredHere, stillHere, storedResult, toStored } from '../check/stored-findings.js';
import { colorEnabled } from '../color.js';
import { noteLeftOutPages, noteNothingIncluded, noteUnreadableFolders, selectDocuments } from '../corpus-args.js';
import { describeFindings } from '../finding-descriptions.js';
import { gitReader, type GitReader } from '../git.js';
import { exitCodes, UsageError, type Io } from '../io.js';
import { anchorsBefore, namesBefore } from '../names-before.js';
import { refuseWritingIntoCorpus, refuseWritingOverSettings, type OutputWords } from '../output-target.js';
import { plural } from '../plural.js';
import { createProgress } from '../progress.js';
import { writeReport } from '../report-file.js';
import { reportTargets, type ReportTarget } from '../report-targets.js';
import { countLevels, formatNames, leftOutMessage, levelOf, reporters, sarifResultLimit, type FileResult, type FormatName } from '../reporters/index.js';
import { disposeSnapshot, inSnapshot, isKept, keptSnapshots, stagedSnapshot, type StagedSnapshot } from '../staged.js';
import { version } from '../version.js';

interface CheckOptions {
  config?: string | false;
  root?: string;
  format: string;
  preset?: string;
  rule?: string[];
  reportUnusedDisableDirectives?: boolean;
  reportUnusedDisableDirectivesSeverity?: string;
  quiet?: boolean;
  maxWarnings?: string;
  fix?: boolean;
  cache: boolean;
  skipOutsideCorpus?: boolean;
  staged?: boolean;
  outputFile?: string;
  report?: string[];
  stdin?: boolean;
  stdinFilename?: string;
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
    .option('-o, --output-file <file>', 'write the report to this file (atomically) instead of standard output')
    .option('--report <format=file>', 'also write a report in another format to a file, from the same check (repeatable): --report sarif=capsule.sarif', collect)
    .addOption(new Option('--preset <preset>', 'the rule set to start from').choices([...presetNames]))
    .option('--rule <id:severity>', 'set one rule\'s severity (repeatable)', collect)
    .option('--report-unused-disable-directives', 'report disable comments that turn nothing off as errors')
    .addOption(new Option('--report-unused-disable-directives-severity <severity>', 'the severity of a disable comment that turns nothing off (default: the configuration\'s, else warn)').choices(severities))
    .option('-q, --quiet', 'report errors only; warnings neither show nor count')
    .option('--max-warnings <count>', 'fail (exit 1) when there are more warnings than this')
    .option('--fix', 'apply safe fixes to the reported documents, then report what remains')
    .option('--no-cache', 'parse every document again instead of reusing cached results')
    .option('--skip-outside-corpus', 'leave out given paths that are not documents of the corpus instead of refusing them (for hooks)')
    .option('--staged', 'check the commit git will make: the staged text of every file, and the documents it adds, changes, renames or deletes')
    .option('--stdin', 'check the text on standard input as the document --stdin-filename names, in place of the file (for editors)')
    .option('--stdin-filename <file>', 'the document the text on standard input stands for')
    .action(async (paths: string[], options: CheckOptions, command: Command) => {
      const exitCode = await runCheck(paths, options, io);
      (command.parent?.getOptionValue('setExitCode') as ((code: number) => void) | undefined)?.(exitCode);
    });
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

async function runCheck(paths: string[], options: CheckOptions, io: Io): Promise<number> {
  // Refused before anything is read: an unknown format, a folder, two reports to one file.
  reportTargets(options, io.cwd);
  if (options.stdin || options.stdinFilename !== undefined) return checkStdin(paths, options, io);
  if (!options.staged) return checkCorpus(paths, options, io, undefined);
  if (paths.length > 0) throw new UsageError('`--staged` takes the paths from git; give no paths with it');
  if (options.fix) {
    throw new UsageError('`--staged` checks the commit as staged, which `--fix` cannot change', 'Run `capsule check --fix` on the files, then stage them.');
  }
  // Kept between runs, as the parse cache is, unless the cache is turned off.
  const snapshot = stagedSnapshot(io.cwd, options.cache === false ? undefined : keptSnapshots(io.env));
  try {
    return await checkCorpus([], { ...options, skipOutsideCorpus: true }, io, snapshot);
  } finally {
    disposeSnapshot(snapshot);
  }
}

/**
 * Check a document's text given on standard input, as an editor passes a buffer not yet
 * saved: the corpus is read from disk, that one document from the input, and only its
 * findings are reported (as ESLint's `--stdin` does).
 */
async function checkStdin(paths: string[], options: CheckOptions, io: Io): Promise<number> {
  const usage = 'Give the document\'s path with --stdin-filename and its text on standard input, with no other path.';
  if (!options.stdin) throw new UsageError('`--stdin-filename` names the document `--stdin` reads', 'Add --stdin.');
  if (options.stdinFilename === undefined) throw new UsageError('`--stdin` needs `--stdin-filename`: a document\'s links are read from where it stands', usage);
  if (paths.length > 0) throw new UsageError('`--stdin` checks the one document on standard input; give no paths with it', usage);
  if (options.staged) throw new UsageError('`--stdin` and `--staged` cannot be used together', usage);
  if (options.fix) throw new UsageError('`--stdin` has no file to fix', 'Save the document, then run `capsule check --fix` on it.');
  if (!io.readStdin) throw new UsageError('Standard input cannot be read here');
  const text = await io.readStdin();
  return checkCorpus([options.stdinFilename], options, io, undefined, text);
}

/**
 * Check the corpus the configuration names. With a staged snapshot, its files are read from
 * the snapshot and the documents the commit touches are the given ones; places are still
 * shown, and HEAD still read, in the repository itself.
 */
async function checkCorpus(paths: string[], options: CheckOptions, io: Io, snapshot: StagedSnapshot | undefined, stdinText?: Uint8Array): Promise<number> {
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const target = checkTarget(paths, options, io, snapshot);
  const lintOptions = lintOptionsFrom(target.config, options);
  const git = gitReader(target.shownRoot, { staged: snapshot !== undefined });
  const progress = createProgress(io);
  const loadOptions = checkLoadOptions(target.source, lintOptions, progress);
  const scan = await scanCorpus(loadOptions);
  noteUnreadableFolders(scan, io);
  if (target.config.include === undefined && !snapshot) noteLeftOutPages(scan, target.config.file, io);
  if (target.config.include !== undefined && !snapshot && target.givenPaths.length === 0) noteNothingIncluded(scan, target.config.include, io);
  const reports = reportTargets(options, io.cwd);
  for (const { file, flag } of reports) {
    if (file === undefined) continue;
    // Refused before any document is checked: the report would replace one, or the configuration.
    const written = resolve(io.cwd, file);
    const words = { ...reportWords, flag: flag.trimEnd() };
    refuseWritingIntoCorpus(written, file, { root: target.shownRoot, load: loadOptions, scan }, words);
    refuseWritingOverSettings(written, file, target.config, words);
  }
  // A path that no longer exists but did at HEAD is a deleted document: its references matter all the same.
  const selected =
    target.givenPaths.length === 0 && !snapshot
      ? undefined
      : selectDocuments(target.givenPaths, io.cwd, scan, loadOptions, {
          existedAtHead: (path) => git.show('HEAD', path) !== undefined,
          skipOthers: options.skipOutsideCorpus,
        });
  // A staged snapshot names both sides of a rename itself; given files name the new side only.
  const given = selected && !snapshot && !stdinText ? withFormerPaths(selected, git, scan) : selected;
  // Names the given documents had at HEAD: renaming or removing one breaks its referrers.
  let before: FormerDefinition[] | undefined;
  let anchors: Map<string, Set<string>> | undefined;
  const run: CheckRun = {
    options,
    io,
    snapshot,
    cache: target.cache,
    root: target.source.root,
    loadOptions,
    lintOptions,
    git,
    scan,
    given,
    stdin: stdinText && given?.length === 1 ? { path: given[0]!, text: stdinText } : undefined,
    namesAtHead: (documents) => (before ??= namesBefore(documents, git)),
    anchorsAtHead: (documents) => (anchors ??= anchorsBefore(documents, git)),
    progress,
    debug: (line) => {
      if (io.env['CAPSULE_DEBUG']) io.stderr(`capsule: ${line}\n`);
    },
  };
  const { result, graph } = await findingsOf(run);
  await keepScanIndex(scan);
  return reportFindings(result, graph, scan, { options, reports, io, shownRoot: target.shownRoot, docsUrl: target.config.docsUrl, maxWarnings });
}

/**
 * The given documents, and the paths those git sees renamed had at HEAD: a hook passes the
 * files a commit adds, changes or renames, never the ones it deletes, so a document renamed
 * (`git mv risks.md risk-notes.md`) comes as its new path alone, and the names and anchors it
 * took away from the old one would go unseen. The old path counts as a deleted document, as
 * when it is given.
 */
function withFormerPaths(given: string[], git: GitReader, scan: CorpusScan): string[] {
  const known = new Set(scan.paths);
  const renamed = [...(git.renamedSince('HEAD') ?? [])].filter(([before]) => !known.has(before) && !given.includes(before));
  if (renamed.length === 0) return given;
  const givenSet = new Set(given);
  const former = renamed.filter(([, after]) => givenSet.has(after)).map(([before]) => before);
  return former.length === 0 ? given : [...given, ...former];
}

const reportWords: OutputWords = { command: 'check', product: 'report', flag: '--output-file' };

/** What a check reads: the corpus the configuration names, or the staged snapshot of it. */
interface CheckTarget {
  config: ResolvedCorpus['config'];
  /** Where findings are shown and HEAD is read: the corpus in the working tree. */
  shownRoot: string;
  /** How to load it, from the snapshot when there is one. */
  source: LoadOptions;
  /** The paths given on the command line, or the files the commit changes. */
  givenPaths: string[];
  cache: { dir: string } | false;
}

function checkTarget(paths: string[], options: CheckOptions, io: Io, snapshot: StagedSnapshot | undefined): CheckTarget {
  const choice = resolveCorpus({ cwd: io.cwd, config: options.config, paths, root: options.root, cache: options.cache, env: io.env });
  const shownRoot = choice.load.root;
  if (!existsSync(shownRoot) || !statSync(shownRoot).isDirectory()) {
    throw new UsageError(`The corpus root \`${options.root ?? shownRoot}\` is not a folder`);
  }
  return {
    config: choice.config,
    shownRoot,
    // A snapshot kept between runs has a corpus index of its own; one made for this run alone stays out of the index.
    source: snapshot
      ? { ...choice.load, root: inSnapshot(snapshot, shownRoot), repositoryRoot: snapshot.folder, cache: choice.load.cache && snapshotCache(choice.load.cache, snapshot) }
      : choice.load,
    givenPaths: snapshot ? snapshot.changed.map((path) => join(snapshot.folder, path)) : choice.paths,
    cache: choice.load.cache ?? false,
  };
}

/**
 * The cache of a staged check: the parse cache is the working tree's, and the corpus index one
 * of the snapshot's own when it is kept between runs (none for one made for this run alone).
 */
function snapshotCache(cache: { dir: string }, snapshot: StagedSnapshot): LoadOptions['cache'] {
  return isKept(snapshot) ? { ...cache, indexApart: 'staged' } : { ...cache, corpusIndex: false };
}

/**
 * How a check loads: models reduced to their cross-file summaries, as the document rules run
 * beside the parse (on worker threads, cached with it) and the corpus rules read only summaries.
 */
function checkLoadOptions(source: LoadOptions, lintOptions: LintOptions, progress: Progress | undefined): LoadOptions {
  return {
    ...source,
    summarize: true,
    analyzer: analyzerFor(lintOptions),
    ...(progress ? { onProgress: progress.onProgress } : {}),
  };
}

type Progress = NonNullable<ReturnType<typeof createProgress>>;

/** Everything one check run works from, once the corpus is scanned. */
interface CheckRun {
  options: CheckOptions;
  io: Io;
  snapshot: StagedSnapshot | undefined;
  cache: { dir: string } | false;
  /** Where files are read. */
  root: string;
  loadOptions: LoadOptions;
  lintOptions: LintOptions;
  git: GitReader;
  scan: CorpusScan;
  /** The documents to report on; undefined for the whole corpus. */
  given: string[] | undefined;
  /** The document whose text came on standard input (`--stdin`), the only one reported. */
  stdin: { path: string; text: Uint8Array } | undefined;
  namesAtHead: (given: string[]) => FormerDefinition[];
  /** The anchors the given documents had at HEAD, by path (see `anchorsBefore`). */
  anchorsAtHead: (given: string[]) => Map<string, Set<string>>;
  progress: Progress | undefined;
  debug: (line: string) => void;
}

/**
 * The findings, by the cheapest way that gives the same ones: replayed, nothing for a commit
 * that touches no document, the neighbourhoods of a few documents, else the whole corpus.
 */
async function findingsOf(run: CheckRun): Promise<{ result: LintResult; graph: KnowledgeGraph | undefined }> {
  const { options, cache, scan, given, snapshot } = run;
  // Neither replayed nor kept: the result is of a text no file holds.
  if (run.stdin) return stdinCheck(run, run.stdin);
  if (given?.length === 0 && options.stdin) return { result: { files: [] }, graph: undefined };
  // Nothing changed since the last check with these settings: its findings stand. A fix
  // always runs the rules, as it writes files.
  const replay = cache && !options.fix ? checkReplay(cache.dir, run.lintOptions, scan, run.git, given) : undefined;
  const stored = replay?.results.get(replay.key);
  const replayed = stored && stillHere(stored.facts, scan) && storedResult(stored.text);
  if (replayed) return { result: replayed, graph: undefined };
  const askedIgnored = recordIgnoredHere(scan);
  // A commit that touches no document leaves every finding as it was: nothing to report.
  if (snapshot && given?.length === 0) return { result: { files: [] }, graph: undefined };
  // Narrowing asks the corpus index, which a snapshot made for this run alone has none of.
  const indexed = !snapshot || isKept(snapshot);
  const narrowed = given && cache && !options.fix && indexed && worthNarrowing(given.length, scan) ? await narrowedCheck(run, given) : undefined;
  const checked = narrowed ?? (await wholeCheck(run));
  replay?.results.set(replay.key, JSON.stringify(toStored(checked.result)), { ignoredHere: Object.fromEntries(askedIgnored) });
  return checked;
}

/** When the change reaches most of a large corpus, one graph of it all is cheaper than two of parts. */
function worthNarrowing(documents: number, scan: CorpusScan): boolean {
  return documents <= 1000 || documents * 2 <= scan.paths.length;
}

/**
 * A check of a few documents that loads only what it reads, when the corpus index can tell
 * it (see `CorpusNeighbourhoods`); undefined when it cannot, or the change reaches too far.
 */
async function narrowedCheck(run: CheckRun, given: string[]): Promise<{ result: LintResult; graph: KnowledgeGraph } | undefined> {
  const { scan, debug } = run;
  const formerDefinitions = run.namesAtHead(given);
  const names = formerDefinitions.map((definition) => definition.name);
  const neighbourhoods = await CorpusNeighbourhoods.open(run.loadOptions, scan);
  run.progress?.finish();
  if (!neighbourhoods) return undefined;
  debug(`parsed ${neighbourhoods.parsed} documents for their cross-file keys`);
  const touching = documentsTouching(neighbourhoods.keys, { paths: given, names, links: scan.symlinkTargets });
  if (!worthNarrowing(touching.size, scan)) {
    // Keep the parses it made for the whole load that follows, which reads them from the cache.
    await neighbourhoods.save();
    return undefined;
  }
  const report = blastRadius(await neighbourhoods.graph(touching), given, names, run.anchorsAtHead(given));
  const around = documentsAround(neighbourhoods.keys, report);
  // Never more than a whole load would read, and usually a small part of it.
  let graph = await neighbourhoods.graph(around);
  // A page a reported document links to by its site's route (`nodes#agentnode`), which the
  // keys name as no file: loaded too, so that the link's anchor is checked against its headings.
  const reached = reachedUnloaded(graph, report, neighbourhoods.keys);
  if (reached.length > 0) graph = await neighbourhoods.graph([...around, ...reached]);
  const result = lint(graph, { ...run.lintOptions, report, formerDefinitions, git: run.git });
  debug(`loaded ${touching.size} then ${around.size + reached.length} of ${scan.paths.length} documents`);
  await neighbourhoods.save();
  return { result, graph };
}

/** The documents that links of the reported documents reach but the graph did not load. */
function reachedUnloaded(graph: KnowledgeGraph, report: ReadonlySet<string>, documents: ReadonlyMap<string, unknown>): string[] {
  const reached = new Set<string>();
  for (const path of report) {
    for (const edge of graph.edgesIn(path)) {
      const to = edge.toDocument;
      if (to !== undefined && edge.status === 'resolved' && graph.document(to) === undefined && documents.has(to)) reached.add(to);
    }
  }
  return [...reached];
}

/** The corpus as on disk but for the document on standard input, reported alone. */
async function stdinCheck(run: CheckRun, stdin: { path: string; text: Uint8Array }): Promise<{ result: LintResult; graph: KnowledgeGraph }> {
  const { graph } = await loadGraph(run.loadOptions, run.scan);
  run.progress?.finish();
  graph.replaceDocuments([readDocument(stdin.path, stdin.text, { limits: run.loadOptions.limits })]);
  return { result: lint(graph, { ...run.lintOptions, report: [stdin.path], git: run.git }), graph };
}

/** A check of the whole corpus (reporting on the given documents, if any), fixing first with `--fix`. */
async function wholeCheck(run: CheckRun): Promise<{ result: LintResult; graph: KnowledgeGraph }> {
  const { lintOptions, given, git, progress, debug } = run;
  const load = async (scan?: CorpusScan) => {
    const { corpus, graph } = await loadGraph(run.loadOptions, scan);
    progress?.finish();
    debug(`parsed ${corpus.stats.parsed} of ${corpus.documents.length} documents`);
    return graph;
  };
  const check = (current: KnowledgeGraph) =>
    lint(current, given ? { ...lintOptions, ...reportOnChange(current, given, run.namesAtHead(given), run.anchorsAtHead(given)), git } : { ...lintOptions, git });
  const graph = await load(run.scan);
  const result = check(graph);
  if (!run.options.fix) return { result, graph };
  return fixUntilStable(graph, result, { root: run.root, cwd: run.io.cwd, load: () => load(), check, io: run.io });
}

/** What a check of given documents reports on, and the names their change took away. */
function reportOnChange(
  graph: KnowledgeGraph,
  given: readonly string[],
  formerDefinitions: FormerDefinition[],
  formerAnchors: ReadonlyMap<string, ReadonlySet<string>>,
): Pick<LintOptions, 'report' | 'formerDefinitions'> {
  return { report: blastRadius(graph, given, formerDefinitions.map((definition) => definition.name), formerAnchors), formerDefinitions };
}

/**
 * Print the findings in the chosen format, or write them to `--output-file`, and write each
 * `--report` beside it, all from the one result; the exit code they make.
 */
async function reportFindings(
  result: LintResult,
  graph: KnowledgeGraph | undefined,
  scan: CorpusScan,
  {
    options,
    reports,
    io,
    shownRoot,
    docsUrl,
    maxWarnings,
  }: { options: CheckOptions; reports: ReportTarget[]; io: Io; shownRoot: string; docsUrl: string | undefined; maxWarnings: number | undefined },
): Promise<number> {
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
  const rules = describeFindings(docsUrl);
  const repository = () => repositoryTop(shownRoot, scan.rootInRepository);
  const render = (format: FormatName, file: string | undefined) =>
    reporters[format]({
      files,
      rules,
      // A file is read by a CI service or an editor: no colour, whatever the terminal.
      color: file === undefined && colorEnabled(io.env, io.stdoutIsTTY),
      toolVersion: version,
      cwd: io.cwd,
      workspace: workspaceOf(format, io.env, shownRoot, repository),
      ...(docsUrl ? { informationUri: docsUrl } : {}),
    });

  const counts = countLevels(files);
  const found = counts.error + counts.warning + counts.info;
  for (const [index, { format, file, flag }] of reports.entries()) {
    const report = render(format, file);
    if (file === undefined) io.stdout(report);
    else {
      await writeReport(file, io.cwd, report, flag.split(' ')[0]);
      // The first report's line counts the findings, as no report on standard output does then.
      const counted = index === 0 ? `${found === 0 ? 'no problems' : summaryOf(counts)}; ` : '';
      io.stderr(`capsule: ${counted}the ${format} report is in ${file}\n`);
    }
  }
  if (reports.some(({ format }) => format === 'sarif') && found > sarifResultLimit) io.stderr(`capsule: ${leftOutMessage(found)}\n`);
  if (counts.error > 0) return exitCodes.findings;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) {
    io.stderr(`capsule: ${plural(counts.warning, 'warning')}, more than the ${maxWarnings} that --max-warnings allows\n`);
    return exitCodes.findings;
  }
  return exitCodes.ok;
}

/** `3 problems (1 error, 2 warnings)`, as the stylish summary counts them. */
function summaryOf(counts: ReturnType<typeof countLevels>): string {
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info > 0) parts.push(plural(counts.info, 'info', 'infos'));
  return `${plural(counts.error + counts.warning + counts.info, 'problem')} (${parts.join(', ')})`;
}

/**
 * The folder a machine format names files from, where the service reading it places them:
 * GitHub's annotations and code scanning from the job's checkout (`GITHUB_WORKSPACE`); GitLab's
 * Code Quality and test reports from the project's checkout (`CI_PROJECT_DIR`), as JUnit
 * viewers elsewhere do from their checkout; outside a job, the top of the git repository.
 * A checkout that does not hold the corpus (a job checking a repository it cloned beside its
 * own) places none of its files: the top of the corpus's repository does, as outside a job.
 */
function workspaceOf(format: FormatName, env: Io['env'], root: string, repository: () => string | undefined): string | undefined {
  const holding = (folder: string | undefined) => (folder !== undefined && isInside(resolve(folder), root) ? folder : undefined);
  if (format === 'sarif') return holding(env.GITHUB_WORKSPACE) ?? repository();
  if (format === 'gitlab' || format === 'junit') return holding(env.CI_PROJECT_DIR) ?? holding(env.GITHUB_WORKSPACE) ?? repository();
  return env.GITHUB_WORKSPACE;
}

/**
 * The top of the repository holding the corpus, if one does. Code scanning places a SARIF
 * result's file from the top of the repository, whatever folder the check ran in; in a GitHub
 * Actions job the checkout (`GITHUB_WORKSPACE`) says where that is, elsewhere git does.
 */
function repositoryTop(root: string, rootInRepository: string | undefined): string | undefined {
  if (rootInRepository === undefined) return undefined;
  return rootInRepository === '' ? root : resolve(root, ...rootInRepository.split('/').map(() => '..'));
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
