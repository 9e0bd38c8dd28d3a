/**
 * SARIF 2.1.0, the format code-scanning services ingest: one run whose driver lists the
 * rules (id, short description, help link) and whose results point at file regions.
 */
import { pathToFileURL } from 'node:url';
import { levelOf, spanOf, type Level, type Reporter } from './types.js';

const levels: Record<Level, string> = { error: 'error', warning: 'warning', info: 'note' };
const baseId = '%SRCROOT%';

export const sarif: Reporter = ({ files, rules, toolVersion, cwd }) => {
  const used = new Set(files.flatMap((file) => file.messages.map((message) => message.ruleId).filter(Boolean)));
  const driverRules = rules.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.description },
    ...(rule.url ? { helpUri: rule.url } : {}),
  }));
  const known = new Set(rules.map((rule) => rule.id));
  // Findings from outside the rule set (a file that could not be read) still need an entry.
  for (const id of [...used].sort()) {
    if (id && !known.has(id)) driverRules.push({ id, shortDescription: { text: id } });
  }
  const indexOf = new Map(driverRules.map((rule, index) => [rule.id, index]));

  const results = files.flatMap((file) =>
    file.messages.map((message) => {
      const { line, column, endLine, endColumn } = spanOf(message);
      const region =
        line === undefined
          ? undefined
          : {
              startLine: line,
              ...(column === undefined ? {} : { startColumn: column }),
              ...(endLine === undefined ? {} : { endLine }),
              ...(endColumn === undefined ? {} : { endColumn }),
            };
      const ruleIndex = message.ruleId ? indexOf.get(message.ruleId) : undefined;
      return {
        ...(message.ruleId ? { ruleId: message.ruleId } : {}),
        ...(ruleIndex === undefined ? {} : { ruleIndex }),
        level: levels[levelOf(message)],
        message: { text: message.reason },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: uriOf(file.displayPath), uriBaseId: baseId },
              ...(region ? { region } : {}),
            },
          },
        ],
      };
    }),
  );

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'capsule-docs', version: toolVersion, rules: driverRules } },
        originalUriBaseIds: { [baseId]: { uri: directoryUri(cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function uriOf(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function directoryUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}
