/** What a document is called, for every consumer that names it (exports, the site, MCP, graph formats). */
import { collapseWhitespace } from 'remark-capsules';
import type { CorpusDocument } from './document.js';

/** A template's folder for issues or pull requests: its `title` is the start of an issue's title, not its own. */
const issueTemplateFolder = /(?:^|\/)(?:ISSUE_TEMPLATE|PULL_REQUEST_TEMPLATE|issue_templates|merge_request_templates)\//i;

/**
 * A document's title on one line: its level-one heading as the page shows it, else its
 * frontmatter's `title`, which site generators (Starlight, Docusaurus, Mintlify) show as the
 * page's heading when the page has none; undefined when it has neither. A `title` that is a
 * label alone (`[BUG]`) or an issue template's starts an issue's title and names nothing.
 */
export function titleOf(document: Pick<CorpusDocument, 'path' | 'model'>): string | undefined {
  const heading = collapseWhitespace(document.model.title?.text ?? '');
  if (heading !== '') return heading;
  const title = document.model.frontmatter?.data?.['title'];
  if (typeof title !== 'string' || issueTemplateFolder.test(document.path)) return undefined;
  const text = collapseWhitespace(title);
  return text === '' || /^\[[^\]]*\]$/.test(text) ? undefined : text;
}
