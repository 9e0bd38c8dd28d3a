/**
 * Parsing a long document in independent pieces. micromark holds every event of a parse at
 * once, hundreds of bytes for each character (a 2.6 MB document of capsules took over a
 * gigabyte parsed whole, a fifth of that in pieces), and some of its steps walk all events so
 * far (with them, a document of many capsules took time in the square of its length).
 *
 * The text is cut where a line starts in column 1 after a blank line and is not a list item
 * (nor follows an indented line: see `afterIndented`).
 * Only two things run across such a line: frontmatter, and a top-level code fence or HTML
 * block (CommonMark kinds 1 to 5) left open above it. A quick line scan avoids cutting inside
 * them; where it is wrong, the piece's own parse shows it (it ends in that fence or block,
 * unclosed), and the piece is parsed again together with the pieces up to the block's real
 * end. Link reference definitions are the one thing that reaches across pieces: a piece that cites
 * a label another piece defines is parsed with a definition of it written after it. Which
 * labels those are is known only once every piece is parsed; the lines shaped like
 * definitions tell it beforehand, so such a piece is parsed once, with them, and again only
 * where the pieces' trees show otherwise (definitions at the end of a document are common,
 * and a piece citing them would otherwise be parsed twice, the first time in vain).
 */
import type { Definition, Nodes, Root } from 'mdast';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Point } from 'unist';
import { frontmatterFenceKind, isFrontmatterFence, type FrontmatterKind } from './frontmatter-fence.js';

/** Pieces shorter than this are not cut further: a short document is parsed whole. */
export const minimumPieceLength = 8 * 1024;

/** After this many re-parses of one piece, the rest of the document is taken as one piece. */
const maximumMerges = 8;

const lineBreak = /\r\n|\r|\n/g;
const blankLine = /^[ \t]*$/;
const fenceOpening = /^ {0,3}(`{3,}|~{3,})/;
const containerMarker = /^ {0,3}(?:>[ \t]?|[-+*][ \t]+|\d{1,9}[.)][ \t]+)/;
const quoteMarkers = /^(?: {0,3}>[ \t]?)+/;
/** HTML blocks that run over blank lines (CommonMark kinds 1 to 5), and what ends each. */
const spanningHtml: { start: RegExp; end: RegExp }[] = [
  { start: /^ {0,3}<(?:pre|script|style|textarea)(?=[ \t>]|$)/i, end: /<\/(?:pre|script|style|textarea)>/i },
  { start: /^ {0,3}<!--/, end: /-->/ },
  { start: /^ {0,3}<\?/, end: /\?>/ },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/ },
  { start: /^ {0,3}<![A-Za-z]/, end: />/ },
];

interface OpenBlock {
  /** True when `line` ends the block (and is part of it). */
  closes(line: string): boolean;
  /** Opened inside a list item or quote: also over at the next line in column 1 outside a quote. */
  nested: boolean;
}

/**
 * Offsets (in `text`, which has no byte order mark) where a new piece may start, at least
 * `minimumLength` characters apart.
 */
export function pieceStarts(text: string, minimumLength: number): number[] {
  const starts = [0];
  let open: OpenBlock | undefined;
  let afterBlank = false;
  // micromark reads the line after an indented code block and blank lines as one that may
  // interrupt it: there an empty list item (`> *`) is text, where a piece of its own would
  // start a list. So no piece starts after a line indented as code.
  let afterIndented = false;
  let offset = 0;
  let index = 0;
  let inFrontmatter: FrontmatterKind | undefined;
  for (const line of lines(text)) {
    const lineStart = offset;
    offset += line.text.length + line.ending.length;
    // Frontmatter is one block only when it is closed; unclosed, `---` is a thematic break and `+++` text.
    const kind = index++ === 0 ? frontmatterFenceKind(line.text) : undefined;
    if (kind && hasLine(text, offset, (next) => isFrontmatterFence(next, kind))) {
      inFrontmatter = kind;
      continue;
    }
    if (inFrontmatter) {
      if (isFrontmatterFence(line.text, inFrontmatter)) inFrontmatter = undefined;
      continue;
    }
    if (open?.nested && /^[^ \t>]/.test(line.text)) open = undefined;
    if (open) {
      if (open.closes(line.text)) open = undefined;
      continue;
    }
    if (blankLine.test(line.text)) {
      afterBlank = true;
      continue;
    }
    if (afterBlank && !afterIndented && startsPiece(line.text) && lineStart - starts.at(-1)! >= minimumLength) starts.push(lineStart);
    afterBlank = false;
    afterIndented = /^(?: {4}|[ ]{0,3}\t)/.test(line.text);
    open = opensBlock(line.text);
  }
  return starts;
}

/**
 * A line in column 1 that is not a list item (which could continue a loose list above). At
 * the start of a piece, a byte order mark would be dropped and `---` would open frontmatter.
 */
function startsPiece(line: string): boolean {
  return !/^[ \t\uFEFF]/.test(line) && !/^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/.test(line) && !isFrontmatterFence(line);
}

/** The fence or HTML block this line opens and leaves open, if any. */
function opensBlock(line: string): OpenBlock | undefined {
  let content = line;
  let nested = false;
  for (let marker = containerMarker.exec(content); marker; marker = containerMarker.exec(content)) {
    content = content.slice(marker[0].length);
    nested = true;
  }
  const closesFence = fenceCloser(content);
  if (closesFence) {
    // In a quote, the closing fence is quoted too; list markers are never stripped, as a
    // `- ```` line inside a fence is its content.
    return { closes: (next) => closesFence(nested ? next.replace(quoteMarkers, '') : next), nested };
  }
  if (nested) return undefined;
  const html = spanningHtml.find((kind) => kind.start.test(line));
  if (!html || html.end.test(line.slice(html.start.exec(line)![0].length))) return undefined;
  return { closes: (next) => html.end.test(next), nested: false };
}

/** For a line that opens a code fence, a test of the lines that close it. */
function fenceCloser(line: string): ((line: string) => boolean) | undefined {
  const opening = fenceOpening.exec(line);
  if (!opening) return undefined;
  const run = opening[1]!;
  // A backtick in the info string makes the line inline code, not a fence.
  if (run[0] === '`' && line.slice(opening[0].length).includes('`')) return undefined;
  const closing = new RegExp(`^ {0,3}${run[0] === '`' ? '`' : '~'}{${run.length},}[ \\t]*$`);
  return (next) => closing.test(next);
}

/**
 * For a piece whose parse ends in a top-level fence or HTML block that is still open, a test
 * of the lines that close it in the whole text. Inside a list item or quote, the line that
 * starts the next piece closes it; but an HTML block or a code fence there, parsed up to the
 * end of the piece, would keep the piece's last blank line, so the piece is parsed again with
 * the next.
 */
function unclosedAtEnd(tree: Root, source: string): ((line: string) => boolean) | undefined {
  const nested = lastNestedBlock(tree);
  if (nested?.type === 'html' && unclosedHtml(nested, source)) return () => true;
  if (nested?.type === 'code' && unclosedFence(nested, source)) return () => true;
  const last = tree.children.at(-1);
  if (!last || (last.type !== 'code' && last.type !== 'html')) return undefined;
  const blockLines = [...lines(source.slice(last.position?.start.offset ?? 0, last.position?.end.offset ?? 0))].map((line) => line.text);
  const first = blockLines[0] ?? '';
  if (last.type === 'code') {
    const closes = fenceCloser(first);
    return closes && !(blockLines.length > 1 && closes(blockLines.at(-1)!)) ? closes : undefined;
  }
  const kind = spanningHtml.find((candidate) => candidate.start.test(first));
  if (!kind) return undefined;
  const rest = [first.slice(kind.start.exec(first)![0].length), ...blockLines.slice(1)];
  return rest.some((line) => kind.end.test(line)) ? undefined : (line) => kind.end.test(line);
}

/** The last block of the last list item or quote the tree ends in, if it ends in one. */
function lastNestedBlock(tree: Root): Nodes | undefined {
  let node: Nodes | undefined = tree.children.at(-1);
  let depth = 0;
  while (node && (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote')) {
    node = node.children.at(-1);
    depth++;
  }
  return depth > 0 ? node : undefined;
}

/**
 * Whether a code block inside a list item or quote is a fence that has not met its closing
 * line: its last line, without the indent and quote markers of its container, is no fence
 * of its opening's kind and length at least.
 */
function unclosedFence(node: Nodes, source: string): boolean {
  const blockLines = [...lines(source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0))].map((line) => line.text);
  const closes = fenceCloser(blockLines[0] ?? '');
  if (!closes) return false;
  return blockLines.length === 1 || !closes(blockLines.at(-1)!.replace(/^[ \t>]*/, ''));
}

/** Whether an HTML block of a kind that runs over blank lines (CommonMark 1 to 5) has not met its end. */
function unclosedHtml(node: Nodes, source: string): boolean {
  const text = source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  const kind = spanningHtml.find((candidate) => candidate.start.test(text));
  return kind !== undefined && !kind.end.test(text.slice(kind.start.exec(text)![0].length));
}

function hasLine(text: string, from: number, test: (line: string) => boolean): boolean {
  return lineEndWhere(text, from, test) !== undefined;
}

/** The offset after the first line from `from` on that passes `test` (its line ending left out). */
function lineEndWhere(text: string, from: number, test: (line: string) => boolean): number | undefined {
  let offset = from;
  for (const line of lines(text.slice(from))) {
    if (test(line.text)) return offset + line.text.length;
    offset += line.text.length + line.ending.length;
  }
  return undefined;
}

function* lines(text: string): Generator<{ text: string; ending: string }> {
  let start = 0;
  const breaks = new RegExp(lineBreak.source, 'g');
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    yield { text: text.slice(start, match.index), ending: match[0] };
    start = match.index + match[0].length;
  }
  if (start < text.length) yield { text: text.slice(start), ending: '' };
}

interface Piece {
  start: number;
  text: string;
  tree: Root;
  /** The labels a definition was written after the piece for when `tree` was parsed, in order. */
  appended: readonly string[];
}

/** A line shaped like a link reference definition: the label it seems to define, and where. */
interface WrittenDefinition {
  offset: number;
  label: string;
}

/**
 * Parse `text` (without a byte order mark) piece by piece with `parse`, and join the trees
 * into the tree of the whole text, every place counted from the start of `text`.
 */
export function parseInPieces(text: string, parse: (piece: string) => Root, minimumLength = minimumPieceLength): Root {
  const starts = pieceStarts(text, minimumLength);
  if (starts.length === 1) return parse(text);

  const written = writtenDefinitions(text);
  const pieces: Piece[] = [];
  for (let index = 0; index < starts.length; ) {
    const start = starts[index]!;
    let next = index + 1;
    let pieceText = text.slice(start, starts[next] ?? text.length);
    let parsed = parseCiting(pieceText, start, written, parse);
    for (let merges = 0; next < starts.length; merges++) {
      const closes = unclosedAtEnd(parsed.tree, pieceText);
      if (!closes) break;
      const end = merges < maximumMerges ? (lineEndWhere(text, start + pieceText.length, closes) ?? text.length) : text.length;
      while (next < starts.length && starts[next]! <= end) next++;
      pieceText = text.slice(start, starts[next] ?? text.length);
      parsed = parseCiting(pieceText, start, written, parse);
    }
    pieces.push({ start, text: pieceText, ...parsed });
    index = next;
  }
  if (pieces.length === 1) return pieces[0]!.tree;

  // A piece that cannot be given the definitions it cites is rare enough to parse the whole.
  if (!resolveAcrossPieces(pieces, parse)) return parse(text);
  return joinPieces(pieces);
}

/**
 * Give each piece the definitions of the labels it cites that other pieces define, now that
 * every piece's tree says which those are: a piece parsed with other labels than these (see
 * `parseCiting`) is parsed again. False when a piece could not take them (see
 * `withDefinitions`): its references are unresolved.
 */
function resolveAcrossPieces(pieces: Piece[], parse: (piece: string) => Root): boolean {
  const labels = pieces.map((piece) => definitionLabels(piece.tree, piece.text));
  const definedAnywhere = new Set(labels.flat());
  return pieces.every((piece, index) => {
    const own = new Set(labels[index]);
    const wanted = definedAnywhere.size === 0 ? [] : citedOnce(piece.text).filter((label) => definedAnywhere.has(label) && !own.has(label));
    if (sameLabels(wanted, piece.appended)) return true;
    const tree = wanted.length === 0 ? parse(piece.text) : withDefinitions(piece.text, wanted, parse);
    if (tree) piece.tree = tree;
    return tree !== undefined;
  });
}

/**
 * A piece's tree, parsed with definitions of the labels it cites that lines elsewhere in the
 * text seem to define (`written`): the tree `resolveAcrossPieces` keeps when the pieces' trees
 * agree. A piece left open at its end is parsed as it is, its definitions given it later.
 */
function parseCiting(text: string, start: number, written: readonly WrittenDefinition[], parse: (piece: string) => Root): Omit<Piece, 'start' | 'text'> {
  const end = start + text.length;
  const own = new Set<string>();
  const elsewhere = new Set<string>();
  for (const definition of written) (definition.offset >= start && definition.offset < end ? own : elsewhere).add(definition.label);
  const labels = elsewhere.size === 0 ? [] : citedOnce(text).filter((label) => elsewhere.has(label) && !own.has(label));
  if (labels.length > 0) {
    const tree = withDefinitions(text, labels, parse);
    if (tree && !unclosedAtEnd(tree, text)) return { tree, appended: labels };
  }
  return { tree: parse(text), appended: [] };
}

/**
 * The tree of a piece parsed with definitions of `labels` written after it, without them. A
 * reference's node holds only its label, so where a definition points does not matter. micromark
 * reads every definition before it reads any text, so one written after the piece counts as one
 * written anywhere in it; a blank line keeps it out of the piece's last block. Should that block
 * still take it in (a block left open at the end of the piece), `undefined`.
 */
function withDefinitions(text: string, labels: readonly string[], parse: (piece: string) => Root): Root | undefined {
  const length = text.length;
  const tree = parse(`${text}\n\n${labels.map((label) => `[${label}]: #\n`).join('')}`);
  const children = tree.children.filter((child) => (child.position?.start.offset ?? 0) < length);
  if (children.some((child) => (child.position?.end.offset ?? 0) > length)) return undefined;
  return { ...tree, children, position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(text) } };
}

/** Where a parse of `text` ends: after its last character, line endings counted as micromark counts them. */
function endOf(text: string): Point {
  let line = 1;
  let lineStart = 0;
  for (const match of text.matchAll(lineBreak)) {
    line++;
    lineStart = match.index + match[0].length;
  }
  return { line, column: text.length - lineStart + 1, offset: text.length };
}

/**
 * Every line of `text` shaped like a link reference definition, outside a container or not.
 * A guess of what the text defines, to be confirmed by the parse: a line inside a fence is
 * taken, and a definition whose label runs over lines is not.
 */
function writtenDefinitions(text: string): WrittenDefinition[] {
  if (!text.includes(']:')) return [];
  return [...text.matchAll(/^(?: {0,3}>)*[ \t]*\[((?:[^[\]\\\r\n]|\\.)+)\]:/gm)].map((match) => ({ offset: match.index, label: normalizeIdentifier(match[1]!) }));
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((label, index) => label === b[index]);
}

/** The labels a piece could cite (see `citedLabels`), each once, in the order first written. */
function citedOnce(source: string): string[] {
  return [...new Set(citedLabels(source))];
}

function joinPieces(pieces: Piece[]): Root {
  const root: Root = { type: 'root', children: [] };
  let line = 0;
  let end: Point = { line: 1, column: 1, offset: 0 };
  for (const piece of pieces) {
    shiftPlaces(piece.tree, line, piece.start);
    for (const child of piece.tree.children) root.children.push(child);
    if (piece.tree.position) end = piece.tree.position.end;
    line += piece.text.match(lineBreak)?.length ?? 0;
  }
  root.position = { start: { line: 1, column: 1, offset: 0 }, end };
  return root;
}

/** Move every place in `tree` down by `lines` lines and on by `offset` characters. */
function shiftPlaces(tree: Root, lines: number, offset: number): void {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const position = node.position;
    if (position) {
      // Points built field by field, which costs a fraction of spreading them.
      const { start, end } = position;
      node.position = {
        start: { line: start.line + lines, column: start.column, offset: (start.offset ?? 0) + offset },
        end: { line: end.line + lines, column: end.column, offset: (end.offset ?? 0) + offset },
      };
    }
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
}

/**
 * The labels a tree defines, normalized as micromark compares them. Each is read from the
 * source: a node's `label` has its escapes decoded, which micromark's comparison does not.
 */
function definitionLabels(tree: Root, source: string): string[] {
  const found: string[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition') {
      const label = rawLabel(node, source);
      if (label !== undefined) found.push(normalizeIdentifier(label));
    }
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
  return found;
}

function rawLabel(node: Definition, source: string): string | undefined {
  const start = source.indexOf('[', node.position?.start.offset ?? 0);
  if (start === -1) return undefined;
  for (let index = start + 1; index < source.length; index++) {
    if (source[index] === '\\') index++;
    else if (source[index] === ']') return source.slice(start + 1, index);
  }
  return undefined;
}

/** Every bracketed text of a piece, normalized: the labels it could cite. */
function citedLabels(source: string): string[] {
  return [...source.matchAll(/\[((?:[^[\]\\]|\\[\s\S])*)\]/g)].map((match) => normalizeIdentifier(match[1] ?? ''));
}
