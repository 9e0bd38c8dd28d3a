/**
 * A document as its file holds it, for the commands that write one back (`check --fix`,
 * `rename`): its text as the reader decodes it, and a way to write a new text in the file's
 * own encoding (UTF-8 with its byte order mark if it had one, or UTF-16), so a fix never
 * re-encodes a file.
 */
import { readFileSync } from 'node:fs';
import { decodedText } from '@capsule-docs/graph';

export interface DocumentOnDisk {
  /** The text as the reader decodes it, without a byte order mark (empty when it is not text). */
  text: string;
  /** A new text as the file's bytes, in the file's encoding. */
  encode(text: string): Uint8Array;
}

export function readDocumentOnDisk(absolute: string): DocumentOnDisk {
  const bytes = readFileSync(absolute);
  const text = decodedText(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text, encode: (next) => Buffer.concat([bytes.subarray(0, 2), Buffer.from(next, 'utf16le')]) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text, encode: (next) => Buffer.concat([bytes.subarray(0, 2), Buffer.from(next, 'utf16le').swap16()]) };
  const mark = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '';
  return { text, encode: (next) => Buffer.from(mark + next, 'utf8') };
}
