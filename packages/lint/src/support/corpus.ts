/** Corpus-wide look-ups that several rules share, each built once per lint run. */
import { decodePath, resolveCorpusPath, type CorpusDocument } from '@capsule-docs/graph';
import type { RuleContext } from '../types.js';
import { SuggestionIndex } from './suggest.js';

/** Every capsule name in the corpus, indexed for "did you mean". */
export function capsuleNameIndex(context: RuleContext): SuggestionIndex {
  return context.memo('capsule-name-index', () => new SuggestionIndex(context.graph.names()));
}

/** The heading anchors of a document. */
export function anchorsOf(context: RuleContext, document: CorpusDocument): ReadonlySet<string> {
  return context.memo(`anchors:${document.path}`, () => new Set(document.model.headings.map((heading) => heading.slug)));
}

/**
 * True when `target`, written in `fromDocument`, names a document the settings declare to
 * live outside the corpus: matched as written, relative to the document, or from the root.
 */
export function isExternalDocument(context: RuleContext, fromDocument: string, target: string): boolean {
  const external = context.memo('external-documents', () => new Set(context.settings.externalDocuments.map(normalise)));
  if (external.size === 0) return false;
  const decoded = decodePath(target);
  const candidates = [normalise(decoded)];
  for (const base of [fromDocument, '']) {
    const resolved = resolveCorpusPath(base, decoded);
    if (resolved.kind === 'inside') candidates.push(resolved.path);
  }
  return candidates.some((candidate) => external.has(candidate));
}

function normalise(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}
