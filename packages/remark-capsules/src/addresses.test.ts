import { describe, expect, it } from 'vitest';
import { isAddress } from './addresses.js';

describe('isAddress', () => {
  it('takes targets with a scheme and protocol-relative ones', () => {
    for (const target of ['https://example.org/a', 'mailto:team@example.org', 'docs:///guide.md', 'Git+SSH://host/repo', '//cdn.example.org/x.js']) {
      expect(isAddress(target), target).toBe(true);
    }
  });

  it('leaves paths, anchors and names to the corpus', () => {
    for (const target of ['guide.md', './guide.md#capsule-x', '/docs/guide.md', '#section', 'RiskReview', '1password:', '-x:y']) {
      expect(isAddress(target), target).toBe(false);
    }
  });
});
