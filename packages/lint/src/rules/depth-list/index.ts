/**
 * depth-list: the Depth is a bullet list, one self-contained line each, keyed (`Trade-off:`)
 * or plain. A key spelled unlike its known form (`Trade‑off` with a non-breaking hyphen,
 * `Tradeoff`, `See also`) is fixed to the known spelling; unknown keys are allowed unless
 * `allowUnknownKeys` is false.
 */
import type { RootContent } from 'mdast';
import { normalizeKey, isCommentNode } from 'remark-capsules';
import { isLeadIn, sourceOf } from '../../support/lead-in.js';
import { spanOf } from '../../support/places.js';
import { suggestAmong } from '@capsule-docs/graph';
import type { Rule } from '../../types.js';
import { ruleDocs } from '../../rule-docs.js';

const id = 'depth-list';

export const knownDepthKeys = [
  'Distinction',
  'Trade-off',
  'NotThis',
  'SeeAlso',
  'Critical',
  'Questions',
  'Techniques',
  'Checkpoints',
  'Focus',
  'Goal',
  'Timing',
  'Staging advantage',
  'Staging-first',
];

export const depthList: Rule = {
  meta: {
    id,
    description: 'Depth is a bullet list of keyed or plain items',
    defaultSeverity: 'warn',
    optionsSchema: {
      type: 'object',
      properties: {
        knownKeys: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Keys written the way the corpus spells them.',
        },
        allowUnknownKeys: { type: 'boolean', description: 'Accept keys not in `knownKeys`.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { knownKeys: knownDepthKeys, allowUnknownKeys: true },
    messages: {
      'not-a-list': 'The Depth of `{name}` holds {kind}; write Depth as a bullet list, one point per item',
      'key-spelling': 'Depth key `{key}` is a variant spelling of `{expected}`; write `{expected}`',
      'unknown-key': 'Depth key `{key}` is not one of the known keys ({known}); use one of them, or write the point as a plain bullet',
      'unknown-key-suggest': 'Depth key `{key}` is not one of the known keys; did you mean `{suggestion}`?',
    },
    fixable: true,
    scope: 'document',
    docs: ruleDocs(id, 'Depth is a bullet list; odd spellings of known keys are fixed, unknown keys optionally reported.'),
  },
  check(context) {
    const knownKeys = context.options['knownKeys'] as string[];
    const allowUnknownKeys = context.options['allowUnknownKeys'] as boolean;
    const byNormal = context.memo(`depth-keys:${knownKeys.join('\u0000')}`, () => new Map(knownKeys.map((key) => [normalizeKey(key), key])));
    const { text } = context.document;
    for (const capsule of context.document.model.capsules) {
      const depth = capsule.depth;
      if (!depth) continue;
      // A bold sub-label over a list (`**Trade-offs**`) groups the items; it is Depth's own.
      const subLabels = new Set(depth.subLabels.map((sub) => sub.position.start.offset));
      const stray = depth.nodes.find(
        (node, index) =>
          node.type !== 'list' &&
          !isCommentNode(node) &&
          !subLabels.has(node.position?.start.offset ?? -1) &&
          !isLeadIn(node, depth.nodes[index + 1], text) &&
          !isIllustration(node, depth.nodes[index - 1], text),
      );
      if (stray) {
        const start = stray.position?.start.offset;
        const end = stray.position?.end.offset;
        context.report({
          messageId: 'not-a-list',
          data: { name: capsule.name, kind: describeNode(stray) },
          place: start !== undefined && end !== undefined ? spanOf(text, start, end) : (depth.contentPosition ?? depth.labelPosition),
        });
      }
      for (const item of capsule.depthItems) {
        if (item.key === undefined || item.normalizedKey === undefined || !item.keyPosition) continue;
        const known = byNormal.get(item.normalizedKey);
        if (known === item.key) continue;
        if (known !== undefined) {
          const { start, end } = item.keyPosition;
          // Only offer the fix where the key stands in the source exactly as read.
          const fixable = text.slice(start.offset, end.offset) === item.key;
          context.report({
            messageId: 'key-spelling',
            data: { key: item.key, expected: known },
            place: item.keyPosition,
            actual: item.key,
            expected: [known],
            ...(fixable ? { fix: { start: start.offset, end: end.offset, text: known } } : {}),
          });
          continue;
        }
        if (allowUnknownKeys) continue;
        const suggestion = suggestAmong(item.key, knownKeys);
        context.report(
          suggestion
            ? { messageId: 'unknown-key-suggest', data: { key: item.key, suggestion }, place: item.keyPosition, expected: [suggestion] }
            : {
                messageId: 'unknown-key',
                data: { key: item.key, known: knownKeys.map((key) => `\`${key}\``).join(', ') },
                place: item.keyPosition,
                expected: knownKeys,
              },
        );
      }
    }
  },
};

/**
 * A code block or table that a lead-in introduces (that one-line paragraph, or a list whose
 * last item ends in a colon, `- EARS patterns for testable statements:`) is a sample or
 * reference data under that point, not prose in place of the list; bullets would lose its shape.
 */
function isIllustration(node: RootContent, previous: RootContent | undefined, text: string): boolean {
  if ((node.type !== 'code' && node.type !== 'table') || !previous) return false;
  if (previous.type === 'paragraph') return isLeadIn(previous, node, text);
  if (previous.type !== 'list') return false;
  const lastItem = previous.children.at(-1);
  return lastItem !== undefined && (sourceOf(lastItem, text)?.endsWith(':') ?? false);
}

function describeNode(node: RootContent): string {
  switch (node.type) {
    case 'paragraph':
      return 'a paragraph';
    case 'code':
      return 'a code block';
    case 'table':
      return 'a table';
    case 'blockquote':
      return 'a block quote';
    default:
      return `a ${node.type} node`;
  }
}
