/**
 * SARIF 2.1.0, the format code-scanning services ingest: one run whose driver describes every
 * rule and every finding that comes from reading a file (what it checks, its documentation,
 * its default level), and whose results point at file regions relative to `%SRCROOT%`, each
 * with a fingerprint that survives lines moving above it.
 */
import { pathToFileURL } from 'node:url';
import { fingerprintsOf } from './fingerprint.js';
import { levelOf, pathBase, spanOf, type Level, type Reporter, type RuleInfo } from './types.js';

const levels: Record<Level, string> = { error: 'error', warning: 'warning', info: 'note' };
const baseId = '%SRCROOT%';
/** The key of our own fingerprint, versioned so a change of recipe never matches old ones. */
const fingerprintKey = 'capsuleFinding/v1';
/**
 * The most results GitHub code scanning takes from one run: a file with more is rejected
 * whole. Past it, the run holds the most severe findings (errors, then warnings, then notes,
 * each in file order) and says how many it left out.
 */
export const sarifResultLimit = 25_000;
const severity: Record<string, number> = { error: 0, warning: 1, note: 2 };

export const sarif: Reporter = (input) => {
  const { files, rules, toolVersion, informationUri } = input;
  const base = pathBase(input);
  const driverRules = rules.map(driverRule);
  const known = new Set(rules.map((rule) => rule.id));
  // A finding whose id nothing describes (a rule of a newer build in the cache) still needs an entry.
  const used = new Set(files.flatMap((file) => file.messages.map((message) => message.ruleId ?? '')));
  for (const id of [...used].sort()) {
    if (id && !known.has(id)) driverRules.push(driverRule({ id, description: `Findings reported as \`${id}\``, url: undefined }));
  }
  const indexOf = new Map(driverRules.map((rule, index) => [rule.id, index]));

  const results = files.flatMap((file) => {
    const placed = base.pathOf(file);
    const uri = uriOf(placed);
    const fingerprints = fingerprintsOf(file, placed);
    return file.messages.map((message, index) => {
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
              artifactLocation: { uri, uriBaseId: baseId },
              ...(region ? { region } : {}),
            },
          },
        ],
        // The file as code scanning places it, so a check run from another folder (another root) keeps the identity.
        partialFingerprints: { [fingerprintKey]: fingerprints[index]! },
      };
    });
  });

  const kept = results.length > sarifResultLimit ? mostSevere(results, sarifResultLimit) : results;
  const leftOut = results.length - kept.length;

  const driver = {
    name: 'capsule-docs',
    version: toolVersion,
    ...(informationUri ? { informationUri } : {}),
    rules: driverRules,
  };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        originalUriBaseIds: { [baseId]: { uri: directoryUri(base.folder) } },
        columnKind: 'utf16CodeUnits',
        ...(leftOut > 0
          ? {
              invocations: [
                {
                  executionSuccessful: true,
                  toolExecutionNotifications: [{ level: 'warning', message: { text: leftOutMessage(results.length) } }],
                },
              ],
            }
          : {}),
        results: kept,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/** Said when a run holds fewer results than the check found, on standard error too. */
export function leftOutMessage(found: number): string {
  const limit = sarifResultLimit.toLocaleString('en-US');
  const rest = found - sarifResultLimit;
  return `code scanning takes at most ${limit} results from a run, so the SARIF holds the ${limit} most severe of ${found.toLocaleString('en-US')} findings (errors, then warnings, then notes) and leaves ${rest.toLocaleString('en-US')} out (${rest === 1 ? 'it shows' : 'they show'} once fewer remain)`;
}

/** The `limit` most severe results, in the order they came. */
function mostSevere<Result extends { level: string }>(results: Result[], limit: number): Result[] {
  const order = results.map((result, index) => ({ rank: severity[result.level] ?? 3, index }));
  order.sort((a, b) => a.rank - b.rank || a.index - b.index);
  const chosen = order.slice(0, limit).map(({ index }) => index).sort((a, b) => a - b);
  return chosen.map((index) => results[index]!);
}

function driverRule(rule: RuleInfo) {
  const text = rule.summary ?? rule.description;
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text },
    help: { text: rule.url ? `${text} Documentation: ${rule.url}` : text, ...(rule.help ? { markdown: rule.help } : {}) },
    ...(rule.url ? { helpUri: rule.url } : {}),
    ...(rule.defaultLevel ? { defaultConfiguration: defaultConfiguration(rule.defaultLevel) } : {}),
  };
}

/**
 * A rule's default as SARIF says it. A rule that is off unless configured is `enabled: false`:
 * without it, a viewer takes SARIF's default, a rule enabled at warning level.
 */
function defaultConfiguration(level: NonNullable<RuleInfo['defaultLevel']>) {
  return level === 'off' ? { enabled: false } : { level: levels[level] };
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function uriOf(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function directoryUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}
