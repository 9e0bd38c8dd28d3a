/** Where each rule's documentation lives: a README in the rule's own folder, beside its code and fixtures. */

/** The repository path of a rule's docs page. */
export function ruleDocsPath(id: string): string {
  return `packages/lint/src/rules/${id}/README.md`;
}

/** A rule's `docs` metadata: its page and a one-line summary. */
export function ruleDocs(id: string, summary: string): { url: string; summary: string } {
  return { url: ruleDocsPath(id), summary };
}
