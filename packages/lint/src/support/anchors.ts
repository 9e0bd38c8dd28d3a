/** Anchor checks shared by the rules that follow references into documents. */
import { suggestAmong, type Edge } from '@capsule-docs/graph';
import type { RuleContext } from '../types.js';
import { anchorsOf } from './corpus.js';

/** Messages for a reference whose `#anchor` names no heading of its target document. */
export const anchorMessages = {
  'missing-anchor': '`{document}` has no heading with the anchor `#{anchor}`; point it at an existing heading, or drop the anchor',
  'missing-anchor-suggest': '`{document}` has no heading with the anchor `#{anchor}`; did you mean `#{suggestion}`?',
};

/** Report a resolved edge whose anchor is not a heading slug of the Markdown document it reaches. */
export function checkAnchor(context: RuleContext, edge: Edge): void {
  if (!edge.anchor || edge.toDocument === undefined) return;
  const target = context.graph.document(edge.toDocument);
  // Files that are not documents (images, PDFs) have no headings to check against.
  if (!target) return;
  const anchors = anchorsOf(context, target);
  if (anchors.has(edge.anchor)) return;
  const suggestion = suggestAmong(edge.anchor, anchors);
  const data = { document: target.path, anchor: edge.anchor };
  context.report(
    suggestion
      ? { messageId: 'missing-anchor-suggest', data: { ...data, suggestion }, place: edge.position, expected: [suggestion] }
      : { messageId: 'missing-anchor', data, place: edge.position },
  );
}
