/**
 * Writing Markdown that cannot be misread: inline text that stays inline, code spans and
 * fences longer than any backtick run they hold, link text and destinations that stay links.
 */
import type { PartSource } from './part-markdown.js';
import { oneLine } from './part-markdown.js';

/** Text on one line that starts no block (heading, list, quote) and ends no heading. */
export function escapedInline(text: string): string {
  return oneLine(text)
    .replace(/^[#>+\-*=|]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/(\s)(#+)$/, '$1\\$2')
    .replace(/^([`~]{3,})/, '\\$1');
}

/** Bold inline text; emphasis markers inside are escaped so the bold closes where it should. */
export function strong(text: string): string {
  return `**${escapedInline(text).replace(/[*_]/g, '\\$&')}**`;
}

/** A code span around `text`, with a delimiter longer than any backtick run inside. */
export function codeSpan(text: string): string {
  const flat = oneLine(text);
  const delimiter = '`'.repeat(longestRun(flat, '`') + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${delimiter}${pad}${flat}${pad}${delimiter}`;
}

/** A fenced block around `text` that nothing inside can close. */
export function fenced(text: string, info = ''): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}

/** `[text](destination)` that parses as one link whatever the text holds. */
export function link(text: string, destination: string): string {
  const label = oneLine(text).replace(/[\\[\]]/g, '\\$&');
  return `[${label}](${destination.replace(/[()\s<>]/g, percentEncode)})`;
}

/** Percent-encode each segment of a POSIX path for use in a URL. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()]/g, percentEncode))
    .join('/');
}

/** `%XX` for one character; `encodeURIComponent` leaves parentheses as they are. */
function percentEncode(char: string): string {
  return char === '(' ? '%28' : char === ')' ? '%29' : encodeURIComponent(char);
}

/**
 * A labelled part as Markdown: the author's source when it stands on its own, otherwise
 * the same source fenced so that its headings, HTML or open fences stay inside.
 */
export function labelledPart(label: string, part: Omit<PartSource, 'kind'>): string {
  if (!part.selfContained) return `**${label}**\n\n${fenced(part.markdown, 'markdown')}`;
  if (part.startsInline) return `**${label}**: ${part.markdown}`;
  return `**${label}**\n\n${part.markdown}`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const found of text) {
    current = found === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}
