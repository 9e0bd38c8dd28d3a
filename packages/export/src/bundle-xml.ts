/**
 * A bundle as XML: one element per capsule and part, `<extra label="Why">` for an extra part. Every text and attribute is escaped,
 * so capsule text such as `</capsule>` stays text, and characters XML cannot hold become
 * U+FFFD.
 */
import type { Bundle, RenderStyle } from './bundle.js';
import { describeSelection, leftOutLists, leftOutSentence, nameList } from './bundle-text.js';

export function renderXmlBundle(bundle: Bundle, style: RenderStyle): string {
  const budget = bundle.budget === undefined ? '' : ` budget="${bundle.budget}"`;
  const lines = [`<capsule-context encoding="${bundle.encoding}"${budget}>`];
  lines.push(`<selection>${escapeText(describeSelection(bundle.selection, (text) => text))}</selection>`);
  for (const capsule of bundle.capsules) {
    const attributes = [
      ['name', capsule.name],
      ['document', capsule.source.document],
      ['line', String(capsule.source.line)],
      ['distance', String(capsule.distance)],
      ...(capsule.via === undefined ? [] : [['via', capsule.via]]),
      ...(capsule.sample ? [['sample', 'true']] : []),
    ]
      .map(([key, value]) => `${key}="${escapeAttribute(value!)}"`)
      .join(' ');
    lines.push(`<capsule ${attributes}>`);
    for (const part of capsule.parts) lines.push(`<${part.kind}>`, escapeText(part.markdown), `</${part.kind}>`);
    for (const extra of capsule.extras) lines.push(`<extra label="${escapeAttribute(extra.label)}">`, escapeText(extra.markdown), '</extra>');
    lines.push('</capsule>');
  }
  if (bundle.leftOut) {
    const lists = leftOutLists(bundle.leftOut);
    const counts = lists.map((list) => ` ${list.label.toLowerCase()}="${list.names.length}"`).join('');
    lines.push(`<left-out tokens="${bundle.leftOut.tokens}"${counts}>`, escapeText(leftOutSentence(bundle)));
    for (const list of lists) {
      const names = nameList(list.names, style.listLimit, (text) => text);
      lines.push(escapeText(`${list.label}: ${list.names.length}${names ? ` (${names})` : ''}`));
    }
    lines.push('</left-out>');
  }
  lines.push('</capsule-context>');
  return `${lines.join('\n')}\n`;
}

// Characters outside XML 1.0's Char production; none of them can appear even escaped.
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeText(text: string): string {
  return text.replace(notXmlChar, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
