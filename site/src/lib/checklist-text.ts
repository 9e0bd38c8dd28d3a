/** Splitting a checklist item's text from the capsule citation at its end. */
import type { ChecklistItemView } from './schema.js';

/**
 * The item's text without its trailing `(Name, Other)` citation when that parenthetical
 * names exactly the cited capsules; the page shows those names as links instead.
 */
export function withoutCitation(item: Pick<ChecklistItemView, 'text' | 'cites'>): string {
  if (item.cites.length === 0) return item.text;
  const match = /\s*\(([^()]*)\)\s*$/.exec(item.text);
  if (!match) return item.text;
  const names = match[1]!.split(',').map((name) => name.trim().replace(/^`|`$/g, ''));
  const cited = item.cites.map((citation) => citation.name);
  const same = names.length === cited.length && names.every((name, index) => name === cited[index]);
  return same ? item.text.slice(0, match.index) : item.text;
}
