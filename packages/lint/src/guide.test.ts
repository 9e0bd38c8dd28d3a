/**
 * The user's guide and our own content, checked with the `recommended` preset: the guide's
 * findings are exactly its real problems (see "The user's guide" in the README).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KnowledgeGraph, loadGraph, readDocument } from '@capsule-docs/graph';
import { describe, expect, it } from 'vitest';
import type { VFileMessage } from 'vfile-message';
import { lintGraph } from './host.js';

const contentRoot = fileURLToPath(new URL('../../../content/', import.meta.url));
const guidePath = 'collaborative-planning-lifecycle.md';

let guide: KnowledgeGraph | undefined;

/** The guide as a corpus of one, in a folder by itself; parsed once for all the tests. */
function guideAlone(): KnowledgeGraph {
  guide ??= new KnowledgeGraph({ documents: [readDocument(guidePath, readFileSync(`${contentRoot}${guidePath}`))] });
  return guide;
}

const severityOf = (message: VFileMessage) => (message.fatal === true ? 'error' : message.fatal === false ? 'warn' : 'info');

function summary(messages: VFileMessage[]): string[] {
  return messages.map((message) => {
    const place = message.place as { start: { line: number; column: number }; end: { line: number; column: number } };
    return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column} ${severityOf(message)} ${message.ruleId}/${message.messageId}`;
  });
}

/** The guide's real problems, in the order a reporter lists them. */
const guideFindings = [
  // ClusterSpecificity: `(main, staging, both)`, an aside in the invariant.
  '72:30-72:51 warn invariant-timeless/parenthesis',
  // ClusterSpecificity: `DualClusterIsolation (in ARCHITECTURE.md)`, a document the guide ships without.
  '85:12-85:32 error see-also-resolves/missing-document',
  // RiskDiscovery: `Ask "what could go wrong?" during planning`.
  '115:5-115:27 warn invariant-timeless/quote',
  // BlamelessLearning: `ask "what happened" and "how", never "who" or "why didn't you"`.
  '164:23-164:38 warn invariant-timeless/quote',
  // BlamelessLearning: `SeeAlso: Etsy's blameless postmortem philosophy`, free text.
  '178:12-178:50 info see-also-resolves/external',
];

describe("the user's guide alone, with the recommended preset", () => {
  it('reports exactly its real problems', () => {
    const result = lintGraph(guideAlone());
    expect(result.files.map((file) => file.path)).toEqual([guidePath]);
    expect(summary(result.files[0]!.messages)).toEqual(guideFindings);
  });

  it('tells the missing document apart from the free text, by message and data', () => {
    const messages = lintGraph(guideAlone()).files[0]!.messages.filter((message) => message.ruleId === 'see-also-resolves');
    expect(messages.map((message) => [message.messageId, message.data])).toEqual([
      ['missing-document', { target: 'ARCHITECTURE.md' }],
      ['external', { target: "Etsy's blameless postmortem philosophy" }],
    ]);
  });

  it('drops the missing-document finding once ARCHITECTURE.md is declared external', () => {
    const result = lintGraph(guideAlone(), { externalDocuments: ['ARCHITECTURE.md'] });
    expect(summary(result.files[0]!.messages)).toEqual(guideFindings.filter((finding) => !finding.includes('missing-document')));
  });

  it('fails only ends-with-checklist more under the strict preset, which turns it on', () => {
    const result = lintGraph(guideAlone(), { preset: 'strict' });
    const added = summary(result.files[0]!.messages).filter((finding) => !guideFindings.includes(finding));
    expect(added).toEqual(['332:1-332:19 error ends-with-checklist/not-last']);
  });
});

describe('our own content folder', () => {
  it('has no errors once ARCHITECTURE.md is declared external, and only the guide’s warnings', async () => {
    const { graph } = await loadGraph({ root: contentRoot });
    const result = lintGraph(graph, { externalDocuments: ['ARCHITECTURE.md'] });
    const findings = result.files.flatMap((file) => summary(file.messages).map((finding) => `${file.path} ${finding}`));
    expect(findings).toEqual(guideFindings.filter((finding) => !finding.includes('error')).map((finding) => `${guidePath} ${finding}`));
  });
});
