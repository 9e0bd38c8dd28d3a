/**
 * The quick parser: builds the same mdast tree as remark-parse with the capsule syntax
 * (frontmatter, GFM tables and task-list items) for the plain Markdown capsule documents are
 * mostly made of, in a fraction of micromark's time, and gives up on anything else.
 *
 * It knows: YAML frontmatter; ATX headings; paragraphs; thematic breaks; fenced code, HTML
 * comments, setext headings, HTML blocks of CommonMark's kinds 1 and 6 (`<pre>`, `<div>`, `<p align="center">`)
 * and one-line link reference definitions at the margin; block quotes of paragraphs; tables with a pipe at both ends of every
 * row; lists whose items are one paragraph each (task items included), perhaps with a list
 * nested right below it; and, inside them, what quick-inline.ts knows. A block it does not
 * know, or any doubt (a tab among a line's markers or at its end, indented starts, blank lines
 * around nested lists, other HTML blocks, references, lazy lines in quotes and nested items), makes
 * `quickParse` return undefined, and the caller parses that text with micromark. Tests hold its trees equal to
 * micromark's, place for place.
 */
import type { Blockquote, Code, Definition, Heading, Html, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow, ThematicBreak, Yaml } from 'mdast';
import type { Toml } from './toml-node.js';
import type { Point } from 'unist';
import { htmlBlockNames, htmlRawNames } from 'micromark-util-html-tag-name';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { lineOf, NotQuick, parseInline, type InlineLine, type Places } from './quick-inline.js';
import { frontmatterFenceKind, isFrontmatterFence } from './frontmatter-fence.js';

/** The mdast tree of `text`, or undefined when any of it is outside what the quick parser knows. */
export function quickParse(text: string): Root | undefined {
  try {
    return new QuickParser(text).parse();
  } catch (error) {
    if (error instanceof NotQuick) return undefined;
    throw error;
  }
}

const giveUp = new NotQuick();

const atxHeading = /^(#{1,6})(?: +|$)/;
const fenceOpening = /^(`{3,}|~{3,})(.*)$/;
const thematicBreak = /^(?:-{3,}|\*{3,}|_{3,})$/;
/** Any thematic break, spaces between its markers included (such a line is never a list item). */
const anyThematicBreak = /^(?:(?:- *){3,}|(?:\* *){3,}|(?:_ *){3,})$/;
const bulletItem = /^([-*+])( +)/;
const orderedItem = /^(\d{1,9})([.)])( +)/;
const taskBox = /^\[([ xX])\] (?! )/;
const delimiterRow = /^\|(?: *:?-+:? *\|)+$/;
/**
 * Line starts (after any indent) that could open or interrupt a block, end a paragraph as a
 * setext underline, or make the line above a table's head (a delimiter row: a table starts
 * there, whatever its head line starts with, so a pipe at a line's start opens nothing by
 * itself). Written so that no line makes it backtrack more than once over its length.
 */
const blockStart = /^(?:#{1,6}(?: |$)|>|`{3}|~{3}|[-*+](?: |$)|\d{1,9}[.)](?: |$)|[=-]+ *$|(?:[-*_] *){3,}$|[|: ]*-[|: -]*$|<|:|\[[^\]]*\]:)/;
const definitionStart = /^\[[^\]]*\]:/;
/** An HTML tag's start at the margin: `<` or `</`, its name, and what comes right after it. */
const htmlTagStart = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)(\/>|[ \t>]|$)/;
/** What ends an HTML block of kind 1, whichever of the four names opened it. */
const rawHtmlEnd = /<\/(?:pre|script|style|textarea)>/i;
const blankOrTabs = /^[ \t]*$/;
/** A setext heading's underline at the margin, with no spaces after it (micromark's then). */
const setextUnderline = /^(=+|-+)$/;
/**
 * `[label]: destination` with an optional `"title"`, on one line at the margin, with no
 * escapes, character references, brackets or control characters (which end a destination).
 */
const oneLineDefinition = /^\[([^\][\\&<>`\r\n]{1,999})\]: +([^\s\x00-\x1f\x7f<>\\&"'()]+)(?: +"([^"\\&\r\n]*)")? *$/;

class QuickParser implements Places {
  /** Offsets where each line starts, where its content ends (before its line ending), and the text's line count. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private line = 0;
  /**
   * The labels of every line shaped like a definition: what references may cite. The parse
   * must then read each of those lines as a definition, or the text is micromark's.
   */
  readonly defined = new Set<string>();
  private readonly definitions = new Set<string>();

  constructor(private readonly text: string) {
    let start = 0;
    for (;;) {
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline;
      const contentEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      this.starts.push(start);
      this.ends.push(contentEnd);
      if (newline === -1) break;
      start = newline + 1;
    }
    // A lone carriage return is a line ending too, and micromark replaces NUL: both rare enough to leave to it.
    if (/\r(?!\n)|\0/.test(text)) throw giveUp;
    if (text.includes(']:')) {
      for (let line = 0; line < this.starts.length; line++) {
        const definition = oneLineDefinition.exec(this.lineText(line));
        if (definition && /[^ \t]/.test(definition[1]!)) this.defined.add(labelIdentifier(definition[1]!));
      }
    }
  }

  point(offset: number): Point {
    const line = lineOf(this.starts, offset);
    return { line: line + 1, column: offset - this.starts[line]! + 1, offset };
  }

  parse(): Root {
    const children: RootContent[] = [];
    const frontmatter = this.frontmatter();
    if (frontmatter) children.push(frontmatter);
    while (this.line < this.starts.length) {
      const content = this.lineText(this.line);
      if (isBlank(content)) {
        this.line++;
        continue;
      }
      if (hasStructuralTab(content)) throw giveUp;
      children.push(this.block(content));
    }
    if (this.definitions.size !== this.defined.size) throw giveUp;
    return { type: 'root', children, position: { start: this.point(0), end: this.point(this.text.length) } };
  }

  private lineText(line: number): string {
    return this.text.slice(this.starts[line], this.ends[line]);
  }

  private span(start: number, end: number): { start: Point; end: Point } {
    return { start: this.point(start), end: this.point(end) };
  }

  private frontmatter(): Yaml | Toml | undefined {
    // remark-frontmatter's fences: exactly three dashes (YAML) or pluses (TOML), then spaces or
    // tabs only, closed by the same fence.
    const kind = frontmatterFenceKind(this.lineText(0));
    if (!kind) return undefined;
    let close = 1;
    while (close < this.starts.length && !isFrontmatterFence(this.lineText(close), kind)) close++;
    if (close === this.starts.length) return undefined;
    const value = close === 1 ? '' : this.text.slice(this.starts[1], this.ends[close - 1]);
    this.line = close + 1;
    return { type: kind, value, position: this.span(0, this.ends[close]!) };
  }

  private block(content: string): RootContent {
    const line = this.line;
    const start = this.starts[line]!;
    const end = this.ends[line]!;
    const first = content.charCodeAt(0);
    if (first === 32) throw giveUp;
    if (first === 35) {
      const heading = atxHeading.exec(content);
      if (heading) return this.heading(heading[1]!.length, heading[0].length);
    }
    if (first === 96 || first === 126) {
      const fence = fenceOpening.exec(content);
      if (fence) return this.fencedCode(fence[1]!, fence[2]!);
    }
    if (first === 60 && content.startsWith('<!--')) return this.htmlComment();
    if (first === 60) {
      const kind = htmlBlockKind(content);
      if (kind === 1) return this.rawHtml();
      if (kind === 6) return this.htmlBlock();
    }
    if (thematicBreak.test(content)) {
      this.line++;
      const node: ThematicBreak = { type: 'thematicBreak', position: this.span(start, end) };
      return node;
    }
    // A line that starts with a pipe is a table's head only above a delimiter row; else it is
    // text (a diagram drawn with pipes), and a delimiter row further down gives up as it comes.
    if (first === 124 && this.line + 1 < this.starts.length && delimiterRow.test(this.lineText(this.line + 1))) return this.table();
    if (bulletItem.test(content) || orderedItem.test(content)) return this.list();
    if (first === 62) return this.blockQuote();
    if (first === 91 && oneLineDefinition.test(content)) return this.definition(content);
    if (blockStart.test(content) || definitionStart.test(content)) throw giveUp;
    return this.paragraph(start);
  }

  private heading(depth: number, prefix: number): Heading {
    const line = this.line++;
    const start = this.starts[line]!;
    const end = this.ends[line]!;
    const contentStart = start + prefix;
    const contentEnd = trimEnd(this.text, contentStart, end);
    // A closing run of number signs is not content; leave headings that have one to micromark.
    if (contentEnd > contentStart && this.text.charCodeAt(contentEnd - 1) === 35) throw giveUp;
    const children = contentEnd > contentStart ? this.inline([this.inlineLine(line, contentStart, contentEnd, false)]) : [];
    return { type: 'heading', depth: depth as Heading['depth'], children, position: this.span(start, end) };
  }

  private fencedCode(run: string, rest: string): Code {
    const opening = this.line;
    // Only spaces and tabs are trimmed: a Unicode space or control character is part of the info.
    const info = trimSpaces(rest);
    if ((run[0] === '`' && info.includes('`')) || /[\\&\t]/.test(info)) throw giveUp;
    const closing = new RegExp(`^ {0,3}${run[0] === '`' ? '`' : '~'}{${run.length},}[ \\t]*$`);
    let close = opening + 1;
    while (close < this.starts.length && !closing.test(this.lineText(close))) close++;
    if (close === this.starts.length) throw giveUp;
    this.line = close + 1;
    const words = info === '' ? [] : [info.split(' ', 1)[0]!];
    const lang = words[0] ?? null;
    // micromark keeps the meta's trailing spaces: only those before it are dropped.
    const meta = lang === null ? null : rest.slice(rest.indexOf(lang) + lang.length).replace(/^[ \t]+/, '') || null;
    const value = close === opening + 1 ? '' : this.text.slice(this.starts[opening + 1], this.ends[close - 1]);
    return { type: 'code', lang, meta, value, position: this.span(this.starts[opening]!, this.ends[close]!) };
  }

  /**
   * An HTML comment block (CommonMark's kind 2): from its opening line to the first line that
   * holds `-->` (the opening line itself included, `<!-->` too), blank lines and all, each line
   * kept as written. Left open to the end of the text, it is micromark's.
   */
  private htmlComment(): Html {
    const opening = this.line;
    let close = opening;
    while (close < this.starts.length && this.lineText(close).indexOf('-->', close === opening ? 2 : 0) === -1) close++;
    if (close === this.starts.length) throw giveUp;
    this.line = close + 1;
    const start = this.starts[opening]!;
    const end = this.ends[close]!;
    return { type: 'html', value: this.text.slice(start, end), position: this.span(start, end) };
  }

  /**
   * An HTML block of kind 1 (`<pre>`, `<script>`, `<style>`, `<textarea>`): from its opening
   * line to the first that holds the end tag of any of the four, blank lines and all. Left open
   * to the end of the text, it is micromark's (see `htmlComment`).
   */
  private rawHtml(): Html {
    const opening = this.line;
    let close = opening;
    while (close < this.starts.length && !rawHtmlEnd.test(this.lineText(close))) close++;
    if (close === this.starts.length) throw giveUp;
    return this.htmlLines(opening, close);
  }

  /**
   * An HTML block of kind 6 (`<div>`, `<p align="center">`, `</table>`): its lines up to a
   * blank line (spaces and tabs only) or the end of the text, whatever they hold.
   */
  private htmlBlock(): Html {
    const opening = this.line;
    let close = opening;
    while (close + 1 < this.starts.length && !blankOrTabs.test(this.lineText(close + 1))) close++;
    return this.htmlLines(opening, close);
  }

  private htmlLines(opening: number, close: number): Html {
    this.line = close + 1;
    const start = this.starts[opening]!;
    const end = this.ends[close]!;
    return { type: 'html', value: this.text.slice(start, end), position: this.span(start, end) };
  }

  /**
   * A one-line definition. Below it, only a blank line or another definition: a line of text
   * there could be its title, or a paragraph, as micromark decides.
   */
  private definition(content: string): Definition {
    const [, label, url, title] = oneLineDefinition.exec(content)!;
    const identifier = labelIdentifier(label!);
    if (!/[^ \t]/.test(label!) || !this.defined.has(identifier)) throw giveUp;
    const line = this.line++;
    if (this.line < this.starts.length) {
      const next = this.lineText(this.line);
      if (!isBlank(next) && !oneLineDefinition.test(next)) throw giveUp;
    }
    this.definitions.add(identifier);
    // Its place takes in the line's trailing spaces, as micromark's does.
    const start = this.starts[line]!;
    const end = this.ends[line]!;
    // An empty title (`""`) is no title to micromark, as it holds no string.
    return { type: 'definition', identifier, label: label!, title: title || null, url: url!, position: this.span(start, end) };
  }

  /**
   * A block quote of paragraphs: every line `>` at the margin, then one space and text, or
   * nothing (a line that parts two paragraphs). A line after it that is not blank could
   * continue its paragraph lazily: that, and any block inside it, is micromark's.
   */
  private blockQuote(): Blockquote {
    const first = this.line;
    const children: Paragraph[] = [];
    let lines: InlineLine[] = [];
    const closeParagraph = () => {
      if (lines.length === 0) return;
      settleBreaks(lines);
      const last = lines.at(-1)!;
      children.push({ type: 'paragraph', children: this.inline(lines), position: this.span(lines[0]!.start, last.lineEnd) });
      lines = [];
    };
    while (this.line < this.starts.length) {
      const content = this.lineText(this.line);
      if (isBlank(content)) break;
      if (content.charCodeAt(0) !== 62) throw giveUp;
      if (content === '>') {
        closeParagraph();
        this.line++;
        continue;
      }
      const inner = content.slice(2);
      if (content[1] !== ' ' || inner === '' || inner[0] === ' ' || inner.includes('\t') || blockStart.test(inner) || definitionStart.test(inner)) throw giveUp;
      const start = this.starts[this.line]! + 2;
      lines.push(this.inlineLine(this.line, start, trimEnd(this.text, start, this.ends[this.line]!), true));
      this.line++;
    }
    // A quote that ends in a parting line, or holds no text, is left to micromark.
    if (lines.length === 0) throw giveUp;
    closeParagraph();
    return { type: 'blockquote', children, position: this.span(this.starts[first]!, this.ends[this.line - 1]!) };
  }

  private table(): Table {
    const head = this.line;
    const headCells = this.cells(head);
    const delimiter = this.lineText(head + 1);
    const align = delimiter
      .slice(1, -1)
      .split('|')
      .map((cell) => {
        const trimmed = cell.trim();
        const left = trimmed.startsWith(':');
        const right = trimmed.endsWith(':');
        return left && right ? 'center' : left ? 'left' : right ? 'right' : null;
      });
    if (align.length !== headCells.length - 1) throw giveUp;
    const rows: TableRow[] = [this.row(head, headCells)];
    this.line = head + 2;
    while (this.line < this.starts.length) {
      const content = this.lineText(this.line);
      if (isBlank(content)) break;
      if (content.charCodeAt(0) !== 124) throw giveUp;
      const cells = this.cells(this.line);
      if (cells.length - 1 > align.length) throw giveUp;
      rows.push(this.row(this.line, cells));
      this.line++;
    }
    // With no body rows, the table ends with its delimiter row.
    const end = rows.length === 1 ? this.point(this.ends[head + 1]!) : rows.at(-1)!.position!.end;
    return { type: 'table', align, children: rows, position: { start: rows[0]!.position!.start, end } };
  }

  /** The offsets of a row's pipes; the row must start and end with one, with no escapes or tabs. */
  private cells(line: number): number[] {
    const start = this.starts[line]!;
    const end = this.ends[line]!;
    const content = this.text.slice(start, end);
    if (content.length < 2 || content.charCodeAt(content.length - 1) !== 124 || /[\\\t]/.test(content)) throw giveUp;
    const pipes: number[] = [];
    for (let index = content.indexOf('|'); index !== -1; index = content.indexOf('|', index + 1)) pipes.push(start + index);
    return pipes;
  }

  private row(line: number, pipes: number[]): TableRow {
    const children: TableCell[] = [];
    for (let index = 0; index < pipes.length - 1; index++) {
      const pipe = pipes[index]!;
      const next = pipes[index + 1]!;
      const contentStart = trimStart(this.text, pipe + 1, next);
      const contentEnd = trimEnd(this.text, contentStart, next);
      const cellEnd = index === pipes.length - 2 ? next + 1 : next;
      const cellChildren = contentEnd > contentStart ? this.inline([this.inlineLine(line, contentStart, contentEnd, false)]) : [];
      children.push({ type: 'tableCell', children: cellChildren, position: this.span(pipe, cellEnd) });
    }
    return { type: 'tableRow', children, position: this.span(this.starts[line]!, this.ends[line]!) };
  }

  /** A list whose markers stand `base` spaces in (0 at the margin, more for a list nested in an item). */
  private list(base = 0): List {
    const firstLine = this.lineText(this.line).slice(base);
    const bullet = bulletItem.exec(firstLine);
    const ordered = bullet ? undefined : orderedItem.exec(firstLine)!;
    const marker = bullet ? bullet[1]! : ordered![2]!;
    if (ordered && ordered[1]!.length > 1 && ordered[1]!.startsWith('0')) throw giveUp;
    const items: ListItem[] = [];
    let spread = false;
    for (;;) {
      items.push(this.listItem(marker, base));
      // Blank lines, then another item of this list (which makes it loose), or the list's end.
      let next = this.line;
      while (next < this.starts.length && isBlank(this.lineText(next))) next++;
      if (next === this.starts.length) break;
      const line = this.lineText(next);
      const indent = leadingSpaces(line);
      const content = line.slice(base);
      const same = indent === base && (bullet ? bulletItem.exec(content)?.[1] === marker : orderedItem.exec(content)?.[2] === marker);
      if (!same) {
        // A nested list ends right above an item of a list it is in.
        if (base > 0 && next === this.line && indent < base && (bulletItem.test(line.slice(indent)) || orderedItem.test(line.slice(indent)))) break;
        // Indented after a blank line, the item would hold more than one paragraph. An item of
        // another kind starts a new list after a blank line; right below an item, it may not.
        if (base > 0 || /^[ \t]/.test(line) || (next === this.line && (bulletItem.test(line) || orderedItem.test(line)))) throw giveUp;
        break;
      }
      // Blank lines in a nested list, or around an item that holds one, decide what is loose in ways left to micromark.
      if (next > this.line && (base > 0 || items.at(-1)!.children.length > 1)) throw giveUp;
      if (next > this.line) spread = true;
      this.line = next;
    }
    if (spread && items.some((item) => item.children.length > 1)) throw giveUp;
    const start = ordered ? Number.parseInt(ordered[1]!, 10) : null;
    return {
      type: 'list',
      ordered: Boolean(ordered),
      start,
      spread,
      children: items,
      position: { start: items[0]!.position!.start, end: items.at(-1)!.position!.end },
    };
  }

  /**
   * One item: its paragraph, then perhaps a list nested right below it at the item's content
   * column. `base` is where its marker stands.
   */
  private listItem(marker: string, base: number): ListItem {
    const line = this.line;
    const start = this.starts[line]! + base;
    const content = this.lineText(line).slice(base);
    const found = marker === '-' || marker === '*' || marker === '+' ? bulletItem.exec(content) : orderedItem.exec(content);
    if (!found || anyThematicBreak.test(content)) throw giveUp;
    const prefix = found[0].length;
    const column = base + prefix;
    const spaces = (found[3] ?? found[2])!.length;
    if (spaces > 4) throw giveUp;
    let rest = content.slice(prefix);
    if (rest === '' || hasStructuralTab(rest) || blockStart.test(rest) || thematicBreak.test(rest)) throw giveUp;
    let checked: boolean | null = null;
    const boxStart = start + prefix;
    let contentStart = boxStart;
    const box = taskBox.exec(rest);
    if (box) {
      checked = box[1] !== ' ';
      contentStart += box[0].length;
      rest = rest.slice(box[0].length);
      if (isBlank(rest) || blockStart.test(rest)) throw giveUp;
    }
    // The item's paragraph: its first line, then lines indented at least to the content.
    const lines = [this.inlineLine(line, contentStart, trimEnd(this.text, contentStart, this.ends[line]!), true)];
    this.line++;
    let nested: List | undefined;
    while (this.line < this.starts.length) {
      const next = this.lineText(this.line);
      if (isBlank(next)) break;
      const indent = leadingSpaces(next);
      const startsItem = bulletItem.test(next.slice(indent)) || orderedItem.test(next.slice(indent));
      // At the margin or at this item's marker column, the next item of this list or of one it is in.
      if (startsItem && indent <= base) break;
      // At the content column, a list nested in this item; an ordered one interrupts the paragraph only from 1.
      if (startsItem && indent === column) {
        const number = orderedItem.exec(next.slice(indent))?.[1];
        if (number !== undefined && number !== '1') throw giveUp;
        settleBreaks(lines);
        nested = this.list(column);
        break;
      }
      // Otherwise a line that continues the paragraph, lazily at the margin unless it starts a block (lazily in a nested item: micromark's).
      if ((indent > 0 && indent < column) || (indent === 0 && base > 0) || hasStructuralTab(next) || blockStart.test(next.slice(indent)) || thematicBreak.test(next)) throw giveUp;
      const lineStart = this.starts[this.line]! + indent;
      // A text node of a line ending alone ends, in micromark, after the item's indentation on the line below (see `InlineLine.inItem`).
      lines.push({ ...this.inlineLine(this.line, lineStart, trimEnd(this.text, lineStart, this.ends[this.line]!), true), ...(indent > 0 ? { inItem: true } : {}) });
      this.line++;
    }
    settleBreaks(lines);
    const paragraphLast = lines.at(-1)!.lineEnd;
    const children = this.inline(lines);
    // mdast-util-gfm-task-list-item moves a task's paragraph past the checkbox only when it opens with text.
    const paragraphStart = checked !== null && children[0]?.type !== 'text' ? boxStart : contentStart;
    const paragraph: Paragraph = { type: 'paragraph', children, position: this.span(paragraphStart, paragraphLast) };
    const end = nested ? nested.position!.end : this.point(paragraphLast);
    return { type: 'listItem', spread: false, checked, children: nested ? [paragraph, nested] : [paragraph], position: { start: this.point(start), end } };
  }

  /** A paragraph, or a setext heading where its lines end in an underline. */
  private paragraph(start: number): Paragraph | Heading {
    const lines = [this.inlineLine(this.line, start, trimEnd(this.text, start, this.ends[this.line]!), true)];
    this.line++;
    while (this.line < this.starts.length) {
      const next = this.lineText(this.line);
      if (isBlank(next)) break;
      if (hasStructuralTab(next)) throw giveUp;
      // An HTML comment or block of kind 1 or 6 at the margin interrupts a paragraph.
      if (next.startsWith('<!--') || htmlBlockKind(next) !== undefined) break;
      const underline = setextUnderline.exec(next);
      if (underline) return this.setextHeading(lines, underline[1]![0] === '=' ? 1 : 2);
      const indent = leadingSpaces(next);
      if (indent < 4 && blockStart.test(next.slice(indent))) throw giveUp;
      const lineStart = this.starts[this.line]! + indent;
      lines.push(this.inlineLine(this.line, lineStart, trimEnd(this.text, lineStart, this.ends[this.line]!), true));
      this.line++;
    }
    settleBreaks(lines);
    return { type: 'paragraph', children: this.inline(lines), position: this.span(start, this.ends[this.line - 1]!) };
  }

  /**
   * The paragraph's lines as a setext heading, its underline on the line after them. Below a
   * line holding a pipe, a `-` underline could be a table's delimiter row: micromark's.
   */
  private setextHeading(lines: InlineLine[], depth: 1 | 2): Heading {
    const last = lines.at(-1)!;
    if (depth === 2 && this.text.slice(last.start, last.end).includes('|')) throw giveUp;
    settleBreaks(lines);
    const underline = this.line++;
    return { type: 'heading', depth, children: this.inline(lines), position: this.span(lines[0]!.start, this.ends[underline]!) };
  }

  private inlineLine(line: number, start: number, end: number, mayBreak: boolean): InlineLine {
    const lineEnd = this.ends[line]!;
    return {
      start,
      end,
      hardBreak: mayBreak && lineEnd - end >= 2,
      lineEnd,
      lineStart: this.starts[line]!,
      nextLineStart: this.starts[line + 1] ?? this.text.length,
    };
  }

  private inline(lines: InlineLine[]): PhrasingContent[] {
    return parseInline(this.text, lines, this);
  }
}

/**
 * The kind of HTML block a line at the margin opens, among those the quick parser takes: 1 (a
 * raw tag: `<pre`, `<script`, `<style`, `<textarea`, then a space, a tab, `>` or the line's
 * end) or 6 (`<` or `</` and a block tag's name, then the same or `/>`), as micromark's
 * html-flow tells them apart. Anything else starting with `<` is left to micromark.
 */
function htmlBlockKind(line: string): 1 | 6 | undefined {
  const tag = htmlTagStart.exec(line);
  if (!tag) return undefined;
  const [, slash, name, after] = tag;
  const lower = name!.toLowerCase();
  if (slash === '' && after !== '/>' && htmlRawNames.includes(lower)) return 1;
  if (htmlBlockNames.includes(lower)) return 6;
  return undefined;
}

/** A label as micromark compares labels. */
function labelIdentifier(label: string): string {
  return normalizeIdentifier(label).toLowerCase();
}

/** The last line of a run has no hard break: its trailing spaces are simply dropped. */
function settleBreaks(lines: InlineLine[]): void {
  lines.at(-1)!.hardBreak = false;
}

/**
 * A line of spaces only. Markdown's blank lines hold spaces and tabs (a tab makes the quick
 * parser give up); a no-break space, another Unicode space or a form feed is content.
 */
function isBlank(line: string): boolean {
  return /^ *$/.test(line);
}

/**
 * Among the characters that can make a block (indents, markers, fences, pipes) or at a line's
 * end, a tab changes what the line is, and its width depends on its column: micromark's. After
 * the line's first plain character and before its last, a tab is text.
 */
const structuralTab = /^[ \t#>*+\-0-9.)|`~:=_[\]!]*\t|\t *$/;

function hasStructuralTab(line: string): boolean {
  return line.includes('\t') && structuralTab.test(line);
}

function leadingSpaces(line: string): number {
  return /^ */.exec(line)![0].length;
}

/** `text` without the spaces and tabs at its ends (String.prototype.trim also drops Unicode spaces). */
function trimSpaces(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

function trimEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && text.charCodeAt(end - 1) === 32) end--;
  return end;
}

function trimStart(text: string, from: number, to: number): number {
  let start = from;
  while (start < to && text.charCodeAt(start) === 32) start++;
  return start;
}
