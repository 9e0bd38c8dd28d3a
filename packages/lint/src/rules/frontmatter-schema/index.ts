/**
 * frontmatter-schema: the frontmatter satisfies the schema of the document's kind (see
 * `kinds.ts`), and each problem points at the YAML key or item at fault, with the nearest
 * valid value when one is close. A key the schema does not name but nearly does (`tag` for
 * `tags`) is a did-you-mean warning; other extra keys are the author's own business.
 */
import { suggestAmong, validateFrontmatter, type ErrorObject } from '@capsule-docs/graph';
import type { FrontmatterField, Span } from 'remark-capsules';
import { spanOf } from '../../support/places.js';
import type { ReportDescriptor, Rule } from '../../types.js';
import { ruleDocs } from '../../rule-docs.js';
import { capsuleFields } from '../../support/document-kinds.js';
import { schemaFor } from './kinds.js';

const id = 'frontmatter-schema';

export const frontmatterSchema: Rule = {
  meta: {
    id,
    description: 'Frontmatter has the expected fields and values',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      'missing-frontmatter': 'Document has no frontmatter; start it with a YAML block between `---` lines that sets {fields}',
      'missing-field': 'Frontmatter lacks `{field}`; add it',
      'unknown-field': 'Frontmatter field `{field}` is not in the schema; remove it, or add it to the schema',
      'unknown-field-suggest': 'Frontmatter field `{field}` is not in the schema; did you mean `{suggestion}`?',
      'not-allowed': '`{value}` is not an allowed `{field}` value; use one of {allowed}',
      'not-allowed-suggest': '`{value}` is not an allowed `{field}` value; did you mean `{suggestion}`?',
      'bad-category': 'Category `{value}` is not of the form `Name[NN%]`; write it as a name and a whole number from 0 to 100, e.g. `Workflows[70%]`',
      'bad-category-suggest': 'Category `{value}` is not of the form `Name[NN%]`; did you mean `{suggestion}`?',
      'pattern-mismatch': '`{value}` in `{field}` does not match the pattern `{pattern}`; change it to match',
      'pattern-mismatch-suggest': '`{value}` in `{field}` does not match the pattern `{pattern}`; did you mean `{suggestion}`?',
      'pattern-mismatch-folder': '`{value}` in `name` does not match the pattern `{pattern}`; a skill is named as its folder is, `{folder}`',
      'wrong-type': 'Frontmatter `{field}` is {actual}; write it as {expected}',
      'duplicate-item': '`{value}` appears more than once in `{field}`; remove the repeat',
      'too-many-items': '`{field}` lists {count} items, more than the {limit} it may have; keep the {limit} that describe the document best',
      'too-few-items': '`{field}` needs at least {limit} {items} and has {count}; add what describes the document',
      'too-long': '`{field}` is {count} characters long, more than the {limit} it may have; shorten it',
      'empty-value': '`{field}` is empty; write its value',
      'too-short': '`{field}` is {count} characters long, fewer than the {limit} it needs; say more',
      'invalid-value': 'Frontmatter `{field}` {problem}; correct the value',
      'invalid-schema': 'The frontmatter schema could not be used: {problem}; fix the schema in the configuration',
    },
    fixable: false,
    scope: 'document',
    docs: ruleDocs(id, 'Frontmatter matches the schema of its document\'s kind: capsule documents, agent skills (`SKILL.md`) or your own globs.'),
  },
  check(context) {
    const { model, text } = context.document;
    const frontmatter = model.frontmatter;
    // YAML the parser could not read is already a finding of its own.
    if (frontmatter && frontmatter.data === undefined && frontmatter.raw.trim() !== '') return;
    const chosen = schemaFor(context.document, context.settings);
    if (!chosen) return;
    // A document without frontmatter is fine, unless a schema of the user's own asks for fields.
    if (!frontmatter && chosen.origin !== 'user') return;
    let errors: ErrorObject[];
    try {
      errors = validateFrontmatter(frontmatter?.data ?? {}, chosen.schema);
    } catch (error) {
      context.report({
        messageId: 'invalid-schema',
        data: { problem: error instanceof Error ? error.message : String(error) },
        place: { line: 1, column: 1, offset: 0 },
      });
      return;
    }
    if (!frontmatter) {
      const required = errors.filter((error) => error.keyword === 'required' && error.instancePath === '');
      if (required.length === 0 && errors.length === 0) return;
      const firstLineEnd = text.search(/\r|\n/);
      context.report({
        messageId: 'missing-frontmatter',
        data: { fields: required.map((error) => `\`${String(error.params['missingProperty'])}\``).join(', ') || 'the required fields' },
        place: spanOf(text, 0, firstLineEnd === -1 ? text.length : firstLineEnd),
        expected: required.map((error) => String(error.params['missingProperty'])),
      });
      return;
    }
    const fields = new Map(frontmatter.fields.map((field) => [field.key, field]));
    const seen = new Set<string>();
    // Frontmatter of another convention is not the capsule schema's to judge; a near miss of
    // one of its keys (below) is still worth a word.
    for (const error of chosen.claimed ? errors : []) {
      if (chosen.conventional && isConventionFieldMissing(error)) continue;
      if (isUnreadValue(error, frontmatter.raw)) continue;
      const descriptor = describe(error, frontmatter.position, fields, chosen.schema, skillFolderName(context.document.path));
      const key = JSON.stringify([descriptor.messageId, descriptor.place, descriptor.data]);
      if (seen.has(key)) continue;
      seen.add(key);
      context.report(descriptor);
    }
    for (const descriptor of nearMisses(chosen.schema, frontmatter.fields)) context.report(descriptor);
  },
};

/**
 * A capsule convention field (`tags`, `audience`, `categories`) the document lacks: a team may
 * leave one out of every document on purpose, so `frontmatter-consistent` reports it only
 * where other documents of the corpus set it.
 */
function isConventionFieldMissing(error: ErrorObject): boolean {
  return error.keyword === 'required' && error.instancePath === '' && (capsuleFields as readonly string[]).includes(String(error.params['missingProperty']));
}

/**
 * A required key that is written, but whose value the parser left out of the data: a
 * `{{placeholder}}` YAML reads as a mapping for a key, already told by `yaml-syntax` at the
 * value. Asking to add the key would have it written twice.
 */
function isUnreadValue(error: ErrorObject, raw: string): boolean {
  if (error.keyword !== 'required' || error.instancePath !== '') return false;
  const key = String(error.params['missingProperty']).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${key}[ \\t]*:`, 'm').test(raw);
}

/** The name of the folder a skill's `SKILL.md` is in, which names the skill. */
function skillFolderName(path: string): string | undefined {
  const parts = path.split('/');
  return parts.length >= 2 && parts.at(-1) === 'SKILL.md' ? parts.at(-2) : undefined;
}

/** Turn one schema error into a report at the key or item it concerns. */
function describe(error: ErrorObject, block: Span, fields: Map<string, FrontmatterField>, schema: object, skillFolder: string | undefined): ReportDescriptor {
  const path = error.instancePath.split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (path.length === 0) {
    if (error.keyword === 'required') {
      const field = String(error.params['missingProperty']);
      return { messageId: 'missing-field', data: { field }, place: block, expected: [field] };
    }
    if (error.keyword === 'additionalProperties') {
      const field = String(error.params['additionalProperty']);
      const known = Object.keys(schemaProperties(schema));
      const suggestion = suggestAmong(field, known);
      const place = fields.get(field)?.keyPosition ?? block;
      return suggestion
        ? { messageId: 'unknown-field-suggest', data: { field, suggestion }, place, expected: [suggestion] }
        : { messageId: 'unknown-field', data: { field }, place, expected: known };
    }
    return { messageId: 'invalid-value', data: { field: 'frontmatter', problem: error.message ?? 'is not valid' }, place: block };
  }

  const fieldName = path[0]!;
  const field = fields.get(fieldName);
  const index = path.length > 1 && /^\d+$/.test(path[1]!) ? Number(path[1]) : undefined;
  const itemPlace = index === undefined ? undefined : field?.itemPositions[index];
  const place = itemPlace ?? field?.keyPosition ?? block;
  // `audience`, not `audience.0`: the place already says which item.
  const fieldLabel = path.filter((segment) => !/^\d+$/.test(segment)).join('.');
  const value = valueAt(field?.value, path.slice(1));

  switch (error.keyword) {
    case 'enum': {
      const allowed = (error.params['allowedValues'] as unknown[]).map(String);
      const suggestion = typeof value === 'string' ? suggestAmong(value, allowed) : undefined;
      return suggestion
        ? { messageId: 'not-allowed-suggest', data: { field: fieldLabel, value: show(value), suggestion }, place, actual: show(value), expected: [suggestion] }
        : {
            messageId: 'not-allowed',
            data: { field: fieldLabel, value: show(value), allowed: allowed.map((entry) => `\`${entry}\``).join(', ') },
            place,
            actual: show(value),
            expected: allowed,
          };
    }
    case 'pattern': {
      const pattern = String(error.params['pattern']);
      if (fieldName === 'categories' && typeof value === 'string') {
        const suggestion = suggestCategory(value, pattern);
        return suggestion
          ? { messageId: 'bad-category-suggest', data: { value, suggestion }, place, actual: value, expected: [suggestion] }
          : { messageId: 'bad-category', data: { value }, place, actual: value };
      }
      const kebab = typeof value === 'string' ? kebabCase(value) : undefined;
      // The Agent Skills format has a skill's `name` be its folder's: `AI Ark Data Enrichment`
      // in `ai-ark-enrichment/` is not `ai-ark-data-enrichment`.
      if (fieldName === 'name' && path.length === 1 && skillFolder !== undefined && kebab !== skillFolder && matches(pattern, skillFolder)) {
        return { messageId: 'pattern-mismatch-folder', data: { value: show(value), pattern, folder: skillFolder }, place, actual: show(value), expected: [skillFolder] };
      }
      if (kebab !== undefined && kebab !== value && matches(pattern, kebab)) {
        // `code_explorer`, `CodeExplorer` for a skill's lower-case, hyphenated `name`.
        return { messageId: 'pattern-mismatch-suggest', data: { field: fieldLabel, value: show(value), pattern, suggestion: kebab }, place, actual: show(value), expected: [kebab] };
      }
      return { messageId: 'pattern-mismatch', data: { field: fieldLabel, value: show(value), pattern }, place, actual: show(value) };
    }
    case 'type': {
      const expected = String(error.params['type']);
      return {
        messageId: 'wrong-type',
        data: { field: fieldLabel, expected: article(expected), actual: article(typeName(value)) },
        place,
        actual: typeName(value),
        expected: [expected],
      };
    }
    case 'uniqueItems': {
      const duplicate = Number(error.params['j']);
      const list = Array.isArray(field?.value) ? field.value : [];
      return {
        messageId: 'duplicate-item',
        data: { field: fieldLabel, value: show(list[duplicate]) },
        place: field?.itemPositions[duplicate] ?? place,
      };
    }
    case 'maxItems':
    case 'minItems': {
      const limit = Number(error.params['limit']);
      const count = Array.isArray(value) ? value.length : 0;
      // Too many: at the first item past the limit. Too few: at the key.
      const at = error.keyword === 'maxItems' ? (field?.itemPositions[limit] ?? place) : place;
      return {
        messageId: error.keyword === 'maxItems' ? 'too-many-items' : 'too-few-items',
        data: { field: fieldLabel, count: String(count), limit: String(limit), items: limit === 1 ? 'item' : 'items' },
        place: at,
      };
    }
    case 'maxLength':
    case 'minLength': {
      const limit = Number(error.params['limit']);
      // Characters as the schema counts them: code points, not UTF-16 units.
      const count = typeof value === 'string' ? [...value].length : 0;
      const messageId = error.keyword === 'maxLength' ? 'too-long' : count === 0 ? 'empty-value' : 'too-short';
      return { messageId, data: { field: fieldLabel, count: count.toLocaleString('en'), limit: limit.toLocaleString('en') }, place };
    }
    default:
      return { messageId: 'invalid-value', data: { field: fieldLabel, problem: error.message ?? 'is not valid' }, place };
  }
}

/** The fields a schema names at its top level. */
function schemaProperties(schema: object): Record<string, unknown> {
  return (schema as { properties?: Record<string, unknown> }).properties ?? {};
}

/**
 * Keys a schema that allows extra keys does not name, but nearly does: most likely a typo
 * (`tag`, `catgories`). A warning, since the key may be meant; a schema that forbids extra
 * keys reports them itself.
 */
function nearMisses(schema: object, fields: readonly FrontmatterField[]): ReportDescriptor[] {
  if ((schema as { additionalProperties?: unknown }).additionalProperties === false) return [];
  const known = Object.keys(schemaProperties(schema));
  const descriptors: ReportDescriptor[] = [];
  for (const field of fields) {
    if (known.includes(field.key)) continue;
    const suggestion = suggestAmong(field.key, known);
    if (!suggestion) continue;
    descriptors.push({
      messageId: 'unknown-field-suggest',
      data: { field: field.key, suggestion },
      place: field.keyPosition,
      expected: [suggestion],
      severityCap: 'warn',
    });
  }
  return descriptors;
}

function valueAt(value: unknown, path: string[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * The category the author most likely meant: `Workflows[100]`, `Workflows [70 %]`,
 * `Workflows(70%)`, `Workflows 70%` and `Workflows[0.7]` all read as a name and a strength.
 * Only a suggestion that satisfies the schema's pattern is offered.
 */
export function suggestCategory(text: string, pattern: string): string | undefined {
  const match = /^\s*(?<name>.*?)\s*(?<open>[[(]?)\s*(?<number>\d{1,3}(?:\.\d+)?)\s*(?<percent>%?)\s*[\])]?\s*$/.exec(text);
  const { name, open, number, percent } = match?.groups ?? {};
  // Without a bracket or a percent sign, a trailing number is part of the name (`Web3`).
  if (!name || number === undefined || (!open && !percent)) return undefined;
  let strength = Number(number);
  if (!percent && strength > 0 && strength < 1) strength = Math.round(strength * 100);
  if (!Number.isInteger(strength) || strength > 100) return undefined;
  const suggestion = `${name}[${strength}%]`;
  if (suggestion === text) return undefined;
  try {
    return new RegExp(pattern, 'u').test(suggestion) ? suggestion : undefined;
  } catch {
    return undefined;
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

function article(type: string): string {
  if (type === 'null') return 'null';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** A name as lower-case words joined by hyphens: `code_explorer`, `CodeExplorer` and `Code Explorer` are `code-explorer`. */
function kebabCase(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return false;
  }
}
