/**
 * The JavaScript in an MDX page's JSX attributes, blanked before the page is parsed:
 * `<Fragment set:html={"<pre><span class=\"x\">…"} />` and `<Card links={[…]} />` are
 * JavaScript to MDX, never Markdown. micromark, which reads MDX pages here without MDX's own
 * extensions, would take such a string for inline HTML and emphasis, as many markers as the
 * string holds, each costing parse time (and counting against `limits.maxInlineMarkers`).
 *
 * Only a tag that starts a line outside a fenced code block is read, as MDX reads a JSX
 * element there; each attribute expression's characters (spreads too) become spaces, its braces
 * and line breaks kept, so every place in the page stays where it was. A tag that does not end
 * as JSX ends is left as it is. Each character is scanned at most once or twice: a tag that
 * fails is not tried again from inside it.
 */
import { closesFence, fenceOpenedBy } from './fences.js';

/** `text` with the expressions of its JSX attributes blanked (see above); `text` itself when it has none. */
export function blankAttributeExpressions(text: string): string {
  if (!text.includes('{')) return text;
  const blanks: [number, number][] = [];
  let fence: string | undefined;
  let lineStart = 0;
  while (lineStart < text.length) {
    const lineEnd = endOfLine(text, lineStart);
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    let next = lineEnd + 1;
    if (fence !== undefined) {
      if (closesFence(line, fence, true)) fence = undefined;
    } else if ((fence = fenceOpenedBy(line, true)) === undefined) {
      // One tag after another on the line: `<Tabs items={[…]}><Tab value={1}>`.
      let at = lineStart + (/^[ \t]*/.exec(line)![0].length);
      while (text[at] === '<' && /[A-Za-z]/.test(text[at + 1] ?? '')) {
        const tag = scanTag(text, at);
        if ('failedAt' in tag) {
          next = Math.max(next, endOfLine(text, tag.failedAt) + 1);
          break;
        }
        blanks.push(...tag.expressions);
        at = tag.end;
        while (text[at] === ' ' || text[at] === '\t') at++;
        next = Math.max(next, endOfLine(text, at) + 1);
      }
    }
    lineStart = next;
  }
  if (blanks.length === 0) return text;
  let blanked = '';
  let from = 0;
  for (const [start, end] of blanks) {
    blanked += text.slice(from, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    from = end;
  }
  return blanked + text.slice(from);
}

function endOfLine(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

type Scan = { end: number; expressions: [number, number][] } | { failedAt: number };

const tagName = /[A-Za-z][\w.:-]*/y;
const attributeName = /[A-Za-z_:$][\w:.$-]*/y;

/** The JSX tag opening at `start` (`<`): where it ends, and the insides of its attribute expressions. */
function scanTag(text: string, start: number): Scan {
  tagName.lastIndex = start + 1;
  if (!tagName.test(text)) return { failedAt: start };
  let at = tagName.lastIndex;
  const expressions: [number, number][] = [];
  for (;;) {
    at = skipSpace(text, at);
    if (text.startsWith('/>', at)) return { end: at + 2, expressions };
    if (text[at] === '>') return { end: at + 1, expressions };
    if (text[at] === '{') {
      const end = expressionEnd(text, at);
      if ('failedAt' in end) return end;
      expressions.push([at + 1, end.end - 1]);
      at = end.end;
      continue;
    }
    attributeName.lastIndex = at;
    if (!attributeName.test(text)) return { failedAt: at };
    at = skipSpace(text, attributeName.lastIndex);
    if (text[at] !== '=') continue;
    at = skipSpace(text, at + 1);
    const quote = text[at];
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, at + 1);
      if (close === -1) return { failedAt: text.length };
      at = close + 1;
    } else if (quote === '{') {
      const end = expressionEnd(text, at);
      if ('failedAt' in end) return end;
      expressions.push([at + 1, end.end - 1]);
      at = end.end;
    } else return { failedAt: at };
  }
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}

/**
 * Where the JavaScript expression whose `{` is at `open` ends (after its `}`): braces counted
 * outside strings, template literals (their `${…}` too) and comments.
 */
function expressionEnd(text: string, open: number): { end: number } | { failedAt: number } {
  // What is open: a brace of code, or a template literal.
  const openers: ('{' | '`')[] = ['{'];
  let at = open + 1;
  while (at < text.length) {
    const character = text[at]!;
    if (openers.at(-1) === '`') {
      if (character === '\\') at += 2;
      else if (character === '`') {
        openers.pop();
        at++;
      } else if (character === '$' && text[at + 1] === '{') {
        openers.push('{');
        at += 2;
      } else at++;
      continue;
    }
    if (character === '"' || character === "'") {
      // A string ends on its line: JavaScript allows no raw line break in one.
      let end = at + 1;
      while (end < text.length && text[end] !== character && text[end] !== '\n') end += text[end] === '\\' ? 2 : 1;
      if (text[end] !== character) return { failedAt: end };
      at = end + 1;
    } else if (character === '`') {
      openers.push('`');
      at++;
    } else if (text.startsWith('//', at)) {
      at = endOfLine(text, at);
    } else if (text.startsWith('/*', at)) {
      const end = text.indexOf('*/', at + 2);
      if (end === -1) return { failedAt: text.length };
      at = end + 2;
    } else if (character === '{') {
      openers.push('{');
      at++;
    } else if (character === '}') {
      openers.pop();
      at++;
      if (openers.length === 0) return { end: at };
    } else at++;
  }
  return { failedAt: text.length };
}
