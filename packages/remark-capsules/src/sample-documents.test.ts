import { describe, expect, it } from 'vitest';
import { parseCapsuleDocument } from './parse.js';
import { isSampleDocument } from './sample-documents.js';

const capsule = '# Shape\n\n### Capsule: CheckedStep\n\n**Invariant**\nEach step names its check.\n';

describe('sample documents', () => {
  it.each([['template.md'], ['skills/a/references/process-template.md'], ['guides/exemplar.md'], ['docs/Knowledge_Template.md'], ['templates.md']])(
    'takes %s for a template or an exemplar',
    (path) => {
      expect(isSampleDocument(path)).toBe(true);
      expect(parseCapsuleDocument(capsule, path).model.capsules.map((found) => found.sample)).toEqual([true]);
    },
  );

  it.each([['guide.md'], ['templating.md'], ['docs/template-engine.md'], ['exemplary.md'], [undefined]])('takes %s for an ordinary document', (path) => {
    expect(isSampleDocument(path)).toBe(false);
    expect(parseCapsuleDocument(capsule, path).model.capsules.map((found) => found.sample)).toEqual([undefined]);
  });
});
