import { describe, expect, it } from 'vitest';
import { summarizeModel } from './summary.js';
import { isStub } from './stub-copies.js';
import { capsuleText, graphFromTexts } from './testing.js';

const stub = '### Capsule: RiskDiscovery\n\n**Invariant**: Name what could break first.\n\nThe full capsule is in docs/planning.md.\n';

describe('stub copies of a capsule', () => {
  const graph = graphFromTexts({
    'AGENTS.md': `# Agents\n\n${stub}`,
    'docs/planning.md': ['# Planning', '', capsuleText('RiskDiscovery'), capsuleText('ScopeCut', 'RiskDiscovery')].join('\n'),
  });

  it('lead a name to the full definition, though the stub comes first in path order', () => {
    expect(graph.capsule('RiskDiscovery')?.document).toBe('docs/planning.md');
    expect(graph.capsulesNamed('RiskDiscovery').map((node) => node.document)).toEqual(['docs/planning.md', 'AGENTS.md']);
    const edge = graph.edges.find((candidate) => candidate.kind === 'see-also' && candidate.from === 'ScopeCut');
    expect(edge?.to?.document).toBe('docs/planning.md');
  });

  it('are told from full capsules in a summarized model too', () => {
    for (const path of ['AGENTS.md', 'docs/planning.md']) {
      const model = graph.document(path)!.model;
      expect(model.capsules.map(isStub)).toEqual(summarizeModel(model).capsules.map(isStub));
    }
    expect(isStub(graph.document('AGENTS.md')!.model.capsules[0]!)).toBe(true);
    expect(isStub(graph.document('docs/planning.md')!.model.capsules[0]!)).toBe(false);
  });

  it('keep document order among full definitions', () => {
    const twice = graphFromTexts({ 'a.md': capsuleText('RiskDiscovery'), 'b.md': capsuleText('RiskDiscovery') });
    expect(twice.capsulesNamed('RiskDiscovery').map((node) => node.document)).toEqual(['a.md', 'b.md']);
  });
});
