/**
 * invariant-timeless: an invariant stays true over time. Versions and dates date it;
 * quotes, parentheses and slashes are what the format keeps out of the one sentence, since
 * they carry asides, examples and alternatives (warnings even where the rule is an error).
 */
import type { Span } from 'remark-capsules';
import { proseOf, type Prose } from '../../support/prose.js';
import { isPlaceholder } from '../../support/text.js';
import type { ReportDescriptor, Rule } from '../../types.js';
import { ruleDocs } from '../../rule-docs.js';

const id = 'invariant-timeless';

interface Pattern {
  messageId: 'version' | 'date' | 'quote' | 'parenthesis' | 'slash';
  pattern: RegExp;
  /** Style problems are warnings even when the rule is an error. */
  style: boolean;
  /**
   * A pair of marks around an aside (quotes, parentheses): only the marks must be prose,
   * since what they hold may be code (`(in \`%%\` comments)` is still an aside).
   */
  enclosing?: boolean;
}

// Order matters: a full date is matched before the year inside it.
const patterns: Pattern[] = [
  { messageId: 'version', pattern: /\b(?:version|release|v)\s?\d+(?:\.\d+)*(?:\.x)?\b|\b\d+\.\d+\.(?:\d+|x)\b|\b\d+\.x\b/giu, style: false },
  { messageId: 'date', pattern: /\b\d{4}-\d{2}(?:-\d{2})?\b|\b[QH][1-4]\s?(?:\d{4}|'\d{2})\b|\b\d{4}\s?[QH][1-4]\b|\b(?:19|20)\d{2}s?\b/gu, style: false },
  { messageId: 'quote', pattern: /"[^"]*"?|“[^”]*”?|„[^“”]*[“”]?|«[^»]*»?|‘[^’]*’?|(?<![\p{L}\p{N}])'[^']*'(?![\p{L}\p{N}])/gu, style: true, enclosing: true },
  { messageId: 'parenthesis', pattern: /\([^()]*\)?|\)/gu, style: true, enclosing: true },
  { messageId: 'slash', pattern: /\//gu, style: true },
];

/** The marks that close an enclosing pattern's match. */
const closingMarks = /["”“»’')]/u;

/** Whether the marks of an enclosing match (the opening one, and the closing one if there is one) are not prose. */
function marksAreTechnical(prose: Prose, start: number, end: number): boolean {
  const closed = end - start > 1 && closingMarks.test(prose.text[end - 1]!);
  return prose.isTechnical(start, start + 1) || (closed && prose.isTechnical(end - 1, end));
}

/**
 * Terms spelled with a slash: one word each, not a choice between two, so "pick one word"
 * does not apply to them.
 */
const slashedTerms = new Set(['i/o', 'pub/sub', 'ci/cd', 'tcp/ip', 'a/b', 'n/a', 'ui/ux', 'yes/no', '24/7', 'r/w', 'read/write', 'on/off', 'true/false', 'client/server']);

/** Whether the slash at `index` of `text` is inside one of the `slashedTerms`. */
function isSlashedTerm(text: string, index: number): boolean {
  const before = /[\p{L}\p{N}]+$/u.exec(text.slice(0, index))?.[0] ?? '';
  const after = /^[\p{L}\p{N}]+/u.exec(text.slice(index + 1))?.[0] ?? '';
  return slashedTerms.has(`${before}/${after}`.toLowerCase());
}

export const invariantTimeless: Rule = {
  meta: {
    id,
    description: 'Invariants have no versions, dates, quotes, parentheses or slashes',
    defaultSeverity: 'warn',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      version: 'The invariant of `{name}` names a version, `{text}`; state what always holds and put release facts in Depth',
      date: 'The invariant of `{name}` names a date, `{text}`; state what always holds and put dated facts in Depth',
      quote: 'The invariant of `{name}` quotes {text}; say it in plain words, or move the quotation into the Example',
      parenthesis: 'The invariant of `{name}` has a parenthesis, `{text}`; move the aside into Depth',
      slash: 'The invariant of `{name}` has a slash; pick one word, or split the rule into two capsules',
    },
    fixable: false,
    scope: 'document',
    docs: ruleDocs(id, 'Invariants carry no versions or dates, and no quotes, parentheses or slashes (always warnings).'),
  },
  check(context) {
    for (const capsule of context.document.model.capsules) {
      const invariant = capsule.invariant;
      if (!invariant || isPlaceholder(invariant, context.document.text)) continue;
      // The invariant as Markdown: code spans, autolinks, URLs, IPs, ports and paths are
      // not sentences, so nothing in them is a version, a date or a slash.
      const prose = proseOf(invariant.nodes, context.document.text);
      const taken: [number, number][] = [];
      const findings: ReportDescriptor[] = [];
      for (const { messageId, pattern, style, enclosing } of patterns) {
        for (const match of prose.text.matchAll(pattern)) {
          const start = match.index;
          const end = start + match[0].length;
          if (enclosing ? marksAreTechnical(prose, start, end) : prose.isTechnical(start, end)) continue;
          if (messageId === 'slash' && isSlashedTerm(prose.text, start)) continue;
          if (taken.some(([from, to]) => start < to && end > from)) continue;
          taken.push([start, end]);
          const place = prose.placeOf(start, end);
          findings.push({
            messageId,
            data: { name: capsule.name, text: context.document.text.slice(place.start.offset, place.end.offset) || match[0] },
            place,
            ...(style ? { severityCap: 'warn' as const } : {}),
          });
          // Style problems are reported once per invariant: the first is enough to act on.
          if (style) break;
        }
      }
      findings.sort((a, b) => offsetOf(a) - offsetOf(b));
      for (const finding of findings) context.report(finding);
    }
  },
};

function offsetOf(finding: ReportDescriptor): number {
  return (finding.place as Span).start.offset;
}
