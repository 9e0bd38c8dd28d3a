/**
 * The rename engine behind `capsule rename` and the language server's rename: every edit that
 * renaming one capsule makes across a graph (its heading, SeeAlso entries, checklist
 * citations, mentions in prose, links to its heading's anchor), or why the rename is refused.
 * Places come from the graph, so only references that resolve to this capsule change. Pure:
 * the caller reads and writes files.
 */
import { suggestAmong, type CapsuleNode, type KnowledgeGraph } from '@capsule-docs/graph';
import { isCitableName, TextPoints, type Span } from 'remark-capsules';

export type RenameChangeKind = 'heading' | 'see-also' | 'cites' | 'mentions' | 'anchor';

export interface RenameChange {
  document: string;
  kind: RenameChangeKind;
  /** Offsets into the document's text in the graph. */
  start: number;
  end: number;
  text: string;
  line: number;
  column: number;
}

export type RenamePlan =
  | { ok: true; capsule: CapsuleNode; changes: RenameChange[] }
  | { ok: false; message: string; hint?: string };

/** Why `newName` cannot be a capsule's name, if it cannot. */
export function newNameProblem(newName: string): { message: string; hint: string } | undefined {
  if (isCitableName(newName)) return undefined;
  return {
    message: `\`${newName}\` is not a valid capsule name`,
    hint: 'A name is one CamelCase word of ASCII letters and digits with at least two capitals, e.g. `RiskDiscovery`.',
  };
}

/**
 * Plan renaming `oldName` to `newName` in `graph`. `place` says where a document line is, for
 * the message when the new name is taken.
 */
export function planRename(
  graph: KnowledgeGraph,
  oldName: string,
  newName: string,
  place: (document: string, line: number) => string = (document, line) => `${document}:${line}`,
): RenamePlan {
  const invalid = newNameProblem(newName);
  if (invalid) return { ok: false, ...invalid };
  const definitions = graph.capsulesNamed(oldName);
  const [capsule] = definitions;
  if (!capsule) {
    const suggestion = suggestAmong(oldName, graph.names());
    return { ok: false, message: `No capsule is named \`${oldName}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}` };
  }
  if (definitions.length > 1) {
    return {
      ok: false,
      message: `\`${oldName}\` is defined ${definitions.length} times (${definitions.map((node) => node.document).join(', ')})`,
      hint: 'Names must be unique: rename or remove the extra definitions by hand first.',
    };
  }
  const taken = graph.capsulesNamed(newName)[0];
  if (taken) {
    return { ok: false, message: `\`${newName}\` already exists (${place(taken.document, taken.capsule.headingPosition.start.line)})`, hint: 'Choose a name no capsule uses.' };
  }
  return { ok: true, capsule, changes: collectChanges(graph, capsule, oldName, newName) };
}

/** Every edit the rename makes, in corpus order. */
function collectChanges(graph: KnowledgeGraph, capsule: CapsuleNode, oldName: string, newName: string): RenameChange[] {
  const changes: RenameChange[] = [];
  const seen = new Set<string>();
  const pointsOf = new Map<string, TextPoints>();
  const add = (document: string, kind: RenameChangeKind, span: Span, word: string, replacement: string) => {
    const text = graph.document(document)!.text;
    const at = findWord(text, span.start.offset, span.end.offset, word);
    if (at === undefined) return;
    const key = `${document}\0${at}`;
    if (seen.has(key)) return;
    seen.add(key);
    let points = pointsOf.get(document);
    if (!points) pointsOf.set(document, (points = new TextPoints(text)));
    const { line, column } = points.point(at);
    changes.push({ document, kind, start: at, end: at + word.length, text: replacement, line, column });
  };

  add(capsule.document, 'heading', capsule.capsule.namePosition, oldName, newName);
  for (const edge of graph.backlinks(capsule)) {
    if (edge.kind === 'see-also' || edge.kind === 'cites' || edge.kind === 'mentions') {
      add(edge.document, edge.kind, edge.position, oldName, newName);
    }
  }
  // Links to the heading's anchor (`#capsule-oldname`) follow the heading's new text.
  const heading = graph
    .document(capsule.document)
    ?.model.headings.find((candidate) => candidate.position.start.offset === capsule.capsule.headingPosition.start.offset);
  const oldSlug = `capsule-${oldName.toLowerCase()}`;
  if (heading?.slug === oldSlug) {
    for (const edge of graph.edges) {
      if (edge.kind === 'links-to' && edge.toDocument === capsule.document && edge.anchor === oldSlug) {
        add(edge.document, 'anchor', edge.position, `#${oldSlug}`, `#capsule-${newName.toLowerCase()}`);
      }
    }
  }
  return changes.sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : a.start - b.start));
}

/** The offset of `word` as a whole word within `start`..`end`, if it is there. */
function findWord(text: string, start: number, end: number, word: string): number | undefined {
  const boundary = /[A-Za-z0-9_]/;
  for (let index = text.indexOf(word, start); index !== -1 && index + word.length <= end; index = text.indexOf(word, index + 1)) {
    const before = text[index - 1];
    const after = text[index + word.length];
    const wordStart = word.startsWith('#') || before === undefined || !boundary.test(before);
    if (wordStart && (after === undefined || !boundary.test(after))) return index;
  }
  return undefined;
}

