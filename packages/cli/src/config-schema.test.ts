import { rules } from '@capsule-docs/lint';
import { describe, expect, it } from 'vitest';
import { configSchema, shippedConfigSchema } from '@capsule-docs/graph';

describe('the shipped configuration schema', () => {
  it('names exactly the lint package\'s rules', () => {
    const shipped = shippedConfigSchema() as { properties: { rules: { properties: Record<string, unknown> } } };
    expect(Object.keys(shipped.properties.rules.properties).sort()).toEqual(rules.map((rule) => rule.meta.id).sort());
  });

  it('is what the generator makes from the rules (run `pnpm --filter @capsule-docs/cli run schema` after changing a rule)', () => {
    expect(shippedConfigSchema()).toEqual(configSchema(rules.map((rule) => rule.meta)));
  });
});
