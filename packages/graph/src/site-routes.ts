/**
 * Links written as a site's addresses rather than as files.
 *
 * A GitHub wiki (a folder holding `_Sidebar.md` or `_Footer.md`, or a root holding `Home.md`,
 * as a wiki's clone does) links to a page by its name alone, `[x](Page-Name)`, whatever folder
 * holds `Page-Name.md`.
 *
 * A site generator serves the Markdown files of its content folder at routes, and its pages
 * link to each other by them (`/guide/features`, `setup`, `../cli/index.html`):
 *
 * - Docusaurus: `docs/` beside `docusaurus.config.*` (or beside its folder, or holding it),
 *   and each version's and translation's copy in `versioned_docs/` and `i18n/` (a translated
 *   blog post or page, `i18n/zh/docusaurus-plugin-content-blog/`, reaching its locale's docs); number prefixes
 *   (`01-intro`) dropped, `id` read; a doc's file also read from the docs folder
 *   (`/api/store.md`, `api/store.md`); its blog's posts, `blog/2024-01-02-title.md`, at
 *   `/blog/2024/01/02/title`, its list at `/blog` (or each blog's folder and route base, as
 *   the configuration sets them); a category's generated index at
 *   `/category/<folder>`, or where its `_category_.json` or sidebars file puts it; a doc named as its folder at the folder's route; its own pages,
 *   `src/pages/versions.tsx` at `/versions`; `@site/` the configuration's folder. Its
 *   configuration is read as far as it is written literally (see `readStaticConfig`): each docs
 *   plugin instance's `path` and `routeBasePath` (the preset's `docs`, or `false`, and each
 *   `plugins` entry of the docs plugin), its versions (`<id>_versioned_docs/`) under their
 *   paths, the current docs under `next` once there are versions, and `lastVersion`; the
 *   client redirects plugin's `redirects`, and the routes other plugins serve (see
 *   `docusaurusPlugins`), which are theirs, not judged. A page
 *   stays known at its path without the base too, as where the configuration cannot be read
 *   a route is known both with and without `docs/` in front.
 * - VitePress and VuePress: the folder holding `.vitepress/` or `.vuepress/`; a link may also
 *   name a page's file there (`/guide/setup.md`), and VuePress makes a link to a page's file
 *   its route, `README.md` and `index.md` alike. VitePress's configuration is read as far as
 *   it is written literally: its `srcDir` holds the pages and their `public/`, and its
 *   `rewrites` serve a page elsewhere (`'en/:rest*': ':rest*'`, see `vitepressConfigured`).
 * - Nuxt Content: `content/` beside `nuxt.config.*`, number prefixes dropped.
 * - Mintlify: the folder holding `docs.json` (or the older `mint.json`), its files served there too,
 *   each page at its file's path (Mintlify reads no `slug`);
 *   its `redirects`, written as Next.js's, followed (`/en/:slug*` to a version's `/v1.2/en/:slug*`);
 *   a route under the `directory` an `openapi` entry has its pages generated in is not judged.
 * - Rspress: `docs/` beside `rspress.config.*` (or beside Rstack's `rstack.config.*`, which may
 *   configure it), its `public/` served at the root; a language's
 *   folder (`docs/zh/`) left out of the route, as Nextra's, and a link from a page of one
 *   language reaching that language's page (Rspress prefixes it); a link may also name a page's
 *   file from the docs folder (`/guide/start.mdx`). A `root` other than `docs` is not read.
 * - Vocs: `docs/pages/` beside `vocs.config.*` (Vocs 1, `rootDir` defaulting to `docs`) or
 *   `src/pages/` (Vocs 2, the configuration's folder its root), with `docs/public/` or
 *   `public/` served at the root. A `rootDir` or `srcDir` set otherwise is not read.
 * - Nextra: `content/` or `src/content/` beside `next.config.*` (Nextra 4), or the pages
 *   router's `pages/` or `src/pages/` (Nextra 2 and 3, Next.js with MDX pages); a folder group,
 *   `content/docs/(guides)/`, left out of the route, as Fumadocs leaves it (a Fumadocs site's
 *   own folder and route base, where its modules write them, see `fumadocsContent`); a page's file named
 *   from the content folder (`/deploy/setup.md`), as Nextra takes the extension off; the app
 *   router's own pages and route handlers (`app/community/page.tsx`, see `addAppRoutes`), and the
 *   Markdown a dynamic segment's page serves from a folder beside it (`app/blog/posts/hello.mdx`
 *   at `/blog/hello` beside `app/blog/[slug]/page.tsx`); a locale's folder
 *   (`content/en/`) left out of the route; such a route from a page of one language is
 *   that language's page, as Nextra sends its readers.
 * - Astro Starlight: `src/content/docs/`, beside the site's own `src/pages/`; each segment of a
 *   page's path made a slug as GitHub makes an anchor (`Inter-Process Communication` is
 *   `inter-process-communication`), as Astro makes an entry's id, or the frontmatter's `slug`,
 *   which Astro takes for the whole id (`slug: blog/hello`, from the content folder). The configuration's
 *   `redirects` are read: a redirected route reaches the page the redirect leads to. Where
 *   it runs Markdown plugins of its own, a root-relative link may name a page's file
 *   (`/guide/setup.md`), as the plugin such sites add takes the extension off. An image may
 *   name its file through the project's import aliases (see `importAliases`). The routes its
 *   Starlight plugins add, starlight-openapi's and starlight-llms-txt's, are theirs (see
 *   `starlightPluginRoutes`).
 * - dumi: `docs/` beside `.dumirc.*` (dumi 2), or beside umi's `.umirc.*` or `config/config.*`
 *   (dumi 1 or 2), at the root, and its asset folder `src/` beside it under `/components`
 *   (dumi 2, its first-level pages and folders' indexes) or at the root (dumi 1, each package's
 *   `src/` too); names in kebab case (`docs/HelloWorld.md` at `/hello-world`), and a language's
 *   suffix (`index.zh-CN.md`) put before the route (`/zh-CN`), or left out for the first
 *   language where no unsuffixed page (the first language's own) is at that route. dumi 2's
 *   `.dumirc.*` is read as far as it is written literally: `resolve.docDirs` and
 *   `resolve.atomDirs` (a `type` puts a folder's pages under its plural, `/docs/`,
 *   `/components/`) and `locales` (a language at its `base`, `/en-US/guide`, or with its
 *   `suffix`, `/guide-cn`); its React pages, `.dumi/pages/theme-editor/index.tsx` at
 *   `/theme-editor`. dumi 1's `resolve.includes` is not read; a dumi 1 page's `nav.path` is.
 * - Hugo and Zola: `content/`, and each language's `content/en/`; Hugo's configuration may be
 *   in `config/_default/`; Zola's `@/path.md` names a file there. The configuration's mounts
 *   and themes are read (see `HugoServing`): a file mounted in the content is a page where each
 *   mount puts it, and a theme's `static/` is served beside the site's.
 * - Hexo: `source/` beside `scaffolds/`.
 * - Retype: the `input` folder its `retype.yml` names (its own folder when none), its other files
 *   served as they are; a folder's default page is its `index.md`, `readme.md`, `default.md` or
 *   the page named as the folder, and the top's `welcome.md` or `home.md`; `permalink` (or
 *   `route`) read. Routes, and its files from the top, are matched in lower case, as Retype
 *   writes its output in lower case.
 * - Jekyll: the folder holding `_config.yml` beside `_layouts/`, `_includes/`, `_posts/` or a
 *   Gemfile (see `jekyllRoutes`), its permalinks read from its configuration (see
 *   `jekyllPermalinks`), a page's `redirect_from` routes redirecting to it.
 * - Docsify: the folder holding its `index.html` beside its own `_sidebar.md`, `_navbar.md` or
 *   `_coverpage.md` (a wiki's are `_Sidebar.md`, `_Footer.md`), or the `docs/` holding them
 *   below its `index.html` (`basePath: 'docs/'`, not read). Docsify reads a page's links
 *   from that folder, not from the page (its `relativePath`, not read, is off by default):
 *   `/guide/setup.md` and `guide/setup.md` from any page are the site's `guide/setup.md`.
 *   Its cover page, `_coverpage.md`, is shown above the home page beside it, `README.md`,
 *   whose headings its `#anchor` links reach (`[Get Started](#quick-start)`).
 * - Eleventy: the input folder its configuration sets (`dir: { input: 'source' }` returned by
 *   its function, or `setInputDirectory('source')`, see `readStaticConfig`), else `src/`,
 *   `content/` or `docs/` beside it, else its folder; a date prefix dropped, `permalink` read,
 *   `/docs/x.md` naming the file.
 * - mdBook: `src/` beside `book.toml`; a link climbing above the book to a page names a book
 *   published beside it (see `SiteRoutes.besideBook`). MkDocs: `docs/` beside `mkdocs.yml` (or another
 *   `mkdocs-*.yml`, as sites with several configurations name them, or ProperDocs's
 *   `properdocs.yml`, the maintained fork's, read alike), or the `docs_dir` it sets, itself or
 *   through the configuration it `INHERIT`s (see `mkdocsDocsDir`); a language's folder of
 *   a site translated with mkdocs-static-i18n (`docs/ja/`) falls back to the default
 *   language's files (see `LanguageFolders`).
 * - DocFX (Microsoft Learn): the folder holding `docfx.json`, a docset. `~/` names a file from
 *   there; a root-relative route (`/dotnet/api/system.string`) may be any docset's of the
 *   host the site is published on, so one that is not this docset's is not judged.
 * - JetBrains Writerside: `topics/` beside `writerside.cfg` (or `project.ihp`); a topic links
 *   to another by its file's name alone (`[x](setup.md)`), whatever folder holds it.
 * - An Obsidian vault (the folder holding `.obsidian/`) is no site, but Obsidian finds a file
 *   linked by its name alone (`![x](flow.png)`, `[x](Idea.md)`) wherever the vault holds it.
 * - Hugging Face's doc-builder: each language's folder holding `_toctree.yml`
 *   (`docs/source/en/`), whose pages link each other by route, relative to the page
 *   (`../tutorials/tools`), as its guides ask.
 * - A Terraform provider's documentation: `docs/` beside `terraform-registry-manifest.json`, or
 *   beside the `templates/*.md.tmpl` tfplugindocs writes it from, as the Terraform Registry
 *   publishes it: a page at its path without the extension, linked by route relative to the
 *   page (`../resources/dashboard` from a guide).
 * - Slidev: a deck's folder, the one whose `package.json` depends on `@slidev/cli`, with its
 *   `public/` served at the root (`/diagram.png` from a slide).
 * - Lume: the folder whose `_config.ts` (or `.js`) exports a site made by `lume()`, its pages in
 *   the `src` it sets, at folder addresses as Hugo's are unless it sets `prettyUrls: false`
 *   (`url` and `basename` read, a name starting with `_` or `.` no page); the files and folders
 *   its `site.copy(from, to)` (or Lume 3's `site.add`) copies elsewhere served there too, any
 *   other file of it at its path, as what it copies is not otherwise read; its page modules (`reference.page.ts`) pages at their
 *   paths, and makers of pages at addresses they compute (see `SiteRoutes.pageModulesMaking`).
 *
 * A file a site serves as it is (its static folder's, MkDocs's content folder's) answers at its
 * path from the top, and a folder of them at its own path by its `index.html`
 * (`/api-reference/cli/`), as a static host serves it.
 *
 * A page's route is its path there without the extension, with an `index`, `README` or
 * `_index` name dropped, or its frontmatter's `slug` (or `url`; Mintlify reads neither; Zola's
 * `path` over both), in YAML or TOML frontmatter. Hugo's, Zola's and Jekyll's
 * pages are at folder addresses (`/docs/api/`), from which a relative link is read. Other
 * configured bases are not read.
 *
 * GitBook (the folder holding `.gitbook.yaml` or `.gitbook/assets/`) and Diplodoc (the folder
 * holding `.yfm`) serve pages too, but they link by file: only their anchors are their own.
 *
 * A Sphinx or Jupyter Book project of MyST pages (the folder holding `conf.py`, `_toc.yml` or
 * `myst.yml`) reads a path from the top (`/images/flow.png`) from that folder, its source
 * folder; it links to a page by its path without the extension, and to a target a page sets
 * (`(name)=`, `{#name}`, a directive's `:name:` or `:label:`) by that name alone, which may hold a slash
 * (`syntax/alerts`): `[text](name)` or `[text](#name)`, from any page.
 */
import { posix } from 'node:path';
import picomatch from 'picomatch';
import { githubSlug, type SiteAnchorStyle } from 'remark-capsules';
import type { CorpusDocument } from './document.js';
import type { StaticObject, StaticValue } from './static-config.js';

/**
 * The site files whose contents are read (see `readStaticConfig`): Docusaurus's, Astro's,
 * Next.js's, dumi 2's and VitePress's configurations, Docusaurus's sidebars (`sidebars.js`, a version's
 * `versioned_sidebars/version-2.0-sidebars.json`) and category files (`_category_.yml`), and
 * MkDocs's configuration (for the languages its i18n plugin sets), Eleventy's (for its input
 * folder), Mintlify's `docs.json`
 * or `mint.json` (for its `redirects`), and Fumadocs's `source.config.ts` and `lib/source.ts`
 * (for its content folder and the route it is served under, see `fumadocsContent`), Lume's
 * `_config.ts` (for its `src`, see `lumeSite`), Hugo's and Zola's `hugo.toml` or `config.toml`
 * (`.yaml`, `.json`, or in `config/_default/` beside its `module.toml` and `permalinks.toml`: for
 * its mounts, themes and permalinks, see `hugoServing`), Jekyll's `_config.yml` (for its permalinks, see `jekyllPermalinks`),
 * each `package.json` (a Slidev deck's, see `slidevDeck`), and each `tsconfig.json` or
 * `jsconfig.json` (an Astro project's import aliases, see `importAliases`), and TypeDoc's
 * `typedoc.json` or `typedoc.config.js` (the folder of a site's pages it writes, see `typedocOutputs`).
 */
export const siteConfigName =
  /(?:^|\/)(?:(?:docusaurus|astro|next)\.config\.(?:js|ts|mjs|cjs|mts|cts)|\.dumirc\.(?:js|ts|mjs|cjs|mts|cts)|\.vitepress\/config(?:\/index)?\.(?:js|ts|mjs|cjs|mts|cts)|sidebars[\w-]*\.(?:js|ts|mjs|cjs|json)|versioned_sidebars\/version-[^/]+-sidebars\.json|_category_\.(?:json|ya?ml)|(?:mkdocs|properdocs)(?:[-.][\w.-]+)?\.ya?ml|docs\.json|mint\.json|retype\.(?:ya?ml|json)|_config\.(?:ts|js|mjs|tsx|jsx|ya?ml)|source\.config\.(?:ts|mts|js|mjs)|eleventy\.config\.(?:js|mjs|cjs|ts)|\.eleventy\.(?:js|mjs|cjs)|(?:src\/)?(?:lib|app)\/source\.(?:ts|tsx|js|mjs)|package\.json|[tj]sconfig\.json|typedoc(?:\.config)?\.(?:json|js|cjs|mjs)|(?:hugo|config)\.(?:toml|ya?ml|json)|config\/_default\/(?:module|permalinks)\.(?:toml|ya?ml|json))$/;
/**
 * Files read beside a site's configuration that are no sign of a site on their own: Fumadocs's
 * `lib/source.ts`, TypeDoc's configuration, a `package.json` and a `config.yaml` (any project may have one), and Hugo's
 * `hugo.toml`, `config/_default/module.toml` and `permalinks.toml` and Jekyll's or Hexo's `_config.yml`, which
 * were never taken for one. `isSiteConfig` leaves them out.
 */
const readBesideSite = /(?:^|\/)(?:(?:src\/)?(?:lib|app)\/source\.(?:ts|tsx|js|mjs)|package\.json|[tj]sconfig\.json|typedoc(?:\.config)?\.(?:json|js|cjs|mjs)|(?:hugo|config)\.(?:toml|ya?ml|json)|config\/_default\/(?:module|permalinks)\.(?:toml|ya?ml|json)|_config\.ya?ml)$/;

/** Whether a file is a site generator's configuration, one that alone says a site is built here (see `siteConfigName`). */
export function isSiteConfig(path: string): boolean {
  return siteConfigName.test(path) && !readBesideSite.test(path);
}

/** Docusaurus's category file, `_category_.json` or `.yml`, setting its folder's label and index page. */
const categoryFile = /(?:^|\/)_category_\.(?:json|ya?ml)$/;

/** The site configurations read, by path, as far as they are written literally. */
export type SiteConfigs = ReadonlyMap<string, StaticValue>;

export interface SiteRoutes {
  /** The document a route-style link from `fromDocument` reaches, if it is a page of the wiki or site holding that document. */
  resolve(fromDocument: string, target: string): string | undefined;
  /** Whether a site generator serves the file: it is in a site's content folder. */
  serves(path: string): boolean;
  /** The ways the generators serving the file make its headings' anchors, besides GitHub's (none when no site serves it). */
  anchorStyles(path: string): ReadonlySet<SiteAnchorStyle>;
  /** The page that sets the MyST target `name` (see `DocumentFacts.labels`), in the project holding `fromDocument`. */
  label(fromDocument: string, name: string): string | undefined;
  /** Whether the page is one of a MyST project, where a name may also be a target that Sphinx makes (an API's, its index's). */
  namesTargets(path: string): boolean;
  /** Whether links reach the page's headings by their text too (an Obsidian vault's note: `#Some%20Heading`). */
  anchorsByHeadingText(path: string): boolean;
  /** The page the site shows below this one, whose headings its `#anchor` links reach: a Docsify cover page's home page, `README.md` beside it. */
  pageBelow(path: string): string | undefined;
  /**
   * The files that would be the page a route-style link from `fromDocument` names, were they
   * there (`src/content/docs/guides/setup.md` for `/guides/setup/`): a build may make them.
   */
  pageFiles(fromDocument: string, target: string): string[];
  /** The MyST targets of the project holding `fromDocument`, in lower case. */
  labels(fromDocument: string): string[];
  /**
   * Whether the page is one of a DocFX docset: `~/` names a file from the docset's folder, and
   * the host it is published on (Microsoft Learn) serves other docsets beside it, so a
   * root-relative route it does not serve may be theirs.
   */
  isDocfxPage(path: string): boolean;
  /**
   * The title an MkDocs site gives the page when the page gives itself none: the one its
   * `nav` gives it (`- Installation: setup/install.md`), else the one MkDocs makes from the
   * file's name (see `mkdocsFileTitle`). Undefined for a page no MkDocs site serves.
   */
  siteTitle(path: string): string | undefined;
  /**
   * Whether the site serving the file reads a `.md` page as MDX: Docusaurus does (its
   * `import` and `export` lines JavaScript, its capitalised tags components) unless its
   * configuration's `markdown.format` is `md` or `detect`.
   */
  readsMarkdownAsMdx(path: string): boolean;
  /**
   * Where the site's configuration redirects the route a link from `fromDocument` names
   * (Astro's `redirects`, Docusaurus's client redirects), when it does: `/new` for `/old`.
   */
  redirectOf(fromDocument: string, target: string): string | undefined;
  /**
   * The file an image on a page of an Astro site names through one of the project's import
   * aliases (`~/images/flow.png` with `"~/images/*": ["./src/assets/images/*"]` under
   * `compilerOptions.paths` in the `tsconfig.json` or `jsconfig.json` beside its configuration),
   * as Astro imports a Markdown image whose path is neither relative nor from the root.
   */
  aliasedImage(fromDocument: string, target: string): string | undefined;
  /**
   * The plugin of the site's configuration that serves the route a link from `fromDocument`
   * names, when one does: `redocusaurus` for `/api` where its options set `route: '/api/'`,
   * `starlight-llms-txt` for `/llms.txt`.
   */
  pluginServing(fromDocument: string, target: string): string | undefined;
  /**
   * Whether a relative link from a page of an mdBook climbs above the book to a page
   * (`../std/index.html` from `src/ch02.md`, or `../reference/types.md` to a folder above, which
   * mdBook writes as its `.html`): books are published beside each other on one
   * host (the Rust book at `/book/`, beside `/std/` and `/reference/`), so the link names
   * a page of the host's, not of the book or of the repository.
   */
  besideBook(fromDocument: string, target: string): boolean;
  /**
   * The page modules of the site serving `fromDocument` that may make the page a route-style
   * link names when no file serves it: a Lume site's `*.page.ts` (or `.js`, `.tsx`, `.jsx`)
   * may make any number of pages at addresses it computes (`/api/deno/~/Deno.serve`), which
   * are not read. Empty when the link names a file (`x.png`) or no such module is there.
   */
  pageModulesMaking(fromDocument: string, target: string): readonly string[];
  /**
   * A page's place in each site's content folder (its `index.md`, there or not): where a text
   * the site shows on a page it builds (an API reference's) has its links from the site's root read.
   */
  pagePlaces(): string[];
}

interface Generator {
  /** The configuration file that marks a site. */
  config: RegExp;
  /** How it makes a heading's anchor where that is not GitHub's way; unread conventions get the common ones (`unknownAnchors`). */
  anchors?: readonly SiteAnchorStyle[];
  /** The content folder, relative to the folder of the configuration's first match (`config.exec(file)[1]`). */
  content: string;
  /** Docusaurus's ways: `id` read, routes under `docs/` too, and the versions and translations of the docs beside them. */
  docusaurus?: true;
  /** Number prefixes dropped from names (`01-intro`, `1.guide`), as Docusaurus and Nuxt Content order pages. */
  numberPrefixes?: true;
  /** Whether a link may name a page's file from the content folder, `/guide/setup.md`. */
  inputPaths?: true;
  /**
   * A Markdown plugin of the site's own takes `.md` and `.mdx` (and a last `/index`) off a
   * root-relative link, as Astro sites that link pages by file add one to do: `/guide/setup.md`
   * is the route `/guide/setup/`, whichever of `setup.md`, `setup.mdx` or `setup/index.md` serves it.
   */
  linkExtensionsTakenOff?: true;
  /** VuePress's: a link to a page's file is made its route, so `../README.md` reaches a folder's `index.md` too. */
  markdownRoutes?: true;
  /**
   * The folder the site serves as it is at its root (`/img/logo.svg`), relative to the
   * configuration's; or the first of several holding a file, as Vocs's moved between versions.
   */
  assets?: string | readonly string[];
  /** MyST's: targets set with `(name)=` reached by name. */
  myst?: true;
  /** Folders the content may be in, the first holding a file taken (Eleventy's input folder is the configuration's to set). */
  contents?: string[];
  /** Eleventy's: a date prefix (`2022-04-22-`) dropped from a page's name, and `permalink` read. */
  eleventy?: true;
  /**
   * Astro's: pages of `src/pages/` beside the content's, a locale's route served by the default
   * locale's page until it is translated, and each segment of a page's path made a slug as
   * GitHub makes an anchor (`concept/Inter-Process Communication/` at `/concept/inter-process-communication/`).
   */
  astro?: true;
  /** Pages link to each other by file, as on GitHub: only the anchors are the site's (GitBook's). */
  filesOnly?: true;
  /** What must be beside the configuration for it to be this generator's (`_config.yml` is not Jekyll's alone). */
  beside?: string[];
  /** Hugo's, Zola's and Jekyll's: a page's address ends in a slash (`/docs/api/`), so `../sdk/` from it is `/docs/sdk/`. */
  folderAddresses?: true;
  /** Hugo's and Zola's: the routes a page's frontmatter `aliases` lists redirect to it (see `aliasRoutes`). */
  pageAliases?: true;
  /** Hugo's and Zola's: a page that is its folder's `index.md` publishes the files beside it at its own address (see `bundleFile`). */
  pageBundles?: true;
  /** Zola's: a page's frontmatter `path` is its whole route from the site's root, over its folder and `slug` (Hugo reads no `path`). */
  pathField?: true;
  /** Hugo's: each top folder of the content named like a locale (`content/en/`) is a language's content, served as the content is. */
  localeContents?: true;
  /** Fumadocs's (and Next.js's app router's): a folder named in parentheses, a group (`(guides)/`), is left out of its pages' routes. */
  routeGroups?: true;
  /** Next.js's: the app router's own pages and route handlers (`app/community/page.tsx` at `/community`) beside the content's. */
  nextApp?: true;
  /** Nextra's and Rspress's: a top folder of the content named like a locale (`en`, `zh-cn`) is left out of its pages' routes. */
  localeFolders?: true;
  /** Docusaurus's blog: a post at `/blog/2024/01/02/title` from its dated name, or at `/blog/<slug>`. */
  blog?: true;
  /** Jekyll's: a collection's pages (`_docs/`) at their path with or without the collection's name, a post's by its date, `permalink` read. */
  jekyll?: true;
  /** Docsify's: a link that names no file from the page is read from the site's folder, as if it began with `/`. */
  linksFromSite?: true;
  /** DocFX's: `~/` is the docset's folder, and the host serves other docsets beside it (see `SiteRoutes.isDocfxPage`). */
  docfx?: true;
  /**
   * A file linked by its name alone, whatever folder holds it: Writerside's topics (`pages`),
   * or any file of an Obsidian vault (`files`), as its links are written "shortest path when possible".
   */
  byName?: 'pages' | 'files';
  /** Obsidian's: a link's anchor names a heading by its text (`[x](Guide.md#Some%20Heading)`), as Obsidian writes and follows it. */
  headingTextAnchors?: true;
  /** dumi's routes (see `DumiRouting`). */
  dumi?: DumiRouting;
  /** VitePress's `rewrites`, as its configuration sets them: a page's path in the content folder (`en/guide/setup.md`) to the one it is served at (`guide/setup.md`). */
  rewrites?: readonly { from: RegExp; to: string }[];
  /** MkDocs's: its configuration's i18n plugin read (see `LanguageFolders`). */
  mkdocs?: true;
  /** Mintlify's: its configuration's `redirects` read. */
  mintlify?: true;
  /** Slidev's: a site only where the `package.json` depends on Slidev's command (see `slidevDeck`). */
  slidev?: true;
  /** mdBook's: a book published beside others on one host, so a page climbing above it names theirs (see `SiteRoutes.besideBook`). */
  mdbook?: true;
  /** Lume's: a site only where the module exports a Lume site, its pages in the `src` it sets (see `lumeSite`); `url` and `basename` read. */
  lume?: true;
  /**
   * Retype's: a folder's default page is its `index.md`, `readme.md`, `default.md` or the page
   * named as the folder (`sample/sample.md`), and the top's `welcome.md` or `home.md` too; a
   * page's `permalink` (or `route`) moves it.
   */
  retype?: true;
}

/**
 * dumi's conventional routes: names in kebab case, a language's suffix before the route, and
 * the asset folders (components, hooks) beside the docs.
 */
interface DumiRouting {
  /** The asset folders, from the configuration's: `src`, or each package's, `packages/<name>/src` written with `*` for the name. */
  atoms: readonly string[];
  /** The routes an asset folder's pages are under: `components` (dumi 2), `''` (dumi 1). */
  atomsAt: readonly string[];
  /** Whether every page of an asset folder is served, as dumi 1 serves them; dumi 2 serves only a first-level page and a folder's index or README. */
  everyAtom: boolean;
  /** Whether this site is an asset folder, rather than the docs. */
  atom?: true;
  /** The asset folders `resolve.atomDirs` sets, each with the route its pages are under (`components` for `type: 'component'`); when set, in place of `atoms`. */
  atomDirs?: readonly { dir: string; at: string }[];
  /** The route a docs folder's pages are under, as `resolve.docDirs` sets it (`docs` for `{ type: 'doc', dir: 'docs' }`). */
  docsAt?: string;
  /** The languages `locales` sets, when the configuration was read: a page of one is at its `base` and its `suffix` (`/components/button-cn`). */
  locales?: readonly DumiLocale[];
}

/** A language of a dumi 2 site, as its configuration's `locales` sets it. */
interface DumiLocale {
  id: string;
  /** The route its pages are under, without slashes (`''` for `/`). */
  base: string;
  /** What its pages' routes end with (`-cn`). */
  suffix: string;
}

/** A Docusaurus site's blog, found beside its docs rather than by a configuration of its own. */
/** A Docusaurus site's configuration, in the folder it serves from. */
const docusaurusConfig = /^(?:(.*)\/)?docusaurus\.config\.(?:js|ts|mjs|cjs|mts|cts)$/;
const docusaurusBlog: Generator = { config: /(?!)/, content: 'blog', blog: true, assets: 'static', anchors: [] };

/** The anchor styles taken on a site whose own way is not modelled (Hugo's, Zola's, Eleventy's, ...): the common ones, as a wrong one only leaves a link unchecked. */
const unknownAnchors: readonly SiteAnchorStyle[] = ['vitepress', 'python-markdown', 'astro'];
/** The anchors taken on a Lume or Eleventy site: the common ones, and markdown-it-anchor's as it comes, the plugin such sites add to markdown-it. */
const markdownItAnchors: readonly SiteAnchorStyle[] = [...unknownAnchors, 'markdown-it-anchor'];

/** VitePress's configuration, `.vitepress/config.ts` or `.vitepress/config/index.ts`. */
const vitepressConfig = /^(?:(.*)\/)?\.vitepress\/config(?:\/index)?\.(?:js|ts|mjs|cjs|mts|cts)$/;

const generators: Generator[] = [
  // The docs beside the configuration, or beside its folder (`website/` with `path: '../docs'`,
  // which is not read), or the docs folder holding the configuration's (`docs/docusaurus/` with `path: '../'`).
  { config: docusaurusConfig, content: 'docs', contents: ['docs', '../docs', '..'], docusaurus: true, numberPrefixes: true, assets: 'static', anchors: [], inputPaths: true },
  // `.vitepress/config.ts` or `.vitepress/config/index.ts`: the pages are beside `.vitepress/`, or in the `srcDir` it sets.
  { config: vitepressConfig, content: '', assets: 'public', inputPaths: true, anchors: ['vitepress'] },
  // VuePress, VitePress's elder: the pages beside `.vuepress/`, its static files in `.vuepress/public/`.
  { config: /^(?:(.*)\/)?\.vuepress\/config\.(?:js|ts|mjs|cjs|mts|cts|ya?ml|toml)$/, content: '', assets: '.vuepress/public', inputPaths: true, markdownRoutes: true, anchors: ['vuepress'] },
  // Nextra: `content/` (or `src/content/`) beside `next.config.*`, one folder a locale when the site has more;
  // before Nextra 4, and in any Next.js site with MDX pages, the pages router's `pages/` (or `src/pages/`).
  // Nextra takes `.md` and `.mdx` off every link (`/deploy/setup.md` is the route `/deploy/setup`), so a link may name a page's file.
  // Its anchors are GitHub's, as are those of a Next.js site of its own that renders `content/` with rehype-slug.
  { config: /^(?:(.*)\/)?next\.config\.(?:js|ts|mjs|cjs|mts)$/, content: 'content', contents: ['content', 'src/content', 'pages', 'src/pages'], localeFolders: true, routeGroups: true, inputPaths: true, nextApp: true, assets: 'public', anchors: [] },
  // Nuxt Content: `content/` beside `nuxt.config.*`, ordered by number prefixes (`1.guide/2.setup.md`).
  { config: /^(?:(.*)\/)?nuxt\.config\.(?:js|ts|mjs|mts)$/, content: 'content', numberPrefixes: true, assets: 'public' },
  { config: /^(?:(.*)\/)?astro\.config\.(?:js|ts|mjs|cjs|mts)$/, content: 'src/content/docs', astro: true, assets: 'public', anchors: ['astro'] },
  // Zola's site is shaped as Hugo's: `config.toml` (or `zola.toml`) beside `content/`.
  // Hugo's configuration may be a folder of them instead (`config/_default/hugo.yaml`).
  { config: /^(?:(.*)\/)?config\/_default\/(?:hugo|config)\.(?:toml|ya?ml|json)$/, content: 'content', assets: 'static', localeContents: true, folderAddresses: true, pageBundles: true, pageAliases: true },
  { config: /^(?:(.*)\/)?(?:hugo|config|zola)\.(?:toml|ya?ml|json)$/, content: 'content', assets: 'static', localeContents: true, folderAddresses: true, pageBundles: true, pageAliases: true, pathField: true },
  // mdBook, Hexo and MkDocs serve their content folder's other files at the site's root: `/images/flow.png`.
  { config: /^(?:(.*)\/)?book\.toml$/, content: 'src', assets: 'src', mdbook: true },
  { config: /^(?:(.*)\/)?(?:eleventy\.config\.(?:js|mjs|cjs|ts)|\.eleventy\.(?:js|mjs|cjs))$/, content: '', contents: ['src', 'content', 'docs'], eleventy: true, inputPaths: true, anchors: markdownItAnchors },
  // Hexo's `_config.yml` is Jekyll's name too; its scaffolds are its own.
  { config: /^(?:(.*)\/)?scaffolds\/(?:post|page|draft)\.md$/, content: 'source', assets: 'source', anchors: ['hexo'] },
  { config: /^(?:(.*)\/)?(?:mkdocs|properdocs)(?:[-.][\w.-]+)?\.ya?ml$/, content: 'docs', assets: 'docs', anchors: ['python-markdown', 'python-markdown-unicode', 'pymdown'], mkdocs: true },
  { config: /^(?:(.*)\/)?docfx\.json$/, content: '', docfx: true, anchors: ['markdig'] },
  // JetBrains Writerside: `writerside.cfg` (or the older `project.ihp`) beside `topics/`, its topics linked by file name.
  { config: /^(?:(.*)\/)?(?:writerside\.cfg|project\.ihp)$/, content: 'topics', byName: 'pages' },
  // An Obsidian vault (the folder holding `.obsidian/`): a note or an image linked by its name alone, as Obsidian finds it.
  { config: /^(?:(.*)\/)?\.obsidian\/[^/]+\.json$/, content: '', byName: 'files', headingTextAnchors: true, anchors: [] },
  // Mintlify: the pages and files beside `docs.json` (`mint.json` before it), served as they are; a repeated heading's anchor counted from 2.
  { config: /^(?:(.*)\/)?(?:docs|mint)\.json$/, content: '', assets: '', anchors: ['mintlify'], mintlify: true },
  // Rspress: `docs/` (its `root`, not read) beside `rspress.config.*`, one folder a language when the site has more.
  { config: /^(?:(.*)\/)?rspress\.config\.(?:js|ts|mjs|cjs|mts|cts)$/, content: 'docs', localeFolders: true, inputPaths: true, assets: 'docs/public' },
  // Rspress configured in Rstack's one file (`define.doc({...})` in `rstack.config.*`), as the Rspack projects' sites are;
  // that file also configures libraries and apps, so it marks a site only beside `docs/`.
  { config: /^(?:(.*)\/)?rstack\.config\.(?:js|ts|mjs|cjs|mts|cts)$/, content: 'docs', beside: ['docs'], localeFolders: true, inputPaths: true, assets: 'docs/public' },
  // dumi 2: `docs/` beside `.dumirc.*`, its asset folder `src/` under `/components`, unless its configuration sets others (see `dumiConfigured`).
  { config: /^(?:(.*)\/)?\.dumirc\.(?:js|ts|mjs|cjs|mts|cts)$/, content: 'docs', localeFolders: true, anchors: ['dumi'], dumi: { atoms: ['src'], atomsAt: ['components'], everyAtom: false } },
  // dumi 1 or 2 configured as umi is, beside `docs/` (an umi app has `src/pages/` instead): `src/` and, as dumi 1's
  // default in a Lerna monorepo, each package's `src/` at the root (dumi 1) or under `/components` (dumi 2).
  {
    config: /^(?:(.*)\/)?(?:\.umirc|config\/config)\.(?:js|ts|mjs|cjs|mts|cts)$/,
    content: 'docs',
    beside: ['docs'],
    localeFolders: true,
    anchors: ['dumi'],
    dumi: { atoms: ['src', 'packages/*/src'], atomsAt: ['', 'components'], everyAtom: true },
  },
  // Vocs 1 reads pages from `docs/pages/` (`rootDir` defaults to `docs`), Vocs 2 from `src/pages/`; its anchors are rehype-slug's, GitHub's.
  { config: /^(?:(.*)\/)?vocs\.config\.(?:js|jsx|ts|tsx|mjs|mts)$/, content: 'docs/pages', contents: ['docs/pages', 'src/pages'], assets: ['docs/public', 'public'], anchors: [] },
  // Sphinx reads a path from the top (`/images/flow.png`) from its source folder, the configuration's.
  { config: /^(?:(.*)\/)?(?:conf\.py|_toc\.ya?ml|myst\.ya?ml)$/, content: '', myst: true, assets: '' },
  // Jekyll (GitHub Pages): `_config.yml` beside the folders or the Gemfile of a Jekyll site; it serves its other files as they are.
  // Its Markdown is kramdown's, whose headings' anchors are GitHub's (its GFM input), and whose `{: #id}` lines set ids.
  { config: /^(?:(.*)\/)?_config\.ya?ml$/, content: '', jekyll: true, beside: ['_layouts', '_includes', '_posts', 'Gemfile'], assets: '', anchors: ['kramdown'], folderAddresses: true },
  // Docsify: its own sidebar, navbar or cover page beside the `index.html` that loads it; the pages are served as they are.
  { config: /^(?:(.*)\/)?_(?:sidebar|navbar|coverpage)\.md$/, content: '', beside: ['index.html'], inputPaths: true, linksFromSite: true, assets: '', anchors: [] },
  // Docsify's `index.html` above the `docs/` holding the sidebar, navbar or cover page: its `basePath` (not read) is `docs/`, whose files it serves.
  { config: /^(?:(.*)\/)?index\.html$/, content: 'docs', beside: ['docs/_sidebar.md', 'docs/_navbar.md', 'docs/_coverpage.md'], inputPaths: true, linksFromSite: true, assets: 'docs', anchors: [] },
  // Retype: the pages of its `input` folder (see `retypeInput`), beside `retype.yml`, served in lower case, their other files as they are;
  // its headings' ids are GitHub's, as its maintainers made them so that a page's links work on GitHub too.
  { config: /^(?:(.*)\/)?retype\.(?:ya?ml|json)$/, content: '', assets: '', retype: true, anchors: [] },
  // A GitBook space synced from Git: `.gitbook.yaml`, or the `.gitbook/assets/` GitBook writes uploads to.
  { config: /^(?:(.*)\/)?\.gitbook(?:\.ya?ml$|\/assets\/)/, content: '', filesOnly: true, anchors: ['gitbook'] },
  // Diplodoc: the folder holding `.yfm`; its pages link by file, and `{#id}` anywhere sets an anchor.
  { config: /^(?:(.*)\/)?\.yfm$/, content: '', filesOnly: true, anchors: ['yfm'] },
  // Hugging Face's doc-builder: each language's folder holding `_toctree.yml` (`docs/source/en/`); a page is at its
  // path without the extension, and pages link each other by that route, relative to the page (`../tutorials/tools`).
  { config: /^(?:(.*)\/)?_toctree\.yml$/, content: '' },
  // A Terraform provider's documentation, which the Terraform Registry publishes from `docs/` beside the manifest its
  // releases need (`terraform-registry-manifest.json`): a page at its path without the extension, so the pages link
  // each other by route, relative to the page (`../resources/dashboard` from a guide).
  { config: /^(?:(.*)\/)?terraform-registry-manifest\.json$/, content: 'docs', anchors: [] },
  // The manifest is optional before protocol 6: a provider whose `docs/` tfplugindocs writes from its `templates/` is one too.
  { config: /^(?:(.*)\/)?templates\/(?:[\w-]+\/)?[^/]+\.md\.tmpl$/, content: 'docs', beside: ['docs/resources', 'docs/data-sources'], anchors: [] },
  // Lume: the folder whose `_config.ts` (or `.js`) exports a Lume site, its pages at folder addresses as Hugo's are.
  // Lume copies only the files its configuration names (`site.copy`, read where it moves them, see `lumeSite`); any file of the folder is taken as served at its path.
  { config: /^(?:(.*)\/)?_config\.(?:ts|js|mjs|tsx|jsx)$/, content: '', assets: '', folderAddresses: true, lume: true, anchors: markdownItAnchors },
  // A Slidev deck: the folder whose `package.json` depends on `@slidev/cli`, its slides beside it and its `public/` served at the root (`/diagram.png`).
  { config: /^(?:(.*)\/)?package\.json$/, content: '', assets: 'public', anchors: [], slidev: true },
];

const pageExtension = /\.mdx?$/i;
/** The templates Eleventy makes pages of, Markdown among them. */
const templateExtension = /\.(?:mdx?|njk|liquid|webc|html|hbs|pug|ejs|11ty\.js)$/i;
/** Docusaurus's number prefix on a file or folder name: `01-`, `2_`, `3.`. */
const numberPrefix = /^\d+\s*[-_.]+\s*(?=[^-_.\s])/;
/**
 * Names Docusaurus keeps whole: its number prefix parser leaves what looks like a date or a
 * version alone, so `2021-04-01-launch`, `4-0` and a folder named `1.0` keep their digits.
 */
const notNumberPrefixed = /^(?:\d{2}|\d{4})[-_.]\d{2}(?:[-_.](?:\d{2}|\d{4}))?|^\d+[-_.]\d+/;

/** A file or folder name without its number prefix, as Docusaurus reads it. */
function withoutNumberPrefix(name: string): string {
  return notNumberPrefixed.test(name) ? name : name.replace(numberPrefix, '');
}
/** A Docusaurus site's other copies of its docs: a version's snapshot, a translation of the current docs or of a version. */
const docusaurusCopy = /^(versioned_docs\/version-([^/]+)|i18n\/[^/]+\/docusaurus-plugin-content-docs\/(?:(current)|version-([^/]+)))\//;

/** The copies of a docs plugin instance other than the default (`<id>_versioned_docs/`), as `docusaurusCopy` matches the default's. */
function instanceCopy(id: string): RegExp {
  const name = id.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  return new RegExp(`^(${name}_versioned_docs/version-([^/]+)|i18n/[^/]+/docusaurus-plugin-content-docs-${name}/(?:(current)|version-([^/]+)))/`);
}
/** A post's or page's name after its date, as Jekyll, Eleventy and Docusaurus's blog write it: `2024-01-02-title`. */
const datedName = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/;
/** A folder that groups pages without being part of their route: `(guides)`. */
const routeGroup = /^\(.+\)$/;
/** A folder named like a locale: `es`, `pt-br`, `zh-hans`, `fil-ph`. */
const localeName = /^(?:[a-z]{2}(?:-[a-z]{2,4})?|[a-z]{3}-[a-z]{2,4})$/i;
/** How many redirects in a row a link is followed through (browsers give up after about 20). */
const maxRedirectsFollowed = 20;
/** A GitHub wiki's own pages, which mark a folder as one: its sidebar or footer, or a `Home.md` at the root (a wiki's clone). */
const wikiPage = /(?:^|\/)_(?:Sidebar|Footer)\.md$|^Home\.md$/;

interface Site {
  /** The folder whose pages link by route: the configuration's (for VitePress, the content folder). */
  folder: string;
  /** Route (lower case, no slashes at either end) to page path. */
  routes: Map<string, string>;
  /** The content folder (`''` for the top). */
  content: string;
  /** The folder served as it is at the site's root, if the generator has one. */
  assets: string | undefined;
  /** The other folders and files served as they are (see `FoundSite.statics`). */
  statics?: readonly Served[];
  /** The generator serving it, whose ways its links follow. */
  generator: Generator;
  /** Page path to its route. */
  routeOf: Map<string, string>;
  /** Page path to the other routes it may be at (a Jekyll collection's page, with or without the collection's name). */
  alsoAt: Map<string, string[]>;
  /** MyST target (lower case) to the page that sets it. */
  labels: Map<string, string>;
  /** Top folders of the content that name a locale (`es-es`, `zh-cn`): Starlight serves an untranslated page there from the default locale's. */
  locales: Set<string>;
  /** The files linked by name, by their name in lower case (see `Generator.byName`). */
  byName?: Map<string, string>;
  /** A Lume site's page modules (see `SiteRoutes.pageModulesMaking`). */
  pageModules?: string[];
  /** Every file a route reaches, gathered when first asked (see `servesPage`). */
  pages?: Set<string>;
  /**
   * The routes a Docusaurus site serves its pages under besides their own (`docs`,
   * `docs/next`), when its configuration was read; a route of another content folder of the
   * site is reached only under these.
   */
  servedUnder?: readonly string[];
  /** The route base a Docusaurus page is served under, when its configuration was read: a relative route is read from the page's address there. */
  ownBase?: string;
  /** The redirects of the site's configuration (see `SiteRoutes.redirectOf`). */
  redirects?: Redirects;
  /** The routes the configuration's plugins serve (see `SiteRoutes.pluginServing`). */
  pluginRoutes?: PluginRoutes;
  /** MkDocs's translations in folders (see `LanguageFolders`). */
  languageFolders?: LanguageFolders;
  /** Starlight's default locale's folder (`en`), whose page a locale's route shows until it is translated. */
  defaultLocale?: string;
  /** Astro's `base`, without slashes (see `astroBase`): a root-relative link under it names the route below it. */
  base?: string;
  /** Astro's: the project's import aliases (see `importAliases`). */
  importAliases?: readonly ImportAlias[];
}

/** A content folder of a site, as the configuration's name and contents find it. */
interface FoundSite {
  folder: string;
  content: string;
  generator: Generator;
  /** Docusaurus's: the routes its pages are under besides their own (see `docusaurusBases`); undefined when not read. */
  servedUnder?: readonly string[];
  /** Docusaurus's: the docs plugin instance serving the folder, as its configuration sets it. */
  instance?: DocsInstance;
  /** Docusaurus's: the version whose copy of the docs the folder is (`current` for a translation of the current docs). */
  version?: string;
  redirects?: Redirects;
  pluginRoutes?: PluginRoutes;
  /** Docusaurus's blog: the route its posts are under (`blog` unless its configuration sets another). */
  blogBase?: string;
  /** MkDocs's: the languages whose folders fall back to the default language's files (see `mkdocsLanguageFolders`). */
  languageFolders?: LanguageFolders;
  /** MkDocs's: the titles its `nav` gives pages, by their paths (see `mkdocsNavTitles`). */
  navTitles?: ReadonlyMap<string, string>;
  /** Starlight's: the default locale's folder, when its configuration sets one other than the root (see `starlightDefaultLocale`). */
  defaultLocale?: string;
  /** Astro's: the `base` the site is served under, when its configuration sets one (see `astroBase`). */
  base?: string;
  /** Fumadocs's: the route its content folder's pages are under, without slashes (`docs`, `''` for the root; see `fumadocsContent`). */
  routeBase?: string;
  /** Astro's: the project's import aliases (see `importAliases`). */
  importAliases?: readonly ImportAlias[];
  /** Hugo's and Zola's: what its configuration mounts and the themes it names serve (see `hugoServing`). */
  hugo?: HugoServing;
  /** The folders and files served as they are besides its static folder: a Hugo site's (see `HugoServing.statics`), those a Lume site copies elsewhere. */
  statics?: readonly Served[];
  /** Jekyll's: the permalinks its configuration sets (see `jekyllPermalinks`). */
  permalinks?: JekyllPermalinks;
}

/**
 * The permalinks a Jekyll site's `_config.yml` sets: the site's (`pretty`, `/:categories/:title/`),
 * each collection's (`collections: { docs: { permalink: /:collection/:path/ } }`), and those its
 * front matter `defaults` give the pages under a `scope` (a `path` from the site's folder, or a
 * glob of them, `docs/*`, whose matches' pages it reaches; a `type`: `posts`, `pages` or a
 * collection's name), the later over the earlier.
 */
interface JekyllPermalinks {
  site?: string;
  collections: ReadonlyMap<string, string>;
  defaults: readonly { path: string; type: string | undefined; permalink: string; glob?: (path: string) => boolean }[];
}

/**
 * One entry of `compilerOptions.paths`: a specifier matching `prefix`, then anything (where the
 * key holds a `*`), then `suffix`, names the first of `places` (repository paths, `*` standing
 * for what matched) that exists.
 */
interface ImportAlias {
  prefix: string;
  suffix: string;
  wildcard: boolean;
  places: readonly string[];
}

/** A folder or file a site serves as it is: `from` (from the repository's top) at the route `at` (no slashes at either end, `''` for the root). */
interface Served {
  from: string;
  at: string;
  /** Whether a file under a mounted folder is mounted, by its path from that folder, as the mount's `includeFiles` and `excludeFiles` say (see `hugoMountFilter`); every file when unset. */
  takes?: (path: string) => boolean;
}

/**
 * What a Hugo site's configuration serves beyond its `content/` and `static/` (and a Zola
 * site's, which names themes alike): its `module.mounts` (or `mounts` in
 * `config/_default/module.toml`), each a `source` folder or file from the site's folder put at a
 * `target` under a component's folder (`content/docs/setup.md`, `static/images`), which replace
 * that component's default folder once one mount names it; its older `contentDir` and
 * `staticDir`; and the `static/` of each theme its `theme` names (in `themesDir`, `themes/`
 * unless set), served beside the site's own. Content mounts naming a language (`lang: fr`) make
 * that language's content, as a language's folder does. A folder mount's `includeFiles` and
 * `excludeFiles` choose the files it takes (see `hugoMountFilter`).
 */
interface HugoServing {
  /** The content's mounts, `from` a source and `at` its place in the content; undefined while the default (`content/`, or `contentDir`) stands. */
  content?: readonly Served[];
  /** The folders and files served as they are, at the routes their mounts put them. */
  statics: readonly Served[];
  /** The permalink pattern of each section's pages (`blog` to `/:year/:month/:day/:slug/`), as `permalinks` sets it (see `hugoPermalink`). */
  permalinks?: ReadonlyMap<string, string>;
  /** The content mounts of each language but the first, where mounts name languages (`lang: fr`): each a site of its own. */
  languages?: readonly (readonly Served[])[];
}

/**
 * The languages of an MkDocs site translated with mkdocs-static-i18n in folders (`docs/ja/`),
 * whose `fallback_to_default` (on unless turned off) builds a page or file a language's folder
 * lacks from the default language's: `/ja/ref/lifecycle/` from `docs/ref/lifecycle.md`.
 */
interface LanguageFolders {
  /** The other languages' folders under the content folder, as written (`ja`, `pt-BR`). */
  translated: ReadonlySet<string>;
  /** The default language's folder, when its files are in one (`docs/en/`) rather than at the content folder's top. */
  default: string | undefined;
}

/** The routes a site's plugins serve (route keys, each with the routes below it), by the plugin's name. */
type PluginRoutes = ReadonlyMap<string, string>;

/**
 * A Docusaurus docs plugin instance as its configuration sets it: the preset's `docs`, or a
 * `plugins` entry of `@docusaurus/plugin-content-docs` (or `content-docs`).
 */
interface DocsInstance {
  /** `default`, or the instance's `id`: its versions are `<id>_versioned_docs/version-<name>/`. */
  id: string;
  /** Its content folder, relative to the configuration's; undefined when not read (the folder is guessed as before). */
  path: string | undefined;
  /** Its `routeBasePath` without slashes (`''` for `/`); undefined when not read. */
  base: string | undefined;
  /**
   * The site's `baseUrl` without slashes (`docs` for `/docs/`; `''` when not set): a link may
   * name a route with it or without it, as Docusaurus's links prepend it only when missing.
   */
  baseUrl: string;
  /** `lastVersion`, when set: `current` serves the current docs at the base, not under `next`. */
  lastVersion: string | undefined;
  /** The `path` of each version `versions` sets one for (`current` among them). */
  versionPaths: ReadonlyMap<string, string>;
  /** Its `sidebarPath`, relative to the configuration's folder; undefined when not read. */
  sidebarPath: string | undefined;
}

/** Astro's redirects: each source (a route key, possibly with `[param]` and `[...rest]` segments) to its destination. */
interface Redirects {
  /** Sources without parameters, by route key. */
  exact: Map<string, string>;
  /** Sources with parameters, in the configuration's order. */
  patterns: { source: RegExp; names: string[]; destination: string }[];
}

/** The wikis and sites among `files`; undefined when there is none. */
export function siteRoutes(files: ReadonlySet<string>, documentAt: (path: string) => CorpusDocument | undefined, configs?: SiteConfigs): SiteRoutes | undefined {
  const found: FoundSite[] = [];
  const wikis: string[] = [];
  // The blogs a Docusaurus configuration sets, by the configuration's folder.
  const configuredBlogs = new Map<string, DocusaurusBlog[]>();
  // Whether some file lies under a folder: every folder holding a file, listed once when first asked.
  let folders: Set<string> | undefined;
  const holdsFile = (folder: string) => (folders ??= foldersOf(files)).has(folder);
  for (const file of files) {
    if (wikiPage.test(file)) wikis.push(folderOf(file));
    const generator = generators.find((candidate) => candidate.config.test(file));
    if (!generator) continue;
    const folder = generator.config.exec(file)?.[1] ?? '';
    // `path: '../'` names the folder `..` does: no trailing slash, as folders are named here.
    const within = (name: string) => posix.normalize(posix.join(folder === '' ? '.' : folder, name === '' ? '.' : name)).replace(/(?<=.)\/$/, '').replace(/^\.$/, '');
    if (generator.beside && !generator.beside.some((name) => files.has(within(name)) || holdsFile(within(name)))) continue;
    if (generator.slidev && !slidevDeck(configs?.get(file))) continue;
    const lume = generator.lume ? lumeSite(configs?.get(file)) : undefined;
    if (generator.lume && lume === undefined) continue;
    // A folder above the configuration's is taken only when it is a docs folder: any other would make the whole of it a site.
    const contentFolder = (name: string) => holdsFile(within(name)) && (!name.startsWith('..') || posix.basename(within(name)) === 'docs');
    const guessed = () => within(generator.contents?.find(contentFolder) ?? generator.content);
    const config = configs?.get(file);
    const add = (site: FoundSite) => {
      if (!found.some((other) => other.folder === site.folder && other.content === site.content)) found.push(site);
    };
    // What the configuration's other plugins serve: client redirects, an API reference's pages.
    const plugins = config === undefined ? {} : generator.docusaurus ? docusaurusPlugins(config) : generator.mintlify ? mintlifyOpenApiPages(config) : generator.astro ? starlightPluginRoutes(config) : {};
    if (generator.docusaurus && config !== undefined) {
      configuredBlogs.set(folder, docusaurusBlogs(config).map((blog) => ({ ...blog, path: within(blog.path) })));
      // Each docs plugin instance the configuration sets is a content folder served under its route base.
      const { instances, defaultKnown } = docusaurusInstances(config);
      for (const instance of instances) {
        add({ folder, content: instance.path === undefined ? guessed() : within(instance.path), generator, instance, servedUnder: docusaurusBases(instance, undefined, false), ...plugins });
      }
      if (defaultKnown) continue;
    }
    // A VitePress site's `srcDir`, with its `public/`, and its `rewrites`, as its configuration sets them.
    const vitepress = generator.config === vitepressConfig && config !== undefined ? vitepressConfigured(config) : undefined;
    if (vitepress) {
      const content = vitepress.srcDir === undefined ? guessed() : within(vitepress.srcDir);
      const served: Generator = { ...generator, assets: posix.join(vitepress.srcDir ?? '', 'public'), ...(vitepress.rewrites ? { rewrites: vitepress.rewrites } : {}) };
      add({ folder, content, generator: served });
      continue;
    }
    // A dumi 2 site's docs folders, asset folders and languages, as its configuration sets them.
    const dumi = generator.dumi && config !== undefined ? dumiConfigured(config, generator.dumi) : undefined;
    if (dumi) {
      // Languages the configuration sets are routed as it says, not guessed from a route's first folder.
      const { localeFolders, ...routed } = generator;
      const served: Generator = dumi.routing.locales ? routed : { ...routed, ...(localeFolders ? { localeFolders } : {}) };
      for (const { dir, at } of dumi.docDirs) add({ folder, content: within(dir), generator: { ...served, dumi: { ...dumi.routing, docsAt: at } } });
      continue;
    }
    // A Lume site's pages are in its `src`, the configuration's folder unless it sets another.
    if (lume !== undefined) {
      // Without pretty URLs, a page is at its name's `.html`, so relative links are read from its folder.
      const { folderAddresses, ...pages } = generator;
      const served: Generator = { ...(lume.prettyUrls && folderAddresses ? generator : pages), assets: lume.src };
      const statics = lume.copies.map(({ from, at }) => ({ from: within(from), at }));
      add({ folder, content: within(lume.src), generator: served, ...(statics.length > 0 ? { statics } : {}) });
      continue;
    }
    // A Fumadocs site's content folder, served under its loader's `baseUrl`, as its modules set them.
    const fumadocs = generator.nextApp && configs ? fumadocsContent(configs, within) : [];
    if (fumadocs.length > 0) {
      const redirects = config === undefined ? undefined : nextRedirects(config);
      for (const { dir, baseUrl } of fumadocs) add({ folder, content: dir, generator, routeBase: baseUrl, ...(redirects ? { redirects } : {}) });
      continue;
    }
    // A Hugo or Zola site's mounts and themes, as its configuration sets them.
    const hugo = generator.pageAliases && config !== undefined ? hugoServing(file, config, configs!, within) : undefined;
    if (hugo !== undefined) {
      const { languages, ...first } = hugo;
      for (const served of [first, ...(languages ?? []).map((content) => ({ ...first, content }))]) {
        const content = served.content?.find(({ at }) => at === '')?.from ?? guessed();
        add({ folder, content, generator, hugo: served, statics: served.statics });
      }
      continue;
    }
    // A Jekyll site's permalinks, as its configuration sets them.
    const permalinks = generator.jekyll && config !== undefined ? jekyllPermalinks(config) : undefined;
    if (permalinks !== undefined) {
      add({ folder, content: guessed(), generator, permalinks });
      continue;
    }
    // Mintlify's `redirects` are written as Next.js's (`{ source: '/en/:slug*', destination: '/v1.2/en/:slug*' }`).
    const redirects = config === undefined ? undefined : generator.astro ? astroRedirects(config) : generator.nextApp || generator.mintlify ? nextRedirects(config) : undefined;
    // An Eleventy site's input folder, as its configuration sets it (`dir: { input: 'source' }`), a Retype site's (`input: ./docs`), or an MkDocs site's `docs_dir`.
    const input = config === undefined ? undefined : generator.eleventy ? eleventyInput(config) : generator.retype ? retypeInput(config) : generator.mkdocs ? mkdocsDocsDir(config, folder) : undefined;
    const content = input === undefined ? guessed() : within(input);
    const languageFolders = generator.mkdocs && config !== undefined ? mkdocsLanguageFolders(config) : undefined;
    const navTitles = generator.mkdocs && config !== undefined ? mkdocsNavTitles(config, content) : undefined;
    const defaultLocale = generator.astro && config !== undefined ? starlightDefaultLocale(config) : undefined;
    const base = generator.astro && config !== undefined ? astroBase(config) : undefined;
    const aliases = generator.astro ? importAliases(configs, within) : [];
    // An Astro site that processes its Markdown with plugins of its own may link pages by file (see `astroProcessesMarkdown`).
    const served: Generator = generator.astro && config !== undefined && astroProcessesMarkdown(config) ? { ...generator, inputPaths: true, linkExtensionsTakenOff: true } : generator;
    // Retype and MkDocs serve the other files of the folder they read pages from.
    add({ folder, content, generator: generator.retype || (generator.mkdocs && input !== undefined) ? { ...served, assets: posix.relative(folder, content) } : served, ...(redirects ? { redirects } : {}), ...(languageFolders ? { languageFolders } : {}), ...(navTitles ? { navTitles } : {}), ...(defaultLocale ? { defaultLocale } : {}), ...(base ? { base } : {}), ...(aliases.length > 0 ? { importAliases: aliases } : {}), ...plugins });
  }
  // A Docusaurus site's blogs, as its configuration sets them, else `blog/` beside it.
  for (const [folder, blogs] of configuredBlogs) {
    for (const { path, base } of blogs) if (holdsFile(path) && !found.some((site) => site.content === path)) found.push({ folder, content: path, generator: docusaurusBlog, blogBase: base });
  }
  for (const { folder } of found.filter((site) => site.generator.docusaurus && site.content.endsWith('docs') && !configuredBlogs.has(site.folder))) {
    const blog = folder === '' ? 'blog' : `${folder}/blog`;
    if (holdsFile(blog) && !found.some((site) => site.content === blog)) found.push({ folder, content: blog, generator: docusaurusBlog });
  }
  // A dumi site's asset folders (`src/`, `packages/ui/src/`), served beside its docs.
  const dumiDocs = found.filter((site) => site.generator.dumi && !site.generator.dumi.atom);
  for (const { folder, generator } of dumiDocs.filter((site, index) => dumiDocs.findIndex((other) => other.folder === site.folder) === index)) {
    const prefix = folder === '' ? '' : `${folder}/`;
    const { atomDirs } = generator.dumi!;
    if (atomDirs) {
      // Only the first level of each configured folder is served, under its type's route.
      for (const { dir, at } of atomDirs) {
        const content = posix.normalize(`${prefix}${dir}`).replace(/\/$/, '');
        if (holdsFile(content) && !found.some((site) => site.content === content)) {
          found.push({ folder, content, generator: { ...generator, config: /(?!)/, dumi: { ...generator.dumi!, atomsAt: [at], everyAtom: false, atom: true } } });
        }
      }
      continue;
    }
    const patterns = generator.dumi!.atoms.map((atoms) => new RegExp(`^${atoms.replace(/\*/g, '[^/]+')}(?=/)`));
    const atomFolders = new Set<string>();
    for (const file of files) {
      const atoms = file.startsWith(prefix) && pageExtension.test(file) ? patterns.map((pattern) => pattern.exec(file.slice(prefix.length))?.[0]).find(Boolean) : undefined;
      if (atoms !== undefined) atomFolders.add(`${prefix}${atoms}`);
    }
    const atomGenerator: Generator = { ...generator, config: /(?!)/, dumi: { ...generator.dumi!, atom: true } };
    for (const content of atomFolders) if (!found.some((site) => site.content === content)) found.push({ folder, content, generator: atomGenerator });
  }
  // A Hugo site's languages each have a content folder (`content/en/`), served as the content is.
  for (const { folder, content, generator, hugo } of found.filter((site) => site.generator.localeContents)) {
    const languages = new Set<string>();
    for (const file of files) {
      const top = file.startsWith(`${content}/`) ? file.slice(content.length + 1).split('/') : [];
      if (top.length > 1 && localeName.test(top[0]!)) languages.add(`${content}/${top[0]}`);
    }
    for (const language of languages) {
      found.push({ folder, content: language, generator, ...(hugo ? { hugo: { statics: hugo.statics, ...(hugo.permalinks ? { permalinks: hugo.permalinks } : {}) }, statics: hugo.statics } : {}) });
    }
  }
  // Each version and translation of a Docusaurus site's docs is served as its docs are, a
  // version under its own path (`/docs/0.72/`), and the current docs under `next` once there are versions.
  for (const site of found.filter((candidate) => candidate.generator.docusaurus)) {
    const { folder, generator, instance } = site;
    const prefix = folder === '' ? '' : `${folder}/`;
    const copyPattern = instance === undefined || instance.id === 'default' ? docusaurusCopy : instanceCopy(instance.id);
    const copies = new Map<string, string>();
    for (const file of files) {
      const copy = file.startsWith(prefix) ? copyPattern.exec(file.slice(prefix.length)) : null;
      if (copy) copies.set(`${prefix}${copy[1]}`, copy[2] ?? copy[3] ?? copy[4]!);
    }
    const versioned = [...copies.values()].some((version) => version !== 'current');
    if (versioned) site.servedUnder = docusaurusBases(instance, 'current', true);
    const { redirects, pluginRoutes } = site;
    for (const [content, version] of copies) {
      found.push({ folder, content, generator, ...(instance ? { instance } : {}), version, servedUnder: docusaurusBases(instance, version, versioned), ...(redirects ? { redirects } : {}), ...(pluginRoutes ? { pluginRoutes } : {}) });
    }
  }
  // The folder of pages TypeDoc writes into a site's content is the reference's, as its configuration sets it.
  for (const output of typedocOutputs(configs)) {
    for (const site of found.filter(({ content }) => content !== output && holds(content, output))) {
      const below = site.content === '' ? output : output.slice(site.content.length + 1);
      const routes = new Map(site.pluginRoutes);
      for (const base of site.servedUnder ?? ['']) {
        const key = routeKey(posix.join('/', base, below));
        if (key !== '' && !routes.has(key)) routes.set(key, 'typedoc');
      }
      site.pluginRoutes = routes;
    }
  }
  if (found.length === 0 && wikis.length === 0) return undefined;
  const pages = wikis.length === 0 ? undefined : wikiPages(files, wikis);
  let sites: Site[] | undefined;
  // The folder a site serves at its root: of several a generator names, the first holding a file.
  const assetsFolder = (folder: string, generator: Generator) => {
    const candidates = (typeof generator.assets === 'string' ? [generator.assets] : (generator.assets ?? [])).map((name) => posix.join(folder, name));
    return candidates.find(holdsFile) ?? candidates[0];
  };
  // A page's links are resolved one after another: its site is chosen once.
  // Every file by its path in lower case, made when first asked: Retype writes its output in lower case.
  let filesInLowerCase: Map<string, string> | undefined;
  const fileInAnyCase = (path: string) => (filesInLowerCase ??= new Map([...files].map((file) => [file.toLowerCase(), file]))).get(path.toLowerCase());
  const siteByPage = new Map<string, Site | undefined>();
  const siteOf = (path: string) => {
    sites ??= found.filter(({ generator }) => generator.filesOnly !== true).map((site) => siteAt(site, files, documentAt, assetsFolder(site.folder, site.generator), configs));
    if (siteByPage.has(path)) return siteByPage.get(path);
    // The innermost site holding the page, and of its content folders (docs, a version's, a translation's) the innermost holding it.
    const holding = (site: Site) => (holds(site.content, path) ? site.content.length + 1 : 0);
    const site = sites
      .filter((candidate) => candidate.folder === '' || path.startsWith(`${candidate.folder}/`) || holds(candidate.content, path))
      .sort((a, b) => b.folder.length - a.folder.length || holding(b) - holding(a))[0];
    siteByPage.set(path, site);
    return site;
  };
  // The docs folder a Docusaurus translation's copy translates: a version's copy, or the docs themselves for `current`.
  const translatedDocs = (content: string): string | undefined => {
    const match = /^(.*?)i18n\/[^/]+\/docusaurus-plugin-content-docs(?:-([^/]+))?\/(?:(current)|version-([^/]+))$/.exec(content);
    if (match === null) return undefined;
    const [, prefix = '', id, , version] = match;
    if (version !== undefined) return `${prefix}${id === undefined ? '' : `${id}_`}versioned_docs/version-${version}`;
    const folder = prefix.replace(/\/$/, '');
    return found.find((other) => other.generator.docusaurus && other.version === undefined && other.folder === folder && (other.instance?.id ?? 'default') === (id ?? 'default'))?.content;
  };
  // Redirects followed for the link being resolved: a chain of them ends, a loop too.
  let redirectsFollowed = 0;
  // Whether the link being resolved is the route below a site's `base`, which is not taken off again.
  let baseStripped = false;
  return {
    pagePlaces: () => [...new Set(found.filter(({ generator, version }) => generator.filesOnly !== true && version === undefined).map(({ content }) => posix.join(content, 'index.md')))],
    serves: (path) => found.some(({ content }) => holds(content, path)),
    anchorStyles: (path) => new Set(found.filter(({ content }) => holds(content, path)).flatMap(({ generator }) => generator.anchors ?? unknownAnchors)),
    namesTargets: (path) => found.some(({ content, generator }) => generator.myst === true && holds(content, path)),
    anchorsByHeadingText: (path) => found.some(({ content, generator }) => generator.headingTextAnchors === true && holds(content, path)),
    pageBelow(path) {
      if (posix.basename(path) !== '_coverpage.md' || found.length === 0 || !siteOf(path)?.generator.linksFromSite) return undefined;
      const home = posix.join(posix.dirname(path), 'README.md');
      return files.has(home) ? home : undefined;
    },
    isDocfxPage: (path) => found.length > 0 && siteOf(path)?.generator.docfx === true,
    siteTitle(path) {
      const listed = found.find((site) => site.navTitles?.has(path))?.navTitles!.get(path);
      if (listed !== undefined) return listed;
      const site = found.find((candidate) => candidate.generator.mkdocs && holds(candidate.content, path));
      return site && /\.md$/i.test(path) ? mkdocsFileTitle(site.content === '' ? path : path.slice(site.content.length + 1)) : undefined;
    },
    readsMarkdownAsMdx(path) {
      const site = found.filter(({ content }) => holds(content, path)).sort((a, b) => b.content.length - a.content.length)[0];
      if (site === undefined || !(site.generator.docusaurus || site.generator === docusaurusBlog)) return false;
      // The configuration in the site's folder; one not read leaves Docusaurus's default, MDX.
      const config = [...(configs ?? [])].find(([file]) => {
        const match = docusaurusConfig.exec(file);
        return match !== null && (match[1] ?? '') === site.folder;
      })?.[1];
      const format = objectOf(objectOf(config)?.markdown)?.format;
      return format !== 'md' && format !== 'detect';
    },
    besideBook(fromDocument, target) {
      const site = found.length === 0 ? undefined : siteOf(fromDocument);
      const path = target.replace(/[?#].*$/, '');
      if (!site?.generator.mdbook || !holds(site.content, fromDocument) || !/^\.\.\//.test(path) || !/(?:\.html|\.md|\/)$/i.test(path)) return false;
      const inBook = posix.dirname(fromDocument.slice(site.content === '' ? 0 : site.content.length + 1));
      const climbed = posix.normalize(posix.join(inBook, path));
      // mdBook writes a relative `.md` link as its `.html`, so `../reference/attributes.md` is the page of the
      // book beside it; one naming a file above the book's folder (`../CONTRIBUTING.md`) is the repository's.
      return /\.md$/i.test(path) ? /^(?:\.\.\/)+[^/]+\/./.test(climbed) : climbed.startsWith('../');
    },
    pageModulesMaking(fromDocument, target) {
      const modules = found.length === 0 ? undefined : siteOf(fromDocument)?.pageModules;
      // A route, not a file: no common file's extension (`/lint/rules/`, `../about.html`, `/api/deno/~/Deno.serve`, an API's name).
      const route = target.replace(/[?#].*$/, '');
      return modules && route !== '' && !commonFileExtension.test(route) ? modules : [];
    },
    labels: (fromDocument) => (found.length === 0 ? [] : [...(siteOf(fromDocument)?.labels.keys() ?? [])]),
    label: (fromDocument, name) => (found.length === 0 ? undefined : siteOf(fromDocument)?.labels.get(name.toLowerCase())),
    resolve(fromDocument, target) {
      // A wiki page links to another by its name alone (`[x](Page-Name)`), whatever folder holds it.
      const page = pages && !target.includes('/') ? pages(fromDocument, target) : undefined;
      if (page !== undefined) return page;
      const site = found.length === 0 ? undefined : siteOf(fromDocument);
      // Under an Astro site's `base`, the route below it first; then the link as written, as before the base was read.
      const below = baseStripped ? target : belowBase(site, target);
      if (below !== target) {
        baseStripped = true;
        try {
          const reached = this.resolve(fromDocument, below);
          if (reached !== undefined) return reached;
        } finally {
          baseStripped = false;
        }
      }
      // Docusaurus builds a locale's site under its prefix (`/zh/`) and leaves a link that already
      // starts with it as written: from that locale's pages, `/zh/docs/intro` is `/docs/intro`.
      const locale = site?.generator.docusaurus ? docusaurusLocaleOf(site.folder, fromDocument) : undefined;
      if (locale !== undefined && target.startsWith(`/${locale}/`)) return this.resolve(fromDocument, target.slice(locale.length + 1));
      // A translated MkDocs page reaches what its language's folder lacks in the default language's.
      const untranslated = site?.languageFolders ? defaultLanguageFile(site, site.languageFolders, fromDocument, target, (path) => files.has(path) || holdsFile(path)) : undefined;
      if (untranslated !== undefined) return untranslated;
      // A MyST target's name may hold a dot or a slash (`schema.config`, `syntax/alerts`): no file
      // has the name, so it is looked up before the name is taken for a route.
      const labelled = site?.labels.get(target.toLowerCase());
      if (labelled !== undefined) return labelled;
      // Writerside's `[x](setup.md)` names a topic wherever it is among the topics, Obsidian's `![x](flow.png)` a file of the vault,
      // and Obsidian's `[x](Three%20laws%20of%20motion)` a note, its `.md` left out.
      const named = site?.byName && !target.includes('/') ? site.byName.get(target.toLowerCase()) ?? (site.generator.byName === 'files' ? site.byName.get(`${target.toLowerCase()}.md`) : undefined) : undefined;
      if (named !== undefined) return named;
      // Docsify reads `guide/setup.md` from the site's folder, whichever page links it.
      const fromSiteFolder = site && readFromSiteFolder(site, target) ? this.resolve(fromDocument, `/${target}`) : undefined;
      if (fromSiteFolder !== undefined) return fromSiteFolder;
      // Zola's internal link, `@/blog/post.md`, names the page's file under the content folder;
      // so may an Eleventy page's `/docs/config.md` (its links to input paths become routes).
      const file = site && (target.startsWith('@/') || (site.generator.inputPaths && target.startsWith('/'))) ? posix.join(site.content, target.replace(/^@?\//, '')) : undefined;
      // Rspress puts the linking page's language before a file's path that leaves it out: `/guide/start.mdx` from `docs/zh/` is `docs/zh/guide/start.mdx`.
      const fileLocale = file !== undefined && target.startsWith('/') && site!.generator.inputPaths && site!.generator.localeFolders ? localeFolderOf(site!, fromDocument) : undefined;
      const localizedFile = fileLocale !== undefined ? posix.join(site!.content, fileLocale, target.slice(1)) : undefined;
      if (localizedFile !== undefined && files.has(localizedFile)) return localizedFile;
      if (file !== undefined && files.has(file)) return file;
      // DocFX's `~/articles/setup.md` names a file from the docset's folder.
      const fromDocset = site?.generator.docfx && target.startsWith('~/') ? posix.join(site.folder, target.slice(2)) : undefined;
      if (fromDocset !== undefined && (files.has(fromDocset) || holdsFile(fromDocset))) return fromDocset;
      // Docusaurus tries a page's file that is not beside the linking page from the content folder (`api/Store.md`).
      const fromContent = site?.generator.docusaurus && pageExtension.test(target) && !/^\.{0,2}\//.test(target) ? posix.join(site.content, target) : undefined;
      if (fromContent !== undefined && files.has(fromContent)) return fromContent;
      // A translation's doc reads a file its translation lacks from the folder it translates, as
      // Docusaurus does (`/sdk/examples.mdx` from `i18n/de/…/version-3/` is `versioned_docs/version-3/sdk/examples.mdx`).
      const translated = site?.generator.docusaurus && pageExtension.test(target) && !/^\.{1,2}\//.test(target) ? translatedDocs(site.content) : undefined;
      if (translated !== undefined) {
        const own = posix.join(site!.content, target);
        if (files.has(own)) return own;
        const fromSource = posix.join(translated, target);
        if (files.has(fromSource)) return fromSource;
      }
      // Docusaurus's `@site/static/img/flow.png` names a file from the site's folder.
      const fromSite = site?.generator.docusaurus && target.startsWith('@site/') ? posix.join(site.folder, target.slice('@site/'.length)) : undefined;
      if (fromSite !== undefined && (files.has(fromSite) || holdsFile(fromSite))) return fromSite;
      // Docusaurus reads an absolute file path from the content folder, then from the site's folder:
      // `/docs/client/setup.mdx` is `website/docs/client/setup.mdx`.
      const siteFile = site?.generator.docusaurus && target.startsWith('/') && pageExtension.test(target) ? posix.join(site.folder, target.slice(1)) : undefined;
      if (siteFile !== undefined && files.has(siteFile)) return siteFile;
      if (target.startsWith('@/')) return undefined;
      // A file the site serves from its static folder: `/img/logo.svg` is `static/img/logo.svg`.
      const asset = site?.assets !== undefined && target.startsWith('/') ? posix.join(site.assets, target) : undefined;
      if (asset !== undefined && files.has(asset)) return asset;
      // A Hugo site's other static folders and files (its themes', and what its mounts put under `static/`), and what a Lume site copies elsewhere.
      const served = site?.statics && target.startsWith('/') ? servedFile(site.statics, target, files) : undefined;
      if (served !== undefined) return served;
      // Retype writes every file of its output in lower case, and the links to them: `/static/Shot.PNG` is `static/shot.png` there.
      const recased = asset !== undefined && site?.generator.retype ? fileInAnyCase(asset) : undefined;
      if (recased !== undefined) return recased;
      // A folder of it is served by its `index.html`, as any static host serves one: `/api-reference/cli/` is `docs/api-reference/cli/index.html`.
      const assetIndex = asset !== undefined && !/\.[^/]*$/.test(asset) ? posix.join(asset, 'index.html') : undefined;
      if (assetIndex !== undefined && files.has(assetIndex)) return assetIndex;
      // From a page at a folder address, `./C2/report.pdf` is a file below that address.
      // A Hugo site's other languages are tried too: a translated page shows the images of the
      // page it translates, as Hugo shares a bundle's files across languages.
      if (site?.generator.folderAddresses && !target.startsWith('/')) {
        const languages = site.generator.localeContents ? sites!.filter((other) => other !== site && other.folder === site.folder && other.generator === site.generator) : [];
        for (const address of [site.routeOf.get(fromDocument) ?? '', ...(site.alsoAt.get(fromDocument) ?? [])]) {
          for (const content of [site.content, ...languages.map((other) => other.content)]) {
            const below = posix.join(content, address, target);
            if (files.has(below)) return below;
          }
          const inBundle = site.generator.pageBundles ? bundleFile(site, posix.join(address, target)) : undefined;
          if (inBundle !== undefined && files.has(inBundle)) return inBundle;
          // A Jekyll collection's other files are served where its pages are: `_pages/sharepoint/x.png` at `/pages/sharepoint/x.png`.
          const inCollection = site.generator.jekyll && address !== '' ? posix.join(site.folder, `_${address}`, target) : undefined;
          if (inCollection !== undefined && files.has(inCollection)) return inCollection;
        }
      }
      // A route names no file: `.html` is the page's built name. Any other extension is a file's,
      // unless a page is named so (`pinia_testing.TestingOptions.md`, as typedoc names pages).
      // A page's file named from the site's root, once a plugin of the site's takes its extension off, is the page's route.
      const route = target
        .replace(site?.generator.markdownRoutes ? /\.(?:html|md)$/i : /\.html$/i, '')
        .replace(site?.generator.linkExtensionsTakenOff && target.startsWith('/') ? /(?:\/index)?\.mdx?$/i : /(?!)/, '');
      if (!site) return undefined;
      // A Docusaurus translation's blog post, page or doc (`i18n/zh/docusaurus-plugin-content-blog/`) is built into
      // that locale's site, where `/docs/options` is the locale's copy of the doc: that copy first.
      const translation = site.generator.docusaurus && route.startsWith('/') ? docusaurusTranslationFolder(site.folder, fromDocument) : undefined;
      if (translation !== undefined) {
        const key = routeKey(route);
        for (const other of sites!) {
          if (other.folder !== site.folder || !other.content.startsWith(translation)) continue;
          const page = pageUnderBase(other, key);
          if (page !== undefined) return page;
        }
      }
      // Nextra sends a reader to their language's page: `/docs/options` from a page of `ru/` is `ru/docs/options`.
      const ownLocale = site.generator.localeFolders ? localeOfRoute(site.routeOf.get(fromDocument)) : undefined;
      for (const key of routeKeys(site, fromDocument, route)) {
        const localized = ownLocale !== undefined && !key.startsWith(`${ownLocale}/`) ? site.routes.get(`${ownLocale}/${key}`) : undefined;
        if (localized !== undefined) return localized;
        const reached = site.routes.get(key);
        if (reached !== undefined) return reached;
        // `/es-es/guide/setup/` before its translation exists: the default locale's page.
        const [locale, ...rest] = key.split('/');
        // Where the default locale has a folder of its own (`defaultLocale: 'en'`, `en/`), its page there.
        const fallback =
          locale !== undefined && site.locales.has(locale)
            ? (site.routes.get(rest.join('/')) ?? (site.defaultLocale !== undefined && locale !== site.defaultLocale ? site.routes.get([site.defaultLocale, ...rest].join('/')) : undefined))
            : undefined;
        if (fallback !== undefined) return fallback;
      }
      // An absolute route may be another content folder's of the same site: a Docusaurus blog post's from a doc.
      // So may a relative one from a docs plugin instance's page, read from the page's address under its base.
      for (const key of route.startsWith('/') ? [routeKey(route)] : site.servedUnder ? routeKeys(site, fromDocument, route) : []) {
        for (const other of sites!) {
          const page = other !== site && other.folder === site.folder ? pageUnderBase(other, key) : undefined;
          if (page !== undefined) return page;
        }
      }
      // A route the configuration redirects reaches the page the redirect leads to, if it is one.
      const destination = redirectedRoute(site, fromDocument, route);
      if (destination === undefined || redirectsFollowed >= maxRedirectsFollowed) return undefined;
      redirectsFollowed++;
      try {
        return this.resolve(fromDocument, destination);
      } finally {
        redirectsFollowed--;
      }
    },
    aliasedImage(fromDocument, target) {
      const aliases = found.length === 0 ? undefined : siteOf(fromDocument)?.importAliases;
      // A relative path, a path from the root and an address are no specifier an alias can match.
      if (aliases === undefined || /^(?:\.{1,2}\/|\/|[a-z][\w+.-]*:)/i.test(target)) return undefined;
      const alias = matchingAlias(aliases, target);
      if (alias === undefined) return undefined;
      const matched = alias.wildcard ? target.slice(alias.prefix.length, target.length - alias.suffix.length) : '';
      for (const place of alias.places) {
        const path = posix.normalize(place.replace('*', () => matched));
        if (files.has(path)) return path;
      }
      return undefined;
    },
    redirectOf(fromDocument, target) {
      const site = found.length === 0 ? undefined : siteOf(fromDocument);
      return site ? redirectedRoute(site, fromDocument, belowBase(site, target).replace(/\.html$/i, '')) : undefined;
    },
    pluginServing(fromDocument, target) {
      const site = found.length === 0 ? undefined : siteOf(fromDocument);
      if (!site?.pluginRoutes) return undefined;
      for (const key of routeKeys(site, fromDocument, belowBase(site, target).replace(/[?#].*$/, '').replace(/\.html$/i, ''))) {
        for (let route = key; route !== '.' && route !== ''; route = posix.dirname(route)) {
          const plugin = site.pluginRoutes.get(route);
          if (plugin !== undefined) return plugin;
        }
      }
      return undefined;
    },
    pageFiles(fromDocument, written) {
      const site = found.length === 0 || written.startsWith('@/') ? undefined : siteOf(fromDocument);
      if (!site || site.generator.filesOnly) return [];
      const target = belowBase(site, written);
      const route = (readFromSiteFolder(site, target) ? `/${target}` : target).replace(/\.html$/i, '');
      // Keys as written, not in the lower case routes are matched in: a file's name keeps its capitals (`webdriverBidi.md`).
      const keys = routeKeys(site, fromDocument, route, true);
      // An absolute route may name a page of another content folder of the site: a blog post's link into the docs.
      const others = route.startsWith('/') ? sites!.filter((other) => other !== site && other.folder === site.folder && !other.generator.blog) : [];
      const files = [site, ...others].flatMap((holder) => {
        const prefix = holder.content === '' ? '' : `${holder.content}/`;
        // A Docusaurus page is served under its route base (`/docs/api/webdriver`), which its file's path leaves out:
        // that file first, before one under a folder named as the base.
        const inContent = keys.flatMap((key) => [
          ...(holder.servedUnder ?? (holder.generator.docusaurus ? ['docs'] : []))
            .filter((base) => base !== '' && key.toLowerCase().startsWith(`${base.toLowerCase()}/`))
            .map((base) => key.slice(base.length + 1)),
          key,
        ]);
        // A link may name the page's file itself (`api/index.md`, `/guide/setup.md`): that file, not `index.md.md`.
        return inContent.flatMap((key) =>
          key === '' ? [`${prefix}index.md`] : pageExtension.test(key) ? [`${prefix}${key}`] : [`${prefix}${key}.md`, `${prefix}${key}.mdx`, `${prefix}${key}/index.md`, `${prefix}${key}/index.mdx`],
        );
      });
      return [...new Set(files)];
    },
  };
}

/** The page a route key reaches in a content folder of a site; a docs plugin instance's page is at its route base (`/architecture/glossary`), not at its own path alone. */
function pageUnderBase(site: Site, key: string): string | undefined {
  const page = site.routes.get(key);
  const under = (base: string) => base === '' || key === base || key.startsWith(`${base}/`);
  return page !== undefined && (!site.servedUnder || !holds(site.content, page) || site.servedUnder.some(under)) ? page : undefined;
}

/** The locale of a page of a Docusaurus site's translation (`zh` for `i18n/zh/docusaurus-plugin-content-docs/…`). */
function docusaurusLocaleOf(siteFolder: string, path: string): string | undefined {
  const prefix = siteFolder === '' ? '' : `${siteFolder}/`;
  return path.startsWith(prefix) ? /^i18n\/([^/]+)\/docusaurus-plugin-content-/.exec(path.slice(prefix.length))?.[1] : undefined;
}

/**
 * The folder of a Docusaurus site's translation (`website/i18n/zh/`) that holds a page of one of
 * its plugins (`i18n/zh/docusaurus-plugin-content-blog/`, `-pages/`, a version's docs).
 */
function docusaurusTranslationFolder(siteFolder: string, path: string): string | undefined {
  const prefix = siteFolder === '' ? '' : `${siteFolder}/`;
  const match = path.startsWith(prefix) ? /^i18n\/[^/]+\/(?=docusaurus-plugin-content-[^/]+\/)/.exec(path.slice(prefix.length)) : null;
  return match ? `${prefix}${match[0]}` : undefined;
}

/**
 * The routes a Hugo or Zola page's `aliases` (YAML or TOML frontmatter) name, or a Jekyll
 * page's `redirect_from` (jekyll-redirect-from's, a list or one route): each serves a
 * page that redirects to it. One from the root (`/docs/old/`) is that route; a relative one
 * is from the root in Zola and from the page's folder in Hugo, so both are taken. A built
 * name (`old.html`, `old/index.html`) is the route without it, as links are read.
 */
function aliasRoutes(document: CorpusDocument | undefined, inContent: string, key = 'aliases'): string[] {
  const data = document?.model.frontmatter?.data;
  const written = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
  // jekyll-redirect-from takes one route as a string too.
  const aliases = typeof written === 'string' ? [written] : written;
  if (!Array.isArray(aliases)) return [];
  const folder = posix.dirname(inContent);
  return aliases.flatMap((alias) => {
    if (typeof alias !== 'string' || alias.trim() === '' || /^[a-z][a-z0-9+.-]*:/i.test(alias.trim())) return [];
    const written = alias.trim().replace(/(?:\/index)?\.html?$/i, '');
    const routes = written.startsWith('/') ? [written] : [written, folder === '.' ? written : posix.join(folder, written)];
    return routes.map((route) => trimSlashes(posix.normalize(route))).filter((route) => route !== '' && !route.startsWith('..'));
  });
}

/**
 * The file a Hugo or Zola page bundle serves at `address` (from the site's root): a bundle's
 * page (`post/index.md`) publishes the files beside it at its own address, wherever its
 * frontmatter (`path`, `slug`, `url`) puts it, so `2024/05/07/post/chart.svg` is
 * `content/post/chart.svg` when that page is at `/2024/05/07/post/`.
 */
function bundleFile(site: Site, address: string): string | undefined {
  if (address.startsWith('..')) return undefined;
  for (let page = posix.dirname(address); page !== '.' && page !== '/' && page !== ''; page = posix.dirname(page)) {
    const file = site.routes.get(routeKey(page));
    if (file !== undefined && /(?:^|\/)index\.mdx?$/i.test(file)) return posix.join(posix.dirname(file), address.slice(page.length + 1));
  }
  return undefined;
}

/** Whether the site reads the link from its folder rather than from the page (Docsify's `guide/setup.md`): a link that is neither from the top nor `./`, `../`, `@/` or `~/`. */
function readFromSiteFolder(site: Site, target: string): boolean {
  return site.generator.linksFromSite === true && !/^(?:\.{0,2}\/|@\/|~\/)/.test(target);
}

/** The routes (as the routes map keys them) a route-style link from a page may name: an absolute one, or a relative one read from the page's address. */
function routeKeys(site: Site, fromDocument: string, route: string, keepCase = false): string[] {
  // A relative route is read from the linking page's address: a file the site serves at none (an archived copy of the
  // docs beside it, a README above its content) has none, and its `npmrc` is no route from the site's root.
  if (!route.startsWith('/') && !servesPage(site, fromDocument)) return [];
  const own = posix.join('/', site.ownBase ?? '', site.routeOf.get(fromDocument) ?? '');
  // A relative route is read from the page's address; an index page's may end in a slash.
  const besideOwn = [posix.join(posix.dirname(own), route), posix.join(own, route)];
  // Hugo's and Jekyll's pages are served at folder addresses (`/fr/building-community/`), from which `../setup/` is `/fr/setup/`.
  const candidates = route.startsWith('/') ? [route] : site.generator.folderAddresses ? besideOwn.reverse() : besideOwn;
  return candidates.map((candidate) => routeKey(candidate, keepCase));
}

/** Whether the site serves the file as a page: one of its content folder's, or one of its own (`src/pages/about.md`). */
function servesPage(site: Site, path: string): boolean {
  if (site.routeOf.has(path)) return true;
  site.pages ??= new Set(site.routes.values());
  return site.pages.has(path);
}

/** The page a wiki link names, from a document inside that wiki: by file name without `.md`, in any case. */
function wikiPages(files: ReadonlySet<string>, wikis: string[]): (fromDocument: string, name: string) => string | undefined {
  const byName = new Map<string, string>();
  for (const file of files) {
    if (!file.toLowerCase().endsWith('.md')) continue;
    const wiki = wikis.find((folder) => folder === '' || file.startsWith(`${folder}/`));
    const key = `${wiki}\u0000${posix.basename(file).slice(0, -3).toLowerCase()}`;
    if (wiki !== undefined && !byName.has(key)) byName.set(key, file);
  }
  return (fromDocument, name) => {
    const wiki = wikis.find((folder) => folder === '' || fromDocument.startsWith(`${folder}/`));
    return wiki === undefined ? undefined : byName.get(`${wiki}\u0000${name.toLowerCase()}`);
  };
}

function siteAt(found: FoundSite, files: ReadonlySet<string>, documentAt: (path: string) => CorpusDocument | undefined, assets: string | undefined, configs: SiteConfigs | undefined): Site {
  const { folder, content, generator } = found;
  const prefix = content === '' ? '' : `${content}/`;
  // A Hugo site's static folder is the one its configuration serves whole at the root, if any (one filtered is served as its mounts say).
  const staticRoot = found.hugo ? found.hugo.statics.find(({ at, takes }) => at === '' && takes === undefined)?.from : assets;
  const site: Site = { folder, content, assets: staticRoot, generator, routes: new Map(), routeOf: new Map(), alsoAt: new Map(), labels: new Map(), locales: new Set() };
  if (found.statics) site.statics = found.statics;
  if (found.redirects) site.redirects = found.redirects;
  if (found.pluginRoutes) site.pluginRoutes = found.pluginRoutes;
  if (found.languageFolders) site.languageFolders = found.languageFolders;
  if (found.defaultLocale) site.defaultLocale = found.defaultLocale;
  if (found.base) site.base = found.base;
  if (found.importAliases) site.importAliases = found.importAliases;
  // The routes a Docusaurus page is at besides its own path; with the route base not read, with and without `docs/`.
  const bases = found.servedUnder ?? ['docs'];
  if (found.instance?.base !== undefined) {
    site.servedUnder = bases;
    // A version's pages are at its own path (`/docs/0.76/`), from which a relative route is read.
    site.ownBase = bases.at(-1) ?? found.instance.base;
  }
  if (generator.astro) addPages(site, folder, files, /\.(?:astro|mdx?|html)$/i);
  // dumi's React pages, `.dumi/pages/theme-editor/index.tsx` at `/theme-editor`, beside its docs.
  if (generator.dumi && !generator.dumi.atom) addPages(site, folder, files, /\.(?:jsx?|tsx?)$/i, '.dumi/pages/');
  // Docusaurus's own pages, `src/pages/versions.tsx` at `/versions`, beside its docs (not each version's copy).
  if (generator.docusaurus && (found.instance === undefined || found.instance.id === 'default') && found.version === undefined) {
    addPages(site, folder, files, /\.(?:jsx?|tsx?|mdx?)$/i);
  }
  // A language's page also answers at its route without the language (`guide` for `en-US/guide`)
  // while no page of the default language is there; such routes are claimed after every page's own.
  const fallbacks: [key: string, file: string][] = [];
  const pageExtensions = generator.eleventy ? templateExtension : pageExtension;
  // Each page's places in the content: its path there, or where a Hugo site's mounts put it (a file mounted twice is at both).
  const placed = found.hugo?.content ? mountedPlaces(files, found.hugo.content, pageExtensions) : contentPlaces(files, prefix, pageExtensions);
  for (const [file, places] of placed) {
    // Lume makes no page of a file or folder whose name starts with `_` or `.` (`_includes/`, `_components/`).
    if (generator.lume && file.slice(prefix.length).split('/').some((name) => name.startsWith('_') || name.startsWith('.'))) continue;
    const document = documentAt(file);
    if (generator.myst) {
      // mystmd's page label, `label: directives_list` in its frontmatter, is a target too.
      const pageLabel = frontmatterString(document, 'label');
      for (const label of [...(document?.model.labels ?? []), ...(pageLabel === undefined ? [] : [pageLabel])]) if (!site.labels.has(label.toLowerCase())) site.labels.set(label.toLowerCase(), file);
    }
    const inContent = rewritten(places[0]!, generator.rewrites);
    const routesAt = (place: string) =>
      generator.jekyll
        ? jekyllRoutes(place, document, found.permalinks)
        : generator.blog
          ? [blogRoute(place, document, found.blogBase)]
          : generator.dumi
            ? dumiRoutes(place, document, generator.dumi)
            : [underBase((found.hugo?.permalinks ? hugoPermalink(place, document, found.hugo.permalinks) : undefined) ?? routeOf(place, document, generator), found.routeBase)];
    const [route, ...others] = places.length === 1 ? routesAt(inContent) : places.flatMap((place) => routesAt(rewritten(place, generator.rewrites)));
    // A file of a dumi 2 asset folder that is no page (`src/Button/demo/basic.md`).
    if (route === undefined) continue;
    site.routeOf.set(file, route!);
    if (others.length > 0) site.alsoAt.set(file, others);
    const [top, ...inLocale] = route!.split('/');
    const unlocalized = generator.localeFolders && inLocale.length > 0 && localeName.test(top!) ? [inLocale.join('/')] : [];
    const keys = generator.docusaurus ? [route!, ...bases.map((base) => (route === '' ? base : base === '' ? route! : `${base}/${route}`))] : [route!, ...others, ...unlocalized, ...(generator.pageAliases ? aliasRoutes(document, inContent) : generator.jekyll ? aliasRoutes(document, inContent, 'redirect_from') : [])];
    const locale = generator.localeFolders ? localeOfRoute(route) : undefined;
    for (const key of keys.map((key) => key.toLowerCase())) {
      if (locale !== undefined && !key.startsWith(`${locale}/`)) fallbacks.push([key, file]);
      else if (!site.routes.has(key)) site.routes.set(key, file);
    }
  }
  for (const [key, file] of fallbacks) if (!site.routes.has(key)) site.routes.set(key, file);
  if (generator.docusaurus) {
    addCategoryPages(site, prefix, bases);
    if (configs) addDeclaredCategoryPages(site, found, bases, configs);
  }
  if (generator.astro) addCollectionRoutes(site, folder, files);
  if (generator.lume) addLumePageModules(site, prefix, files);
  // The endpoint pages Mintlify makes from the OpenAPI specifications its navigation names.
  if (generator.mintlify && configs) addOpenApiPages(site, configs);
  // The app router's own pages, where no page of the content is at their route.
  if (generator.nextApp) addAppRoutes(site, folder, files);
  // The blog's list of posts, at `/blog`, reaches its folder.
  const blogBase = found.blogBase ?? 'blog';
  if (generator.blog && blogBase !== '' && !site.routes.has(blogBase)) site.routes.set(blogBase, content);
  if (generator.byName) {
    site.byName = new Map();
    for (const file of files) {
      const name = posix.basename(file).toLowerCase();
      const named = generator.byName === 'files' || /\.(?:mdx?|topic)$/.test(name);
      if (file.startsWith(prefix) && named && !site.byName.has(name)) site.byName.set(name, file);
    }
  }
  return site;
}

/** The pages of a content folder, each with its path there (`guide/setup.md` for `docs/guide/setup.md`). */
function contentPlaces(files: ReadonlySet<string>, prefix: string, pages: RegExp): Map<string, string[]> {
  const placed = new Map<string, string[]>();
  for (const file of files) if (file.startsWith(prefix) && pages.test(file)) placed.set(file, [file.slice(prefix.length)]);
  return placed;
}

/**
 * The pages a Hugo site's content mounts put in its content, each with its places there in the
 * mounts' order: a folder's files below the mount's place, a file at it (`content/docs/.common/buildpack.md`
 * mounted at `docs/app/buildpack.md` and `docs/platform/buildpack.md` is a page at both, and not
 * at `docs/.common/`, as Hugo leaves out what a name starting with `.` holds).
 */
function mountedPlaces(files: ReadonlySet<string>, mounts: readonly Served[], pages: RegExp): Map<string, string[]> {
  const placed = new Map<string, string[]>();
  const place = (file: string, at: string) => {
    // Hugo makes no page of a file or folder of the content whose name starts with `.`: a file kept there to be mounted elsewhere.
    if (!pages.test(file) || at.startsWith('..') || at.split('/').some((name) => name.startsWith('.'))) return;
    const places = placed.get(file) ?? [];
    if (!places.includes(at)) places.push(at);
    placed.set(file, places);
  };
  for (const { from, at, takes } of mounts) {
    if (files.has(from)) {
      place(from, at);
      continue;
    }
    const prefix = from === '' ? '' : `${from}/`;
    for (const file of files) if (file.startsWith(prefix) && (takes === undefined || takes(file.slice(prefix.length)))) place(file, posix.join(at, file.slice(prefix.length)));
  }
  return placed;
}

/**
 * Whether a Hugo mount takes a file, by its path from the mounted folder, as its `includeFiles`
 * and `excludeFiles` globs say (each a glob or a list, matched from the folder's top whether
 * written with a leading `/` or not, case ignored, `*` within a name and `**` across folders): a
 * file an inclusion matches is mounted; otherwise one an exclusion matches, or whose folder it
 * matches, is not, nor is any when inclusions are set. Undefined when the mount sets neither.
 */
function hugoMountFilter(includeFiles: StaticValue, excludeFiles: StaticValue): ((path: string) => boolean) | undefined {
  const globs = (value: StaticValue) => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []).map(hugoGlob);
  const inclusions = globs(includeFiles);
  const exclusions = globs(excludeFiles);
  if (inclusions.length === 0 && exclusions.length === 0) return undefined;
  return (path) => {
    const file = `/${path}`;
    if (inclusions.some((glob) => glob.test(file))) return true;
    if (inclusions.length > 0) return false;
    const segments = path.split('/');
    return !segments.some((_, index) => exclusions.some((glob) => glob.test(`/${segments.slice(0, index + 1).join('/')}`)));
  };
}

/**
 * A Hugo file glob as a regular expression: `**` any run of characters (between slashes, no
 * folder at all too), `*` and `?` within a name, `[...]` a class (`[!...]` its negation), `{a,b}` either,
 * case ignored. Written here as the glob library Hugo uses reads them, which picomatch's rules differ from.
 */
function hugoGlob(written: string): RegExp {
  const pattern = written.startsWith('/') ? written : `/${written}`;
  let source = '';
  let braces = 0;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '*' && pattern[index + 1] === '*') {
      const slashed = pattern[index - 1] === '/' && pattern[index + 2] === '/';
      source += slashed ? '(?:.*/)?' : '.*';
      index += slashed ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = pattern.indexOf(']', index + 1);
      if (end === -1) source += '\\[';
      else {
        const inner = pattern.slice(index + 1, end).replace(/\\/g, '\\\\');
        source += `[${inner.startsWith('!') ? `^${inner.slice(1)}` : inner}]`;
        index = end;
      }
    } else if (char === '{') {
      braces++;
      source += '(?:';
    } else if (char === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (char === ',' && braces > 0) source += '|';
    else source += char.replace(/[.+^$()|\\\]{}]/g, '\\$&');
  }
  try {
    return new RegExp(`^${source}${')'.repeat(braces)}$`, 'i');
  } catch {
    // A glob Hugo would refuse matches nothing here.
    return /(?!)/;
  }
}

/** The file a static folder or file of a site serves at a route from the root (`/images/flow.svg`), if one does. */
function servedFile(statics: readonly Served[], target: string, files: ReadonlySet<string>): string | undefined {
  const route = target.replace(/^\/+/, '');
  for (const { from, at, takes } of statics) {
    const file = at === '' ? posix.join(from, route) : route === at ? from : route.startsWith(`${at}/`) ? posix.join(from, route.slice(at.length + 1)) : undefined;
    if (file === undefined || !files.has(file)) continue;
    if (takes === undefined || file === from || takes(file.slice(from === '' ? 0 : from.length + 1))) return file;
  }
  return undefined;
}

/**
 * What a Hugo or Zola site's configuration (`configPath`, read as `config`) serves besides its
 * content and static folders' defaults (see `HugoServing`); undefined when it sets nothing of
 * that. `within` names a path from the site's folder.
 */
function hugoServing(configPath: string, config: StaticValue, configs: SiteConfigs, within: (name: string) => string): HugoServing | undefined {
  const settings = objectOf(config);
  if (!settings) return undefined;
  // A configuration folder's `module.toml` (or `.yaml`, `.json`) holds the module's settings at its top.
  const inFolder = (name: string) =>
    /(?:^|\/)config\/_default\/[^/]+$/.test(configPath) ? ['toml', 'yaml', 'yml', 'json'].map((extension) => objectOf(configs.get(posix.join(posix.dirname(configPath), `${name}.${extension}`)))).find(Boolean) : undefined;
  const moduleFile = inFolder('module');
  // `permalinks`: a section's pattern (`blog: /:year/:slug/`), or since Hugo 0.113 one under `page` for its pages.
  const permalinks = new Map<string, string>();
  for (const written of [objectOf(settings.permalinks), inFolder('permalinks')]) {
    for (const [section, pattern] of Object.entries(written ?? {})) if (typeof pattern === 'string') permalinks.set(section, pattern);
    for (const [section, pattern] of Object.entries(objectOf(written?.page) ?? {})) if (typeof pattern === 'string') permalinks.set(section, pattern);
  }
  const mounts = [...objectsOf(objectOf(settings.module)?.mounts), ...objectsOf(moduleFile?.mounts)].flatMap(({ source, target, lang, includeFiles, excludeFiles }) => {
    if (typeof source !== 'string' || typeof target !== 'string') return [];
    const [component, ...rest] = trimSlashes(posix.normalize(target)).split('/');
    const language = typeof lang === 'string' && lang !== '' ? lang : undefined;
    const filter = hugoMountFilter(includeFiles, excludeFiles);
    return component === 'content' || component === 'static' ? [{ component, from: within(trimSlashes(source)), at: rest.join('/'), language, ...(filter ? { takes: filter } : {}) }] : [];
  });
  const strings = (value: StaticValue) => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  const contentDir = strings(settings.contentDir)[0];
  const staticDirs = strings(settings.staticDir);
  const themesDir = strings(settings.themesDir)[0] ?? 'themes';
  const themes = strings(settings.theme);
  if (mounts.length === 0 && contentDir === undefined && staticDirs.length === 0 && themes.length === 0 && permalinks.size === 0) return undefined;
  // A component's mounts replace its default folder.
  const mounted = (component: string, language?: string) =>
    mounts.filter((mount) => mount.component === component && (mount.language === undefined || mount.language === language)).map(({ from, at, takes }) => ({ from, at, ...(takes ? { takes } : {}) }));
  // A content mount for one language (`lang: fr`) is that language's content, a site of its own as a language's folder is.
  const languages = [...new Set(mounts.flatMap(({ component, language }) => (component === 'content' && language !== undefined ? [language] : [])))];
  const content = mounted('content', languages[0]);
  const ownStatics = mounted('static');
  const statics = [
    ...(ownStatics.length > 0 ? ownStatics : (staticDirs.length > 0 ? staticDirs : ['static']).map((name) => ({ from: within(trimSlashes(name)), at: '' }))),
    ...themes.map((theme) => ({ from: within(posix.join(themesDir, theme, 'static')), at: '' })),
  ];
  return {
    ...(content.length > 0 ? { content } : contentDir !== undefined ? { content: [{ from: within(trimSlashes(contentDir)), at: '' }] } : {}),
    statics,
    ...(permalinks.size > 0 ? { permalinks } : {}),
    ...(languages.length > 1 ? { languages: languages.slice(1).map((language) => mounted('content', language)) } : {}),
  };
}

/** The objects an array holds (a list of mounts), or the object itself. */
function objectsOf(value: StaticValue): StaticObject[] {
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((item) => {
    const object = objectOf(item);
    return object === undefined ? [] : [object];
  });
}

/**
 * The index pages Docusaurus generates for the categories of its sidebar, at
 * `/category/<label>`: a category is a folder of the docs, its label most often the folder's
 * name (`User Cases` at `/category/user-cases`). Such a link reaches the folder. The labels
 * and index pages the site declares are read too (see `addDeclaredCategoryPages`).
 */
function addCategoryPages(site: Site, prefix: string, bases: readonly string[]): void {
  for (const page of [...site.routeOf.keys()]) {
    for (let folder = posix.dirname(page); folder !== '.' && `${folder}/`.startsWith(prefix) && `${folder}/` !== prefix; folder = posix.dirname(folder)) {
      const label = withoutNumberPrefix(posix.basename(folder)).trim().toLowerCase().replace(/[\s_]+/g, '-');
      for (const key of [`category/${label}`, ...bases.map((base) => posix.join(base, 'category', label))]) if (!site.routes.has(key)) site.routes.set(key, folder);
    }
  }
}

/**
 * The index pages a Docusaurus site declares for its categories: a folder's `_category_.json`
 * (or `.yml`) with `link: { type: 'generated-index' }`, and a category of the sidebars file
 * with such a link. The page is at the link's `slug`, or at `/category/` and the label as
 * GitHub slugs a heading (`Tutorial - Basics` at `/category/tutorial---basics`); a label
 * repeated gets `-1`, `-2` as Docusaurus's slugger gives them (which category gets which
 * follows the sidebar's order, not read here). A category file's page reaches its folder, a
 * sidebar's the docs folder. The sidebars file is the instance's `sidebarPath`, or for the
 * default instance any `sidebars*.js` beside the configuration; a version's copy has its own,
 * `versioned_sidebars/version-<name>-sidebars.json`.
 */
function addDeclaredCategoryPages(site: Site, found: FoundSite, bases: readonly string[], configs: SiteConfigs): void {
  const pages: { slug: string; reaches: string }[] = [];
  const generatedIndex = (category: StaticObject, label: StaticValue, reaches: string) => {
    const link = objectOf(category.link);
    if (link?.type !== 'generated-index') return;
    if (typeof link.slug === 'string') pages.push({ slug: link.slug, reaches });
    else if (typeof label === 'string') pages.push({ slug: `/category/${githubSlug(label)}`, reaches });
  };
  const prefix = site.content === '' ? '' : `${site.content}/`;
  for (const [path, value] of configs) {
    const category = objectOf(value);
    if (!category || !categoryFile.test(path) || !path.startsWith(prefix)) continue;
    const folder = posix.dirname(path);
    generatedIndex(category, category.label ?? withoutNumberPrefix(posix.basename(folder)), folder);
  }
  for (const path of sidebarFiles(found, configs)) {
    for (const item of objectsIn(configs.get(path))) if (item.type === 'category') generatedIndex(item, item.label, site.content);
  }
  const seen = new Map<string, number>();
  for (const { slug, reaches } of pages) {
    const route = trimSlashes(slug).toLowerCase();
    const repeats = seen.get(route) ?? 0;
    seen.set(route, repeats + 1);
    // A generated slug repeated is the label's again: Docusaurus's slugger numbers it.
    const named = repeats > 0 && /^category\//.test(route) ? `${route}-${repeats}` : route;
    for (const key of [named, ...bases.map((base) => trimSlashes(posix.join(base, named)))]) if (!site.routes.has(key)) site.routes.set(key, reaches);
  }
}

/** The sidebars files of a Docusaurus content folder, among the files read (see `addDeclaredCategoryPages`). */
function sidebarFiles(found: FoundSite, configs: SiteConfigs): string[] {
  const { folder, instance, version } = found;
  const prefix = folder === '' ? '' : `${folder}/`;
  const defaultInstance = instance === undefined || instance.id === 'default';
  if (version !== undefined && version !== 'current') {
    const copies = defaultInstance ? 'versioned_sidebars' : `${instance!.id}_versioned_sidebars`;
    const path = `${prefix}${copies}/version-${version}-sidebars.json`;
    return configs.has(path) ? [path] : [];
  }
  if (instance?.sidebarPath !== undefined) {
    const path = posix.join(folder === '' ? '.' : folder, instance.sidebarPath);
    return configs.has(path) ? [path] : [];
  }
  if (!defaultInstance) return [];
  return [...configs.keys()].filter((path) => path.startsWith(prefix) && /^sidebars[\w-]*\.(?:js|ts|mjs|cjs|json)$/.test(path.slice(prefix.length)));
}

/**
 * The extensions of the files a page links or shows (documents, data, images, media, archives,
 * code), which name a file rather than a route; an API's page is named by what it documents
 * (`Deno.serve`), so any other ending may be a route's.
 */
const commonFileExtension = /\.(?:mdx?|markdown|txt|json|jsonc|ya?ml|toml|xml|csv|pdf|png|jpe?g|gif|svg|webp|avif|ico|bmp|mp4|webm|mov|mp3|wav|ogg|zip|gz|tgz|tar|js|mjs|cjs|ts|tsx|jsx|css|wasm|woff2?|ttf|ipynb|py|sh)$/i;

/** A Lume page module: a JavaScript or TypeScript page, which may make many pages (see `SiteRoutes.pageModulesMaking`). */
const lumePageModule = /\.page\.(?:js|mjs|ts|jsx|tsx)$/i;

/**
 * A Lume site's page modules (`lint/index.page.tsx`), each a page at its path, as a Markdown
 * page is (`/lint/`), where no Markdown page is; and, as any of them may make more pages at
 * addresses it computes, kept for links no file serves (see `SiteRoutes.pageModulesMaking`).
 */
function addLumePageModules(site: Site, prefix: string, files: ReadonlySet<string>): void {
  const modules: string[] = [];
  for (const file of files) {
    const inContent = file.startsWith(prefix) ? file.slice(prefix.length) : undefined;
    if (inContent === undefined || !lumePageModule.test(inContent) || inContent.split('/').some((name) => name.startsWith('_') || name.startsWith('.'))) continue;
    modules.push(file);
    const route = trimSlashes(inContent.replace(lumePageModule, '').replace(/(?:^|\/)index$/i, '')).toLowerCase();
    if (!site.routes.has(route)) site.routes.set(route, file);
  }
  if (modules.length > 0) site.pageModules = modules.sort();
}

/**
 * An Astro or Docusaurus site's own pages (`src/pages/agents.astro` at `/agents`; a dynamic
 * `[slug]` page names no one route, and a name starting with `_` or `.` is no page), or a dumi
 * site's (`.dumi/pages/`), and an Astro
 * site's locales: the content's top folders named like one (`es-es`).
 */
function addPages(site: Site, folder: string, files: ReadonlySet<string>, pageFile: RegExp, pages = 'src/pages/'): void {
  const pagesFolder = `${prefixOf(folder)}${pages}`;
  const contentFolder = `${site.content}/`;
  for (const file of files) {
    if (file.startsWith(contentFolder)) {
      const top = file.slice(contentFolder.length).split('/')[0]!;
      if (site.generator.astro && file.slice(contentFolder.length).includes('/') && localeName.test(top)) site.locales.add(top.toLowerCase());
      continue;
    }
    if (!file.startsWith(pagesFolder) || !pageFile.test(file) || file.includes('[') || file.slice(pagesFolder.length).split('/').some((name) => name.startsWith('_') || name.startsWith('.'))) continue;
    const route = trimSlashes(file.slice(pagesFolder.length).replace(/\.[^./]+$/, '').replace(/(?:^|\/)index$/i, ''));
    if (!site.routes.has(route.toLowerCase())) site.routes.set(route.toLowerCase(), file);
  }
}

/** A Next.js app router's page or route handler: `page.tsx`, `page.mdx`, `route.ts`. */
const appRouteFile = /^(?:page\.(?:jsx?|tsx?|mdx?)|route\.(?:js|ts))$/;

/**
 * A Next.js site's own routes, from its app router's folders (`app/` or `src/app/`): each
 * folder holding a `page.*` or a `route.*` is a route (`app/community/page.tsx` at
 * `/community`, `app/llms.txt/route.ts` at `/llms.txt`), its groups (`(marketing)`) and
 * slots (`@modal`) left out. A dynamic segment (`[slug]`, `[[...slug]]`) names no one route,
 * and a private folder (`_components`) none at all; the content's own pages are not these.
 * But a dynamic segment's page beside a folder of Markdown that is no route serves that
 * folder's pages by name, as Next.js's blog starter does (`app/blog/[slug]/page.tsx` reading
 * `app/blog/posts/*.mdx`, `/blog/hello` for `app/blog/posts/hello.mdx`; see `addAppContentRoutes`).
 */
function addAppRoutes(site: Site, folder: string, files: ReadonlySet<string>): void {
  for (const app of ['app/', 'src/app/'].map((name) => `${prefixOf(folder)}${name}`)) {
    const dynamicPages: string[][] = [];
    for (const file of files) {
      if (!file.startsWith(app)) continue;
      const segments = file.slice(app.length).split('/');
      if (!appRouteFile.test(segments.pop()!) || segments.some((segment) => segment.startsWith('_'))) continue;
      if (segments.some((segment) => segment.includes('['))) {
        if (segments.length > 1 && dynamicSegment.test(segments.at(-1)!) && !segments.slice(0, -1).some((segment) => segment.includes('['))) dynamicPages.push(segments);
        continue;
      }
      const route = appRoute(segments);
      if (!site.routes.has(route)) site.routes.set(route, file);
    }
    for (const segments of dynamicPages) addAppContentRoutes(site, app, segments, files);
  }
}

/** A dynamic segment that takes one name (`[slug]`) or a path (`[...slug]`, `[[...slug]]`). */
const dynamicSegment = /^(?:\[[^\].]+\]|\[\.\.\.[^\]]+\]|\[\[\.\.\.[^\]]+\]\])$/;

/** The route of an app router's folders, its groups (`(marketing)`) and slots (`@modal`) left out, in lower case. */
function appRoute(segments: readonly string[]): string {
  return segments.filter((segment) => !routeGroup.test(segment) && !segment.startsWith('@')).join('/').toLowerCase();
}

/**
 * The Markdown pages a dynamic segment's page serves: those of a folder beside the segment,
 * which holds no page or route handler of its own and so is no route (`app/docs/content/`
 * beside `app/docs/[slug]/`), each at the route of the segment's folder and its name
 * (`/docs/quick-start` for `app/docs/content/quick-start.mdx`). A `[slug]` takes the folder's
 * own files; a catch-all (`[...slug]`) its files at any depth, an `index` at its folder's route.
 * Where a page of the site's own is at that route, it is that page.
 */
function addAppContentRoutes(site: Site, app: string, segments: readonly string[], files: ReadonlySet<string>): void {
  const parent = `${app}${segments.slice(0, -1).join('/')}/`;
  const catchAll = segments.at(-1)!.includes('...');
  const base = appRoute(segments.slice(0, -1));
  const pages = new Map<string, string[]>();
  const routed = new Set<string>();
  for (const file of files) {
    if (!file.startsWith(parent)) continue;
    const [sibling, ...rest] = file.slice(parent.length).split('/');
    if (rest.length === 0 || sibling!.includes('[') || sibling!.startsWith('_') || routeGroup.test(sibling!) || sibling!.startsWith('@')) continue;
    if (appRouteFile.test(rest.at(-1)!)) routed.add(sibling!);
    else if (pageExtension.test(file) && (catchAll || rest.length === 1)) pages.set(file, [sibling!, ...rest]);
  }
  for (const [file, [sibling, ...rest]] of pages) {
    if (routed.has(sibling!)) continue;
    const path = rest.join('/').replace(pageExtension, '');
    const name = (catchAll ? path.replace(/(?:^|\/)index$/i, '') : path).toLowerCase();
    const route = [base, name].filter((part) => part !== '').join('/');
    if (!site.routes.has(route)) site.routes.set(route, file);
  }
}

/**
 * Where the site's redirects send the route a link from `fromDocument` names, its fragment
 * and query left off: `/reference/cli` for `/reference/reporters` redirected to
 * `/reference/cli/#reporter-flags`; a parameter's segments put where the destination names it.
 */
function redirectedRoute(site: Site, fromDocument: string, route: string): string | undefined {
  if (!site.redirects) return undefined;
  for (const key of routeKeys(site, fromDocument, route.replace(/[?#].*$/, ''))) {
    const exact = site.redirects.exact.get(key);
    if (exact !== undefined) return exact.replace(/[?#].*$/, '');
    for (const { source, names, destination } of site.redirects.patterns) {
      const match = source.exec(key);
      if (!match) continue;
      const values = new Map(names.map((name, index) => [name, match[index + 1]!]));
      return destination.replace(/[?#].*$/, '').replace(/\[(?:\.\.\.)?([^\]/]+)\]/g, (segment, name: string) => values.get(name) ?? segment);
    }
  }
  return undefined;
}

/**
 * The languages an MkDocs configuration's i18n plugin (mkdocs-static-i18n) keeps in folders of
 * their own: `plugins: [{ i18n: { docs_structure: folder, languages: [{ locale: ja }] } }]`, the
 * plugins a list or a mapping. None for the suffix structure (`index.ja.md`, beside the page it
 * translates), or when `fallback_to_default: false` builds nothing a language lacks.
 */
function mkdocsLanguageFolders(config: StaticValue): LanguageFolders | undefined {
  const plugins = objectOf(config)?.plugins;
  const entries = Array.isArray(plugins) ? plugins.map(objectOf) : [objectOf(plugins)];
  const i18n = entries.map((entry) => objectOf(entry?.i18n)).find((options) => options !== undefined);
  if (!i18n || i18n.docs_structure !== 'folder' || i18n.fallback_to_default === false || !Array.isArray(i18n.languages)) return undefined;
  const translated = new Set<string>();
  let defaultFolder: string | undefined;
  for (const language of i18n.languages.map(objectOf)) {
    const locale = language?.locale;
    if (typeof locale !== 'string' || locale === '' || locale.includes('/')) continue;
    if (language!.default === true) defaultFolder = locale;
    else translated.add(locale);
  }
  return translated.size === 0 ? undefined : { translated, default: defaultFolder };
}

/**
 * The titles an MkDocs configuration's `nav` gives its pages, by their paths from the top (the
 * content folder joined to each as written): `- Installation: setup/install.md` names the page,
 * and a section's list (`- Guides: [...]`) holds more; a page listed bare (`- setup/install.md`)
 * takes its title from its text, and an address (`- Issues: https://…`) is no page. The first
 * title a page is given is the one kept. Undefined when the configuration names none.
 */
function mkdocsNavTitles(config: StaticValue, content: string): Map<string, string> | undefined {
  const titles = new Map<string, string>();
  const pending: StaticValue[] = [objectOf(config)?.nav];
  // An explicit stack: a configuration can nest sections deep.
  while (pending.length > 0) {
    const entry = pending.pop();
    if (Array.isArray(entry)) {
      for (let index = entry.length - 1; index >= 0; index--) pending.push(entry[index]);
      continue;
    }
    const item = objectOf(entry);
    if (!item) continue;
    for (const [title, value] of Object.entries(item)) {
      if (Array.isArray(value)) pending.push(value);
      else if (typeof value === 'string' && title.trim() !== '' && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value) && /\.(?:md|markdown)$/i.test(value)) {
        // A path leaving the content folder names no page of the site.
        const page = posix.normalize(value.replace(/^\//, ''));
        const path = posix.join(content, page);
        if (page !== '..' && !page.startsWith('../') && !titles.has(path)) titles.set(path, title.trim());
      }
    }
  }
  return titles.size === 0 ? undefined : titles;
}

/**
 * The title MkDocs gives a page with none in its `nav`, its frontmatter or a level-one heading,
 * from its path in the content folder: `Home` for the top's `index.md` (or `README.md`), else
 * the file's name without its extension, hyphens and underscores as spaces, its first letter
 * capitalised when the name is all lower case (`notifications/triggers.md` is `Triggers`,
 * `resource_actions_builtin.md` `Resource actions builtin`, `CONTRIBUTING.md` as it is).
 */
function mkdocsFileTitle(page: string): string {
  const stem = posix.basename(page).replace(/\.[^.]*$/, '');
  const name = stem === 'README' ? 'index' : stem;
  if (name === 'index' && !page.includes('/')) return 'Home';
  const title = name.replace(/[-_]/g, ' ');
  return title.toLowerCase() === title ? `${title.charAt(0).toUpperCase()}${title.slice(1)}` : title;
}

/**
 * The file a relative link from a page of a translated language's folder reaches when that
 * folder lacks it, as mkdocs-static-i18n builds it from the default language's: the same link
 * read from the page's place in the default language's folder (`docs/en/`), or at the content
 * folder's top where the default language's files are.
 */
function defaultLanguageFile(site: Site, languages: LanguageFolders, fromDocument: string, target: string, exists: (path: string) => boolean): string | undefined {
  if (target === '' || target.startsWith('/') || !holds(site.content, fromDocument)) return undefined;
  const prefix = site.content === '' ? '' : `${site.content}/`;
  const [language, ...rest] = fromDocument.slice(prefix.length).split('/');
  if (rest.length === 0 || !languages.translated.has(language!)) return undefined;
  // The language's pages are built as if its folder were the content folder: a path that leaves it leads nowhere.
  const inLanguage = posix.normalize(posix.join(posix.dirname(rest.join('/')), target)).replace(/\/$/, '');
  if (inLanguage === '..' || inLanguage.startsWith('../') || languages.translated.has(inLanguage.split('/')[0]!)) return undefined;
  const places = [...(languages.default !== undefined ? [`${prefix}${languages.default}/`] : []), prefix];
  return places.map((place) => `${place}${inLanguage}`.replace(/\/\.$/, '')).find(exists);
}

/**
 * An Astro configuration's `redirects`: `{ '/old': '/new' }` or `{ '/old': { status: 301,
 * destination: '/new' } }`, a source's `[slug]` matching one segment and `[...slug]` the rest.
 * Undefined when it sets none that can be read.
 */
/**
 * The default locale of a Starlight site whose configuration gives it a folder of its own
 * (`defaultLocale: 'en'` with `locales: { en: {...}, ja: {...} }`): its pages are at `/en/...`,
 * and an untranslated page of another locale shows the default locale's page at that locale's
 * route. `root`, or none, is the content folder's top, read as before.
 */
function starlightDefaultLocale(config: StaticValue): string | undefined {
  const options = objectsIn(objectOf(config)?.integrations).map((integration) => objectOf(integration.starlight)).find(Boolean);
  const locale = options?.defaultLocale;
  return typeof locale === 'string' && locale !== '' && locale !== 'root' ? locale.toLowerCase() : undefined;
}

/**
 * Whether an Astro configuration runs Markdown plugins of its own (`markdown.remarkPlugins`,
 * `rehypePlugins`, or a `processor` of them). Astro leaves a link to `/guide/setup.md` as it is,
 * a page the site does not have, so a site whose pages link each other by file has a plugin
 * take the extension off; one with no plugin at all has none to do it.
 */
function astroProcessesMarkdown(config: StaticValue): boolean {
  const markdown = objectOf(objectOf(config)?.markdown);
  return markdown !== undefined && ['remarkPlugins', 'rehypePlugins', 'processor'].some((key) => Object.hasOwn(markdown, key));
}

/**
 * The import aliases of an Astro project: `compilerOptions.paths` in the `tsconfig.json` (else
 * the `jsconfig.json`) beside its configuration, which Astro hands to Vite, so a Markdown image
 * `![flow](~/images/flow.png)` is imported from `src/assets/images/flow.png` with
 * `"~/images/*": ["./src/assets/images/*"]`. Each key's places are read from `baseUrl` where it
 * is set, else from the file's folder, as TypeScript reads them; a key with more than one `*`,
 * which TypeScript refuses, is left out. A configuration `extends` names is not read.
 */
function importAliases(configs: SiteConfigs | undefined, within: (name: string) => string): ImportAlias[] {
  const options = objectOf(objectOf(configs?.get(within('tsconfig.json')) ?? configs?.get(within('jsconfig.json')))?.compilerOptions);
  const paths = objectOf(options?.paths);
  if (options === undefined || paths === undefined) return [];
  const from = typeof options.baseUrl === 'string' ? within(options.baseUrl) : within('');
  const aliases: ImportAlias[] = [];
  for (const [key, value] of Object.entries(paths)) {
    const stars = key.split('*').length - 1;
    if (stars > 1 || !Array.isArray(value)) continue;
    const places = value.filter((place): place is string => typeof place === 'string' && place.split('*').length - 1 === stars).map((place) => posix.join(from === '' ? '.' : from, place));
    if (places.length === 0) continue;
    const star = key.indexOf('*');
    aliases.push(star === -1 ? { prefix: key, suffix: '', wildcard: false, places } : { prefix: key.slice(0, star), suffix: key.slice(star + 1), wildcard: true, places });
  }
  return aliases;
}

/** The alias a specifier takes, as TypeScript chooses it: a key without `*` naming it exactly, else the matching key with the longest part before its `*`. */
function matchingAlias(aliases: readonly ImportAlias[], specifier: string): ImportAlias | undefined {
  const exact = aliases.find((alias) => !alias.wildcard && alias.prefix === specifier);
  if (exact !== undefined) return exact;
  let best: ImportAlias | undefined;
  for (const alias of aliases) {
    if (!alias.wildcard || specifier.length < alias.prefix.length + alias.suffix.length) continue;
    if (!specifier.startsWith(alias.prefix) || !specifier.endsWith(alias.suffix)) continue;
    if (best === undefined || alias.prefix.length > best.prefix.length) best = alias;
  }
  return best;
}

/**
 * Astro's `base` (`base: '/openai-agents-js'`, with or without its slashes), without slashes:
 * the site is served under it, and Astro puts it in front of no link a page writes, so the
 * site's pages link each other with it (`/openai-agents-js/guides/tools`). Undefined when it
 * is not set, is `/`, or is computed (`process.env.BASE ?? '/'`).
 */
function astroBase(config: StaticValue): string | undefined {
  const base = objectOf(config)?.base;
  const trimmed = typeof base === 'string' ? trimSlashes(base.trim()).replace(/^\.\/?/, '') : '';
  return trimmed === '' ? undefined : trimmed;
}

/** A root-relative link under the site's `base` (see `astroBase`) as the route it names below it: `/openai-agents-js/guides/tools` is `/guides/tools`. */
function belowBase(site: Site | undefined, target: string): string {
  const base = site?.base;
  if (base === undefined || !target.startsWith(`/${base}`)) return target;
  const rest = target.slice(base.length + 1);
  return rest === '' ? '/' : /^[/?#]/.test(rest) ? (rest.startsWith('/') ? rest : `/${rest}`) : target;
}

function astroRedirects(config: StaticValue): Redirects | undefined {
  const written = objectOf(objectOf(config)?.redirects);
  if (!written) return undefined;
  const redirects: Redirects = { exact: new Map(), patterns: [] };
  for (const [source, to] of Object.entries(written)) {
    const destination = typeof to === 'string' ? to : objectOf(to)?.destination;
    if (typeof destination !== 'string' || !source.startsWith('/')) continue;
    const key = routeKey(source);
    if (!key.includes('[')) {
      if (!redirects.exact.has(key)) redirects.exact.set(key, destination);
      continue;
    }
    const names: string[] = [];
    const pattern = key
      .split('/')
      .map((segment) => {
        const parameter = /^\[(\.\.\.)?([^\]]+)\]$/.exec(segment);
        if (!parameter) return segment.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
        names.push(parameter[2]!.toLowerCase());
        return parameter[1] ? '(.+)' : '([^/]+)';
      })
      .join('/');
    redirects.patterns.push({ source: new RegExp(`^${pattern}$`), names, destination: destination.replace(/\[((?:\.\.\.)?)([^\]/]+)\]/g, (_, dots: string, name: string) => `[${dots}${name.toLowerCase()}]`) });
  }
  return redirects.exact.size > 0 || redirects.patterns.length > 0 ? redirects : undefined;
}

/**
 * The folders a Mintlify site's `docs.json` has its OpenAPI pages generated in: a navigation
 * entry's `openapi: { source: '/api/openapi.yml', directory: 'api-reference' }` makes a page of
 * each operation there at the build (`/api-reference/surveys/get-survey`), a file no clone
 * holds; a route below it is the specification's, not judged.
 */
function mintlifyOpenApiPages(config: StaticValue): { pluginRoutes?: PluginRoutes } {
  const pluginRoutes = new Map<string, string>();
  for (const object of objectsIn(config)) {
    const openapi = objectOf(object.openapi);
    const directory = openapi?.directory;
    if (typeof directory === 'string' && routeKey(directory) !== '' && !pluginRoutes.has(routeKey(directory))) pluginRoutes.set(routeKey(directory), 'openapi');
  }
  return pluginRoutes.size > 0 ? { pluginRoutes } : {};
}

/**
 * The folders TypeDoc writes Markdown pages into, from the repository's top: the `out` of each
 * TypeDoc configuration naming `typedoc-plugin-markdown` among its plugins (without it TypeDoc
 * writes HTML, no site's pages), read from the configuration's folder. Which pages it writes is
 * known only by running it, so every route under the folder is the reference's.
 */
function typedocOutputs(configs: SiteConfigs | undefined): string[] {
  const outputs: string[] = [];
  for (const [path, value] of configs ?? []) {
    if (!typedocConfig.test(path)) continue;
    const options = objectOf(value);
    const plugins = Array.isArray(options?.plugin) ? options.plugin : [options?.plugin];
    if (typeof options?.out !== 'string' || !plugins.includes('typedoc-plugin-markdown')) continue;
    const output = posix.normalize(posix.join(posix.dirname(path), options.out)).replace(/\/$/, '');
    if (!output.startsWith('../') && output !== '..' && output !== '.') outputs.push(output);
  }
  return outputs;
}

/** TypeDoc's configuration file. */
const typedocConfig = /(?:^|\/)typedoc(?:\.config)?\.(?:json|js|cjs|mjs)$/;

/**
 * The routes Starlight's plugins add to an Astro site, as its configuration sets them:
 * starlight-openapi's pages made from each schema, under the schema's `base` (each of its segments
 * slugged, as the plugin does: `/api/petstore`, its operations below), and starlight-llms-txt's
 * `/llms.txt`, `/llms-full.txt` and `/llms-small.txt`, with its `customSets` under `/_llms-txt/`.
 * Neither serves a locale's copy: `/zh/api/petstore` is no route.
 */
function starlightPluginRoutes(config: StaticValue): { pluginRoutes?: PluginRoutes } {
  const pluginRoutes = new Map<string, string>();
  const options = objectsIn(objectOf(config)?.integrations).map((integration) => objectOf(integration.starlight)).find(Boolean);
  const plugins = Array.isArray(options?.plugins) ? options.plugins : [];
  for (const plugin of plugins.map(objectOf)) {
    if (plugin === undefined) continue;
    const schemas = plugin['starlight-openapi'];
    for (const schema of (Array.isArray(schemas) ? schemas : []).map(objectOf)) {
      const base = typeof schema?.base === 'string' ? trimSlashes(schema.base).split('/').map(githubSlug).join('/') : '';
      if (base !== '' && !pluginRoutes.has(base)) pluginRoutes.set(base, 'starlight-openapi');
    }
    if (Object.hasOwn(plugin, 'starlight-llms-txt')) {
      for (const route of ['llms.txt', 'llms-full.txt', 'llms-small.txt']) pluginRoutes.set(route, 'starlight-llms-txt');
      const sets = objectOf(plugin['starlight-llms-txt'])?.customSets;
      if (Array.isArray(sets) && sets.length > 0) pluginRoutes.set('_llms-txt', 'starlight-llms-txt');
    }
  }
  return pluginRoutes.size > 0 ? { pluginRoutes } : {};
}

/**
 * A Next.js configuration's `redirects` (`async redirects() { return [...] }`, read as far as it
 * is written literally): `{ source, destination }`, a source's `:name` matching one segment,
 * `:name*` any segments or none, `:name+` one or more, `:name?` one or none, and `:name(regex)`
 * what the regex matches; the destination takes each by its name. A redirect that applies only
 * when a request `has` or is `missing` something is left out, as a link does not carry it.
 * Undefined when it sets none that can be read.
 */
function nextRedirects(config: StaticValue): Redirects | undefined {
  const written = objectOf(config)?.redirects;
  if (!Array.isArray(written)) return undefined;
  const redirects: Redirects = { exact: new Map(), patterns: [] };
  for (const item of written) {
    const redirect = objectOf(item);
    const { source, destination } = redirect ?? {};
    if (typeof source !== 'string' || typeof destination !== 'string' || !source.startsWith('/') || redirect!.has !== undefined || redirect!.missing !== undefined) continue;
    // `/tips/:errorId` names the source's parameter as Astro's `[errorId]` does; `https://host:8080/` names none.
    const named = destination.replace(/(?<=\/):(\w+)(?:\([^)]*\))?[*+?]?/g, (_, name: string) => `[${name.toLowerCase()}]`);
    if (!source.includes(':')) {
      const key = routeKey(source);
      if (!redirects.exact.has(key)) redirects.exact.set(key, named);
      continue;
    }
    const pattern = nextSourcePattern(trimSlashes(source));
    if (pattern) redirects.patterns.push({ ...pattern, destination: named });
  }
  return redirects.exact.size > 0 || redirects.patterns.length > 0 ? redirects : undefined;
}

/**
 * A Next.js redirect's source (path-to-regexp's syntax), without its slashes at either end, as
 * a regular expression over route keys with a group for each parameter; undefined when a
 * parameter's own regex cannot be taken.
 */
function nextSourcePattern(source: string): { source: RegExp; names: string[] } | undefined {
  const names: string[] = [];
  let pattern = '';
  for (let index = 0; index < source.length; ) {
    const parameter = /^:(\w+)/.exec(source.slice(index));
    if (!parameter) {
      pattern += source[index]!.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
      index++;
      continue;
    }
    index += parameter[0].length;
    names.push(parameter[1]!.toLowerCase());
    let regex = '[^/]+';
    if (source[index] === '(') {
      // The parameter's own regex, up to its balancing parenthesis; its groups made non-capturing so each parameter keeps its place.
      let depth = 0;
      const start = index;
      do {
        if (source[index] === '\\') index++;
        else if (source[index] === '(') depth++;
        else if (source[index] === ')') depth--;
        index++;
      } while (depth > 0 && index < source.length);
      if (depth > 0) return undefined;
      regex = source.slice(start + 1, index - 1).replace(/(?<!\\)\((?!\?)/g, '(?:');
    }
    const modifier = source[index];
    const repeated = modifier === '*' || modifier === '+' ? `${regex}(?:/${regex})*` : regex;
    if (modifier === '*' || modifier === '?') {
      // Optional: the slash before it goes with it (`/docs/:path*` matches `/docs`).
      pattern = pattern.endsWith('/') ? `${pattern.slice(0, -1)}(?:/(${repeated}))?` : `${pattern}(${repeated})?`;
    } else pattern += `(${repeated})`;
    if (modifier === '*' || modifier === '+' || modifier === '?') index++;
  }
  try {
    return { source: new RegExp(`^${pattern}$`, 'i'), names };
  } catch {
    return undefined;
  }
}

/**
 * What a Docusaurus configuration's plugins (and presets and themes) other than its docs serve:
 * the client redirects plugin's `redirects` (`{ from: ['/old', '/older'], to: '/new' }`), and
 * the routes any other plugin's options name as `route` or `routeBasePath` (redocusaurus's
 * API reference at `route: '/api/'`, a blog whose folder is computed), each with
 * the routes below it; with the site's `baseUrl` in front too. The classic preset's own docs
 * and blog are read as content, not taken as routes of a plugin.
 */
function docusaurusPlugins(config: StaticValue): { redirects?: Redirects; pluginRoutes?: PluginRoutes } {
  const settings = objectOf(config);
  if (!settings) return {};
  const baseUrl = typeof settings.baseUrl === 'string' ? trimSlashes(settings.baseUrl) : '';
  const keys = (route: string) => [routeKey(route), ...(baseUrl === '' ? [] : [routeKey(posix.join(baseUrl, route))])].filter((key) => key !== '');
  const redirects: Redirects = { exact: new Map(), patterns: [] };
  const pluginRoutes = new Map<string, string>();
  const entries = [settings.presets, settings.plugins, settings.themes].flatMap((value) => (Array.isArray(value) ? value : []));
  for (const entry of entries) {
    const [name, options] = pluginEntry(entry);
    if (name === undefined || !options || /(?:^|[/-])(?:preset-)?classic$|content-docs$/.test(name)) continue;
    // A blog whose folder is read is content (see `docusaurusBlogs`).
    if (/content-blog$/.test(name) && blogOf(options) !== undefined) continue;
    if (/client-redirects$/.test(name)) {
      for (const redirect of Array.isArray(options.redirects) ? options.redirects : []) {
        const { from, to } = objectOf(redirect) ?? {};
        if (typeof to !== 'string') continue;
        for (const source of Array.isArray(from) ? from : [from]) {
          if (typeof source !== 'string') continue;
          for (const key of keys(source)) if (!redirects.exact.has(key)) redirects.exact.set(key, to);
        }
      }
      continue;
    }
    for (const object of objectsIn(options)) {
      for (const [key, inner] of Object.entries(object)) {
        if ((key === 'route' || key === 'routeBasePath') && typeof inner === 'string') for (const route of keys(inner)) if (!pluginRoutes.has(route)) pluginRoutes.set(route, name);
      }
    }
  }
  return { ...(redirects.exact.size > 0 ? { redirects } : {}), ...(pluginRoutes.size > 0 ? { pluginRoutes } : {}) };
}

/** A Docusaurus blog as its configuration sets it: its folder (from the configuration's) and the route its posts are under. */
interface DocusaurusBlog {
  path: string;
  base: string;
}

/**
 * The blogs a Docusaurus configuration sets: the classic preset's `blog` (unless `false`) and
 * each `@docusaurus/plugin-content-blog` entry, each at its `path` (`blog` by default) under
 * its `routeBasePath` (`blog` by default). One whose folder or base is computed is left out.
 */
function docusaurusBlogs(config: StaticValue): DocusaurusBlog[] {
  const settings = objectOf(config);
  const blogs: DocusaurusBlog[] = [];
  const entries = [settings?.presets, settings?.plugins].flatMap((value) => (Array.isArray(value) ? value : []));
  for (const entry of entries) {
    const [name, options] = pluginEntry(entry);
    if (name === undefined || !options) continue;
    const blogOptions = /(?:^|[/-])(?:preset-)?classic$/.test(name) ? (options.blog === false ? undefined : (objectOf(options.blog) ?? {})) : /content-blog$/.test(name) ? options : undefined;
    const blog = blogOptions && blogOf(blogOptions);
    if (blog) blogs.push(blog);
  }
  return blogs;
}

function blogOf(options: StaticObject): DocusaurusBlog | undefined {
  const path = 'path' in options ? options.path : 'blog';
  const base = 'routeBasePath' in options ? options.routeBasePath : 'blog';
  return typeof path === 'string' && typeof base === 'string' ? { path, base: trimSlashes(base) } : undefined;
}

/**
 * The docs plugin instances a Docusaurus configuration sets: the preset's `docs` (none when it
 * is `false`) and each `plugins` entry of the docs plugin, its `path` (`docs` by default) and
 * `routeBasePath` (`docs` by default, `/` for the site's root); and whether the default
 * instance is known: when the preset's `docs` cannot be read, its folder is guessed as before.
 */
function docusaurusInstances(config: StaticValue): { instances: DocsInstance[]; defaultKnown: boolean } {
  const settings = objectOf(config);
  if (!settings) return { instances: [], defaultKnown: false };
  const instances: DocsInstance[] = [];
  let defaultKnown = false;
  const entries = (value: StaticValue) => (Array.isArray(value) ? value : []);
  const presets = entries(settings.presets);
  for (const preset of presets) {
    const [name, options] = pluginEntry(preset);
    if (name === undefined || !/(?:^|[/-])(?:preset-)?classic$|preset/.test(name) || !options) continue;
    if (options.docs === false) defaultKnown = true;
    else if (!('docs' in options) || objectOf(options.docs)) {
      defaultKnown = true;
      instances.push(docsInstance(objectOf(options.docs) ?? {}, 'default', settings.baseUrl));
    }
  }
  // A site of no preset has only the docs its plugins set.
  if (!('presets' in settings) || (Array.isArray(settings.presets) && presets.length === 0)) defaultKnown = true;
  for (const plugin of entries(settings.plugins)) {
    const [name, options] = pluginEntry(plugin);
    if (name === undefined || !/^(?:@docusaurus\/plugin-content-docs|(?:docusaurus-plugin-)?content-docs)$/.test(name) || !options) continue;
    const id = options.id === undefined ? 'default' : options.id;
    if (typeof id !== 'string') continue;
    if (id === 'default') defaultKnown = true;
    instances.push(docsInstance(options, id, settings.baseUrl));
  }
  return { instances, defaultKnown };
}

function docsInstance(options: StaticObject, id: string, baseUrl: StaticValue): DocsInstance {
  const path = 'path' in options ? options.path : 'docs';
  const base = 'routeBasePath' in options ? options.routeBasePath : 'docs';
  const versionPaths = new Map<string, string>();
  for (const [version, settings] of Object.entries(objectOf(options.versions) ?? {})) {
    const versionPath = objectOf(settings)?.path;
    if (typeof versionPath === 'string') versionPaths.set(version, trimSlashes(versionPath));
  }
  return {
    id,
    path: typeof path === 'string' ? path : undefined,
    base: typeof base === 'string' ? trimSlashes(base) : undefined,
    baseUrl: typeof baseUrl === 'string' ? trimSlashes(baseUrl) : '',
    lastVersion: typeof options.lastVersion === 'string' ? options.lastVersion : undefined,
    versionPaths,
    sidebarPath: typeof options.sidebarPath === 'string' ? posix.normalize(options.sidebarPath) : undefined,
  };
}

/**
 * The routes a Docusaurus content folder's pages are under, besides their own path (kept as it
 * was before the configuration was read): the instance's route base (`''` and `docs` when not
 * read), and a version's path under it, `next` for the current docs once there are versions
 * (unless `lastVersion` is `current`) and the version's name for one of its copies, or the path
 * the configuration sets. The last version is served at the base itself: `lastVersion`, or,
 * as the list of versions is not read, any version when it is not set; the current docs stay
 * known there too, as before the configuration was read.
 */
function docusaurusBases(instance: DocsInstance | undefined, version: string | undefined, versioned: boolean): string[] {
  const base = instance?.base;
  const bases = base !== undefined ? [base, ...(instance!.baseUrl === '' ? [] : [trimSlashes(posix.join(instance!.baseUrl, base))])] : ['', 'docs'];
  const current = versioned && instance?.lastVersion !== 'current' ? 'next' : undefined;
  const path = version === undefined ? undefined : (instance?.versionPaths.get(version) ?? (version === 'current' ? current : version));
  const atBase = version === undefined || version === 'current' || instance?.lastVersion === undefined || instance.lastVersion === version;
  return [...new Set(bases.flatMap((base) => [...(atBase ? [base] : []), ...(path ? [trimSlashes(posix.join(base, path))] : [])]))];
}

/** A `presets` or `plugins` entry of a Docusaurus configuration: `'name'`, or `['name', options]`. */
function pluginEntry(entry: StaticValue): [string | undefined, StaticObject | undefined] {
  if (typeof entry === 'string') return [entry, {}];
  if (!Array.isArray(entry)) return [undefined, undefined];
  return [typeof entry[0] === 'string' ? entry[0] : undefined, objectOf(entry[1] ?? {})];
}

/**
 * Every object a value holds, itself included, outer ones first: walked with a stack of its
 * own, as a sidebars file may nest deeper than the call stack goes.
 */
function objectsIn(value: StaticValue): StaticObject[] {
  const found: StaticObject[] = [];
  const pending: StaticValue[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (Array.isArray(next)) {
      for (let index = next.length - 1; index >= 0; index--) pending.push(next[index]);
      continue;
    }
    const object = objectOf(next);
    if (!object) continue;
    found.push(object);
    const values = Object.values(object);
    for (let index = values.length - 1; index >= 0; index--) pending.push(values[index]);
  }
  return found;
}

/** A value as an object, when it is one. */
function objectOf(value: StaticValue): StaticObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

/**
 * An Astro site's pages made from its content collection by a dynamic page of its own:
 * `src/pages/docs/[...slug].astro` (or `docs/[version]/[...slug].astro`, all of its path after
 * `docs/` dynamic) beside `src/content/docs/` serves `v3/data-types/either.mdx` at
 * `/docs/v3/data-types/either/` too. The collection the page renders is not read: the page's
 * static folder is taken to name it.
 */
function addCollectionRoutes(site: Site, folder: string, files: ReadonlySet<string>): void {
  const pagesFolder = `${prefixOf(folder)}src/pages/`;
  const collection = posix.basename(site.content).toLowerCase();
  const prefixes = new Set<string>();
  for (const file of files) {
    if (!file.startsWith(pagesFolder) || !/\]\.astro$/i.test(file)) continue;
    const segments = file.slice(pagesFolder.length).replace(/\.astro$/i, '').split('/');
    const dynamic = segments.findIndex((segment) => segment.startsWith('['));
    const rest = segments.slice(dynamic);
    if (dynamic <= 0 || !rest.at(-1)!.startsWith('[...') || !rest.every((segment) => /^\[[^\]]+\]$/.test(segment))) continue;
    const prefix = segments.slice(0, dynamic).join('/').toLowerCase();
    if (segments[0]!.toLowerCase() === collection) prefixes.add(prefix);
  }
  for (const prefix of prefixes) {
    for (const [page, route] of site.routeOf) {
      const key = route === '' ? prefix : `${prefix}/${route.toLowerCase()}`;
      if (holds(site.content, page) && !site.routes.has(key)) site.routes.set(key, page);
    }
  }
}

/** The top folder of a site's content named like a locale that holds the page (`zh-CN` for `docs/zh-CN/guide/start.md`), as it is written. */
function localeFolderOf(site: Site, path: string): string | undefined {
  const [top, ...rest] = (site.content === '' ? path : path.slice(site.content.length + 1)).split('/');
  return rest.length > 0 && localeName.test(top!) ? top : undefined;
}

/** The locale folder a route starts with (`ru` for `ru/docs/errors`), in lower case. */
function localeOfRoute(route: string | undefined): string | undefined {
  const [top, ...rest] = (route ?? '').split('/');
  return rest.length > 0 && localeName.test(top!) ? top!.toLowerCase() : undefined;
}

/** Mintlify's configuration, beside the pages it serves. */
const mintlifyConfig = /(?:^|\/)(?:docs|mint)\.json$/;

/** The HTTP methods an OpenAPI path item holds operations under. */
const openApiMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * The OpenAPI specifications in the repository that a Mintlify configuration's navigation
 * names, each with the `directory` its generated pages are under when one is set: the
 * `openapi` of a tab, an anchor, a group or the navigation itself, written as a path, a list
 * of paths or `{ source, directory }`. A path is read from the configuration's folder; one
 * given as a URL is hosted elsewhere and not read.
 */
export function mintlifySpecifications(configPath: string, config: StaticValue): { path: string; directory?: string }[] {
  if (!mintlifyConfig.test(configPath)) return [];
  const folder = posix.dirname(configPath);
  const specifications: { path: string; directory?: string }[] = [];
  const add = (source: StaticValue, directory: StaticValue) => {
    if (typeof source !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(source)) return;
    const path = posix.normalize(posix.join(folder, source.replace(/^\/+/, '')));
    if (path.startsWith('..') || specifications.some((known) => known.path === path && known.directory === directory)) return;
    specifications.push({ path, ...(typeof directory === 'string' ? { directory } : {}) });
  };
  const visit = (value: StaticValue, depth: number): void => {
    if (depth > 40) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const object = objectOf(value);
    if (!object) return;
    for (const [key, inner] of Object.entries(object)) {
      if (key === 'openapi') {
        for (const written of Array.isArray(inner) ? inner : [inner]) {
          const described = objectOf(written);
          if (described) add(described.source, described.directory);
          else add(written, undefined);
        }
      } else visit(inner, depth + 1);
    }
  };
  visit(objectOf(config)?.navigation ?? config, 0);
  return specifications;
}

/**
 * A name in a generated endpoint page's route, as Mintlify writes a tag or a summary there:
 * spaces made hyphens, `{`, `}`, `(`, `)`, `,`, `.`, `'` and `/` taken out, lower case.
 */
function openApiSlug(name: string): string {
  return name.replace(/ /g, '-').replace(/[{}(),.'/]/g, '').toLowerCase();
}

/**
 * The endpoint pages Mintlify generates from the OpenAPI specifications its navigation names,
 * each reaching the specification: at an operation's `x-mint.href` where it sets one (lower
 * case, the last segment's extension dropped), else at its directory (`api-reference` unless
 * the configuration sets one), its first tag and its summary (`/api-reference/users/get-user`),
 * or its method and path where it has no summary (`get-users-posts` for `GET /users/{id}/posts`).
 */
function addOpenApiPages(site: Site, configs: SiteConfigs): void {
  for (const config of [`${site.folder === '' ? '' : `${site.folder}/`}docs.json`, `${site.folder === '' ? '' : `${site.folder}/`}mint.json`]) {
    for (const { path, directory } of mintlifySpecifications(config, configs.get(config))) {
      const paths = objectOf(objectOf(configs.get(path))?.paths);
      if (!paths) continue;
      for (const [endpoint, item] of Object.entries(paths)) {
        for (const method of openApiMethods) {
          const operation = objectOf(objectOf(item)?.[method]);
          if (!operation) continue;
          const href = objectOf(operation['x-mint'])?.href;
          let route: string;
          if (typeof href === 'string') {
            route = href.toLowerCase().replace(/(^|\/)([^/]*)\.[^./]*$/, '$1$2');
          } else {
            const tags = operation.tags;
            const tag = Array.isArray(tags) && typeof tags[0] === 'string' ? openApiSlug(tags[0]) : undefined;
            const summary = typeof operation.summary === 'string' && operation.summary.trim() !== '' ? openApiSlug(operation.summary.trim()) : [method, ...endpoint.split('/').filter((part) => part !== '' && !/^\{.*\}$/.test(part))].join('-').toLowerCase();
            route = [(directory ?? 'api-reference').toLowerCase(), ...(tag ? [tag] : []), summary].join('/');
          }
          const key = routeKey(route);
          if (key !== '' && !site.routes.has(key)) site.routes.set(key, path);
        }
      }
    }
  }
}

/** A page's route, from its path under the content folder and its frontmatter. */
function routeOf(inContent: string, document: CorpusDocument | undefined, generator: Generator): string {
  const field = (key: string) => frontmatterString(document, key);
  const path = inContent.replace(generator.eleventy ? templateExtension : pageExtension, '').split('/');
  const segments = generator.routeGroups ? path.filter((segment, index) => index === path.length - 1 || !routeGroup.test(segment)) : path;
  const named = generator.numberPrefixes ? segments.map((segment) => (generator.docusaurus ? withoutNumberPrefix(segment) : segment.replace(numberPrefix, ''))) : generator.astro ? segments.map(githubSlug) : segments;
  const own = named.pop()!;
  // Lume's `basename` renames the page's last segment, its folder kept.
  const name = generator.eleventy ? own.replace(datedName, '$4') : ((generator.lume ? field('basename') : undefined) ?? own);
  const folder = named.join('/');
  const permalink = generator.eleventy || generator.retype ? field('permalink') ?? (generator.retype ? field('route') : undefined) : undefined;
  // Mintlify serves a page at its file's path: it reads no `slug` (one left from a Docusaurus
  // site moves nothing), and its `url` makes the sidebar entry a link elsewhere.
  // Lume's `url` may name the built file (`/posts/welcome/index.html`), which is served at its folder's address.
  const slug = generator.mintlify ? undefined : generator.lume ? field('url')?.replace(/(?:^|\/)index\.html$/i, '/') : (field('slug') ?? field('url') ?? (permalink?.includes('{') ? undefined : permalink));
  // Zola's `path` is from the root, with or without its leading slash.
  const zolaPath = generator.pathField ? field('path') : undefined;
  if (zolaPath !== undefined) return trimSlashes(zolaPath);
  // Astro takes a `slug` for the entry's whole id, from the collection's folder (`slug: blog/hello`
  // in `blog/2021-01-02-hello.md` is `/blog/hello`); Docusaurus and Hugo read one from the page's folder.
  if (slug !== undefined) return trimSlashes(slug.startsWith('/') || generator.astro ? slug : posix.join(folder, slug));
  // Docusaurus makes a doc named as its folder that folder's index (`releases/releases.md` at `/releases`), whatever its `id`.
  if (generator.docusaurus && named.length > 0 && name.toLowerCase() === named[named.length - 1]!.toLowerCase()) return trimSlashes(folder);
  const id = (generator.docusaurus ? field('id') : undefined) ?? name;
  if (generator.retype && isRetypeDefaultPage(id, named)) return trimSlashes(folder);
  return trimSlashes(/^(?:index|readme|_index)$/i.test(id) ? folder : posix.join(folder, id));
}

/**
 * A Jekyll page's routes, its own first. A collection's page (`_docs/setup/ubuntu.md`) is at
 * `/docs/setup/ubuntu/` as Jekyll makes it, or `/setup/ubuntu/` where the configuration sets
 * `/:path/`; a post (`_posts/2024-01-02-hello.md`) is at `/2024/01/02/hello`, after its
 * categories where it has some (see `jekyllPostRoutes`). A `permalink` moves a page: its front
 * matter's, else the one the configuration's `defaults` give it, else its collection's, or for
 * a post the site's, each with its placeholders filled (see `jekyllPermalink`), in place of the
 * routes Jekyll gives without one.
 */
function jekyllRoutes(inContent: string, document: CorpusDocument | undefined, permalinks?: JekyllPermalinks): string[] {
  const permalink = frontmatterString(document, 'permalink');
  if (permalink !== undefined && !permalink.includes(':')) return [trimSlashes(permalink)];
  const file = inContent.replace(pageExtension, '');
  const path = file.replace(/(?:^|\/)(?:index|readme)$/i, '');
  const segments = path.split('/');
  const posts = segments.indexOf('_posts');
  const dated = posts !== -1 && posts < segments.length - 1 ? jekyllDate(segments.at(-1)!) : null;
  const [top, ...rest] = segments;
  const collection = dated ? 'posts' : top?.startsWith('_') && rest.length > 0 ? top.slice(1) : undefined;
  const routes = dated
    ? jekyllPostRoutes(segments.slice(0, posts), dated, document)
    : !top?.startsWith('_')
      ? [trimSlashes(path)]
      : rest.length === 0
        ? [top.slice(1)]
        : [`${top.slice(1)}/${rest.join('/')}`, rest.join('/')];
  // The permalink that applies: the page's own, the configuration's defaults for its place, its collection's, the site's for a post.
  const type = collection ?? 'pages';
  const within = (entry: JekyllPermalinks['defaults'][number]) =>
    entry.glob ? inContent.split('/').some((_, index, parts) => entry.glob!(parts.slice(0, index + 1).join('/'))) : entry.path === '' || `${inContent}/`.startsWith(`${entry.path}/`);
  const scoped = permalinks?.defaults.filter((entry) => within(entry) && (entry.type === undefined || entry.type === type)).at(-1)?.permalink;
  const template = permalink ?? scoped ?? (collection === undefined ? undefined : collection === 'posts' ? (permalinks?.collections.get('posts') ?? permalinks?.site) : permalinks?.collections.get(collection));
  const categories = dated ? routes[0]!.split('/').slice(0, -4) : [];
  const placed = template === undefined ? undefined : jekyllPermalink(template, { file, collection, dated, categories, document });
  return placed === undefined ? routes : [placed];
}

/** A Jekyll post's date and name (`2016-1-05-swift-2.2-release-process`), its month and day padded to two digits as Jekyll's routes write them. */
function jekyllDate(name: string): RegExpExecArray | null {
  const dated = /^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$/.exec(name);
  if (dated) for (const index of [2, 3]) dated[index] = dated[index]!.padStart(2, '0');
  return dated;
}

/**
 * The route a Hugo site's `permalinks` give a page of a section (`content/blog/2020/0225-mirroring/index.md`
 * with `blog: /:year/:month/:day/:slug/` and `date: 2020-02-25`, `title: Service Mirroring` is
 * `2020/02/25/service-mirroring`); undefined for a section's own page, a page whose `url`
 * places it, one no pattern names, and a pattern holding a token not read here. `:slug` is the
 * front matter's `slug`, else the title made a path as Hugo makes one (lower case, spaces as
 * hyphens, punctuation other than `.`, `_`, `-`, `+` and `~` dropped); the date is `date`'s.
 */
function hugoPermalink(inContent: string, document: CorpusDocument | undefined, permalinks: ReadonlyMap<string, string>): string | undefined {
  const file = inContent.replace(pageExtension, '');
  const segments = file.split('/');
  if (segments.length < 2 || /^_index$/i.test(segments.at(-1)!) || frontmatterString(document, 'url') !== undefined) return undefined;
  const pattern = permalinks.get(segments[0]!);
  if (pattern === undefined) return undefined;
  // A bundle's page is named by its folder.
  const bundle = /^index$/i.test(segments.at(-1)!);
  const baseName = bundle ? segments.at(-2)! : segments.at(-1)!;
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(frontmatterString(document, 'date') ?? '');
  const title = frontmatterString(document, 'title');
  const urlized = title?.toLowerCase().replace(/\s+/g, '-').replace(/[^\p{L}\p{N}._+~-]/gu, '');
  const slug = frontmatterString(document, 'slug') ?? urlized;
  const folders = segments.slice(0, bundle ? -2 : -1);
  const values: Record<string, string | undefined> = {
    year: date?.[1],
    month: date?.[2],
    day: date?.[3],
    section: segments[0],
    sections: folders.join('/'),
    title: urlized,
    slug,
    filename: baseName,
    contentbasename: baseName,
    slugorfilename: slug ?? baseName,
    slugorcontentbasename: slug ?? baseName,
  };
  let unknown = false;
  const filled = pattern.replace(/:([a-z]+)/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) unknown = true;
    return value ?? '';
  });
  return unknown ? undefined : trimSlashes(posix.normalize(`/${filled}`));
}

/** Jekyll's permalink styles, the site's `permalink` named rather than written. */
const jekyllStyles: Readonly<Record<string, string>> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/**
 * The route a Jekyll permalink template gives a page (`/blog/:year/:month/:title/` for
 * `_posts/2024-01-02-hello.md` is `blog/2024/01/hello`), a style named (`pretty`) read as the
 * template it stands for; undefined when it holds a placeholder not known here (a week's,
 * a day of the year's). `:title` is the name after the date, or the front matter's `slug`.
 */
function jekyllPermalink(
  template: string,
  page: { file: string; collection: string | undefined; dated: RegExpExecArray | null; categories: readonly string[]; document: CorpusDocument | undefined },
): string | undefined {
  const written = Object.hasOwn(jekyllStyles, template) ? jekyllStyles[template]! : template;
  const name = posix.basename(page.file);
  const title = frontmatterString(page.document, 'slug') ?? (page.dated ? page.dated[4]! : name);
  const [year, month, day] = page.dated ? [page.dated[1]!, page.dated[2]!, page.dated[3]!] : [];
  // In a collection, `:path` is the page's path there; on a page, its folder.
  const inCollection = page.collection !== undefined && page.collection !== 'posts' ? page.file.split('/').slice(1).join('/') : undefined;
  const values: Record<string, string | undefined> = {
    year,
    month,
    day,
    i_month: month?.replace(/^0/, ''),
    i_day: day?.replace(/^0/, ''),
    short_year: year?.slice(2),
    title,
    slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''),
    name,
    basename: name,
    categories: page.categories.join('/'),
    collection: page.collection,
    path: inCollection ?? posix.dirname(page.file).replace(/^\.$/, ''),
    output_ext: '.html',
  };
  let unknown = false;
  const filled = written.replace(/:([a-z_]+)/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) unknown = true;
    return value ?? '';
  });
  if (unknown) return undefined;
  // An empty placeholder leaves a double slash; the built `.html` name is the route without it.
  return trimSlashes(posix.normalize(`/${filled}`).replace(/(?:\/index)?\.html$/i, ''));
}

/**
 * The permalinks a Jekyll configuration sets (see `JekyllPermalinks`); undefined when it sets none.
 */
function jekyllPermalinks(config: StaticValue): JekyllPermalinks | undefined {
  const settings = objectOf(config);
  if (!settings) return undefined;
  const site = typeof settings.permalink === 'string' && settings.permalink.trim() !== '' ? settings.permalink.trim() : undefined;
  const collections = new Map<string, string>();
  for (const [name, options] of Object.entries(objectOf(settings.collections) ?? {})) {
    const permalink = objectOf(options)?.permalink;
    if (typeof permalink === 'string' && permalink.trim() !== '') collections.set(name, permalink.trim());
  }
  const defaults = (Array.isArray(settings.defaults) ? settings.defaults : []).flatMap((entry) => {
    const scope = objectOf(objectOf(entry)?.scope);
    const permalink = objectOf(objectOf(entry)?.values)?.permalink;
    if (typeof permalink !== 'string' || permalink.trim() === '') return [];
    const path = typeof scope?.path === 'string' ? trimSlashes(scope.path) : '';
    const type = typeof scope?.type === 'string' ? scope.type : undefined;
    // A `path` with a glob (`docs/*`) scopes what its matches hold, as Jekyll globs it from the site's folder (no hidden names).
    if (path.includes('*')) return [{ path, type, permalink: permalink.trim(), glob: picomatch(path, { dot: false }) }];
    return [{ path, type, permalink: permalink.trim() }];
  });
  return site === undefined && collections.size === 0 && defaults.length === 0 ? undefined : { site, collections, defaults };
}

/**
 * A Jekyll post's routes, as its default permalink makes them, `/:categories/:year/:month/:day/:title`:
 * the folders above its `_posts` folder are its first categories (`en/news/_posts/2006-12-22-moved.md`
 * at `/en/news/2006/12/22/moved`), then those its frontmatter's `category` or `categories` names.
 * A configuration that sets another permalink is not read, so the route of the folders' categories
 * alone is known too, and, for a post with none, the date's alone.
 */
function jekyllPostRoutes(folders: string[], dated: RegExpExecArray, document: CorpusDocument | undefined): string[] {
  const date = dated.slice(1).join('/');
  const data = document?.model.frontmatter?.data;
  const named = data !== null && typeof data === 'object' ? [(data as Record<string, unknown>).category, (data as Record<string, unknown>).categories] : [];
  // `categories: release notes` is two categories, as Jekyll splits a string on spaces.
  const written = named.flatMap((value) => (typeof value === 'string' ? value.split(/\s+/) : Array.isArray(value) ? value.filter((item) => typeof item === 'string' || typeof item === 'number').map(String) : []));
  const categories = [...new Set([...folders, ...written].filter((category) => category !== ''))];
  return [...new Set([[...categories, date].join('/'), [...folders, date].join('/')])];
}

/**
 * A dumi page's routes, its own first (see `DumiRouting`). Each name is put in kebab case as
 * dumi 2 does (`HTMLParser` is `html-parser`) and as dumi 1 does (`htmlparser`), an `index`
 * or `README` name dropped. A language's suffix (`index.zh-CN.md`) goes before the route; the
 * first language of the configuration is served without it, so the route is known both ways,
 * and a link from a page of one language reaches that language's first (`localeFolders`). A dumi 1 page that sets `nav.path` is under that path too, as dumi 1
 * puts a folder's or a nested page (`/hooks/use-request`).
 */
function dumiRoutes(inContent: string, document: CorpusDocument | undefined, dumi: DumiRouting): string[] {
  const folders = inContent.replace(pageExtension, '').split('/');
  const file = folders.pop()!;
  const suffixed = /^(.+)\.([^.]+)$/.exec(file);
  const locale = suffixed && localeName.test(suffixed[2]!) ? suffixed[2] : undefined;
  const name = locale !== undefined ? suffixed![1]! : file;
  const index = /^(?:index|readme)$/i.test(name);
  if (dumi.atom && !dumi.everyAtom && !(folders.length === 0 || (folders.length === 1 && index))) return [];
  const segments = index ? folders : [...folders, name];
  const paths = [...new Set([segments.map(kebabCaseDumi2).join('/'), segments.map((segment) => segment.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()).join('/')])];
  const bases = dumi.atom ? dumi.atomsAt : [dumi.docsAt ?? ''];
  const navPath = trimSlashes(frontmatterNavPath(document) ?? '');
  const routes = paths.flatMap((path) => [
    ...(navPath !== '' && (index || folders.length > 0) && path !== navPath && !path.startsWith(`${navPath}/`) ? [posix.join(navPath, path)] : []),
    ...bases.map((base) => trimSlashes(posix.join(base, path))),
  ]);
  if (locale === undefined) return routes;
  // A language the configuration sets is at its base and its suffix, and nowhere else (`index.zh-CN.md` at `/components/button-cn`).
  const configured = dumi.locales?.find((language) => language.id === locale);
  if (configured) return routes.map((route) => trimSlashes(posix.join(configured.base, `${route}${configured.suffix}`)));
  return [...routes.map((route) => trimSlashes(`${locale}/${route}`)), ...routes];
}

/**
 * Whether a Retype page is its folder's default page, by its name (case aside): `default.md`, or
 * the page named as its folder (`sample/sample.md`), or at the top `welcome.md` or `home.md`
 * (`index.md` and `readme.md` are every generator's).
 */
function isRetypeDefaultPage(name: string, folders: readonly string[]): boolean {
  const lower = name.toLowerCase();
  if (lower === 'default') return true;
  if (folders.length === 0) return lower === 'welcome' || lower === 'home';
  return lower === folders[folders.length - 1]!.toLowerCase();
}

/** The folder a Retype configuration's `input` names (`./docs`), relative to the configuration's folder; undefined where it names none, or one outside it. */
function retypeInput(config: StaticValue): string | undefined {
  return relativeFolder(objectOf(config)?.input);
}

/**
 * The input folder an Eleventy configuration sets (`dir.input`, see `readStaticConfig`), relative
 * to the configuration's folder; undefined where it sets none, or one outside it.
 */
function eleventyInput(config: StaticValue): string | undefined {
  return relativeFolder(objectOf(objectOf(config)?.dir)?.input);
}

/**
 * The folder an MkDocs configuration's `docs_dir` names, relative to the configuration's
 * folder: `source`, or `../docs` for a configuration kept in a folder of its own. Written
 * `!ENV [DOCS_DIR, 'source']`, it is the default last, as a build without the variable takes
 * it. Undefined where it is not set, leaves the repository, or holds the configuration, which
 * MkDocs refuses.
 */
function mkdocsDocsDir(config: StaticValue, folder: string): string | undefined {
  const written = objectOf(config)?.docs_dir;
  const value = Array.isArray(written) ? written.at(-1) : written;
  if (typeof value !== 'string' || value.trim() === '' || value.trim().startsWith('/')) return undefined;
  const fromTop = posix.normalize(posix.join(folder === '' ? '.' : folder, value.trim())).replace(/\/$/, '');
  const top = fromTop === '.' ? '' : fromTop;
  if (top === '..' || top.startsWith('../') || top === '' || folder === top || folder.startsWith(`${top}/`)) return undefined;
  return posix.relative(folder, top);
}

/** A folder a configuration names relative to its own (`./docs/`, `source`, `.`), as a folder is named here; undefined for anything else, or one outside it. */
function relativeFolder(value: StaticValue): string | undefined {
  if (typeof value !== 'string') return undefined;
  const folder = trimSlashes(posix.normalize(value.trim()));
  return value.trim().startsWith('/') || folder === '..' || folder.startsWith('../') ? undefined : folder === '.' ? '' : folder;
}

/**
 * What a VitePress configuration sets of where its pages are, as far as it is written
 * literally: `srcDir`, the folder of its pages (and of their `public/`), and `rewrites`, each
 * a page's path to the path it is served at, with `:name` for a segment and `:name*` for the
 * rest (`{ 'en/:rest*': ':rest*' }`, the first language's pages at the root). Undefined when
 * it sets neither.
 */
function vitepressConfigured(config: StaticValue): { srcDir?: string; rewrites?: { from: RegExp; to: string }[] } | undefined {
  const options = objectOf(config);
  const srcDir = typeof options?.srcDir === 'string' && options.srcDir.trim() !== '' && !options.srcDir.startsWith('/') ? trimSlashes(options.srcDir.trim().replace(/^\.\//, '')) : undefined;
  const written = objectOf(options?.rewrites);
  const rewrites = written
    ? Object.entries(written).flatMap(([from, to]) => {
        if (typeof to !== 'string' || from.includes('(')) return [];
        const pattern = from.replace(/^\/+/, '').split(/(:[A-Za-z_]\w*\*?)/).map((part) => (part.startsWith(':') ? (part.endsWith('*') ? '(.*)' : '([^/]+)') : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
        const names = [...from.matchAll(/:([A-Za-z_]\w*)\*?/g)].map((match) => match[1]!);
        // Each parameter of the destination becomes the group it names.
        const target = to.replace(/^\/+/, '').replace(/:([A-Za-z_]\w*)\*?/g, (whole, name: string) => (names.includes(name) ? `$${names.indexOf(name) + 1}` : whole));
        return [{ from: new RegExp(`^${pattern.join('')}$`), to: target }];
      })
    : [];
  if (srcDir === undefined && rewrites.length === 0) return undefined;
  return { ...(srcDir !== undefined ? { srcDir } : {}), ...(rewrites.length > 0 ? { rewrites } : {}) };
}

/** A page's path in the content folder as VitePress's `rewrites` serve it: the first that matches. */
function rewritten(inContent: string, rewrites: Generator['rewrites']): string {
  for (const { from, to } of rewrites ?? []) if (from.test(inContent)) return trimSlashes(inContent.replace(from, to));
  return inContent;
}

/**
 * What a dumi 2 configuration (`.dumirc.ts`) sets of its routes, as far as it is written
 * literally: `resolve.docDirs`, each a folder or `{ type, dir }` whose pages are under the
 * type's plural (`{ type: 'doc', dir: 'docs' }` at `/docs/`), `resolve.atomDirs`, each
 * `{ type, dir }` whose first-level pages are under the type's plural (`/components/`), and
 * `locales`, each `{ id, base }` or `{ id, suffix }`, as dumi makes its routes. Undefined when
 * none of them can be read, and a setting not read keeps dumi's default (`docs/`, `src/` under
 * `/components`, a language before the route).
 */
function dumiConfigured(config: StaticValue, routing: DumiRouting): { docDirs: { dir: string; at: string }[]; routing: DumiRouting } | undefined {
  const options = objectOf(config);
  const resolve = objectOf(options?.resolve);
  const folder = (value: StaticValue) => (typeof value === 'string' && value.trim() !== '' && !value.startsWith('/') ? value.trim().replace(/^\.\//, '').replace(/\/+$/, '') : undefined);
  const typeRoute = (type: StaticValue) => (typeof type === 'string' && /^[\w-]+$/.test(type) ? plural(type) : undefined);
  let docDirs: { dir: string; at: string }[] | undefined;
  if (Array.isArray(resolve?.docDirs)) {
    docDirs = resolve.docDirs.flatMap((entry) => {
      const dir = folder(typeof entry === 'string' ? entry : objectOf(entry)?.dir);
      const type = objectOf(entry)?.type;
      const at = type === undefined ? '' : typeRoute(type);
      return dir === undefined || at === undefined ? [] : [{ dir, at }];
    });
    if (docDirs.length !== resolve.docDirs.length) docDirs = undefined;
  }
  let atomDirs: { dir: string; at: string }[] | undefined;
  if (Array.isArray(resolve?.atomDirs)) {
    atomDirs = resolve.atomDirs.flatMap((entry) => {
      const dir = folder(objectOf(entry)?.dir);
      const at = typeRoute(objectOf(entry)?.type);
      return dir === undefined || at === undefined ? [] : [{ dir, at }];
    });
    if (atomDirs.length !== resolve.atomDirs.length) atomDirs = undefined;
  }
  let locales: DumiLocale[] | undefined;
  if (Array.isArray(options?.locales)) {
    // Suffix mode, as dumi tells it by the first language; in base mode the first is at `/`, the others at their id (`/en-US`).
    const suffixMode = objectOf(options.locales[0])?.suffix !== undefined;
    locales = options.locales.flatMap((entry, index) => {
      const { id, base, suffix } = objectOf(entry) ?? {};
      if (typeof id !== 'string' || (base !== undefined && typeof base !== 'string') || (suffix !== undefined && typeof suffix !== 'string')) return [];
      if (suffixMode) return [{ id, base: '', suffix: suffix ?? '' }];
      return [{ id, base: trimSlashes(typeof base === 'string' ? base : index === 0 ? '/' : `/${id}`), suffix: '' }];
    });
    if (locales.length !== options.locales.length) locales = undefined;
  }
  if (docDirs === undefined && atomDirs === undefined && locales === undefined) return undefined;
  return {
    docDirs: docDirs ?? [{ dir: 'docs', at: '' }],
    routing: { ...routing, ...(atomDirs ? { atomDirs } : {}), ...(locales ? { locales } : {}) },
  };
}

/** An asset type's plural, as dumi makes a route of it (`component` to `components`, `utility` to `utilities`). */
function plural(type: string): string {
  if (/[^aeiou]y$/i.test(type)) return `${type.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/i.test(type)) return `${type}es`;
  return `${type}s`;
}

/**
 * A name in kebab case as dumi 2 makes it: a hyphen before a capital that starts a word and
 * before a run of capitals, except at the name's start (`useMemoizedFn` is `use-memoized-fn`,
 * `XMLHttpRequest` is `xml-http-request`, `fooBAR` is `foo-bar`).
 */
function kebabCaseDumi2(name: string): string {
  return name
    .replace(/(?<=.)[A-Z](?=[^A-Z])/g, (capital) => `-${capital.toLowerCase()}`)
    .replace(/(?<=[^A-Z])[A-Z]+/g, (capitals) => `-${capitals.toLowerCase()}`)
    .toLowerCase();
}

/** A dumi 1 page's `nav.path` (`nav: { path: /hooks }`), if its frontmatter sets one. */
function frontmatterNavPath(document: CorpusDocument | undefined): string | undefined {
  const data = document?.model.frontmatter?.data;
  const nav = data !== null && typeof data === 'object' ? (data as Record<string, unknown>).nav : undefined;
  const path = nav !== null && typeof nav === 'object' ? (nav as Record<string, unknown>).path : undefined;
  return typeof path === 'string' && path.trim() !== '' ? path.trim() : undefined;
}

/**
 * A Docusaurus blog post's route: `/blog/<slug>` when its frontmatter sets one, else from its
 * dated name, `2016-07-27-jest-14.md` or `2016-07-27-jest-14/index.md`, `/blog/2016/07/27/jest-14`.
 */
function blogRoute(inContent: string, document: CorpusDocument | undefined, base = 'blog'): string {
  const slug = frontmatterString(document, 'slug');
  if (slug !== undefined) return trimSlashes(posix.join(base, slug));
  const path = inContent.replace(pageExtension, '').replace(/\/index$/i, '');
  const dated = datedName.exec(posix.basename(path));
  return trimSlashes(posix.join(base, dated ? dated.slice(1).join('/') : path));
}

/** A frontmatter field's text, trimmed, when it is a string that is not blank. */
function frontmatterString(document: CorpusDocument | undefined, key: string): string | undefined {
  const data = document?.model.frontmatter?.data;
  const value = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A route as the routes map keys it: lower case, no slashes at either end, an index page's name dropped. */
function routeKey(route: string, keepCase = false): string {
  const key = trimSlashes(posix.normalize(route));
  return (keepCase ? key : key.toLowerCase()).replace(/(?:^|\/)(?:index|readme|_index)$/i, '');
}

/** Whether `path` lies in the content folder `content` (`''` for the top). */
function holds(content: string, path: string): boolean {
  return content === '' || path.startsWith(`${content}/`);
}


/** Every folder that holds a file, at any depth. */
function foldersOf(files: ReadonlySet<string>): Set<string> {
  const folders = new Set<string>();
  for (const file of files) {
    for (let folder = folderOf(file); folder !== '' && !folders.has(folder); folder = folderOf(folder)) folders.add(folder);
  }
  return folders;
}

/** A folder as the start of the paths in it: `''` for the top, else with a slash after it. */
function prefixOf(folder: string): string {
  return folder === '' ? '' : `${folder}/`;
}

function folderOf(file: string): string {
  return posix.dirname(file).replace(/^\.$/, '');
}

/**
 * Whether a `package.json` is a Slidev deck's: it depends on `@slidev/cli`, as every deck made
 * with `npm init slidev` does. Slidev serves the deck's `public/` at its root, so its slides
 * write an image there as `/diagram.png`.
 */
function slidevDeck(manifest: StaticValue): boolean {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) return false;
  return ['dependencies', 'devDependencies'].some((key) => {
    const dependencies = manifest[key];
    return dependencies !== null && typeof dependencies === 'object' && !Array.isArray(dependencies) && Object.hasOwn(dependencies, '@slidev/cli');
  });
}

/**
 * A Lume site's settings, where the module (`_config.ts`) exports a site made by `lume()`:
 * the folder its pages are in, `src` (`.` unless set), relative to the configuration's. A
 * `src` computed where it stands is taken as the configuration's folder; any other module
 * named `_config.ts` is no site.
 */
function lumeSite(config: StaticValue): { src: string; copies: Served[]; prettyUrls: boolean } | undefined {
  const module = objectOf(config);
  if (!module || !Object.hasOwn(module, 'lume')) return undefined;
  const options = objectOf(module.lume);
  const src = options?.src;
  const folder = typeof src === 'string' ? posix.normalize(src).replace(/\/$/, '') : '.';
  // A `src` outside the configuration's folder (`../pages`) is not followed: a site's pages are taken to be beside it.
  const within = folder === '.' || folder.startsWith('..') || folder.startsWith('/') ? '' : folder;
  // A file or folder copied elsewhere (`site.copy('static', '.')`) is served there too; one copied to its own path, or a list of extensions, is already taken as served.
  const copies = (Array.isArray(module.copies) ? module.copies : []).flatMap((copy) => {
    const { from, to } = objectOf(copy) ?? {};
    if (typeof from !== 'string' || typeof to !== 'string' || trimSlashes(posix.normalize(from)).startsWith('..')) return [];
    const at = trimSlashes(posix.normalize(to));
    return at.startsWith('..') ? [] : [{ from: posix.join(within, trimSlashes(posix.normalize(from))).replace(/^\.$/, ''), at }];
  });
  return { src: within, copies, prettyUrls: options?.prettyUrls !== false };
}

/** A route under a base (`docs` and `guide/setup` make `docs/guide/setup`); the route itself with no base. */
function underBase(route: string, base: string | undefined): string {
  return base === undefined || base === '' ? route : route === '' ? base : `${base}/${route}`;
}

/**
 * A Fumadocs site's content folders and the routes their pages are under, as its modules write
 * them: `defineDocs({ dir: 'content/docs' })` in `source.config.ts` and `loader({ baseUrl: '/' })`
 * in `lib/source.ts` (or `src/lib/source.ts`, or `app/source.ts` in Fumadocs's older layout),
 * which serves `content/docs/guide/setup.mdx` at `/guide/setup`. A loader names the collection it
 * serves (`source: docs.toFumadocsSource()`, the `docs` that `source.config.ts` exports), so a
 * site of several (`docs` at `/docs`, `dashboard` at `/dashboard`) pairs each folder with its
 * route; one folder and one loader go together however the loader names its source.
 */
function fumadocsContent(configs: SiteConfigs, within: (name: string) => string): { dir: string; baseUrl: string }[] {
  const exported = (names: readonly string[]) => {
    const values: [string, StaticObject][] = [];
    for (const name of names) {
      const module = configs.get(within(name));
      if (module === undefined || module === null || typeof module !== 'object' || Array.isArray(module)) continue;
      for (const [key, value] of Object.entries(module)) if (value !== null && typeof value === 'object' && !Array.isArray(value)) values.push([key, value]);
    }
    return values;
  };
  const dirs = exported(['source.config.ts', 'source.config.mts', 'source.config.js', 'source.config.mjs']).flatMap(([name, options]) =>
    typeof options.dir === 'string' ? [{ name, dir: options.dir }] : [],
  );
  const loaders = exported(['lib', 'src/lib', 'app', 'src/app'].flatMap((place) => ['ts', 'tsx', 'js', 'mjs'].map((extension) => `${place}/source.${extension}`))).flatMap(
    ([, options]) => {
      const source = options.source;
      const collection = source !== null && typeof source === 'object' && !Array.isArray(source) && typeof source.collection === 'string' ? source.collection : undefined;
      return typeof options.baseUrl === 'string' && options.baseUrl.startsWith('/') ? [{ baseUrl: options.baseUrl, collection }] : [];
    },
  );
  const served = (dir: string, baseUrl: string) => {
    const folder = within(dir.replace(/^\.\//, ''));
    return folder.startsWith('..') ? [] : [{ dir: folder, baseUrl: trimSlashes(baseUrl) }];
  };
  if (dirs.length === 1 && loaders.length === 1) return served(dirs[0]!.dir, loaders[0]!.baseUrl);
  return loaders.flatMap(({ baseUrl, collection }) => {
    const named = dirs.find((dir) => dir.name === collection);
    return named === undefined ? [] : served(named.dir, baseUrl);
  });
}

function trimSlashes(route: string): string {
  return route.replace(/^\/+|\/+$/g, '').replace(/^\.$/, '');
}
