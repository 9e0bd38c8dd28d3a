/**
 * Every example of the CommonMark specification through the capsule parser: none throws or
 * fails inside, every place in the tree, the model and the messages lies in the input, and
 * the tree is the same with the quick parser as with micromark alone.
 */
import spec from 'commonmark-spec';
import { parseCapsuleDocument, parseTree } from 'remark-capsules';
import { describe, expect, it } from 'vitest';
import { lineStarts, pointProblem, pointsIn } from './places.js';

// The specification writes tabs as arrows.
const examples = (spec as { tests: { markdown: string; number: number; section: string }[] }).tests.map((example) => ({
  ...example,
  markdown: example.markdown.replace(/→/g, '\t'),
}));

describe('the CommonMark examples', () => {
  it('are all there', () => {
    expect(examples.length).toBeGreaterThan(600);
  });

  it('parse without failing, every place inside the input, with any line ending', () => {
    const problems: string[] = [];
    for (const example of examples) {
      for (const ending of ['\n', '\r\n', '\r']) {
        const text = example.markdown.replace(/\n/g, ending);
        const { tree, model, messages } = parseCapsuleDocument(text, `example-${example.number}.md`);
        const starts = lineStarts(text);
        for (const message of messages) {
          if (message.ruleId === 'internal-error') problems.push(`example ${example.number}: ${message.reason}`);
        }
        for (const point of [...pointsIn(tree), ...pointsIn(model), ...messages.flatMap((message) => pointsIn(message.place))]) {
          const problem = pointProblem(text, starts, point);
          if (problem) problems.push(`example ${example.number} (${example.section}, ${JSON.stringify(ending)}): ${problem}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('parse to the same tree with the quick parser as with micromark alone', () => {
    const differ: number[] = [];
    for (const example of examples) {
      for (const ending of ['\n', '\r\n']) {
        const text = example.markdown.replace(/\n/g, ending);
        const plain = (quick: boolean) => JSON.stringify(parseTree(text, { quick }));
        if (plain(true) !== plain(false)) differ.push(example.number);
      }
    }
    expect(differ).toEqual([]);
  });
});
