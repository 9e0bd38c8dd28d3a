/**
 * A document's cross-file keys: every way the graph can connect it to another document.
 * Two documents can only affect each other's edges and findings when one defines a
 * capsule name the other defines or references, or when one points at the other's path;
 * so these keys, kept for every document, tell which few documents a change can touch.
 */
import type { CapsuleDocument, Reference } from 'remark-capsules';
import { decodePath, docsResourceCandidates, resolveCorpusPath } from './paths.js';

export interface CrossFileKeys {
  /** Capsule names the document defines. */
  defines: string[];
  /** Capsule names it references: SeeAlso entries (the document's own included), checklist citations, prose mentions. */
  references: string[];
  /** Corpus paths its links, document references and `(in FILE.md)` qualifiers may resolve to. */
  targets: string[];
}

/** The cross-file keys of a document model (whole or summarized) at `path`. */
export function crossFileKeys(path: string, model: CapsuleDocument): CrossFileKeys {
  const defines = new Set<string>();
  const references = new Set<string>();
  const targets = new Set<string>();
  const addTarget = (written: string) => {
    const resource = docsResourceCandidates(written);
    if (resource !== undefined) {
      for (const candidate of resource) targets.add(candidate);
      return;
    }
    // The graph tries the path relative to the document first, then from the root.
    const decoded = decodePath(written);
    for (const candidate of [resolveCorpusPath(path, decoded), resolveCorpusPath('', decoded)]) {
      if (candidate.kind === 'inside') targets.add(candidate.path);
    }
  };
  const addReference = (reference: Reference) => {
    if (reference.kind === 'capsule') references.add(reference.target);
    if (reference.kind === 'document') addTarget(reference.target);
    if (reference.qualifier !== undefined) addTarget(reference.qualifier);
  };
  for (const capsule of model.capsules) {
    if (capsule.name !== '') defines.add(capsule.name);
    for (const reference of capsule.seeAlso) addReference(reference);
  }
  // The document's own See Also.
  for (const reference of model.seeAlso) addReference(reference);
  for (const item of model.checklist) for (const citation of item.cites) references.add(citation.name);
  for (const mention of model.mentions) references.add(mention.name);
  for (const link of model.links) {
    if (link.kind === 'relative') addTarget(link.path ?? '');
  }
  return { defines: [...defines], references: [...references], targets: [...targets] };
}
