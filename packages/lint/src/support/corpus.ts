/** Corpus-wide look-ups that several rules share, each built once per lint run. */
import { posix } from 'node:path';
import picomatch from 'picomatch';
import { decodePath, resolveCorpusPath, SuggestionIndex, type CorpusDocument, type KnowledgeGraph } from '@capsule-docs/graph';
import type { RuleContext } from '../types.js';

/** Every capsule name in the corpus, indexed for "did you mean" (kept by the graph between checks). */
export function capsuleNameIndex(context: RuleContext): SuggestionIndex {
  return context.memo('capsule-name-index', () => context.graph.nameSuggestions());
}

/**
 * The corpus's tags and categories by name, each with the first document that carries it:
 * a SeeAlso entry naming one of them took a label of documents for a capsule.
 */
export function taxonomyTerms(context: RuleContext): ReadonlyMap<string, { kind: 'tag' | 'category'; document: string }> {
  return context.memo('taxonomy-terms', () => {
    const terms = new Map<string, { kind: 'tag' | 'category'; document: string }>();
    for (const tag of context.graph.tags()) terms.set(tag.name, { kind: 'tag', document: tag.documents[0]! });
    for (const category of context.graph.categories()) {
      if (!terms.has(category.name)) terms.set(category.name, { kind: 'category', document: category.documents[0]!.path });
    }
    return terms;
  });
}

/**
 * The anchors of a document: its headings' slugs, the anchors it sets, and on a site
 * generator's page the generator's slugs; and those of the fragments it takes in whole
 * (`--8<--`, `{{#include}}`), whose headings the page shows as its own.
 */
export function anchorsOf(context: RuleContext, document: CorpusDocument): ReadonlySet<string> {
  return context.memo(`anchors:${document.path}`, () => documentAnchors(context.graph, document));
}

/** The anchors of a document as `anchorsOf` finds them, from the graph alone (for code that runs outside a rule). */
export function documentAnchors(graph: KnowledgeGraph, document: CorpusDocument): Set<string> {
  const anchors = new Set<string>();
  const styles = graph.siteAnchorStyles(document.path);
  const fragments = document.model.includes ? graph.includedDocuments(document.path).map((path) => graph.document(path)!) : [];
  for (const shown of [document, ...fragments]) {
    for (const heading of shown.model.headings) {
      anchors.add(heading.slug);
      // A page a site generator serves has its anchors too (`#build-target` for `## build.target` in VitePress).
      for (const style of styles) if (heading.siteSlugs?.[style] !== undefined) anchors.add(heading.siteSlugs[style]);
    }
    for (const anchor of shown.model.setAnchors ?? []) anchors.add(anchor);
    // And the other ids its generator sets (`#fn:1`, Python-Markdown's footnote).
    for (const style of styles) for (const anchor of shown.model.siteAnchors?.[style] ?? []) anchors.add(anchor);
  }
  return anchors;
}

/** The anchors of a document in lower case: GitHub finds a heading whatever the case of the anchor. */
export function lowerCaseAnchorsOf(context: RuleContext, document: CorpusDocument): ReadonlySet<string> {
  return context.memo(`lower-case-anchors:${document.path}`, () => new Set([...anchorsOf(context, document)].map((anchor) => anchor.toLowerCase())));
}

/**
 * A corpus path as a message shows it: from the repository's top when a repository holds the
 * root, as reporters show the file a finding is in when run there (`docs/plan.md`, not
 * `plan.md`, for a corpus rooted at `docs/`).
 */
export function shownPath(context: RuleContext, path: string): string {
  const root = context.graph.rootInRepository;
  return root ? posix.join(root, path) : path;
}

/** How far a path may reach, for messages: the repository, or the corpus root when no repository holds it. */
export function pathBoundary(context: RuleContext): string {
  return context.graph.rootInRepository === undefined ? 'the corpus root, which no git repository holds' : 'the repository';
}

/**
 * True when `target`, written in `fromDocument`, names a document the settings declare to
 * live outside the corpus: matched as written, relative to the document, or from the root.
 * An entry is a path or a glob (`docs/**`, `../handbook/*.md`).
 */
export function isExternalDocument(context: RuleContext, fromDocument: string, target: string): boolean {
  const isExternal = context.memo('external-documents', () => externalMatcher(context.settings.externalDocuments));
  if (isExternal === undefined) return false;
  const decoded = decodePath(target);
  const candidates = [normalise(decoded)];
  for (const base of [fromDocument, '']) {
    const resolved = resolveCorpusPath(base, decoded);
    if (resolved.kind === 'inside') candidates.push(resolved.path);
  }
  // A path around the root, as a missing link's finding names it (`../notes/x.md`, `/rubydoc/x.html` from `docs/`),
  // and a route's page files (`/rubydoc/Formula.html` at `docs/rubydoc/Formula.html`): the entry it suggests matches.
  candidates.push(posix.normalize(posix.join(posix.dirname(fromDocument), decoded)), ...context.graph.sitePageFiles(fromDocument, decoded));
  return candidates.some(isExternal);
}

/**
 * The `externalDocuments` entry that covers an ignored path a link names: its shallowest
 * ignored folder that holds no file of the corpus, with `/**` (`docs/rubydoc/**`, where a
 * build writes its pages), or the path itself when no such folder is ignored.
 */
export function externalEntryFor(context: RuleContext, path: string): string {
  const folders = path.split('/').slice(0, -1);
  for (let depth = 1; depth <= folders.length; depth++) {
    const folder = folders.slice(0, depth).join('/');
    if (folder === '..' || folder.endsWith('/..') || folder === '.') continue;
    if (!context.graph.isIgnoredByGit(folder) && !context.graph.isIgnoredByGit(`${folder}/`)) continue;
    const inCorpus = context.memo(`corpus-files-under:${folder}`, () => [...context.graph.files].some((file) => file.startsWith(`${folder}/`)));
    if (!inCorpus) return `${folder}/**`;
  }
  return path;
}

/** One test for every entry: exact paths in a set, globs compiled once. */
function externalMatcher(entries: readonly string[]): ((path: string) => boolean) | undefined {
  if (entries.length === 0) return undefined;
  const exact = new Set<string>();
  const globs: string[] = [];
  for (const entry of entries.map(normalise)) {
    if (picomatch.scan(entry).isGlob) globs.push(entry);
    else exact.add(entry);
  }
  const matchesGlob = globs.length > 0 ? picomatch(globs, { dot: true }) : () => false;
  return (path) => exact.has(path) || matchesGlob(path);
}

function normalise(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}
