import { describe, expect, it, vi } from 'vitest';
import { readStaticConfig, withoutJsonComments } from './static-config.js';

/** Read `path` among in-memory files, as a scan would read them from disk. */
function configOf(files: Record<string, string>, path = Object.keys(files)[0]!) {
  const read = (file: string) => Promise.resolve(Object.hasOwn(files, file) ? files[file] : undefined);
  return readStaticConfig(path, read);
}

describe('reading a configuration module without running it', () => {
  it('takes the literal values of a CommonJS export, a computed one left undefined', async () => {
    const text = [
      "const path = require('path');",
      "const BASE_URL = '/docs';",
      'module.exports = {',
      "  title: 'Site', port: 3000, strict: true, none: null, tagged: `plain`,",
      "  presets: [['classic', { docs: { path: '../docs', sidebarPath: require.resolve('./sidebars') } }]],",
      "  computed: path.join('a', 'b'), interpolated: `${path.sep}`, baseUrl: `${BASE_URL}/v${1}/`,",
      '};',
    ].join('\n');
    expect(await configOf({ 'website/docusaurus.config.js': text })).toEqual({
      title: 'Site',
      port: 3000,
      strict: true,
      none: null,
      tagged: 'plain',
      presets: [['classic', { docs: { path: '../docs', sidebarPath: undefined } }]],
      computed: undefined,
      interpolated: undefined,
      baseUrl: '/docs/v1/',
    });
  });

  it("reads Fumadocs's modules as everything they export, its collections' and loader's options among them", async () => {
    const collections = [
      "import { defineConfig, defineDocs } from 'fumadocs-mdx/config';",
      "export const docs = defineDocs({ dir: 'content/docs', docs: { files: ['**/*.mdx'] } });",
      'export default defineConfig({ lastModifiedTime: "git" });',
    ].join('\n');
    expect(await configOf({ 'source.config.ts': collections })).toEqual({ docs: { dir: 'content/docs', docs: { files: ['**/*.mdx'] } }, default: { lastModifiedTime: 'git' } });
    const loader = "import { loader } from 'fumadocs-core/source';\nexport const source = loader({ baseUrl: '/docs', source: docs.toFumadocsSource() });\n";
    // The collection a loader serves is read by its name: `docs.toFumadocsSource()`.
    expect(await configOf({ 'src/lib/source.ts': loader })).toEqual({ source: { baseUrl: '/docs', source: { collection: 'docs' } } });
    // Any other module is its default export, as before.
    expect(await configOf({ 'src/lib/other.ts': loader })).toBeUndefined();
  });

  it("reads a Next.js configuration through its plugins, and what a method or function only returns", async () => {
    const text = [
      "import nextra from 'nextra';",
      'const withNextra = nextra({});',
      'const nextConfig = {',
      "  async redirects() { return [{ source: '/error/:id', destination: '/tips/:id', permanent: false }]; },",
      "  rewrites: async () => [{ source: '/a', destination: '/b' }],",
      "  headers: async function () { return [] },",
      "  async computed() { const list = []; return list; },",
      "  withArgument(phase) { return { phase }; },",
      '};',
      'export default withNextra(withMDX(nextConfig));',
    ].join('\n');
    expect(await configOf({ 'next.config.mjs': text })).toEqual({
      redirects: [{ source: '/error/:id', destination: '/tips/:id', permanent: false }],
      rewrites: [{ source: '/a', destination: '/b' }],
      headers: [],
      computed: undefined,
      withArgument: undefined,
    });
  });

  it('reads a literal table mapped into objects, as Next.js configurations list redirects', async () => {
    const text = [
      'export default {',
      '  redirects: async () => [',
      '    ...pairs.map(([source, destination]) => ({ source, destination, permanent: false })),',
      "    ...names.map((name) => ({ source: `/old/${name}`, destination: '/new' })),",
      '    ...pairs.map(([source], index) => ({ source, index })),',
      '    ...computed().map(([source]) => ({ source })),',
      '  ],',
      '};',
      "const pairs = [['/demo', '/docs/demo'], ['/video', '/guides/video']];",
      "const names = ['a'];",
    ].join('\n');
    expect(await configOf({ 'next.config.mjs': text })).toEqual({
      redirects: [
        { source: '/demo', destination: '/docs/demo', permanent: false },
        { source: '/video', destination: '/guides/video', permanent: false },
        { source: '/old/a', destination: '/new' },
        undefined,
        undefined,
      ],
    });
  });

  it('reads TypeScript: a const, `satisfies` and `as`, a default export of a name', async () => {
    const text = [
      "import type { Config } from '@docusaurus/types';",
      "const common = { routeBasePath: '/guides' } as const;",
      "const config: Config = { plugins: [['content-docs', { id: 'guides', ...common } satisfies object]] };",
      'export default config;',
    ].join('\n');
    expect(await configOf({ 'docusaurus.config.ts': text })).toEqual({ plugins: [['content-docs', { id: 'guides', routeBasePath: '/guides' }]] });
  });

  it('follows a spread of redirects imported from a local module, JavaScript, TypeScript or JSON', async () => {
    const config = [
      "import { defineConfig } from 'astro/config';",
      "import redirects from './redirects.js';",
      "import { more } from './more';",
      "import extra from './extra.json';",
      "export default defineConfig({ redirects: { ...redirects, ...more, ...extra, '/x': { status: 301, destination: '/y' } } });",
    ].join('\n');
    expect(
      await configOf({
        'astro.config.mjs': config,
        'redirects.js': "export default { '/old': '/new' };",
        'more.ts': "export const more: Record<string, string> = { '/a/[slug]': '/b/[slug]' };",
        'extra.json': '{ "/j": "/k" }',
      }),
    ).toEqual({ redirects: { '/old': '/new', '/a/[slug]': '/b/[slug]', '/j': '/k', '/x': { status: 301, destination: '/y' } } });
  });

  it("reads VitePress's `defineConfigWithTheme<ThemeConfig>({...})`, as it reads `defineConfig`", async () => {
    const config = [
      "import { defineConfigWithTheme } from 'vitepress';",
      "import type { Config as ThemeConfig } from '@vue/theme';",
      "import baseConfig from '@vue/theme/config';",
      'export default defineConfigWithTheme<ThemeConfig>({',
      '  extends: baseConfig,',
      "  srcDir: 'src',",
      "  srcExclude: ['tutorial/**/description.md'],",
      '});',
    ].join('\n');
    expect(await configOf({ '.vitepress/config.ts': config }, '.vitepress/config.ts')).toEqual({ extends: undefined, srcDir: 'src', srcExclude: ['tutorial/**/description.md'] });
  });

  it("reads Lume's site, `lume({...})`, as its options under its name, whatever the module does with the site after", async () => {
    const text = ["import lume from 'lume/mod.ts';", '', "const site = lume({ src: './src', location: new URL('https://example.com') }, { markdown: {} });", "site.copy('static', '.');", '', 'export default site;'].join('\n');
    expect(await configOf({ '_config.ts': text })).toEqual({ lume: { src: './src', location: undefined }, copies: [{ from: 'static', to: '.' }] });
    expect(await configOf({ '_config.js': "import lume from 'lume/mod.ts';\nexport default lume();\n" })).toEqual({ lume: {}, copies: [] });
  });

  it("reads a call of a package's default export as its options under the package's name, and a conditional by its literal test", async () => {
    const text = [
      "import openAPI from 'starlight-openapi';",
      "import { named } from 'some-package';",
      "import local from './local.mjs';",
      'const reference = true;',
      'const hidden = false;',
      'export default {',
      "  plugins: [openAPI([{ base: 'api' }]), named({ a: 1 }), local({ b: 2 }), openAPI(), openAPI(1, 2)],",
      "  shown: reference ? 'yes' : 'no', dropped: hidden ? ['a'] : [], unknown: process.env.X ? 'a' : 'b',",
      "  mapped: [['a', 'api']].map(([openAPI, base]) => openAPI({ base })),",
      '};',
    ].join('\n');
    expect(await configOf({ 'astro.config.mjs': text, 'local.mjs': 'export default function local() {}' })).toEqual({
      plugins: [{ 'starlight-openapi': [{ base: 'api' }] }, undefined, undefined, { 'starlight-openapi': {} }, undefined],
      shown: 'yes',
      dropped: [],
      unknown: undefined,
      mapped: [undefined],
    });
  });

  it("reads the files a Lume site copies, by `site.copy` or Lume 3's `site.add`, where written literally", async () => {
    const text = [
      "import lume from 'lume/mod.ts';",
      'const site = lume();',
      "site.copy('static', '.');",
      "site.add('img');",
      "site.copy(['.png', '.jpg']);",
      "site.copy('reference_gen/gen/deno/page.css', '/api/deno/page.css');",
      "site.copy('posts/assets', (file) => file.replace('.scss', '.css'));",
      'site.copy(folder);',
      "other.copy('elsewhere', '.');",
      'export default site;',
    ].join('\n');
    expect(await configOf({ '_config.ts': text })).toEqual({
      lume: {},
      copies: [
        { from: 'static', to: '.' },
        { from: 'img', to: undefined },
        { from: ['.png', '.jpg'], to: undefined },
        { from: 'reference_gen/gen/deno/page.css', to: '/api/deno/page.css' },
      ],
    });
  });

  it("reads a TOML data file whole, as Hugo's `hugo.toml`, a date as it is written", async () => {
    const text = 'title = "Docs"\ntheme = ["docsy"]\n\n[[module.mounts]]\nsource = "content"\ntarget = "content"\n\n[params]\nreleased = 2024-01-02\n';
    expect(await configOf({ 'hugo.toml': text }, 'hugo.toml')).toEqual({ title: 'Docs', theme: ['docsy'], module: { mounts: [{ source: 'content', target: 'content' }] }, params: { released: '2024-01-02' } });
    expect(await configOf({ 'config.toml': 'title = \n' }, 'config.toml')).toBeUndefined();
  });

  it('reads a TypeScript configuration with comments and trailing commas, as TypeScript reads it', async () => {
    const text = '{\n  // paths\n  "compilerOptions": { "paths": { "~/*": ["./src/*",], }, /* "baseUrl": "x" */ },\n  "note": "a // in a string, and /* this */, stay",\n}\n';
    const read = (path: string) => Promise.resolve(path === 'tsconfig.json' ? text : undefined);
    expect(await readStaticConfig('tsconfig.json', read)).toEqual({ compilerOptions: { paths: { '~/*': ['./src/*'] } }, note: 'a // in a string, and /* this */, stay' });
    expect(withoutJsonComments('["a\\"//", 1, /* , */ ]')).toBe('["a\\"//", 1   ]');
  });

  it('gives up on what it cannot see: keys before an unread spread, a module that is not there, a parse error', async () => {
    expect(await configOf({ 'a.mjs': "import rest from './missing.js';\nexport default { path: 'docs', ...rest, after: 'kept' };" })).toEqual({ path: undefined, after: 'kept' });
    expect(await configOf({ 'b.mjs': 'export default {' })).toBeUndefined();
    expect(await configOf({ 'c.mjs': 'export default async function config() { return {}; }' })).toBeUndefined();
    expect(await configOf({}, 'd.mjs')).toBeUndefined();
  });

  it('reads a `let` as computed, and a cycle of imports until a name comes round again', async () => {
    expect(await configOf({ 'a.mjs': "let base = 'docs';\nbase = 'other';\nexport default { base };" })).toEqual({ base: undefined });
    expect(await configOf({ 'a.mjs': "import b from './b.mjs';\nexport default { b };", 'b.mjs': "import a from './a.mjs';\nexport default { a };" })).toEqual({ b: { a: { b: undefined } } });
  });

  it('keeps a `__proto__` key as data', async () => {
    const value = await configOf({ 'a.mjs': "import extra from './x.json';\nexport default { ...extra, '__proto__': { polluted: true } };", 'x.json': '{"__proto__": {"polluted": true}}' });
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads a YAML configuration quietly, a tag it does not know (MkDocs\'s) dropped from its value', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const text = ['site_name: Docs', 'format: !!python/name:pymdownx.superfences.fence_code_format', 'key: !ENV [API_KEY, none]', 'plugins:', '  - search'].join('\n');
      expect(await configOf({ 'mkdocs.yml': text })).toEqual({ site_name: 'Docs', format: '', key: ['API_KEY', 'none'], plugins: ['search'] });
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it("reads what an Eleventy configuration's function returns and the input folder it sets, over its exported `config`", async () => {
    const text = [
      "const plugin = require('./plugin.js');",
      "export const config = { dir: { input: 'src', output: 'dist' }, markdownTemplateEngine: 'njk' };",
      'export default function (eleventyConfig) {',
      '  eleventyConfig.addPlugin(plugin);',
      "  eleventyConfig.setInputDirectory('content');",
      "  other.setInputDirectory('elsewhere');",
      "  if (process.env.CI) return { dir: { input: 'ci' } };",
      "  return { dir: { includes: '_includes' }, htmlTemplateEngine: 'njk', computed: plugin.name };",
      '}',
    ].join('\n');
    expect(await configOf({ 'eleventy.config.mjs': text })).toEqual({
      dir: { input: 'content', output: 'dist', includes: '_includes' },
      markdownTemplateEngine: 'njk',
      htmlTemplateEngine: 'njk',
      computed: undefined,
    });
    // One declared and exported by its name, returning its options.
    const declared = "function setup(config) {\n  return { dir: { input: 'docs' } };\n}\nmodule.exports = setup;\n";
    expect(await configOf({ '.eleventy.js': declared })).toEqual({ dir: { input: 'docs' } });
  });
});

describe('an MkDocs configuration that inherits another', () => {
  const readFrom = (files: Record<string, string>) => (path: string) => Promise.resolve(Object.hasOwn(files, path) ? files[path] : undefined);

  it('takes the settings of the file `INHERIT` names, relative to its own, its own over them: mappings merged, lists replaced', async () => {
    const read = readFrom({
      'site/mkdocs.yml': 'INHERIT: ../shared/base.yml\nsite_name: Handbook\ntheme:\n  palette: slate\nplugins:\n  - search\n',
      'shared/base.yml': 'INHERIT: common.yml\ndocs_dir: pages\ntheme:\n  name: material\n  palette: default\nplugins:\n  - search\n  - tags\n',
      'shared/common.yml': 'site_url: https://example.org/\ndocs_dir: content\n',
    });
    expect(await readStaticConfig('site/mkdocs.yml', read)).toEqual({
      site_url: 'https://example.org/',
      docs_dir: 'pages',
      site_name: 'Handbook',
      theme: { name: 'material', palette: 'slate' },
      plugins: ['search'],
    });
  });

  it('is read as it is written when the inherited file is missing, outside the folder read, or inherits it back', async () => {
    expect(await readStaticConfig('mkdocs.yml', readFrom({ 'mkdocs.yml': 'INHERIT: base.yml\ndocs_dir: source\n' }))).toEqual({ docs_dir: 'source' });
    expect(await readStaticConfig('mkdocs.yml', readFrom({ 'mkdocs.yml': 'INHERIT: ../base.yml\ndocs_dir: source\n', '../base.yml': 'site_name: Outside\n' }))).toEqual({ docs_dir: 'source' });
    const cycle = readFrom({ 'mkdocs.yml': 'INHERIT: base.yml\nsite_name: Own\n', 'base.yml': 'INHERIT: mkdocs.yml\ndocs_dir: source\n' });
    expect(await readStaticConfig('mkdocs.yml', cycle)).toEqual({ docs_dir: 'source', site_name: 'Own' });
  });

  it('keeps reading past the tags MkDocs adds to YAML (`!ENV`, `!relative`, `!!python/name:`)', async () => {
    const text = [
      'site_name: Tagged',
      "docs_dir: !ENV [DOCS_DIR, 'source']",
      'watch:',
      '  - !relative $config_dir/../src',
      'markdown_extensions:',
      '  - pymdownx.emoji:',
      '      emoji_index: !!python/name:material.extensions.emoji.twemoji',
      'site_url: !ENV SITE_URL',
      '',
    ].join('\n');
    const value = await readStaticConfig('mkdocs.yml', readFrom({ 'mkdocs.yml': text }));
    expect(value).toMatchObject({ site_name: 'Tagged', docs_dir: ['DOCS_DIR', 'source'], watch: ['$config_dir/../src'], site_url: 'SITE_URL' });
  });
});
