/** Applying the safe fixes that findings carry. */
import type { VFileMessage } from 'vfile-message';
import type { Fix } from './types.js';

/**
 * Apply the fixes of `messages` to `text`. Fixes are taken in source order; one that
 * overlaps a fix already taken is left for a later run. A fix whose range already holds
 * its replacement is skipped, so applying the same findings twice changes nothing more.
 */
export function applyFixes(text: string, messages: Iterable<VFileMessage>): { text: string; applied: number } {
  const fixes: Fix[] = [];
  for (const message of messages) {
    const fix = message.fix;
    if (!fix || fix.start < 0 || fix.end > text.length || fix.start > fix.end) continue;
    if (text.slice(fix.start, fix.end) === fix.text) continue;
    fixes.push(fix);
  }
  fixes.sort((a, b) => a.start - b.start || a.end - b.end);

  let result = '';
  let cursor = 0;
  let applied = 0;
  let previous: Fix | undefined;
  for (const fix of fixes) {
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
