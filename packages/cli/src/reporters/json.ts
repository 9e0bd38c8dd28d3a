/**
 * ESLint's JSON formatter shape, so tools that read ESLint results read ours: one entry per
 * checked file with its messages and counts. ESLint reports two severities, 2 for errors and
 * 1 for warnings; an information finding is written as severity 0 (its level for "off", which
 * its message type allows) and counted with neither, so that a tool gating on the counts or on
 * severity 1 does not take a note for a warning.
 */
import { fixOf, levelOf, spanOf, type Reporter, type ReportInput } from './types.js';

export const json: Reporter = (input) => `${JSON.stringify(eslintResults(input))}\n`;

/**
 * ESLint's `json-with-metadata` shape: the results, and `metadata.rulesMeta` with each rule's
 * description and documentation address, which ESLint formatters read to link a finding to
 * its rule's page.
 */
export const jsonWithMetadata: Reporter = (input) => {
  const rulesMeta = Object.fromEntries(
    input.rules.map((rule) => [
      rule.id,
      { type: 'problem', docs: { description: rule.description, ...(rule.url ? { url: rule.url } : {}) } },
    ]),
  );
  return `${JSON.stringify({ results: eslintResults(input), metadata: { cwd: input.cwd, rulesMeta } })}\n`;
};

const eslintSeverity = { error: 2, warning: 1, info: 0 } as const;

function eslintResults({ files }: ReportInput) {
  return files.map((file) => {
    const messages = file.messages.map((message) => {
      const { line, column, endLine, endColumn } = spanOf(message);
      const fix = fixOf(message);
      const messageId = (message as { messageId?: unknown }).messageId;
      return {
        ruleId: message.ruleId ?? null,
        severity: eslintSeverity[levelOf(message)],
        message: message.reason,
        line: line ?? 1,
        column: column ?? 1,
        ...(endLine === undefined ? {} : { endLine, endColumn }),
        ...(typeof messageId === 'string' ? { messageId } : {}),
        ...(fix ? { fix: { range: [fix.start, fix.end], text: fix.text } } : {}),
      };
    });
    const errors = messages.filter((message) => message.severity === 2);
    const warnings = messages.filter((message) => message.severity === 1);
    return {
      filePath: file.absolutePath,
      messages,
      suppressedMessages: [],
      errorCount: errors.length,
      fatalErrorCount: 0,
      warningCount: warnings.length,
      fixableErrorCount: errors.filter((message) => 'fix' in message).length,
      fixableWarningCount: warnings.filter((message) => 'fix' in message).length,
      ...(messages.length > 0 && file.source !== undefined ? { source: file.source } : {}),
      usedDeprecatedRules: [],
    };
  });
}
