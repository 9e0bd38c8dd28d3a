// Regenerate schemas/config.schema.json from the lint package's rules (after `tsc -b`).
import { writeFileSync } from 'node:fs';
import { rules } from '@capsule-docs/lint';
import { configSchema, schemaFileUrl } from '../dist/config/schema.js';

const schema = configSchema(rules.map((rule) => rule.meta));
writeFileSync(schemaFileUrl, `${JSON.stringify(schema, null, 2)}\n`);
console.log(`wrote ${schemaFileUrl.pathname} (${rules.length} rules)`);
