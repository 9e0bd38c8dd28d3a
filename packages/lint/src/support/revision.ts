/**
 * A document as it was at a git revision, parsed: the one place that reads history. The
 * `invariant-immutable` rule compares invariants with it, and a check of a few documents
 * compares their capsule names with it to find what their change broke elsewhere. Both ask
 * for the same file at the same revision in one run, so each is parsed once per reader.
 */
import { parseCapsuleDocument, type CapsuleDocument } from 'remark-capsules';

/** What reading history needs: the text of a path at a revision, if it existed there. */
export interface RevisionReader {
  show(ref: string, path: string): string | undefined;
}

const parsed = new WeakMap<RevisionReader, Map<string, CapsuleDocument | undefined>>();

/** The model of `path` at `ref`, or `undefined` when the file did not exist there. */
export function modelAtRevision(git: RevisionReader, ref: string, path: string): CapsuleDocument | undefined {
  let models = parsed.get(git);
  if (!models) parsed.set(git, (models = new Map()));
  const key = `${ref}\0${path}`;
  if (models.has(key)) return models.get(key);
  const text = git.show(ref, path);
  const model = text === undefined ? undefined : parseCapsuleDocument(text, path).model;
  models.set(key, model);
  return model;
}
