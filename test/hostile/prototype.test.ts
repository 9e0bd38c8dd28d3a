/**
 * Frontmatter keys such as `__proto__` and `constructor` never reach a prototype: not when
 * parsed, not through the cache, the graph JSON, the checker or any export format.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportCorpus, exportFormats } from '@capsule-docs/export';
import { graphToJson, loadGraph, validateGraphJson } from '@capsule-docs/graph';
import { lintGraph } from '@capsule-docs/lint';
import { parseCapsuleDocument } from 'remark-capsules';
import { afterAll, describe, expect, it } from 'vitest';

const hostileFrontmatter = `---
description: Keys that would reach a prototype
__proto__: {polluted: 1}
constructor: {prototype: {polluted: 1}}
prototype: {polluted: 1}
tags: ["Pollution", {__proto__: {polluted: 1}}]
audience: {__proto__: {polluted: 1}}
categories: ["Reference[10%]"]
---
# Prototype keys

### Capsule: PollutionProof

**Invariant**
Data from a document never reaches a prototype.

**Example**
Parse, check and export a document with a \`__proto__\` key.

**Depth**

- Distinction: reported, not applied

## Verification Checklist

- [ ] Checked the prototype (PollutionProof)
`;

const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();
const untouched = prototypeNames();
const expectClean = () => {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(prototypeNames()).toEqual(untouched);
};

const root = mkdtempSync(join(tmpdir(), 'capsule-proto-'));
const cache = mkdtempSync(join(tmpdir(), 'capsule-proto-cache-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

describe('prototype keys in frontmatter', () => {
  it('are reported at their keys and kept out of the data', () => {
    const { model, messages } = parseCapsuleDocument(hostileFrontmatter, 'proto.md');
    expect(messages.map((message) => `${message.ruleId} ${message.line}:${message.column}`)).toEqual([
      'yaml-key 3:1',
      'yaml-key 4:1',
      'yaml-key 5:1',
      'yaml-key 6:22',
      'yaml-key 7:12',
    ]);
    expect(Object.keys(model.frontmatter!.data!)).toEqual(['description', 'tags', 'audience', 'categories']);
    expectClean();
  });

  it('reach no prototype through the cache, the graph JSON, the checker or any export', async () => {
    writeFileSync(join(root, 'proto.md'), hostileFrontmatter);
    for (const pass of ['parsed', 'cached']) {
      const { graph, corpus } = await loadGraph({ root, cache: { dir: cache } });
      expect(corpus.stats.cached, pass).toBe(pass === 'cached' ? 1 : 0);
      const json = JSON.parse(JSON.stringify(graphToJson(graph))) as unknown;
      expect(validateGraphJson(json)).toEqual([]);
      const findings = lintGraph(graph).files[0]!.messages.map((message) => message.ruleId);
      expect(findings.filter((id) => id === 'yaml-key')).toHaveLength(5);
      for (const format of exportFormats) await exportCorpus(graph, { format, rootName: 'proto' });
      expectClean();
    }
  });
});
