/**
 * Reading one file's bytes into a corpus document. Pure: the loader does the I/O. Input
 * that is not a text document (binary, invalid UTF-8, over the size cap) becomes a
 * positioned finding on an empty model instead of reaching the parser.
 */
import type { Root } from 'mdast';
import { emptyDocument, parseCapsuleDocument, type CapsuleDocument } from 'remark-capsules';
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
}

export const defaultReadLimits: ReadLimits = { maxFileBytes: 2 * 1024 * 1024 };

/** The `source` of findings about a file as a whole. */
export const readerSource = 'capsule-docs';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Turn a file's bytes into a corpus document. */
export function readDocument(
  path: string,
  bytes: Uint8Array,
  options: { limits?: ReadLimits; keepTree?: boolean } = {},
): CorpusDocument {
  const limits = options.limits ?? defaultReadLimits;
  const unreadable = (reason: string, ruleId: string) => unreadableDocument(path, reason, ruleId);
  if (bytes.byteLength > limits.maxFileBytes) return tooLargeDocument(path, bytes.byteLength, limits);
  if (bytes.subarray(0, 8192).includes(0)) {
    return unreadable('File holds NUL bytes: it looks binary, not Markdown', 'binary-file');
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return unreadable('File is not valid UTF-8 text', 'invalid-encoding');
  }
  if (text.includes('\0')) {
    return unreadable('File holds NUL characters: it looks binary, not Markdown', 'binary-file');
  }

  const parsed = parseCapsuleDocument(text, path);
  const document: CorpusDocument = { path, model: parsed.model, messages: parsed.messages, text };
  if (options.keepTree) document.tree = parsed.tree;
  return document;
}

/** A document that could not be read as text: an empty model and one finding at 1:1. */
export function unreadableDocument(path: string, reason: string, ruleId: string): CorpusDocument {
  return { path, model: emptyDocument(), messages: [fileMessage(path, reason, ruleId)], text: '' };
}

/** A document over the size cap, judged from its size alone so it never enters memory. */
export function tooLargeDocument(path: string, size: number, limits: ReadLimits): CorpusDocument {
  return unreadableDocument(
    path,
    `File is ${formatBytes(size)}, over the ${formatBytes(limits.maxFileBytes)} limit; it was not read (raise \`maxFileBytes\` to check it)`,
    'file-too-large',
  );
}

function fileMessage(path: string, reason: string, ruleId: string): VFileMessage {
  const message = new VFileMessage(reason, { place: { line: 1, column: 1 }, ruleId, source: readerSource });
  message.file = path;
  message.fatal = true;
  return message;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
