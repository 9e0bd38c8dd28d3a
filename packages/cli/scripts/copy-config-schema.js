// The configuration schema is the graph package's (it reads the configuration). A copy ships
// with the command, so that a `$schema` can name it at a stable path in an install where
// only the command is a direct dependency: ./node_modules/@capsule-docs/cli/schemas/.
import { copyFileSync, mkdirSync } from 'node:fs';
import { configSchemaFileUrl } from '@capsule-docs/graph';

const target = new URL('../schemas/config.schema.json', import.meta.url);
mkdirSync(new URL('.', target), { recursive: true });
copyFileSync(configSchemaFileUrl, target);
