/**
 * Where a path that names no file most likely meant, for the rules that follow paths: the
 * corpus path nearest to it, else the one file of the repository with its name (where a moved
 * file most likely went). Said as the author would write it: relative to the document.
 */
import { posix } from 'node:path';
import { decodePath, resolveCorpusPath, SuggestionIndex } from '@capsule-docs/graph';
import type { RuleContext } from '../types.js';

export function suggestedPath(context: RuleContext, target: string): string | undefined {
  const files = context.memo('file-path-index', () => new SuggestionIndex(context.graph.files));
  const resolved = resolveCorpusPath(context.document.path, decodePath(target));
  const near = (resolved.kind === 'inside' ? files.suggest(resolved.path) : undefined) ?? movedTo(context, target);
  return near === undefined ? undefined : posix.relative(posix.dirname(context.document.path), near);
}

/** The one file of the repository with the target's name, when no other file has it. */
function movedTo(context: RuleContext, target: string): string | undefined {
  const name = posix.basename(decodePath(target).replace(/[#?].*$/, ''));
  if (!/\.[A-Za-z0-9]+$/.test(name)) return undefined;
  const byName = context.memo('files-by-name', () => {
    const index = new Map<string, string | null>();
    for (const file of context.graph.files) {
      const base = posix.basename(file);
      index.set(base, index.has(base) ? null : file);
    }
    return index;
  });
  return byName.get(name) ?? undefined;
}
