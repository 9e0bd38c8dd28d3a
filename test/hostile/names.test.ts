/**
 * Capsule names built to escape a folder or to hide characters: the checker reports every
 * one (a warning in `recommended`, as name style is; an error in `strict`), each gets a page address that stays under /capsules/, and the exports
 * carry them as inert text.
 */
import { exportCorpus } from '@capsule-docs/export';
import { KnowledgeGraph } from '@capsule-docs/graph';
import { lintGraph } from '@capsule-docs/lint';
import { parseCapsuleDocument } from 'remark-capsules';
import { describe, expect, it } from 'vitest';
import { siteUrls } from '../../site/src/lib/urls.js';

const hostileNames = [
  '../../escape',
  '..',
  '.',
  'folder/Name',
  'back\\slash',
  '%2e%2e%2fEncoded',
  'Nul\0Name',
  'Zero\u200bWidth',
  'Joiner\u200dName',
  '\u041dоmoglyph',
  'Right\u202eToLeft',
  '<script>alert(1)</script>',
  'CON',
  'x'.repeat(300),
];

function graphOf(names: string[]): KnowledgeGraph {
  const text = names.map((name) => `### Capsule: ${name}\n\n**Invariant**\n${name.length} characters.\n`).join('\n');
  const { model, messages } = parseCapsuleDocument(text, 'names.md');
  return new KnowledgeGraph({ documents: [{ path: 'names.md', model, messages, text }] });
}

describe('hostile capsule names', () => {
  const graph = graphOf(hostileNames);

  it('are read as written, but for NUL, which the parser replaces as CommonMark asks', () => {
    expect(graph.capsules.map((node) => node.name)).toEqual(hostileNames.map((name) => name.replace('\0', '\uFFFD')));
  });

  it('are each reported by capsule-name or ascii-only, as an error in strict, except plain all-capital words', () => {
    const unreportedWith = (preset: 'recommended' | 'strict', severity: boolean) => {
      const messages = lintGraph(graph, { preset }).files[0]!.messages.filter((message) => message.ruleId === 'capsule-name' || message.ruleId === 'ascii-only');
      const reportedLines = new Set(messages.filter((message) => message.fatal === severity).map((message) => message.line));
      return graph.capsules.filter((node) => !reportedLines.has(node.capsule.headingPosition.start.line)).map((node) => node.name);
    };
    expect(unreportedWith('recommended', false)).toEqual(['CON']);
    expect(unreportedWith('strict', true)).toEqual(['CON']);
  });

  it('get page addresses that stay under /capsules/, one segment each, all different', () => {
    const urls = siteUrls({ base: '/', documents: ['names.md'], home: undefined, capsules: hostileNames, tags: [], categories: [] });
    const segments = hostileNames.map((name) => urls.capsuleSegment(name));
    for (const [index, segment] of segments.entries()) {
      expect(segment, hostileNames[index]).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
      const path = new URL(urls.capsule(hostileNames[index]!), 'https://docs.example/').pathname;
      expect(path).toBe(`/capsules/${segment}/`);
    }
    expect(new Set(segments.map((segment) => segment.toLowerCase())).size).toBe(segments.length);
  });

  it('stay inert text in XML and JSON bundles', async () => {
    const xml = (await exportCorpus(graph, { format: 'xml', rootName: 'names', selection: {} })).output;
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;');
    const json = JSON.parse((await exportCorpus(graph, { format: 'json', rootName: 'names', selection: {} })).output) as { capsules: { name: string }[] };
    expect(json.capsules.map((capsule) => capsule.name)).toContain('<script>alert(1)</script>');
    expect(xml.includes('\0') || JSON.stringify(json).includes('\\u0000')).toBe(false);
  });
});
