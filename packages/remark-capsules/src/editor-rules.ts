/**
 * The rules files of agent editors: Cursor's (`.cursor/rules/*.mdc`) and Windsurf's
 * (`.windsurf/rules/*.md`). Their frontmatter is read by the editor, not by a YAML parser, and
 * the editor itself writes a rule's globs unquoted (`globs: *.ts,*.tsx`): text to it, though
 * YAML takes the `*` for an alias. An `.mdc` file is Cursor's rule wherever it is kept: a
 * collection of rules to copy into `.cursor/rules/` (`rules-mdc/react.mdc`) holds them as
 * Cursor reads them.
 */

/** Whether the file at `path` (from the corpus root) is a rule of Cursor or Windsurf. */
export function isEditorRule(path: string | undefined): boolean {
  if (path === undefined) return false;
  const slashed = path.replace(/\\/g, '/');
  return /(?:^|\/)\.(?:cursor|windsurf)\/rules\//.test(slashed) || /\.mdc$/i.test(slashed);
}
