/**
 * Scanning a corpus: list the files under a root (see `listing.ts`), pick the documents, and
 * read each one's bytes, or recognise it by its file signature in the corpus index, without
 * parsing. With the listing, where the graph package reads the disk.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readlinkSync, statSync } from 'node:fs';
import { readlink, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { convertPathToPattern } from 'globby';
import picomatch from 'picomatch';
import type { LoadOptions } from './corpus.js';
import { contentHash, Store, type CorpusIndex, type FileSignature } from './store/index.js';
import { readLimits, tooLargeDocument, unreadableDocument, type CorpusDocument, type ReadLimits } from './document.js';
import { listFiles, type UnreadableFolder } from './listing.js';
import { maxRedirectionFileBytes, redirectionFileName, redirectionsOf, type Redirections } from './redirections.js';
import { toPosix } from './paths.js';
import { eachInTurns } from './turns.js';
import { readSideFile } from './side-files.js';
import { mintlifySpecifications, siteConfigName, type SiteConfigs } from './site-routes.js';
import { readStaticConfig, type StaticValue } from './static-config.js';
import { typedocIncludeCandidates, typedocIncludesOf } from './typedoc-includes.js';
import { buildStamp, dependencyStamp } from './stamp.js';

export const defaultInclude = ['**/*.md'];

/**
 * Files read between turns of the event loop. Documents are read one after another on this
 * thread: a small file read through the thread pool (a stat, an open, a read and a close, each
 * a round trip) cost three times as long as reading it here. The turns keep a server that
 * scans answering.
 */
const readsBetweenTurns = 256;

/** The code that parses: a cache made by other code is never read. */
export const parserStamps = [buildStamp(new URL('../package.json', import.meta.url)), dependencyStamp('remark-capsules')];

/**
 * What a corpus holds on disk, read but not parsed: every file, every document's content
 * hash with its bytes (or, for a file the corpus index recognised, the means to read them
 * later; or the finding that it could not be read), and a fingerprint of it all.
 */
export interface CorpusScan {
  /** Absolute path of the root. */
  root: string;
  /** Every file under the root that is not ignored, documents included, sorted. */
  files: string[];
  /**
   * The repository's files outside the root (see `LoadOptions.repositoryRoot`), relative to
   * the root (`../.github/workflows/ci.yaml`), sorted: links may reach them.
   */
  outsideFiles: string[];
  /** The root's path inside the repository (POSIX, `''` at its top); undefined without one. */
  rootInRepository: string | undefined;
  /** Folders the listing could not read, relative to the root: their files are not in the corpus. */
  unreadable: UnreadableFolder[];
  /**
   * The folders of the repository's git submodules, as its `.gitmodules` names them, relative
   * to the root (`JUCE`, `../vendor/lib`): a clone holds their files only once
   * `git submodule update --init` has fetched them.
   */
  submodules: string[];
  /**
   * The symbolic links (files of the corpus, not documents) to a document of it, each with that
   * document: the document is read once, where it stands, as its links are written from there.
   */
  linksToDocuments: ReadonlyMap<string, string>;
  /**
   * Where each symbolic link among `files` leads, by its path: a file or folder under the root,
   * or in the repository around it (`../shared`). Editors, agents and site generators follow
   * them, so a link written through one (`docs/guides/setup.md`, `docs/guides` leading to
   * `shared/guides`) reaches the file it leads to. A link leading out of the repository, to
   * nothing, or round in a loop is left out.
   */
  symlinkTargets: ReadonlyMap<string, string>;
  /**
   * The file that marks a path under the root as vendored, third-party code (a Go
   * `vendor/modules.txt`, a `.gitattributes` setting `linguist-vendored`), root-relative;
   * undefined for the project's own. Vendored files are files of the corpus, not documents.
   */
  vendoredBy: (path: string) => string | undefined;
  /**
   * Whether a path relative to the root (`../` for the repository around it) is left out by a
   * `.gitignore` (and not tracked by git), whether or not it exists; absent when `.gitignore`
   * files are not honoured.
   */
  ignoredByGit?: (path: string) => boolean;
  /** Whether such a path is a file or folder on this machine; absent with `ignoredByGit`. */
  ignoredHere?: (path: string) => boolean;
  /** The files the repository's redirection files say moved (see `redirectionsOf`), parsed when first asked. */
  readonly redirections: Redirections;
  /** The site configurations whose contents are read (see `siteConfigName`), by path, as far as they are written literally. */
  siteConfigs: SiteConfigs;
  /** The Markdown files TypeDoc takes into doc comments (see `typedoc-includes.ts`), each with the source files naming it; read only where a site is. */
  typedocIncludes: ReadonlyMap<string, readonly string[]>;
  /** The documents, sorted; `reads` and `hashes` follow this order. */
  paths: string[];
  reads: ReadResult[];
  /** Content hashes of the documents that were read or known (empty for the others). */
  hashes: string[];
  /**
   * Equal fingerprints, equal corpora: the same files under the same paths, the same bytes
   * in every document, `.gitignore` file, redirection file and site configuration (with the
   * local modules it imports), the same documents unreadable. A result computed from the corpus
   * alone (and the settings, which callers add) can be reused while it stays the same.
   */
  fingerprint: string;
  limits: ReadLimits;
  /** How many documents the scan read; the others' hashes came from the corpus index. */
  read: number;
  /** For documents that changed since the corpus index was written: the hash they had then, by position. */
  earlierHashes: Map<number, string>;
  /** The corpus index the scan used and updated, when the options name a cache. */
  index: CorpusIndex | undefined;
}

/**
 * The store of the cache folder these options name; none without one, or for a load that
 * keeps trees (they are never cached).
 */
export function storeFor(options: LoadOptions): Store | undefined {
  return options.cache && !options.keepTrees ? new Store(options.cache.dir) : undefined;
}

/**
 * The corpus index for these options: one per corpus root, parser build and read limits (what
 * the keys depend on), and one apart for a corpus that names one (see `LoadOptions.cache`);
 * none without a store. Two corpora checked from one project (`docs/` and `.claude/`) keep an
 * index each, rather than each run throwing the other's away.
 */
function openIndex(options: LoadOptions, root: string): CorpusIndex | undefined {
  if (options.cache && options.cache.corpusIndex === false) return undefined;
  const apart = options.cache && options.cache.indexApart !== undefined ? { apart: options.cache.indexApart } : {};
  return storeFor(options)?.corpusIndex({ parserStamps, limits: readLimits(options.limits), root, ...apart }, root);
}

export async function scanCorpus(options: LoadOptions): Promise<CorpusScan> {
  const root = resolve(options.root);
  const rootStat = await stat(root).catch(() => undefined);
  if (!rootStat?.isDirectory()) throw new CorpusError(`The corpus root \`${options.root}\` is not a folder`);

  const listed = await listCorpus(options, root);
  const selected = listed.files
    .filter(documentSelection(options))
    .filter((path) => listed.vendoredBy(path) === undefined)
    .filter((path) => !listed.symlinks.has(path) || !leadsIntoIgnoredNothing(root, path, listed.ignoredByGit));
  const symlinkTargets = await symlinkTargetsOf(root, listed, options.repositoryRoot);
  const linksToDocuments = documentsLinkedTo(selected, listed.symlinks, symlinkTargets);
  const corpusDocuments = linksToDocuments.size === 0 ? selected : selected.filter((path) => !linksToDocuments.has(path));
  const chosen = options.documents && new Set(options.documents);
  const paths = chosen ? corpusDocuments.filter((path) => chosen.has(path)) : corpusDocuments;
  const limits = readLimits(options.limits);
  const index = openIndex(options, root);
  const { reads, hashes, read, earlierHashes } = await readDocuments(root, paths, listed.symlinks, limits, index);
  index?.retain(corpusDocuments);
  const ignoreRules = listed.ignoredByGit ? await gitignoreContents(root, listed) : [];
  const redirectionTexts = await redirectionFiles(root, listed);
  const submodulesFile = await gitmodulesFile(root, listed);
  const { siteConfigs, texts: siteConfigTexts } = await siteConfigurations(root, listed);
  const typedocIncludes = await typedocIncludesIn(root, listed.files);
  let redirections: Redirections | undefined;
  return {
    root,
    files: listed.files,
    outsideFiles: listed.outsideFiles,
    rootInRepository: listed.rootInRepository,
    unreadable: listed.unreadable,
    submodules: submodulesFile ? submoduleFolders(submodulesFile[1], listed.rootInRepository) : [],
    linksToDocuments,
    symlinkTargets,
    vendoredBy: listed.vendoredBy,
    ...(listed.ignoredByGit ? { ignoredByGit: listed.ignoredByGit, ignoredHere: listed.ignoredHere } : {}),
    // Read for the fingerprint on every run, parsed only by a run that builds a graph (not one replayed).
    get redirections() {
      return (redirections ??= redirectionsOf(redirectionTexts, listed.rootInRepository));
    },
    siteConfigs,
    typedocIncludes,
    paths,
    reads,
    hashes,
    fingerprint: corpusFingerprint(listed, paths, reads, hashes, [
      ...ignoreRules,
      ...redirectionTexts.map(sideFileEntry),
      ...(submodulesFile ? [sideFileEntry(submodulesFile)] : []),
      ...siteConfigTexts.map(sideFileEntry),
      ...[...typedocIncludes].flatMap(([document, sources]) => sources.map((source) => `typedoc-include ${JSON.stringify(source)}\0${JSON.stringify(document)}`)),
      // A link pointed elsewhere changes where links through it lead.
      ...[...symlinkTargets].map(([path, target]) => `symlink ${JSON.stringify(path)}\0${JSON.stringify(target)}`),
    ]),
    limits,
    read,
    earlierHashes,
    index,
  };
}

/**
 * Keep what a scan learned in the corpus index when no load followed to write it (a result
 * replayed from the store): documents it had to read because they had changed, or had
 * changed too lately to be trusted by their signature, are known by their signature next
 * time instead of read again. Only when many changed: a few stale entries cost the next run
 * a few reads, less than writing the index. After a load (which writes it) nothing is left.
 */
export async function keepScanIndex(scan: CorpusScan): Promise<void> {
  await scan.index?.save({ atLeast: 64 }).catch(() => false);
}

/** The files of a corpus and of the repository around it, as `CorpusScan` names them. */
type CorpusListing = Pick<CorpusScan, 'files' | 'outsideFiles' | 'rootInRepository' | 'unreadable' | 'ignoredByGit' | 'ignoredHere' | 'vendoredBy'> & { symlinks: Set<string> };

/** List the files under the root and, with a repository around it, the repository's other files. */
async function listCorpus(options: LoadOptions, root: string): Promise<CorpusListing> {
  const gitignore = options.gitignore ?? true;
  const rootInRepository = repositoryPath(options.repositoryRoot, root);
  // At the repository's top, the root's own listing is the repository's.
  const repositoryRoot = rootInRepository ? resolve(options.repositoryRoot!) : undefined;
  // The cache folder changes with every run; inside the root, it would change the corpus.
  const cacheDir = options.cache ? resolve(options.cache.dir) : undefined;
  const [listing, outside] = await Promise.all([
    listFiles(root, { gitignore, ignore: folderGlobs(root, [cacheDir]), fs: options.listingFs, repositoryRoot }),
    repositoryRoot
      ? // The root's own files are listed above; only what lies around it is wanted here.
        listFiles(repositoryRoot, { gitignore, ignore: folderGlobs(repositoryRoot, [root, cacheDir]), fs: options.listingFs })
      : undefined,
  ]);
  const outsideOfRoot = (path: string) => posix.relative(rootInRepository!, path);
  return {
    files: listing.files,
    symlinks: listing.symlinks,
    outsideFiles: outside ? outside.files.map(outsideOfRoot).sort() : [],
    rootInRepository,
    unreadable: [...listing.unreadable, ...(outside?.unreadable ?? []).map(({ path, code }) => ({ path: outsideOfRoot(path), code }))],
    vendoredBy: listing.vendoredBy,
    ...(listing.isIgnored && listing.isIgnoredFile
      ? {
          ignoredByGit: ignoredTest(listing.isIgnored, outside?.isIgnored, rootInRepository),
          ignoredHere: ignoredTest(listing.isIgnoredFile, outside?.isIgnoredFile, rootInRepository),
        }
      : {}),
  };
}

/** One `.gitignore` test for paths relative to the root: the root's own, and for `../` paths the repository's. */
/** The longest path, in bytes, a file system of Linux resolves (PATH_MAX); a path has at least as many bytes as UTF-16 units. */
const longestPath = 4096;

function ignoredTest(underRoot: (path: string) => boolean, around: ((path: string) => boolean) | undefined, rootInRepository: string | undefined): (path: string) => boolean {
  const test = (path: string) => {
    if (!path.startsWith('../')) return underRoot(path);
    if (!around || rootInRepository === undefined) return false;
    const inRepository = posix.normalize(posix.join(rootInRepository, path));
    return !inRepository.startsWith('../') && around(inRepository);
  };
  // The matcher refuses some paths (empty, absolute): those are not ignored, they are no file.
  // Nor is a path longer than any file system of a clone holds (Linux's 4,096 bytes; macOS
  // takes 1,024): the matcher asks it for each of its folders, so a link of 50,000 segments
  // took minutes and most of a gigabyte.
  return (path) => {
    try {
      return path !== '' && path.length <= longestPath && test(path);
    } catch {
      return false;
    }
  };
}

/**
 * The links among the selected documents that lead (through other links, maybe) to another
 * selected document, each with it. `.claude/rules/csharp.md` linked to `.ai/rules/csharp.md`
 * is one document: read at the link, its `./general.md` would be looked for in
 * `.claude/rules/`, and its capsules would be defined twice. A link to a file that is no
 * document of the corpus stays one (see `readBytes`).
 */
function documentsLinkedTo(selected: readonly string[], symlinks: ReadonlySet<string>, targets: ReadonlyMap<string, string>): Map<string, string> {
  const linked = new Map<string, string>();
  if (targets.size === 0) return linked;
  const documents = new Set(selected.filter((path) => !symlinks.has(path)));
  for (const path of selected) {
    const target = targets.get(path);
    if (target !== undefined && documents.has(target)) linked.set(path, target);
  }
  return linked;
}

/** Where the root's symbolic links lead (see `CorpusScan.symlinkTargets`). */
async function symlinkTargetsOf(root: string, listed: CorpusListing, repositoryRoot: string | undefined): Promise<Map<string, string>> {
  const targets = new Map<string, string>();
  if (listed.symlinks.size === 0) return targets;
  const realRoot = await realpath(root).catch(() => root);
  // Around the root, a link may lead as far as the repository's top, where `outsideFiles` end.
  const realTop = listed.rootInRepository && repositoryRoot !== undefined ? await realpath(repositoryRoot).catch(() => undefined) : undefined;
  await Promise.all(
    [...listed.symlinks].map(async (path) => {
      const target = await realpath(resolve(root, path)).catch(() => undefined);
      if (target === undefined) return;
      const underRoot = relative(realRoot, target);
      if (!climbsOut(underRoot) || (realTop !== undefined && !climbsOut(relative(realTop, target)))) targets.set(path, toPosix(underRoot));
    }),
  );
  return targets;
}

/**
 * Read each document, or recognise it by its file signature in the corpus index: with an
 * index, one synchronous stat per file (much cheaper than a promise each) tells which files
 * it knows, and only the others are read. A link is always read. The index records what
 * this scan saw.
 */
async function readDocuments(
  root: string,
  paths: readonly string[],
  symlinks: ReadonlySet<string>,
  limits: Required<ReadLimits>,
  index: CorpusIndex | undefined,
): Promise<Pick<CorpusScan, 'reads' | 'hashes' | 'read' | 'earlierHashes'>> {
  const scannedAt = Date.now();
  const hashes = new Array<string>(paths.length).fill('');
  const reads = new Array<ReadResult>(paths.length);
  const toRead: number[] = [];
  paths.forEach((path, position) => {
    const signature = index && !symlinks.has(path) ? signatureOf(resolve(root, path), limits) : undefined;
    const known = signature && index?.hashFor(path, signature);
    if (index && signature && known !== undefined) {
      reads[position] = { known, signature };
      hashes[position] = known;
      index.record(path, signature, known, scannedAt);
    } else {
      toRead.push(position);
    }
  });
  let read = 0;
  const earlierHashes = new Map<number, string>();
  await eachInTurns(toRead, readsBetweenTurns, async (position) => {
    const path = paths[position]!;
    const result = await readBytes(root, path, symlinks.has(path), limits);
    if ('bytes' in result) {
      read++;
      const hash = contentHash(result.bytes);
      hashes[position] = hash;
      const earlier = index?.recordedHash(path);
      if (earlier !== undefined && earlier !== hash) earlierHashes.set(position, earlier);
      if (result.signature) index?.record(path, result.signature, hash, scannedAt);
    }
    reads[position] = result;
  });
  return { reads, hashes, read, earlierHashes };
}

/**
 * The `.gitignore` files the listing honoured (under the root and in the repository around
 * it), each with its content hash: a pattern added for a file that does not exist changes
 * what a link to it is told (`ignored-file`, not missing) though no listed file changed.
 */
async function gitignoreContents(root: string, listed: CorpusListing): Promise<string[]> {
  const paths = [...listed.files, ...listed.outsideFiles].filter((path) => posix.basename(path) === '.gitignore');
  return Promise.all(
    paths.map(async (path) => {
      const bytes = await readSideFile(resolve(root, path), { followLinks: false }).catch(() => undefined);
      return sideFileEntry([path, bytes]);
    }),
  );
}

/** A file beside the documents, as the fingerprint takes it: its path and its content's hash (`-` when it could not be read). */
function sideFileEntry([path, content]: readonly [string, string | Uint8Array | undefined]): string {
  return `${JSON.stringify(path)}\0${content === undefined ? '-' : createHash('sha1').update(content).digest('hex')}`;
}

/**
 * The redirection files among the listed files (those around the root too), with their texts:
 * what a link to a file they list is told depends on them. One too large or unreadable is left out.
 */
async function redirectionFiles(root: string, listed: CorpusListing): Promise<[string, string][]> {
  const paths = [...listed.files, ...listed.outsideFiles].filter((path) => redirectionFileName.test(path));
  const texts = await Promise.all(
    paths.map(async (path): Promise<[string, string] | undefined> => {
      const absolute = resolve(root, path);
      const size = await stat(absolute).then((stats) => stats.size, () => Infinity);
      if (size > maxRedirectionFileBytes) return undefined;
      const text = await readSideFile(absolute).then((bytes) => bytes.toString('utf8'), () => undefined);
      return text === undefined ? undefined : [path, text];
    }),
  );
  return texts.filter((entry) => entry !== undefined);
}

/** The most a `.gitmodules` is read: a repository of a few hundred submodules writes some tens of kilobytes. */
const maxGitmodulesBytes = 1024 * 1024;

/** The repository's `.gitmodules`, at its top (the root's, or around it), with its text; undefined when there is none to read. */
async function gitmodulesFile(root: string, listed: CorpusListing): Promise<[string, string] | undefined> {
  const path = posix.join(listed.rootInRepository ? posix.relative(listed.rootInRepository, '') : '', '.gitmodules');
  if (!(listed.rootInRepository ? listed.outsideFiles : listed.files).includes(path)) return undefined;
  const absolute = resolve(root, path);
  const size = await stat(absolute).then((stats) => stats.size, () => Infinity);
  if (size > maxGitmodulesBytes) return undefined;
  const text = await readSideFile(absolute).then((bytes) => bytes.toString('utf8'), () => undefined);
  return text === undefined ? undefined : [path, text];
}

/**
 * The submodules' folders a `.gitmodules` names (`path = JUCE` under `[submodule "JUCE"]`), as
 * git reads them from the repository's top, relative to the root.
 */
export function submoduleFolders(text: string, rootInRepository: string | undefined): string[] {
  const folders: string[] = [];
  for (const match of text.matchAll(/^[ \t]*path[ \t]*=[ \t]*(?:"([^"\r\n]+)"|([^\r\n;#]*?))[ \t]*(?:[;#].*)?$/gm)) {
    const written = (match[1] ?? match[2] ?? '').replace(/\\/g, '/');
    const inRepository = posix.normalize(written).replace(/^\.\/|\/$/g, '');
    if (inRepository === '' || inRepository === '.' || inRepository.startsWith('../') || posix.isAbsolute(inRepository)) continue;
    folders.push(rootInRepository ? posix.relative(rootInRepository, inRepository) : inRepository);
  }
  return folders;
}

/** The most a site configuration, or a module it imports, is read: real ones are a few kilobytes, generated lists of redirects some hundreds. */
const maxSiteConfigBytes = 1024 * 1024;
/**
 * The most a JSON configuration is read, which is parsed, not walked as a program: a Mintlify
 * `docs.json` lists every page of every version and language, some megabytes on a site of forty
 * versions in four languages.
 */
const maxSiteDataBytes = 16 * 1024 * 1024;

/**
 * The Markdown files the source files that may take one in (see `typedocIncludeCandidates`)
 * name in TypeDoc's `{@include}` tags, each with those source files. One too large or
 * unreadable is left out, as no comment of its is read.
 */
async function typedocIncludesIn(root: string, files: readonly string[]): Promise<Map<string, string[]>> {
  const candidates = typedocIncludeCandidates(files);
  if (candidates.length === 0) return new Map();
  const texts: [string, string][] = [];
  for (const source of candidates) {
    const absolute = resolve(root, source);
    const size = await stat(absolute).then((stats) => stats.size, () => Infinity);
    if (size > maxSiteConfigBytes) continue;
    const text = await readSideFile(absolute).then((bytes) => bytes.toString('utf8'), () => undefined);
    if (text !== undefined) texts.push([source, text]);
  }
  return typedocIncludesOf(texts, new Set(files));
}

/**
 * The site configurations among the listed files, read as far as they are written literally
 * (see `readStaticConfig`), with the texts read for them: each configuration and the local
 * modules it imports, when they are listed files. One too large, unreadable or not a regular
 * file is left unread, and its site is read as the names of its files say.
 */
async function siteConfigurations(root: string, listed: CorpusListing): Promise<{ siteConfigs: SiteConfigs; texts: [string, string][] }> {
  const siteConfigs = new Map<string, StaticValue>();
  const texts: [string, string][] = [];
  const paths = [...listed.files, ...listed.outsideFiles].filter((path) => siteConfigName.test(path));
  if (paths.length === 0) return { siteConfigs, texts };
  const listedFiles = new Set([...listed.files, ...listed.outsideFiles]);
  // The OpenAPI specifications a Mintlify configuration names, read as data as large as its own.
  const specifications = new Set<string>();
  const read = async (path: string): Promise<string | undefined> => {
    if (!listedFiles.has(path)) return undefined;
    const absolute = resolve(root, path);
    const size = await stat(absolute).then((stats) => stats.size, () => Infinity);
    if (size > (/\.json$/i.test(path) || specifications.has(path) ? maxSiteDataBytes : maxSiteConfigBytes)) return undefined;
    const text = await readSideFile(absolute).then((bytes) => bytes.toString('utf8'), () => undefined);
    if (text !== undefined) texts.push([path, text]);
    return text;
  };
  for (const path of paths) {
    const value = await readStaticConfig(path, read);
    if (value !== undefined) siteConfigs.set(path, value);
  }
  // The endpoint pages Mintlify generates are read from the specifications its navigation names.
  for (const [path, value] of [...siteConfigs]) {
    for (const { path: specification } of mintlifySpecifications(path, value)) {
      if (siteConfigs.has(specification) || !/\.(?:json|ya?ml)$/i.test(specification)) continue;
      specifications.add(specification);
      const spec = await readStaticConfig(specification, read);
      if (spec !== undefined) siteConfigs.set(specification, spec);
    }
  }
  return { siteConfigs, texts: texts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
}

/**
 * See `CorpusScan.fingerprint`: every listed file's path, with each document's content hash or
 * why it was not read, and the contents of the `.gitignore` files honoured and the redirection files.
 */
function corpusFingerprint(listed: CorpusListing, paths: readonly string[], reads: readonly ReadResult[], hashes: readonly string[], sideFiles: readonly string[]): string {
  const fingerprint = createHash('sha1');
  const documentIndex = new Map(paths.map((path, index) => [path, index]));
  for (const path of [...listed.files, ...listed.outsideFiles]) {
    const index = documentIndex.get(path);
    const read = index === undefined ? undefined : reads[index]!;
    const state = read === undefined ? '-' : 'document' in read ? `unread ${read.document.messages[0]?.reason ?? ''}` : hashes[index!]!;
    // Quoted, so that no file name (they may hold line breaks) can pass for two entries.
    fingerprint.update(`${JSON.stringify(path)}\0${state}\n`);
  }
  // A folder that could not be read hides its files: reading it later changes the corpus.
  for (const { path, code } of listed.unreadable) fingerprint.update(`unreadable ${JSON.stringify(path)}\0${code}\n`);
  for (const rules of sideFiles) fingerprint.update(`side ${rules}\n`);
  return fingerprint.digest('hex');
}

/**
 * Which listed files are documents: those `include` matches, unless `exclude` matches them
 * or a folder above them (as a glob naming a folder leaves its files out).
 */
export function documentSelection(options: Pick<LoadOptions, 'include' | 'exclude'>): (path: string) => boolean {
  const included = picomatch(options.include ?? defaultInclude, { dot: true });
  const excluded = options.exclude?.length ? picomatch(options.exclude, { dot: true }) : undefined;
  return (path) => included(path) && !(excluded && isExcluded(path, excluded));
}

/**
 * The documents of the scanned corpus a glob names, matched as `include` globs are
 * (root-relative, POSIX, dotfiles too): for a pattern given in quotes, which no shell expanded.
 */
export function documentsMatching(scan: CorpusScan, glob: string): string[] {
  const matches = picomatch(glob, { dot: true });
  return scan.paths.filter((path) => matches(path));
}

/**
 * Why the existing file `path` (root-relative, POSIX) is not a document of the scanned
 * corpus, in words that finish "`path` ..."; undefined when it is one.
 */
export function whyNotADocument(scan: CorpusScan, options: Pick<LoadOptions, 'include' | 'exclude'>, path: string): string | undefined {
  if (scan.paths.includes(path)) return undefined;
  const folder = scan.unreadable.find((unreadable) => unreadable.path === '' || path.startsWith(`${unreadable.path}/`));
  if (folder) return `is in a folder that could not be read (${folder.path || '.'}: ${folder.code})`;
  if (!scan.files.includes(path)) {
    const segments = path.split('/');
    if (segments.includes('.git') || segments.includes('node_modules')) return 'is never read (`.git` and `node_modules` are left out)';
    return 'is ignored by `.gitignore`';
  }
  const include = options.include ?? defaultInclude;
  if (!picomatch(include, { dot: true })(path)) {
    const markdown = /\.(md|markdown)$/i.test(path);
    return `is ${markdown ? 'not matched by' : 'not a Markdown file, and not matched by'} \`include\` (${include.join(', ')})`;
  }
  const excluded = options.exclude?.find((glob) => isExcluded(path, picomatch(glob, { dot: true })));
  if (excluded !== undefined) return `is left out by \`exclude\` (${excluded})`;
  const vendored = scan.vendoredBy(path);
  if (vendored !== undefined) {
    const mark = posix.basename(vendored);
    const how =
      mark === 'modules.txt'
        ? `\`${vendored}\` lists the Go modules copied there`
        : mark === '.gitattributes'
          ? `\`${vendored}\` marks it \`linguist-vendored\``
          : `a project copied into a vendor folder, as \`${vendored}\` shows`;
    return `is vendored, third-party code (${how}); give its folder alone, as the corpus root, to check it`;
  }
  const linked = scan.linksToDocuments.get(path);
  if (linked !== undefined) return `is a symbolic link to \`${linked}\`, which is checked in its place`;
  return 'is not a document of the corpus';
}

/**
 * Whether the corpus reads the file at `path` (root-relative, POSIX) as a document: one it
 * holds now, or, for a file not written yet, one `include` and `exclude` would take and no
 * `.gitignore` leaves out. A command that writes a file asks before writing into the corpus
 * it reads.
 */
export function readsAsDocument(scan: CorpusScan, options: Pick<LoadOptions, 'include' | 'exclude'>, path: string): boolean {
  if (scan.paths.includes(path)) return true;
  if (scan.files.includes(path) || path === '' || path.startsWith('../')) return false;
  const segments = path.split('/');
  if (segments.includes('.git') || segments.includes('node_modules')) return false;
  return documentSelection(options)(path) && !scan.ignoredByGit?.(path) && scan.vendoredBy(path) === undefined;
}

function isExcluded(path: string, excluded: (path: string) => boolean): boolean {
  if (excluded(path)) return true;
  for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
    if (excluded(path.slice(0, slash))) return true;
  }
  return false;
}

/** Globs leaving out the given folders that lie inside `folder`. */

function folderGlobs(folder: string, skipped: (string | undefined)[]): string[] {
  return skipped.flatMap((path) => {
    const inside = path === undefined ? undefined : repositoryPath(folder, path);
    return inside ? [`${convertPathToPattern(inside)}/**`] : [];
  });
}

/** The root's POSIX path inside the repository; undefined without a repository or when the root lies outside it. */

function repositoryPath(repositoryRoot: string | undefined, root: string): string | undefined {
  if (repositoryRoot === undefined) return undefined;
  const inside = relative(resolve(repositoryRoot), root);
  return climbsOut(inside) ? undefined : toPosix(inside);
}

/** Whether a path made by `relative` leaves the folder it is relative to. */
function climbsOut(path: string): boolean {
  return path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path);
}

/**
 * Whether a symbolic link leads to nothing that `.gitignore` leaves out: a link into a folder
 * a build fills is committed so that the file appears there, and in a clone without the build
 * there is no document to read, nothing to report. A link to a file that is simply gone is
 * told (see `readBytes`), and so is a loop.
 */
function leadsIntoIgnoredNothing(root: string, path: string, ignoredByGit: ((path: string) => boolean) | undefined): boolean {
  if (!ignoredByGit) return false;
  try {
    if (statSync(resolve(root, path), { throwIfNoEntry: false }) !== undefined) return false;
    const target = posix.normalize(posix.join(posix.dirname(path), toPosix(readlinkSync(resolve(root, path)))));
    return ignoredByGit(target);
  } catch {
    return false;
  }
}

/** Read and parse every document of a corpus (from a scan of it, when one was made). */

/**
 * A scanned document's bytes: those the scan read, or read now when the scan took the
 * document's hash from the corpus index. A file that can no longer be read becomes the
 * document standing for it.
 */
export function scannedBytes(scan: CorpusScan, position: number): Uint8Array | CorpusDocument {
  const read = scan.reads[position]!;
  if ('document' in read) return read.document;
  if ('bytes' in read) return read.bytes;
  const path = scan.paths[position]!;
  try {
    return readFileSync(resolve(scan.root, path));
  } catch (error) {
    return unreadableDocument(path, unreadableReason(path, (error as NodeJS.ErrnoException).code), 'unreadable-file');
  }
}

/**
 * A scanned document: its bytes; or, when the corpus index knew its content by its file
 * signature, that content's hash (`known`), the bytes read only when needed (see
 * `scannedBytes`); or the document standing for a file that could not be read.
 */
export type ReadResult =
  | { bytes: Uint8Array; signature: FileSignature | undefined }
  | { known: string; signature: FileSignature }
  | { document: CorpusDocument };

/** A regular file's signature, when it can be stat'ed and is not too large to read. */

function signatureOf(absolute: string, limits: ReadLimits): FileSignature | undefined {
  try {
    const info = statSync(absolute, { throwIfNoEntry: false });
    if (!info?.isFile() || info.size > limits.maxFileBytes) return undefined;
    return { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
  } catch {
    return undefined;
  }
}

export async function readBytes(root: string, path: string, symlink: boolean, limits: ReadLimits): Promise<ReadResult> {
  const absolute = resolve(root, path);
  try {
    if (symlink) {
      // A link may point anywhere; only read it when its target stays inside the root.
      const target = await realpath(absolute).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
        return { missing: await readlink(absolute) };
      });
      if (typeof target !== 'string') return { document: unreadableDocument(path, await missingTargetReason(absolute, target.missing), 'unreadable-file') };
      const realRoot = await realpath(root);
      const inside = relative(realRoot, target);
      if (inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) {
        return { document: unreadableDocument(path, 'File is a symbolic link to a place outside the corpus root; it was not read', 'outside-root') };
      }
    }
    // Synchronous, as the scan reads (see `readsBetweenTurns`).
    const info = statSync(absolute);
    // A pipe or a device reached through a link would block the read, or never end.
    if (!info.isFile() && !info.isDirectory()) {
      return { document: unreadableDocument(path, 'File is not a regular file (a pipe, socket or device); it was not read', 'unreadable-file') };
    }
    // Judge the size before reading so that a huge file never enters memory.
    if (info.size > limits.maxFileBytes) return { document: tooLargeDocument(path, info.size, limits) };
    // A link's own signature says nothing of its target's: links are always read.
    const signature = symlink ? undefined : { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
    return { bytes: readFileSync(absolute), signature };
  } catch (error) {
    return { document: unreadableDocument(path, unreadableReason(path, (error as NodeJS.ErrnoException).code), 'unreadable-file') };
  }
}

/**
 * Why a symbolic link leads nowhere. A target written with a line break or spaces around it
 * (`packages/ai/README.md` and a newline: a file's text committed as a link) names no file,
 * though it reads like one that exists: that is said.
 */
async function missingTargetReason(link: string, written: string): Promise<string> {
  const trimmed = written.trim();
  if (trimmed === written || trimmed === '') return `File is a symbolic link to \`${toPosix(written)}\`, which does not exist; it was not read`;
  const padding = written.replace(trimmed, '');
  const what = /[\r\n]/.test(padding) ? 'a line break' : /^ +$/.test(padding) ? 'a space' : 'white space';
  const where = written.startsWith(trimmed) ? 'ends in' : 'starts with';
  const target = toPosix(trimmed);
  const exists = await stat(resolve(dirname(link), trimmed)).then(() => true, () => false);
  return `File is a symbolic link whose target, \`${target}\`, ${where} ${what}, so it leads to no file${exists ? ` (\`${target}\` itself exists)` : ''}; it was not read: make the link again without ${what}`;
}

/**
 * Why a listed file could not be read. A name whose bytes are not UTF-8 is listed with `�` in
 * their place, a name no file has: "ENOENT" would say the file is not there.
 */
function unreadableReason(path: string, code: string | undefined): string {
  if (code === 'ELOOP') return 'File is a symbolic link loop';
  if (code === 'ENOENT' && path.includes('\uFFFD')) {
    return 'File name is not UTF-8 (`\uFFFD` stands for bytes that are not), so the file cannot be opened by the name its folder lists; rename it in UTF-8';
  }
  return `File could not be read (${code ?? 'unknown error'})`;
}

/** A problem with the corpus as a whole (not one file): reported as a usage error. */

export class CorpusError extends Error {
  override name = 'CorpusError';
}

