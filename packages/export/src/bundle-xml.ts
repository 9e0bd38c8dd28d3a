/**
 * A bundle as XML: one element per capsule and part, `<extra label="Why">` for an extra part. Every text and attribute is escaped,
 * so capsule text such as `</capsule>` stays text, and characters XML cannot hold become
 * U+FFFD.
 */
import type { Bundle, RenderStyle } from './bundle.js';
import { describeSelection, leftOutLists, leftOutSentence, nameList } from './bundle-text.js';
import { xmlAttribute, xmlText } from './xml-escape.js';

export function renderXmlBundle(bundle: Bundle, style: RenderStyle): string {
  const budget = bundle.budget === undefined ? '' : ` budget="${bundle.budget}"`;
  const lines = [`<capsule-context encoding="${bundle.encoding}"${budget}>`];
  lines.push(`<selection>${xmlText(describeSelection(bundle.selection, (text) => text))}</selection>`);
  for (const capsule of bundle.capsules) {
    const attributes = [
      ['name', capsule.name],
      ['document', capsule.source.document],
      ['line', String(capsule.source.line)],
      ['distance', String(capsule.distance)],
      ...(capsule.via === undefined ? [] : [['via', capsule.via]]),
      ...(capsule.sample ? [['sample', 'true']] : []),
    ]
      .map(([key, value]) => `${key}="${xmlAttribute(value!)}"`)
      .join(' ');
    lines.push(`<capsule ${attributes}>`);
    for (const part of capsule.parts) lines.push(`<${part.kind}>`, xmlText(part.markdown), `</${part.kind}>`);
    for (const extra of capsule.extras) lines.push(`<extra label="${xmlAttribute(extra.label)}">`, xmlText(extra.markdown), '</extra>');
    lines.push('</capsule>');
  }
  if (bundle.leftOut) {
    const lists = leftOutLists(bundle.leftOut);
    const counts = lists.map((list) => ` ${list.label.toLowerCase()}="${list.names.length}"`).join('');
    lines.push(`<left-out tokens="${bundle.leftOut.tokens}"${counts}>`, xmlText(leftOutSentence(bundle)));
    for (const list of lists) {
      const names = nameList(list.names, style.listLimit, (text) => text);
      lines.push(xmlText(`${list.label}: ${list.names.length}${names ? ` (${names})` : ''}`));
    }
    lines.push('</left-out>');
  }
  lines.push('</capsule-context>');
  return `${lines.join('\n')}\n`;
}
