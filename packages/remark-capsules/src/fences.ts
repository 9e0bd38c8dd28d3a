/**
 * The CommonMark rules for code fences, for the few places that must judge a line without a
 * parse (a size guard before parsing) or judge the source of a code node (whether its
 * closing fence is there). The parser itself is micromark's; these follow it. With `mdx`,
 * they follow it as MDX runs it, with indented code turned off: a fence may then be indented
 * by any spaces and tabs, as four spaces no longer make the line code.
 */

const opening = /^ {0,3}(`{3,}|~{3,})/;
const mdxOpening = /^[ \t]*(`{3,}|~{3,})/;

/**
 * The fence (its run of backticks or tildes) that `line` opens, or `undefined` when it opens
 * none. A backtick fence whose info string holds a backtick is no fence (it is a code span).
 */
export function fenceOpenedBy(line: string, mdx = false): string | undefined {
  const found = (mdx ? mdxOpening : opening).exec(line);
  if (!found) return undefined;
  const fence = found[1]!;
  if (fence[0] === '`' && line.slice(found[0].length).includes('`')) return undefined;
  return fence;
}

/**
 * Whether `line` closes a block opened by `fence`: up to three spaces (in MDX, any spaces and
 * tabs), a run of the same character at least as long, then only spaces and tabs (no other
 * Unicode space).
 */
export function closesFence(line: string, fence: string, mdx = false): boolean {
  let index = 0;
  while (mdx ? line[index] === ' ' || line[index] === '\t' : index < 3 && line[index] === ' ') index++;
  let run = 0;
  while (line[index] === fence[0]) {
    index++;
    run++;
  }
  return run >= fence.length && /^[ \t]*$/.test(line.slice(index));
}
