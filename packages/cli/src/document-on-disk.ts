/**
 * A document as its file holds it, for the commands that write one back (`check --fix`,
 * `rename`): its text as the reader decodes it, and a way to write a new text in the file's
 * own encoding (UTF-8 with its byte order mark if it had one, or UTF-16), so a fix never
 * re-encodes a file.
 */
import { readFileSync } from 'node:fs';
import { byteOrderMark, decodedText } from '@capsule-docs/graph';

export interface DocumentOnDisk {
  /** The text as the reader decodes it, without a byte order mark (empty when it is not text). */
  text: string;
  /** A new text as the file's bytes, in the file's encoding, after its byte order mark if it had one. */
  encode(text: string): Uint8Array;
}

export function readDocumentOnDisk(absolute: string): DocumentOnDisk {
  const bytes = readFileSync(absolute);
  const { encoding, length } = byteOrderMark(bytes);
  const mark = bytes.subarray(0, length);
  const body = (text: string) => (encoding === 'utf-8' ? Buffer.from(text, 'utf8') : encoding === 'utf-16le' ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf16le').swap16());
  return { text: decodedText(bytes), encode: (text) => Buffer.concat([mark, body(text)]) };
}

/** A file's text for a move's edits (a site configuration), or undefined when it cannot be read. */
export function readTextOrUndefined(absolute: string): string | undefined {
  try {
    return readDocumentOnDisk(absolute).text;
  } catch {
    return undefined;
  }
}
