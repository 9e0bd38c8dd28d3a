/**
 * The Markdown source behind the model: a part's text as its author wrote it (code fences,
 * emphasis and lists intact), sliced from the document text with the offsets the parser kept.
 */
import type { CorpusDocument } from '@capsule-docs/graph';
import { closesFence, fenceOpenedBy, type Capsule, type CapsulePart, type ChecklistItem, type ExtraPart, type LabelledContent, type Nodes, type RootContent, type Span } from 'remark-capsules';

export interface PartSource {
  kind: CapsulePart['kind'];
  /** The part's Markdown, line endings as `\n`; a first line's indentation is kept, as it may make it code. */
  markdown: string;
  /**
   * True when the content shares its first line with the label (`**Invariant**: text`):
   * moved to a line of its own, that first line could read as different Markdown.
   */
  startsInline: boolean;
  /**
   * True when the Markdown can sit inside another document without changing its structure:
   * no heading, no HTML block and no unclosed code fence.
   */
  selfContained: boolean;
}

/** An extra part's source (`**Why**`, `**Notes**`), with its label as written. */
export interface ExtraPartSource extends Omit<PartSource, 'kind'> {
  label: string;
}

/**
 * The document's text between two offsets, as an export quotes it: as written by default, or
 * with its links pointed from where the export is read (`rebase.ts`).
 */
export type SourceText = (start: number, end: number) => string;

/** The source of a part, or `undefined` when the part has no content. */
export function partSource(document: CorpusDocument, part: CapsulePart | undefined, read?: SourceText): PartSource | undefined {
  const source = part && contentSource(document, part, read);
  return source && { kind: part.kind, ...source };
}

/**
 * The source of a capsule's invariant together with the blocks that follow it unlabelled
 * (the capsule's `stray` content, a list under a lead-in ending in a colon, say): the rules
 * read the one paragraph, a reader of the capsule gets everything its author wrote there.
 */
export function invariantSource(document: CorpusDocument, capsule: Capsule, read?: SourceText): PartSource | undefined {
  const { invariant } = capsule;
  const following = capsule.stray.filter((block) => block.after === 'invariant');
  const last = following.at(-1);
  if (!invariant || !last) return partSource(document, invariant, read);
  const widened: CapsulePart = {
    ...invariant,
    nodes: [...invariant.nodes, ...following.flatMap((block) => block.nodes)],
    contentPosition: { start: invariant.contentPosition?.start ?? following[0]!.position.start, end: last.position.end },
  };
  return partSource(document, widened, read);
}

/** The source of an extra part, or `undefined` when it has no content. */
export function extraPartSource(document: CorpusDocument, part: ExtraPart, read?: SourceText): ExtraPartSource | undefined {
  const source = contentSource(document, part, read);
  return source && { label: part.label, ...source };
}

function contentSource(document: CorpusDocument, part: LabelledContent, read: SourceText = (start, end) => document.text.slice(start, end)): Omit<PartSource, 'kind'> | undefined {
  if (!part.contentPosition) return undefined;
  const { text } = document;
  const start = part.contentPosition.start.offset;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  const startsInline = before.trim() !== '';
  const from = startsInline ? start : lineStart;
  const markdown = normalizeNewlines(read(from, part.contentPosition.end.offset)).trimEnd();
  if (markdown.trim() === '') return undefined;
  return { markdown, startsInline, selfContained: isSelfContained(part.nodes, text) };
}

/**
 * A checklist item as its author wrote it, on one line: its code spans, links and emphasis
 * kept (its plain text would lose them, and `<b>` or `*` written in a code span would then
 * read as Markdown), read through `read` so that its links can be rebased.
 */
export function checklistItemMarkdown(item: ChecklistItem, read: SourceText): string {
  const { start, end } = item.textPosition;
  const written = normalizeNewlines(read(start.offset, end.offset));
  return oneLine(written.replace(/^\s*\[[ xX]\][ \t]*/, ''));
}

/** The document's text after its frontmatter, line endings as `\n`. */
export function documentBody(document: CorpusDocument, text = document.text): string {
  const frontmatter = document.model.frontmatter;
  const body = frontmatter ? text.slice(frontmatter.position.end.offset) : text;
  return normalizeNewlines(body).replace(/^\s*\n/, '').trimEnd();
}

/** The source text of a span, line endings as `\n`. */
export function sliceSpan(document: CorpusDocument, span: Span): string {
  return normalizeNewlines(document.text.slice(span.start.offset, span.end.offset));
}

/** Text folded onto one line: runs of whitespace become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Node types whose children are block content; anything else holds inline content only. */
const flowContainers = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition']);

function isSelfContained(nodes: readonly RootContent[], text: string): boolean {
  const pending: Nodes[] = [...nodes];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'heading' || node.type === 'html') return false;
    if (node.type === 'code' && !isClosedFence(node, text)) return false;
    // One by one: a spread call fails on a list of about 100,000 items.
    if (flowContainers.has(node.type) && 'children' in node) for (const child of node.children as Nodes[]) pending.push(child);
  }
  return true;
}

/** An indented code block, or a fenced one whose closing fence is in the source. */
function isClosedFence(node: Nodes, text: string): boolean {
  if (!node.position || node.position.start.offset === undefined || node.position.end.offset === undefined) return false;
  const lines = normalizeNewlines(text.slice(node.position.start.offset, node.position.end.offset)).split('\n');
  // The node starts at its fence; a container's prefix may stand before the closing one.
  const fence = fenceOpenedBy(lines[0] ?? '');
  if (fence === undefined) return true;
  if (lines.length < 2) return false;
  return closesFence((lines.at(-1) ?? '').replace(/^[ \t>]*/, ''), fence);
}
