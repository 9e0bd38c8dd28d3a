/**
 * Which documents `capsule check a.md b.md` reports on. A change to one document can break
 * another: renaming or removing a capsule leaves every reference to the old name dangling
 * in documents nobody touched. So the report covers the given documents plus every
 * document whose references the change broke, judged by comparing each given document's
 * capsule names with its names at a git revision.
 */
import { decodePath, resolveCorpusPath, type KnowledgeGraph } from '@capsule-docs/graph';
import { modelAtRevision } from '@capsule-docs/lint';
import type { GitReader } from './git.js';

/** The capsule names the given documents had at `ref`: what a change may have renamed or removed. */
export function namesBefore(given: readonly string[], git: GitReader | undefined, ref = 'HEAD'): string[] {
  const names = new Set<string>();
  for (const path of given) {
    const before = git ? modelAtRevision(git, ref, path) : undefined;
    for (const capsule of before?.capsules ?? []) if (capsule.name !== '') names.add(capsule.name);
  }
  return [...names];
}

/**
 * The paths to report on: `given` (corpus-relative; a path may name a document deleted
 * since the revision `before` names were read at) and the documents their change affects.
 */
export function blastRadius(graph: KnowledgeGraph, given: readonly string[], before: readonly string[]): Set<string> {
  const report = new Set(given.filter((path) => graph.document(path) !== undefined));
  const givenPaths = new Set(given);
  const names = new Set<string>(before);
  const currentNames = new Set<string>();

  for (const path of given) {
    for (const capsule of graph.document(path)?.model.capsules ?? []) {
      names.add(capsule.name);
      currentNames.add(capsule.name);
    }
  }
  names.delete('');

  for (const edge of graph.edges) {
    if (edge.status !== 'unknown-name' && edge.status !== 'missing-document') continue;
    const namesTouched = (edge.kind === 'see-also' || edge.kind === 'cites') && names.has(edge.target);
    // The path a reference names: its `(in FILE.md)` qualifier, else a missing document's target
    // (an unknown name is a name, not a path).
    const path = edge.qualifier ?? (edge.status === 'missing-document' ? edge.target : undefined);
    if (namesTouched || pointsInto(edge.document, path, givenPaths)) report.add(edge.document);
  }
  // A name the change introduced may now be defined twice: the other definition's document too.
  for (const name of currentNames) {
    const definitions = graph.capsulesNamed(name);
    if (definitions.length > 1) for (const node of definitions) report.add(node.document);
  }
  return report;
}

function pointsInto(fromDocument: string, target: string | undefined, paths: ReadonlySet<string>): boolean {
  if (target === undefined || target === '') return false;
  const decoded = decodePath(target);
  for (const candidate of [resolveCorpusPath(fromDocument, decoded), resolveCorpusPath('', decoded)]) {
    if (candidate.kind === 'inside' && paths.has(candidate.path)) return true;
  }
  return false;
}
