/**
 * example-length: an Example reads in about five lines. Lines are non-blank source lines
 * of the Example's content; the boundary line and HTML comments are not counted, nor is a
 * one-line lead-in ending in a colon that introduces a list, code block or table (`Before
 * changing a shared component:`): it frames the example rather than extending it. Nor are
 * sub-label lines (`**Good**`, `**Bad**` over the cases) counted: they label, like the
 * lead-in. The Example ends at the next label or at the end of the capsule, which a
 * thematic break marks, so document prose after a `---` is never counted. Comment lines in
 * code label the case and are not counted, nor is a table's delimiter row; in a configuration code block (YAML, JSON, TOML...)
 * neither are the lines that only give its shape, nor a manifest's `apiVersion`/`kind`. Lines
 * of data (configuration, a directory tree, a diagram, a Markdown sample) are scanned rather
 * than read, so they have a limit of their own, `maxData`.
 */
import type { RootContent } from 'mdast';
import { plainText, isCommentNode } from 'remark-capsules';
import { isLeadIn } from '../../support/lead-in.js';
import { partContent } from '../../support/text.js';
import type { Rule } from '../../types.js';
import { ruleDocs } from '../../rule-docs.js';

const id = 'example-length';
const boundaryLine = /^\s*\/\/\s*BOUNDARY\s*:/i;

export const exampleLength: Rule = {
  meta: {
    id,
    description: 'Examples read in about five lines',
    defaultSeverity: 'warn',
    optionsSchema: {
      type: 'object',
      properties: {
        max: { type: 'integer', minimum: 1, description: 'The most lines of prose (or steps, or code) an Example may have.' },
        maxData: { type: 'integer', minimum: 1, description: 'The most lines of data (configuration, a directory tree, a diagram, a Markdown sample) an Example may have.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { max: 5, maxData: 12 },
    messages: {
      'too-long': 'The Example of `{name}` has {lines} lines, over the limit of {max}; show one case, or split the idea into two capsules',
      'too-long-data':
        'The Example of `{name}` has {data} lines of {kind}{andProse}, over the limit of {maxData} lines of data{proseLimit}; show one case, or split the idea into two capsules',
    },
    fixable: false,
    scope: 'document',
    docs: ruleDocs(id, 'An Example has at most five non-blank lines, not counting its boundary line or a lead-in.'),
  },
  check(context) {
    const max = context.options['max'] as number;
    const maxData = context.options['maxData'] as number;
    const { text } = context.document;
    for (const capsule of context.document.model.capsules) {
      const example = capsule.example;
      if (!example || !example.contentPosition) continue;
      const subLabels = new Set(example.subLabels.map((sub) => sub.position.start.offset));
      const nodes = example.nodes.filter((node) => !isCommentNode(node) && !subLabels.has(node.position?.start.offset ?? -1));
      let prose = 0;
      let data = 0;
      const kinds = new Set<string>();
      nodes.forEach((node, index) => {
        const next = nodes[index + 1];
        if (index === 0 && isLeadIn(node, next, text)) return;
        const counted = countedLines(node, text);
        if (counted.kind === undefined) prose += counted.lines;
        else {
          data += counted.lines;
          kinds.add(counted.kind);
        }
      });
      // A line of data reads at the pace of max/maxData lines of prose.
      if (prose + (data * max) / maxData <= max) continue;
      const place = partContent(example, context.document.text).place ?? example.contentPosition;
      if (data === 0) {
        context.report({ messageId: 'too-long', data: { name: capsule.name, lines: prose, max }, place, actual: String(prose), expected: [`at most ${max} lines`] });
        continue;
      }
      context.report({
        messageId: 'too-long-data',
        data: {
          name: capsule.name,
          data,
          kind: [...kinds].join(' and '),
          andProse: prose === 0 ? '' : ` and ${prose} of prose`,
          maxData,
          // Where prose joins the data, each prose line takes maxData/max lines of the budget.
          proseLimit: prose === 0 ? '' : ` (a line of prose counts as ${Number((maxData / max).toFixed(1))})`,
        },
        place,
        actual: `${prose} lines of prose, ${data} of data`,
        expected: [`at most ${max} lines of prose or ${maxData} of data`],
      });
    }
  },
};

interface CountedLines {
  /** The lines that count. */
  lines: number;
  /** What a data block holds (`configuration`, `directory tree`...); undefined for prose and steps. */
  kind: string | undefined;
}

/** The non-blank lines a node shows that count, from the source when it has a place there. */
function countedLines(node: RootContent, text: string): CountedLines {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  let source: string;
  if (node.type === 'code') source = node.value;
  else if (start !== undefined && end !== undefined && end > start) source = text.slice(start, end);
  else source = plainText(node);
  const lines = source.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '' && !boundaryLine.test(line));
  // A table's delimiter row (`|---|:--:|`) shows as no line of its own.
  if (node.type === 'table') return { lines: lines.length - 1, kind: undefined };
  if (node.type !== 'code') return { lines: lines.length, kind: undefined };
  // Comment lines in code label the case (`# Before a release`), as a sub-label does.
  const shown = lines.filter((line) => !isCommentLine(line, node.lang));
  const kind = dataKind(node.lang, shown);
  const counted = kind === 'configuration' ? shown.filter((line) => !isStructureLine(line) && !isManifestHeader(line)) : shown;
  return { lines: counted.length, kind };
}

/**
 * What kind of data a code block holds, if its lines are data to scan rather than steps to
 * read: configuration, a directory tree, a diagram, or a sample of a Markdown document.
 */
function dataKind(lang: string | null | undefined, lines: string[]): string | undefined {
  const language = lang?.toLowerCase();
  if (language !== undefined && configurationLanguages.has(language)) return 'configuration';
  if (language !== undefined && diagramLanguages.has(language)) return 'diagram';
  if (language === 'markdown' || language === 'md') return 'Markdown sample';
  const treeLines = lines.filter((line) => /[├└│]|^\s*[|`+]--/.test(line)).length;
  if (lines.length > 0 && treeLines * 2 >= lines.length) return 'directory tree';
  // An unlabelled block that opens with a heading and has Markdown's marks below it (a bold
  // label, a table row, a list item) is a sample document; a `# comment` over commands is not.
  const unlabelled = language === undefined || language === 'text' || language === 'txt';
  if (unlabelled && /^#{1,6}\s/.test(lines[0] ?? '') && lines.slice(1).some((line) => /^\s*(?:\*\*[^*]+\*\*|\||[-*+]\s|\d+[.)]\s)/.test(line))) {
    return 'Markdown sample';
  }
  return undefined;
}

/** Languages drawn rather than run: each line is a node or an edge of the picture. */
const diagramLanguages = new Set(['mermaid', 'dot', 'graphviz', 'plantuml', 'puml', 'd2']);

/** Line-comment starts by language family; a block without a language has none. */
function isCommentLine(line: string, lang: string | null | undefined): boolean {
  const trimmed = line.trim();
  const language = lang?.toLowerCase() ?? '';
  if (['yaml', 'yml', 'toml', 'sh', 'bash', 'shell', 'zsh', 'console', 'python', 'py', 'conf', 'properties', 'hcl', 'terraform', 'tf', 'ini', 'dockerfile', 'make', 'makefile', 'ruby', 'rb', 'powershell', 'ps1'].includes(language)) {
    return trimmed.startsWith('#') && !trimmed.startsWith('#!');
  }
  if (['json5', 'jsonc', 'javascript', 'js', 'typescript', 'ts', 'go', 'rust', 'rs', 'java', 'c', 'cpp', 'csharp', 'cs', 'kotlin', 'swift'].includes(language)) return trimmed.startsWith('//');
  if (['sql', 'lua', 'haskell'].includes(language)) return trimmed.startsWith('--');
  if (language === 'mermaid') return trimmed.startsWith('%%');
  return false;
}

/**
 * The two lines that open a Kubernetes-style manifest, `apiVersion:` and `kind:` at the top
 * level: they name the object's type, as the fence's language names the block's, and every
 * manifest repeats them, so they show nothing of the case.
 */
function isManifestHeader(line: string): boolean {
  return /^(?:apiVersion|kind):\s*\S/.test(line);
}

/** Languages whose examples are configuration: nested keys and brackets give them their shape. */
const configurationLanguages = new Set(['yaml', 'yml', 'json', 'jsonc', 'json5', 'toml', 'ini', 'hcl', 'terraform', 'tf', 'properties', 'conf']);

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
