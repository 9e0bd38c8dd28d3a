/**
 * Which corpus the site publishes. Read by the Astro config (sidebar size) and by the content
 * loader, so both always look at the same folder.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The site's name, in its header and at the top of llms.txt. */
export const siteTitle = 'capsule-docs';

export const siteDescription = 'A checked, browsable knowledge base of capsule documents';

/**
 * The content folder: `CAPSULE_CONTENT` when set (relative to the folder the command was
 * started from, which pnpm passes on as `INIT_CWD`), else the repository's `content/`.
 */
export function contentRoot(): string {
  const fromEnvironment = process.env['CAPSULE_CONTENT'];
  if (fromEnvironment) return resolve(process.env['INIT_CWD'] ?? process.cwd(), fromEnvironment);
  return fileURLToPath(new URL('../../content/', import.meta.url));
}

/** The document shown as the home page (corpus-relative); `CAPSULE_HOME` overrides it. */
export function homeDocument(): string {
  return process.env['CAPSULE_HOME'] || 'collaborative-planning-lifecycle.md';
}

/**
 * Roughly how many Markdown files the corpus holds: enough to decide whether listing every
 * document in the sidebar (which is repeated on every page) is still reasonable.
 */
export function countDocuments(root: string): number {
  try {
    const entries = readdirSync(root, { recursive: true, encoding: 'utf8' });
    return entries.filter((entry) => entry.toLowerCase().endsWith('.md') && !/(^|[\\/])(node_modules|\.git)[\\/]/.test(entry)).length;
  } catch {
    return 0;
  }
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
