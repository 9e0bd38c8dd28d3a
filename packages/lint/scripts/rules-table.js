#!/usr/bin/env node
// Regenerate the rules table in this package's README from the rules' metadata.
// Run after building (`tsc -b`): `node scripts/rules-table.js` rewrites the README,
// `node scripts/rules-table.js --check` exits 1 when the README is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { withRulesTable } from '../dist/index.js';

const readmeUrl = new URL('../README.md', import.meta.url);
const readme = readFileSync(readmeUrl, 'utf8');
const updated = withRulesTable(readme);
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    process.stderr.write('packages/lint/README.md: the rules table is out of date; run `pnpm --filter @capsule-docs/lint rules-table`\n');
    process.exit(1);
  }
} else if (updated !== readme) {
  writeFileSync(readmeUrl, updated);
  process.stdout.write('packages/lint/README.md: rules table updated\n');
}
