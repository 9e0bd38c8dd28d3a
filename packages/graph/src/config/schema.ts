/**
 * The configuration's JSON Schema. The shipped file, `schemas/config.schema.json`, is what
 * editors complete from and what every command validates with; it is generated from the
 * lint package's rules by `configSchema` (`pnpm --filter @capsule-docs/cli run schema`, as
 * the CLI is the package that knows both), and a test there fails when the two drift apart.
 */
import { readFileSync } from 'node:fs';

export const severities = ['off', 'info', 'warn', 'error'] as const;
export type SeverityName = (typeof severities)[number];

export const presetNames = ['recommended', 'strict'] as const;

/** What the schema needs to know of a rule. */
export interface RuleSummary {
  id: string;
  description: string;
  defaultSeverity: string;
  optionsSchema?: object | undefined;
  docs?: { url?: string | undefined } | undefined;
}

/** The file every configuration names in `$schema`, relative to the package. */
export const configSchemaFileUrl = new URL('../../schemas/config.schema.json', import.meta.url);

let shipped: Record<string, unknown> | undefined;

/** The shipped schema, parsed once. */
export function shippedConfigSchema(): Record<string, unknown> {
  return (shipped ??= JSON.parse(readFileSync(configSchemaFileUrl, 'utf8')));
}

/** A list of globs, relative to the corpus root. */
const globs = (description: string) => ({
  description,
  type: 'array',
  items: { type: 'string', minLength: 1 },
});

/** Which files make up the corpus. */
const corpusProperties = {
  root: {
    description: 'The corpus root, relative to this file. Defaults to the folder this file is in.',
    type: 'string',
    minLength: 1,
  },
  include: globs('Globs, relative to the root, of the documents to read. Defaults to every Markdown file: ["**/*.md"].'),
  exclude: globs('Globs, relative to the root, of files to leave out, on top of .gitignore.'),
};

/** What the documents may point at and what their frontmatter must satisfy. */
const documentProperties = {
  externalDocuments: {
    description:
      'Documents that exist but are not part of this corpus (for example a file of the repository the corpus lives in), as paths or globs (`handbook/**`). References into them are not reported as missing; a route (`/rubydoc/x.html`) is matched by its page file too (`docs/rubydoc/**`).',
    type: 'array',
    items: { type: 'string', minLength: 1 },
  },
  frontmatterSchema: {
    description:
      'Path, relative to this file, of a JSON Schema that the frontmatter of every document must satisfy, except agent skill files (SKILL.md) and documents `frontmatterSchemas` maps.',
    type: 'string',
    minLength: 1,
  },
  frontmatterSchemas: {
    description:
      'Globs, relative to the root, to paths (relative to this file) of JSON Schemas, or to `capsule` or `skill` for the shipped capsule-document and agent-skill schemas: `{"docs/**/*.md": "./schemas/doc.json", ".claude/**/SKILL.md": "skill"}`. The first glob that matches a document gives the schema its frontmatter must satisfy, ahead of the shipped schemas and `frontmatterSchema`.',
    type: 'object',
    propertyNames: { minLength: 1 },
    additionalProperties: { type: 'string', minLength: 1 },
  },
};

/** What exports and reports say about the corpus and the tool. */
const outputProperties = {
  title: {
    description: 'The corpus title: the H1 of `capsule export --format llms-txt` and `llms-full` and the title of `agents` (`--title` overrides it; default: the `--home` document\'s title, else the root\'s index.md or README.md title, else the folder name).',
    type: 'string',
    minLength: 1,
    pattern: '\\S',
  },
  docsUrl: {
    description:
      'The http(s) address under which this tool\'s repository files are published, so that reports link each rule to its documentation page (the rule\'s `packages/lint/src/rules/<id>/README.md` under it), e.g. `https://example.org/capsule-docs/blob/main/`.',
    type: 'string',
    pattern: '^https?://',
  },
};

/** Where a run keeps its cache, and how much of a file it reads. */
const runProperties = {
  cacheDir: {
    description: 'Where parsed documents are cached, relative to this file (default: node_modules/.cache/capsule next to it).',
    type: 'string',
    minLength: 1,
  },
  limits: {
    description: 'Limits on what a document may hold before it is reported instead of parsed; they keep a hostile file from taking unbounded time or memory.',
    type: 'object',
    additionalProperties: false,
    properties: {
      maxFileBytes: { description: 'Largest file read, in bytes (default 2097152, 2 MiB).', type: 'integer', minimum: 1 },
      maxNestingDepth: { description: 'Deepest nesting of lists and block quotes (default 100).', type: 'integer', minimum: 1 },
      maxInlineMarkers: { description: 'Most emphasis, link, code or HTML markers in one paragraph, a run such as `**` counting once and a whole link of plain text not at all (default 1000).', type: 'integer', minimum: 1 },
    },
  },
};

/** Build the configuration schema for a set of rules (sorted by id for stable output). */
export function configSchema(rules: readonly RuleSummary[]): Record<string, unknown> {
  const ruleProperties = Object.fromEntries(
    [...rules]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((rule) => [rule.id, ruleSettingSchema(rule)]),
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'capsule-docs configuration',
    description: 'Settings for `capsule check` and the other capsule commands: capsule.config.json or capsule.config.yaml.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { description: 'The JSON Schema of this file, for editors.', type: 'string' },
      ...corpusProperties,
      preset: {
        description: 'The rule set to start from; `rules` adjusts it. Defaults to "recommended".',
        enum: [...presetNames],
      },
      rules: {
        description: 'Rule id to severity, or to [severity, options].',
        type: 'object',
        additionalProperties: false,
        properties: ruleProperties,
      },
      reportUnusedDisableDirectives: {
        description: 'The severity of a disable comment (`<!-- capsule-disable-next-line rule-id -->`) that turns nothing off, for a rule that runs (default "warn", "error" under the strict preset; "off" leaves such comments alone).',
        $ref: '#/$defs/severity',
      },
      ...documentProperties,
      ...outputProperties,
      ...runProperties,
    },
    $defs: {
      severity: {
        description: 'off: not run; info: shown, never fails; warn: fails only over --max-warnings; error: fails the check.',
        enum: [...severities],
      },
    },
  };
}

function ruleSettingSchema(rule: RuleSummary): Record<string, unknown> {
  const options = rule.optionsSchema && Object.keys(rule.optionsSchema).length > 0
    ? rule.optionsSchema
    : { type: 'object', properties: {}, additionalProperties: false };
  const url = rule.docs?.url ? ` Docs: ${rule.docs.url}` : '';
  return {
    description: `${rule.description} (default: ${rule.defaultSeverity}).${url}`,
    oneOf: [
      { $ref: '#/$defs/severity' },
      {
        type: 'array',
        prefixItems: [{ $ref: '#/$defs/severity' }, options],
        items: false,
        minItems: 2,
      },
    ],
  };
}
