/** The ready-made pipeline every consumer uses: one function from text to model. */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { CapsuleDocument } from './model.js';
import { frontmatterAt } from './frontmatter-fence.js';
import { blankAttributeExpressions } from './mdx-expressions.js';
import { isMdxPath } from './mdx-path.js';
import { parseInPieces } from './pieces.js';
import remarkCapsules from './plugin.js';
import { quickParse } from './quick-parse.js';
import remarkCapsuleSyntax from './syntax.js';

/** Whether the text opens frontmatter that no later fence of its kind (`---`, `+++`) closes. */
function unclosedFrontmatter(text: string): boolean {
  return frontmatterAt(text)?.closed === false;
}

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkCapsuleSyntax)
  .use(remarkCapsules)
  .freeze();

/**
 * MDX has no HTML blocks and no indented code: its JSX takes their place, so a `<Tabs>` line
 * does not swallow the lines after it as an HTML block does, and a fence or a heading inside
 * it is one. micromark is told to leave those two constructs out, as `remark-mdx` does; an
 * inline tag stays inline HTML, so that `## source.define <Badge />` keeps its anchor. The
 * JavaScript of JSX attributes is blanked first (see `blankAttributeExpressions`). Only
 * the parse differs: the tree then goes through `processor`'s plugins as any other, with the
 * page's own text.
 */
const mdxParser = unified()
  .use(remarkParse)
  .use(function mdxBlocks(this: Processor) {
    const data = this.data();
    (data.micromarkExtensions ??= []).push({ disable: { null: ['codeIndented', 'htmlFlow'] } });
  })
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkCapsuleSyntax)
  .freeze();

export interface ParsedDocument {
  tree: Root;
  model: CapsuleDocument;
  messages: VFileMessage[];
}

/** Parse one capsule document. Pure: no I/O; `path` only labels the messages. */
export function parseCapsuleDocument(text: string, path?: string): ParsedDocument {
  const file = new VFile({ value: text, path });
  // An MDX page goes to stock micromark whole: no quick parser stands in for its constructs.
  const tree = isMdxPath(path) ? mdxParser.parse(blankAttributeExpressions(text)) : parseTree(text);
  processor.runSync(tree, file);
  return { tree, model: file.data.capsules!, messages: file.messages };
}

/**
 * micromark drops a byte order mark at the very start of whatever it is given. The document's
 * own mark is dropped once, before the pieces are cut; a piece or a body that still starts
 * with U+FEFF holds it as text, so a mark is put in front for micromark to drop instead.
 */
function parseWithMicromark(text: string): Root {
  return processor.parse(text.startsWith('\uFEFF') ? `\uFEFF${text}` : text);
}

export interface ParseTreeOptions {
  /** False sends everything to micromark: the tree must be the same either way. */
  quick?: boolean;
  /** Told each text handed to micromark (for the benchmark's report of what the quick parser leaves). */
  onMicromark?: (text: string) => void;
}

/**
 * The mdast tree of a document. Each piece goes to the quick parser first; a piece it gives
 * up on is cut into its blocks, and the blocks it gives up on go to micromark.
 */
export function parseTree(text: string, { quick = true, onMicromark }: ParseTreeOptions = {}): Root {
  const micromark = onMicromark
    ? (part: string) => {
        onMicromark(part);
        return parseWithMicromark(part);
      }
    : parseWithMicromark;
  // Places count from after a byte order mark, as micromark counts them.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // After a frontmatter fence that never closes, micromark no longer lets a list interrupt a
  // paragraph anywhere in the document; parsed in pieces, a later piece would not know that,
  // so such a document is parsed whole, whatever its length.
  if (unclosedFrontmatter(body)) return micromark(body);
  if (!quick) return parseInPieces(body, micromark);
  return parseInPieces(body, (piece) => quickParse(piece) ?? parseInPieces(piece, (block) => quickParse(block) ?? micromark(block), 0));
}

/**
 * The parts of a document `parseTree` hands to micromark because the quick parser gave up
 * on them: the blocks, or the whole text after an unclosed frontmatter fence. For the
 * benchmark, which reports what the quick parser does not cover yet.
 */
export function quickParserFallbacks(text: string): string[] {
  const fallbacks: string[] = [];
  parseTree(text, { onMicromark: (part) => fallbacks.push(part) });
  return fallbacks;
}
