/**
 * Markdown that TypeDoc takes into a doc comment: `{@include ./docs/output-banner.md}` in a
 * source file puts that file's text into the API reference page TypeDoc writes for the
 * commented member. Such a file is read on that page, inside the documentation site the
 * reference is built into, so its links from the site's root (`/reference/Interface.Plugin`)
 * are the site's routes, not paths from the top of the repository.
 *
 * Which source files take Markdown in is known only by reading them, so a scan reads few: those
 * beside a Markdown file or in a folder above one (where TypeDoc's paths, relative to the
 * source file, mostly start), and only in a repository with a site to build the reference into.
 */
import { posix } from 'node:path';
import { isSiteConfig } from './site-routes.js';

/** The source files TypeDoc reads comments from. */
const sourceFile = /\.[cm]?[jt]sx?$/i;

/** `{@include ./path.md}`, with regions (`#intro,usage`) after the path; never `{@includeCode}`, which shows a file as code. */
const includeTag = /\{@include[ \t]+([^\s#}]+)(?:#[^\s}]*)?[ \t]*\}/g;

/** A Markdown file's name, the only kind whose links a reference page shows as links. */
const markdownFile = /\.mdx?$/i;

/**
 * The files among `files` that may take a Markdown file in: source files in a folder holding a
 * Markdown file or above one. A README is left out of that reckoning, as it is of what TypeDoc
 * takes in here (see `typedocIncludesOf`), so a package's folder is not read for its README.
 * None without a site, where links from the root are read as the repository's paths anyway.
 */
export function typedocIncludeCandidates(files: readonly string[]): string[] {
  if (!files.some(isSiteConfig)) return [];
  const folders = new Set<string>();
  for (const file of files) {
    if (!markdownFile.test(file) || isReadme(file)) continue;
    for (let folder = posix.dirname(file); !folders.has(folder); folder = posix.dirname(folder)) {
      folders.add(folder);
      if (folder === '.') break;
    }
  }
  return files.filter((file) => sourceFile.test(file) && folders.has(posix.dirname(file)));
}

/**
 * The Markdown files of `files` that source files' `{@include}` tags name, relative to each
 * source file's folder as TypeDoc reads them, each with the source files naming it. A README is
 * left out: it is read on the code host too, where its links must work from its own place,
 * whatever page TypeDoc also shows it on.
 */
export function typedocIncludesOf(sources: Iterable<readonly [path: string, text: string]>, files: ReadonlySet<string>): Map<string, string[]> {
  const includes = new Map<string, string[]>();
  for (const [source, text] of sources) {
    if (!text.includes('{@include')) continue;
    const named = new Set<string>();
    for (const match of text.matchAll(includeTag)) {
      const written = match[1]!;
      if (!markdownFile.test(written) || written.startsWith('/')) continue;
      const path = posix.normalize(posix.join(posix.dirname(source), written));
      if (!path.startsWith('../') && files.has(path) && !isReadme(path)) named.add(path);
    }
    for (const path of named) {
      const naming = includes.get(path);
      if (naming) naming.push(source);
      else includes.set(path, [source]);
    }
  }
  return includes;
}

function isReadme(path: string): boolean {
  return /^readme\.mdx?$/i.test(posix.basename(path));
}
