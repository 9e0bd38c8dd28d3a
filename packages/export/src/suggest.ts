import { closest, distance } from 'fastest-levenshtein';

/** The nearest of `candidates` to a mistyped `name`, when it is near enough to be meant. */
export function didYouMean(name: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const folded = name.toLowerCase();
  const sameLetters = candidates.find((candidate) => candidate.toLowerCase() === folded);
  if (sameLetters) return sameLetters;
  const nearest = closest(name, candidates as string[]);
  return distance(name, nearest) <= Math.max(2, Math.floor(name.length / 3)) ? nearest : undefined;
}

/** A hint naming the nearest candidate, or listing a few when none is near. */
export function suggestionHint(name: string, candidates: readonly string[], what: string): string {
  const nearest = didYouMean(name, candidates);
  if (nearest !== undefined) return `Did you mean \`${nearest}\`?`;
  if (candidates.length === 0) return `The corpus has no ${what}.`;
  const shown = candidates.slice(0, 8).map((candidate) => `\`${candidate}\``).join(', ');
  return `Known ${what}: ${shown}${candidates.length > 8 ? `, and ${candidates.length - 8} more` : ''}.`;
}
