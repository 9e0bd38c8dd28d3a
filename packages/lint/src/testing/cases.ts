/**
 * Rule test cases: a fixture file or folder (or a README example) read into a corpus, with
 * the findings each document expects written in the document itself:
 *
 *     <!-- expected:
 *     3:1-3:12 missing-part
 *     -->
 *
 * A case may set the rule's options with `<!-- options: {...} -->` and lint options with
 * `<!-- lint-options: {...} -->`. In a folder case, files under `at-<ref>/` are the corpus
 * as it was at that git ref (for `invariant-immutable`) and are not part of the corpus.
 * Used by the tests only; nothing here is exported from the package.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  KnowledgeGraph,
  readDocument,
  readStaticConfig,
  redirectionFileName,
  redirectionsOf,
  siteConfigName,
  typedocIncludeCandidates,
  typedocIncludesOf,
  type CorpusDocument,
  type SiteConfigs,
  type StaticValue,
} from '@capsule-docs/graph';
import type { Span } from 'remark-capsules';
import type { LintOptions } from '../host.js';

export interface RuleCase {
  name: string;
  /** Corpus-relative path -> text, Markdown documents and other files alike. */
  files: Record<string, string>;
  /** Ref -> path -> text: the corpus at a git ref. */
  history: Record<string, Record<string, string>>;
}

export interface CaseSettings {
  ruleOptions: Record<string, unknown>;
  lintOptions: LintOptions;
  /** `path line:col-line:col message-id`, sorted. */
  expected: string[];
}

const expectedBlock = /<!--\s*expected:\s*\n([\s\S]*?)-->/;
const optionsComment = /<!--\s*options:\s*(\{[\s\S]*?\})\s*-->/;
const lintOptionsComment = /<!--\s*lint-options:\s*(\{[\s\S]*?\})\s*-->/;

/** Read a fixture: a `.md` file is a corpus of one, a folder a corpus of its files (its `.mdx` pages read as MDX). */
export function readCase(path: string): RuleCase {
  const name = path.split(sep).at(-1)!;
  if (!statSync(path).isDirectory()) return { name, files: { [name]: readFileSync(path, 'utf8') }, history: {} };
  const files: Record<string, string> = {};
  const history: Record<string, Record<string, string>> = {};
  for (const file of listFiles(path)) {
    const relativePath = relative(path, file).split(sep).join('/');
    const text = readFileSync(file, 'utf8');
    const atRef = /^at-([^/]+)\/(.+)$/.exec(relativePath);
    if (atRef) (history[atRef[1]!] ??= {})[atRef[2]!] = text;
    else files[relativePath] = text;
  }
  return { name, files, history };
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(folder, entry.name)) : [join(folder, entry.name)]))
    .sort();
}

/** The settings and expectations a case writes into its documents. */
export function caseSettings(ruleCase: RuleCase): CaseSettings {
  let ruleOptions: Record<string, unknown> = {};
  let lintOptions: LintOptions = {};
  const expected: string[] = [];
  for (const [path, text] of Object.entries(ruleCase.files)) {
    if (!path.endsWith('.md')) continue;
    const options = optionsComment.exec(text);
    if (options) ruleOptions = JSON.parse(options[1]!);
    const lint = lintOptionsComment.exec(text);
    if (lint) lintOptions = JSON.parse(lint[1]!);
    const block = expectedBlock.exec(text);
    for (const line of block ? block[1]!.split('\n') : []) {
      if (line.trim() !== '') expected.push(`${path} ${line.trim()}`);
    }
  }
  const history = ruleCase.history;
  if (Object.keys(history).length > 0) {
    lintOptions = { ...lintOptions, git: { show: (ref, path) => history[ref]?.[path], renamedSince: (ref) => renamesSince(history[ref] ?? {}, ruleCase.files) } };
  }
  return { ruleOptions, lintOptions, expected: expected.sort() };
}

/** The files a case renamed since a ref, as git finds a rename of the same text: a file gone whose text a new file holds. */
function renamesSince(before: Record<string, string>, now: Record<string, string>): Map<string, string> {
  const renames = new Map<string, string>();
  for (const [path, text] of Object.entries(before)) {
    if (Object.hasOwn(now, path)) continue;
    const moved = Object.keys(now).find((other) => now[other] === text && !Object.hasOwn(before, other));
    if (moved !== undefined) renames.set(path, moved);
  }
  return renames;
}

/** A case's site configurations (`hugo.toml`, `docusaurus.config.js`), read as a scan reads them: as far as they are written literally. */
export async function caseSiteConfigs(ruleCase: RuleCase): Promise<SiteConfigs> {
  const read = (path: string) => Promise.resolve(Object.hasOwn(ruleCase.files, path) ? ruleCase.files[path] : undefined);
  const configs = new Map<string, StaticValue>();
  for (const path of Object.keys(ruleCase.files).filter((name) => siteConfigName.test(name))) {
    const value = await readStaticConfig(path, read);
    if (value !== undefined) configs.set(path, value);
  }
  return configs;
}

/** The graph of a case's files, with its site configurations when they were read (see `caseSiteConfigs`). */
export function caseGraph(ruleCase: RuleCase, transform: (document: CorpusDocument) => CorpusDocument = (document) => document, siteConfigs?: SiteConfigs): KnowledgeGraph {
  const encoder = new TextEncoder();
  const ignored = ignoredByCase(ruleCase.files['.gitignore'], Object.keys(ruleCase.files));
  const documents = Object.entries(ruleCase.files)
    .filter(([path]) => /\.mdx?$/.test(path) && !ignored(path))
    .map(([path, text]) => transform(readDocument(path, encoder.encode(text))));
  // As the listing tells it: whether an ignored path is a file or folder of the case.
  const paths = Object.keys(ruleCase.files);
  const ignoredHere = (path: string) => ignored(path) && paths.some((file) => file === path || file.startsWith(`${path.replace(/\/$/, '')}/`));
  // A case with a `.gitignore` is a repository's top, as only a repository reads one: `/guides/` is read from there.
  const rootInRepository = ruleCase.files['.gitignore'] === undefined ? undefined : '';
  const redirections = redirectionsOf(Object.entries(ruleCase.files).filter(([path]) => redirectionFileName.test(path)), rootInRepository);
  const files = paths.filter((path) => !ignored(path));
  // The Markdown its source files take into doc comments, as a scan reads them.
  const typedocIncludes = typedocIncludesOf(typedocIncludeCandidates(files).map((path) => [path, ruleCase.files[path]!] as const), new Set(files));
  return new KnowledgeGraph({ documents, files, rootInRepository, ignoredByGit: ignored, ignoredHere, redirections, typedocIncludes, ...(siteConfigs ? { siteConfigs } : {}) });
}

/**
 * A case's `.gitignore`, for the lines fixtures use: a folder (`local/`, or `/local/` from the
 * top) leaves out what lies under it, and the folder itself when asked with its slash or when
 * the case holds it, as git knows a folder only from the disk; any other line the path itself.
 * The corpus listing reads real `.gitignore` files with the full rules.
 */
function ignoredByCase(gitignore: string | undefined, files: readonly string[]): (path: string) => boolean {
  const lines = (gitignore ?? '').split('\n').map((line) => line.trim().replace(/^\//, '')).filter((line) => line !== '' && !line.startsWith('#'));
  const folder = (line: string, path: string) => path.startsWith(line) || (`${path}/` === line && files.some((file) => file.startsWith(line)));
  return (path) => lines.some((line) => (line.endsWith('/') ? folder(line, path) : path === line));
}

const origin: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/**
 * The document with every place in its model collapsed to the start of the file and the
 * positions of its mdast nodes removed, as a generated tree would have them.
 */
export function stripPositions(document: CorpusDocument): CorpusDocument {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    if (isSpan(value)) return structuredClone(origin);
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      // An mdast node's `position` goes away entirely.
      if (key === 'position' && 'type' in value) continue;
      copy[key] = strip(inner);
    }
    return copy;
  };
  return { ...document, model: strip(document.model) as CorpusDocument['model'] };
}

function isSpan(value: object): boolean {
  const span = value as Partial<Span>;
  return typeof span.start?.line === 'number' && typeof span.end?.line === 'number' && typeof span.start?.offset === 'number';
}
