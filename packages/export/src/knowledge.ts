/**
 * Which capsules an export offers as the corpus's knowledge. A sample (a capsule under a
 * guide's `## Example Capsules`, or in a template or an exemplar) shows the format with an
 * imagined project's rules or placeholders: listed beside the real capsules, a reader would
 * take "PostgreSQL is the source of truth" from an exemplar for a rule of this project. A stub
 * copy in an agent file repeats the invariant of a full definition elsewhere: listed too, the
 * rule would appear twice. Exports leave both out unless one is asked for by name.
 */
import { agentFileByPlace, isStubCopy, wasParsed, type CapsuleNode, type CorpusDocument, type KnowledgeGraph } from '@capsule-docs/graph';

export function isSample(node: CapsuleNode): boolean {
  return node.capsule.sample === true;
}

/**
 * Whether a capsule is the corpus's own: neither a sample, nor a stub copy of a full
 * definition, nor one of a document left out as a copy (see `copiesLeftOut`).
 */
export function isKnowledge(graph: KnowledgeGraph, node: CapsuleNode, leftOut: ReadonlySet<string> = copiesLeftOut(graph)): boolean {
  const first = graph.capsule(node.name);
  return !isSample(node) && !leftOut.has(node.document) && !(first !== undefined && isStubCopy(node, first));
}

/** The corpus's own capsules, in corpus order. */
export function knowledgeCapsules(graph: KnowledgeGraph): CapsuleNode[] {
  const leftOut = copiesLeftOut(graph);
  return graph.capsules.filter((node) => isKnowledge(graph, node, leftOut));
}

/**
 * The documents whose very text an export already gives under another path. Teams copy a
 * document whole into each folder an agent reads (`docs/ai-context/rules/aws.md` into
 * `.claude/rules/` and `.cursor/rules/`): an export giving every copy would hand a reader
 * the same text three times. The one kept is the first that people read (outside the agents'
 * folders, see `agentFileByPlace`), else the first.
 */
export function copiesLeftOut(graph: KnowledgeGraph): Set<string> {
  const kept = new Map<string, string>();
  for (const document of publishedDocuments(graph)) {
    if (document.text === '') continue;
    const other = kept.get(document.text);
    if (other === undefined || (agentFileByPlace(other) && !agentFileByPlace(document.path))) kept.set(document.text, document.path);
  }
  const keptPaths = new Set(kept.values());
  return new Set(publishedDocuments(graph).filter((document) => document.text !== '' && !keptPaths.has(document.path)).map((document) => document.path));
}

/**
 * The published documents an export gives the text of: each text once (see `copiesLeftOut`),
 * and none that only imports others (see `onlyImports`).
 */
export function offeredDocuments(graph: KnowledgeGraph): CorpusDocument[] {
  const leftOut = copiesLeftOut(graph);
  return publishedDocuments(graph).filter((document) => !leftOut.has(document.path) && !onlyImports(graph, document));
}

/**
 * Whether a document is nothing but an agent's imports of documents the corpus holds: a
 * `CLAUDE.md` of the one line `@AGENTS.md`, so that Claude Code reads the instructions kept for
 * every agent. The agent takes the imported text in where the line stands; the file says
 * nothing of its own, and an export that gives the imported documents would list it as a
 * document of its own, empty but for a path. An import of a file the corpus does not hold
 * (`@~/.claude/my-project.md`) keeps the document: it is all the export can tell of it.
 */
export function onlyImports(graph: KnowledgeGraph, document: CorpusDocument): boolean {
  const imports = document.model.links.filter((link) => link.import !== undefined);
  if (imports.length === 0) return false;
  const resolved = new Set<number>();
  for (const edge of graph.edgesIn(document.path)) {
    if (edge.kind === 'links-to' && edge.status === 'resolved' && edge.toDocument !== undefined && graph.document(edge.toDocument)) resolved.add(edge.position.start.offset);
  }
  if (!imports.every((link) => resolved.has(link.position.start.offset))) return false;
  // What is left once the imports, the HTML comments and the frontmatter are taken out must be blank.
  const cuts = [...imports.map((link) => link.position), ...(document.model.comments ?? []), ...(document.model.frontmatter ? [document.model.frontmatter.position] : [])].sort((a, b) => a.start.offset - b.start.offset);
  let rest = '';
  let from = 0;
  for (const cut of cuts) {
    rest += document.text.slice(from, Math.max(from, cut.start.offset));
    from = Math.max(from, cut.end.offset);
  }
  rest += document.text.slice(from);
  return rest.trim() === '';
}

/**
 * The documents an export offers: those the reader could parse, as the site publishes them. A
 * file it refused (a dangling symlink, a binary, one over the size cap) has no text to give, and
 * a link to it would lead nowhere.
 */
export function publishedDocuments(graph: KnowledgeGraph): CorpusDocument[] {
  return graph.documents.filter(wasParsed);
}
