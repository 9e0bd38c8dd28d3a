/**
 * Where YAML frontmatter is, judged as remark-frontmatter judges it: a `---` line (spaces or
 * tabs may follow) opens the text, and the next such line closes it. One home for the rule,
 * so the parser's pieces, its quick path and the corpus loader's guards all agree.
 */

const fenceLine = /^---[ \t]*$/;
const lineBreak = /\r\n|\r|\n/g;

/** Whether `line` (without its line ending) is a frontmatter fence. */
export function isFrontmatterFence(line: string): boolean {
  return fenceLine.test(line);
}

/**
 * The frontmatter that `text` (a byte order mark already dropped) opens: how many lines it
 * takes, fences included, and whether a closing fence ends it. `undefined` when the text
 * opens none.
 */
export function frontmatterAt(text: string): { lines: number; closed: boolean } | undefined {
  lineBreak.lastIndex = 0;
  const first = lineBreak.exec(text);
  // An opening fence needs a line after it.
  if (!first || !isFrontmatterFence(text.slice(0, first.index))) return undefined;
  let lines = 1;
  for (let start = first.index + first[0].length; ; ) {
    lines++;
    lineBreak.lastIndex = start;
    const next = lineBreak.exec(text);
    if (isFrontmatterFence(text.slice(start, next ? next.index : text.length))) return { lines, closed: true };
    if (!next) return { lines, closed: false };
    start = next.index + next[0].length;
  }
}
