/**
 * Reading one file's bytes into a corpus document. Pure: the loader does the I/O. Input
 * that is not a text document (binary, invalid UTF-8, over the size cap) becomes a
 * positioned finding on an empty model instead of reaching the parser.
 */
import type { Root } from 'mdast';
import { blankAttributeExpressions, closesFence, emptyDocument, fenceOpenedBy, frontmatterAt, isMdxPath, parseCapsuleDocument, type CapsuleDocument } from 'remark-capsules';
import { VFileMessage } from 'vfile-message';

export interface CorpusDocument {
  /** POSIX path relative to the corpus root. */
  path: string;
  model: CapsuleDocument;
  /** What the parser (or the reader) found wrong with the file itself. */
  messages: VFileMessage[];
  /** The document text, without a byte-order mark; empty when the file could not be read as text. */
  text: string;
  /** The mdast tree, kept only when the loader was asked to (the site renders it). */
  tree?: Root;
  /** What the loader's per-file analyzer returned for this document, if one ran. */
  analysis?: unknown;
}

export interface ReadLimits {
  /** Files larger than this many bytes are reported, not parsed. */
  maxFileBytes: number;
  /**
   * Files whose lists or block quotes nest deeper than this are reported, not parsed: the
   * Markdown parser's time grows with the square of the depth (seconds for a few thousand).
   */
  maxNestingDepth?: number;
  /**
   * Files with a paragraph holding more emphasis, link, code or HTML markers than this are
   * reported, not parsed: resolving them takes the parser time in the square of their number.
   */
  maxInlineMarkers?: number;
}

export const defaultReadLimits: ReadLimits = { maxFileBytes: 2 * 1024 * 1024, maxNestingDepth: 100, maxInlineMarkers: 1000 };

/** The limits in force: the given ones over the defaults. */
export function readLimits(given: Partial<ReadLimits> | undefined): Required<ReadLimits> {
  const limits = { ...defaultReadLimits } as Required<ReadLimits>;
  for (const [key, value] of Object.entries(given ?? {})) if (value !== undefined) limits[key as keyof ReadLimits] = value;
  return limits;
}

/** The `source` of findings about a file as a whole. */
export const readerSource = 'capsule-docs';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The encoding a file's byte order mark names, and the mark's length: UTF-16 in either byte
 * order, else UTF-8, with its mark (3 bytes) or without (0). Writers keep a file's encoding by it.
 */
export function byteOrderMark(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return { encoding: 'utf-8', length: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0 };
}

/** A document's text as the reader takes it (no byte order mark), or why it is not text. */
function decodeText(bytes: Uint8Array): { text: string } | { reason: string; ruleId: string } {
  // UTF-16 is marked by its byte order mark; its text holds NUL bytes in every ASCII character.
  const { encoding } = byteOrderMark(bytes);
  const utf16 = encoding === 'utf-8' ? undefined : encoding;
  if (utf16) {
    try {
      const text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
      return text.includes('\0') ? nulCharacters(text) : { text };
    } catch {
      return { reason: `File starts with a ${utf16.toUpperCase()} byte order mark but is not valid ${utf16.toUpperCase()} text`, ruleId: 'invalid-encoding' };
    }
  }
  // Told at the file's start, as invalid UTF-8 is; the line of the first says where (a README whose tree lost its characters to a conversion).
  // git takes a file for binary by a NUL among its first 8,000 bytes, and GitHub shows it so.
  const nul = bytes.subarray(0, gitBinaryWindow).indexOf(0);
  if (nul !== -1) return { reason: `File holds NUL bytes, the first on line ${countLineFeeds(bytes, nul) + 1}: it looks binary, not Markdown`, ruleId: 'binary-file' };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
    const line = countLineFeeds(bytes, lineStart) + 1;
    const column = lenientDecoder.decode(bytes.subarray(lineStart, offset)).length + 1;
    const byte = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
    // Told at the file's start, as the file has no text to place it in; the message says where.
    return {
      reason: `File is not valid UTF-8 text: the byte 0x${byte} on line ${line}, column ${column} is not UTF-8 (the file was most likely saved in another encoding, such as Windows-1252); save it as UTF-8`,
      ruleId: 'invalid-encoding',
    };
  }
  // A NUL further on is text to git and GitHub, which show the file as Markdown: it is read so, and the NUL told.
  return { text };
}

/** The bytes at a file's start in which git looks for a NUL to take it for binary (`buffer_is_binary`). */
const gitBinaryWindow = 8000;

/** Text holding a NUL character in UTF-16, told as binary with the line of the first. */
function nulCharacters(text: string): { reason: string; ruleId: string } {
  const line = text.slice(0, text.indexOf('\0')).split('\n').length;
  return { reason: `File holds NUL characters, the first on line ${line}: it looks binary, not Markdown`, ruleId: 'binary-file' };
}

/**
 * The text a corpus document made of these bytes carries (`CorpusDocument.text`), without
 * parsing: empty when the file is over the size limit or not text.
 */
export function documentText(bytes: Uint8Array, limits?: Partial<ReadLimits>): string {
  return bytes.byteLength > readLimits(limits).maxFileBytes ? '' : decodedText(bytes);
}

/** The text of a file's bytes as the reader decodes them (UTF-8, or UTF-16 after its byte order mark), without the mark; empty when they are not text. */
export function decodedText(bytes: Uint8Array): string {
  const decoded = decodeText(bytes);
  return 'text' in decoded ? decoded.text : '';
}

/** Turn a file's bytes into a corpus document. */
export function readDocument(
  path: string,
  bytes: Uint8Array,
  options: { limits?: ReadLimits; keepTree?: boolean } = {},
): CorpusDocument {
  const limits = readLimits(options.limits);
  if (bytes.byteLength > limits.maxFileBytes) return tooLargeDocument(path, bytes.byteLength, limits);
  // A file git-crypt encrypted holds text only where the repository is unlocked: here it is not read, and there is nothing to tell.
  if (isGitCryptFile(bytes)) return { path, model: { ...emptyDocument(), encrypted: 'git-crypt' }, messages: [], text: '' };
  const decoded = decodeText(bytes);
  if ('ruleId' in decoded) return unreadableDocument(path, decoded.reason, decoded.ruleId);
  const { text } = decoded;
  // So does a file SOPS encrypted, until `sops --decrypt` gives its text back: its ciphertext is kept, as the file's text.
  if (isSopsText(text)) return { path, model: { ...emptyDocument(), encrypted: 'sops' }, messages: [], text };

  const tooDeep = nestingPast(text, limits.maxNestingDepth);
  if (tooDeep) {
    const reason = `Lists or block quotes nest more than ${limits.maxNestingDepth} levels deep here; the file was not parsed, as nesting this deep takes the parser very long`;
    return { path, model: emptyDocument(), messages: [fileMessage(path, reason, nestingTooDeepId, tooDeep)], text };
  }
  // An MDX page's JSX attributes are JavaScript, blanked before it is parsed: their markers are no load.
  const crowded = inlineMarkersPast(isMdxPath(path) ? blankAttributeExpressions(text) : text, limits.maxInlineMarkers);
  if (crowded) {
    const reason = `This paragraph holds more than ${limits.maxInlineMarkers} emphasis, link, code or HTML markers (\`[\`, \`]\`, \`<\`, and runs of \`*\`, \`_\` or backticks, such as \`**\`); the file was not parsed, as so many in one paragraph take the parser very long. Split the paragraph`;
    return { path, model: emptyDocument(), messages: [fileMessage(path, reason, inlineTooComplexId, crowded)], text };
  }

  const parsed = parseCapsuleDocument(text, path);
  const nul = text.indexOf('\0');
  const messages = nul === -1 ? parsed.messages : [...parsed.messages, nulCharacterMessage(path, text, nul)];
  const document: CorpusDocument = { path, model: parsed.model, messages, text };
  if (options.keepTree) document.tree = parsed.tree;
  return document;
}

/**
 * Whether the document's text was parsed: false when the reader refused the file (binary, too
 * large, a link leaving the root), read it without parsing (nested too deep), or found it
 * encrypted (git-crypt, SOPS).
 */
export function wasParsed(document: CorpusDocument): boolean {
  return document.model.encrypted === undefined && !document.messages.some((message) => message.source === readerSource);
}

/**
 * The document parsed again from the text it holds, this time with its tree: for a reader that
 * loaded a corpus without trees (or as summaries) and needs one document whole at a time, as
 * the site's build does for each page. The text is what was parsed before, so the model and
 * every position come out the same. A document that was not parsed comes back as it is.
 */
export function withTree(document: CorpusDocument): CorpusDocument {
  if (document.tree || !wasParsed(document)) return document;
  const parsed = parseCapsuleDocument(document.text, document.path);
  return { ...document, model: parsed.model, tree: parsed.tree };
}

/** The rule id of the finding about a document nested too deep to parse; its text is kept. */
export const nestingTooDeepId = 'nesting-too-deep';
/** The rule id of the finding about a paragraph with too many inline markers to parse; its text is kept. */
export const inlineTooComplexId = 'inline-too-complex';
/** The rule id of the finding about a NUL character in a file git takes for text. */
export const nulCharacterId = 'nul-character';
/** Findings about a file that was read but not parsed: its text is still there to quote. */
export const unparsedIds: ReadonlySet<string> = new Set([nestingTooDeepId, inlineTooComplexId]);

const containerPrefix = /^ {0,3}(?:>[ \t]?|[-+*][ \t]+|\d{1,9}[.)][ \t]+)/;
/** How many lines the frontmatter takes (none when it is missing or never closed): YAML, not Markdown. */
function frontmatterLines(text: string): number {
  const found = frontmatterAt(text.startsWith('\uFEFF') ? text.slice(1) : text);
  return found?.closed ? found.lines : 0;
}
/**
 * A marker the inline parser weighs: a run of `*`, `_` or backticks counts once (`**` is one
 * delimiter run), as does each `[`, `]` and `<`. A whole link of plain text, `[Name](address)`,
 * is matched first and weighs nothing: the parser closes it at once, in time that grows only
 * with the paragraph (a changelog's list of 500 contributors is one paragraph of them).
 */
const inlineMarker = /(?<plainLink>!?\[[^[\]\\`*_<\r\n]*\]\([^\s()<>[\]\\]*(?:[ \t]+"[^"\\\r\n]*")?\))|\*+|_+|`+|[[\]<]/g;
/** A list item's marker after more than three columns of indentation: its indentation, then the marker with the spaces after it. */
const nestedItem = /^((?: {4,}|[ ]*\t)[ \t]*)([-+*][ \t]+|\d{1,9}[.)][ \t]+)/;

/** How many columns `text` (leading whitespace, or a line's start) spans, a tab reaching the next multiple of four. */
function columnsOf(text: string): number {
  let column = 0;
  for (const character of text) column = character === '\t' ? column + 4 - (column % 4) : column + 1;
  return column;
}

/** The tag names that open an HTML block anywhere, even inside a paragraph (CommonMark's kind 6). */
const htmlBlockTags =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
/** The start of an HTML block of kinds 1 to 6: raw text tags, a comment, a processing instruction, a declaration, CDATA, or a block tag. */
const htmlBlockOpener = new RegExp(`^ {0,3}(?:<(?:script|pre|style|textarea)(?:[\\s>]|$)|<!--|<\\?|<![A-Za-z]|<!\\[CDATA\\[|<\\/?(?:${htmlBlockTags})(?:[\\s>]|\\/>|$))`, 'i');
/** A line of one whole tag, which opens an HTML block where no paragraph goes on (kind 7). */
const htmlTagLine = /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;
const definitionLine = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:/;

/**
 * The place where one paragraph first holds more than `limit` inline markers, judged from
 * the text alone. Lines group as paragraphs do: a blank line, or a line that opens a list
 * item, quote, heading or table row, starts a new group. Code fences are left out, and so
 * are link reference definitions at the start of a group, which hold no inline content.
 */
export function inlineMarkersPast(text: string, limit: number): { line: number; column: number } | undefined {
  // A paragraph holds no more markers than the lines between two blank lines: most files are done here.
  return markersAtMost(text, limit) ? undefined : paragraphMarkersPast(text, limit);
}

/** `inlineMarkersPast` line by line, with no quick answer first. */
export function paragraphMarkersPast(text: string, limit: number): { line: number; column: number } | undefined {
  let count = 0;
  // What the current group holds so far: nothing, definitions only, or inline content.
  let group: 'empty' | 'definitions' | 'inline' = 'empty';
  let fence: string | undefined;
  // Inside an HTML block, which nothing parses for inline markers (a GitBook table is one long line of tags).
  let inHtml = false;
  // The column where the content of the list item last opened begins.
  let itemContent = 0;
  // Whether the line before was a link reference definition's label alone, `[label]:`.
  let destinationNext = false;
  let line = 0;
  const endGroup = () => {
    count = 0;
    group = 'empty';
  };
  const skipped = frontmatterLines(text);
  for (const lineText of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    if (++line <= skipped) continue;
    if (fence) {
      if (closesFence(lineText.replace(/^(?: {0,3}>[ \t]?)+/, ''), fence)) fence = undefined;
      continue;
    }
    let rest = lineText;
    // A sub-item indented past three columns (a tab, as outliners write them) is its own block
    // while it starts within the item above's content; further in, it is that item's text.
    const nested = nestedItem.exec(rest);
    const indent = nested ? columnsOf(nested[1]!) : 0;
    if (nested && indent <= itemContent + 3) {
      rest = rest.slice(nested[0].length);
      itemContent = indent + nested[2]!.length;
      endGroup();
    } else if (!/^[ \t]/.test(rest)) itemContent = 0;
    for (let prefix = containerPrefix.exec(rest); prefix; prefix = containerPrefix.exec(rest)) {
      rest = rest.slice(prefix[0].length);
      if (/^ {0,3}(?:[-+*]|\d)/.test(prefix[0])) itemContent = columnsOf(lineText.slice(0, lineText.length - rest.length));
      endGroup();
    }
    fence = fenceOpenedBy(rest);
    if (fence !== undefined) {
      endGroup();
      continue;
    }
    if (/^[ \t]*$/.test(rest)) {
      endGroup();
      inHtml = false;
      continue;
    }
    // A block a blank line ends (kinds 6 and 7) or a closer (the others, taken as ending there too, which only counts more).
    if (!inHtml && (htmlBlockOpener.test(rest) || (group === 'empty' && htmlTagLine.test(rest)))) {
      endGroup();
      inHtml = true;
    }
    if (inHtml) continue;
    if (group !== 'inline' && definitionLine.test(rest)) {
      group = 'definitions';
      // `[label]:` alone: its destination (a long address, say) is on the next line.
      destinationNext = /\]:[ \t]*$/.test(rest);
      continue;
    }
    if (destinationNext) {
      destinationNext = false;
      if (group === 'definitions' && /^[ \t]*\S+[ \t]*$/.test(rest)) continue;
    }
    // A heading or a table row is a group of its own line.
    const ownGroup = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|\|)/.test(rest);
    if (ownGroup) endGroup();
    group = 'inline';
    inlineMarker.lastIndex = 0;
    for (let marker = inlineMarker.exec(rest); marker; marker = inlineMarker.exec(rest)) {
      if (marker.groups?.plainLink === undefined && ++count > limit) return { line, column: lineText.length - rest.length + marker.index + 1 };
    }
    if (ownGroup) endGroup();
  }
  return undefined;
}

/**
 * Whether each run of lines between blank lines holds at most `limit` inline markers,
 * counting each character (`*`, `_`, `[`, `]`, a backtick, `<`): never fewer than the runs
 * a paragraph counts, as a paragraph never reaches over a blank line. A whole text of a
 * thousand markers is common; one paragraph of them is not.
 */
function markersAtMost(text: string, limit: number): boolean {
  let count = 0;
  let blank = true;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13) {
      // A line ends (CR LF once); after a blank one, the count starts again.
      if (code === 10 && text.charCodeAt(index - 1) === 13) continue;
      if (blank) count = 0;
      blank = true;
    } else if (code !== 32 && code !== 9) {
      blank = false;
      // * [ ] _ ` <
      if ((code === 42 || code === 91 || code === 93 || code === 95 || code === 96 || code === 60) && ++count > limit) return false;
    }
  }
  return true;
}

/**
 * The place where block quotes and lists first nest deeper than `limit`, judged from line
 * prefixes alone, without parsing: each `>` opens a level, and each list marker opens one
 * inside every list item whose content column the marker's line reaches.
 */
export function nestingPast(text: string, limit: number): { line: number; column: number } | undefined {
  const lineBreak = /\r\n|\r|\n/g;
  // Content columns of the list items open at the current quote depth, innermost last.
  const items: number[] = [];
  let itemsQuoteDepth = 0;
  let line = 1;
  const skipped = frontmatterLines(text);
  for (let lineStart = text.startsWith('\uFEFF') ? 1 : 0; lineStart <= text.length; line++) {
    lineBreak.lastIndex = lineStart;
    const found = lineBreak.exec(text);
    if (line <= skipped) {
      if (!found) break;
      lineStart = found.index + found[0].length;
      continue;
    }
    const lineText = text.slice(lineStart, found ? found.index : text.length);
    const breakStart = thematicBreakTail(lineText);
    let index = 0;
    let column = 0;
    let quotes = 0;
    let markers = 0;
    // Quotes inside a list item on this line, `- > x`: levels of their own.
    let innerQuotes = 0;
    for (;;) {
      const character = lineText[index];
      if (character === ' ' || character === '\t') {
        column += character === '\t' ? 4 - (column % 4) : 1;
        index++;
        continue;
      }
      if (character === '>') {
        if (markers === 0) quotes++;
        else innerQuotes++;
        if (quotes + innerQuotes + (markers === 0 ? 0 : items.length) > limit) return { line, column: index + 1 };
        index++;
        column++;
        continue;
      }
      if (markers === 0) {
        if (quotes !== itemsQuoteDepth) items.length = 0;
        itemsQuoteDepth = quotes;
        if (character === undefined) break;
        const lineIndent = column - quotes;
        while (items.length > 0 && items.at(-1)! > lineIndent) items.pop();
      }
      // `- - -` and `* * *` are thematic breaks, not three lists.
      if (index >= breakStart && isThematicBreak(lineText.slice(index))) break;
      const marker = mayOpenListItem(lineText.charCodeAt(index)) ? (/^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/.exec(lineText.slice(index, index + 11))?.[0].length ?? 0) : 0;
      if (marker === 0) break;
      markers++;
      if (quotes + innerQuotes + items.length + 1 > limit) return { line, column: index + 1 };
      index += marker;
      column += marker;
      items.push(column - quotes + 1);
    }
    if (!found) break;
    lineStart = found.index + found[0].length;
  }
  return undefined;
}

/** Whether a list item's marker can start with this character: `-`, `+`, `*` or a digit. */
function mayOpenListItem(code: number): boolean {
  return code === 45 || code === 43 || code === 42 || (code >= 48 && code <= 57);
}

/**
 * Where the run of one of `-`, `*`, `_` (and spaces) that ends a line starts, or the line's
 * length: only from there on can the rest of the line be a thematic break.
 */
function thematicBreakTail(line: string): number {
  let index = line.length - 1;
  while (index >= 0 && (line[index] === ' ' || line[index] === '\t')) index--;
  const character = line[index];
  if (character !== '-' && character !== '*' && character !== '_') return line.length;
  while (index >= 0 && (line[index] === character || line[index] === ' ' || line[index] === '\t')) index--;
  return index + 1;
}

function isThematicBreak(rest: string): boolean {
  return /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(rest);
}

/** git-crypt's header, which every file it encrypts starts with: a NUL byte, `GITCRYPT`, a NUL byte. */
const gitCryptHeader = [0x00, 0x47, 0x49, 0x54, 0x43, 0x52, 0x59, 0x50, 0x54, 0x00];

/** Whether a file's bytes are git-crypt's ciphertext (`.gitattributes` sets `filter=git-crypt` on it, and the repository is locked here). */
function isGitCryptFile(bytes: Uint8Array): boolean {
  return bytes.length >= gitCryptHeader.length && gitCryptHeader.every((byte, index) => bytes[index] === byte);
}

/**
 * Whether a file's text is SOPS's ciphertext: a Markdown file (or any file of a type SOPS does
 * not know) encrypted whole is written as JSON, `{"data": "ENC[AES256_GCM,…]", "sops": {…}}`, or
 * as YAML with `--output-type yaml`; either way its `sops` key holds a `mac` that SOPS encrypts too.
 */
export function isSopsText(text: string): boolean {
  // Only the file's own shape counts: a page about SOPS quoting such a file in a code block starts as Markdown does.
  const start = text.trimStart();
  if (start.startsWith('{')) return /"sops"\s*:\s*\{/.test(text) && /"mac"\s*:\s*"ENC\[AES256_GCM,/.test(text);
  return start.startsWith('data: ENC[AES256_GCM,') && /^sops:[ \t]*$/m.test(text) && /^[ \t]+mac:[ \t]*ENC\[AES256_GCM,/m.test(text);
}

/** A document that could not be read as text: an empty model and one finding at 1:1. */
export function unreadableDocument(path: string, reason: string, ruleId: string): CorpusDocument {
  return { path, model: emptyDocument(), messages: [fileMessage(path, reason, ruleId)], text: '' };
}

const lenientDecoder = new TextDecoder('utf-8');

/** The offset of the first byte that starts no valid UTF-8 sequence, or ends one early. */
function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next];
      // Overlong forms, surrogates and code points past U+10FFFF are refused by their second byte.
      const low = next === 1 && lead === 0xe0 ? 0xa0 : next === 1 && lead === 0xf0 ? 0x90 : 0x80;
      const high = next === 1 && lead === 0xed ? 0x9f : next === 1 && lead === 0xf4 ? 0x8f : 0xbf;
      if (byte === undefined || byte < low || byte > high) return index;
    }
    index += length;
  }
  return Math.max(0, bytes.length - 1);
}

function countLineFeeds(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let index = 0; index < end; index++) if (bytes[index] === 0x0a) count++;
  return count;
}

/** A document over the size cap, judged from its size alone so it never enters memory. */
export function tooLargeDocument(path: string, size: number, limits: ReadLimits): CorpusDocument {
  return unreadableDocument(
    path,
    `File is ${formatBytes(size)}, over the ${formatBytes(limits.maxFileBytes)} limit; it was not read (raise \`limits.maxFileBytes\` in the configuration to check it)`,
    'file-too-large',
  );
}

/**
 * A NUL character past the bytes git looks at, so the file is text to git and GitHub, which
 * show it as Markdown, the NUL as a replacement character (`�`), as CommonMark has it; told
 * at the first, as the parser's findings are, so the document is still read.
 */
function nulCharacterMessage(path: string, text: string, nul: number): VFileMessage {
  const lineStart = text.lastIndexOf('\n', nul - 1) + 1;
  const place = { line: text.slice(0, lineStart).split('\n').length, column: nul - lineStart + 1 };
  const count = text.split('\0').length - 1;
  const more = count === 1 ? 'a NUL character' : `a NUL character, the first of ${count}`;
  const reason = `This line holds ${more}, which the page shows as \`\uFFFD\`: the file is text to git and GitHub all the same, as they look for one only in its first 8,000 bytes; delete it`;
  const message = new VFileMessage(reason, { place, ruleId: nulCharacterId, source: 'remark-capsules' });
  message.file = path;
  return message;
}

function fileMessage(path: string, reason: string, ruleId: string, place: { line: number; column: number } = { line: 1, column: 1 }): VFileMessage {
  const message = new VFileMessage(reason, { place, ruleId, source: readerSource });
  message.file = path;
  message.fatal = true;
  return message;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
