/**
 * SeeAlso values: read the written list into one reference per item and judge each target's
 * kind from its text. Works on the raw source so that every reference keeps its exact place.
 *
 * An item is a head (the name or target: bare, in backticks, bold or brackets, or a link),
 * then optionally a location (`(in FILE.md)`, `in FILE.md`) and a note (`(a note)`,
 * `— a note`, `- a note`, `: a note`, or a location that names no file: `in the guide`). Items are separated by `,` and `;`, and a plain name
 * is also separated from the next by ` / ` or ` and `. Anything that does not read so is free
 * text: a line is only read as a name followed by prose when the name is capsule-shaped, so
 * prose is never taken for an unresolved name.
 *
 * One pass over the text: code spans and bracket groups are matched once up front, so a line
 * of thousands of names, or of unmatched backticks and brackets, reads in linear time.
 */
import type { Reference, ReferenceKind } from './model.js';
import { isCitableName } from './names.js';
import { isAddress } from './addresses.js';
import { collapseWhitespace, type SourceText } from './source-text.js';

/** Read `raw` (which starts at `offset` in the file) into references. */
export function readReferences(raw: string, offset: number, source: SourceText): Reference[] {
  return new ReferenceReader(raw, offset, source).read();
}

/**
 * `docs:///ai-context/x.md`, `repoql-docs:///guide.md`: a document the repository serves
 * under a scheme of its own (an MCP server's docs resources), written with an empty host.
 */
const docsResource = /^(?:[a-z][a-z0-9+.]*-)?docs:\/\/\/(?=[^/\s])/i;

/** The path inside the docs a `docs:///path` target names (`ai-context/x.md`), else undefined. */
export function docsResourcePath(target: string): string | undefined {
  const scheme = docsResource.exec(target);
  return scheme ? target.slice(scheme[0].length) : undefined;
}

/** Judge a target from its text alone; the graph decides whether it resolves. */
export function kindOf(target: string): ReferenceKind {
  if (/\s/.test(target) || target === '') return 'text';
  // A docs resource is one of the repository's documents, not a page elsewhere.
  if (docsResource.test(target)) return 'document';
  if (isAddress(target)) return 'url';
  if (/[/\\]/.test(target) || /\.(md|mdx|markdown)(#.*)?$/i.test(target)) return 'document';
  return 'capsule';
}

/**
 * A DocC symbol link as it stands between double backticks: a symbol's path from its module
 * or type (capitalised, as Swift names types) through its members, each maybe with its
 * parameter labels and a disambiguation suffix (``` ``P256K/Signing/PrivateKey`` ```,
 * ``` ``Foo/bar(_:)-8kqz`` ```). DocC's See Also sections list them; a file's path has no
 * place there, and one with an extension does not match.
 */
const doccSymbolLink = /^[A-Z][\w]*(?:\([^()\s]*\))?(?:-[\w.]+)?(?:\/[A-Za-z_][\w]*(?:\([^()\s]*\))?(?:-[\w.]+)?)+$|^[A-Z][\w]*\([^()\s]*\)$/;

/** What an item starts with: the name or target as written. */
interface Head {
  target: string;
  kind: ReferenceKind;
  anchor: string | undefined;
  /** A location the head itself carries (a link to `other.md#capsule-name`). */
  qualifier: string | undefined;
  /** Where the name or target stands, markup excluded (link text for a capsule link). */
  nameStart: number;
  nameEnd: number;
  /** Just after the head, markup included. */
  end: number;
  /** Written in backticks, bold, brackets or as a link: the author marked it as a name. */
  marked: boolean;
  /** The head ended with a colon (`Name:`, `**Name:**`): a note follows. */
  colon: boolean;
}

/** The longest a bold or bracketed name is looked for; a name is short. */
const longestMarkedName = 200;

class ReferenceReader {
  /** For each code span opening: the index just after its closing backticks. */
  private readonly codeEnd = new Map<number, number>();
  /** For each matched `(` or `[`: the index of its closing bracket. */
  private readonly closeOf = new Map<number, number>();
  private readonly urlPunctuation = new Set<number>();
  private readonly references: Reference[] = [];

  constructor(
    private readonly raw: string,
    private readonly offset: number,
    private readonly source: SourceText,
  ) {
    this.matchCodeSpans();
    this.matchBrackets();
    this.matchUrlPunctuation();
  }

  read(): Reference[] {
    let position = 0;
    while (position < this.raw.length) {
      position = this.skipSpace(position);
      if (position >= this.raw.length) break;
      position = this.readItem(position);
    }
    return this.references;
  }

  /** Read the item at `start`; return where the next item may start. */
  private readItem(start: number): number {
    const { raw } = this;
    // `A, B and C` is often written `A, B, and C`.
    const afterAnd = /^and\s/i.test(raw.slice(start, start + 4)) ? this.skipSpace(start + 3) : start;
    const andHead = afterAnd !== start ? this.readHead(afterAnd) : undefined;
    const head = andHead ?? this.readHead(start);
    if (!head || head.kind === 'text') return this.readText(start);
    const itemStart = andHead ? afterAnd : start;

    let qualifier = head.qualifier;
    let colon = head.colon;
    let position = this.skipSpace(head.end);
    if (qualifier === undefined && !colon) {
      const located = this.readLocation(position);
      if (located) {
        qualifier = located.qualifier;
        colon = located.colon;
        position = this.skipSpace(located.end);
      }
    }

    const separator = this.itemEndAt(position);
    if (separator !== undefined && !colon) {
      this.push(head, qualifier, undefined, itemStart, separator);
      return separator + 1;
    }
    // ` / ` and ` and ` separate two plain names; only a name may follow.
    const joiner = colon ? undefined : this.joinerAt(position);
    if (joiner !== undefined && this.startsAName(joiner)) {
      this.push(head, qualifier, undefined, itemStart, position);
      return joiner;
    }

    // A name followed by prose. Only a capsule-shaped name (or a path or URL) is read so; the
    // prose needs an introducer unless the name is marked as one.
    const introducer = colon ? 0 : this.introducerLength(position);
    const nameLike = head.kind !== 'capsule' || (head.marked ? /^[A-Z][A-Za-z0-9]*$/.test(head.target) : isCitableName(head.target));
    // Marked but no name (`` `wolverine-signalr` — hub routing, request/reply ``): text, its note with it.
    if (!nameLike) return this.readText(start, introducer === undefined ? undefined : this.noteEnd(position));
    if (introducer === undefined && !standsApart(head)) return this.readText(start);
    const noteEnd = this.noteEnd(position);
    const note = this.noteText(position + (introducer ?? 0), noteEnd);
    this.push(head, qualifier, note, itemStart, noteEnd);
    return noteEnd + 1;
  }

  /** Free text up to the next top-level `,` or `;`, or up to `end`. */
  private readText(start: number, end = this.separatorAfter(start)): number {
    let written = this.raw.slice(start, end).trimEnd();
    // A trailing period or semicolon closes the sentence; it is not part of the entry.
    written = trimEnd(written, '.; \t\r\n');
    if (written !== '') {
      const target = collapseWhitespace(stripMarkup(written));
      this.references.push({
        raw: written,
        target,
        qualifier: undefined,
        anchor: undefined,
        note: undefined,
        kind: 'text',
        position: this.span(start, start + written.length),
      });
    }
    return end + 1;
  }

  /** A reference for the item from `start` to `end`, placed at its head's name. */
  private push(head: Head, qualifier: string | undefined, note: string | undefined, start: number, end: number): void {
    this.references.push({
      raw: trimEnd(this.raw.slice(start, end), '.; \t\r\n'),
      target: head.target,
      qualifier,
      anchor: head.anchor,
      note,
      kind: head.kind,
      position: this.span(head.nameStart, head.nameEnd),
    });
  }

  /** The name or target at `start`, if one stands there. */
  private readHead(start: number): Head | undefined {
    const { raw } = this;
    const character = raw[start];
    if (character === '`') return this.readCodeHead(start);
    if ((character === '*' || character === '_') && raw[start + 1] === character) return this.readBoldHead(start);
    if (character === '[') return this.readBracketHead(start);
    if (character === '<') return this.readAutolinkHead(start);
    return this.readBareHead(start);
  }

  private readCodeHead(start: number): Head | undefined {
    const end = this.codeEnd.get(start);
    if (end === undefined) return undefined;
    let ticks = 0;
    while (this.raw[start + ticks] === '`') ticks++;
    const inner = this.innerSpan(start + ticks, end - ticks);
    let written = this.raw.slice(inner.start, inner.end);
    // `` `Name:` `` and `` `Name.` `` carry their punctuation inside the backticks.
    // ``` ``Module/Type/method(_:)`` ```: a DocC symbol link, which names a symbol of the code, not a file.
    if (ticks === 2 && doccSymbolLink.test(written)) {
      const head = this.headAt(written, inner.start, inner.end, end, true, false);
      return { ...head, kind: 'text' };
    }
    const colon = written.endsWith(':');
    written = trimEnd(written, '.:');
    return this.head(written, inner.start, inner.start + written.length, end, true, colon);
  }

  private readBoldHead(start: number): Head | undefined {
    const marker = this.raw.slice(start, start + 2);
    // `**[border-color](border-color.md)**`: a link or bracketed name in bold, however long.
    if (this.raw[start + 2] === '[') {
      const bracketed = this.readBracketHead(start + 2);
      if (bracketed && this.raw.startsWith(marker, bracketed.end)) return { ...bracketed, end: bracketed.end + 2 };
    }
    const found = this.raw.slice(start + 2, start + longestMarkedName).indexOf(marker);
    if (found === -1) return undefined;
    const close = start + 2 + found;
    const inner = this.innerSpan(start + 2, close);
    const within = inner.start < inner.end && this.raw[inner.start] === '`' ? this.readCodeHead(inner.start) : undefined;
    if (within && within.end === inner.end) return { ...within, end: close + 2 };
    let written = this.raw.slice(inner.start, inner.end);
    const colon = written.endsWith(':');
    written = trimEnd(written, '.:');
    if (/[\s`*_[\]()]/.test(written)) return undefined;
    return this.head(written, inner.start, inner.start + written.length, close + 2, true, colon);
  }

  /** `[Name]`, or a link `[text](target)`. */
  private readBracketHead(start: number): Head | undefined {
    const close = this.closeOf.get(start);
    if (close === undefined) return undefined;
    const inner = this.innerSpan(start + 1, close);
    const urlClose = this.raw[close + 1] === '(' ? this.closeOf.get(close + 1) : undefined;
    if (urlClose === undefined) {
      if (close - start > longestMarkedName) return undefined;
      const within = this.raw[inner.start] === '`' ? this.readCodeHead(inner.start) : undefined;
      if (within && within.end === inner.end) return { ...within, end: close + 1 };
      const written = this.raw.slice(inner.start, inner.end);
      if (/[\s`*_[\]()]/.test(written)) return undefined;
      return this.head(written, inner.start, inner.end, close + 1, true, false);
    }
    const destination = /^\s*<?([^\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*$/.exec(this.raw.slice(close + 2, urlClose));
    if (!destination) return undefined;
    const url = destination[1] ?? '';
    const text = stripMarkup(this.raw.slice(inner.start, inner.end));
    const hash = url.indexOf('#');
    const anchor = hash === -1 ? '' : url.slice(hash + 1);
    const end = urlClose + 1;
    // `[Name](other.md#capsule-name)`: a capsule, located in that document.
    if (isCitableName(text) && anchor.toLowerCase().startsWith('capsule-') && !isAddress(url)) {
      const nameStart = this.raw.indexOf(text, inner.start);
      const path = url.slice(0, hash);
      return {
        target: text,
        kind: 'capsule',
        anchor: undefined,
        qualifier: path === '' ? undefined : path,
        nameStart,
        nameEnd: nameStart + text.length,
        end,
        marked: true,
        colon: false,
      };
    }
    return this.headAt(url, start, end, end, true, false);
  }

  private readAutolinkHead(start: number): Head | undefined {
    const autolink = /^<([a-z][a-z0-9+.-]*:[^<>\s]*)>/i.exec(this.raw.slice(start, start + 2048));
    if (!autolink) return undefined;
    const end = start + autolink[0].length;
    return this.headAt(autolink[1] ?? '', start, end, end, true, false);
  }

  /** A bare word or path: up to whitespace or a top-level `,` or `;`. */
  private readBareHead(start: number): Head | undefined {
    const { raw } = this;
    let end = start;
    const url = /^(?:[a-z][a-z0-9+.-]*:[^\s,;]|\/\/)/i.test(raw.slice(start, start + 40));
    while (end < raw.length && !/\s/.test(raw[end]!)) {
      const character = raw[end]!;
      // In a URL a comma or semicolon only separates when a space or the end follows it.
      if ((character === ',' || character === ';') && (!url || end + 1 >= raw.length || /\s/.test(raw[end + 1]!))) break;
      end = this.skipGroup(end);
    }
    let written = raw.slice(start, end);
    const colon = /[^:]:$/.test(written) && !url;
    written = colon ? written.slice(0, -1) : written;
    // A trailing period closes the sentence (`Name.`); a path or URL keeps its dots inside.
    const withoutPeriods = trimEnd(written, '.');
    if (withoutPeriods !== '') written = withoutPeriods;
    // Punctuation alone (`—`, `...`) is no name.
    if (!/[\p{L}\p{N}]/u.test(written)) return undefined;
    return this.head(written, start, start + written.length, end, false, colon);
  }

  private head(written: string, nameStart: number, nameEnd: number, end: number, marked: boolean, colon: boolean): Head | undefined {
    // Markup characters in a name-shaped word (`` `[Name](x.md)` ``): code, not a name.
    if (kindOf(written) === 'capsule' && /[[\]()<>{}"`*|]/.test(written)) return undefined;
    // `@queries.md`, `[@work-items.md]`: a file as an agent's prompt mentions it (Claude Code's
    // import, an editor chat's @-mention), which names the file. A link's target is written as it is.
    if (written.startsWith('@') && kindOf(written.slice(1)) === 'document') return this.headAt(written.slice(1), nameStart + 1, nameEnd, end, marked, colon);
    return this.headAt(written, nameStart, nameEnd, end, marked, colon);
  }

  /**
   * The head naming `written` at the given place. Built field by field: spreading a target's
   * fields into it was the most of the reader's time.
   */
  private headAt(written: string, nameStart: number, nameEnd: number, end: number, marked: boolean, colon: boolean): Head {
    // A reference may wrap onto the next line; its target reads as one line either way.
    let target = collapseWhitespace(written);
    const kind = kindOf(target);
    let anchor: string | undefined;
    if (kind === 'document') {
      const hash = target.indexOf('#');
      if (hash !== -1) {
        anchor = target.slice(hash + 1);
        target = target.slice(0, hash);
      }
    }
    return { target, kind, anchor, qualifier: undefined, nameStart, nameEnd, end, marked, colon };
  }

  /** `(in FILE.md)` or `in FILE.md` (the file bare or in backticks) at `start`. */
  private readLocation(start: number): { qualifier: string; end: number; colon: boolean } | undefined {
    const { raw } = this;
    if (raw[start] === '(') {
      const close = this.closeOf.get(start);
      if (close === undefined) return undefined;
      const inner = raw.slice(start + 1, close).trim();
      const qualifier = /^in\s/i.test(inner) ? collapseWhitespace(stripMarkup(inner.slice(2))) : '';
      // `(in the planning guide)` names no file: it is a note, and the name resolves alone.
      return kindOf(qualifier) === 'document' ? { qualifier, end: close + 1, colon: false } : undefined;
    }
    const word = /^in\s+/i.exec(raw.slice(start, start + 16));
    if (!word) return undefined;
    const fileStart = start + word[0].length;
    const file = this.readHead(fileStart);
    // `in reactors/reducers`: a phrase of a note, not a file the name is defined in.
    if (!file || file.kind !== 'document' || !isPathShaped(file)) return undefined;
    const qualifier = file.anchor === undefined ? file.target : `${file.target}#${file.anchor}`;
    return { qualifier, end: file.end, colon: file.colon };
  }

  /** The separator (or end) at `start`, past a full stop that closes the sentence (`Name (in A.md).`). */
  private itemEndAt(start: number): number | undefined {
    const { raw } = this;
    let position = start;
    while (position < raw.length && (raw[position] === '.' || /\s/.test(raw[position]!))) position++;
    return position >= raw.length || raw[position] === ',' || raw[position] === ';' ? position : undefined;
  }

  /** Where the next item starts when ` / ` or ` and ` stands at `start`. */
  private joinerAt(start: number): number | undefined {
    const { raw } = this;
    if (start === 0 || !/\s/.test(raw[start - 1]!)) return undefined;
    if (raw[start] === '/' && /\s/.test(raw[start + 1] ?? '')) return this.skipSpace(start + 1);
    if (/^and\s/i.test(raw.slice(start, start + 4))) return this.skipSpace(start + 3);
    return undefined;
  }

  /** How long the note introducer at `start` is (`(` counts 0: the note keeps it), if one stands there. */
  private introducerLength(start: number): number | undefined {
    const { raw } = this;
    if (raw[start] === '(' && this.closeOf.has(start)) return 0;
    // `RiskReview in the planning guide`: a location that is not a file is prose about the name.
    if (/^in\s/i.test(raw.slice(start, start + 3))) return 0;
    // `` `Name`. More prose ``: the sentence about the name follows its full stop.
    if (raw[start] === '.' && /\s/.test(raw[start + 1] ?? '')) return 1;
    const dash = /^(?:--?|[\u2013\u2014]|:)(?=\s|$)/.exec(raw.slice(start, start + 3));
    if (dash && (raw[start] !== ':' || start > 0)) return dash[0].length;
    return undefined;
  }

  /** A note runs to the next top-level `,` or `;` that a name follows, else to the end. */
  private noteEnd(start: number): number {
    let position = start;
    for (;;) {
      const separator = this.separatorAfter(position);
      if (separator >= this.raw.length) return separator;
      const next = this.skipSpace(separator + 1);
      if (this.startsAName(next)) return separator;
      position = separator + 1;
    }
  }

  /** Whether a capsule-shaped name, a path or a URL (bare or marked) starts at `start`. */
  private startsAName(start: number): boolean {
    const afterAnd = /^and\s/i.test(this.raw.slice(start, start + 4)) ? this.skipSpace(start + 3) : start;
    const head = this.readHead(afterAnd);
    if (!head) return false;
    if (head.kind === 'url') return true;
    if (head.kind === 'document') return isPathShaped(head);
    return head.kind === 'capsule' && (head.marked ? /^[A-Z][A-Za-z0-9]*$/.test(head.target) : isCitableName(head.target));
  }

  private noteText(start: number, end: number): string | undefined {
    const inner = this.innerSpan(start, end);
    while (inner.end > inner.start && /[.;]/.test(this.raw[inner.end - 1]!)) inner.end--;
    // `Name (a note)`: the parentheses only set the note apart.
    const wrapped = this.raw[inner.start] === '(' && this.closeOf.get(inner.start) === inner.end - 1;
    const note = collapseWhitespace(wrapped ? this.raw.slice(inner.start + 1, inner.end - 1) : this.raw.slice(inner.start, inner.end));
    return note === '' ? undefined : note;
  }

  /** The index of the next `,` or `;` at the top level from `start` (or the end). */
  private separatorAfter(start: number): number {
    const { raw } = this;
    let position = start;
    while (position < raw.length) {
      const character = raw[position];
      if (character === ',' || character === ';') {
        // A URL keeps a comma that no space follows (`https://host/a,b`).
        if (!this.urlPunctuation.has(position)) return position;
      }
      position = this.skipGroup(position);
    }
    return raw.length;
  }

  /** Commas and semicolons inside a URL word with no space after them: part of the URL. */
  private matchUrlPunctuation(): void {
    for (const word of this.raw.matchAll(/(?<=^|\s)(?:[a-z][a-z0-9+.-]*:|\/\/)\S*/gi)) {
      const start = word.index ?? 0;
      for (const punctuation of word[0].matchAll(/[,;](?=\S)/g)) this.urlPunctuation.add(start + (punctuation.index ?? 0));
    }
  }

  /** The index after the code span or bracket group opening at `index`, else `index + 1`. */
  private skipGroup(index: number): number {
    const code = this.codeEnd.get(index);
    if (code !== undefined) return code;
    const close = this.closeOf.get(index);
    return close !== undefined ? close + 1 : index + 1;
  }

  private skipSpace(index: number): number {
    while (index < this.raw.length && /\s/.test(this.raw[index]!)) index++;
    return index;
  }

  /** The span from `start` to `end` without the whitespace at either side. */
  private innerSpan(start: number, end: number): { start: number; end: number } {
    while (start < end && /\s/.test(this.raw[start]!)) start++;
    while (end > start && /\s/.test(this.raw[end - 1]!)) end--;
    return { start, end };
  }

  private span(start: number, end: number): Reference['position'] {
    return this.source.span(this.offset + start, this.offset + end);
  }

  /**
   * Pair backtick runs as CommonMark does: a run opens a code span closed by the next run of
   * the same length; a run with no such partner is literal. The partner of every run is
   * found in one backward pass.
   */
  private matchCodeSpans(): void {
    const runs: { start: number; length: number }[] = [];
    for (let index = 0; index < this.raw.length; index++) {
      if (this.raw[index] !== '`') continue;
      let end = index;
      while (this.raw[end] === '`') end++;
      runs.push({ start: index, length: end - index });
      index = end - 1;
    }
    const partner: number[] = new Array(runs.length).fill(-1);
    const nextOfLength = new Map<number, number>();
    for (let index = runs.length - 1; index >= 0; index--) {
      const run = runs[index]!;
      partner[index] = nextOfLength.get(run.length) ?? -1;
      nextOfLength.set(run.length, index);
    }
    for (let index = 0; index < runs.length; index++) {
      const closing = partner[index]!;
      if (closing === -1) continue;
      const run = runs[index]!;
      const close = runs[closing]!;
      this.codeEnd.set(run.start, close.start + close.length);
      index = closing;
    }
  }

  /** Match `(` with `)` and `[` with `]` outside code spans; unmatched ones are literal. */
  private matchBrackets(): void {
    const open: number[] = [];
    for (let index = 0; index < this.raw.length; index++) {
      const code = this.codeEnd.get(index);
      if (code !== undefined) {
        index = code - 1;
        continue;
      }
      const character = this.raw[index];
      if (character === '\\') index++;
      else if (character === '(' || character === '[') open.push(index);
      else if (character === ')' || character === ']') {
        // A closer pairs with the innermost open bracket when that is of its kind; else it is literal.
        const innermost = open.at(-1);
        if (innermost === undefined || this.raw[innermost] !== (character === ')' ? '(' : '[')) continue;
        this.closeOf.set(innermost, index);
        open.pop();
      }
    }
  }
}

/** Remove inline-code and strong/emphasis markers wrapped around a name. */
/**
 * A head that prose may follow with no introducer: a name or path in backticks (`` `Name` for
 * details ``, `` `refs/retry.md` for details ``), or a bare path to a document
 * (`refs/retry.md for details`); the author marked where the target ends.
 */
/** In prose, a bare word with a slash (`request/reply`, `pub/sub`) is a word; marks, an extension or a leading or trailing slash show a path. */
function isPathShaped(head: Head): boolean {
  return head.marked || /\.[A-Za-z0-9]{1,8}$|^\.{0,2}\/|\/$/.test(head.target) || docsResourcePath(head.target) !== undefined;
}

function standsApart(head: Head): boolean {
  if (head.marked) return head.kind === 'capsule' || head.kind === 'document';
  return head.kind === 'document' && /\.(?:md|mdx|markdown)$/i.test(head.target);
}

function stripMarkup(text: string): string {
  let stripped = text.trim();
  const opening = /^(?:`+|\*\*|__)/.exec(stripped);
  if (opening) {
    const marker = opening[0];
    const close = stripped.indexOf(marker, marker.length);
    // A leading code span or bold run with prose after it (`` `x` — a note ``): both markers go.
    if (close !== -1 && close + marker.length < stripped.length) return `${stripped.slice(marker.length, close)}${stripped.slice(close + marker.length)}`.trim();
    stripped = stripped.slice(marker.length).trimStart();
  }
  if (stripped.endsWith('**') || stripped.endsWith('__')) stripped = stripped.slice(0, -2);
  else stripped = trimEnd(stripped, '`');
  return stripped.trim();
}

/**
 * `text` without the run of `characters` at its end. A loop, not a `[...]+$` pattern: such a
 * pattern is retried at every place of a long run and takes time in the square of its length.
 */
function trimEnd(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}
