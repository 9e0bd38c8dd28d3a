/**
 * block-closed: a fenced code block or HTML block is closed before the document ends. Left
 * open, it runs to the end of the file: whatever is written after it is shown as code, and a
 * file that joins documents (llms-full.txt) would have to close it for the next one. A fence
 * nested in a block of the same fence closes it early, whether or not the document then ends
 * inside a block: both are told at the line that closed the outer block. A fence written on
 * the lines of an HTML block opens nothing, and the bare fence meant to close it opens a block
 * that runs to the end: that is told at the bare fence, with the blank line that frees it.
 */
import { spanOf } from '../../support/places.js';
import type { Rule } from '../../types.js';
import { ruleDocs } from '../../rule-docs.js';

const id = 'block-closed';

export const blockClosed: Rule = {
  meta: {
    id,
    description: 'Code fences and HTML blocks are closed before the document ends',
    defaultSeverity: 'warn',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      'unclosed-fence': 'This code block is never closed, so the rest of the document is code; close it with a line of {fence}',
      'stray-fence': 'This fence opens a code block with nothing after it; delete the line if it is left over, or write the code and close it with a line of {fence}',
      'unclosed-html': 'This HTML block is never closed, so the rest of the document is raw HTML; close it with `{closer}`',
      'nested-fence':
        'This line closes the code block opened on line {outerLine}, not the fence inside it on line {innerLine}, so every fence after it pairs with the wrong one and the document ends inside a code block; open and close the outer block with {fence}',
      'fence-in-html':
        'This line was meant to close the code block opened on line {innerLine}, but that fence is part of the HTML block opened on line {htmlLine} (an HTML block runs to the next blank line), so this line opens a code block that runs to the end of the document; put a blank line before line {innerLine}',
      'fence-in-html-swallows':
        'This line was meant to close the code block opened on line {innerLine}, but that fence is part of the HTML block opened on line {htmlLine} (an HTML block runs to the next blank line), so this line opens a code block and lines {fromLine} to {toLine} show as code; put a blank line before line {innerLine}',
      'unclosed-fence-over-markdown':
        'This fence opens a code block that is never closed, and it runs over `{line}` on line {lineNumber}, which reads as Markdown: if the fence is left over from a block closed above, delete it; else close the block before line {lineNumber}',
      'closer-with-language':
        'This fence has a language after it, so it does not close the code block opened on line {openerLine}: a closing fence takes nothing after it, so this line and the rest of the document are code; write it as {fence} alone',
      'earlier-closer-with-language':
        'This fence has a language after it, so it does not close the code block opened on line {openerLine}: a closing fence takes nothing after it, so the block runs on over `{line}` on line {lineNumber} to line {closingLine}, every fence after that pairs with the wrong one, and the document ends inside a code block; write it as {fence} alone',
      'bare-fence-closes':
        'This bare fence closes the code block opened on line {outerLine} rather than opening one inside it, so the lines after it are Markdown and the fence on line {openerLine} opens a code block of its own: lines {fromLine} to {toLine} show as code; open and close the outer block with {fence}',
      'closer-with-text':
        'Text follows this fence on its line (`{text}`), so it does not close the code block opened on line {openerLine}: a closing fence takes nothing after it, so this line and the rest of the document are code; put the text on a line of its own',
      'fence-outside-list-item':
        'This fence was meant to close the code block opened on line {openerLine} in a list item, but it is indented less than that item\'s content ({indent} spaces), so the item and its block ended on the line above and this line opens a code block of its own; indent it by {indent} spaces',
      'sample-closed-twice':
        'This bare fence closes the code block opened on line {outerLine}, so lines {fromText} to {toText} show as Markdown, and the fence on line {openerLine}, the same one further down, opens a code block of its own: lines {fromLine} to {toLine} show as code; if this line is left over, delete it, and line {openerLine} closes the block',
      'nested-fence-swallows':
        'This line closes the code block opened on line {outerLine}, not the fence inside it on line {innerLine}, so the fence on line {openerLine} opens a code block of its own and lines {fromLine} to {toLine} show as code; open and close the outer block with {fence}',
    },
    fixable: true,
    scope: 'document',
    docs: ruleDocs(id, 'A code fence or HTML block left open runs to the end of the file; close it.'),
  },
  check(context) {
    const { text, model } = context.document;
    const misnested = model.misnestedFence;
    if (misnested?.extraCloser) {
      // Only the author knows whether this line or the later one is left over; deleting this one pairs every fence as they show.
      context.report({
        messageId: 'sample-closed-twice',
        data: {
          outerLine: misnested.outer.start.line,
          fromText: misnested.closing.start.line + 1,
          toText: misnested.opener.start.line - 1,
          openerLine: misnested.opener.start.line,
          fromLine: misnested.opener.start.line + 1,
          toLine: misnested.closer.start.line - 1,
        },
        place: misnested.closing,
      });
    } else if (misnested) {
      context.report({
        messageId: misnested.bareInner ? 'bare-fence-closes' : 'nested-fence-swallows',
        data: {
          outerLine: misnested.outer.start.line,
          innerLine: misnested.inner.start.line,
          openerLine: misnested.opener.start.line,
          fromLine: misnested.opener.start.line + 1,
          toLine: misnested.closer.start.line - 1,
          fence: fenceInWords(misnested.fence),
        },
        place: misnested.closing,
      });
    }
    const swallowed = model.htmlSwallowedFence;
    if (swallowed) {
      const at = swallowed.inner.start.offset;
      context.report({
        messageId: 'fence-in-html-swallows',
        data: {
          innerLine: swallowed.inner.start.line,
          htmlLine: swallowed.html.start.line,
          fromLine: swallowed.opener.start.line + 1,
          toLine: swallowed.closer.start.line - 1,
        },
        place: swallowed.opener,
        fix: { start: at, end: at, text: /\r\n|\r|\n/.exec(text)?.[0] ?? '\n' },
      });
    }
    const block = model.unclosedBlock;
    // A block left open by the fences the swallowed one set pairing wrongly: its fix mends both.
    // So does the longer fence of a sample a bare fence closed early, whose own closer opened the last block.
    if (!block || swallowed || misnested) return;
    // MDX reads `import` and `export` blocks as JavaScript: a fence there is a string's text.
    if (/\.mdx$/i.test(context.document.path) && inMdxEsm(text, block.position.start.offset)) return;
    const earlier = block.earlierCloserWithLanguage;
    if (earlier) {
      // Only the fence is kept: the block closes where it was meant to, and the fences after
      // it pair as meant (a later closer written so is told in turn, once this one is mended).
      const { closer, opener, markdown } = earlier;
      const fenceEnd = closer.start.offset + /^ *[`~]*/.exec(text.slice(closer.start.offset, closer.end.offset))![0].length;
      context.report({
        messageId: 'earlier-closer-with-language',
        data: {
          openerLine: opener.start.line,
          line: quoted(text.slice(markdown.start.offset, markdown.end.offset).trim()),
          lineNumber: markdown.start.line,
          closingLine: earlier.closing.start.line,
          fence: fenceInWords(text.slice(closer.start.offset, fenceEnd).trim()),
        },
        place: closer,
        fix: { start: fenceEnd, end: closer.end.offset, text: '' },
      });
      return;
    }
    const nested = block.nestedFence;
    if (nested) {
      // Closing the last block would leave every block from here on paired wrongly; the
      // outer fence's two lines are the fix, and only the author knows where it ends.
      context.report({
        messageId: 'nested-fence',
        data: { outerLine: nested.outer.start.line, innerLine: nested.inner.start.line, fence: fenceInWords(nested.fence) },
        place: nested.closing,
      });
      return;
    }
    const start = block.position.start.offset;
    const lineEnd = text.slice(start).search(/\r\n|\r|\n|$/);
    const lineBreak = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
    const inHtml = block.fenceInHtml;
    if (inHtml) {
      // Closing the block at the end would keep the text after this line as code; the blank
      // line ends the HTML block, and the fence in it then opens the block this line closes.
      const at = inHtml.inner.start.offset;
      context.report({
        messageId: 'fence-in-html',
        data: { innerLine: inHtml.inner.start.line, htmlLine: inHtml.html.start.line },
        place: spanOf(text, start, start + lineEnd),
        fix: { start: at, end: at, text: lineBreak },
      });
      return;
    }
    const withLanguage = block.closerWithLanguage;
    if (withLanguage) {
      // Only the fence is kept: the block closes there, and the fences after it pair as meant
      // (each such closer is told in turn, as the one before it is mended).
      const fenceEnd = withLanguage.start.offset + /^ *[`~]*/.exec(text.slice(withLanguage.start.offset, withLanguage.end.offset))![0].length;
      const after = text.slice(fenceEnd, withLanguage.end.offset).trim();
      if (!isInfoString(after)) {
        // A line break lost before the next line's text (```` ```Notes: ````): deleting it would lose the words.
        context.report({
          messageId: 'closer-with-text',
          data: { text: after, openerLine: block.position.start.line },
          place: withLanguage,
          fix: { start: fenceEnd, end: fenceEnd + text.slice(fenceEnd).search(/\S/), text: lineBreak },
        });
        return;
      }
      context.report({
        messageId: 'closer-with-language',
        data: { openerLine: block.position.start.line, fence: fenceInWords(block.closer) },
        place: withLanguage,
        fix: { start: fenceEnd, end: withLanguage.end.offset, text: '' },
      });
      return;
    }
    const place = spanOf(text, start, start + lineEnd);
    const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
    const item = /^[`~]+$/.test(block.closer) ? listItemBlockAbove(text, lineStart, start, block.closer) : undefined;
    if (item) {
      // Indented as the item's content, the fence closes the item's block, and the item runs on to it.
      context.report({
        messageId: 'fence-outside-list-item',
        data: { openerLine: item.openerLine, indent: item.indent },
        place,
        fix: { start: lineStart, end: start, text: ' '.repeat(item.indent) },
      });
      return;
    }
    const markdown = block.markdownInside;
    if (markdown) {
      // Closing the block at the end would keep that Markdown code for good: only the author knows which fix it is.
      const line = text.slice(markdown.start.offset, markdown.end.offset).trim();
      context.report({ messageId: 'unclosed-fence-over-markdown', data: { line, lineNumber: markdown.start.line }, place });
      return;
    }
    // A bare fence before a closing remark or two (`This agent helps users ...`) is most often
    // left over from a block closed above: closing it at the end would make the remark code.
    const remark = /^[`~]+[ \t]*$/.test(text.slice(start, start + lineEnd).trim()) ? proseToEnd(text, start + lineEnd) : undefined;
    if (remark) {
      context.report({ messageId: 'unclosed-fence-over-markdown', data: { line: quoted(remark.line), lineNumber: remark.lineNumber }, place });
      return;
    }
    const ending = /(?:\r\n|\r|\n)$/.test(text) ? '' : lineBreak;
    const isFence = /^[`~]+$/.test(block.closer);
    // A fence on the document's last line (a leftover, most often) takes no content at all: deleting it is the fix.
    if (isFence && text.slice(start + lineEnd).trim() === '') {
      context.report({ messageId: 'stray-fence', data: { fence: fenceInWords(block.closer) }, place, fix: { start: lineStart, end: text.length, text: '' } });
      return;
    }
    context.report({
      ...(isFence ? { messageId: 'unclosed-fence', data: { fence: fenceInWords(block.closer) } } : { messageId: 'unclosed-html', data: { closer: block.closer } }),
      place,
      // Closing it at the very end changes nothing that is shown: the block already ran there.
      fix: { start: text.length, end: text.length, text: `${ending}${block.closer}${lineBreak}` },
    });
  },
};

/** A list item's first line: its marker and the spaces after it, whose width sets where the item's content is. */
const listMarker = /^( {0,3})([-*+]|\d{1,9}[.)])( {1,4})\S/;

/**
 * The code block in a list item that a bare fence at `start` (less indented than the item's
 * content) was meant to close: the nearest fence above opened it with the same character, no
 * longer than this one, indented as the content of the list item whose marker is above it, and
 * every line since is blank or indented as much. CommonMark ended the item, and the block with
 * it, on the line above the fence, which opens a block of its own.
 */
function listItemBlockAbove(text: string, lineStart: number, start: number, fence: string): { openerLine: number; indent: number } | undefined {
  const fenceIndent = start - lineStart;
  const lines = text.slice(0, lineStart).split(/\r\n|\r|\n/);
  lines.pop();
  let leastIndent = Infinity;
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    const indent = /^ */.exec(line)![0].length;
    const opener = /^ *([`~]{3,})/.exec(line)?.[1];
    if (opener === undefined) {
      leastIndent = Math.min(leastIndent, indent);
      continue;
    }
    // The nearest fence above is the block's opener, or nothing here is this case.
    if (opener[0] !== fence[0] || opener.length > fence.length || indent <= fenceIndent || leastIndent < indent) return undefined;
    // The list item whose content the opener is indented as: the nearest line above indented less.
    for (let above = index - 1; above >= 0; above--) {
      const holder = lines[above]!;
      if (holder.trim() === '' || /^ */.exec(holder)![0].length >= indent) continue;
      const marker = listMarker.exec(holder);
      return marker && marker[1]!.length + marker[2]!.length + marker[3]!.length === indent ? { openerLine: index + 1, indent } : undefined;
    }
    return undefined;
  }
  return undefined;
}

/**
 * Whether the line at `offset` lies in an MDX page's ESM block: the lines from one that opens
 * with `import` or `export` to the next blank line, which MDX reads as JavaScript.
 */
function inMdxEsm(text: string, offset: number): boolean {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index]!;
    if (index < lines.length - 1 && line.trim() === '') return false;
    if (/^(?:import|export)\b/.test(line)) return true;
  }
  return false;
}

/** A sentence of prose: a capital first, three words at least, an end stop, and none of code's punctuation. */
const proseLine = /^\p{Lu}[^`{}[\]<>;=|\\$]*\s[^`{}[\]<>;=|\\$]*\s[^`{}[\]<>;=|\\$]*[.!?…]$/u;

/** The first line after `from`, when what follows is one to three lines, each a sentence of prose. */
function proseToEnd(text: string, from: number): { line: string; lineNumber: number } | undefined {
  const lines = text.slice(from).split(/\r\n|\r|\n/).slice(1);
  const written = lines.map((line, index) => ({ line: line.trim(), index })).filter(({ line }) => line !== '');
  if (written.length === 0 || written.length > 3 || !written.every(({ line }) => proseLine.test(line))) return undefined;
  const fenceLine = text.slice(0, from).split(/\r\n|\r|\n/).length;
  return { line: written[0]!.line, lineNumber: fenceLine + 1 + written[0]!.index };
}

/** A long line shown by its first words. */
function quoted(line: string): string {
  return line.length <= 60 ? line : `${line.slice(0, 60).replace(/\s+\S*$/, '')} …`;
}

/** A fence said in words: a run of backticks inside a code span cannot be read. */
function fenceInWords(fence: string): string {
  return `${fence.length} ${fence[0] === '`' ? 'backticks' : 'tildes'}`;
}

/**
 * Whether what follows a fence reads as a language and its attributes (`yaml`, `c++`,
 * `js title="a.js"`, `python {1,3}`), not as words of the next line glued to it (`Notes:`,
 * `Then restart it`).
 */
function isInfoString(info: string): boolean {
  const [language = '', ...rest] = info.split(/\s+/);
  if (!/^[\w+#.-]*\w[\w+#-]*$/.test(language)) return false;
  return rest.length < 2 || /[={"']/.test(rest.join(' '));
}
