import { suggestAmong } from '@capsule-docs/graph';

/** A hint naming the nearest candidate, or listing a few when none is near. */
export function suggestionHint(name: string, candidates: readonly string[], what: string): string {
  const nearest = suggestAmong(name, candidates);
  if (nearest !== undefined) return `Did you mean \`${nearest}\`?`;
  if (candidates.length === 0) return `The corpus has no ${what}.`;
  const shown = candidates.slice(0, 8).map((candidate) => `\`${candidate}\``).join(', ');
  return `Known ${what}: ${shown}${candidates.length > 8 ? `, and ${candidates.length - 8} more` : ''}.`;
}
