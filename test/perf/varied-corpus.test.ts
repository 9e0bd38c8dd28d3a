/**
 * The benchmark's `varied` flavour: each construct it promises is in the documents, the
 * capsules are the plain flavour's, and the fallback report finds what makes the quick
 * parser give up.
 */
import { describe, expect, it } from 'vitest';
import type { Nodes } from 'mdast';
import { parseCapsuleDocument, parseTree } from 'remark-capsules';
import { fallbackReport } from '../../bench/src/fallbacks.js';
import { generateCorpus } from '../../bench/src/generate.js';

const docs = 120;
const varied = [...generateCorpus({ docs, seed: 3, flavour: 'varied' })];
const plain = [...generateCorpus({ docs, seed: 3 })];

function nodeTypes(text: string): Set<string> {
  const types = new Set<string>();
  const visit = (node: Nodes, inList: boolean) => {
    types.add(node.type === 'list' && inList ? 'nestedList' : node.type);
    if ('children' in node) for (const child of node.children) visit(child, inList || node.type === 'list');
  };
  visit(parseTree(text, { quick: false }), false);
  return types;
}

/** In how many documents `found` holds. */
const share = (found: (text: string) => boolean) => varied.filter(([, text]) => found(text)).length;

describe('the varied benchmark corpus', () => {
  it('holds each construct in some documents but not in all', () => {
    const types = varied.map(([, text]) => nodeTypes(text));
    const inSome = (type: string) => types.filter((set) => set.has(type)).length;
    for (const type of ['definition', 'linkReference', 'blockquote', 'image', 'html', 'nestedList']) {
      expect(inSome(type), type).toBeGreaterThan(docs * 0.05);
      expect(inSome(type), type).toBeLessThan(docs * 0.6);
    }
    for (const [name, pattern] of [
      ['escape', /\\\*/],
      ['entity', /&(?:amp|nbsp|mdash|#8594);/],
      ['tab', /\t/],
      ['comment', /<!--/],
    ] as const) {
      expect(share((text) => pattern.test(text)), name).toBeGreaterThan(docs * 0.03);
    }
    expect(plain.some(([, text]) => nodeTypes(text).has('definition'))).toBe(false);
  });

  it('defines the same capsules as the plain flavour, with the same SeeAlso targets', () => {
    for (const [index, [path, text]] of varied.entries()) {
      const capsules = (source: string) =>
        parseCapsuleDocument(source, path).model.capsules.map((capsule) => ({
          name: capsule.name,
          seeAlso: capsule.seeAlso.map((reference) => reference.target),
        }));
      expect(capsules(text), path).toEqual(capsules(plain[index]![1]));
    }
  });

  it('is reported by construct where the quick parser gives up, and the plain flavour not at all', () => {
    const report = fallbackReport({ docs, seed: 3, flavour: 'varied' });
    expect(report.blocks).toBeGreaterThan(0);
    expect(report.wholeDocuments).toBeLessThan(docs);
    // What the quick parser still leaves to micromark; what it builds itself is never counted.
    expect(report.byConstruct['tab'], 'tab').toBeGreaterThan(0);
    for (const name of ['reference definition', 'reference link', 'inline HTML', 'block quote', 'HTML comment', 'image', 'character reference']) {
      expect(report.byConstruct[name], name).toBe(0);
    }
    expect(fallbackReport({ docs, seed: 3 }).blocks).toBe(0);
  });
});
