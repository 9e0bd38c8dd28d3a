/** A bundle as one Markdown document: a heading per capsule, the parts (extra parts last) under bold labels. */
import type { Bundle, RenderStyle } from './bundle.js';
import { describeSelection, leftOutLists, leftOutSentence, nameList } from './bundle-text.js';
import { codeSpan, escapedInline, labelledPart } from './markdown.js';

const labels = { invariant: 'Invariant', example: 'Example', depth: 'Depth' } as const;

export function renderMarkdownBundle(bundle: Bundle, style: RenderStyle): string {
  const blocks = ['# Capsule context', `Selection: ${describeSelection(bundle.selection, codeSpan)}.`];
  if (bundle.budget !== undefined) blocks.push(`Budget: ${bundle.budget} tokens (${bundle.encoding}).`);
  for (const capsule of bundle.capsules) {
    blocks.push(`## Capsule: ${escapedInline(capsule.name)}`);
    const reached = capsule.via === undefined ? '' : `; reached through SeeAlso from ${codeSpan(capsule.via)} (distance ${capsule.distance})`;
    const sample = capsule.sample ? ' It is a sample of the format, not a rule of this corpus.' : '';
    blocks.push(`Source: ${codeSpan(capsule.source.document)}, line ${capsule.source.line}${reached}.${sample}`);
    for (const part of capsule.parts) blocks.push(labelledPart(labels[part.kind], part));
    for (const extra of capsule.extras) blocks.push(labelledPart(extra.label, extra));
  }
  if (bundle.leftOut) {
    blocks.push('## Left out to fit the budget', leftOutSentence(bundle));
    const lists = leftOutLists(bundle.leftOut).map((list) => {
      const names = nameList(list.names, style.listLimit, codeSpan);
      return `- ${list.label}: ${list.names.length}${names ? ` (${names})` : ''}`;
    });
    if (lists.length > 0) blocks.push(lists.join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}
