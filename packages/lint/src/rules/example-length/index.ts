/**
 * example-length: an Example reads in about five lines. Lines are non-blank source lines
 * of the Example's content; the boundary line and HTML comments are not counted, nor is a
 * one-line lead-in ending in a colon that introduces a list or code block (`Before
 * changing a shared component:`): it frames the example rather than extending it. Nor are
 * sub-label lines (`**Good**`, `**Bad**` over the cases) counted: they label, like the
 * lead-in. The Example ends at the next label or at the end of the capsule, which a
 * thematic break marks, so document prose after a `---` is never counted. In a configuration
 * code block (YAML, JSON, TOML...) the lines that only give its shape are not counted either.
 */
import type { RootContent } from 'mdast';
import { plainText, isCommentNode } from 'remark-capsules';
import { partContent } from '../../support/text.js';
import type { Rule } from '../../types.js';

const id = 'example-length';
const boundaryLine = /^\s*\/\/\s*BOUNDARY\s*:/i;

export const exampleLength: Rule = {
  meta: {
    id,
    description: 'Examples read in about five lines',
    defaultSeverity: 'warn',
    optionsSchema: {
      type: 'object',
      properties: { max: { type: 'integer', minimum: 1, description: 'The most lines an Example may have.' } },
      additionalProperties: false,
    },
    defaultOptions: { max: 5 },
    messages: {
      'too-long': 'The Example of `{name}` has {lines} lines, over the limit of {max}; show one case, or split the idea into two capsules',
    },
    fixable: false,
    scope: 'document',
    docs: {
      url: `packages/lint/src/rules/${id}/README.md`,
      summary: 'An Example has at most five non-blank lines, not counting its boundary line or a lead-in.',
    },
  },
  check(context) {
    const max = context.options['max'] as number;
    const { text } = context.document;
    for (const capsule of context.document.model.capsules) {
      const example = capsule.example;
      if (!example || !example.contentPosition) continue;
      const subLabels = new Set(example.subLabels.map((sub) => sub.position.start.offset));
      const nodes = example.nodes.filter((node) => !isCommentNode(node) && !subLabels.has(node.position?.start.offset ?? -1));
      let lines = 0;
      nodes.forEach((node, index) => {
        const nodeLines = linesOf(node, text);
        const next = nodes[index + 1];
        const isLeadIn =
          index === 0 && node.type === 'paragraph' && nodeLines.length === 1 && /:\s*$/.test(nodeLines[0]!) && (next?.type === 'list' || next?.type === 'code');
        if (!isLeadIn) lines += nodeLines.length;
      });
      if (lines <= max) continue;
      context.report({
        messageId: 'too-long',
        data: { name: capsule.name, lines, max },
        place: partContent(example, context.document.text).place ?? example.contentPosition,
        actual: String(lines),
        expected: [`at most ${max} lines`],
      });
    }
  },
};

/** The non-blank lines a node shows, from the source when it has a place there. */
function linesOf(node: RootContent, text: string): string[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  let source: string;
  if (node.type === 'code') source = node.value;
  else if (start !== undefined && end !== undefined && end > start) source = text.slice(start, end);
  else source = plainText(node);
  const lines = source.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '' && !boundaryLine.test(line));
  return node.type === 'code' && isConfiguration(node.lang) ? lines.filter((line) => !isStructureLine(line)) : lines;
}

/** Languages whose examples are configuration: nested keys and brackets give them their shape. */
const configurationLanguages = new Set(['yaml', 'yml', 'json', 'jsonc', 'json5', 'toml', 'ini', 'hcl', 'terraform', 'tf', 'properties', 'conf']);

function isConfiguration(lang: string | null | undefined): boolean {
  return lang !== undefined && lang !== null && configurationLanguages.has(lang.toLowerCase());
}

/**
 * A line of a configuration example that only gives the shape the values sit in: a key that
 * opens a nested block (`spec:`, `"ports": [`), a bracket or brace of its own (`},`), a
 * section header (`[server]`) or a YAML document marker (`---`).
 */
function isStructureLine(line: string): boolean {
  const trimmed = line.trim();
  return (
    /^(?:-\s+)?[^\s#:'"][^#:]*:$/.test(trimmed) ||
    /^(?:-\s+)?["'][^"']+["']\s*:$/.test(trimmed) ||
    /^["']?[\w.$@-]+["']?\s*[:=]\s*[[{(]$/.test(trimmed) ||
    /^[[\]{}(),]+$/.test(trimmed) ||
    /^\[[^\]]+\]$/.test(trimmed) ||
    trimmed === '---'
  );
}
