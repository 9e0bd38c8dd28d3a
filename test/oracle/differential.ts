/**
 * The differential test's two sides: the capsule parser (`parseTree`, quick by default) in this
 * process, and stock remark-parse in a child process that never imports this repository
 * (reference-parser.mjs). A text agrees when both give the same tree, place for place, and the
 * capsule plugin reads the same model and messages from either tree.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import remarkCapsules, { parseTree } from 'remark-capsules';
import { VFile } from 'vfile';

// The script sits next to this module, or one folder up when this module is compiled to dist/.
const referenceScript = [new URL('./reference-parser.mjs', import.meta.url), new URL('../reference-parser.mjs', import.meta.url)]
  .map((url) => fileURLToPath(url))
  .find((path) => existsSync(path))!;

/** Stock remark-parse's trees of `texts`, parsed in a separate process. */
export function referenceTrees(texts: readonly string[]): Root[] {
  const result = spawnSync(process.execPath, [referenceScript], { input: JSON.stringify(texts), maxBuffer: 2 ** 31 - 1, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the reference parser failed: ${result.stderr || String(result.error)}`);
  return JSON.parse(result.stdout) as Root[];
}

/** The model and messages the capsule plugin reads from a prebuilt tree of `text`. */
function modelOf(tree: Root, text: string): string {
  const file = new VFile({ value: text, path: 'doc.md' });
  remarkCapsules()(structuredClone(tree), file);
  const messages = file.messages.map((message) => ({ reason: message.reason, ruleId: message.ruleId, place: message.place }));
  return JSON.stringify({ model: file.data.capsules, messages });
}

export interface Divergence {
  text: string;
  /** Whether the trees differ, and whether the models read from them do. */
  what: 'tree' | 'model' | 'tree and model';
  ours: string;
  reference: string;
}

/** Every text of `texts` on which the capsule parser and stock remark-parse disagree. */
export function divergences(texts: readonly string[]): Divergence[] {
  const references = referenceTrees(texts);
  const found: Divergence[] = [];
  texts.forEach((text, index) => {
    const reference = references[index]!;
    const ours = JSON.parse(JSON.stringify(parseTree(text))) as Root;
    const oursTree = JSON.stringify(ours);
    const referenceTree = JSON.stringify(reference);
    const oursModel = modelOf(ours, text);
    const referenceModel = modelOf(reference, text);
    const treeDiffers = oursTree !== referenceTree;
    const modelDiffers = oursModel !== referenceModel;
    if (modelDiffers) found.push({ text, what: treeDiffers ? 'tree and model' : 'model', ours: oursModel, reference: referenceModel });
    else if (treeDiffers) found.push({ text, what: 'tree', ours: oursTree, reference: referenceTree });
  });
  return found;
}

/** A short account of a divergence: the text and where the two sides first part. */
export function describe(divergence: Divergence): string {
  const { ours, reference } = divergence;
  let at = 0;
  while (at < ours.length && ours[at] === reference[at]) at++;
  const around = (side: string) => side.slice(Math.max(0, at - 80), at + 120);
  return `${divergence.what} differs for ${JSON.stringify(divergence.text.slice(0, 400))}\n  ours:      …${around(ours)}\n  reference: …${around(reference)}`;
}
