/**
 * A reference the checked change broke, told where its capsule went: `capsule check a.md` and
 * `--staged` know the names the given documents defined at HEAD, and a person who deleted a
 * document sees why a file nobody touched fails.
 */
import type { RuleContext } from '../types.js';
import { shownPath } from './corpus.js';

/** Where the change took `name` from, and whether it deletes that document; undefined for a name it did not take. */
export function formerDefinition(context: RuleContext, name: string): { document: string; deleted: boolean } | undefined {
  const document = context.settings.formerDefinitions?.get(name);
  if (document === undefined) return undefined;
  return { document: shownPath(context, document), deleted: context.graph.document(document) === undefined };
}
