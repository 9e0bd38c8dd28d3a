/**
 * Every JSON Schema the packages ship is valid against its meta-schema. The code compiles
 * shipped schemas without that check (it costs as much as the compilation), so this test is
 * where a mistake in one is caught.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../cli/helpers.js';

/** The build puts a copy of the graph package's configuration schema here, for a stable `$schema` path in installs. */
const copiedByTheBuild = join('packages', 'cli', 'schemas', 'config.schema.json');

const shipped = readdirSync(join(repositoryRoot, 'packages')).flatMap((name) => {
  const folder = join(repositoryRoot, 'packages', name, 'schemas');
  let files: string[] = [];
  try {
    files = readdirSync(folder).filter((file) => file.endsWith('.schema.json'));
  } catch {
    return [];
  }
  return files.map((file) => join('packages', name, 'schemas', file)).filter((path) => path !== copiedByTheBuild);
});

describe('the shipped JSON Schemas', () => {
  it('are the five the packages validate with', () => {
    expect(shipped.map((path) => path.split('/').at(-1)).sort()).toEqual([
      'bundle.schema.json',
      'config.schema.json',
      'frontmatter.schema.json',
      'graph.schema.json',
      'skill.schema.json',
    ]);
  });

  it.each(shipped)('%s is a valid draft 2020-12 schema', (path) => {
    const schema = JSON.parse(readFileSync(join(repositoryRoot, path), 'utf8')) as Record<string, unknown>;
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    const ajv = new Ajv2020({ strict: false });
    const valid = ajv.validateSchema(schema);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('ship the configuration schema with the command as the graph package\'s own file, unchanged', () => {
    const source = readFileSync(join(repositoryRoot, 'packages', 'graph', 'schemas', 'config.schema.json'), 'utf8');
    expect(readFileSync(join(repositoryRoot, copiedByTheBuild), 'utf8')).toBe(source);
  });

  it('catches a schema that breaks the meta-schema', () => {
    const ajv = new Ajv2020({ strict: false });
    expect(ajv.validateSchema({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'strin' })).toBe(false);
  });
});
