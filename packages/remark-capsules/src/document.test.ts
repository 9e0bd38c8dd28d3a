import { describe, expect, it } from 'vitest';
import { parseCapsuleDocument } from './parse.js';

describe('document facts', () => {
  it('keeps a space where a hard break splits a checklist item', () => {
    const { model } = parseCapsuleDocument('- [ ] Verify first\\\n  then proceed (RiskDiscovery)\n');
    expect(model.checklist[0]?.text).toBe('Verify first then proceed (RiskDiscovery)');
  });
});
