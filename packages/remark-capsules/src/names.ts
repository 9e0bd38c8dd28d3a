/** Name shapes shared by the extractors. */

/**
 * A CamelCase capsule name as cited in prose or checklists: ASCII letters and digits, a
 * capital first, at least one lower-case letter and at least two capitals, so that a plain
 * word in parentheses, `(Optional)`, is not taken for a citation.
 */
export function isCitableName(text: string): boolean {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(text) || !/[a-z]/.test(text)) return false;
  return (text.match(/[A-Z]/g) ?? []).length >= 2;
}

/** Fold a Depth key for comparison: `Trade‑off`, `trade off` and `TradeOff` are one key. */
export function normalizeKey(key: string): string {
  return key.replace(/[\s_\-\u2010-\u2015\u2212]/g, '').toLowerCase();
}
