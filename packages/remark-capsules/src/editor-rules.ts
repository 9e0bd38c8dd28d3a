/**
 * The rules files of agent editors: Cursor's (`.cursor/rules/*.mdc`) and Windsurf's
 * (`.windsurf/rules/*.md`). Their frontmatter is read by the editor, not by a YAML parser, and
 * the editor itself writes a rule's globs unquoted (`globs: *.ts,*.tsx`): text to it, though
 * YAML takes the `*` for an alias.
 */

/** Whether the file at `path` (from the corpus root) is a rule of Cursor or Windsurf. */
export function isEditorRule(path: string | undefined): boolean {
  return path !== undefined && /(?:^|\/)\.(?:cursor|windsurf)\/rules\//.test(path.replace(/\\/g, '/'));
}
