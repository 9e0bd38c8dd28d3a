/** Lead-ins: the one-line paragraph that introduces a list, a code block or a table. */
import type { RootContent } from 'mdast';

/**
 * A one-line paragraph ending in a colon right before a list, a code block or a table
 * (`Before changing a shared component:`, `Patterns to avoid:`) frames what follows, as a
 * sub-label does: it is neither prose in place of the list nor a line of the example.
 */
export function isLeadIn(node: RootContent, next: RootContent | undefined, text: string): boolean {
  if (node.type !== 'paragraph' || (next?.type !== 'list' && next?.type !== 'code' && next?.type !== 'table')) return false;
  const source = sourceOf(node, text);
  return source !== undefined && !/[\r\n]/.test(source) && source.endsWith(':');
}

/** A node's source, trimmed; undefined for a node without offsets. */
export function sourceOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, text: string): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : text.slice(start, end).trim();
}
