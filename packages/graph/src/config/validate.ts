/**
 * Checking a parsed configuration against its JSON Schema and turning ajv's errors into
 * sentences for people, each at the place it is about, with a "did you mean" where a near
 * name exists.
 */
import { suggestAmong } from '../suggest.js';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { severities } from './schema.js';
import type { ConfigProblem, ConfigSource } from './config-file.js';

const compiled = new WeakMap<object, ValidateFunction>();

/** Only the shipped configuration schema comes here; a test checks it against the meta-schema. */
function validatorFor(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = new Ajv2020({ allErrors: true, strict: false, verbose: true, validateSchema: false }).compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Every problem of the configuration, in file order. */
export function validateConfig(source: ConfigSource, schema: Record<string, unknown>): ConfigProblem[] {
  const validate = validatorFor(schema);
  if (validate(source.data)) return [];
  const errors = validate.errors ?? [];
  const properties = Object.keys((schema['properties'] as Record<string, unknown> | undefined) ?? {});
  const ruleIds = Object.keys(
    ((schema['properties'] as Record<string, { properties?: Record<string, unknown> }> | undefined)?.['rules']?.properties) ?? {},
  );

  const problems: ConfigProblem[] = [];
  const ruleSettingsDone = new Set<string>();
  for (const error of errors) {
    const path = pointerSegments(error.instancePath);
    if (path[0] === 'rules' && path.length >= 2) {
      const id = String(path[1]);
      if (ruleSettingsDone.has(id)) continue;
      ruleSettingsDone.add(id);
      problems.push(...ruleSettingProblems(source, id, errors));
      continue;
    }
    if (error.keyword === 'additionalProperties') {
      const name = String((error.params as { additionalProperty: string }).additionalProperty);
      const known = path.length === 0 ? properties : path[0] === 'rules' && path.length === 1 ? ruleIds : [];
      const suggestion = suggestAmong(name, known);
      const what = path.length === 0 ? 'setting' : path[0] === 'rules' ? 'rule' : 'key';
      const where = path.length === 0 ? 'the configuration has' : `\`${label(path)}\` has`;
      problems.push({
        place: source.placeOf(path, name),
        message: `${where} no ${what} \`${name}\`${
          suggestion ? `; did you mean \`${suggestion}\`?` : known.length > 0 ? `; known: ${listOf(known.filter((key) => key !== '$schema'))}` : ''
        }`,
      });
      continue;
    }
    problems.push({ place: source.placeOf(path), message: describe(error, path.length === 0 ? 'the configuration' : `\`${label(path)}\``) });
  }
  return sortAndDeduplicate(problems);
}

/** One clear message for a rule's setting, instead of ajv's account of every `oneOf` branch. */
function ruleSettingProblems(source: ConfigSource, id: string, errors: ErrorObject[]): ConfigProblem[] {
  const value = (source.data as { rules: Record<string, unknown> }).rules[id];
  const at = (...rest: (string | number)[]) => source.placeOf(['rules', id, ...rest]);
  const settingLabel = `\`rules.${id}\``;
  const shape = `use one of ${listOf(severities)}, or [severity, options]`;
  if (typeof value === 'string') {
    return [{ place: at(), message: `${settingLabel}: \`${value}\` is not a severity${didYouMean(value)}; ${shape}` }];
  }
  if (!Array.isArray(value) || value.length !== 2) {
    return [{ place: at(), message: `${settingLabel} must be a severity or [severity, options]; ${shape}` }];
  }
  const problems: ConfigProblem[] = [];
  const [severity] = value;
  if (typeof severity !== 'string' || !(severities as readonly string[]).includes(severity)) {
    problems.push({
      place: at(0),
      message: `${settingLabel}: the first item must be a severity (${listOf(severities)})${typeof severity === 'string' ? didYouMean(severity) : ''}`,
    });
  }
  const optionsPrefix = `/rules/${escapePointer(id)}/1`;
  for (const error of errors) {
    if (error.instancePath !== optionsPrefix && !error.instancePath.startsWith(`${optionsPrefix}/`)) continue;
    const path = pointerSegments(error.instancePath);
    if (error.keyword === 'additionalProperties') {
      const name = String((error.params as { additionalProperty: string }).additionalProperty);
      problems.push({ place: source.placeOf(path, name), message: `${settingLabel}: the rule has no option \`${name}\`` });
    } else {
      const option = path.slice(3);
      const subject = option.length === 0 ? 'its options' : `option \`${label(option)}\``;
      problems.push({ place: source.placeOf(path), message: `${settingLabel}: ${describe(error, subject)}` });
    }
  }
  return problems;
}

function describe(error: ErrorObject, subject: string): string {
  switch (error.keyword) {
    case 'type':
      return `${subject} must be ${article((error.params as { type: string }).type)}`;
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const value = error.data;
      const suggestion = typeof value === 'string' ? suggestAmong(value, allowed) : undefined;
      return `${subject} must be one of ${listOf(allowed)}${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`;
    }
    case 'minLength':
      return `${subject} must not be empty`;
    default:
      return `${subject} ${error.message ?? 'is not valid'}`;
  }
}

function didYouMean(value: string): string {
  const suggestion = suggestAmong(value, severities);
  return suggestion ? ` (did you mean \`${suggestion}\`?)` : '';
}

function article(type: string): string {
  const words: Record<string, string> = { object: 'an object', array: 'a list', string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false' };
  return words[type] ?? `of type ${type}`;
}

function listOf(values: readonly string[]): string {
  return values.map((value) => `\`${value}\``).join(', ');
}

function label(path: (string | number)[]): string {
  return path.reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text === '' ? segment : `${text}.${segment}`),
    '',
  );
}

function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function sortAndDeduplicate(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems
    .filter((problem) => {
      const key = `${problem.place.line}:${problem.place.column}:${problem.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.place.line - b.place.line || a.place.column - b.place.column);
}
