/**
 * HTML comments as this project reads them: a node (or a stretch of source) that holds
 * nothing but comments is not content; it is a note to editors or a disable directive.
 */
import type { Nodes } from 'mdast';

const onlyCommentsPattern = /^\s*(?:<!--[\s\S]*?-->\s*)+$/;

/** True for text made only of HTML comments and white space (and at least one comment). */
export function isOnlyComments(text: string): boolean {
  return onlyCommentsPattern.test(text);
}

/** True for an HTML node, block or inline, that holds only comments. */
export function isCommentNode(node: Nodes): boolean {
  return node.type === 'html' && isOnlyComments(node.value);
}
