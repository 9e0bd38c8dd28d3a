/**
 * The Markdown syntax capsule documents use beyond CommonMark: tables and task-list items.
 * Only these two GFM extensions are enabled, not all of GFM: the others (autolink literals,
 * footnotes, strikethrough) cost parse time and capsule documents do not rely on them.
 */
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';

/** Add table and task-list syntax to a remark-parse pipeline. */
export default function remarkCapsuleSyntax(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}
