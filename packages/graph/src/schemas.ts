/**
 * The JSON Schemas shipped in `schemas/` and their ajv validators. The files are the source
 * of truth: editors and other tools read the same files this code validates with.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

export type SchemaName = 'frontmatter' | 'skill' | 'graph';

/** The kinds of document whose frontmatter a shipped schema describes. */
export type FrontmatterKind = 'capsule' | 'skill';

/** The parsed schema file, e.g. to extend it or to show it to a user. */
export function loadSchema(name: SchemaName): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), 'utf8'));
}

const validators = new Map<object, ValidateFunction>();

/**
 * Compile (once) and return a validator for a schema object. A schema of someone else's is
 * first checked against the JSON Schema meta-schema, so a mistake in it is reported as one;
 * a `shipped` schema is not, as tests check every shipped schema (the meta-schema's own
 * compilation would double the cost of a check of one document).
 */
export function validatorFor(schema: object, options: { shipped?: boolean } = {}): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: !options.shipped });
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

const frontmatterSchemas = new Map<FrontmatterKind, Record<string, unknown>>();
let graphSchema: Record<string, unknown> | undefined;

/** The shipped frontmatter schema of a kind of document, parsed once. */
export function shippedFrontmatterSchema(kind: FrontmatterKind): Record<string, unknown> {
  let schema = frontmatterSchemas.get(kind);
  if (!schema) {
    schema = loadSchema(kind === 'capsule' ? 'frontmatter' : 'skill');
    frontmatterSchemas.set(kind, schema);
  }
  return schema;
}

/**
 * Validate frontmatter data against `schema` (default: the shipped capsule schema); an
 * empty list means it is valid.
 */
export function validateFrontmatter(data: unknown, schema?: object): ErrorObject[] {
  const chosen = schema ?? shippedFrontmatterSchema('capsule');
  const shipped = [...frontmatterSchemas.values()].includes(chosen as Record<string, unknown>);
  const validate = validatorFor(chosen, { shipped });
  return validate(data ?? {}) ? [] : [...(validate.errors ?? [])];
}

/** Validate a graph's JSON form against the shipped graph schema. */
export function validateGraphJson(json: unknown): ErrorObject[] {
  const validate = validatorFor((graphSchema ??= loadSchema('graph')), { shipped: true });
  return validate(json) ? [] : [...(validate.errors ?? [])];
}

export type { ErrorObject };
