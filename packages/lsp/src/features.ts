/**
 * The answers to editor requests, from the graph: hover, symbols, completion, code actions
 * and rename edits. No I/O; the server passes in the graph and the findings.
 */
import type { CorpusDocument, KnowledgeGraph } from '@capsule-docs/graph';
import {
  CodeActionKind,
  CompletionItemKind,
  SymbolKind,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type Range,
  type SymbolInformation,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { VFileMessage } from 'vfile-message';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from './diagnostics.js';
import { capsuleLocation, referencesTo, uriOf } from './navigation.js';
import { rangeOf, spanRange } from './text.js';
import type { CapsuleNode } from '@capsule-docs/graph';

/** A capsule's invariant, where it is defined and how many references reach it. */
export function hoverFor(graph: KnowledgeGraph, capsule: CapsuleNode, range: Range): Hover {
  const references = referencesTo(graph, capsule).length;
  const invariant = capsule.capsule.invariant?.text.trim();
  const lines = [
    `**${capsule.name}**`,
    invariant ? `\n${invariant}` : '\n_No invariant._',
    `\n${capsule.document}:${capsule.capsule.headingPosition.start.line} · ${references} ${references === 1 ? 'reference' : 'references'}`,
  ];
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range };
}

/** The document's headings as a tree, capsules marked as such. */
export function documentSymbols(document: CorpusDocument): DocumentSymbol[] {
  const capsules = new Map(document.model.capsules.filter((capsule) => capsule.name !== '').map((capsule) => [capsule.headingPosition.start.offset, capsule]));
  const top: DocumentSymbol[] = [];
  const open: { depth: number; symbol: DocumentSymbol }[] = [];
  const end = document.text.length;
  for (const heading of document.model.headings) {
    const capsule = capsules.get(heading.position.start.offset);
    const selection = spanRange(document, capsule ? capsule.namePosition : heading.position);
    const symbol: DocumentSymbol = {
      name: capsule ? capsule.name : heading.text || '(untitled)',
      kind: capsule ? SymbolKind.Class : SymbolKind.Namespace,
      range: rangeOf(document, heading.position.start.offset, end),
      selectionRange: selection,
      children: [],
    };
    if (capsule?.invariant) symbol.detail = firstLine(capsule.invariant.text);
    // A heading's section runs until the next heading at its depth or above.
    while (open.length > 0 && open[open.length - 1]!.depth >= heading.depth) {
      const closed = open.pop()!;
      closed.symbol.range = { start: closed.symbol.range.start, end: rangeOf(document, heading.position.start.offset, heading.position.start.offset).end };
    }
    (open.length > 0 ? open[open.length - 1]!.symbol.children! : top).push(symbol);
    open.push({ depth: heading.depth, symbol });
  }
  return top;
}

/** Every capsule whose name holds the query's letters in order (any case). */
export function workspaceSymbols(graph: KnowledgeGraph, root: string, query: string): SymbolInformation[] {
  const wanted = query.toLowerCase();
  const matches = (name: string) => {
    let at = 0;
    for (const character of name.toLowerCase()) if (character === wanted[at]) at++;
    return at === wanted.length;
  };
  return graph.capsules.flatMap((capsule) => {
    const location = matches(capsule.name) ? capsuleLocation(graph, root, capsule) : undefined;
    return location ? [{ name: capsule.name, kind: SymbolKind.Class, location, containerName: capsule.document }] : [];
  });
}

const seeAlsoLine = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?See\s?Also(?:\*\*|__)?\s*:(?:\*\*|__)?/i;
const checklistOpen = /^\s*[-*+]\s+\[[ xX]\]\s.*\(([^()]*)$/;

/**
 * Capsule names, where a name is expected: after `SeeAlso:` and in a checklist item's final
 * parentheses. Each name once, described by the definition it resolves to, not by a stub copy
 * or a writing guide's sample of it.
 */
export function completions(graph: KnowledgeGraph, lineBefore: string): CompletionItem[] {
  if (!seeAlsoLine.test(lineBefore) && !checklistOpen.test(lineBefore)) return [];
  const names = new Set(graph.capsules.map((capsule) => capsule.name));
  return [...names].map((name) => graph.capsule(name)!).map((capsule) => ({
    label: capsule.name,
    kind: CompletionItemKind.Reference,
    detail: capsule.document,
    ...(capsule.capsule.invariant ? { documentation: capsule.capsule.invariant.text.trim() } : {}),
  }));
}

/** Quick fixes for the findings in `range`: each safe fix `--fix` applies, and each did-you-mean. */
export function codeActions(document: CorpusDocument, uri: string, messages: VFileMessage[], range: Range): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const message of messages) {
    const diagnostic = toDiagnostic(message);
    if (!overlaps(diagnostic.range, range)) continue;
    const fix = message.fix as { start: number; end: number; text: string; original?: string } | undefined;
    if (fix && (fix.original === undefined || document.text.slice(fix.start, fix.end) === fix.original)) {
      actions.push(action(`Fix: ${message.reason}`, uri, { range: rangeOf(document, fix.start, fix.end), newText: fix.text }, diagnostic, true));
      continue;
    }
    // A did-you-mean the rule does not fix by itself: the word replaced by the suggestion.
    const suggestion = message.expected?.length === 1 ? message.expected[0] : undefined;
    const edit = suggestion === undefined ? undefined : suggestionEdit(document, message, suggestion);
    if (edit) actions.push(action(`Change to \`${suggestion}\``, uri, edit, diagnostic, true));
  }
  return actions;
}

function action(title: string, uri: string, edit: TextEdit, diagnostic: Diagnostic, preferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: { changes: { [uri]: [edit] } } };
}

/** Replace the word the finding is about with the suggestion, when that word stands at its place. */
function suggestionEdit(document: CorpusDocument, message: VFileMessage, suggestion: string): TextEdit | undefined {
  const place = message.place;
  if (!place || !('start' in place) || place.start.offset === undefined || place.end.offset === undefined) return undefined;
  const written = document.text.slice(place.start.offset, place.end.offset);
  const data = (message as VFileMessage & { data?: Record<string, unknown> }).data ?? {};
  const candidates = [message.actual, ...Object.values(data)].filter((value): value is string => typeof value === 'string' && value !== '' && value !== suggestion);
  for (const word of candidates) {
    const at = wholeWord(written, word);
    if (at !== undefined) return { range: rangeOf(document, place.start.offset + at, place.start.offset + at + word.length), newText: suggestion };
  }
  return undefined;
}

function wholeWord(text: string, word: string): number | undefined {
  const boundary = /[A-Za-z0-9_-]/;
  for (let index = text.indexOf(word); index !== -1; index = text.indexOf(word, index + 1)) {
    const before = text[index - 1];
    const after = text[index + word.length];
    if ((before === undefined || !boundary.test(before)) && (after === undefined || !boundary.test(after))) return index;
  }
  return undefined;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export interface RenameEdit {
  document: string;
  start: number;
  end: number;
  text: string;
}

/**
 * The rename engine's changes as one workspace edit. `otherTexts` holds the text of each file
 * edited that is no document (an MkDocs configuration's `nav`), which the offsets read.
 */
export function workspaceEdit(graph: KnowledgeGraph, root: string, changes: RenameEdit[], otherTexts: ReadonlyMap<string, string> = new Map()): WorkspaceEdit {
  const edits: Record<string, TextEdit[]> = {};
  const otherIndexes = new Map<string, TextDocument>();
  for (const change of changes) {
    const document = graph.document(change.document);
    let range: Range;
    if (document) range = rangeOf(document, change.start, change.end);
    else {
      const text = otherTexts.get(change.document);
      if (text === undefined) continue;
      let index = otherIndexes.get(change.document);
      if (!index) otherIndexes.set(change.document, (index = TextDocument.create(change.document, 'plaintext', 0, text)));
      range = { start: index.positionAt(change.start), end: index.positionAt(change.end) };
    }
    (edits[uriOf(root, change.document)] ??= []).push({ range, newText: change.text });
  }
  return { changes: edits };
}

function firstLine(text: string): string {
  return text.trim().split(/\r\n|\r|\n/)[0] ?? '';
}
