import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from './rules/index.js';
import { rulesTable, rulesTableMarkers, withRulesTable } from './rules-table.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('the rules table', () => {
  it('has one row per rule with its id, default severity, fixability and docs link', () => {
    const rows = rulesTable().split('\n').slice(2);
    expect(rows).toHaveLength(rules.length);
    rules.forEach((rule, index) => {
      const cells = rows[index]!.split('|').map((cell) => cell.trim());
      expect(cells.slice(1, 6)).toEqual([
        `\`${rule.meta.id}\``,
        rule.meta.description,
        `\`${rule.meta.defaultSeverity}\``,
        rule.meta.fixable ? 'yes' : 'no',
        `[docs](src/rules/${rule.meta.id}/README.md)`,
      ]);
    });
  });

  it('in the README matches the rules (run `pnpm --filter @capsule-docs/lint rules-table` to update it)', () => {
    expect(readme).toContain(rulesTableMarkers.start);
    expect(withRulesTable(readme)).toBe(readme);
  });

  it('cannot be placed in a README without the markers', () => {
    expect(() => withRulesTable('# No markers\n')).toThrow(/markers/);
  });
});
