/**
 * Where a path that names no file most likely meant, for the rules that follow paths. In
 * order: a site's page named as its folder, at that folder's route; the page an extensionless
 * path names (`cdn` for `cdn.md`, and `/docs/cdn/` for `docs/cdn.md` read from the top); the page
 * the path names with its other Markdown extension (`setup.mdx` for `setup.md`); the file the path names read from the top (a page moved
 * down a folder or two keeps its `./packages/x/README.md`), a near path with the same file
 * name (a folder or a letter case mistyped), the file beside it with the same words in
 * another order (`api-getting-started.md`), the one file of the repository with the target's
 * name (where a moved file most likely went), the one translation beside it (`setup_ja.md`),
 * and a near path whose file name is itself near the target's. Never the document itself, nor, from an agent skill's file, a file of another
 * skill, nor a file of another version's or translation's copy of a Docusaurus site's docs.
 * Said as the author would write it: relative to the document, or as the route it was (see
 * `asRoute`).
 */
import { posix } from 'node:path';
import { decodePath, resolveCorpusPath, suggestAmong, SuggestionIndex } from '@capsule-docs/graph';
import type { RuleContext } from '../types.js';

/**
 * With `namesake: false`, the one file with the target's name is not offered: a link to a file
 * `.gitignore` names (a generated `reference/cli.md`) is better told so than sent to another
 * folder's `cli.md` that only shares its name.
 */
export function suggestedPath(context: RuleContext, target: string, { namesake = true }: { namesake?: boolean } = {}): string | undefined {
  const route = folderPageRoute(context, target);
  if (route !== undefined) return route;
  const files = context.memo('file-path-index', () => new SuggestionIndex(context.graph.files));
  const resolved = resolveCorpusPath(context.document.path, decodePath(target));
  const path = resolved.kind === 'inside' ? resolved.path : undefined;
  const nearest = path === undefined ? undefined : files.suggest(path);
  // A whole path near the target's may still name another file: `SDN.md` for `网络层.md` in one folder.
  const near = nearest !== undefined && nearest !== context.document.path && namesAlike(path!, nearest) ? nearest : undefined;
  const sameName = near !== undefined && posix.basename(near).toLowerCase() === posix.basename(path!).toLowerCase() ? near : undefined;
  // `./packages/astro/README.md` in `docs/changelog/v7.md`: written as from the top, where the file is (a page moved down keeps its links).
  const fromTop = resolveCorpusPath('', decodePath(target));
  const top = fromTop.kind === 'inside' && fromTop.path !== '' && context.graph.exists(fromTop.path) ? fromTop.path : undefined;
  // `./LICENSE` beside a `LICENSE.md`: the page the path names with its extension is nearer than the root's file.
  // A root-relative route (`/docs/reference/layout/grid/`, as pages copied from a site link) is
  // read from the repository's top, as GitHub reads it: the page it names is there.
  const page = path === undefined ? rootRoutePage(context, target) : pageOf(context, path);
  // `setup.md` where the page beside it became `setup.mdx` (or back): that page, before a namesake in another folder.
  const otherExtension = path === undefined ? undefined : withOtherExtension(context, path);
  const found =
    page ??
    otherExtension ??
    top ??
    sameName ??
    (path === undefined ? undefined : reordered(context, path)) ??
    (namesake ? movedTo(context, target) : undefined) ??
    (path === undefined ? undefined : translated(context, path)) ??
    near;
  if (found === undefined || found === context.document.path || inOtherSkill(context, found, target) || inOtherDocsCopy(context, found)) return undefined;
  const relative = posix.relative(posix.dirname(context.document.path), found);
  // A folder written with its slash (`./packages/`) is suggested with it.
  if (target.endsWith('/') && !context.graph.files.has(found)) return `${relative}/`;
  return asRoute(context, target, found, relative) ?? servedFromRoot(context, target, found) ?? relative;
}

/**
 * A file a site serves as it is (from its `public/` or `static/` folder) suggested for a link
 * written from the root (`/zh/gas-profiling/report/index.html`), as the route the site serves it
 * at (`/gas-profiling/report/index.html`): a path into that folder from the page
 * (`../../public/gas-profiling/…`) is no address of the site.
 */
function servedFromRoot(context: RuleContext, target: string, found: string): string | undefined {
  if (!/^\/(?!\/)/.test(target) || /\.mdx?$/i.test(found) || !context.graph.servedBySite(context.document.path)) return undefined;
  const parts = found.split('/');
  for (let start = 1; start < parts.length; start++) {
    const route = `/${parts.slice(start).join('/')}`;
    if (context.graph.sitePage(context.document.path, route) === found) return route;
  }
  return undefined;
}

/**
 * A page suggested for a link a site's page writes as a route (`./bind-html-checkboxes/`,
 * `../guide/setup`), written as such a route too (`./bind-html-checkbox/`): the page's path
 * without its extension, with the `./` and the closing slash the link was written with. The
 * page's file name would lead nowhere on the site, which serves no `.md` file. Only where
 * the site reaches the page by that route from the linking page.
 */
function asRoute(context: RuleContext, target: string, found: string, relative: string): string | undefined {
  const written = decodePath(target).replace(/[#?].*$/, '');
  if (written.startsWith('/') || /\.[A-Za-z0-9]+\/?$/.test(written) || !/\.mdx?$/i.test(found)) return undefined;
  if (!context.graph.servedBySite(context.document.path)) return undefined;
  const path = relative.replace(/\.mdx?$/i, '').replace(/(?:^|\/)(?:index|README)$/i, '');
  if (path === '' || path === '.') return undefined;
  const route = `${written.startsWith('./') && !path.startsWith('../') ? './' : ''}${path}${written.endsWith('/') ? '/' : ''}`;
  return context.graph.sitePage(context.document.path, route) === found ? route : undefined;
}

/**
 * The page an extensionless path names, from the page or, for a route from the root, from the
 * repository's top; the linking document itself included, which `suggestedPath` never offers:
 * a page copied from a site links itself by its route (`/docs/reference/color/#rgb` in
 * `docs/reference/color.md`), where the anchor alone is what was meant.
 */
export function pageNamed(context: RuleContext, target: string): string | undefined {
  const resolved = resolveCorpusPath(context.document.path, decodePath(target));
  return resolved.kind === 'inside' ? pageOf(context, resolved.path) : rootRoutePage(context, target);
}

/** The file a `.md` path names as `.mdx`, or an `.mdx` path as `.md`, where it exists. */
function withOtherExtension(context: RuleContext, path: string): string | undefined {
  const match = /\.(md|mdx)$/i.exec(path);
  if (match === null) return undefined;
  const other = `${path.slice(0, match.index)}.${match[1]!.toLowerCase() === 'md' ? 'mdx' : 'md'}`;
  return context.graph.files.has(other) ? other : undefined;
}

/** A copy of a Docusaurus site's docs: a version's snapshot (`versioned_docs/version-2.0/`) or a translation's (`i18n/ja/docusaurus-plugin-content-docs/current/`). */
const docsCopy = /^(?:.*\/)?(?:versioned_docs\/version-[^/]+|i18n\/[^/]+\/docusaurus-plugin-content-docs\/[^/]+)\//;

/**
 * Whether a file lies in another copy of a Docusaurus site's docs than the document's: the
 * page of that name in an older version's snapshot is the older version's, and a link to it
 * would send a reader of this version there. (A file a build writes into each version, left
 * out by `.gitignore` there and committed in an old one, is found so.)
 */
function inOtherDocsCopy(context: RuleContext, file: string): boolean {
  const copy = docsCopy.exec(file)?.[0];
  return copy !== undefined && copy !== docsCopy.exec(context.document.path)?.[0];
}

/**
 * `/docs/allowlist` for `/docs/allowlist/allowlist`: Docusaurus serves a page named as its
 * folder (`allowlist/allowlist.md`) at the folder's route, as that folder's index, and its
 * file's path written as a route is no page. Said as written, a route still.
 */
function folderPageRoute(context: RuleContext, target: string): string | undefined {
  // The last two segments are found from the end: a pattern that tried each start took time
  // in the square of the length, minutes on a link of 100,000 characters.
  const slash = target.endsWith('/') ? '/' : '';
  const body = slash === '' ? target : target.slice(0, -1);
  const last = body.lastIndexOf('/');
  if (last === -1) return undefined;
  const before = body.lastIndexOf('/', last - 1);
  const folder = body.slice(before + 1, last);
  const name = body.slice(last + 1);
  if (folder === '' || name === '' || folder.toLowerCase() !== name.toLowerCase()) return undefined;
  const route = `${body.slice(0, before + 1)}${folder}${slash}`;
  return context.graph.sitePage(context.document.path, route) !== undefined ? route : undefined;
}

/**
 * Whether a file lies in another agent skill than the document's: a skill's `references/surface.md`
 * is its own, and another skill's file of that name is no place the link meant. Unless the
 * link names that skill's folder (`skills/coding-ts/SKILL.md`): that skill is what it meant.
 * A document of no skill (a command, an agent) whose path does not climb
 * (`references/templates.md`) meant a file below its own folder, which a skill's own file is
 * not, unless the skill is of the document's own plugin, whose commands use its skills.
 */
function inOtherSkill(context: RuleContext, file: string, target: string): boolean {
  const own = context.graph.skillFolderOf(context.document.path);
  const other = context.graph.skillFolderOf(file);
  if (other === undefined || other === own) return false;
  const written = decodePath(target);
  if (written.split('/').includes(posix.basename(other))) return false;
  if (own !== undefined) return true;
  if (/^(?:\.\/)*\.\.\//.test(written) || written.startsWith('/') || file === `${other}/SKILL.md`) return false;
  const plugin = pluginFolderOf(context, context.document.path);
  return plugin === undefined || !file.startsWith(`${plugin}/`);
}

/** The nearest folder above a document that holds a Claude Code plugin's manifest (`.claude-plugin/plugin.json`), if any. */
function pluginFolderOf(context: RuleContext, document: string): string | undefined {
  const folders = document.split('/').slice(0, -1);
  for (let depth = folders.length; depth > 0; depth--) {
    const folder = folders.slice(0, depth).join('/');
    if (context.graph.files.has(`${folder}/.claude-plugin/plugin.json`)) return folder;
  }
  return undefined;
}

/**
 * Whether two paths' file names (without their extensions) are the same or one typo apart.
 * Names that differ only in the value of their numbers (`SEC-1-1` and `SEC-8-1`,
 * `images_008` and `images_001`, `06.2` and `06.1`) are other files of a numbered series, not
 * a typo of one: the task, chapter or screenshot the link meant is another.
 */
function namesAlike(written: string, candidate: string): boolean {
  const stem = (path: string) => posix.basename(path).replace(/\.[^.]*$/, '');
  const [a, b] = [stem(written), stem(candidate)];
  if (a.toLowerCase() === b.toLowerCase()) return true;
  if (otherNumbers(a, b)) return false;
  return suggestAmong(a, [b]) === b;
}

/** Whether two names are the same but for their numbers, and some number differs in value (`01` and `1` are one number). */
function otherNumbers(a: string, b: string): boolean {
  const numbers = (name: string) => (name.match(/\d+/g) ?? []).map(Number);
  const [first, second] = [numbers(a), numbers(b)];
  return a.replace(/\d+/g, '0').toLowerCase() === b.replace(/\d+/g, '0').toLowerCase() && first.some((value, index) => value !== second[index]);
}

/**
 * The one file beside where the path points whose name holds the same words in another order
 * (`api-getting-started.md` for `getting-started-api.md`): names are remembered by their words
 * more than by their order, and no typo distance finds them.
 */
function reordered(context: RuleContext, path: string): string | undefined {
  const words = (name: string) => name.toLowerCase().split(/[-_. ]+/).filter((word) => word !== '');
  const key = (name: string) => words(name).sort().join(' ');
  const written = posix.basename(path);
  // Two words at least, besides the extension: one word has no other order.
  if (words(written).length < 3) return undefined;
  const extension = posix.extname(written).toLowerCase();
  const matches = filesIn(context, posix.dirname(path)).filter((file) => {
    const name = posix.basename(file);
    return name !== written && posix.extname(name).toLowerCase() === extension && key(name) === key(written);
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/** The files of a folder (from the corpus root). */
function filesIn(context: RuleContext, folder: string): readonly string[] {
  const byFolder = context.memo('files-by-folder', () => {
    const index = new Map<string, string[]>();
    for (const file of context.graph.files) {
      const folder = posix.dirname(file);
      const list = index.get(folder);
      if (list) list.push(file);
      else index.set(folder, [file]);
    }
    return index;
  });
  return byFolder.get(folder) ?? [];
}

/** A language's mark at the end of a file's name (`_ja`, `.zh-CN`, `-pt_BR`, `.zh-Hans`), with the mark alone. */
const languageMark = /[._-]([a-z]{2}(?:[-_](?:[a-z]{2}|[a-z]{4}))?)$/i;

/**
 * The translation beside where the path points that is all its folder holds of the page: a
 * name with a language's mark after the target's (`mentor.chatmode_ja.md` for
 * `mentor.chatmode.md`), as a translated copy of a repository renames its files and keeps the
 * lists that name them. No typo distance finds it before another page one letter nearer
 * (`janitor.chatmode.md`). Of several languages, the one the linking document's own name
 * carries; none when that says nothing.
 */
function translated(context: RuleContext, path: string): string | undefined {
  const written = posix.basename(path);
  const extension = posix.extname(written);
  const stem = written.slice(0, written.length - extension.length);
  if (stem === '' || extension === '') return undefined;
  const marks = new Map<string, string>();
  for (const file of filesIn(context, posix.dirname(path))) {
    const name = posix.basename(file);
    if (posix.extname(name).toLowerCase() !== extension.toLowerCase() || !name.toLowerCase().startsWith(stem.toLowerCase())) continue;
    const mark = languageMark.exec(name.slice(0, name.length - extension.length));
    if (mark !== null && mark.index === stem.length) marks.set(mark[1]!.toLowerCase(), file);
  }
  if (marks.size === 1) return [...marks.values()][0];
  const own = languageMark.exec(posix.basename(context.document.path).replace(/\.[^.]*$/, ''))?.[1]?.toLowerCase();
  return own === undefined ? undefined : marks.get(own);
}

/**
 * The page a root-relative path without an extension names (`/docs/guide/` for
 * `docs/guide.md`), read from the top of the repository holding the corpus, as GitHub reads a
 * path that starts with one `/`. Nothing when no repository holds the corpus, or the path
 * leaves its root.
 */
function rootRoutePage(context: RuleContext, target: string): string | undefined {
  const top = context.graph.rootInRepository;
  const written = decodePath(target).replace(/[#?].*$/, '');
  if (top === undefined || !/^\/(?!\/)/.test(written)) return undefined;
  const inRepository = posix.normalize(written).replace(/^\/+/, '').replace(/\/$/, '');
  const path = posix.relative(top, inRepository);
  if (path === '' || path === '..' || path.startsWith('../')) return undefined;
  // A route written with its closing slash names a page even where its last part holds a dot (`/docs/changelog/0.14.2/`).
  const pageAt = (at: string) => (written.endsWith('/') ? pageCandidates(at).find((candidate) => context.graph.files.has(candidate)) : pageOf(context, at));
  const fromTop = pageAt(path);
  if (fromTop !== undefined) return fromTop;
  // Pages kept with the site they were copied from (`_sources/agentskills/`, the Agent Skills
  // site's pages) link one another by their routes from that site's top: the page a route names
  // from the nearest folder above the linking page that has one is where the link leads there.
  // A page a site here serves is read by its routes, where a file's path may lead nowhere.
  if (context.graph.servedBySite(context.document.path)) return undefined;
  const folders = posix.dirname(context.document.path).split('/').filter((folder) => folder !== '.' && folder !== '');
  for (let depth = folders.length; depth >= 1; depth--) {
    const found = pageAt(posix.join(folders.slice(0, depth).join('/'), inRepository));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The files a site serves at an extensionless path. */
function pageCandidates(path: string): string[] {
  return [`${path}.md`, `${path}.mdx`, `${path}/README.md`, `${path}/index.md`];
}

/** The page an extensionless path names, as site generators serve it: `x.md`, `x.mdx`, `x/README.md` or `x/index.md`. */
function pageOf(context: RuleContext, path: string): string | undefined {
  if (path === '') return undefined;
  // A name with a suffix of its own (`README.uz` for `README.uz.md`, a language's copy) names its page, not `README.md`.
  const suffixed = /\.[A-Za-z0-9]+$/.test(path);
  return (suffixed ? [`${path}.md`, `${path}.mdx`] : pageCandidates(path)).find((candidate) => context.graph.files.has(candidate));
}

/** The names of a spec's or a skill's parts, one in each folder of its kind: Kiro's and Spec Kit's specs, Agent Skills. */
const folderPart = /^(?:requirements|design|tasks|spec|plan|skill)\.md$/i;

/**
 * The one file of the repository with the target's name, when no other file has it. A
 * folder's page (`README.md`, `index.md`) is named so wherever it is: its namesake is the one
 * file with its folder's name too (`./shell/index.md` for `docs/shell/index.md`), as its
 * folder is what it went with; so is a name many files share (`spec.md`), where the path gives
 * its folder (`login/spec.md`), and a spec's or a skill's part written with its folder
 * (`prompt-enhancer/requirements.md`), however few there are. The files a site's build makes (`sitemap.xml`) are named so
 * wherever they are: their one namesake is no sign of where they went.
 */
function movedTo(context: RuleContext, target: string): string | undefined {
  const path = decodePath(target).replace(/[#?].*$/, '');
  const name = posix.basename(path);
  if (!/\.[A-Za-z0-9]+$/.test(name) || /^(?:sitemap\.xml|robots\.txt|(?:feed|rss|atom)\.xml)$/i.test(name)) return undefined;
  if (/^(?:readme|index|_index)\.[^.]+$/i.test(name)) {
    const folder = posix.basename(posix.dirname(path));
    if (folder === '.' || folder === '..' || folder === '' || folder === '/') return undefined;
    return oneOf(context, 'files-by-folder-page', (file) => `${posix.basename(posix.dirname(file))}/${posix.basename(file)}`).get(`${folder}/${name}`) ?? undefined;
  }
  const folder = posix.basename(posix.dirname(path));
  const named = oneOf(context, 'files-by-name', (file) => posix.basename(file)).get(name);
  // A page named for its part in a folder of its kind (a Kiro spec's `requirements.md`, a Spec
  // Kit spec's `plan.md`, a skill's `SKILL.md`), written with its folder: the folder says which
  // one it is, and the one such file of another folder is another spec's.
  const byFolder = folderPart.test(name) && !(folder === '.' || folder === '..' || folder === '' || folder === '/');
  if (named !== null && !byFolder) return named;
  // A name many files share (`spec.md`, `SKILL.md`), written with its folder (`login/spec.md`):
  // the one file of that name in a folder of that name.
  if (folder === '.' || folder === '..' || folder === '' || folder === '/') return undefined;
  return oneOf(context, 'files-by-folder-page', (file) => `${posix.basename(posix.dirname(file))}/${posix.basename(file)}`).get(`${folder}/${name}`) ?? undefined;
}

/** The repository's files by a key, each key with its one file (null where two or more share it). */
function oneOf(context: RuleContext, memo: string, key: (file: string) => string): Map<string, string | null> {
  return context.memo(memo, () => {
    const index = new Map<string, string | null>();
    for (const file of context.graph.files) {
      const each = key(file);
      index.set(each, index.has(each) ? null : file);
    }
    return index;
  });
}
