/**
 * Capsules: a `Capsule: Name` heading and the section under it, split into its labelled
 * parts. Irregular shapes (missing, repeated, out-of-order or unknown parts, stray content,
 * boundaries in the wrong place) are recorded as facts for the rules, never rejected here.
 */
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Strong } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Boundary, Capsule, CapsulePart, DepthItem, ExtraPart, LabelledContent, PartKind, Reference, Span, StrayContent, SubLabel } from './model.js';
import { normalizeKey } from './names.js';
import { readReferences } from './references.js';
import type { Report } from './report.js';
import { collapseWhitespace, inlineText, lineText, type SourceText } from './source-text.js';
import { isCommentNode } from './html-comments.js';

const capsuleHeading = /^\s*capsule\s*:\s*/i;
const partLabels = new Map<string, PartKind>([
  ['invariant', 'invariant'],
  ['example', 'example'],
  ['depth', 'depth'],
]);
const boundaryStart = /^[ \t]*\/\/[ \t]*BOUNDARY[ \t]*:/i;
// Lines end at CR or LF only: in multiline mode `^` would also start one after U+2028, which
// Markdown does not.
const boundaryLine = /(?<=^|[\r\n])[ \t]*\/\/[ \t]*BOUNDARY[ \t]*:[ \t]*([^\r\n]*?)[ \t]*(?=[\r\n]|$)/gi;
const labelSeparator = /^[ \t]*:?[ \t]*(\r?\n|\r)?[ \t]*/;
// A colon that opens `//` ends a URL scheme, not a key: `- https://…` is a plain bullet.
const depthKey = /^([A-Za-z][\w\u2010-\u2015\u2212-]*(?:[ \t][\w\u2010-\u2015\u2212-]+)?)[ \t]*:(?!\/\/)[ \t]*/;

/** True when a heading introduces a capsule. */
export function isCapsuleHeading(node: RootContent): node is Heading {
  return node.type === 'heading' && capsuleHeading.test(toString(node));
}

/** Find every capsule among the top-level nodes of `tree`. */
export function readCapsules(tree: Root, source: SourceText, report: Report): Capsule[] {
  const capsules: Capsule[] = [];
  const children = tree.children;
  // Each `Capsule:` heading's section, read up to the next such heading, tells whether it opens a capsule.
  const opening = new Map<RootContent, ReadSection>();
  for (let index = 0; index < children.length; index++) {
    const heading = children[index]!;
    if (!isCapsuleHeading(heading)) continue;
    const end = sectionEnd(children, index, isCapsuleHeading);
    const reader = new PartReader(source);
    const body = reader.read(children.slice(index + 1, end));
    if (opensCapsule(heading, reader)) opening.set(heading, { end, reader, body });
  }
  const opens = (node: RootContent) => opening.has(node);
  // The latest heading of each depth that is not a capsule's: the sections a capsule sits in.
  const sections: (string | undefined)[] = [];
  for (let index = 0; index < children.length; index++) {
    const heading = children[index];
    if (heading?.type === 'heading') {
      sections.length = heading.depth - 1;
      sections[heading.depth - 1] = opening.has(heading) ? undefined : toString(heading);
    }
    if (heading?.type !== 'heading' || !opening.has(heading)) continue;
    // A heading that opens no capsule ends none: the section may run past it, and is read again then.
    const end = sectionEnd(children, index, opens);
    const read = opening.get(heading)!;
    const capsule = readCapsule(heading, children.slice(index + 1, end), source, report, read.end === end ? read : undefined);
    if (sections.slice(0, heading.depth - 1).some((section) => section !== undefined && isSampleSection(section))) capsule.sample = true;
    capsules.push(capsule);
  }
  return capsules;
}

/** A capsule heading's section as read: where it ends, its parts, and the blocks that belong to it. */
interface ReadSection {
  end: number;
  reader: PartReader;
  body: RootContent[];
}

/** Where the section under the heading at `index` ends: at a heading of its depth or higher, or at the next capsule heading. */
function sectionEnd(children: readonly RootContent[], index: number, isCapsule: (node: RootContent) => boolean): number {
  const depth = (children[index] as Heading).depth;
  let end = index + 1;
  while (end < children.length) {
    const next = children[end]!;
    if (next.type === 'heading' && (next.depth <= depth || isCapsule(next))) break;
    end++;
  }
  return end;
}

/**
 * Whether a `Capsule:` heading opens a capsule, given its section as read. Any heading over
 * an Invariant, Example, Depth or See Also label does. One over labels of another vocabulary only
 * (`**Purpose:**` in a repository whose own "capsules" are something else) does not, and
 * neither does one of several words over no label (`### Capsule: The Audit Protocol` in a
 * README about a product of that name): each would be a capsule with every part missing and
 * a name to rewrite, all false findings. A one-word name over no label is a capsule still
 * being written, and keeps its findings.
 */
function opensCapsule(heading: Heading, reader: PartReader): boolean {
  if (reader.parts.length > 0 || reader.extraParts.some(isSeeAlsoPart)) return true;
  if (reader.extraParts.length > 0 || reader.preamble.some(opensWithInlineLabel)) return false;
  return !/\s/.test(toString(heading).replace(capsuleHeading, '').trim());
}

/** A paragraph that opens with a bold label and its text on the same line: `**Purpose:** text`, `**Purpose**: text`. */
function opensWithInlineLabel(node: RootContent): boolean {
  if (node.type !== 'paragraph') return false;
  const [first, second] = node.children;
  if (first?.type !== 'strong') return false;
  return toString(first).trimEnd().endsWith(':') || (second?.type === 'text' && second.value.startsWith(':'));
}

/**
 * A section that shows capsules as models of the format (`## Example Capsules`, `## Sample
 * capsules`, `## Capsule examples`): a guide on writing capsules keeps such samples, which
 * repeat real names and cite capsules that exist only in the reader's own corpus.
 */
function isSampleSection(heading: string): boolean {
  return /\b(?:examples?|samples?)\s+capsules?\b|\bcapsules?\s+(?:examples?|samples?)\b/i.test(heading);
}

/** What content after a label goes to: one of the three parts, or an extra part. */
interface OpenPart {
  kind: PartKind | 'extra';
  part: LabelledContent;
  content: RootContent[];
  subLabels: SubLabel[];
  /** For the Invariant: whether its one block has been read, so what follows is stray. */
  filled: boolean;
  /** For the Invariant: whether a stray block has followed it, so later comments are not its own. */
  strayed: boolean;
}

/**
 * Bold labels that group an Example's own content (`**Good**` over one code block, `**Bad**`
 * over another) rather than start an extra part.
 */
const exampleSubLabels = new Set(['good', 'bad', 'before', 'after', 'do', "don't", 'dont', 'correct', 'incorrect', 'right', 'wrong', 'yes', 'no']);

function readCapsule(heading: Heading, section: RootContent[], source: SourceText, report: Report, read?: ReadSection): Capsule {
  const headingText = toString(heading);
  const rawName = headingText.replace(capsuleHeading, '');
  const name = rawName.trim();
  const namePosition = namePositionOf(heading, name, source);
  if (name === '') report('Capsule heading has no name', source.spanOf(heading), 'capsule-name-missing');

  const reader = read?.reader ?? new PartReader(source);
  const body = read?.body ?? reader.read(section);
  const { parts, extraParts } = reader;
  const lastNode = body.at(-1);
  const position = source.span(source.startOf(heading), lastNode ? source.endOf(lastNode) : source.endOf(heading));
  return {
    name,
    rawName,
    headingDepth: heading.depth,
    headingPosition: source.spanOf(heading),
    namePosition,
    position,
    parts,
    invariant: parts.find((part) => part.kind === 'invariant'),
    example: parts.find((part) => part.kind === 'example'),
    depth: parts.find((part) => part.kind === 'depth'),
    preamble: preambleOf(reader.preamble, source),
    extraParts,
    stray: reader.stray,
    boundaries: readBoundaries(position, parts, extraParts, body, source),
    ...capsuleReferences(parts, extraParts, source),
  };
}

/**
 * Reads a capsule's blocks into its labelled parts: which part is open, where a label goes
 * (one of the three parts, an extra part, or a sub-label of what is open), and what strays
 * past the Invariant's paragraph.
 */
class PartReader {
  readonly parts: CapsulePart[] = [];
  readonly extraParts: ExtraPart[] = [];
  readonly stray: StrayContent[] = [];
  /** Blocks before the first label. */
  readonly preamble: RootContent[] = [];
  private open: OpenPart | undefined;

  constructor(private readonly source: SourceText) {}

  /** Read the section up to where the capsule ends; the blocks that belong to it. */
  read(section: RootContent[]): RootContent[] {
    // A thematic break after the first label ends the capsule: what follows it is document prose.
    // Before any label a break is decoration between the heading and the parts.
    let length = 0;
    for (; length < section.length; length++) {
      const node = section[length]!;
      if (node.type === 'thematicBreak' && this.parts.length + this.extraParts.length > 0) break;
      const pieces = node.type === 'paragraph' ? splitAtLabels(node, this.source, false) : [node];
      pieces.forEach((piece, at) => this.take(piece, pieces[at + 1] ?? section[length + 1]));
    }
    this.close();
    return section.slice(0, length);
  }

  private close(): void {
    if (this.open) finishPart(this.open, this.source);
    this.open = undefined;
  }

  private openPart(label: Label, kind: PartKind | 'extra'): void {
    this.close();
    const base: LabelledContent = {
      form: label.form,
      labelPosition: label.labelPosition,
      text: '',
      nodes: [],
      position: label.labelPosition,
      contentPosition: undefined,
    };
    if (kind === 'extra') {
      const part: ExtraPart = { label: label.text, ...base };
      this.extraParts.push(part);
      this.open = { kind, part, content: [], subLabels: [], filled: false, strayed: false };
    } else {
      const part: CapsulePart = { kind, ...base, subLabels: [] };
      this.parts.push(part);
      this.open = { kind, part, content: [], subLabels: part.subLabels, filled: false, strayed: false };
    }
    if (label.rest) this.take(label.rest, undefined);
  }

  /** Read one block, `next` being the block after it (for a label over a list). */
  private take(node: RootContent, next: RootContent | undefined): void {
    if (node.type === 'thematicBreak') return;
    const source = this.source;
    // Nothing labelled is ever merged into the Invariant: its paragraph ends at a label line.
    const label = node.type === 'paragraph' ? readLabel(node, source) : undefined;
    if (this.open?.kind === 'invariant' && node.type === 'paragraph' && !label?.kind) {
      const segments = splitAtLabels(node, source, true);
      if (segments.length > 1) {
        segments.forEach((segment, index) => this.take(segment, segments[index + 1] ?? next));
        return;
      }
    }
    if (label?.kind) return this.openPart(label, label.kind);
    if (label && this.placeUnknownLabel(label, node, next) === 'extra') return this.openPart(label, 'extra');
    const open = this.open;
    if (!open) {
      // A boundary line up here is already a fact (`part: 'none'`); as preamble it would be empty text.
      if (!isBoundaryOnly(node, source)) this.preamble.push(node);
      return;
    }
    if (open.kind === 'invariant' && !isCommentNode(node) && !isBoundaryOnly(node, source)) {
      if (open.filled) {
        open.strayed = true;
        this.stray.push({ after: 'invariant', block: node.type, text: plainText(node), nodes: [node], position: source.spanOf(node) });
        return;
      }
      open.filled = true;
    } else if (open.kind === 'invariant' && open.strayed) {
      // A comment or boundary line past a stray block is not the invariant's.
      return;
    }
    open.content.push(node);
  }

  /**
   * Where a paragraph that opens with a label other than the three goes: an extra part, or
   * the content of what is open (with the label recorded as a sub-label where it groups it).
   */
  private placeUnknownLabel(label: Label, node: RootContent, next: RootContent | undefined): 'extra' | 'content' {
    const current = this.open;
    // A label on a line of its own (`**Why**`, content below) is a block label.
    const block = label.form === 'block';
    const grouping = { label: label.text, position: this.source.spanOf(node) };
    if (current?.kind === 'example' && block) {
      const empty = current.content.every((content) => isCommentNode(content) || isBoundaryOnly(content, this.source));
      if (!empty && !exampleSubLabels.has(label.text.toLowerCase())) return 'extra';
      current.subLabels.push(grouping);
      return 'content';
    }
    if (current?.kind === 'depth' && (block || label.colon)) {
      const empty = current.content.every(isCommentNode);
      if (next?.type === 'list' || (empty && block)) {
        current.subLabels.push(grouping);
        return 'content';
      }
      // `**Why**: text` after the Depth's items is a part of its own; as the Depth's first
      // content it is the Depth, written as a paragraph.
      return empty ? 'content' : 'extra';
    }
    if (block) return 'extra';
    // `**Why**: text` after the Invariant's sentence is a part of its own; elsewhere an inline
    // label (`**Good**: ...`) is content of what is open.
    return current?.kind === 'invariant' && current.filled && label.colon ? 'extra' : 'content';
  }
}

/** The Depth's items, and every reference the capsule lists: SeeAlso items and See Also parts. */
function capsuleReferences(parts: readonly CapsulePart[], extraParts: readonly ExtraPart[], source: SourceText): Pick<Capsule, 'depthItems' | 'seeAlso'> {
  // A repeated Depth is a finding for the rules; its items and references are still facts.
  const read = parts.filter((part) => part.kind === 'depth').flatMap((part) => readDepthItems(part, source));
  const seeAlso = [
    ...read.flatMap(({ item, value }) =>
      isSeeAlsoItem(item) && value ? readReferences(source.slice(value[0], value[1]), value[0], source) : [],
    ),
    ...extraParts.filter(isSeeAlsoPart).flatMap((part) => seeAlsoPartReferences(part, source)),
  ];
  return { depthItems: read.map(({ item }) => item), seeAlso };
}

function preambleOf(preamble: readonly RootContent[], source: SourceText): Capsule['preamble'] {
  if (preamble.length === 0) return undefined;
  return {
    text: preamble.map((node) => plainText(node)).join('\n\n'),
    position: source.span(source.startOf(preamble[0]!), source.endOf(preamble.at(-1)!)),
  };
}

/**
 * A Depth item that lists references: keyed `SeeAlso:`, or a plain bullet under a See Also
 * sub-label (`**See Also**:` over a list after the Depth's items, with no `---` between: the
 * capsule has not ended, so these are its references, not document prose).
 */
function isSeeAlsoItem(item: DepthItem): boolean {
  return item.normalizedKey === 'seealso' || (item.key === undefined && item.group !== undefined && normalizeKey(item.group) === 'seealso');
}

/** A See Also written as a part of its own inside the capsule (`**See Also**: A, B` after the Depth). */
function isSeeAlsoPart(part: ExtraPart): boolean {
  return normalizeKey(part.label) === 'seealso';
}

/** The references of a See Also part: the text on its label's line and its list items, each read as a SeeAlso value. */
function seeAlsoPartReferences(part: ExtraPart, source: SourceText): Reference[] {
  const references: Reference[] = [];
  const read = (node: RootContent) => references.push(...readReferences(source.sliceOf(node), source.startOf(node), source));
  for (const node of part.nodes) {
    if (node.type === 'paragraph') read(node);
    if (node.type !== 'list') continue;
    for (const item of node.children) if (item.children[0]?.type === 'paragraph') read(item.children[0]);
  }
  return references;
}

/** Where the capsule's SeeAlso references were read from, in source order: as prose they are not mentions. */
export function seeAlsoSpans(capsule: Capsule): Span[] {
  return [
    ...capsule.depthItems.filter(isSeeAlsoItem).map((item) => item.position),
    ...capsule.extraParts.filter(isSeeAlsoPart).map((part) => part.position),
  ].sort((a, b) => a.start.offset - b.start.offset);
}

/**
 * Where the name stands in its heading. A name written with markup (`` `Name` ``) is not in
 * the source as decoded, and it is exactly such a name a rule will point at, so it gets the
 * span from after `Capsule:` to the end of the heading's content; a missing name gets the
 * empty span where it should be.
 */
function namePositionOf(heading: Heading, name: string, source: SourceText): Span {
  const start = source.startOf(heading);
  const index = name === '' ? -1 : source.sliceOf(heading).lastIndexOf(name);
  if (index !== -1) return source.span(start + index, start + index + name.length);
  const first = heading.children[0];
  const last = heading.children.at(-1);
  if (!first || !last) return source.span(source.endOf(heading), source.endOf(heading));
  const prefix = first.type === 'text' ? capsuleHeading.exec(source.sliceOf(first)) : null;
  const nameStart = source.startOf(first) + (prefix?.[0].length ?? 0);
  return source.span(nameStart, name === '' ? nameStart : source.endOf(last));
}

/**
 * Split a paragraph before every line that opens with a part label, so that a capsule
 * written without blank lines (`**Invariant**` / text / `**Example**` / text) still has its
 * parts. Only the three part labels split (`**Good**: ...` lines are an Example's content),
 * unless `anyLabel`: then every line that opens with a bold label does (`**Why**: ...` under
 * an Invariant's sentence is not part of the sentence).
 */
function splitAtLabels(paragraph: Paragraph, source: SourceText, anyLabel: boolean): Paragraph[] {
  const segments: PhrasingContent[][] = [[]];
  paragraph.children.forEach((child, index) => {
    const current = segments.at(-1)!;
    const splits = atLineStart(paragraph.children[index - 1]) && (isPartLabel(child) || (anyLabel && isLabelLike(child, paragraph.children[index + 1])));
    if (!splits) {
      current.push(child);
      return;
    }
    // End the segment at its last visible character: the line break belongs to neither.
    const last = current.pop()!;
    if (last.type === 'text') {
      const kept = source.sliceOf(last).replace(/\s+$/, '');
      if (kept !== '') {
        const end = source.point(source.startOf(last) + kept.length);
        current.push({ type: 'text', value: last.value.replace(/\s+$/, ''), position: { start: source.point(source.startOf(last)), end } });
      }
    }
    segments.push([child]);
  });
  if (segments.length === 1) return [paragraph];
  return segments
    .filter((children) => children.length > 0)
    .map((children) => ({
      type: 'paragraph',
      children,
      position: { start: source.point(source.startOf(children[0]!)), end: source.point(source.endOf(children.at(-1)!)) },
    }));
}

/** True when the inline node after `before` starts a line of its paragraph (not the first line). */
function atLineStart(before: PhrasingContent | undefined): boolean {
  return before !== undefined && (before.type === 'break' || (before.type === 'text' && /(?:\r\n|\r|\n)[ \t]*$/.test(before.value)));
}

function isPartLabel(node: PhrasingContent): boolean {
  return node.type === 'strong' && partLabels.has(toString(node).trim().replace(/\s*:$/, '').toLowerCase());
}

/** Bold text that reads as a label: a colon inside it or right after it, or nothing else on its line. */
function isLabelLike(node: PhrasingContent, after: PhrasingContent | undefined): boolean {
  if (node.type !== 'strong') return false;
  if (/:\s*$/.test(toString(node))) return true;
  return after === undefined || after.type === 'break' || (after.type === 'text' && /^[ \t]*(?::|\r|\n|$)/.test(after.value));
}

interface Label {
  kind: PartKind | undefined;
  text: string;
  form: 'block' | 'inline';
  onlyLabel: boolean;
  /** Whether a colon follows the label, inside the bold or after it. */
  colon: boolean;
  labelPosition: Span;
  /** What follows the label inside the same paragraph, as a paragraph of its own. */
  rest: Paragraph | undefined;
}

/** Read a paragraph that opens with a bold label: `**Invariant**`, `**Depth:**`, `**Example**: text`. */
function readLabel(paragraph: Paragraph, source: SourceText): Label | undefined {
  const [first, ...others] = paragraph.children;
  if (!first || first.type !== 'strong') return undefined;
  // Whitespace folded: a label broken over lines reads the same whatever the line endings.
  const written = collapseWhitespace(toString(first as Strong));
  const labelText = written.replace(/\s*:$/, '');
  let colon = labelText !== written;
  const kind = partLabels.get(labelText.toLowerCase());

  // Skip the optional colon and spaces after the label to find where the content starts.
  let restChildren: PhrasingContent[] = others;
  let lineBreak = false;
  const leading = others[0];
  if (leading && leading.type === 'text') {
    const decoded = labelSeparator.exec(leading.value);
    const skipped = decoded?.[0].length ?? 0;
    lineBreak = Boolean(decoded?.[1]);
    colon ||= decoded?.[0].includes(':') ?? false;
    const remaining = leading.value.slice(skipped);
    // The value decodes escapes and entities, so the content's start is measured on the source.
    const start = source.startOf(leading) + (labelSeparator.exec(source.sliceOf(leading))?.[0].length ?? 0);
    restChildren = remaining === ''
      ? others.slice(1)
      : [
          {
            type: 'text',
            value: remaining,
            position: { start: source.point(start), end: source.point(source.endOf(leading)) },
          },
          ...others.slice(1),
        ];
  } else if (leading && leading.type === 'break') {
    lineBreak = true;
    restChildren = others.slice(1);
  }

  const onlyLabel = restChildren.length === 0;
  const labelEnd = source.endOf(first);
  const rest: Paragraph | undefined = onlyLabel
    ? undefined
    : {
        type: 'paragraph',
        children: restChildren,
        position: {
          start: source.point(source.startOf(restChildren[0]!)),
          end: source.point(source.endOf(paragraph)),
        },
      };
  return {
    kind,
    text: labelText,
    form: onlyLabel || lineBreak ? 'block' : 'inline',
    onlyLabel,
    colon,
    labelPosition: source.span(source.startOf(first), labelEnd),
    rest,
  };
}

function finishPart(open: OpenPart, source: SourceText): void {
  const { part } = open;
  const kept = open.content.filter((node) => !isBoundaryOnly(node, source));
  part.nodes = kept;
  // HTML comments are invisible on the page (disable directives, notes), so not part of the text.
  part.text = kept
    .filter((node) => !isCommentNode(node))
    .map((node) => plainText(node))
    .join('\n\n');
  const visible = open.content.filter((node) => !isCommentNode(node));
  const content = visible.length > 0 ? visible : open.content;
  const first = content[0];
  const last = content.at(-1);
  if (first && last) {
    part.contentPosition = source.span(source.startOf(first), source.endOf(last));
    part.position = source.span(part.labelPosition.start.offset, source.endOf(open.content.at(-1)!));
  }
}

function isBoundaryOnly(node: RootContent, source: SourceText): boolean {
  if (node.type !== 'paragraph') return false;
  return source
    .sliceOf(node)
    .split(/\r\n|\r|\n/)
    .every((line) => boundaryStart.test(line));
}

/** Every `//BOUNDARY:` line in the capsule, with the part it sits in. */
function readBoundaries(section: Span, parts: CapsulePart[], extraParts: ExtraPart[], body: RootContent[], source: SourceText): Boundary[] {
  const owners: { start: number; part: Boundary['part'] }[] = [
    ...parts.map((part) => ({ start: part.labelPosition.start.offset, part: part.kind })),
    ...extraParts.map((part) => ({ start: part.labelPosition.start.offset, part: 'extra' as const })),
  ].sort((a, b) => a.start - b.start);
  const text = source.slice(section.start.offset, section.end.offset);
  // Few capsules have a boundary line; the word is found much faster than the line.
  if (!/boundary/i.test(text)) return [];
  const codeRanges = collectCode(body, source);
  const boundaries: Boundary[] = [];
  for (const match of text.matchAll(boundaryLine)) {
    const lineStart = section.start.offset + (match.index ?? 0);
    const indent = (match[0].length - match[0].trimStart().length);
    const start = lineStart + indent;
    const end = lineStart + match[0].trimEnd().length;
    const owner = owners.findLast((candidate) => candidate.start <= start);
    boundaries.push({
      text: (match[1] ?? '').trim(),
      position: source.span(start, end),
      part: owner ? owner.part : 'none',
      inCode: codeRanges.some(([from, to]) => start >= from && start < to),
    });
  }
  return boundaries;
}

function collectCode(nodes: RootContent[], source: SourceText): [number, number][] {
  const ranges: [number, number][] = [];
  // An explicit stack: quotes and lists nest as deep as the input likes.
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'code' || node.type === 'html') ranges.push([source.startOf(node), source.endOf(node)]);
    if ('children' in node) for (const child of node.children as RootContent[]) stack.push(child);
  }
  return ranges;
}

interface ReadDepthItem {
  item: DepthItem;
  /** Source range of a keyed item's value, within the item's first paragraph. */
  value: [number, number] | undefined;
}

/**
 * Depth items: every bullet of every list in the Depth part, keyed or plain, each with the
 * sub-label it is listed under.
 */
function readDepthItems(depth: CapsulePart, source: SourceText): ReadDepthItem[] {
  const items: ReadDepthItem[] = [];
  const groups = new Map(depth.subLabels.map((sub) => [sub.position.start.offset, sub.label]));
  let group: string | undefined;
  for (const node of depth.nodes) {
    if (node.type === 'paragraph' && groups.has(source.startOf(node))) group = groups.get(source.startOf(node));
    if (node.type !== 'list') continue;
    for (const item of (node as List).children) items.push(readDepthItem(item, group, source));
  }
  return items;
}

/**
 * Where the key matched on folded text is written in the item's first block: its words may
 * be split by any whitespace in the source. A key of one word is found as it is (most are,
 * and compiling a pattern for each item was a cost every Depth paid).
 */
function writtenKey(key: string, first: ListItem['children'][number], source: SourceText): { keyStart: number; keyEnd: number } {
  const start = source.startOf(first);
  if (!key.includes(' ')) {
    const at = source.text.indexOf(key, start);
    return at !== -1 && at + key.length <= source.endOf(first) ? { keyStart: at, keyEnd: at + key.length } : { keyStart: start, keyEnd: start };
  }
  // A key holds only word characters and dashes, nothing a pattern would read as syntax.
  const found = new RegExp(key.split(' ').join('\\s+')).exec(source.sliceOf(first));
  const keyStart = start + (found?.index ?? 0);
  return { keyStart, keyEnd: keyStart + (found?.[0].length ?? 0) };
}

function readDepthItem(item: ListItem, group: string | undefined, source: SourceText): ReadDepthItem {
  const first = item.children[0];
  const text = first ? (first.type === 'paragraph' ? proseText(first) : collapseWhitespace(plainText(first))) : '';
  const marker = source.text[source.startOf(item)] ?? '-';
  const match = depthKey.exec(text);
  if (!match || !first) {
    return {
      item: { key: undefined, normalizedKey: undefined, value: text, group, marker, position: source.spanOf(item), keyPosition: undefined },
      // A plain bullet's value is the whole first paragraph (read when it lists references).
      value: first?.type === 'paragraph' ? [source.startOf(first), source.endOf(first)] : undefined,
    };
  }
  const key = match[1] ?? '';
  const { keyStart, keyEnd } = writtenKey(key, first, source);
  return {
    item: {
      key,
      normalizedKey: normalizeKey(key),
      value: text.slice(match[0].length),
      group,
      marker,
      position: source.spanOf(item),
      keyPosition: source.span(keyStart, keyEnd),
    },
    // Only the first paragraph is the value: nested lists or paragraphs below it are not.
    value: [valueOffset(first, keyEnd, source), source.endOf(first)],
  };
}

/**
 * Where a keyed item's value starts in the source: after the colon that follows the key, or
 * after the bold or emphasis that holds both key and colon (`**SeeAlso:** Name`).
 */
function valueOffset(first: RootContent, keyEnd: number, source: SourceText): number {
  const opening = first.type === 'paragraph' ? first.children[0] : undefined;
  if (opening && (opening.type === 'strong' || opening.type === 'emphasis') && /:\s*$/.test(toString(opening))) {
    return source.endOf(opening);
  }
  const colon = source.text.indexOf(':', keyEnd);
  return colon === -1 || colon > source.endOf(first) ? keyEnd : colon + 1;
}

/**
 * Plain text of a block, one line per list item or table row, code as written. Boundary
 * lines are left out of paragraphs: they are facts of their own (`boundaries`), and the
 * canonical form writes one on the line right under the Example's text. Line endings are
 * folded to `\n`: node values keep the file's own, and a CRLF file must read like its LF twin.
 */
export function plainText(node: RootContent): string {
  // Containers are folded with an explicit stack: quotes and lists nest as deep as the input likes.
  interface Frame {
    node: RootContent;
    texts: string[];
    next: number;
  }
  const stack: Frame[] = [{ node, texts: [], next: 0 }];
  let text = '';
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    const children = containerChildren(frame.node);
    const child = children?.[frame.next];
    if (child) {
      frame.next++;
      stack.push({ node: child, texts: [], next: 0 });
      continue;
    }
    stack.pop();
    text = children ? frame.texts.join(frame.node.type === 'blockquote' ? '\n\n' : '\n') : leafText(frame.node);
    stack.at(-1)?.texts.push(text);
  }
  return text;
}

function containerChildren(node: RootContent): RootContent[] | undefined {
  return node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' ? node.children : undefined;
}

function leafText(node: RootContent): string {
  switch (node.type) {
    case 'table':
      return node.children.map((row) => row.children.map((cell) => lineText(cell)).join(' | ')).join('\n');
    case 'code':
      return toLf(node.value);
    case 'paragraph':
      return proseText(node);
    case 'heading':
      return lineText(node);
    default:
      return toLf(toString(node));
  }
}

/** A paragraph on one line, without its boundary lines. */
function proseText(paragraph: Paragraph): string {
  const lines = inlineText(paragraph).split(/\r\n|\r|\n/);
  return collapseWhitespace(lines.filter((line) => !boundaryStart.test(line)).join('\n'));
}

function toLf(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
