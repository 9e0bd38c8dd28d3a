/** Wording shared by the bundle formats, so that each says the same thing about a bundle. */
import type { Bundle, LeftOut } from './bundle.js';
import type { Selection } from './select.js';

/** `capsule A, B; tag Planning; depth 1`, or `every capsule` when nothing narrows it. */
export function describeSelection(selection: Selection, quote: (text: string) => string): string {
  const parts: string[] = [];
  const list = (label: string, values: string[] | undefined) => {
    if (values && values.length > 0) parts.push(`${label} ${values.map(quote).join(', ')}`);
  };
  list('capsule', selection.capsules);
  list('document', selection.documents);
  list('tag', selection.tags);
  list('category', selection.categories);
  list('audience', selection.audiences);
  const scope = parts.length === 0 ? 'every capsule' : parts.join('; ');
  return selection.depth ? `${scope}; SeeAlso depth ${selection.depth}` : scope;
}

export interface LeftOutList {
  label: string;
  names: string[];
}

/** The non-empty lists of what was left out, each labelled. */
export function leftOutLists(leftOut: LeftOut): LeftOutList[] {
  return [
    { label: 'Capsules', names: leftOut.capsules },
    { label: 'Examples', names: leftOut.examples },
    { label: 'Depth', names: leftOut.depth },
    { label: 'Extra parts', names: leftOut.extras },
  ].filter((list) => list.names.length > 0);
}

/** `A, B, C and 4 more` with at most `limit` names; `undefined` when `limit` is 0 (counts only). */
export function nameList(names: string[], limit: number, quote: (text: string) => string): string | undefined {
  if (limit === 0) return undefined;
  const shown = names.slice(0, limit).map(quote).join(', ');
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}

/** The sentence saying that, and how much, was left out. */
export function leftOutSentence(bundle: Bundle): string {
  const leftOut = bundle.leftOut!;
  const budget = `the budget of ${bundle.budget} tokens (${bundle.encoding})`;
  const sentence = `${leftOut.tokens} tokens were left out to fit ${budget}.`;
  if (leftOut.capsules.length === 0) return sentence;
  return `${sentence} Not every invariant fits: the bundle holds ${bundle.capsules.length} of the ${bundle.selected} selected capsules, invariants only.`;
}
