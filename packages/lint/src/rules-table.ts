/** The rules reference table the README embeds, generated from the rules' metadata. */
import { markdownTable } from 'markdown-table';
import { rules } from './rules/index.js';

const docsPrefix = 'packages/lint/';

/** The Markdown table of every rule: id, description, default severity, fixable, docs. */
export function rulesTable(): string {
  const rows = rules.map((rule) => {
    const { id, description, defaultSeverity, fixable, docs } = rule.meta;
    const link = docs.url.startsWith(docsPrefix) ? docs.url.slice(docsPrefix.length) : docs.url;
    return [`\`${id}\``, description, `\`${defaultSeverity}\``, fixable ? 'yes' : 'no', `[docs](${link})`];
  });
  return markdownTable([['Rule', 'What it checks', 'Default', 'Fixable', 'Docs'], ...rows]);
}

/** The README's markers around the generated table. */
export const rulesTableMarkers = { start: '<!-- rules:start -->', end: '<!-- rules:end -->' } as const;

/** `readme` with the text between the markers replaced by the current table. */
export function withRulesTable(readme: string): string {
  const start = readme.indexOf(rulesTableMarkers.start);
  const end = readme.indexOf(rulesTableMarkers.end);
  if (start === -1 || end < start) throw new Error(`The README lacks the ${rulesTableMarkers.start} and ${rulesTableMarkers.end} markers`);
  return `${readme.slice(0, start + rulesTableMarkers.start.length)}\n\n${rulesTable()}\n\n${readme.slice(end)}`;
}
