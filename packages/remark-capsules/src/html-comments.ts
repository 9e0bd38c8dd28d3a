/**
 * HTML comments as this project reads them: a node (or a stretch of source) that holds
 * nothing but comments is not content; it is a note to editors or a disable directive.
 */
import type { Nodes, Root } from 'mdast';
import type { Span } from './model.js';
import type { SourceText } from './source-text.js';

const onlyCommentsPattern = /^\s*(?:<!--[\s\S]*?-->\s*)+$/;

/** True for text made only of HTML comments and white space (and at least one comment). */
export function isOnlyComments(text: string): boolean {
  return onlyCommentsPattern.test(text);
}

/** True for an HTML node, block or inline, that holds only comments. */
export function isCommentNode(node: Nodes): boolean {
  return node.type === 'html' && isOnlyComments(node.value);
}

/** A block whose text is not HTML, where `<!--` is no comment: a script, a style sheet, a text area. */
const rawTextBlock = /^[ \t]*<(?:script|style|textarea)(?:[\s>]|$)/i;

/**
 * The HTML comments of the document's top-level HTML blocks, which a site does not show, as
 * spans to cut (see `CapsuleDocument.comments`): a block of nothing but comments whole; a
 * comment on lines of its own inside a block of other HTML with one line ending (the one
 * after it, or before it on the block's last line), so the lines around it stay one block,
 * as a blank line left in its place would end the block there; a comment beside other HTML on
 * its line, alone.
 */
export function commentCuts(tree: Root, source: SourceText): Span[] {
  const cuts: Span[] = [];
  const text = source.text;
  for (const node of tree.children) {
    if (node.type !== 'html') continue;
    const span = source.spanOf(node);
    if (isOnlyComments(node.value)) {
      cuts.push(span);
      continue;
    }
    if (!node.value.includes('<!--') || rawTextBlock.test(node.value)) continue;
    const blockStart = span.start.offset;
    const blockEnd = span.end.offset;
    for (const match of text.slice(blockStart, blockEnd).matchAll(/<!--[\s\S]*?-->/g)) {
      let from = blockStart + match.index;
      let to = from + match[0].length;
      const lineStart = text.lastIndexOf('\n', from - 1) + 1;
      const newline = text.indexOf('\n', to);
      const lineEnd = newline === -1 || newline > blockEnd ? blockEnd : newline;
      if (/^[ \t]*$/.test(text.slice(lineStart, from)) && /^[ \t]*\r?$/.test(text.slice(to, lineEnd))) {
        if (lineEnd < blockEnd) {
          from = lineStart;
          to = lineEnd + 1;
        } else if (lineStart > blockStart) {
          from = lineStart - (text[lineStart - 2] === '\r' ? 2 : 1);
          to = lineEnd;
        }
      }
      cuts.push({ start: source.point(from), end: source.point(to) });
    }
  }
  return cuts;
}
