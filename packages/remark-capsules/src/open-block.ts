/**
 * A block the document leaves open at its end: a fenced code block without its closing
 * fence, or an HTML block (CommonMark kinds 1 to 5) without its end marker. Alone, such a
 * block just runs to the end of the file; but text appended after the document (a file
 * that joins documents, as `llms-full.txt` does) would fall inside it. Only a top-level
 * block can do that: one inside a list item or quote ends where its container does.
 */
import type { Root, RootContent } from 'mdast';
import type { EarlierCloserWithLanguage, FenceInHtml, HtmlSwallowedFence, MisnestedFence, NestedFence, SampleLetOut, Span, UnclosedBlock } from './model.js';
import { closesFence, fenceOpenedBy } from './fences.js';
import type { SourceText } from './source-text.js';

const lineBreak = /\r\n|\r|\n/;

/** HTML blocks that only their end marker closes, with that marker. */
const htmlKinds: { start: RegExp; closer: (start: RegExpExecArray) => string }[] = [
  { start: /^ {0,3}<(script|pre|style|textarea)(?=[ \t>]|$)/i, closer: (start) => `</${start[1]!.toLowerCase()}>` },
  { start: /^ {0,3}<!--/, closer: () => '-->' },
  { start: /^ {0,3}<\?/, closer: () => '?>' },
  { start: /^ {0,3}<!\[CDATA\[/, closer: () => ']]>' },
  { start: /^ {0,3}<![A-Za-z]/, closer: () => '>' },
];

export function unclosedBlockAtEnd(tree: Root, source: SourceText, mdx = false): UnclosedBlock | undefined {
  const last = tree.children.at(-1);
  const start = last?.position?.start.offset;
  const end = last?.position?.end.offset;
  if (!last || start === undefined || end === undefined) return undefined;
  if (source.text.slice(end).trim() !== '') return undefined;
  const raw = source.text.slice(start, end);
  const closer = last.type === 'code' ? openFence(raw, mdx) : last.type === 'html' ? openHtml(raw) : undefined;
  if (closer === undefined) return undefined;
  const nestedOrCloser = last.type === 'code' ? firstNestedFence(tree, source, mdx) : undefined;
  const earlierCloserWithLanguage = nestedOrCloser && closerMeantBy(nestedOrCloser, source, mdx);
  const nestedFence = earlierCloserWithLanguage ? undefined : nestedOrCloser;
  const fenceInHtml = last.type === 'code' && !nestedOrCloser ? openerInHtml(tree, source, mdx) : undefined;
  const closerWithLanguage = last.type === 'code' && !nestedOrCloser && !fenceInHtml ? fenceWithLanguageIn(start, end, closer, source, mdx) : undefined;
  const explained = nestedOrCloser ?? fenceInHtml ?? closerWithLanguage;
  const markdownInside = last.type === 'code' && !explained ? markdownLineIn(start, end, source, mdx) : undefined;
  return {
    closer,
    position: source.span(start, end),
    ...(nestedFence ? { nestedFence } : {}),
    ...(earlierCloserWithLanguage ? { earlierCloserWithLanguage } : {}),
    ...(fenceInHtml ? { fenceInHtml } : {}),
    ...(closerWithLanguage ? { closerWithLanguage } : {}),
    ...(markdownInside ? { markdownInside } : {}),
  };
}

/** In a code block opened by a bare fence, its first line after the opening one that reads as Markdown. */
function markdownLineIn(start: number, end: number, source: SourceText, mdx: boolean): Span | undefined {
  const [opener, ...rest] = linesOf(source.text, start, end);
  const fence = fenceOpenedBy(opener!.text, mdx);
  if (fence === undefined || !closesFence(opener!.text, fence, mdx)) return undefined;
  const line = rest.find(({ text }) => readsAsMarkdown(text, mdx));
  return line && lineSpan(line, source);
}

/** The first line after the opening one of a code block that would close `fence` but for what follows the run. */
function fenceWithLanguageIn(start: number, end: number, fence: string, source: SourceText, mdx: boolean): Span | undefined {
  const line = linesOf(source.text, start, end)
    .slice(1)
    .find(({ text }) => {
      const run = fenceOpenedBy(text, mdx);
      return run !== undefined && run[0] === fence[0] && run.length >= fence.length && !closesFence(text, fence, mdx);
    });
  return line && lineSpan(line, source);
}

/** A line's span, its trailing spaces left out. */
function lineSpan(line: { text: string; offset: number }, source: SourceText): Span {
  return source.span(line.offset, line.offset + line.text.trimEnd().length);
}

/**
 * For a document that ends inside a code block opened by a bare fence: the fence that line was
 * meant to close, when it sits unclosed on the lines of the HTML block before it (with no
 * fenced code block between them; an indented one may be the rest of the code the fence was
 * meant to hold). Only an HTML block that a blank line ends (one opened by a tag, kinds 6 and
 * 7) is judged: for the others a blank line would not set the fence free.
 */
function openerInHtml(tree: Root, source: SourceText, mdx: boolean): FenceInHtml | undefined {
  const blocks = tree.children;
  const openerLine = firstLineOf(blocks.at(-1)!, source);
  const opened = fenceOpenedBy(openerLine, mdx);
  if (opened === undefined || !closesFence(openerLine, opened, mdx)) return undefined;
  for (let index = blocks.length - 2; index >= 0; index--) {
    const node = blocks[index]!;
    if (isFenced(node, source, mdx)) return undefined;
    const inHtml = fenceLeftOpenInHtml(node, source, mdx);
    if (inHtml === undefined) continue;
    return closesFence(openerLine, inHtml.fence, mdx) && !rightAfterCodeWithLanguage(blocks, index, source, mdx) ? inHtml.place : undefined;
  }
  return undefined;
}

/**
 * The same mistake when the document recovers from it: the bare fence meant as the closer
 * opens a code block that a later fence closes, and the text between (a heading, a task item,
 * another fence with a language) shows as code. Only a swallowing block that holds a line
 * that reads as Markdown is told, as `misnestedFence` does.
 */
export function htmlSwallowedFence(tree: Root, source: SourceText, endsOpen = false, mdx = false): HtmlSwallowedFence | undefined {
  const blocks = tree.children;
  for (let index = 0; index < blocks.length - 1; index++) {
    const inHtml = fenceLeftOpenInHtml(blocks[index]!, source, mdx);
    if (!inHtml || rightAfterCodeWithLanguage(blocks, index, source, mdx)) continue;
    // When the document ends inside a block, the fences set pairing wrongly did harm enough.
    const swallowing = swallowingBlock(blocks.slice(index + 1).find((node) => isFenced(node, source, mdx)), source, mdx, inHtml.fence, !endsOpen);
    if (swallowing) return { ...inHtml.place, ...swallowing };
  }
  return undefined;
}

/**
 * The fence an HTML block opened by a tag leaves open on its lines (```` ```bash ```` right
 * under `<verification>`), with the block's first line; undefined for any other node.
 */
function fenceLeftOpenInHtml(node: RootContent, source: SourceText, mdx: boolean): { fence: string; place: FenceInHtml } | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (node.type !== 'html' || start === undefined || end === undefined) return undefined;
  const lines = linesOf(source.text, start, end);
  const first = lines[0]!;
  if (htmlKinds.some((kind) => kind.start.test(first.text))) return undefined;
  let open: { text: string; offset: number; fence: string } | undefined;
  for (const line of lines.slice(1)) {
    if (open === undefined) {
      const fence = fenceOpenedBy(line.text, mdx);
      if (fence !== undefined) open = { ...line, fence };
    } else if (closesFence(line.text, open.fence, mdx)) open = undefined;
  }
  if (open === undefined) return undefined;
  return {
    fence: open.fence,
    place: { html: source.span(first.offset, first.offset + first.text.length), inner: source.span(open.offset, open.offset + open.text.length) },
  };
}

/**
 * Whether `blocks[index]` starts on the line right after the closing fence of a code block
 * opened with a language. A ```` ```markdown ```` sample whose own bare fence (`` ``` `` then
 * `<structure>`) closed it early looks so: the fences then pair wrongly from further up, and
 * a blank line before the fence in the HTML block would mend nothing.
 */
function rightAfterCodeWithLanguage(blocks: RootContent[], index: number, source: SourceText, mdx: boolean): boolean {
  const before = blocks[index - 1];
  const start = blocks[index]!.position?.start.line;
  if (before === undefined || !isFenced(before, source, mdx) || start === undefined || before.position?.end.line !== start - 1) return false;
  const opener = firstLineOf(before, source);
  return !closesFence(opener, fenceOpenedBy(opener, mdx)!, mdx);
}

/** Whether a top-level node is a fenced code block (an indented one has no fence to pair). */
function isFenced(node: RootContent, source: SourceText, mdx: boolean): boolean {
  return node.type === 'code' && fenceOpenedBy(firstLineOf(node, source), mdx) !== undefined;
}

function firstLineOf(node: RootContent, source: SourceText): string {
  return linesOf(source.text, node.position!.start.offset!, node.position!.end.offset!)[0]!.text;
}

/**
 * The first top-level code block that holds, among its lines, a fence it cannot hold: one of
 * its own character, at least as long, with an info string (a bare one would have closed
 * it). The line meant to close that inner fence closed the outer block instead.
 */
function firstNestedFence(tree: Root, source: SourceText, mdx: boolean): NestedFence | undefined {
  const blocks = tree.children;
  for (let index = 0; index < blocks.length - 1; index++) {
    const nested = nestedFenceOf(blocks[index]!, source, mdx);
    if (!nested) continue;
    // A bare outer fence after an HTML block that swallowed a fence is that fence's closer,
    // paired wrongly: the HTML block is the cause (see `htmlSwallowedFence`).
    const outerLine = source.text.slice(nested.outer.start.offset, nested.outer.end.offset);
    if (closesFence(outerLine, fenceOpenedBy(outerLine, mdx)!, mdx) && htmlLeftFenceOpenBefore(blocks, index, source, mdx)) return undefined;
    return nested;
  }
  return undefined;
}

/**
 * A nested fence that was meant as its block's closer, a language written after it
 * (```` ```text ````): between it and the line that closed the block, Markdown (a heading, a
 * task item) where a nested sample would hold its code. A nested fence opening a Markdown
 * sample of its own (```` ```markdown ````) is no such closer: Markdown is what it holds.
 */
function closerMeantBy(nested: NestedFence, source: SourceText, mdx: boolean): EarlierCloserWithLanguage | undefined {
  // A nested Markdown sample (```` ```markdown ```` in a sample's list item) holds Markdown: its headings show no closer was meant.
  if (markdownSample.test(source.text.slice(nested.inner.start.offset, nested.inner.end.offset))) return undefined;
  const between = linesOf(source.text, nested.inner.end.offset, nested.closing.start.offset).slice(1, -1);
  const markdown = between.find(({ text }) => readsAsProse(text, mdx));
  return markdown && { opener: nested.outer, closer: nested.inner, closing: nested.closing, markdown: lineSpan(markdown, source) };
}

/** Whether an HTML block since the last code block before `blocks[index]` swallowed a fence it left open. */
function htmlLeftFenceOpenBefore(blocks: RootContent[], index: number, source: SourceText, mdx: boolean): boolean {
  for (let before = index - 1; before >= 0; before--) {
    const node = blocks[before]!;
    if (isFenced(node, source, mdx)) return false;
    if (fenceLeftOpenInHtml(node, source, mdx) !== undefined) return true;
  }
  return false;
}

/**
 * A nested fence whose wrong pairing the document recovers from: the line meant to close the
 * outer block opens, bare, the next code block, which holds the text after it (headings
 * among it) up to the next bare fence. Only an outer block opened with an info string
 * (```` ```markdown ````) is judged, and only when the bare block holds a line that reads as
 * Markdown (see `readsAsMarkdown`). The sample's other blocks after the early close, each
 * opened with a language and closed, pair as meant and are passed over: the bare block is the
 * one after them. A document that ends inside a block is `unclosedBlockAtEnd`'s to tell; this
 * is the case that leaves no block open to point at.
 */
export function misnestedFence(tree: Root, source: SourceText, mdx = false): MisnestedFence | undefined {
  const blocks = tree.children;
  for (let index = 0; index < blocks.length - 1; index++) {
    const closedByBare = bareInnerFence(blocks, index, source, mdx) ?? sampleClosedTwice(blocks, index, source, mdx);
    if (closedByBare) return closedByBare;
    const nested = nestedFenceOf(blocks[index]!, source, mdx);
    if (!nested) continue;
    // An outer block opened bare may itself be a closer paired wrongly by a fence further up
    // (a bare inner fence closes its block unseen): the fix asked for would then be wrong.
    const outerLine = source.text.slice(nested.outer.start.offset, nested.outer.end.offset);
    if (closesFence(outerLine, fenceOpenedBy(outerLine, mdx)!, mdx)) return undefined;
    // The sample's other blocks, each opened with a language and closed, still pair as meant:
    // the sample's own closing fence, after them, is the one that opens a block.
    const following = blocks.slice(index + 1).filter((node) => node.type === 'code');
    let next = 0;
    while (next < following.length - 1 && next < maxSampleBlocksSkipped && closedWithLanguage(following[next]!, source, mdx)) next++;
    const swallowing = swallowingBlock(following[next], source, mdx);
    return swallowing && { ...nested, ...swallowing };
  }
  return undefined;
}

/** The most blocks of a sample closed early that `misnestedFence` passes over to the block its own closing fence opens. */
const maxSampleBlocksSkipped = 20;

/** Whether a top-level code block was opened by a fence with a language and closed by a fence of its own. */
function closedWithLanguage(node: RootContent, source: SourceText, mdx: boolean): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return false;
  const lines = linesOf(source.text, start, end);
  const fence = fenceOpenedBy(lines[0]!.text, mdx);
  return fence !== undefined && !closesFence(lines[0]!.text, fence, mdx) && lines.length >= 2 && closesFence(lines.at(-1)!.text, fence, mdx);
}

/**
 * In a document that ends inside a block, a Markdown sample closed early by a bare fence meant
 * to open a block inside it (see `bareInnerFence`), when that is why the end is left open: the
 * next fence after the block its twin opened is the one that opens the last block, the
 * sample's own closing fence, as every fence after the early one pairs with the wrong one.
 */
export function bareFenceBeforeOpenEnd(tree: Root, source: SourceText, unclosed: UnclosedBlock, mdx = false): MisnestedFence | undefined {
  const opener = linesOf(source.text, unclosed.position.start.offset, unclosed.position.end.offset)[0]!;
  const fence = fenceOpenedBy(opener.text, mdx);
  if (fence === undefined || !closesFence(opener.text, fence, mdx)) return undefined;
  const blocks = tree.children;
  for (let index = 0; index < blocks.length - 1; index++) {
    const closedByBare = bareInnerFence(blocks, index, source, mdx);
    if (!closedByBare) continue;
    const between = linesOf(source.text, closedByBare.closer.end.offset, unclosed.position.start.offset).slice(1, -1);
    return between.some(({ text }) => fenceOpenedBy(text, mdx) !== undefined) ? undefined : closedByBare;
  }
  return undefined;
}

/** The most samples let out a document's model lists. */
const maxSamplesLetOut = 100;

/** A fence line opening a Markdown sample: only Markdown holds a fenced block of its own. */
const markdownSample = /^\s*[`~]+\s*(?:markdown|md|mdx)\b/i;

/**
 * The Markdown samples (```` ```markdown ````, `md`, `mdx`) of which the document shows some
 * text as Markdown, because a fence inside a sample closed it early. The fences are paired as
 * the writer meant them: in a sample, a fence with a language, or a bare one too short to close
 * it, opens a block of the sample, and the next fence that closes that block does so, not the
 * sample. Where such a closing fence could also have closed the sample, Markdown reads it so,
 * and every fence after it may pair wrongly; each sample from there on (that one included)
 * whose lines are not all inside a top-level code block is listed, with the first such fence
 * inside it, or else the one of the last sample before it that had one.
 */
export function samplesLetOut(tree: Root, source: SourceText, mdx = false): SampleLetOut[] {
  const code = tree.children.filter((node) => node.type === 'code').map((node) => [node.position!.start.offset!, node.position!.end.offset!] as const);
  // Whether some of the text from `start` to `end` is outside every top-level code block, where it shows as Markdown.
  const letOut = (start: number, end: number) => {
    let at = start;
    for (const [codeStart, codeEnd] of code) {
      if (codeEnd <= at) continue;
      if (codeStart > at) return true;
      at = codeEnd;
      if (at >= end) return false;
    }
    return at < end;
  };
  const samples: SampleLetOut[] = [];
  type Line = { text: string; offset: number };
  let cause: NestedFence | undefined;
  let block: { fence: string } | undefined;
  // The sample open, with the first fence inside it that closed it early, if any.
  let sample: { fence: string; line: Line; own?: NestedFence } | undefined;
  let inner: { fence: string; line: Line } | undefined;
  const span = (line: Line) => source.span(line.offset, line.offset + line.text.length);
  const close = (end: number) => {
    const why = sample!.own ?? cause;
    if (why !== undefined && samples.length < maxSamplesLetOut && letOut(sample!.line.offset, end)) samples.push({ outer: span(sample!.line), end: source.point(end), cause: why });
    cause = why;
    sample = undefined;
  };
  const lines = linesOf(source.text, 0, source.text.length);
  for (const [index, line] of lines.entries()) {
    const fence = fenceOpenedBy(line.text, mdx);
    if (fence === undefined) continue;
    if (inner) {
      if (!closesFence(line.text, inner.fence, mdx)) continue;
      // The fence meant to close the sample's block could close the sample: Markdown reads it so.
      if (closesFence(line.text, sample!.fence, mdx)) sample!.own ??= { outer: span(sample!.line), inner: span(inner.line), closing: span(line), fence: sample!.fence[0]!.repeat(Math.max(sample!.fence.length, inner.fence.length) + 1) };
      inner = undefined;
    } else if (sample) {
      if (closesFence(line.text, sample.fence, mdx)) close(line.offset + line.text.length);
      else inner = { fence, line };
    } else if (block) {
      if (closesFence(line.text, block.fence, mdx)) block = undefined;
    } else if (markdownSample.test(line.text) || markdownUnderOtherLabel(lines, index, fence, mdx)) {
      sample = { fence, line };
    } else {
      block = { fence };
    }
  }
  if (sample) close(source.text.length);
  return samples;
}

/**
 * Whether the block the fence on `lines[index]` opens with a language other than Markdown's
 * (```` ```python ````) is a Markdown sample all the same: before the first fence inside it,
 * which opens a block of its own (it has a language, so it cannot close one), stands a line of
 * Markdown's own text (`## Quick start`), which no code holds; and after its inner blocks, each
 * closed by the fence meant for it, a fence closes the sample itself. A block whose writer
 * forgot its closing fence, a heading and a block of its own after it, has no such fence.
 */
function markdownUnderOtherLabel(lines: readonly { text: string }[], index: number, fence: string, mdx: boolean): boolean {
  if (!/^\s*[`~]+\s*[^\s`~]/.test(lines[index]!.text)) return false;
  let prose = false;
  for (let at = index + 1; at < lines.length; at++) {
    const { text } = lines[at]!;
    const inner = fenceOpenedBy(text, mdx);
    if (inner === undefined) {
      prose ||= readsAsProse(text, mdx);
      continue;
    }
    // The first fence inside: one with a language, opening a block of the sample once Markdown has shown it is one.
    if (!prose || inner[0] !== fence[0] || closesFence(text, fence, mdx) || closesFence(text, inner, mdx)) return false;
    return closedAfterInnerBlocks(lines.slice(at + 1), inner, fence, mdx);
  }
  return false;
}

/** Whether, the inner block `inner` open, the fences that follow pair as a sample's would and one closes the sample (`fence`). */
function closedAfterInnerBlocks(lines: readonly { text: string }[], inner: string, fence: string, mdx: boolean): boolean {
  let open: string | undefined = inner;
  for (const { text } of lines) {
    const found = fenceOpenedBy(text, mdx);
    if (found === undefined) continue;
    if (open !== undefined) {
      if (closesFence(text, open, mdx)) open = undefined;
    } else if (closesFence(text, fence, mdx)) return true;
    else open = found;
  }
  return false;
}

/**
 * A Markdown sample (```` ```markdown ````, `md`, `mdx`) whose bare closing fence was
 * meant to open a block inside it: text follows that fence on the very next line, as it
 * follows an opening fence, and the next code block, opened bare by the fence meant to close
 * the inner one, holds the sample's Markdown (headings shown as code) up to the sample's own
 * closing fence.
 */
function bareInnerFence(blocks: RootContent[], index: number, source: SourceText, mdx: boolean): MisnestedFence | undefined {
  const block = blocks[index]!;
  const next = blocks[index + 1];
  const start = block.position?.start.offset;
  const end = block.position?.end.offset;
  if (block.type !== 'code' || start === undefined || end === undefined || next === undefined || next.type === 'code') return undefined;
  const lines = linesOf(source.text, start, end);
  const first = lines[0]!;
  const last = lines.at(-1)!;
  const outer = fenceOpenedBy(first.text, mdx);
  // A Markdown sample (only Markdown holds a fenced block), closed by a bare fence with text on the line after it.
  if (outer === undefined || !/^\s*[`~]+\s*(?:markdown|md|mdx)\b/i.test(first.text) || lines.length < 2 || !closesFence(last.text, outer, mdx)) return undefined;
  if (next.position?.start.line !== block.position!.end.line + 1) return undefined;
  const following = blocks.slice(index + 1).find((node) => node.type === 'code');
  const swallowing = swallowingBlock(following, source, mdx);
  if (!swallowing) return undefined;
  // The fence meant to close the inner block is the bare fence's twin (a longer one opens a
  // sample on purpose), and the inner block's lines run on to it with no blank line between.
  const twin = source.text.slice(swallowing.opener.start.offset, swallowing.opener.end.offset).trim();
  if (twin !== last.text.trim()) return undefined;
  if (/\n[ \t]*\r?\n/.test(source.text.slice(end, swallowing.opener.start.offset))) return undefined;
  const closing = source.span(last.offset, last.offset + last.text.length);
  return { outer: source.span(first.offset, first.offset + first.text.length), inner: closing, closing, fence: outer[0]!.repeat(fenceOpenedBy(last.text, mdx)!.length + 1), ...swallowing, bareInner: true };
}

/**
 * A Markdown sample (```` ````markdown ````) closed by a bare fence before the line its writer
 * meant as its closer: that line, the same fence further down, opens a code block instead,
 * which holds Markdown (a heading) and a fence left open inside it, the one its closing line
 * was meant to close (```` ```yaml ````, which a longer fence closes). Only blocks of shorter
 * fences, which the sample could hold, stand between. Deleting the early closer pairs every
 * fence as meant: the later one closes the sample, and the open one is closed where it was
 * meant to be. A sample closed where it was meant to leaves no such block after it.
 */
function sampleClosedTwice(blocks: RootContent[], index: number, source: SourceText, mdx: boolean): MisnestedFence | undefined {
  const block = blocks[index]!;
  const start = block.position?.start.offset;
  const end = block.position?.end.offset;
  if (block.type !== 'code' || start === undefined || end === undefined) return undefined;
  const lines = linesOf(source.text, start, end);
  const first = lines[0]!;
  const last = lines.at(-1)!;
  const outer = fenceOpenedBy(first.text, mdx);
  if (outer === undefined || !markdownSample.test(first.text) || lines.length < 2 || !closesFence(last.text, outer, mdx)) return undefined;
  // A block inside the sample still open was the one its closing line was meant to close (`nested-fence`'s case).
  if (fenceLeftOpen(lines.slice(1, -1), mdx) !== undefined) return undefined;
  // Closed twice: the sample's text ends with the fence that closed a block inside it, and the sample's closer follows it.
  const lastWritten = lines.slice(1, -1).findLast(({ text }) => text.trim() !== '');
  if (lastWritten === undefined || fenceOpenedBy(lastWritten.text, mdx) === undefined) return undefined;
  for (const node of blocks.slice(index + 1)) {
    if (!isFenced(node, source, mdx)) continue;
    const opening = firstLineOf(node, source);
    if (opening.trim() === last.text.trim()) {
      const swallowing = swallowingBlock(node, source, mdx);
      if (!swallowing || !leavesFenceOpen(node, source, mdx)) return undefined;
      const closing = source.span(last.offset, last.offset + last.text.length);
      return { outer: source.span(first.offset, first.offset + first.text.length), inner: closing, closing, fence: outer, ...swallowing, extraCloser: true };
    }
    // A fence that could close the sample stands between: it is a block of its own, not the sample's.
    if (closesFence(fenceOpenedBy(opening, mdx)!, outer, mdx)) return undefined;
  }
  return undefined;
}

/** Whether a closed code block holds a fence that opens a block its own lines never close, so that its closing line closes that one. */
function leavesFenceOpen(node: RootContent, source: SourceText, mdx: boolean): boolean {
  const lines = linesOf(source.text, node.position!.start.offset!, node.position!.end.offset!);
  const open = fenceLeftOpen(lines.slice(1, -1), mdx);
  return open !== undefined && closesFence(lines.at(-1)!.text, open, mdx);
}

/** The fence of a block that `lines`, read as a block's content, open and leave open, if any: each fence opens a block or closes the one open. */
function fenceLeftOpen(lines: readonly { text: string }[], mdx: boolean): string | undefined {
  let open: string | undefined;
  for (const { text } of lines) {
    const fence = fenceOpenedBy(text, mdx);
    if (fence === undefined) continue;
    if (open === undefined) open = fence;
    else if (closesFence(text, open, mdx)) open = undefined;
  }
  return open;
}

/**
 * The opening and closing lines of `block` when it is the code block a closer paired wrongly
 * opened: a closed block opened by a bare fence (one with an info string opens a block on
 * purpose; with `meantToClose`, one that would have closed that fence), holding a line that
 * reads as Markdown (a bare block may be code on purpose; one that holds Markdown was text),
 * unless `holdingMarkdown` is false.
 */
function swallowingBlock(
  block: RootContent | undefined,
  source: SourceText,
  mdx: boolean,
  meantToClose?: string,
  holdingMarkdown = true,
): { opener: Span; closer: Span } | undefined {
  const start = block?.position?.start.offset;
  const end = block?.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const lines = linesOf(source.text, start, end);
  const opener = lines[0]!;
  const closer = lines.at(-1)!;
  const fence = fenceOpenedBy(opener.text, mdx);
  if (fence === undefined || !closesFence(opener.text, fence, mdx) || lines.length < 2 || !closesFence(closer.text, fence, mdx)) return undefined;
  if (meantToClose !== undefined && !closesFence(opener.text, meantToClose, mdx)) return undefined;
  if (holdingMarkdown && !lines.slice(1, -1).some(({ text }) => readsAsMarkdown(text, mdx))) return undefined;
  return { opener: source.span(opener.offset, opener.offset + opener.text.length), closer: source.span(closer.offset, closer.offset + closer.text.length) };
}

/**
 * A line code seldom holds and Markdown often does: a heading of two or more `#`, a task
 * list item, or a fence with an info string (inside a bare block, it cannot close it).
 */
function readsAsMarkdown(line: string, mdx: boolean): boolean {
  if (readsAsProse(line, mdx)) return true;
  const fence = fenceOpenedBy(line, mdx);
  return fence !== undefined && !closesFence(line, fence, mdx);
}

/** A line of Markdown's own text: a heading of two or more `#`, or a task list item (unlike `readsAsMarkdown`, no fence, which a nested sample holds too). */
function readsAsProse(line: string, mdx: boolean): boolean {
  const text = mdx ? line.trimStart() : line;
  return /^ {0,3}#{2,6}[ \t]+\S/.test(text) || /^ {0,3}[-*+][ \t]+\[[ xX]\][ \t]/.test(text);
}

/** The nested fence of one top-level node, when it is a closed code block holding one. */
function nestedFenceOf(node: RootContent, source: SourceText, mdx: boolean): NestedFence | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (node.type !== 'code' || start === undefined || end === undefined) return undefined;
  const lines = linesOf(source.text, start, end);
  const first = lines[0]!;
  const last = lines.at(-1)!;
  const outer = fenceOpenedBy(first.text, mdx);
  if (outer === undefined || lines.length < 3 || !closesFence(last.text, outer, mdx)) return undefined;
  const inside = lines.slice(1, -1).find(({ text }) => {
    const inner = fenceOpenedBy(text, mdx);
    return inner !== undefined && inner[0] === outer[0] && inner.length >= outer.length && !closesFence(text, inner, mdx);
  });
  if (!inside) return undefined;
  return {
    outer: source.span(first.offset, first.offset + first.text.length),
    inner: source.span(inside.offset, inside.offset + inside.text.length),
    closing: source.span(last.offset, last.offset + last.text.length),
    fence: outer[0]!.repeat(fenceOpenedBy(inside.text, mdx)!.length + 1),
  };
}

/** The lines of `text` from `start` to `end`, each with the offset it starts at. */
function linesOf(text: string, start: number, end: number): { text: string; offset: number }[] {
  const lines: { text: string; offset: number }[] = [];
  const breaks = /\r\n|\r|\n/g;
  breaks.lastIndex = start;
  let offset = start;
  for (let found = breaks.exec(text); found && found.index < end; found = breaks.exec(text)) {
    lines.push({ text: text.slice(offset, found.index), offset });
    offset = found.index + found[0].length;
  }
  lines.push({ text: text.slice(offset, end), offset });
  return lines;
}

/** The fence that would close this fenced code block, when it is not closed. */
function openFence(raw: string, mdx: boolean): string | undefined {
  const fence = fenceOpenedBy(raw.split(lineBreak, 1)[0]!, mdx);
  // An indented code block has no fence to leave open.
  if (fence === undefined) return undefined;
  const lines = raw.split(lineBreak);
  return lines.length > 1 && closesFence(lines.at(-1)!, fence, mdx) ? undefined : fence;
}

/** The marker that would end this HTML block, when it never appears. */
function openHtml(raw: string): string | undefined {
  for (const kind of htmlKinds) {
    const start = kind.start.exec(raw);
    if (!start) continue;
    const closer = kind.closer(start);
    // No opening contains its own end marker, so the whole block can be searched.
    return raw.toLowerCase().includes(closer) ? undefined : closer;
  }
  return undefined;
}
