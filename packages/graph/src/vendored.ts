/**
 * Vendored code: third-party files a repository keeps a copy of, whose documents are not the
 * project's to check (their links name files the copy leaves out). Three marks are read: a Go
 * `vendor/` folder holding `modules.txt`, the list `go mod vendor` writes of the modules it
 * copied there; the `linguist-vendored` attribute of `.gitattributes`, which GitHub reads to
 * leave files out of a repository's languages; and a project copied into a folder GitHub's
 * linguist counts as vendored by its name (`vendor/`, `third_party/`, `3rdparty/`), known by
 * the license or the package manifest it carries at its top (`third_party/xsimd/LICENSE`). A
 * project's own pages in such a folder (`docs/vendors/stripe.md`) carry neither.
 */
import { posix } from 'node:path';
import picomatch from 'picomatch';

/** A `.gitattributes` file: where it stands and what it holds. */
export interface AttributesFile {
  /** Its path as the vendored test names the marking file (relative to the listed folder, `../` above it). */
  path: string;
  /** Its folder, from the repository's top (`''` there). */
  folder: string;
  text: string;
}

interface VendoredRule {
  matches: (path: string) => boolean;
  vendored: boolean;
  file: string;
}

/**
 * The file that marks a path (relative to the listed folder) as vendored, if any: the
 * `modules.txt` of a Go `vendor/` folder among `files` above it, or the `.gitattributes` whose
 * last `linguist-vendored` line matching it sets the attribute. `inside` is the listed folder's
 * path from the repository's top (`''` at the top). A folder that is vendored itself is read
 * whole: naming it as the root is asking for it.
 */
export function vendoredTest(files: readonly string[], attributes: readonly AttributesFile[], inside: string): (path: string) => string | undefined {
  const goFolders = files.filter((path) => path === 'vendor/modules.txt' || path.endsWith('/vendor/modules.txt')).map((path) => posix.dirname(path));
  const copies = copiedProjects(files);
  // Deeper files are read after those above them, and later lines after earlier ones: the last match decides, as git decides.
  const rules = [...attributes].sort((a, b) => depth(a.folder) - depth(b.folder)).flatMap(rulesOf);
  const marking = (inRepository: string) => {
    let found: VendoredRule | undefined;
    for (const rule of rules) if (rule.matches(inRepository)) found = rule;
    return found?.vendored ? found.file : undefined;
  };
  const rootVendored = inside !== '' && marking(inside) !== undefined;
  return (path) => {
    const folder = goFolders.find((vendor) => path.startsWith(`${vendor}/`));
    if (folder !== undefined) return `${folder}/modules.txt`;
    const copy = copies.size > 0 ? copiedProjectMark(path, copies) : undefined;
    if (copy !== undefined) return copy;
    if (rules.length === 0 || rootVendored) return undefined;
    return marking(inside === '' ? path : `${inside}/${path}`);
  };
}

/** Folders GitHub's linguist counts as vendored by their name. */
const vendorFolder = /^(?:vendors?|third[-_]?party|3rd[-_]?party)$/i;
/** What a copied project carries at its top: its license, or its package's manifest. */
const projectMark = /^(?:(?:licen[cs]e|copying)(?:[-._][\w.-]*)?|package\.json|Cargo\.toml|setup\.py|pyproject\.toml|go\.mod|composer\.json)$/i;

/** The folders below a vendor folder that hold a project's mark, each with the first such file. */
function copiedProjects(files: readonly string[]): Map<string, string> {
  const copies = new Map<string, string>();
  for (const path of files) {
    const slash = path.lastIndexOf('/');
    if (slash === -1 || !projectMark.test(path.slice(slash + 1))) continue;
    const folder = path.slice(0, slash);
    const folders = folder.split('/');
    // Below the vendor folder, not the vendor folder itself: `third_party/LICENSE` may be the project's note on them.
    const below = folders.findIndex((name) => vendorFolder.test(name));
    if (below !== -1 && below < folders.length - 1 && !copies.has(folder)) copies.set(folder, path);
  }
  return copies;
}

/** The mark of the copied project `path` lies in, if any: the nearest folder above it, below a vendor folder, holding one. */
function copiedProjectMark(path: string, copies: ReadonlyMap<string, string>): string | undefined {
  for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
    const mark = copies.get(path.slice(0, slash));
    if (mark !== undefined) return mark;
  }
  return undefined;
}

function depth(folder: string): number {
  return folder === '' ? 0 : folder.split('/').length;
}

/**
 * The lines of a `.gitattributes` that set or unset `linguist-vendored`, as tests of paths from
 * the repository's top. Its patterns are `.gitignore`'s, but a pattern naming a folder does not
 * reach the files in it (`vendor/** linguist-vendored`, not `vendor/`), and there is no `!`
 * pattern: globby's `.gitignore` matcher, which reads its own files and leaves out all of a
 * folder, does not fit, so each pattern is made a glob here.
 */
function rulesOf(file: AttributesFile): VendoredRule[] {
  const rules: VendoredRule[] = [];
  for (const line of file.text.split(/\r?\n/)) {
    const [pattern, ...attributes] = line.trim().split(/\s+/);
    // Comments, macro definitions (`[attr]binary`) and quoted patterns are no rule of this kind.
    if (pattern === undefined || pattern === '' || /^[#["!]/.test(pattern) || pattern.endsWith('/')) continue;
    let vendored: boolean | undefined;
    for (const attribute of attributes) {
      if (attribute === 'linguist-vendored' || attribute === 'linguist-vendored=true') vendored = true;
      else if (attribute === '-linguist-vendored' || attribute === '!linguist-vendored' || attribute === 'linguist-vendored=false') vendored = false;
    }
    if (vendored === undefined) continue;
    // A pattern without a slash matches a name in any folder below the file; one with a slash, a path from the file's folder.
    const relative = pattern.includes('/') ? pattern.replace(/^\//, '') : `**/${pattern}`;
    const glob = file.folder === '' ? relative : `${file.folder}/${relative}`;
    rules.push({ matches: picomatch(glob, { dot: true, nobrace: true, noextglob: true }), vendored, file: file.path });
  }
  return rules;
}
