/**
 * link-resolves: relative links reach an existing file or folder of the repository (in the
 * corpus or not) and their `#anchor`s match a heading of the target, when the target is a
 * corpus document. External URLs are not fetched.
 */
import { isPluginCommand } from '../../support/agent-commands.js';
import { anchorMessages, checkAnchor } from '../../support/anchors.js';
import { posix } from 'node:path';
import { decodePath, repositoryPageClimb, resolveCorpusPath, suggestAmong, type Edge, type MachineRepositoryFolder } from '@capsule-docs/graph';
import { isPlaceholderName, isSampleDocument, isTemplated, isTemplatedAnchor, isTestFixture, punctuationAfterImport, type ImportingTool, type Span } from 'remark-capsules';
import { anchorsOf, externalEntryFor, isExternalDocument, pathBoundary } from '../../support/corpus.js';
import { pageNamed, suggestedPath } from '../../support/path-suggestions.js';
import { isSphinxTarget } from '../../support/sphinx-targets.js';
import { isSnapshotTestInput } from '../../support/test-inputs.js';
import { isAgentExample } from '../../support/agent-examples.js';
import type { Rule, RuleContext } from '../../types.js';
import { ruleDocs } from '../../rule-docs.js';

const id = 'link-resolves';

export const linkResolves: Rule = {
  meta: {
    id,
    description: 'Relative links and their anchors reach something that exists',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      'missing-file': 'Link target `{target}` does not exist; fix the path, or list it in `externalDocuments` if it lives elsewhere',
      'sample-closed-early':
        'Link target `{target}` does not exist, and the link is text of the sample opened on line {opened}, which shows as Markdown: the fence on line {closing}, meant to close the one on line {inner}, closed the sample opened on line {causeOpened}, and the fences after it pair wrongly; open and close that sample with {fence}',
      'sample-closed-twice':
        'Link target `{target}` does not exist, and the link is text of the sample opened on line {opened}, which shows as Markdown: the bare fence on line {closing} closed that sample before the same fence on line {meant} that was meant to; if line {closing} is left over, delete it',
      'missing-file-suggest': 'Link target `{target}` does not exist; did you mean `{suggestion}`?',
      'missing-file-renamed': 'Link target `{target}` does not exist: git sees `{file}` renamed to `{renamed}` since {ref}; write `{suggestion}`',
      'missing-file-deleted': 'Link target `{target}` does not exist now: this change deletes `{file}`, which {ref} holds; keep the file, or update this link',
      'missing-image': 'Image `{target}` does not exist, so the page shows its alt text in its place; fix the path, or list it in `externalDocuments` if it lives elsewhere',
      'missing-image-suggest': 'Image `{target}` does not exist, so the page shows its alt text in its place; did you mean `{suggestion}`?',
      'missing-hash': 'Link target `{target}` is no file, but this document has a heading with the anchor `#{target}`; write `#{target}`',
      'missing-scheme': 'Link target `{target}` reads as {kind} written without `{scheme}`, so it is taken for a file; write `{scheme}{target}`',
      'wrapped-address': 'Link target `{target}` is a web address in parentheses of its own, so it is taken for a file; write `{address}`',
      'scheme-without-colon': 'Link target `{target}` is a web address without the colon after `{scheme}`, so it is taken for a file; write `{address}`',
      'link-in-link': 'Link target `{target}` is a whole link, written where its address should be, so it is taken for a file; write `{address}`',
      'home-path': 'Link target `{target}` is in a home folder, on the writer\'s machine only: no clone of the repository holds it; link to a file of the repository, or write the path as code',
      'ignored-file': 'Link target `{target}` is ignored by `.gitignore`, so a clone of the repository does not hold it; commit it, or list it in `externalDocuments` if it is meant to stay local',
      redirected:
        'Link target `{target}` was moved: `{file}` redirects its page to `{url}`, so the link works on the published site but leads to no file in the repository; link to the page it moved to',
      'ignored-missing':
        'Link target `{target}` is not here, and `.gitignore` leaves its path out, so no clone of the repository holds it either; fix the path, commit the file from the machine that has it, or, if a build makes it, list `{entry}` in `externalDocuments`',
      'ignored-page':
        'Link target `{target}` is a page of the site whose file, `{file}`, is not here and `.gitignore` leaves out: a build makes it, so no clone of the repository holds it; list `{entry}` in `externalDocuments`, or fix the path if no build makes it',
      'outside-root': 'Link target `{target}` points outside {boundary}; link to a file inside it',
      'outside-root-climbs':
        'Link target `{target}` points outside {boundary}, climbing more folders than this file is deep; `{corrected}`, with fewer `../`, names the file it most likely meant',
      'repository-page-climbs':
        'Link target `{target}` names the repository\'s `{page}` page on its code host with the wrong number of `../` for this file\'s folder, so it leads out of the repository; write `{corrected}`',
      'machine-path':
        'Link target `{target}` is a path on the writer\'s machine, which no clone of the repository has; write `{relative}`, the path from here to the repository\'s file it names',
      'machine-path-missing':
        'Link target `{target}` is a path on the writer\'s machine, which no clone of the repository has, and the file it names, `{place}`, is not in the repository either; fix the path, and write it from here (`{relative}` for that file)',
      'machine-path-ignored':
        'Link target `{target}` is a path on the writer\'s machine, and the file it names, `{place}`, is one `.gitignore` leaves out, so no clone of the repository holds it; link to a file of the repository, or write the path as code',
      'missing-import': 'Import `@{target}` names no file, so {tool} leaves it out without a word; fix the path, or write it as code if it is not meant to be taken in',
      'missing-import-suggest': 'Import `@{target}` names no file, so {tool} leaves it out without a word; did you mean `@{suggestion}`?',
      'import-punctuation':
        'Import `@{target}` is followed by `{punctuation}`, which {tool} reads as part of the path: it looks for `{written}`, finds no file, and leaves it out without a word; write the import where whitespace follows it (on a line of its own)',
      'line-suffix': 'Link target `{target}` names line {line} of `{file}` as editors write it, but a link takes it whole for a file\'s name; write `{suggestion}`',
      'link-in-definition':
        '`[{label}]:` opens a link reference definition whose target is a link, `{target}`, so every `[{label}]` in the document links to no file; write `\\[{label}]:` if the line was meant as text',
      'placeholder-definition':
        '`{written}` is a link reference definition, which Markdown does not show, whose target, `{target}`, is a blank to fill in, so every `[{label}]` in the document links to no file; write `\\[{label}]:` if the line was meant to show as text',
      'unused-definition':
        '`{written}` is a link reference definition, which Markdown does not show, that nothing links to, and its target does not exist; delete it if it is left over, or write `\\[{label}]:` if the line was meant to show as text',
      ...anchorMessages,
    },
    fixable: false,
    scope: 'corpus',
    docs: ruleDocs(id, 'Relative links reach an existing file or folder of the repository and their anchors a real heading; URLs are left alone.'),
  },
  check(context) {
    // A template or an exemplar links into the files of the project it imagines.
    // So is a test's input beside its snapshots (`tests/format/markdown/link/` holding
    // `__snapshots__/`), a formatter's case: see `isSnapshotTestInput`.
    const snapshotInput = isSnapshotTestInput(context.document.path, context.graph);
    // So is an agent's example of a project it imagines, kept in a skill or a plugin.
    const imagined = isSampleDocument(context.document.path) || snapshotInput || isAgentExample(context.document.path, context.graph);
    // A test's input is made up, its anchors wrong on purpose as often as its paths (a link
    // checker's fixture of broken hashes), and it is no page anyone reads.
    const madeUp = snapshotInput || isTestFixture(context.document.path);
    const definitions = new Map(context.document.model.links.filter((link) => link.definition !== undefined).map((link) => [link.position.start.offset, link]));
    const unusedDefinitions = new Map([...definitions].filter(([, link]) => link.definition === 'unused'));
    const images = new Set(context.document.model.links.filter((link) => link.image).map((link) => link.position.start.offset));
    const terms = termsOf(context.document.text);
    // The folders on the writer's machine that this document's links show the repository in, found when first needed.
    let foundMachineFolders: readonly MachineRepositoryFolder[] | undefined;
    const machineFolders = () => (foundMachineFolders ??= context.graph.machineRepositoryFolders(machinePathsOf(context.edges)));
    const imports = new Map(context.document.model.links.flatMap((link) => (link.import ? [[link.position.start.offset, link.import] as const] : [])));
    for (const edge of context.edges) {
      // A blank in the anchor is one too: `[NNNN](#NNNN)` in a log's first row, not yet written.
      if (edge.kind !== 'links-to' || isTemplated(edge.target) || (edge.anchor !== undefined && isTemplatedAnchor(edge.anchor))) continue;
      const importedBy = imports.get(edge.position.start.offset);
      if (importedBy !== undefined) {
        if (edge.status === 'missing-document' && !imagined && !isExternalDocument(context, context.document.path, edge.target)) reportMissingImport(context, edge, importedBy);
        // A command's prompt has its files found as a typed prompt's are, by another reader.
        else if (edge.status === 'resolved' && !claudeCommand.test(context.document.path)) reportImportPunctuation(context, edge, importedBy);
        continue;
      }
      if (edge.status !== 'resolved' && isTermLink(edge.target, terms)) continue;
      if (imagined && edge.status === 'missing-document') continue;
      if (edge.status !== 'resolved' && isPluginCommand(edge.target)) continue;
      if (edge.status === 'missing-document' && isSphinxTarget(edge.target) && context.graph.isMystPage(context.document.path)) continue;
      if (edge.status === 'resolved') {
        // A definition nothing uses shows nothing: its anchor leads no reader astray.
        if (!unusedDefinitions.has(edge.position.start.offset) && !madeUp) checkAnchor(context, edge);
      } else if (edge.status === 'outside-root') {
        reportOutside(context, edge, machineFolders);
      } else if (edge.status === 'missing-document' && !isExternalDocument(context, context.document.path, edge.target)) {
        // `- [Month 1]: [Milestone]` meant as text: no reader follows it, nor even sees it.
        const unused = unusedDefinitions.get(edge.position.start.offset);
        // A sample's lines a bare fence let out as Markdown: `block-closed` tells the fence, and deleting them would cut the sample.
        if (definitions.has(edge.position.start.offset) && inSampleLetOut(context, edge.position.start.offset)) continue;
        // `[*meetup]: ![a photo](meetup.jpg)`, a term's definition: `[the meetup](*meetup)` shows it.
        if (unused && isTermLink(unused.text, terms) && context.edges.some((other) => other.kind === 'links-to' && other.target === unused.text)) continue;
        // `[FIXME: check the tabs]::` or `[//]: - (a note)`: Markdown's comment idiom, a definition meant to hide text, its target no name of a file.
        if (unused && !/[\p{L}\p{N}]/u.test(edge.target)) continue;
        if (unused) {
          // Quoted as written (`[System.Environment]::Get…` is a definition too), on one line.
          const written = context.document.text.slice(edge.position.start.offset, edge.position.end.offset).replace(/\s+/g, ' ');
          const label = unused.text.replace(/\s+/g, ' ');
          context.report({ messageId: 'unused-definition', data: { written, label }, place: edge.position, severityCap: 'warn' });
        } else if (definitions.has(edge.position.start.offset) && /^\[[^\]]*\]\([^)]*\)/.test(edge.target)) {
          // `[REFERENCE]: [the research](../research/SKILL.md)`: a line of text that made itself a definition.
          const label = definitions.get(edge.position.start.offset)!.text.replace(/\s+/g, ' ');
          context.report({ messageId: 'link-in-definition', data: { label, target: edge.target }, place: edge.position });
        } else if (definitions.has(edge.position.start.offset) && /^\[[^\]\n]+\]$/.test(edge.target)) {
          // `1. [doc1]: [change]` in an agent's output template: a line of blanks that made itself a definition `[doc1]` then uses.
          const written = context.document.text.slice(edge.position.start.offset, edge.position.end.offset).replace(/\s+/g, ' ');
          const label = definitions.get(edge.position.start.offset)!.text.replace(/\s+/g, ' ');
          context.report({ messageId: 'placeholder-definition', data: { written, label, target: edge.target }, place: edge.position });
        } else if (!reportMachinePath(context, edge, inMachineFolder(edge.target), machineFolders)) {
          reportMissingFile(context, edge.target, edge.position, edge.anchor, images.has(edge.position.start.offset));
        }
      }
    }
  },
};

/**
 * The terms a page defines as YFM (Diplodoc) writes them, `[*api]: Application programming
 * interface`: a link to `*api` shows that definition, and names no file.
 */
function termsOf(text: string): Set<string> {
  return new Set([...text.matchAll(/^ {0,3}\[\*([^\]\n]+)\]:/gm)].map((match) => match[1]!));
}

/** Whether a link's target (`*api`) is one of the page's terms. */
function isTermLink(target: string, terms: ReadonlySet<string>): boolean {
  return target.startsWith('*') && terms.has(target.slice(1));
}

/** Whether an offset lies between a sample's bare fence that closed it early and the fence that opened a block in its place (see `MisnestedFence.bareInner`). */
function inSampleLetOut(context: RuleContext, offset: number): boolean {
  const misnested = context.document.model.misnestedFence;
  return misnested?.bareInner === true && offset > misnested.closing.end.offset && offset < misnested.opener.start.offset;
}

/** The file and line a target such as `docs/setup.md:12` (or `:12:5`) names, when the file exists, with the link that reaches it. */
function lineOfFile(context: RuleContext, target: string): { file: string; line: string; suggestion: string } | undefined {
  const lined = /^(.+?):(\d+)(?::\d+)?$/.exec(target);
  if (!lined) return undefined;
  const decoded = decodePath(lined[1]!);
  const found = [resolveCorpusPath(context.document.path, decoded), resolveCorpusPath('', decoded)].find(
    (resolved) => resolved.kind === 'inside' && context.graph.files.has(resolved.path),
  );
  if (found?.kind !== 'inside') return undefined;
  const relative = posix.relative(posix.dirname(context.document.path), found.path) || posix.basename(found.path);
  return { file: lined[1]!, line: lined[2]!, suggestion: `${relative}#L${lined[2]}` };
}

/**
 * Report a link that leaves the repository. One that names a file of the repository by its
 * place on the writer's machine (`file:///d:/Projects/app/docs/guide.md`, as agents write
 * them) gets the relative path that reaches it in every clone.
 */
function reportOutside(context: RuleContext, edge: Edge, machineFolders: () => readonly MachineRepositoryFolder[]): void {
  if (reportMachinePath(context, edge, machinePath(edge.target), machineFolders)) return;
  // `../../actions` kept by a file moved a folder down: the code host's page, one climb short.
  const climb = repositoryPageClimb(context.document.path, decodePath(edge.target), context.graph.rootInRepository ?? '');
  if (climb !== undefined) {
    context.report({ messageId: 'repository-page-climbs', data: { target: edge.target, ...climb }, place: edge.position, expected: [climb.corrected] });
    return;
  }
  // `../memory-bank/notes.md` in the top's `AGENTS.md`, kept from a copy a folder down: the file the path names with fewer climbs.
  const corrected = withFewerClimbs(context, edge.target);
  if (corrected !== undefined) {
    context.report({ messageId: 'outside-root-climbs', data: { target: edge.target, boundary: pathBoundary(context), corrected }, place: edge.position, expected: [corrected] });
    return;
  }
  context.report({ messageId: 'outside-root', data: { target: edge.target, boundary: pathBoundary(context) }, place: edge.position, note: edge.reason });
}

/** A relative path that climbs out of the repository written with as few of its `../` dropped as name a file of the repository, if any do. */
function withFewerClimbs(context: RuleContext, target: string): string | undefined {
  const climbs = /^(?:\.\.\/)+/.exec(target)?.[0];
  if (climbs === undefined) return undefined;
  const rest = target.slice(climbs.length);
  if (rest === '' || /^[a-z][\w+.-]*:/i.test(rest)) return undefined;
  const path = decodePath(rest.replace(/[#?].*$/, ''));
  for (let kept = climbs.length / 3 - 1; kept >= 0; kept--) {
    const written = `${'../'.repeat(kept)}${rest}`;
    const resolved = resolveCorpusPath(context.document.path, `${'../'.repeat(kept)}${path}`);
    if (resolved.kind === 'inside' && resolved.path !== '' && context.graph.exists(resolved.path)) return written;
  }
  return undefined;
}

/**
 * Tell a path on the writer's machine that names a file of the repository, with the path that
 * reaches it, or a file of one of its folders that it does not hold; false when it names neither.
 */
function reportMachinePath(context: RuleContext, edge: Edge, onMachine: string | undefined, machineFolders: () => readonly MachineRepositoryFolder[]): boolean {
  if (onMachine === undefined) return false;
  // Under the folder the document's other links show the repository is in on that machine
  // (`/d:/Projects/app/` of `/d:/Projects/app/docs/guide.md`): a place of the repository, one
  // segment long too (`/d:/Projects/app/package.json`), here or not.
  const underRepository = context.graph.placeInMachineRepositoryFolder(onMachine, machineFolders());
  const file = context.graph.repositoryPathOf(onMachine) ?? (underRepository !== undefined && context.graph.exists(underRepository) ? underRepository : undefined);
  if (file === undefined) {
    // Its folder is the repository's, its file is not: a file of the repository, moved or never committed.
    const place = context.graph.repositoryPlaceOf(onMachine) ?? underRepository;
    if (place === undefined) return false;
    // A file `.gitignore` leaves out (a test run's logs, a scratch folder) is on that machine only, by design.
    if (context.graph.isIgnoredByGit(place) || context.graph.isIgnoredByGit(`${place}/`)) {
      context.report({ messageId: 'machine-path-ignored', data: { target: edge.target, place }, place: edge.position });
      return true;
    }
    const relative = posix.relative(posix.dirname(context.document.path), place) || posix.basename(place);
    context.report({ messageId: 'machine-path-missing', data: { target: edge.target, place, relative }, place: edge.position });
    return true;
  }
  const anchor = lineAnchor(edge.anchor ?? fileUrlFragment(edge.target), file);
  // The repository's top, from a document there, is `.`.
  const relative = (posix.relative(posix.dirname(context.document.path), file) || posix.basename(file) || '.') + (anchor ? `#${anchor}` : '');
  context.report({ messageId: 'machine-path', data: { target: edge.target, relative }, place: edge.position, expected: [relative] });
  return true;
}

/** The paths on a machine that the document's links name (`file:` URLs, paths from a drive or a home folder). */
function machinePathsOf(edges: readonly Edge[]): string[] {
  return edges.flatMap((edge) => {
    if (edge.kind !== 'links-to' || (edge.status !== 'outside-root' && edge.status !== 'missing-document')) return [];
    const onMachine = edge.status === 'outside-root' ? machinePath(edge.target) : inMachineFolder(edge.target);
    return onMachine === undefined ? [] : [onMachine];
  });
}

/**
 * A root-relative path into the folders a machine keeps its users' files in
 * (`/Users/ana/project/app/docs/x.md`): in a repository it reads as a path from its top, but
 * it is one on the writer's machine, as a `file:` URL is.
 */
function inMachineFolder(target: string): string | undefined {
  return /^\/(?:Users|home|root|mnt|private|tmp|opt|workspaces?)\//.test(target) ? decodePath(target) : undefined;
}

/**
 * The fragment a relative link to `file` keeps of a link on the writer's machine: a heading's
 * anchor as it is, but lines as the code host names them. An editor's agent writes lines as
 * `#804-804` (`file:///d:/app/src/core.ts#804-804`), which is no anchor anywhere: a code file's
 * lines are `#L804-L804` on GitHub, and a Markdown file shows as a page, whose lines no anchor
 * reaches, so the link leads to the file.
 */
function lineAnchor(anchor: string | undefined, file: string): string | undefined {
  // A number alone (`#2023`) may be a heading's anchor: only a range, or GitHub's own form, is taken for lines.
  const lines = anchor === undefined ? null : /^(\d+)-(\d+)$|^L(\d+)(?:-L(\d+))?$/.exec(anchor);
  if (!lines) return anchor;
  if (/\.(?:md|mdx|markdown)$/i.test(file)) return undefined;
  const [first, last] = lines[1] === undefined ? [lines[3]!, lines[4]] : [lines[1], lines[2]];
  return last === undefined ? `L${first}` : `L${first}-L${last}`;
}

/** The fragment of a `file:` URL (`setup` in `file:///d:/app/docs/guide.md#setup`), which the link keeps as a whole; undefined for anything else. */
function fileUrlFragment(target: string): string | undefined {
  if (!/^file:/i.test(target)) return undefined;
  try {
    const hash = decodeURIComponent(new URL(target).hash.slice(1));
    return hash === '' ? undefined : hash;
  } catch {
    return undefined;
  }
}

/** The path a `file:` URL or an absolute path names on a machine (`/d:/Projects/app/x.md`), if the target is one. */
function machinePath(target: string): string | undefined {
  if (/^file:/i.test(target)) {
    try {
      return decodeURIComponent(new URL(target).pathname);
    } catch {
      return undefined;
    }
  }
  return /^(?:\/|[A-Za-z]:[\\/])/.test(target) ? decodePath(target) : undefined;
}

const toolNames: Record<ImportingTool, string> = { 'claude-code': 'Claude Code', 'gemini-cli': 'Gemini CLI' };

/** A Claude Code slash command's file, with the project's folder (the one holding `.claude/`). */
const claudeCommand = /^(?:(.*)\/)?\.claude\/commands\//;

/**
 * Report an import that names no file. One `.gitignore` leaves out is a file each writer keeps
 * for themselves (`@CLAUDE.local.md`, `@.claude/my-notes.md`): missing in a clone by design, and
 * the tool goes on without it. One leaving the repository is the writer's own setup too. A slash
 * command's prompt is read when the command runs, after earlier steps may have written what it
 * takes in (`@work/plan.md`): there only a file that most likely moved or is misspelt is told.
 */
function reportMissingImport(context: RuleContext, edge: Edge, tool: ImportingTool): void {
  const resolved = resolveCorpusPath(context.document.path, decodePath(edge.target));
  const named = resolved.kind === 'inside' ? resolved.path : posix.normalize(posix.join(posix.dirname(context.document.path), decodePath(edge.target)));
  if (context.graph.isIgnoredByGit(named) || context.graph.isIgnoredByGit(posix.normalize(decodePath(edge.target)))) return;
  const data = { target: edge.target, tool: toolNames[tool] };
  const command = claudeCommand.exec(context.document.path);
  const suggested = suggestedPath(context, edge.target);
  // A command's imports are read from the project's folder, and so is the path it is told to write.
  const suggestion =
    suggested === undefined || !command ? suggested : posix.relative(command[1] ?? '', posix.join(posix.dirname(context.document.path), suggested));
  if (suggestion !== undefined) context.report({ messageId: 'missing-import-suggest', data: { ...data, suggestion }, place: edge.position, expected: [suggestion] });
  else if (!command) context.report({ messageId: 'missing-import', data, place: edge.position });
}

/**
 * Report an import that a sentence's punctuation runs into (`See @AGENTS.md.`): the tools take
 * every character up to the next space for the path, and no file ends in a full stop. Its
 * place is the import without the punctuation (see `agent-imports.ts`).
 */
function reportImportPunctuation(context: RuleContext, edge: Edge, tool: ImportingTool): void {
  const punctuation = punctuationAfterImport(context.document.text.slice(edge.position.end.offset, edge.position.end.offset + 40));
  const imported = context.document.text.slice(edge.position.start.offset + 1, edge.position.end.offset);
  // After a fragment (`@docs/setup.md#install.`), the punctuation goes with it: the path ends at `#`.
  if (punctuation === undefined || imported.includes('#')) return;
  const written = imported + punctuation;
  context.report({ messageId: 'import-punctuation', data: { target: edge.target, punctuation, written, tool: toolNames[tool] }, place: edge.position, severityCap: 'warn' });
}

/** Report a link to a missing file, suggesting where it most likely meant. */
function reportMissingFile(context: RuleContext, target: string, place: Span, anchor: string | undefined, image: boolean): void {
  // `[FORMS.md](FORMS.md)` in a skill's ```markdown sample, let out by a fence that closed a sample early: the sample's link, which the fence made one.
  const sample = context.document.model.samplesLetOut?.find(({ outer, end }) => place.start.offset > outer.end.offset && place.start.offset < end.offset);
  if (sample) {
    const { cause } = sample;
    const fence = `${cause.fence.length} ${cause.fence[0] === '`' ? 'backticks' : 'tildes'}`;
    const data = { target, opened: sample.outer.start.line, closing: cause.closing.start.line, inner: cause.inner.start.line, causeOpened: cause.outer.start.line, fence };
    context.report({ messageId: 'sample-closed-early', data, place });
    return;
  }
  // The same text let out by a sample's closing fence written twice, the first too early.
  const misnested = context.document.model.misnestedFence;
  if (misnested?.extraCloser && place.start.offset > misnested.closing.end.offset && place.start.offset < misnested.opener.start.offset) {
    context.report({ messageId: 'sample-closed-twice', data: { target, opened: misnested.outer.start.line, closing: misnested.closing.start.line, meant: misnested.opener.start.line }, place });
    return;
  }
  // DocFX's `~/` is its docset's folder: a link written so that names no file is missing, not a home folder's.
  if (/^~[\\/]/.test(target) && !context.graph.isDocfxPage(context.document.path)) {
    context.report({ messageId: 'home-path', data: { target }, place });
    return;
  }
  // `[the runtime]((https://www.nuget.org/packages/x))`: the inner parentheses are the target's,
  // and so is a fragment (`(https://…/2394-async_await.md#async--closures)`).
  const withFragment = anchor === undefined ? target : `${target}#${anchor}`;
  const wrapped = /^\(\s*([a-z][\w+.-]*:\/\/[^\s()]+)\s*\)$/i.exec(withFragment)?.[1];
  if (wrapped !== undefined) {
    context.report({ messageId: 'wrapped-address', data: { target: withFragment, address: wrapped }, place, expected: [wrapped] });
    return;
  }
  // `https//github.com/…`, its colon lost: a web address all the same, named as its writer meant it.
  // A host whose last part names a kind of file (`https//notes.md`) is no address the writer meant.
  const colonless = /^(https?)\/\/([\w-]+(?:\.[\w-]+)+)((?:[/?#].*)?)$/i.exec(withFragment);
  if (colonless && !/\.(?:md|mdx|markdown|html?|txt|png|jpe?g|gif|svg)$/i.test(colonless[2]!)) {
    const address = `${colonless[1]}://${colonless[2]}${colonless[3]}`;
    context.report({ messageId: 'scheme-without-colon', data: { target: withFragment, scheme: colonless[1]!, address }, place, expected: [address] });
    return;
  }
  // `[unbound-method](<[#485](https://…/issues/485)>)`, as a changelog generator once wrote a link into another's
  // place: the whole is the target, which its `#` cut short (`[`), and the address inside is the one meant.
  const nested = /^\[[^\]\n]*\]\(\s*([^\s()]+)\s*\)$/.exec(withFragment)?.[1];
  if (nested !== undefined && !image) {
    context.report({ messageId: 'link-in-link', data: { target: withFragment, address: nested }, place, expected: [nested] });
    return;
  }
  const resolved = resolveCorpusPath(context.document.path, decodePath(target));
  // It may well exist here (a folder of local notes): not missing, but not in the repository.
  // A path around the root (`../local/notes.md`) is asked as it climbs; the graph knows the repository.
  const fromRoot = resolved.kind === 'inside' ? resolved.path : posix.normalize(posix.join(posix.dirname(context.document.path), decodePath(target)));
  const named = fromRoot.replace(/\/$/, '');
  // A route (`/guides/setup/`) names the page a build may make from a file `.gitignore` leaves out.
  const pageFiles = context.graph.sitePageFiles(context.document.path, decodePath(target));
  // A route from the site's root names its page file first: `/api/x.md` is under the site's folder, not
  // beside the linking page, though a `.gitignore` leaving out every `api/` leaves out both.
  // `./out` names the folder `/out/` leaves out, as a folder: no file here tells it is one.
  const candidates = target.startsWith('/') ? [...pageFiles, named, `${named}/`] : [named, ...pageFiles, `${named}/`];
  const path = candidates.find((candidate) => context.graph.isIgnoredByGit(candidate)) ?? named;
  const pageFile = path !== named && path !== `${named}/`;
  // A route (`/rubydoc/Formula.html`) to an ignored file names a page the site's build writes, not a file left on one machine.
  const builtPage = pageFile || target.startsWith('/');
  // Of such a page, a file of the same name elsewhere is another page (a translation's), not where it went.
  const sitePageIgnored = pageFile && target.startsWith('/');
  // A docset's redirection file says where the page went: the site follows it, a reader of the files cannot.
  const redirection = context.graph.redirectionOf(named);
  if (redirection) {
    context.report({ messageId: 'redirected', data: { target, file: redirection.file, url: redirection.url }, place, severityCap: 'warn' });
    return;
  }
  // `git mv guide.md handbook.md` in the change being checked: git says where the file went.
  const renamed = resolved.kind === 'inside' ? context.settings.git?.renamedSince?.(context.settings.gitRef)?.get(named) : undefined;
  if (renamed !== undefined && context.graph.exists(renamed)) {
    // The path alone, as the target is written without its anchor: an editor's quick fix puts one in the other's place.
    const suggestion = posix.relative(posix.dirname(context.document.path), renamed);
    context.report({ messageId: 'missing-file-renamed', data: { target, file: named, renamed, ref: context.settings.gitRef, suggestion }, place, expected: [suggestion] });
    return;
  }
  // `git rm guide.md` in the change being checked: the file is at HEAD, and this change takes it away.
  if (renamed === undefined && resolved.kind === 'inside' && context.settings.git?.show(context.settings.gitRef, named) !== undefined) {
    context.report({ messageId: 'missing-file-deleted', data: { target, file: named, ref: context.settings.gitRef }, place });
    return;
  }
  const ignored = context.graph.isIgnoredByGit(path);
  if (ignored && context.graph.isIgnoredHere(path)) {
    // Told alike on every machine: on one the file is there, in a clone nowhere.
    context.report({ messageId: 'ignored-file', data: { target }, place });
    return;
  }
  // `(create-a-section)` meant `(#create-a-section)`; `www.boost.org/x` and `ops@example.com` meant addresses.
  if (!image && anchorsOf(context, context.document).has(target)) {
    context.report({ messageId: 'missing-hash', data: { target }, place, expected: [`#${target}`] });
    return;
  }
  const scheme = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(target)
    ? { kind: 'an email address', scheme: 'mailto:' }
    : /^(?:www\.[\w-]+|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|app|ai|co|gov|edu|info|email|cloud|site|tech|xyz|me|tv|uk|de|fr|jp|cn|eu|us))(?:[/:?#]|$)/i.test(target)
      ? { kind: 'a web address', scheme: 'https://' }
      : undefined;
  if (scheme) {
    context.report({ messageId: 'missing-scheme', data: { target, ...scheme }, place, expected: [`${scheme.scheme}${target}`] });
    return;
  }
  // `src/app.ts:12`, a line as editors and agents write it: a link takes the whole for a file's name.
  const line = lineOfFile(context, target);
  if (line) {
    context.report({ messageId: 'line-suffix', data: { target, ...line }, place, expected: [line.suggestion] });
    return;
  }
  // A MyST page names a target more often than a file: `[x](install-from-sources)`.
  const label = !image && context.graph.isMystPage(context.document.path) && !/[/.]/.test(target) ? suggestAmong(target, context.graph.siteLabels(context.document.path)) : undefined;
  // `.gitignore` naming the file itself (`/docs/reference/cli.md`), not a folder, lists a file a
  // build makes: that says more than another folder's `cli.md`. A folder left out (`local/`) may
  // be where a moved file was, and its one namesake where it went.
  const folder = posix.dirname(path);
  const fileIgnored = ignored && !context.graph.isIgnoredByGit(folder) && !context.graph.isIgnoredByGit(`${folder}/`);
  // A page linking itself by its route, `/docs/reference/color/#rgb` in `docs/reference/color.md`: its own anchor is what it meant.
  const ownAnchor =
    !image && anchor !== undefined && pageNamed(context, target) === context.document.path && anchorsOf(context, context.document).has(anchor) ? `#${anchor}` : undefined;
  const suggested = label ?? suggestedPath(context, target, { namesake: !fileIgnored && !sitePageIgnored }) ?? ownAnchor;
  // An image is a file of its kind: `flow.md` is no picture of `flow.png`.
  // In a folder `.gitignore` leaves out, the file of the same path, folders and all, elsewhere
  // (`community-resources/reports/x.md` for `docs/community-resources/reports/x.md`) is what a
  // build copies there, not where the file went: the link names the copy, as the site serves it.
  // A file of the same name alone (`setup.md` for `local/setup.md`) may be where it moved. A
  // path that names its first folder twice (`docs/docs/guidelines/x.md` for
  // `docs/guidelines/x.md`, `../docs/` written from a folder of `docs/`) went one folder too
  // few up: no build copies a folder into itself.
  const suggestedFile = suggested === undefined ? undefined : posix.normalize(posix.join(posix.dirname(context.document.path), suggested));
  const stutter = suggestedFile !== undefined && named === `${suggestedFile.split('/')[0]}/${suggestedFile}`;
  const copied = ignored && suggestedFile !== undefined && suggestedFile.includes('/') && named.endsWith(`/${suggestedFile}`) && !stutter;
  const suggestion = (image && suggested !== undefined && extensionOf(suggested) !== extensionOf(target)) || copied ? undefined : suggested;
  if (suggestion !== undefined) {
    context.report({ messageId: image ? 'missing-image-suggest' : 'missing-file-suggest', data: { target, suggestion }, place, expected: [suggestion] });
    return;
  }
  if (ignored) {
    // Not here, and ignored: it may be on the machine that wrote the link, or a build's output.
    // A broad pattern (`/*`, `**/packages/*`) matches many a mistyped path too, so a near file is named first.
    context.report({ messageId: builtPage ? 'ignored-page' : 'ignored-missing', data: { target, file: path, entry: externalEntryFor(context, path) }, place });
    return;
  }
  // `[the English page](ENGLISH_PAGE)` in a template a script fills in: a blank, where no file answered the name.
  if (!image && isPlaceholderName(target)) return;
  context.report({ messageId: image ? 'missing-image' : 'missing-file', data: { target }, place });
}

function extensionOf(path: string): string {
  return /\.([A-Za-z0-9]+)(?:[?#].*)?$/.exec(path)?.[1]?.toLowerCase() ?? '';
}

