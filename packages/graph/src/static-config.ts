/**
 * Reading a site generator's configuration module without running it (`docusaurus.config.ts`,
 * `astro.config.mjs`): the module is parsed, and its default export is taken as far as it is
 * written literally. Strings, numbers, booleans, `null`, objects and arrays are read; so are
 * names bound by a top-level `const` or imported from a local module (`./redirects.js`, a
 * `.json` too), spreads of those, TypeScript's `as` and `satisfies`, a call of
 * `defineConfig` (or VitePress's `defineConfigWithTheme`) around the whole, or of a Next.js plugin (`withNextra({...})`, `withMDX(config)`),
 * Starlight's integration (`starlight({...})`, read as `{ starlight: {...} }`), Lume's site
 * (`lume({...})`, read as `{ lume: {...} }`), a call of a package's default export
 * (`starlightLlmsTxt({...})`, read as `{ 'starlight-llms-txt': {...} }`), a conditional whose
 * test is written literally (the branch it takes),
 * and a method or function that only returns such a value (Next.js's `async redirects() { return
 * [...] }`), and a literal table mapped into objects by an arrow function (`pairs.map(([source,
 * destination]) => ({ source, destination }))`). Anything else (a call, a variable's use, a computed key) is
 * `undefined` where it stands: the rest of the object is still read, but keys written before a
 * spread that could not be read are `undefined` too, as the spread may have replaced them.
 * A JSON, YAML or TOML data file named in its place (Docusaurus's `_category_.yml`, Hugo's
 * `hugo.toml`) is read whole, a TOML date as the text it is written as.
 *
 * Modules are read through the caller's `read`, so the caller bounds which files and how much.
 */
import { posix } from 'node:path';
import { parse } from '@babel/parser';
import type * as t from '@babel/types';
import { parse as parseToml, TomlDate } from 'smol-toml';
import { parse as parseYaml } from 'yaml';

/** A value as the configuration writes it; `undefined` where it is computed. */
export type StaticValue = string | number | boolean | null | StaticValue[] | StaticObject | undefined;
export interface StaticObject {
  [key: string]: StaticValue;
}

/** The extensions tried for a local module named without one (`./redirects`), in that order. */
const moduleExtensions = ['', '.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.json'];

/** How deep imports are followed: a configuration, the module it takes redirects from, and one more. */
const maxImportDepth = 2;

/**
 * A name's value in a module; `packageOf` gives the package a name is the default export of
 * (`starlight-openapi` for `import starlightOpenAPI from 'starlight-openapi'`), so that a call of it
 * is read as that package's options.
 */
type Binding = ((name: string) => StaticValue) & { packageOf?: (name: string) => string | undefined };

/** The names a module exports, its default under `default`, read when first asked; `names` lists them. */
type ModuleExports = ((name: string) => StaticValue) & { names?: () => string[] };

/**
 * Fumadocs's modules, whose settings are named exports rather than a default one: `source.config.ts`
 * (`export const docs = defineDocs({ dir: 'content/docs' })`) and the module calling its loader
 * (`export const source = loader({ baseUrl: '/docs' })`, `lib/source.ts` by its convention). Each
 * is read as an object of everything it exports.
 */
export const fumadocsModule = /(?:^|\/)(?:source\.config\.(?:ts|mts|js|mjs)|(?:src\/)?(?:lib|app)\/source\.(?:ts|tsx|js|mjs))$/;

/**
 * The default export of the configuration module at `path` (POSIX, relative to wherever `read`
 * reads from), as far as it is written literally; undefined when it cannot be parsed or read.
 * `read` gives a file's text, or undefined when it is not there or is not to be read.
 */
export async function readStaticConfig(path: string, read: (path: string) => Promise<string | undefined>): Promise<StaticValue> {
  const text = await read(path);
  if (text === undefined) return undefined;
  // An MkDocs configuration may take its settings from another (`INHERIT: ../base.yml`).
  if (mkdocsConfigFile.test(path)) return mkdocsInherited(path, parseYamlData(text), read, new Set([path]));
  // A data file beside the configuration (Docusaurus's `_category_.yml`) is read whole.
  if (/\.ya?ml$/i.test(path)) return parseYamlData(text);
  if (/\.toml$/i.test(path)) return parseTomlData(text);
  const loaded = new Map<string, ModuleExports | undefined>();
  // Imports are read ahead (evaluation is synchronous), breadth first, to the depth allowed.
  let pending: { path: string; text: string; depth: number }[] = [{ path, text, depth: 0 }];
  const programs = new Map<string, t.Program | 'json'>();
  const jsonValues = new Map<string, StaticValue>();
  while (pending.length > 0) {
    const next: typeof pending = [];
    for (const module of pending) {
      if (programs.has(module.path)) continue;
      if (module.path.endsWith('.json')) {
        programs.set(module.path, 'json');
        jsonValues.set(module.path, parseJson(module.text));
        continue;
      }
      const program = parseModule(module.text, module.path);
      if (!program) continue;
      programs.set(module.path, program);
      if (module.depth >= maxImportDepth) continue;
      for (const specifier of localImports(program)) {
        const found = await findModule(posix.join(posix.dirname(module.path), specifier), read, programs);
        if (found) next.push({ ...found, depth: module.depth + 1 });
      }
    }
    pending = next;
  }
  const moduleAt = (modulePath: string): ModuleExports | undefined => {
    if (loaded.has(modulePath)) return loaded.get(modulePath);
    const program = programs.get(modulePath);
    // Marked before it is read: a module importing itself, or a cycle, reads as computed.
    loaded.set(modulePath, undefined);
    const exports: ModuleExports | undefined =
      program === undefined
        ? undefined
        : program === 'json'
          ? (name) => (name === 'default' ? jsonValues.get(modulePath) : undefined)
          : moduleExports(program, (specifier) => resolvedModule(posix.join(posix.dirname(modulePath), specifier), programs, moduleAt));
    loaded.set(modulePath, exports);
    return exports;
  };
  const exports = moduleAt(path);
  if (exports && fumadocsModule.test(path)) return Object.fromEntries((exports.names?.() ?? []).map((name) => [name, exports(name)]));
  const program = programs.get(path);
  if (exports && eleventyConfigFile.test(path) && program !== undefined && program !== 'json') return eleventyOptions(program, exports);
  const value = exports?.('default');
  if (lumeConfigFile.test(path) && program !== undefined && program !== 'json' && value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, 'lume')) {
    return { ...value, copies: lumeCopies(program) };
  }
  return value;
}

/** Lume's configuration module, `_config.ts` (or `.js`), whose default export is the site `lume()` makes. */
const lumeConfigFile = /(?:^|\/)_config\.(?:ts|js|mjs|tsx|jsx)$/;

/**
 * The files a Lume site copies as they are, as its configuration's top-level calls on the site
 * it exports write them literally: `site.copy('static', '.')` (Lume 1 and 2) or `site.add('img')`
 * (Lume 3), each read as `{ from, to }`: `from` a path from the site's `src` or a list of
 * extensions (`['.png', '.jpg']`), `to` where it goes when a string names it (`undefined`
 * for the same path). A call whose arguments are computed is left out.
 */
function lumeCopies(program: t.Program): StaticValue[] {
  const exported = program.body.find((statement): statement is t.ExportDefaultDeclaration => statement.type === 'ExportDefaultDeclaration')?.declaration;
  const site = exported?.type === 'Identifier' ? exported.name : undefined;
  const copies: StaticValue[] = [];
  for (const statement of program.body) {
    const call = statement.type === 'ExpressionStatement' ? statement.expression : undefined;
    if (site === undefined || call?.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || call.callee.computed) continue;
    const { object, property } = call.callee;
    if (object.type !== 'Identifier' || object.name !== site || property.type !== 'Identifier' || (property.name !== 'copy' && property.name !== 'add')) continue;
    const [from, to] = call.arguments;
    const written = from?.type === 'StringLiteral' ? from.value : from?.type === 'ArrayExpression' && from.elements.every((element) => element?.type === 'StringLiteral') ? from.elements.map((element) => (element as t.StringLiteral).value) : undefined;
    if (written === undefined || (to !== undefined && to.type !== 'StringLiteral')) continue;
    copies.push({ from: written, to: to?.type === 'StringLiteral' ? to.value : undefined });
  }
  return copies;
}

/** Eleventy's configuration: `eleventy.config.js` (`.mjs`, `.cjs`, `.ts`), or the older `.eleventy.js`. */
export const eleventyConfigFile = /(?:^|\/)(?:eleventy\.config\.(?:js|mjs|cjs|ts)|\.eleventy\.(?:js|mjs|cjs))$/;

/**
 * What an Eleventy configuration sets, as far as it is written literally: its exported function
 * (`module.exports = function (eleventyConfig) { ... }`) takes the configuration API and does
 * much else, so what it returns is read from its last statement (`return { dir: { input:
 * 'source' } }`), with the folder its `eleventyConfig.setInputDirectory('source')` sets (Eleventy
 * 3), over the named export `config` (`export const config = { dir: { input: 'src' } }`).
 */
function eleventyOptions(program: t.Program, exports: ModuleExports): StaticValue {
  const options: StaticObject = {};
  const isObject = (value: StaticValue): value is StaticObject => value !== null && typeof value === 'object' && !Array.isArray(value);
  // Each source adds to what the ones before it set, `dir`'s folders one by one.
  const merge = (value: StaticValue) => {
    if (!isObject(value)) return;
    for (const [key, set] of Object.entries(value)) setKey(options, key, key === 'dir' && isObject(set) && isObject(options.dir) ? { ...options.dir, ...set } : set);
  };
  merge(exports('config'));
  const setup = exportedFunction(program);
  if (!setup || setup.body.type !== 'BlockStatement') return options;
  const api = setup.params[0]?.type === 'Identifier' ? setup.params[0].name : undefined;
  const literal = () => undefined;
  let input: string | undefined;
  for (const statement of setup.body.body) {
    if (statement.type === 'ReturnStatement') merge(valueOf(statement.argument, literal));
    const call = statement.type === 'ExpressionStatement' ? statement.expression : undefined;
    if (api === undefined || call?.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || call.callee.computed) continue;
    const { object, property } = call.callee;
    const [argument] = call.arguments;
    if (object.type === 'Identifier' && object.name === api && property.type === 'Identifier' && property.name === 'setInputDirectory' && argument?.type === 'StringLiteral') input = argument.value;
  }
  if (input !== undefined) merge({ dir: { input } });
  return options;
}

/** The function a module exports as its default (`module.exports = function (config) {...}`, `export default async (config) => {...}`, or one declared and then exported). */
function exportedFunction(program: t.Program): t.FunctionDeclaration | t.FunctionExpression | t.ArrowFunctionExpression | undefined {
  const declared = (name: string) =>
    program.body.find((statement): statement is t.FunctionDeclaration => statement.type === 'FunctionDeclaration' && statement.id?.name === name);
  const asFunction = (node: t.Node | null | undefined): t.FunctionDeclaration | t.FunctionExpression | t.ArrowFunctionExpression | undefined =>
    node?.type === 'FunctionDeclaration' || node?.type === 'FunctionExpression' || node?.type === 'ArrowFunctionExpression' ? node : node?.type === 'Identifier' ? declared(node.name) : undefined;
  for (const statement of program.body) {
    if (statement.type === 'ExportDefaultDeclaration') return asFunction(statement.declaration);
    if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression' && isModuleExports(statement.expression.left)) return asFunction(statement.expression.right);
  }
  return undefined;
}

/** The first file a local module's specifier names, with its text. */
async function findModule(base: string, read: (path: string) => Promise<string | undefined>, programs: ReadonlyMap<string, unknown>): Promise<{ path: string; text: string } | undefined> {
  for (const candidate of candidatePaths(base)) {
    if (programs.has(candidate)) return undefined;
    const text = await read(candidate);
    if (text !== undefined) return { path: candidate, text };
  }
  return undefined;
}

/** The module already read that a specifier names. */
function resolvedModule(base: string, programs: ReadonlyMap<string, unknown>, moduleAt: (path: string) => ModuleExports | undefined): ModuleExports | undefined {
  const path = candidatePaths(base).find((candidate) => programs.has(candidate));
  return path === undefined ? undefined : moduleAt(path);
}

/** `./redirects.js` as written, else with each extension; a TypeScript module imported as `./x.js` is `./x.ts`. */
function candidatePaths(base: string): string[] {
  const written = moduleExtensions.map((extension) => `${base}${extension}`);
  const typescript = /\.(?:m|c)?js$/.test(base) ? [base.replace(/js$/, 'ts')] : [];
  return [...written, ...typescript];
}

/** An MkDocs (or ProperDocs) configuration, as the site routes find it. */
const mkdocsConfigFile = /(?:^|\/)(?:mkdocs|properdocs)(?:[-.][\w.-]+)?\.ya?ml$/i;

/** How many configurations deep an MkDocs `INHERIT` chain is followed. */
const maxInheritDepth = 4;

/**
 * An MkDocs configuration with the one its `INHERIT` names (relative to its own file, and
 * itself inheriting in turn) beneath it, merged as MkDocs merges them: mappings key by key,
 * anything else, lists among them, the inheriting file's. A parent that cannot be read, or one
 * already in the chain, leaves the configuration as it is written.
 */
async function mkdocsInherited(path: string, value: StaticValue, read: (path: string) => Promise<string | undefined>, chain: Set<string>): Promise<StaticValue> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const { INHERIT: inherit, ...own } = value;
  if (typeof inherit !== 'string' || chain.size > maxInheritDepth) return own;
  const parentPath = posix.normalize(posix.join(posix.dirname(path), inherit.trim()));
  if (chain.has(parentPath) || parentPath.startsWith('../')) return own;
  const text = await read(parentPath);
  if (text === undefined) return own;
  const parent = await mkdocsInherited(parentPath, parseYamlData(text), read, new Set([...chain, parentPath]));
  return mergedMappings(parent, own);
}

/** `child` over `parent`: mappings merged key by key, any other value the child's. */
function mergedMappings(parent: StaticValue, child: StaticValue): StaticValue {
  const isMapping = (value: StaticValue): value is StaticObject => value !== null && typeof value === 'object' && !Array.isArray(value);
  if (!isMapping(parent) || !isMapping(child)) return child;
  const merged: StaticObject = { ...parent };
  for (const [key, item] of Object.entries(child)) merged[key] = Object.hasOwn(parent, key) ? mergedMappings(parent[key], item) : item;
  return merged;
}

function parseYamlData(text: string): StaticValue {
  try {
    // A tag the reader does not know (MkDocs's `!!python/name:` and `!ENV`) is dropped from its
    // value; the library would print a warning for each on standard error.
    return parseYaml(text, { maxAliasCount: 100, logLevel: 'error' }) as StaticValue;
  } catch {
    return undefined;
  }
}

function parseTomlData(text: string): StaticValue {
  try {
    return tomlValue(parseToml(text));
  } catch {
    return undefined;
  }
}

/** A value smol-toml gives, as a static value: a date or time is the text TOML writes it as. */
function tomlValue(value: unknown): StaticValue {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(tomlValue);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, tomlValue(item)]));
  return typeof value === 'bigint' ? Number(value) : (value as StaticValue);
}

function parseJson(text: string): StaticValue {
  try {
    return JSON.parse(text) as StaticValue;
  } catch {
    // `tsconfig.json` and `jsconfig.json` are read as TypeScript reads them: comments and trailing commas allowed.
    try {
      return JSON.parse(withoutJsonComments(text)) as StaticValue;
    } catch {
      return undefined;
    }
  }
}

/**
 * JSON with comments (`//` to the end of the line, `/* … *\/`) and trailing commas, as
 * TypeScript's configuration files may hold, as plain JSON: each comment becomes spaces and a
 * comma before a closing bracket is dropped; strings are copied as they are.
 */
export function withoutJsonComments(text: string): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"') {
      let end = index + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out += text.slice(index, end + 1);
      index = end + 1;
    } else if (char === '/' && text[index + 1] === '/') {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end;
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end === -1 ? text.length : end + 2;
      out += ' ';
    } else if (char === ',') {
      let next = index + 1;
      // What follows the comma, past spaces and comments, decides whether it trails.
      for (;;) {
        while (next < text.length && /\s/.test(text[next]!)) next++;
        if (text.startsWith('//', next)) next = text.indexOf('\n', next) === -1 ? text.length : text.indexOf('\n', next);
        else if (text.startsWith('/*', next)) next = text.indexOf('*/', next + 2) === -1 ? text.length : text.indexOf('*/', next + 2) + 2;
        else break;
      }
      if (text[next] !== '}' && text[next] !== ']') out += ',';
      index++;
    } else {
      out += char;
      index++;
    }
  }
  return out;
}

function parseModule(text: string, path: string): t.Program | undefined {
  const typescript = /\.(?:m|c)?tsx?$/.test(path);
  try {
    return parse(text, {
      sourceType: 'unambiguous',
      errorRecovery: true,
      plugins: typescript ? ['typescript'] : ['jsx'],
    }).program;
  } catch {
    return undefined;
  }
}

/** The relative specifiers a module imports (`import x from './x.js'`, `require('./x')`) at its top. */
function localImports(program: t.Program): string[] {
  const specifiers: string[] = [];
  const local = (source: string) => source.startsWith('./') || source.startsWith('../');
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration' && local(statement.source.value)) specifiers.push(statement.source.value);
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const source = requiredSource(declarator.init);
        if (source !== undefined && local(source)) specifiers.push(source);
      }
    }
  }
  return specifiers;
}

/** `'./x'` for `require('./x')`. */
function requiredSource(expression: t.Expression | null | undefined): string | undefined {
  if (expression?.type !== 'CallExpression' || expression.callee.type !== 'Identifier' || expression.callee.name !== 'require') return undefined;
  const [argument] = expression.arguments;
  return argument?.type === 'StringLiteral' ? argument.value : undefined;
}

/**
 * A module's exports: `export default`, `module.exports =`, `export const`, `export { a as b }`,
 * each read when first asked.
 */
function moduleExports(program: t.Program, importModule: (specifier: string) => ModuleExports | undefined): ModuleExports {
  const bindings = new Map<string, () => StaticValue>();
  const exported = new Map<string, () => StaticValue>();
  const reading = new Set<string>();
  // The names bound to a package's default export, by name.
  const packages = new Map<string, string>();
  const binding: Binding = (name: string): StaticValue => {
    const get = bindings.get(name);
    if (!get || reading.has(name)) return undefined;
    reading.add(name);
    try {
      return get();
    } finally {
      reading.delete(name);
    }
  };
  binding.packageOf = (name) => packages.get(name);
  const evaluate = (expression: t.Node | null | undefined): StaticValue => valueOf(expression, binding);
  const declare = (declaration: t.VariableDeclaration) => {
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== 'Identifier') continue;
      const init = declarator.init;
      const source = requiredSource(init);
      // `let` and `var` may be reassigned below; only a `const` is what it was declared.
      if (declaration.kind !== 'const' && source === undefined) continue;
      bindings.set(declarator.id.name, source !== undefined ? () => importModule(source)?.('default') : () => evaluate(init));
    }
  };
  for (const statement of program.body) {
    switch (statement.type) {
      case 'ImportDeclaration':
        for (const specifier of statement.specifiers) {
          const name = specifier.type === 'ImportDefaultSpecifier' ? 'default' : specifier.type === 'ImportSpecifier' ? exportName(specifier.imported) : undefined;
          const source = statement.source.value;
          if (name !== undefined && statement.importKind !== 'type') bindings.set(specifier.local.name, () => importModule(source)?.(name));
          if (name === 'default' && statement.importKind !== 'type' && !source.startsWith('.')) packages.set(specifier.local.name, source);
        }
        break;
      case 'VariableDeclaration':
        declare(statement);
        break;
      case 'ExportNamedDeclaration':
        if (statement.declaration?.type === 'VariableDeclaration') {
          declare(statement.declaration);
          for (const declarator of statement.declaration.declarations) {
            if (declarator.id.type === 'Identifier') {
              const name = declarator.id.name;
              exported.set(name, () => binding(name));
            }
          }
        }
        if (!statement.source) {
          for (const specifier of statement.specifiers) {
            if (specifier.type === 'ExportSpecifier') {
              const local = specifier.local.name;
              exported.set(exportName(specifier.exported), () => binding(local));
            }
          }
        }
        break;
      case 'ExportDefaultDeclaration': {
        const declaration = statement.declaration;
        exported.set('default', () => evaluate(declaration));
        break;
      }
      case 'ExpressionStatement': {
        const expression = statement.expression;
        if (expression.type === 'AssignmentExpression' && expression.operator === '=' && isModuleExports(expression.left)) exported.set('default', () => evaluate(expression.right));
        break;
      }
    }
  }
  const exports: ModuleExports = (name) => exported.get(name)?.();
  exports.names = () => [...exported.keys()];
  return exports;
}

function exportName(node: t.Identifier | t.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}

function isModuleExports(node: t.Node): boolean {
  return (
    node.type === 'MemberExpression' &&
    node.object.type === 'Identifier' &&
    node.object.name === 'module' &&
    !node.computed &&
    node.property.type === 'Identifier' &&
    node.property.name === 'exports'
  );
}

/** An expression's value as written, `binding` giving a name's; undefined for anything computed. */
function valueOf(node: t.Node | null | undefined, binding: Binding): StaticValue {
  if (!node) return undefined;
  switch (node.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
      return node.value;
    case 'NullLiteral':
      return null;
    case 'TemplateLiteral': {
      // `${BASE_URL}/`: a template whose every part is written literally is the string it makes.
      const parts = node.expressions.map((expression) => valueOf(expression, binding));
      if (!parts.every((part) => typeof part === 'string' || typeof part === 'number')) return undefined;
      return node.quasis.map((quasi, index) => (quasi.value.cooked ?? '') + (index < parts.length ? String(parts[index]) : '')).join('');
    }
    case 'Identifier':
      return node.name === 'undefined' ? undefined : binding(node.name);
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'TSTypeAssertion':
    case 'ParenthesizedExpression':
      return valueOf(node.expression, binding);
    case 'CallExpression': {
      const { callee } = node;
      // A literal table mapped into objects, as Next.js configurations list their redirects:
      // `pairs.map(([source, destination]) => ({ source, destination }))`.
      if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'map' && node.arguments.length === 1) {
        return mappedValues(valueOf(callee.object, binding), node.arguments[0]!, binding);
      }
      // `defineConfig({ ... })`, as Astro's and VitePress's configurations are written (a VitePress site
      // with a theme of its own writes `defineConfigWithTheme<ThemeConfig>({ ... })`, which takes the
      // same options), and a Next.js configuration passed through its plugins (`withNextra({ ... })`),
      // which add to it and keep what it sets.
      if (callee.type === 'Identifier' && (callee.name === 'defineConfig' || callee.name === 'defineConfigWithTheme' || nextPlugin.test(callee.name)) && node.arguments.length === 1) return valueOf(node.arguments[0], binding);
      // Starlight's integration among an Astro configuration's, `starlight({ defaultLocale: 'en' })`: its options, under its name.
      if (callee.type === 'Identifier' && callee.name === 'starlight' && node.arguments.length === 1) return { starlight: valueOf(node.arguments[0], binding) };
      // Lume's site, `lume({ src: './src' }, { markdown })`: its options, under its name, so that a module
      // exporting it is told from another `_config.ts` (`lume()` takes none).
      if (callee.type === 'Identifier' && callee.name === 'lume' && node.arguments.length <= 2) return { lume: node.arguments.length === 0 ? {} : valueOf(node.arguments[0], binding) };
      // Fumadocs's content folders and its loader, `defineDocs({ dir: 'content/docs' })` and `loader({ baseUrl: '/docs' })`: their options.
      if (callee.type === 'Identifier' && (callee.name === 'defineDocs' || callee.name === 'loader') && node.arguments.length === 1) return valueOf(node.arguments[0], binding);
      // The content a Fumadocs loader serves, `source: docs.toFumadocsSource()`: the collection
      // `source.config.ts` exports under that name, read as `{ collection: 'docs' }`.
      if (
        callee.type === 'MemberExpression' &&
        !callee.computed &&
        callee.object.type === 'Identifier' &&
        callee.property.type === 'Identifier' &&
        callee.property.name === 'toFumadocsSource' &&
        node.arguments.length === 0
      ) {
        return { collection: callee.object.name };
      }
      // A call of a package's default export, as an Astro configuration adds integrations and Starlight
      // plugins (`starlightOpenAPI([{ base: 'api', schema: './api.json' }])`): its options, under the package's name.
      const pluginPackage = callee.type === 'Identifier' ? binding.packageOf?.(callee.name) : undefined;
      if (pluginPackage !== undefined && node.arguments.length <= 1) return { [pluginPackage]: node.arguments.length === 0 ? {} : valueOf(node.arguments[0], binding) };
      return undefined;
    }
    // `flag ? [...] : []`, where the flag is written literally (a top-level `const enableApi = true`): the branch it takes.
    case 'ConditionalExpression': {
      const test = valueOf(node.test, binding);
      return typeof test === 'boolean' ? valueOf(test ? node.consequent : node.alternate, binding) : undefined;
    }
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return returnedValue(node, binding);
    case 'ArrayExpression': {
      const items: StaticValue[] = [];
      for (const element of node.elements) {
        if (element?.type === 'SpreadElement') {
          const spread = valueOf(element.argument, binding);
          if (Array.isArray(spread)) items.push(...spread);
          else items.push(undefined);
        } else items.push(valueOf(element, binding));
      }
      return items;
    }
    case 'ObjectExpression': {
      const object: StaticObject = {};
      for (const property of node.properties) {
        if (property.type === 'SpreadElement') {
          const spread = valueOf(property.argument, binding);
          if (spread !== null && typeof spread === 'object' && !Array.isArray(spread)) for (const [key, value] of Object.entries(spread)) setKey(object, key, value);
          // What the spread held is not known: it may have replaced any key before it.
          else for (const key of Object.keys(object)) object[key] = undefined;
          continue;
        }
        const key = property.computed ? undefined : propertyKey(property.key);
        if (key === undefined) continue;
        setKey(object, key, property.type === 'ObjectProperty' ? valueOf(property.value, binding) : returnedValue(property, binding));
      }
      return object;
    }
    default:
      return undefined;
  }
}

/** A Next.js plugin's name, by its convention: `withNextra`, `withMDX`, `withBundleAnalyzer`. */
const nextPlugin = /^with[A-Z]\w*$/;

/**
 * What a function or method returns when its body does nothing else: `() => [...]`, or
 * `async redirects() { return [...] }` (the promise's value, as Next.js awaits it); undefined
 * when it takes parameters, or its body does more than return.
 */
function returnedValue(node: t.ArrowFunctionExpression | t.FunctionExpression | t.ObjectMethod, binding: Binding): StaticValue {
  return node.params.length > 0 ? undefined : bodyValue(node, binding);
}

/**
 * Each item of a list as an arrow function of one parameter, a name or an array of names
 * (`([source, destination]) => ({ source, destination })`), makes it; undefined for anything else.
 */
function mappedValues(list: StaticValue, mapper: t.Node, binding: Binding): StaticValue {
  if (!Array.isArray(list) || mapper.type !== 'ArrowFunctionExpression' || mapper.params.length !== 1) return undefined;
  const parameter = mapper.params[0]!;
  return list.map((item) => {
    const locals = new Map<string, StaticValue>();
    if (parameter.type === 'Identifier') locals.set(parameter.name, item);
    else if (parameter.type === 'ArrayPattern' && Array.isArray(item)) {
      parameter.elements.forEach((element, index) => {
        if (element?.type === 'Identifier') locals.set(element.name, item[index]);
      });
    } else return undefined;
    const inner: Binding = (name) => (locals.has(name) ? locals.get(name) : binding(name));
    inner.packageOf = (name) => (locals.has(name) ? undefined : binding.packageOf?.(name));
    return bodyValue(mapper, inner);
  });
}

/** What a function's body returns when it does nothing else (see `returnedValue`). */
function bodyValue(node: t.ArrowFunctionExpression | t.FunctionExpression | t.ObjectMethod, binding: Binding): StaticValue {
  if (node.generator) return undefined;
  if (node.body.type !== 'BlockStatement') return valueOf(node.body, binding);
  const [statement, ...rest] = node.body.body;
  return statement?.type === 'ReturnStatement' && rest.length === 0 ? valueOf(statement.argument, binding) : undefined;
}

/** A key set as data, `__proto__` too, so that no key written in a file reaches an object's prototype. */
function setKey(object: StaticObject, key: string, value: StaticValue): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function propertyKey(key: t.Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  if (key.type === 'NumericLiteral') return String(key.value);
  return undefined;
}
