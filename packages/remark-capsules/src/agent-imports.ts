/**
 * The files an agent's instructions take in with `@path`: Claude Code reads `@docs/setup.md` in
 * a CLAUDE.md (and its rules, and a slash command's prompt) as "put that file's text here", and
 * Gemini CLI does the same in a GEMINI.md. A path that names no file is left out without a word,
 * so the agent works without the text its writer meant it to have.
 *
 * Only what is plainly a file is read: a word of prose after whitespace, outside code, whose
 * last segment has a file extension a text file has. `@alice`, `@types/node`, `@app.get` and
 * `@pytest.fixture` are mentions, packages and decorators; `@~/...` and `@/...` name files on
 * the writer's machine.
 */
import type { Text } from 'mdast';
import type { DocumentLink, ImportingTool } from './model.js';
import type { SourceText } from './source-text.js';

/** The tool that reads `@path` in the file at `path` (from the corpus root) as taking a file in, if any. */
export function importingTool(path: string | undefined): ImportingTool | undefined {
  if (path === undefined) return undefined;
  const posixPath = path.replace(/\\/g, '/');
  if (/(?:^|\/)CLAUDE(?:\.local)?\.md$/.test(posixPath) || /(?:^|\/)\.claude\/(?:rules|commands)\/.+\.md$/.test(posixPath)) return 'claude-code';
  if (/(?:^|\/)GEMINI\.md$/.test(posixPath)) return 'gemini-cli';
  return undefined;
}

/**
 * An `@` after whitespace or at the start, and the run of characters up to the next whitespace
 * (`\ ` is a space of the path), as Claude Code reads its imports.
 */
const importWord = /(?:^|\s)@((?:[^\s\\]|\\ )+)/g;

/** Extensions of the text files an instruction takes in; anything else after a dot is no file's. */
const textExtensions = new Set(
  (
    'md mdx mdc markdown txt rst adoc json jsonc json5 yaml yml toml ini cfg conf xml csv tsv ' +
    'ts tsx mts cts js jsx mjs cjs py pyi rb go rs java kt kts scala swift c h cc cpp hpp cs fs php ' +
    'sh bash zsh fish ps1 sql css scss sass less html htm vue svelte astro graphql gql proto tf hcl ' +
    'gradle lua dart ex exs erl hs ml clj r jl zig nix prisma'
  ).split(' '),
);

/** Characters that end a sentence or a clause after a path written in prose, not part of it. */
const trailingPunctuation = /[.,;:!?)\]}'"*_`]+$/;

/**
 * The punctuation written right after an import, up to the whitespace ending its word (`.` in
 * `See @AGENTS.md.`): the tools read it as part of the path. `after` is the text after the
 * import's place, which leaves the punctuation out.
 */
export function punctuationAfterImport(after: string): string | undefined {
  const word = /^\S*/.exec(after)![0];
  return word !== '' && trailingPunctuation.exec(word)?.[0] === word ? word : undefined;
}

/**
 * The imports a text node of prose holds, as links to the files they name (the `@` and the path
 * are the link's place). An import starts a word: an `@` opening the node counts only where
 * whitespace or a line's start is written before it, not a `**` or a `(`.
 */
export function readImports(node: Text, source: SourceText, tool: ImportingTool, links: DocumentLink[]): void {
  if (!node.value.includes('@') || node.position?.start.offset === undefined || node.position.end.offset === undefined) return;
  const start = node.position.start.offset;
  const raw = source.slice(start, node.position.end.offset);
  const before = start > 0 ? source.slice(start - 1, start) : '';
  let searched = 0;
  for (const match of node.value.matchAll(importWord)) {
    const at = match.index + match[0].indexOf('@');
    if (at === 0 && before !== '' && !/\s/.test(before)) continue;
    const written = match[1]!;
    const path = importedPath(written);
    if (path === undefined) continue;
    // The full stop after a path ending a sentence is no part of the import's place.
    const shown = `@${written.replace(trailingPunctuation, '')}`;
    // The text may differ from the source (an escape, an entity): place the import where its words stand, else on the text.
    const inSource = raw.indexOf(shown, searched);
    if (inSource !== -1) searched = inSource + shown.length;
    const from = inSource === -1 ? start : start + inSource;
    const to = inSource === -1 ? node.position.end.offset : start + searched;
    links.push({ url: path, path, anchor: undefined, kind: 'relative', text: shown, position: source.span(from, to), import: tool });
  }
}

/** The repository path an import word names, or undefined when it names no file of the repository (see the module's comment). */
function importedPath(written: string): string | undefined {
  // The fragment is dropped: the whole file is taken in.
  const path = written.replace(/\\ /g, ' ').replace(/#.*$/, '').replace(trailingPunctuation, '');
  if (path === '' || /^[~/\\]/.test(path) || /[$<>{}*?[\]|@]/.test(path)) return undefined;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return textExtensions.has(name.slice(dot + 1).toLowerCase()) ? path : undefined;
}
