/** The ready-made pipeline every consumer uses: one function from text to model. */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { installLinearEdits } from './linear-edits.js';
import type { CapsuleDocument } from './model.js';
import { parseInPieces, remarkKnownDefinitions } from './pieces.js';
import remarkCapsules from './plugin.js';
import remarkCapsuleSyntax from './syntax.js';

installLinearEdits();

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkCapsuleSyntax)
  .use(remarkKnownDefinitions)
  .use(remarkCapsules)
  .freeze();

export interface ParsedDocument {
  tree: Root;
  model: CapsuleDocument;
  messages: VFileMessage[];
}

/** Parse one capsule document. Pure: no I/O; `path` only labels the messages. */
export function parseCapsuleDocument(text: string, path?: string): ParsedDocument {
  const file = new VFile({ value: text, path });
  // Places count from after a byte order mark, as micromark counts them.
  const tree = parseInPieces(text.startsWith('\uFEFF') ? text.slice(1) : text, (piece) => processor.parse(piece));
  processor.runSync(tree, file);
  return { tree, model: file.data.capsules!, messages: file.messages };
}
