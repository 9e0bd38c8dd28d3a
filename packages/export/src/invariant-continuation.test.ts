/**
 * What follows an invariant's paragraph unlabelled (a list under a lead-in ending in a colon)
 * is not the invariant the rules read, but it is the author's text: bundles keep it under the
 * invariant instead of dropping it.
 */
import { KnowledgeGraph, readDocument } from '@capsule-docs/graph';
import { parseCapsuleDocument } from 'remark-capsules';
import { describe, expect, it } from 'vitest';
import { createBundle, type BundleFormat } from './bundle.js';
import { loadTokenCounter } from './tokens.js';

const counter = await loadTokenCounter('o200k_base');
const text = [
  '# Sources',
  '',
  '### Capsule: SourceKinds',
  '',
  '**Invariant**',
  'Three kinds of source exist, one folder each:',
  '- `chart` under `sources/chart/`',
  '- `archive` under `sources/archive/`',
  '- `address` under `sources/address/`',
  '',
  '**Example**',
  'A chart source names its chart and version.',
  '',
  '**Depth**',
  '- Distinction: a kind is a folder, not a field',
].join('\n');
const graph = new KnowledgeGraph({ documents: [readDocument('sources.md', new TextEncoder().encode(text))] });
const bundle = (format: BundleFormat) => createBundle(graph, { format, selection: { capsules: ['SourceKinds'] }, counter });

describe('blocks under an invariant', () => {
  it('are read by the rules apart from the invariant', () => {
    const [capsule] = parseCapsuleDocument(text).model.capsules;
    expect(capsule!.invariant?.text).toBe('Three kinds of source exist, one folder each:');
    expect(capsule!.stray.map((block) => [block.block, block.nodes.map((node) => node.type)])).toEqual([['list', ['list']]]);
  });

  it('follow the invariant in a Markdown bundle, before the Example', () => {
    const { output } = bundle('markdown');
    expect(output).toContain(
      '**Invariant**\n\nThree kinds of source exist, one folder each:\n- `chart` under `sources/chart/`\n- `archive` under `sources/archive/`\n- `address` under `sources/address/`\n\n**Example**',
    );
  });

  it('are part of the invariant in a JSON bundle', () => {
    const json = JSON.parse(bundle('json').output) as { capsules: { invariant?: string }[] };
    expect(json.capsules[0]!.invariant).toMatch(/one folder each:\n- `chart`[\s\S]*`sources\/address\/`$/);
  });
});
