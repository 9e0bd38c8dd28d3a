/** Applying the safe fixes that findings carry. */
import type { VFileMessage } from 'vfile-message';
import type { Fix } from './types.js';

/**
 * Apply the fixes of `messages` to `text`; `applied` counts the findings fixed. Fixes are
 * taken in source order; one that overlaps a fix already taken is left for a later run. A
 * fix whose range no longer holds the text it was made for (its `original`) is skipped, so
 * applying findings to a text that has changed since, or applying them twice, never
 * corrupts it.
 */
export function applyFixes(text: string, messages: Iterable<VFileMessage>): { text: string; applied: number } {
  const fixes: Fix[] = [];
  for (const message of messages) {
    const fix = message.fix;
    if (!fix || fix.start < 0 || fix.end > text.length || fix.start > fix.end) continue;
    const current = text.slice(fix.start, fix.end);
    if (current === fix.text || (fix.original !== undefined && current !== fix.original)) continue;
    fixes.push(fix);
  }
  fixes.sort((a, b) => a.start - b.start || a.end - b.end);

  let result = '';
  let cursor = 0;
  let applied = 0;
  let previous: Fix | undefined;
  for (const fix of fixes) {
    // The same edit made for two findings (a comment two of them ask to remove) fixes both.
    if (previous !== undefined && fix.start === previous.start && fix.end === previous.end && fix.text === previous.text) {
      applied++;
      continue;
    }
    // Two insertions at one point have no safe order: keep the first.
    const bothInsert = previous !== undefined && previous.start === previous.end && fix.start === fix.end && fix.start === previous.end;
    if (fix.start < cursor || bothInsert) continue;
    result += text.slice(cursor, fix.start) + fix.text;
    cursor = fix.end;
    previous = fix;
    applied++;
  }
  return { text: result + text.slice(cursor), applied };
}
