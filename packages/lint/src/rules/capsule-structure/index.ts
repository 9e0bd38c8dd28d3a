/**
 * capsule-structure: a capsule has its three parts, Invariant, Example and Depth, once each
 * and in that order, with nothing stray before the first label or under the invariant's
 * sentence. Other labels (`**Why**`, `**Notes**`) are extra parts and fine; one that looks
 * like a misspelled part label is reported, since its part then goes missing. A stub in an
 * agent file (an Invariant and no Example or Depth, in `AGENTS.md` or `CLAUDE.md`) leaves
 * the other parts out on purpose and is not reported for them.
 */
import { isAgentFile, isStub, suggestAmong } from '@capsule-docs/graph';
import type { Capsule, DocumentHeading, PartKind } from 'remark-capsules';
import { isOnlyComments, isCommentNode } from 'remark-capsules';
import type { Rule } from '../../types.js';
import { ruleDocs } from '../../rule-docs.js';

const id = 'capsule-structure';
const order: PartKind[] = ['invariant', 'example', 'depth'];
const labels: Record<PartKind, string> = { invariant: 'Invariant', example: 'Example', depth: 'Depth' };

export const capsuleStructure: Rule = {
  meta: {
    id,
    description: 'Capsules have Invariant, Example and Depth, once each, in order',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      'missing-part': 'Capsule `{name}` has no **{part}**; add the part after {after}',
      'empty-part': 'The **{part}** of `{name}` is empty; write its content below the label, or remove the label',
      'repeated-part': 'Capsule `{name}` has a second **{part}**; merge it into the first',
      'out-of-order': 'In `{name}`, **{part}** comes after **{after}**; move it so the parts read Invariant, Example, Depth',
      'stray-content': 'Content between the heading of `{name}` and its first label belongs to no part; move it into a part or out of the capsule',
      'stray-after-invariant': 'The {kind} under the invariant of `{name}` runs the invariant past its one paragraph, which is all the rules read as the invariant; say the rule in that paragraph and move the {kind} into the Example or Depth, or give it a label of its own',
      'unknown-label': '**{label}** in `{name}` reads as an extra part; if it is meant to be the **{suggestion}**, spell the label `**{suggestion}**`',
    },
    fixable: false,
    scope: 'document',
    docs: ruleDocs(id, 'Every capsule is told in three labelled parts, once each, in a fixed order.'),
  },
  check(context) {
    for (const capsule of context.document.model.capsules) {
      const name = capsule.name;
      const firstOfKind = new Map<PartKind, (typeof capsule.parts)[number]>();
      let furthest = -1;
      for (const part of capsule.parts) {
        const label = labels[part.kind];
        const first = firstOfKind.get(part.kind);
        if (first) {
          context.report({
            messageId: 'repeated-part',
            data: { name, part: label },
            place: part.labelPosition,
            cause: { file: context.document.path, place: first.labelPosition, reason: `The first **${label}** of \`${name}\`` },
          });
          continue;
        }
        firstOfKind.set(part.kind, part);
        const rank = order.indexOf(part.kind);
        if (rank < furthest) {
          // Parts out of order still read: worth a look, not a failure.
          context.report({ messageId: 'out-of-order', data: { name, part: label, after: labels[order[furthest]!] }, place: part.labelPosition, severityCap: 'warn' });
        }
        furthest = Math.max(furthest, rank);
        if (part.nodes.every(isCommentNode)) {
          context.report({ messageId: 'empty-part', data: { name, part: label }, place: part.labelPosition, ...capFor(part.kind) });
        }
      }
      // A stub in an agent file leaves its Example and Depth to the full capsule on purpose.
      const leftOutOnPurpose = isStub(capsule) && (isAgentFile(context.document.path) || opensSections(capsule, context.document.model.headings, context.document.text));
      // `**Example Dependency Chain**`, `**Examples**`: the Example under a longer label.
      const namedExample = capsule.extraParts.some((extra) => /^examples?\b/i.test(extra.label));
      order.forEach((kind, index) => {
        if (firstOfKind.has(kind) || (leftOutOnPurpose && kind !== 'invariant') || (kind === 'example' && namedExample)) return;
        const before = order.slice(0, index).filter((earlier) => firstOfKind.has(earlier));
        const after = before.length > 0 ? `**${labels[before.at(-1)!]}**` : 'the heading';
        context.report({ messageId: 'missing-part', data: { name, part: labels[kind], after }, place: capsule.headingPosition, ...capFor(kind) });
      });
      if (capsule.preamble && !onlyComments(context.document.text, capsule.preamble.position)) {
        // Content out of place is worth a look, not a failure: the capsule still reads.
        context.report({ messageId: 'stray-content', data: { name }, place: capsule.preamble.position, severityCap: 'warn' });
      }
      for (const stray of capsule.stray) {
        context.report({
          messageId: 'stray-after-invariant',
          data: { name, kind: describeBlock(stray.block) },
          place: stray.position,
          severityCap: 'warn',
        });
      }
      // An extra part is the format's own (`**Why**`, `**Notes**`); only a near miss of a part label is worth a look.
      for (const extra of capsule.extraParts) {
        const suggestion = suggestAmong(extra.label, Object.values(labels));
        if (suggestion === undefined || firstOfKind.has(order[Object.values(labels).indexOf(suggestion)]!)) continue;
        context.report({ messageId: 'unknown-label', data: { name, label: extra.label, suggestion }, place: extra.labelPosition, severityCap: 'warn' });
      }
    }
  },
};

/**
 * A capsule of its heading and invariant alone, followed straight away by headings of its own
 * level (`### Capsule: EnvoyOIDC`, its invariant, then `### OIDC Flow`, `### Example: ...`),
 * states the rule the sections after it explain: its Example and Depth are those sections.
 */
function opensSections(capsule: Capsule, headings: readonly DocumentHeading[], text: string): boolean {
  if (capsule.extraParts.length > 0 || capsule.stray.length > 0) return false;
  const end = capsule.position.end.offset;
  const next = headings.find((heading) => heading.position.start.offset >= end);
  if (!next || next.depth !== capsule.headingDepth || /^\s*capsule\s*:/i.test(next.text)) return false;
  // Only blank lines or a thematic break may stand between the capsule and that heading.
  return text
    .slice(end, next.position.start.offset)
    .split(/\r\n|\r|\n/)
    .every((line) => line.trim() === '' || /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line));
}

function describeBlock(type: string): string {
  const names: Record<string, string> = { code: 'code block', table: 'table', paragraph: 'paragraph', list: 'list', blockquote: 'block quote', heading: 'heading' };
  return names[type] ?? `${type} block`;
}

/** HTML comments (a disable directive, a note to editors) are not content. */
function onlyComments(text: string, span: { start: { offset: number }; end: { offset: number } }): boolean {
  return isOnlyComments(text.slice(span.start.offset, span.end.offset));
}

/**
 * A capsule without its invariant has no rule to state: that is malformed. One without an
 * Example or a Depth still states its rule, and public repositories write many such on
 * purpose, so the missing part is worth a look, not a failure.
 */
function capFor(kind: PartKind): { severityCap?: 'warn' } {
  return kind === 'invariant' ? {} : { severityCap: 'warn' };
}
