/**
 * Sample documents. Repositories that teach a document format keep whole documents to copy
 * from: a template (`template.md`, `process-template.md`) and an exemplar (`exemplar.md`, a
 * finished document of an imagined project). Their capsules are models, as those under a
 * guide's `## Example Capsules` are, and their links lead into the imagined project's files.
 */

/** Whether the file at `path` is a template or an exemplar, by its name. */
export function isSampleDocument(path: string | undefined): boolean {
  if (path === undefined) return false;
  const name = path.split(/[\\/]/).at(-1) ?? path;
  return /(?:^|[-_.])(?:template|exemplar)s?\.(?:md|markdown|mdx)$/i.test(name);
}
