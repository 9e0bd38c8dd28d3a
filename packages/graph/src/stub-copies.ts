/**
 * Stub copies. Agent files (`AGENTS.md`, `CLAUDE.md`) often repeat a capsule as a short stub,
 * its heading and invariant only, to point an agent at the full definition elsewhere in the
 * repository. The full definition is the capsule: names resolve to it, and the stub is not a
 * second definition. Only a capsule with an Invariant and neither an Example nor a Depth is
 * a stub, and only
 * while a fuller capsule of its name exists; two stubs, or two full capsules, of one name are
 * still a duplicate.
 */
import type { Capsule } from 'remark-capsules';

/**
 * Agent files (`AGENTS.md`, `CLAUDE.md`, in any folder) are read by coding agents first, and
 * repeat a capsule as a stub, its heading and invariant, to point at the full definition.
 */
export function isAgentFile(path: string): boolean {
  return /^(?:agents|claude)\.md$/i.test(path.split('/').at(-1) ?? path);
}

/** Whether a capsule is written as a stub: an Invariant, and no Example or Depth. */
export function isStub(capsule: Capsule): boolean {
  return capsule.invariant !== undefined && capsule.example === undefined && capsule.depth === undefined;
}

/**
 * Definitions of one name in the order the graph takes them: full definitions first, then
 * stubs, then samples in a writing guide (`Capsule.sample`), each group in the order given
 * (path, then document order). Stable, so a name defined once or only by full capsules keeps
 * its order.
 */
export function definitionsFirst<T extends { capsule: Capsule }>(nodes: T[]): T[] {
  return nodes.length > 1 ? [...nodes].sort((a, b) => rank(a.capsule) - rank(b.capsule)) : nodes;
}

function rank(capsule: Capsule): number {
  return capsule.sample ? 2 : isStub(capsule) ? 1 : 0;
}

/** Whether `node` is a stub copy of the full definition `first` (the first of its name). */
export function isStubCopy(node: { capsule: Capsule; document: string }, first: { capsule: Capsule; document: string }): boolean {
  return node !== first && isStub(node.capsule) && !isStub(first.capsule) && node.document !== first.document;
}
