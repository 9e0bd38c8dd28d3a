/**
 * The files a docset published on Microsoft Learn moved or removed. Such a repository lists
 * them in `.openpublishing.redirection*.json` files, in any folder, each with the address the
 * site now redirects it to; DocFX reads every one of them. In an entry, `source_path` is
 * relative to the redirection file's folder and `source_path_from_root` to the repository's
 * top (it starts with `/`); `redirections` may also be an object of path to address, and
 * `renames` one of moved files.
 *
 * A link to a moved file still leads to its page on the site, by the redirect, but to no
 * file where the repository is read as files: it is worth mending, not an error.
 */
import { posix } from 'node:path';

export interface Redirection {
  /** The address the site sends the moved file's page to (`/powershell/scripting/install/`). */
  url: string;
  /** The redirection file that says so, relative to the root. */
  file: string;
}

/** Moved files by their root-relative path in lower case (Learn's paths ignore case), to where they went. */
export type Redirections = ReadonlyMap<string, Redirection>;

/** A redirection file's name, as DocFX finds them: `.openpublishing.redirection.json`, `.openpublishing.redirection.csharp.json`. */
export const redirectionFileName = /(?:^|\/)[^/]*\.openpublishing\.redirection[^/]*\.json$/i;

/** A redirection file larger than this is not read (the largest known are a few megabytes). */
export const maxRedirectionFileBytes = 16 * 1024 * 1024;

/**
 * The moved files the redirection files list. `texts` are the files' root-relative paths
 * (`../` for the repository around the root) and contents; `rootInRepository` is the root's
 * path inside the repository (`''` or undefined at its top). A file that is no JSON of this
 * shape, or an entry without a path or an address, adds nothing: the site's build tells it.
 */
export function redirectionsOf(texts: Iterable<readonly [path: string, text: string]>, rootInRepository: string | undefined): Map<string, Redirection> {
  const moved = new Map<string, Redirection>();
  // Paths are joined in the repository, so that `../docs/old.md` from a root of `docs/` is `old.md`.
  const root = `/${rootInRepository ?? ''}`;
  for (const [file, text] of texts) {
    const folder = posix.dirname(posix.join(root, file));
    for (const { from, fromRoot, url } of entriesOf(text)) {
      const path = posix.relative(root, fromRoot ? posix.normalize(fromRoot) : posix.join(folder, from.replace(/\\/g, '/')));
      const key = path.toLowerCase();
      if (path !== '' && !moved.has(key)) moved.set(key, { url, file });
    }
  }
  return moved;
}

interface Entry {
  /** `source_path`, from the redirection file's folder. */
  from: string;
  /** `source_path_from_root`, from the repository's top. */
  fromRoot?: string;
  url: string;
}

function entriesOf(text: string): Entry[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return [];
  }
  if (!isRecord(data)) return [];
  const { redirections, renames } = data;
  const entries: Entry[] = [];
  if (Array.isArray(redirections)) {
    for (const item of redirections) {
      if (!isRecord(item) || typeof item.redirect_url !== 'string' || item.redirect_url === '') continue;
      if (typeof item.source_path === 'string' && !item.source_path.startsWith('/')) entries.push({ from: item.source_path, url: item.redirect_url });
      else if (typeof item.source_path_from_root === 'string' && item.source_path_from_root.startsWith('/')) {
        entries.push({ from: '', fromRoot: item.source_path_from_root, url: item.redirect_url });
      }
    }
  }
  for (const pairs of [Array.isArray(redirections) ? undefined : redirections, renames]) {
    if (!isRecord(pairs)) continue;
    for (const [from, url] of Object.entries(pairs)) if (typeof url === 'string' && url !== '' && !from.startsWith('/')) entries.push({ from, url });
  }
  return entries;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
