/**
 * Where frontmatter is, judged as remark-frontmatter judges it with its `yaml` and `toml`
 * matters: a fence line (`---` for YAML, `+++` for TOML, as Hugo and Zola write it; spaces or
 * tabs may follow) opens the text, and the next line of the same fence closes it. One home for
 * the rule, so the parser's pieces, its quick path and the corpus loader's guards all agree.
 */

/** The languages frontmatter is written in, named as remark-frontmatter names its nodes. */
export type FrontmatterKind = 'yaml' | 'toml';

const fenceLines: Record<FrontmatterKind, RegExp> = { yaml: /^---[ \t]*$/, toml: /^\+\+\+[ \t]*$/ };
const lineBreak = /\r\n|\r|\n/g;

/** The kind of frontmatter whose fence `line` (without its line ending) is, or undefined. */
export function frontmatterFenceKind(line: string): FrontmatterKind | undefined {
  if (fenceLines.yaml.test(line)) return 'yaml';
  if (fenceLines.toml.test(line)) return 'toml';
  return undefined;
}

/** Whether `line` (without its line ending) is a frontmatter fence: of `kind`, or of either kind. */
export function isFrontmatterFence(line: string, kind?: FrontmatterKind): boolean {
  return kind ? fenceLines[kind].test(line) : frontmatterFenceKind(line) !== undefined;
}

/**
 * The frontmatter that `text` (a byte order mark already dropped) opens: its kind, how many
 * lines it takes, fences included, and whether a closing fence of its kind ends it.
 * `undefined` when the text opens none.
 */
export function frontmatterAt(text: string): { kind: FrontmatterKind; lines: number; closed: boolean } | undefined {
  lineBreak.lastIndex = 0;
  const first = lineBreak.exec(text);
  // An opening fence needs a line after it.
  const kind = first ? frontmatterFenceKind(text.slice(0, first.index)) : undefined;
  if (!first || !kind) return undefined;
  let lines = 1;
  for (let start = first.index + first[0].length; ; ) {
    lines++;
    lineBreak.lastIndex = start;
    const next = lineBreak.exec(text);
    if (isFrontmatterFence(text.slice(start, next ? next.index : text.length), kind)) return { kind, lines, closed: true };
    if (!next) return { kind, lines, closed: false };
    start = next.index + next[0].length;
  }
}
