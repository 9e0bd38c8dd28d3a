/**
 * The move engine behind `capsule mv`: every edit that moving a file or folder inside the
 * corpus makes to the documents, so that each link still reaches what it reached. Links to a
 * moved file take its new path; a moved document's own relative links are rebased onto its
 * new folder; SeeAlso locations (`(in FILE.md)`) follow the file they name. Links that reach
 * a moved file by a site's route, not its path, cannot be recomputed here and are listed for
 * the user instead. Pure: the caller reads and writes files.
 */
import { posix } from 'node:path';
import type { KnowledgeGraph } from '@capsule-docs/graph';
import { TextPoints, type DocumentLink, type Reference } from 'remark-capsules';
import { mkdocsConfigPattern, mkdocsNavEdits } from './mkdocs-nav-move.js';

export type MoveChangeKind = 'link' | 'image' | 'definition' | 'import' | 'see-also' | 'navigation';

export interface MoveChange {
  /** The document the edit is in, at its path before the move. */
  document: string;
  kind: MoveChangeKind;
  /** Offsets into the document's text in the graph. */
  start: number;
  end: number;
  text: string;
  line: number;
  column: number;
}

/** A reference to a moved file that the move leaves as written, and why. */
export interface LeftReference {
  document: string;
  line: number;
  column: number;
  written: string;
  reason: string;
}

export interface MovePlan {
  /** Each file's path before and after the move (the documents and other files the graph lists). */
  moved: { from: string; to: string }[];
  changes: MoveChange[];
  left: LeftReference[];
  /** The text of each file edited that is no document (a site's navigation), as the edits' offsets read it. */
  otherTexts: Map<string, string>;
}

const routeReason = 'it reaches the file by a site route, not its path; change it by hand';
const outsideDocsReason = 'MkDocs lists only pages inside its docs_dir; change the nav by hand';
const writtenReason = 'the path is written with escapes or entities the move cannot rewrite; change it by hand';

/**
 * Plan moving each `from` (a file or folder, root-relative) to its `to` in `graph`, all at
 * once (an editor moves several files together). The caller has checked that each `from`
 * exists, its `to` does not, and both lie inside the root. `readFile` gives the text of a
 * root-relative file that is no document (an MkDocs configuration), or undefined.
 */
export function planMove(graph: KnowledgeGraph, moves: readonly { from: string; to: string }[], readFile: (path: string) => string | undefined = () => undefined): MovePlan {
  const placeAfter = (path: string): string => {
    for (const { from, to } of moves) {
      if (path === from) return to;
      if (path.startsWith(`${from}/`)) return to + path.slice(from.length);
    }
    return path;
  };
  const isMoved = (path: string) => placeAfter(path) !== path;
  const moved = [...graph.files].filter(isMoved).sort().map((path) => ({ from: path, to: placeAfter(path) }));

  const changes: MoveChange[] = [];
  const left: LeftReference[] = [];
  for (const document of graph.documents) {
    const text = document.text;
    const points = new TextPoints(text);
    const newPath = placeAfter(document.path);
    const edited = new Set<number>();
    const spans: [number, number][] = [];
    const change = (kind: MoveChangeKind, start: number, end: number, replacement: string) => {
      if (text.slice(start, end) === replacement) return;
      // A SeeAlso item that is a link names its path once: the link's edit is the item's too.
      if (spans.some(([from, to]) => start < to && from < end)) return;
      spans.push([start, end]);
      const { line, column } = points.point(start);
      changes.push({ document: document.path, kind, start, end, text: replacement, line, column });
    };
    const leave = (start: number, written: string, reason: string) => {
      const { line, column } = points.point(start);
      left.push({ document: document.path, line, column, written, reason });
    };

    for (const link of document.model.links) {
      if (link.kind !== 'relative' || link.path === undefined || link.path === '' || link.inMath) continue;
      const target = fileTarget(graph, document.path, link.path);
      if (target === undefined) continue;
      const targetAfter = placeAfter(target.path);
      if (targetAfter === target.path && (newPath === document.path || target.from !== 'document')) continue;
      const written = writtenPath(text, link);
      const start = link.position.start.offset;
      if (written === undefined) {
        leave(start, link.url, writtenReason);
        continue;
      }
      const path =
        target.from === 'document'
          ? relativePath(newPath, targetAfter, written.text)
          : target.from === 'top'
            ? `/${posix.join(graph.rootInRepository ?? '', targetAfter)}`
            : targetAfter;
      edited.add(start);
      change(link.import ? 'import' : link.definition ? 'definition' : link.image ? 'image' : 'link', written.start, written.end, encodeLike(written.text, link.path, path, written.angled));
    }

    const references = [...document.model.seeAlso, ...document.model.capsules.flatMap((capsule) => capsule.seeAlso)];
    for (const reference of references) {
      const location = reference.kind === 'document' ? reference.target : reference.qualifier;
      if (location === undefined) continue;
      const target = fileTarget(graph, document.path, location);
      if (target === undefined || target.from === 'top') continue;
      const targetAfter = placeAfter(target.path);
      if (targetAfter === target.path && (newPath === document.path || target.from !== 'document')) continue;
      const at = locationIn(text, reference, location);
      if (at === undefined) {
        leave(reference.position.start.offset, location, writtenReason);
        continue;
      }
      change('see-also', at, at + location.length, target.from === 'document' ? relativePath(newPath, targetAfter, location) : targetAfter);
    }

    // What still reaches a moved file after the edits above does so by a route.
    for (const edge of graph.edgesIn(document.path)) {
      if (edge.kind !== 'links-to' || edge.status !== 'resolved' || edge.toDocument === undefined || !isMoved(edge.toDocument)) continue;
      // A link to a heading of its own document (`#setup`) goes with it.
      if (edited.has(edge.position.start.offset) || edge.target.startsWith('#')) continue;
      leave(edge.position.start.offset, edge.target, routeReason);
    }
  }
  // MkDocs's `nav` names pages by their paths in docs_dir.
  const otherTexts = new Map<string, string>();
  for (const config of [...graph.files].filter((path) => mkdocsConfigPattern.test(path) && !graph.document(path))) {
    const text = readFile(config);
    if (text === undefined) continue;
    const { edits, left: navLeft } = mkdocsNavEdits(config, text, placeAfter);
    if (edits.length === 0 && navLeft.length === 0) continue;
    const points = new TextPoints(text);
    const at = (offset: number) => ({ line: points.point(offset).line, column: points.point(offset).column });
    if (edits.length > 0) otherTexts.set(config, text);
    for (const edit of edits) changes.push({ document: config, kind: 'navigation', ...edit, ...at(edit.start) });
    for (const entry of navLeft) left.push({ document: config, written: entry.written, reason: outsideDocsReason, ...at(entry.start) });
  }
  // Listed by where each document is after the move, as the user will look for it.
  const order = <T extends { document: string; line: number; column: number }>(a: T, b: T) => {
    const [first, second] = [placeAfter(a.document), placeAfter(b.document)];
    return first < second ? -1 : first > second ? 1 : a.line - b.line || a.column - b.column;
  };
  return { moved, changes: changes.sort(order), left: left.sort(order), otherTexts };
}

/**
 * The file a path written in `document` names, and how it is read: from the document's
 * folder (as GitHub and every site read a relative link), from the corpus root (as agents
 * read `docs/setup.md`), or from the repository's top (`/docs/setup.md`). Undefined when the
 * path names no file of the corpus, or reaches one only by a site route.
 */
function fileTarget(graph: KnowledgeGraph, document: string, written: string): { path: string; from: 'document' | 'root' | 'top' } | undefined {
  const path = written.replace(/\\/g, '/');
  if (path.includes('\0') || /^[a-z]:/i.test(path) || path.startsWith('//')) return undefined;
  if (path.startsWith('/')) {
    const fromTop = posix.normalize(path).slice(1).replace(/\/$/, '');
    const inside = graph.rootInRepository === undefined ? fromTop : posix.relative(graph.rootInRepository || '.', fromTop);
    return inside !== '' && !inside.startsWith('../') && graph.exists(inside) ? { path: inside, from: 'top' } : undefined;
  }
  // A path may climb out of the root to a file of the repository around it (`../../build/x.json`).
  const here = posix.normalize(posix.join(posix.dirname(document), path)).replace(/\/$/, '');
  if (here === '.' || here === '..') return undefined;
  if (graph.exists(here)) return { path: here, from: 'document' };
  const fromRoot = posix.normalize(path).replace(/\/$/, '');
  if (!path.startsWith('.') && !fromRoot.startsWith('../') && graph.exists(fromRoot)) return { path: fromRoot, from: 'root' };
  return undefined;
}

/** The path from `document`'s folder to `target`, in the style `written` had (`./`, a trailing `/`). */
function relativePath(document: string, target: string, written: string): string {
  // Both are root-relative and `target` may climb above the root: read them from a made-up
  // folder deep enough that no `../` reaches the top of the file system.
  const base = `/${'_/'.repeat(target.split('/').filter((segment) => segment === '..').length + 1)}`;
  let path = posix.relative(posix.join(base, posix.dirname(document)), posix.join(base, target)) || '.';
  if (/^\.\/|^\.$/.test(written) && !path.startsWith('../') && path !== '.') path = `./${path}`;
  if (written.endsWith('/') && !path.endsWith('/')) path += '/';
  return path;
}

/** `path` written as `written` wrote `decoded`: percent-encoded when it was, in `<…>` when it needs them. */
function encodeLike(written: string, decoded: string, path: string, angled: boolean): string {
  if (written !== decoded) return encodeURI(path).replace(/[?#]/g, encodeURIComponent);
  if (angled || !/[\s()<>]/.test(path)) return path;
  return path.replace(/[\s()<>]/g, (character) => encodeURIComponent(character));
}

/**
 * Where a link's path stands in the source: after `](` in an inline link or image, after
 * `]:` in a definition, after `@` in an import. Undefined when it is not written there as
 * the link's path (an escape, an entity), so that no edit lands on the wrong text.
 */
function writtenPath(text: string, link: DocumentLink): { start: number; end: number; text: string; angled: boolean } | undefined {
  const start = link.position.start.offset;
  const source = text.slice(start, link.position.end.offset);
  const candidates: { at: number; angled: boolean; destination: string }[] = [];
  if (link.import) {
    candidates.push({ at: 1, angled: false, destination: source.slice(1) });
  } else if (link.definition) {
    const match = /^\[(?:\\.|[^\\\]])*\]:[ \t]*(?:\r?\n[ \t]*)?(<[^<>\n]*>|\S+)/.exec(source);
    if (match) candidates.push(destination(match[1]!, match[0].length - match[1]!.length));
  } else {
    for (let index = source.lastIndexOf(']('); index !== -1; index = source.lastIndexOf('](', index - 1)) {
      const rest = source.slice(index + 2);
      const match = /^[ \t]*(?:\r?\n[ \t]*)?(<[^<>\n]*>|(?:\\.|[^\s()\\]|\((?:\\.|[^\s()\\])*\))+)/.exec(rest);
      if (!match) continue;
      const after = rest.slice(match[0].length);
      if (!/^\s*(?:"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\((?:\\.|[^()\\])*\))?\s*\)$/.test(after)) continue;
      candidates.push(destination(match[1]!, index + 2 + match[0].length - match[1]!.length));
      break;
    }
  }
  const [found] = candidates;
  if (!found) return undefined;
  const pathPart = /^[^?#]*/.exec(found.destination)![0];
  if (pathPart !== link.path && safeDecode(pathPart) !== link.path) return undefined;
  return { start: start + found.at, end: start + found.at + pathPart.length, text: pathPart, angled: found.angled };
}

function destination(written: string, at: number): { at: number; angled: boolean; destination: string } {
  return written.startsWith('<') ? { at: at + 1, angled: true, destination: written.slice(1, -1) } : { at, angled: false, destination: written };
}

/** Where a SeeAlso item's location is written: at or after its name, within the item. */
function locationIn(text: string, reference: Reference, location: string): number | undefined {
  const from = reference.kind === 'document' ? reference.position.start.offset : reference.position.end.offset;
  const at = text.indexOf(location, from);
  return at !== -1 && at <= from + reference.raw.length ? at : undefined;
}

function safeDecode(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}
