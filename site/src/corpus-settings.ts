/**
 * Which corpus the site publishes. Read once by the Astro config, which hands the result to
 * the content loader and the export pages, so they all look at the same documents.
 */
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeCorpus, indexDocuments } from '@capsule-docs/export';
import { ConfigError, isInside, KnowledgeGraph, readDocument, resolveCorpus, type CorpusDocument, type LoadOptions } from '@capsule-docs/graph';

/**
 * The site's name, in its header and at the top of llms.txt, chosen as `capsule export` chooses
 * its title: the configuration's `title`, else the home document's title, else that of the
 * root's index.md or README.md, else the root folder's name. Only those few documents are read.
 */
export function siteTitle(root: string, configured: string | undefined): string {
  const home = homeDocument();
  const documents: CorpusDocument[] = [];
  for (const path of new Set([home, ...indexDocuments])) {
    const file = join(root, path);
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) continue;
    documents.push(readDocument(path, new Uint8Array(readFileSync(file))));
  }
  return describeCorpus(new KnowledgeGraph({ documents }), { rootName: basename(root), title: configured, home }).title;
}

export const siteDescription = 'A checked, browsable knowledge base of capsule documents';

/**
 * The content folder: `CAPSULE_CONTENT` when set (relative to the folder the command was
 * started from, which pnpm passes on as `INIT_CWD`), else the repository's `content/`.
 */
function contentFolder(): string {
  const fromEnvironment = process.env['CAPSULE_CONTENT'];
  if (fromEnvironment) return resolve(startFolder(), fromEnvironment);
  return fileURLToPath(new URL('../../content', import.meta.url));
}

function startFolder(): string {
  return process.env['INIT_CWD'] ?? process.cwd();
}

/**
 * The corpus `capsule check` checks when run in the content folder: its configuration
 * (`CAPSULE_CONFIG`, else the nearest `capsule.config.*` at or above the folder) gives the
 * root, include, exclude, limits and cache. A folder beside the configured root is a corpus of
 * its own, as it is for the command. The site publishes whole corpora, so a folder inside a
 * configured root is refused with the root to name instead.
 */
export function siteCorpus(): { load: LoadOptions; title: string | undefined } {
  const folder = contentFolder();
  // Else a configuration above a mistyped folder would name a corpus nobody asked for.
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ConfigError(`CAPSULE_CONTENT names ${folder}, which is not a folder`, 'Set CAPSULE_CONTENT to the folder of Markdown documents to publish.');
  }
  const config = process.env['CAPSULE_CONFIG'];
  const resolved = resolveCorpus({ cwd: folder, paths: [folder], config: config ? resolve(startFolder(), config) : undefined });
  const load = resolved.load;
  const root = resolve(load.root);
  if (root !== folder && isInside(root, folder)) {
    throw new ConfigError(
      `CAPSULE_CONTENT names ${folder}, a folder inside the configured corpus ${load.root}`,
      'The site publishes a whole corpus: set CAPSULE_CONTENT to its root, or leave it unset in that repository.',
    );
  }
  return { load, title: resolved.config.title };
}

/** The document shown as the home page (corpus-relative); `CAPSULE_HOME` overrides it. */
export function homeDocument(): string {
  return process.env['CAPSULE_HOME'] || 'collaborative-planning-lifecycle.md';
}

/** How many entries a listing page holds when `CAPSULE_PAGE_SIZE` does not say. */
export const defaultListingPageSize = 100;

/**
 * How many entries (capsules, documents, checklist items) a listing page holds:
 * `CAPSULE_PAGE_SIZE`, else 100. Longer listings go on more pages, so that no page grows with
 * the corpus.
 */
export function listingPageSize(): number {
  const value = process.env['CAPSULE_PAGE_SIZE'];
  if (value === undefined || value.trim() === '') return defaultListingPageSize;
  const size = Number(value);
  if (!Number.isSafeInteger(size) || size < 1) {
    throw new ConfigError(
      `CAPSULE_PAGE_SIZE is ${JSON.stringify(value)}, not a whole number of at least 1`,
      `Set CAPSULE_PAGE_SIZE to how many entries a listing page holds (${defaultListingPageSize} when unset).`,
    );
  }
  return size;
}

/**
 * Roughly how many documents the corpus holds: enough to decide whether listing every
 * document in the sidebar (which is repeated on every page) is still reasonable. The files
 * counted are those `isDocument` takes, by their path from the root (the configuration's
 * `include` and `exclude`, see `documentSelection`; every `.md` file when none is given), so
 * that a corpus of a few documents in a repository of many Markdown files is listed. Counted
 * as the corpus is listed: a symbolic link is an entry, never walked into (Node's recursive
 * `readdir` follows links to folders, so a link to `..` or to `/` made the count endless).
 */
export function countDocuments(root: string, isDocument: (path: string) => boolean = (path) => path.toLowerCase().endsWith('.md')): number {
  let count = 0;
  const folders = [root];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true, encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') folders.push(join(folder, entry.name));
      } else if (isDocument(relative(root, join(folder, entry.name)).split(sep).join('/'))) {
        count++;
      }
    }
  }
  return count;
}

/**
 * The home document is shown at the site root; its own address (where exports and other
 * sites link to it, the path without `.md`) redirects there.
 */
export function homeRedirects(root: string): Record<string, string> {
  const home = homeDocument();
  if (!/^[A-Za-z0-9._/-]+\.md$/i.test(home) || !existsSync(join(root, home))) return {};
  return { [`/${home.replace(/\.md$/i, '')}`]: '/' };
}
