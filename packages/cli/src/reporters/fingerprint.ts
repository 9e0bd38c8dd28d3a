/**
 * What identifies a finding across runs, for the formats whose services track findings from
 * one run to the next (SARIF's `partialFingerprints`, GitLab Code Quality's `fingerprint`):
 * its rule, its file (as the service places it, from the top of the repository) and message
 * and the text of its line, not the line's number, so an edit above it keeps it the same
 * finding. Identical findings on identical lines are told apart by their order.
 */
import { createHash } from 'node:crypto';
import type { VFileMessage } from 'vfile-message';
import { spanOf, type FileResult } from './types.js';

/**
 * The fingerprint of each of a file's findings, in their order. `placed` is the file's path
 * as the service places it: from the repository top where the corpus root is one of its
 * folders, so a check run from another folder keeps the identity.
 */
export function fingerprintsOf(file: FileResult, placed: string): string[] {
  const seen = new Map<string, number>();
  const lines = file.messages.length > 0 && file.source !== undefined ? file.source.split(/\r\n|\r|\n/) : [];
  return file.messages.map((message) => fingerprint(placed, message, lines, seen));
}

function fingerprint(path: string, message: VFileMessage, lines: readonly string[], seen: Map<string, number>): string {
  const { line } = spanOf(message);
  const lineText = line === undefined ? '' : (lines[line - 1] ?? '');
  const key = `${message.ruleId ?? ''}\0${path}\0${message.reason}\0${lineText.trim()}`;
  const occurrence = seen.get(key) ?? 0;
  seen.set(key, occurrence + 1);
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${occurrence + 1}`;
}
