/**
 * References and paths that try to leave the corpus: they are reported as outside the root
 * (an error of see-also-resolves or link-resolves) and nothing outside is ever read. SeeAlso
 * cycles end every walk over the graph.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectCapsules } from '@capsule-docs/export';
import { KnowledgeGraph, loadGraph, readDocument } from '@capsule-docs/graph';
import { lintGraph } from '@capsule-docs/lint';
import { afterAll, describe, expect, it } from 'vitest';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'capsule-hostile-'));
  folders.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const escapes = [
  '../../etc/passwd',
  '/etc/passwd',
  'file:///etc/passwd',
  '%2e%2e/%2e%2e/secret.md',
  '..%2F..%2Fsecret.md',
  '..\\..\\secret.md',
  'C:\\Windows\\win.ini',
  'C:/Windows/win.ini',
  'docs/../../secret.md',
];

const hostileDocument = `# Escapes

${escapes.map((target, index) => `[link ${index}](<${target.replace(/\\/g, '\\\\')}>)`).join('\n')}

### Capsule: EscapingReferences

**Invariant**
References never leave the corpus.

**Example**
See the links above.

**Depth**

- SeeAlso: ${escapes.filter((target) => !target.includes(',')).map((target) => `\`${target}\``).join(', ')}
- SeeAlso: SecretCapsule (in ../outside/secret.md), Other (in /etc/passwd.md), Third (in %2e%2e/x.md)
`;

describe('references that leave the corpus root', () => {
  it('are outside-root edges and lint errors, and nothing outside the root is read', async () => {
    const outside = folder({ 'secret.md': '# Secret\n\n### Capsule: SecretCapsule\n\n**Invariant**\nSecret text.\n' });
    const root = folder({ 'escapes.md': hostileDocument });
    symlinkSync(join(outside, 'secret.md'), join(root, 'leak.md'));
    symlinkSync(outside, join(root, 'leaked-folder.md'));
    symlinkSync(join(root, 'loop-a.md'), join(root, 'loop-b.md'));
    symlinkSync(join(root, 'loop-b.md'), join(root, 'loop-a.md'));

    const { graph, corpus } = await loadGraph({ root });
    const edges = graph.edges.filter((edge) => edge.document === 'escapes.md' && edge.kind !== 'mentions');
    expect(edges.filter((edge) => edge.status !== 'outside-root').map((edge) => `${edge.kind} ${edge.target} ${edge.status}`)).toEqual([]);
    expect(edges.filter((edge) => edge.kind === 'links-to')).toHaveLength(escapes.length);

    // The linked file and the folder behind the link are refused; the loop is reported.
    const fileFindings = corpus.documents.flatMap((document) => document.messages.map((message) => `${document.path} ${message.ruleId}`));
    expect(fileFindings.sort()).toEqual(['leak.md outside-root', 'leaked-folder.md outside-root', 'loop-a.md unreadable-file', 'loop-b.md unreadable-file']);
    expect(graph.capsule('SecretCapsule')).toBeUndefined();
    expect(corpus.documents.some((document) => document.text.includes('Secret text'))).toBe(false);

    const lint = lintGraph(graph).files.find((file) => file.path === 'escapes.md')!;
    const outsideFindings = lint.messages.filter((message) => message.messageId === 'outside-root');
    expect(outsideFindings).toHaveLength(edges.length);
    expect(outsideFindings.every((message) => message.fatal === true)).toBe(true);
    expect(new Set(outsideFindings.map((message) => message.ruleId))).toEqual(new Set(['see-also-resolves', 'link-resolves']));
  });
});

describe('SeeAlso cycles', () => {
  const capsule = (name: string, seeAlso: string) =>
    `### Capsule: ${name}\n\n**Invariant**\n${name} holds.\n\n**Example**\nAn example.\n\n**Depth**\n\n- SeeAlso: ${seeAlso}\n`;
  const encoder = new TextEncoder();
  const graph = new KnowledgeGraph({
    documents: [
      readDocument('a.md', encoder.encode(`${capsule('AlphaRule', 'BetaRule, AlphaRule')}\n${capsule('BetaRule', 'GammaRule')}`)),
      readDocument('b.md', encoder.encode(capsule('GammaRule', 'AlphaRule, BetaRule'))),
    ],
  });

  it('end the neighbourhood walk, each capsule met once', () => {
    for (const direction of ['out', 'both'] as const) {
      expect(graph.neighbourhood('AlphaRule', Number.MAX_SAFE_INTEGER, direction).map(({ capsule, distance }) => [capsule.name, distance])).toEqual([
        ['BetaRule', 1],
        ['GammaRule', direction === 'out' ? 2 : 1],
      ]);
    }
  });

  it('end the export selection at any depth', () => {
    const selected = selectCapsules(graph, { capsules: ['GammaRule'], depth: 1_000_000 });
    expect(selected.map((entry) => [entry.node.name, entry.distance])).toEqual([
      ['GammaRule', 0],
      ['AlphaRule', 1],
      ['BetaRule', 1],
    ]);
  });
});
