/**
 * invariant-immutable: a published invariant is not rewritten; a new understanding becomes
 * a new capsule. Each capsule's invariant is compared with the same capsule's at a git ref
 * (default `HEAD`). The old text is parsed by `modelAtRevision`: the one parse a rule
 * makes, of a historical version the graph does not hold. New capsules and files new
 * since the ref are fine, and so are changes of markup or spacing alone.
 */
import { modelAtRevision } from '../../support/revision.js';
import type { Rule } from '../../types.js';
import { ruleDocs } from '../../rule-docs.js';

const id = 'invariant-immutable';

export const invariantImmutable: Rule = {
  meta: {
    id,
    description: 'Invariants are not rewritten once committed',
    defaultSeverity: 'warn',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      changed: 'The invariant of `{name}` differs from its text at `{ref}`; invariants are immutable, so state the new rule in a new capsule (e.g. `{name}V2`) linked by SeeAlso',
    },
    fixable: false,
    scope: 'corpus',
    docs: ruleDocs(id, 'An invariant keeps its committed wording; a revised rule goes into a new capsule.'),
  },
  check(context) {
    const { git, gitRef } = context.settings;
    const { model, path } = context.document;
    if (!git || model.capsules.length === 0) return;
    if (git.isUnchanged?.(gitRef, path, context.document.text)) return;
    const old = modelAtRevision(git, gitRef, path);
    if (old === undefined) return;
    // The invariants' text, not their nodes: this rule runs on the cross-file summaries.
    const before = new Map<string, string>();
    for (const capsule of old.capsules) {
      if (capsule.invariant && !before.has(capsule.name)) before.set(capsule.name, capsule.invariant.text);
    }
    for (const capsule of model.capsules) {
      const invariant = capsule.invariant;
      const previous = before.get(capsule.name);
      if (!invariant || previous === undefined) continue;
      const text = invariant.text;
      if (comparable(previous) === comparable(text)) continue;
      context.report({
        messageId: 'changed',
        data: { name: capsule.name, ref: gitRef },
        place: invariant.contentPosition ?? invariant.labelPosition,
        actual: text,
        expected: [previous],
      });
    }
  },
};

function comparable(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
