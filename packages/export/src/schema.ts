/** The shipped bundle schema and its validator: the file is the source of truth. */
import { readFileSync } from 'node:fs';
import { validatorFor, type ErrorObject } from '@capsule-docs/graph';

let bundleSchema: Record<string, unknown> | undefined;

/** The parsed `schemas/bundle.schema.json`. */
export function loadBundleSchema(): Record<string, unknown> {
  return (bundleSchema ??= JSON.parse(readFileSync(new URL('../schemas/bundle.schema.json', import.meta.url), 'utf8')));
}

/** Validate a JSON bundle; an empty list means it is valid. */
export function validateBundleJson(json: unknown): ErrorObject[] {
  const validate = validatorFor(loadBundleSchema(), { shipped: true });
  return validate(json) ? [] : [...(validate.errors ?? [])];
}
