/**
 * Which documents a change to a few documents can give findings or take them from. A change
 * to one document can break another: renaming or removing a capsule leaves every reference
 * to the old name dangling in documents nobody touched.
 *
 * - `blastRadius`: what `capsule check a.md b.md` reports on, the given documents plus every
 *   document whose references the change broke (judged by the given documents' capsule
 *   names now and at a git revision, their headings' anchors now, and their paths and site
 *   routes for a deleted one), and the agent files whose stubs it left without their full
 *   capsule.
 * - `documentsToRecheck`: what the language server checks again after an edit, the blast
 *   radius plus the documents whose findings the edit may have taken away or reworded.
 */
import { decodePath, documentCategories, documentTags, isAgentFile, isStub, mayChangeSuggestion, resolveCorpusPath, type CorpusDocument, type Edge, type KnowledgeGraph } from '@capsule-docs/graph';
import { documentAnchors } from './support/corpus.js';
import { capsuleFields, frontmatterData } from './support/document-kinds.js';

/**
 * The paths to report on: `given` (corpus-relative; a path may name a document deleted
 * since the revision `before` names were read at) and the documents their change affects.
 * With `anchorsBefore` (each given document's anchors at that revision, in lower case), a
 * link whose anchor a given document lacks counts only if the document had it then: an
 * anchor that was already broken is no change's doing.
 */
export function blastRadius(graph: KnowledgeGraph, given: readonly string[], before: readonly string[], anchorsBefore?: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
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

  // Indexed loops over every edge: these run after each edit in the language server, and a
  // `for...of` there allocated an iterator result per edge, most of the server's garbage.
  // Given documents that are gone: a site's page among them was linked to by its route too.
  const gone = new Set(given.filter((path) => !graph.files.has(path)));
  const anchors = new Map<string, Set<string>>();
  const edges = graph.edges;
  for (let index = 0; index < edges.length; index++) {
    const edge = edges[index]!;
    if (edge.status === 'resolved') {
      // A link into a given document whose anchor it no longer has (a heading renamed), and
      // had at the revision the names were read at, when its anchors there are known.
      if (
        edge.anchor !== undefined &&
        edge.toDocument !== undefined &&
        givenPaths.has(edge.toDocument) &&
        !report.has(edge.document) &&
        (anchorsBefore === undefined || anchorsBefore.get(edge.toDocument)?.has(edge.anchor.toLowerCase()) === true) &&
        lacksAnchor(graph, edge.toDocument, edge.anchor, anchors)
      ) {
        report.add(edge.document);
      }
      continue;
    }
    if (edge.status !== 'unknown-name' && edge.status !== 'missing-document') continue;
    const namesTouched = (edge.kind === 'see-also' || edge.kind === 'cites') && names.has(edge.target);
    // The path a reference names: its `(in FILE.md)` qualifier, else a missing document's target
    // (an unknown name is a name, not a path). Only a given file that is gone can be the change's
    // loss: one still there that the reference misses (`./docs/faq.md` written from `pack/`) was
    // missed before the change too.
    const path = edge.qualifier ?? (edge.status === 'missing-document' ? edge.target : undefined);
    if (namesTouched || pointsInto(edge.document, path, gone)) report.add(edge.document);
    else if (gone.size > 0 && edge.kind === 'links-to' && edge.status === 'missing-document' && routesInto(graph, edge, gone)) report.add(edge.document);
  }
  // A name the change introduced may now be defined twice: the other definition's document too.
  for (const name of currentNames) {
    const definitions = graph.capsulesNamed(name);
    if (definitions.length > 1) for (const node of definitions) report.add(node.document);
  }
  // A name the change took away may leave a stub in an agent file without its full capsule.
  for (const name of names) {
    if (currentNames.has(name)) continue;
    for (const node of graph.capsulesNamed(name)) if (isAgentFile(node.document) && isStub(node.capsule)) report.add(node.document);
  }
  return report;
}

/** Whether a document lacks an anchor, in any case (GitHub finds a heading whatever the case of the anchor), as `link-resolves` reads its anchors. */
function lacksAnchor(graph: KnowledgeGraph, path: string, anchor: string, known: Map<string, Set<string>>): boolean {
  let anchors = known.get(path);
  if (anchors === undefined) {
    const document = graph.document(path);
    // A file that is no document (an image) has no anchors to lose.
    if (!document) return false;
    anchors = new Set([...documentAnchors(graph, document)].map((name) => name.toLowerCase()));
    known.set(path, anchors);
  }
  return !anchors.has(anchor.toLowerCase());
}

/**
 * Whether a link that reaches nothing named a gone page by its route: the page a site serves
 * there (`nodes` for `docs/graph/nodes.md` on a Jekyll site, `/guide/setup` on VitePress's),
 * or the MDX page `./setup` named without its extension.
 */
function routesInto(graph: KnowledgeGraph, edge: Edge, gone: ReadonlySet<string>): boolean {
  const target = decodePath(edge.target);
  if (graph.sitePageFiles(edge.document, target).some((path) => gone.has(path))) return true;
  const mdx = resolveCorpusPath(edge.document, `${target}.mdx`);
  return mdx.kind === 'inside' && gone.has(mdx.path);
}

function pointsInto(fromDocument: string, target: string | undefined, paths: ReadonlySet<string>): boolean {
  if (target === undefined || target === '') return false;
  const decoded = decodePath(target);
  for (const candidate of [resolveCorpusPath(fromDocument, decoded), resolveCorpusPath('', decoded)]) {
    if (candidate.kind === 'inside' && paths.has(candidate.path)) return true;
  }
  return false;
}

/** An edit of a live graph, as it stood before `KnowledgeGraph.replaceDocuments` and what that returned. */
export interface GraphChange {
  /** The replaced documents' paths. */
  paths: readonly string[];
  /** The capsule names they defined before. */
  namesBefore: readonly string[];
  /** The documents their edges reached before. */
  targetsBefore: readonly string[];
  /** The documents whose edges `replaceDocuments` made again. */
  rewired: Iterable<string>;
  /** What the replaced documents' frontmatter gave other documents' findings before (`frontmatterFacts` of each). */
  frontmatterBefore: readonly string[];
}

/**
 * What other documents' findings read of a document's frontmatter: the convention fields it
 * sets (`frontmatter-consistent` counts them) as `field:<name>` (and `takes-part` when it
 * has frontmatter at all), and its tags and categories
 * (`see-also-resolves` says when a name is one) as `label:<name>`.
 */
export function frontmatterFacts(document: CorpusDocument | undefined): string[] {
  if (!document) return [];
  const data = frontmatterData(document);
  const facts = capsuleFields.filter((field) => Object.hasOwn(data, field)).map((field) => `field:${field}`);
  // A document with frontmatter may count among "the others" every such finding weighs.
  if (document.model.frontmatter?.data !== undefined) facts.push('takes-part');
  for (const tag of documentTags(document)) facts.push(`label:${tag}`);
  for (const category of documentCategories(document)) facts.push(`label:${category.name}`);
  return facts;
}

/**
 * Every document whose findings the change can have altered, given the graph after it. Rules
 * outside the changed documents read, of them: where names resolve (the rewired documents),
 * which definition of a name comes first (every definition of a name they define or defined),
 * whether a capsule is referenced (the documents their edges reached, before and now), their
 * headings (documents pointing into them), the set of names a did-you-mean draws on, and of
 * their frontmatter the convention fields they set and their tags and categories.
 */
export function documentsToRecheck(graph: KnowledgeGraph, change: GraphChange): Set<string> {
  const recheck = blastRadius(graph, change.paths, change.namesBefore);
  const changed = new Set(change.paths);
  for (const path of change.rewired) recheck.add(path);
  const reached = [...change.targetsBefore];
  const namesNow = new Set<string>();
  for (const path of changed) {
    for (const capsule of graph.document(path)?.model.capsules ?? []) if (capsule.name !== '') namesNow.add(capsule.name);
    for (const edge of graph.edgesIn(path)) if (edge.toDocument !== undefined) reached.push(edge.toDocument);
  }
  for (const path of reached) if (graph.document(path)) recheck.add(path);
  const namesBefore = new Set(change.namesBefore);
  for (const name of new Set([...namesBefore, ...namesNow])) for (const node of graph.capsulesNamed(name)) recheck.add(node.document);

  // Names that came into the corpus or left it: the did-you-means near them may change.
  const appeared = [...namesNow].filter((name) => !namesBefore.has(name) && graph.capsulesNamed(name).every((node) => changed.has(node.document)));
  const vanished = [...namesBefore].filter((name) => graph.capsulesNamed(name).length === 0);
  const newOrGone = [...appeared, ...vanished];
  // Frontmatter others read: a convention field fewer or more documents set, a tag or category come or gone.
  const facts = changedFacts(change.frontmatterBefore, [...changed].flatMap((path) => frontmatterFacts(graph.document(path))));
  if (facts.fields.length > 0) {
    for (const document of graph.documents) {
      const data = frontmatterData(document);
      if (facts.fields.some((field) => !Object.hasOwn(data, field))) recheck.add(document.path);
    }
  }
  const edges = graph.edges;
  for (let index = 0; index < edges.length; index++) {
    const edge = edges[index]!;
    if (recheck.has(edge.document)) continue;
    if (facts.labels.size > 0 && edge.status === 'unknown-name' && facts.labels.has(edge.target)) recheck.add(edge.document);
    else if (edge.toDocument !== undefined && changed.has(edge.toDocument)) recheck.add(edge.document);
    else if (newOrGone.length > 0) {
      const word = suggestionWord(edge);
      if (word !== undefined && newOrGone.some((name) => mayChangeSuggestion(word, name))) recheck.add(edge.document);
    }
  }
  return recheck;
}

/** From the facts held a different number of times before and now: the fields whose findings to weigh again, and the labels come or gone. */
function changedFacts(before: readonly string[], now: readonly string[]): { fields: string[]; labels: Set<string> } {
  const counts = new Map<string, number>();
  for (const fact of before) counts.set(fact, (counts.get(fact) ?? 0) + 1);
  for (const fact of now) counts.set(fact, (counts.get(fact) ?? 0) - 1);
  const differing = [...counts].filter(([, count]) => count !== 0).map(([fact]) => fact);
  return {
    // Each such finding weighs how many documents set a field against how many take part: any change reweighs them all.
    fields: differing.some((fact) => fact === 'takes-part' || fact.startsWith('field:')) ? [...capsuleFields] : [],
    labels: new Set(differing.filter((fact) => fact.startsWith('label:')).map((fact) => fact.slice('label:'.length))),
  };
}

/** The word a rule looks up among the capsule names for an unresolved reference, if any. */
function suggestionWord(edge: Edge): string | undefined {
  if (edge.kind === 'see-also' && edge.status === 'unknown-name') return edge.target;
  if (edge.kind === 'see-also' && edge.status === 'external') return edge.target.replace(/\s+/g, '');
  if (edge.kind === 'cites' && edge.status !== 'resolved') return edge.target;
  return undefined;
}
