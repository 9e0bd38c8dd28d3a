// Regenerate the graph package's schemas/config.schema.json from the lint package's rules
// (after `tsc -b`): the CLI is the package that depends on both.
import { writeFileSync } from 'node:fs';
import { rules } from '@capsule-docs/lint';
import { configSchema, configSchemaFileUrl } from '@capsule-docs/graph';

const schema = configSchema(rules.map((rule) => rule.meta));
writeFileSync(configSchemaFileUrl, `${JSON.stringify(schema, null, 2)}\n`);
console.log(`wrote ${configSchemaFileUrl.pathname} (${rules.length} rules)`);
