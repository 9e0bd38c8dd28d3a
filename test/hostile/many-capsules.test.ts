/**
 * One document of 100,000 capsules, with the size limit raised so it is read: parsing,
 * building the graph, checking and exporting all finish (nothing in them may compare every
 * capsule with every other), and each reference lands on its capsule.
 */
import { exportCorpus } from '@capsule-docs/export';
import { graphToJson, KnowledgeGraph, readDocument } from '@capsule-docs/graph';
import { lintGraph } from '@capsule-docs/lint';
import { describe, expect, it } from 'vitest';
import { manyCapsules } from './make-fixtures.js';

const count = 100_000;

describe('a document of 100,000 capsules', () => {
  it('is parsed, graphed, checked and exported', { timeout: 180_000 }, async () => {
    const text = manyCapsules(count);
    const document = readDocument('many.md', new TextEncoder().encode(text), { limits: { maxFileBytes: 64 * 1024 * 1024 } });
    expect(document.messages).toEqual([]);
    expect(document.model.capsules).toHaveLength(count);
    expect(document.model.mentions).toHaveLength(count / 10);

    const graph = new KnowledgeGraph({ documents: [document] });
    const seeAlso = graph.edges.filter((edge) => edge.kind === 'see-also');
    expect(seeAlso).toHaveLength(count / 10);
    expect(seeAlso.every((edge) => edge.status === 'resolved' && edge.fromCapsule !== undefined)).toBe(true);
    const mentions = graph.edges.filter((edge) => edge.kind === 'mentions');
    // Each mention sits in the capsule it is written under.
    expect(mentions.every((edge) => edge.fromCapsule !== undefined && edge.position.start.offset > edge.fromCapsule.capsule.headingPosition.start.offset)).toBe(true);
    expect(graphToJson(graph).capsules).toHaveLength(count);

    const [checked] = lintGraph(graph).files;
    expect(checked?.messages.filter((message) => message.ruleId === 'internal-error')).toEqual([]);
    expect(checked?.messages.length).toBeGreaterThan(count);

    const { output } = await exportCorpus(graph, { format: 'llms-full', rootName: 'many' });
    expect(output).toContain('Idea0Rule');
  });
});
