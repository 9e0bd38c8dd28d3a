import { describe, expect, it } from 'vitest';
import { modelAtRevision } from './revision.js';

const committed = '# Plans\n\n### Capsule: PlanReview\n\n**Invariant**\nEvery plan is read by someone else first.\n';

describe('modelAtRevision', () => {
  it('parses the text a path had at a revision, once per reader, and knows a path that did not exist', () => {
    const asked: string[] = [];
    const git = {
      show(ref: string, path: string) {
        asked.push(`${ref}:${path}`);
        return path === 'plans.md' ? committed : undefined;
      },
    };
    const first = modelAtRevision(git, 'HEAD', 'plans.md');
    expect(first?.capsules.map((capsule) => [capsule.name, capsule.invariant?.text])).toEqual([['PlanReview', 'Every plan is read by someone else first.']]);
    expect(modelAtRevision(git, 'HEAD', 'plans.md')).toBe(first);
    expect(modelAtRevision(git, 'HEAD', 'new.md')).toBeUndefined();
    expect(modelAtRevision(git, 'HEAD', 'new.md')).toBeUndefined();
    expect(asked).toEqual(['HEAD:plans.md', 'HEAD:new.md']);
  });
});
