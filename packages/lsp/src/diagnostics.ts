/** Findings of `capsule check` as Language Server Protocol diagnostics: same ids, same places. */
import { unusedDisableId } from '@capsule-docs/lint';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from 'vscode-languageserver';
import type { VFileMessage } from 'vfile-message';

export const diagnosticSource = 'capsule';

export function toDiagnostic(message: VFileMessage): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOfMessage(message),
    message: message.reason,
    severity: message.fatal === true ? DiagnosticSeverity.Error : message.fatal === false ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    source: diagnosticSource,
  };
  if (message.ruleId) diagnostic.code = message.ruleId;
  // Editors fade what is unnecessary, as they do an unused import.
  if (message.ruleId === unusedDisableId) diagnostic.tags = [DiagnosticTag.Unnecessary];
  // Only a web address is worth a link; a repository path opens nothing.
  if (message.url && /^https?:\/\//i.test(message.url)) diagnostic.codeDescription = { href: message.url };
  return diagnostic;
}

/** Messages count lines and columns from 1; the protocol from 0. */
function rangeOfMessage(message: VFileMessage): Range {
  const place = message.place;
  const point = (line: number | undefined, column: number | undefined) => ({ line: Math.max(0, (line ?? 1) - 1), character: Math.max(0, (column ?? 1) - 1) });
  if (place && 'start' in place) return { start: point(place.start.line, place.start.column), end: point(place.end.line, place.end.column) };
  const at = point(message.line ?? undefined, message.column ?? undefined);
  return { start: at, end: at };
}
