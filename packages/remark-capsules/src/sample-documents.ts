/**
 * Sample documents. Repositories that teach a document format keep whole documents to copy
 * from: a template (`template.md`, `process-template.md`, anything under a `templates/`
 * folder, a file named as `.env.example` is: `CLAUDE.example.md`) and an exemplar
 * (`exemplar.md`, a finished document of an imagined project). Their capsules are models,
 * as those under a guide's `## Example Capsules` are, and their links lead into the imagined
 * project's files. A test's fixtures (a folder `fixtures`,
 * `__fixtures__` or `testdata`) are the same kind of document: input made up for a test, a
 * stale `CLAUDE.md` with its broken links on purpose; so are its expected outputs (`golden/`,
 * `__snapshots__/`), copies of files kept where their relative links lead nowhere. A test
 * folder's data folders hold the same (`tests/inputs/`, `common-tests/.../expected/`, `actual/`):
 * a generator's input and the output it is compared with, made-up addresses and all.
 */

/**
 * Folders of templates and exemplars (Hugo's `archetypes`, Hexo's `scaffolds`, and the names
 * translated guides give template folders: `plantillas`, `modèles`, `Vorlagen`, `modelli`,
 * `modelos`, `шаблоны`, `テンプレート`, `템플릿`, `模板`, `templedi`).
 */
const templateFolder = /^(?:template|exemplar)s?$|^archetypes$|^scaffolds$|^(?:plantillas?|mod[eè]les?|vorlagen|modelli|modelos|шаблоны|テンプレート|템플릿|模板|templedi)$/iu;

/** Folders of test fixtures and expected outputs. */
const fixtureFolder = /^(?:fixture|golden)s?$|^__(?:fixtures|snapshots)__$|^testdata$/i;

/** A folder of tests: `test`, `tests`, `__tests__`, or named for them (`common-tests`, `Api.Tests`, `unit_test`). */
const testFolder = /^(?:__)?tests?(?:__)?$|[-_.]tests?$/i;

/** A test folder's folders of data: a generator's input and output, what it is expected to give, what it gave. */
const testDataFolder = /^(?:inputs?|outputs?|expected|actual|baselines?)$/i;

/**
 * Whether the file at `path` is a template, an exemplar or a test fixture, by its name or a folder it is in.
 * `path` is taken from the corpus root (or the working folder): the folders above it say
 * nothing about the document.
 */
export function isSampleDocument(path: string | undefined): boolean {
  if (path === undefined) return false;
  const parts = path.split(/[\\/]/);
  const name = parts.pop() ?? path;
  if (parts.some((folder) => templateFolder.test(folder)) || isTestFixture(path)) return true;
  // `CLAUDE.example.md`, `slidev.example.md`: a file to copy or to test with, as `.env.example` is.
  return /(?:^|[-_.])(?:template|exemplar)s?\.(?:md|markdown|mdx)$/i.test(name) || /.\.example\.(?:md|markdown|mdx)$/i.test(name);
}

/**
 * Whether the file at `path` is a test's fixture or expected output: made up for a test, its
 * frontmatter may lack what a real file's needs on purpose (a skill without `description`, to
 * see a validator tell it), where a template's is what its copies will have.
 */
export function isTestFixture(path: string | undefined): boolean {
  if (path === undefined) return false;
  const folders = path.split(/[\\/]/).slice(0, -1);
  if (folders.some((folder) => fixtureFolder.test(folder))) return true;
  const tests = folders.findIndex((folder) => testFolder.test(folder));
  return tests >= 0 && folders.slice(tests + 1).some((folder) => testDataFolder.test(folder));
}

/**
 * Whether the file at `path` is in a folder of tests (`tests/format/markdown/`): a file there
 * beside a snapshot folder (`__snapshots__/`) is a test's input, which the test reads and
 * whose output it compares with the snapshot (a formatter's or a parser's cases).
 */
export function isInTestFolder(path: string | undefined): boolean {
  if (path === undefined) return false;
  return path.split(/[\\/]/).slice(0, -1).some((folder) => testFolder.test(folder));
}

/**
 * The path of a file as `isSampleDocument` reads it: within the working folder when it is
 * under it; only its name when it is elsewhere, since the folders of an absolute path belong
 * to the machine, not to the corpus.
 */
export function pathWithin(path: string | undefined, cwd: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  if (cwd !== undefined && path.startsWith(cwd) && /^[\\/]./.test(path.slice(cwd.length))) return path.slice(cwd.length + 1);
  return /^(?:[\\/]|[A-Za-z]:[\\/])/.test(path) ? path.split(/[\\/]/).at(-1) : path;
}
