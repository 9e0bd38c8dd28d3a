/** Corpus-wide look-ups that several rules share, each built once per lint run. */
import picomatch from 'picomatch';
import { decodePath, resolveCorpusPath, SuggestionIndex, type CorpusDocument } from '@capsule-docs/graph';
import type { RuleContext } from '../types.js';

/** Every capsule name in the corpus, indexed for "did you mean" (kept by the graph between checks). */
export function capsuleNameIndex(context: RuleContext): SuggestionIndex {
  return context.memo('capsule-name-index', () => context.graph.nameSuggestions());
}

/** The heading anchors of a document. */
export function anchorsOf(context: RuleContext, document: CorpusDocument): ReadonlySet<string> {
  return context.memo(`anchors:${document.path}`, () => new Set(document.model.headings.map((heading) => heading.slug)));
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
  return candidates.some(isExternal);
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
