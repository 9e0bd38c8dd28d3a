/**
 * Finding and loading the configuration: `capsule.config.json` (or `.yaml`/`.yml`) in the
 * working directory or the nearest folder above it. Paths in the file are relative to the
 * file. Anything wrong with it is a `ConfigError` that names the file and the place.
 */
import { existsSync, lstatSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { defaultReadLimits, type ReadLimits } from '../document.js';
import { shippedFrontmatterSchema, validatorFor, type FrontmatterKind } from '../schemas.js';
import { shippedConfigSchema, type SeverityName } from './schema.js';
import { parseConfig, type ConfigProblem, type ConfigSource } from './config-file.js';
import { validateConfig } from './validate.js';
import { maxSideFileBytes, readSideFileSync, SideFileError } from '../side-files.js';

/** Why a settings file was not read, for a message about it. */
function sideFileTrouble(error: SideFileError): string {
  return error.code === 'ENOTREG' ? 'is not a regular file, so it was not read' : `is over ${maxSideFileBytes / 1024 / 1024} MiB, more than a settings file holds, so it was not read`;
}

/** The names looked for in each folder, first match wins. */
export const configFileNames = ['capsule.config.json', 'capsule.config.yaml', 'capsule.config.yml'] as const;

export type RuleSettingValue = SeverityName | [SeverityName, Record<string, unknown>];

/** One entry of the `frontmatterSchemas` setting: documents matching `glob` use `schema`. */
export interface FrontmatterSchemaMapping {
  glob: string;
  schema: object;
  /** The shipped kind the configuration named (`"capsule"`), when it named one instead of a file. */
  shipped?: FrontmatterKind;
}

export interface ResolvedConfig {
  /** The configuration file (absolute), or `undefined` when none was used. */
  file: string | undefined;
  /** The corpus root (absolute). */
  root: string;
  include: string[] | undefined;
  exclude: string[] | undefined;
  preset: 'recommended' | 'strict' | undefined;
  rules: Record<string, RuleSettingValue>;
  /** The severity of a disable comment that turns nothing off, when the file sets it. */
  reportUnusedDisableDirectives: SeverityName | undefined;
  externalDocuments: string[];
  /** The parsed schema named by `frontmatterSchema`. */
  frontmatterSchema: object | undefined;
  /** `frontmatterSchemas`, in the file's order, each glob with its parsed schema. */
  frontmatterSchemas: FrontmatterSchemaMapping[];
  /** The schema files `frontmatterSchema` and `frontmatterSchemas` name (absolute, each once): what the configuration read besides itself. */
  schemaFiles: string[];
  cacheDir: string | undefined;
  /** Where rule documentation pages are published, if anywhere. */
  docsUrl: string | undefined;
  /** The corpus title for exports, over the one found in the corpus. */
  title: string | undefined;
  /** Read limits over the loader's defaults. */
  limits: ReadLimits;
}

interface ConfigFileData {
  root?: string;
  include?: string[];
  exclude?: string[];
  preset?: 'recommended' | 'strict';
  rules?: Record<string, RuleSettingValue>;
  reportUnusedDisableDirectives?: SeverityName;
  externalDocuments?: string[];
  frontmatterSchema?: string;
  frontmatterSchemas?: Record<string, string>;
  cacheDir?: string;
  docsUrl?: string;
  title?: string;
  limits?: Partial<ReadLimits>;
}

/**
 * A configuration that cannot be used: a file that is missing or unreadable, or one with
 * mistakes, each at its place. Every command (and the site build) stops on it.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    message: string,
    /** What to do about it, shown under the message. */
    readonly hint: string,
    /** The mistakes in the file, for an invalid one. */
    readonly problems: readonly ConfigProblem[] = [],
  ) {
    super(message);
  }

  /** A file with mistakes: every one listed at its line and column. */
  static invalid(displayPath: string, problems: ConfigProblem[]): ConfigError {
    const lines = problems.map((problem) => `  ${displayPath}:${problem.place.line}:${problem.place.column}  ${problem.message}`);
    return new ConfigError(
      `invalid configuration in ${displayPath}\n${lines.join('\n')}`,
      'Fix the places above; the README lists every setting, and editors complete the file from its `$schema`.',
      problems,
    );
  }
}

/** The nearest configuration file at or above `start`. */
export function findConfigFile(start: string): string | undefined {
  for (let folder = resolve(start); ; folder = dirname(folder)) {
    for (const name of configFileNames) {
      const candidate = join(folder, name);
      // Whatever stands under the name is the configuration: a folder, or a link to nothing, is
      // refused as such, rather than passed over for one further up, or for none.
      if (lstatSync(candidate, { throwIfNoEntry: false }) !== undefined) return candidate;
    }
    if (dirname(folder) === folder) return undefined;
  }
}

export interface LoadConfigOptions {
  cwd: string;
  /** An explicit file (`--config`), `false` for none (`--no-config`), or discovery. */
  config?: string | false | undefined;
}

/** Find, read, validate and resolve the configuration. */
export function loadConfig(options: LoadConfigOptions): ResolvedConfig {
  const { cwd } = options;
  let file: string | undefined;
  if (typeof options.config === 'string') {
    file = resolve(cwd, options.config);
    brokenLinkCheck(file, relative(cwd, file) || file);
    if (!existsSync(file)) throw new ConfigError(`No such configuration file: ${options.config}`, 'Check the path given to --config.');
  } else if (options.config !== false) {
    file = findConfigFile(cwd);
  }
  if (!file) return defaults(cwd);

  const displayPath = relative(cwd, file) || file;
  brokenLinkCheck(file, displayPath);
  let text: string;
  try {
    text = readSideFileSync(file);
  } catch (error) {
    if (error instanceof SideFileError) throw new ConfigError(`The configuration ${displayPath} ${sideFileTrouble(error)}`, 'Give a configuration file: JSON or YAML.');
    throw new ConfigError(`Cannot read the configuration ${displayPath} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, 'Check that the file can be read by the user running the command.');
  }
  const parsed = parseConfig(text, displayPath);
  if (!parsed.ok) throw ConfigError.invalid(displayPath, [parsed.problem]);
  const problems = validateConfig(parsed.source, shippedConfigSchema());
  if (problems.length > 0) throw ConfigError.invalid(displayPath, problems);

  return resolveConfig(file, parsed.source);
}

/** A configuration that is a symbolic link leading nowhere is refused saying so. */
function brokenLinkCheck(file: string, displayPath: string): void {
  if (existsSync(file) || !lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) return;
  let loop = false;
  try {
    statSync(file);
  } catch (error) {
    loop = (error as NodeJS.ErrnoException).code === 'ELOOP';
  }
  const where = loop ? 'which leads round in a loop' : 'which does not exist';
  throw new ConfigError(`The configuration ${displayPath} is a symbolic link to \`${readlinkSync(file)}\`, ${where}`, 'Point the link at the configuration file, or remove it.');
}

function defaults(cwd: string): ResolvedConfig {
  return {
    file: undefined,
    root: resolve(cwd),
    include: undefined,
    exclude: undefined,
    preset: undefined,
    rules: {},
    reportUnusedDisableDirectives: undefined,
    externalDocuments: [],
    frontmatterSchema: undefined,
    frontmatterSchemas: [],
    schemaFiles: [],
    cacheDir: undefined,
    docsUrl: undefined,
    title: undefined,
    limits: { ...defaultReadLimits },
  };
}

function resolveConfig(file: string, source: ConfigSource): ResolvedConfig {
  const data = source.data as ConfigFileData;
  const folder = dirname(file);
  const problems: ConfigProblem[] = [];

  const root = resolve(folder, data.root ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    problems.push({
      place: source.placeOf(['root']),
      message: `\`root\` names \`${data.root}\`, which is not a folder next to the configuration`,
    });
  }

  /** Read and compile a schema file, so a broken schema is a configuration error rather than a crash later. */
  const schemaFiles = new Set<string>();
  const readSchema = (path: string, setting: string, where: (string | number)[]): object | undefined => {
    schemaFiles.add(resolve(folder, path));
    try {
      const schema = JSON.parse(readSideFileSync(resolve(folder, path))) as object;
      validatorFor(schema);
      return schema;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        error instanceof SideFileError ? sideFileTrouble(error) : code ? `cannot be read (${code})` : `is not a usable JSON Schema (${(error as Error).message})`;
      problems.push({ place: source.placeOf(where), message: `\`${setting}\`: \`${path}\` ${reason}` });
      return undefined;
    }
  };
  const frontmatterSchema =
    data.frontmatterSchema === undefined ? undefined : readSchema(data.frontmatterSchema, 'frontmatterSchema', ['frontmatterSchema']);
  // The same file named by several globs is read once, and the globs share its schema.
  const schemasByPath = new Map<string, object | undefined>();
  const frontmatterSchemas: FrontmatterSchemaMapping[] = [];
  for (const [glob, path] of Object.entries(data.frontmatterSchemas ?? {})) {
    // A shipped kind's name stands for its schema, wherever the tool is installed.
    if (isShippedKind(path)) {
      frontmatterSchemas.push({ glob, schema: shippedFrontmatterSchema(path), shipped: path });
      continue;
    }
    const key = resolve(folder, path);
    if (!schemasByPath.has(key)) schemasByPath.set(key, readSchema(path, `frontmatterSchemas.${glob}`, ['frontmatterSchemas', glob]));
    const schema = schemasByPath.get(key);
    if (schema) frontmatterSchemas.push({ glob, schema });
  }
  if (problems.length > 0) throw ConfigError.invalid(source.displayPath, problems);

  return {
    file,
    root,
    include: data.include,
    exclude: data.exclude,
    preset: data.preset,
    rules: data.rules ?? {},
    reportUnusedDisableDirectives: data.reportUnusedDisableDirectives,
    externalDocuments: data.externalDocuments ?? [],
    frontmatterSchema,
    frontmatterSchemas,
    schemaFiles: [...schemaFiles],
    cacheDir: data.cacheDir === undefined ? undefined : resolve(folder, data.cacheDir),
    docsUrl: data.docsUrl,
    title: data.title,
    limits: { ...defaultReadLimits, ...data.limits },
  };
}

/** The names `frontmatterSchemas` takes for the shipped schemas instead of a path. */
export const shippedKindNames: readonly FrontmatterKind[] = ['capsule', 'skill'];

function isShippedKind(value: string): value is FrontmatterKind {
  return (shippedKindNames as readonly string[]).includes(value);
}
