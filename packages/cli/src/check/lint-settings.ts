/**
 * The lint settings a check runs with: the configuration's, under any `--preset` and `--rule`
 * flags; the language server takes them from here too. Bad settings are usage errors.
 */
import { severities, suggestAmong, type KnowledgeGraph, type ResolvedConfig, type RuleSettingValue, type SeverityName } from '@capsule-docs/graph';
import { lintAnalyzer, lintGraph, LintSettingsError, rules, validateRuleSettings, type LintOptions, type LintResult } from '@capsule-docs/lint';
import { UsageError } from '../io.js';

/** The lint analyzer for these settings; bad settings are a usage error. */
export function analyzerFor(options: LintOptions) {
  try {
    return lintAnalyzer(options);
  } catch (error) {
    if (error instanceof LintSettingsError) throw new UsageError(error.message);
    throw error;
  }
}

export function lint(graph: KnowledgeGraph, options: LintOptions): LintResult {
  try {
    return lintGraph(graph, options);
  } catch (error) {
    if (error instanceof LintSettingsError) throw new UsageError(error.message);
    throw error;
  }
}

/** The lint settings `capsule check` uses: the configuration's, under any `--preset` and `--rule` flags. */
export function lintOptionsFrom(
  config: ResolvedConfig,
  options: { preset?: string | undefined; rule?: string[] | undefined; reportUnusedDisableDirectives?: boolean | undefined; reportUnusedDisableDirectivesSeverity?: string | undefined },
): LintOptions {
  const ruleSettings: Record<string, RuleSettingValue> = { ...config.rules, ...parseRuleFlags(options.rule ?? []) };
  // The schema has vetted the file already; this also covers `--rule` and a lint package
  // newer than the schema.
  const problems = validateRuleSettings(ruleSettings);
  if (problems.length > 0) throw new UsageError(`Invalid rule settings:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  if (options.reportUnusedDisableDirectives && options.reportUnusedDisableDirectivesSeverity !== undefined) {
    throw new UsageError('--report-unused-disable-directives and --report-unused-disable-directives-severity cannot be used together', 'The first means the severity `error`: give one of them.');
  }
  const unusedSeverity = options.reportUnusedDisableDirectives ? 'error' : (options.reportUnusedDisableDirectivesSeverity as SeverityName | undefined) ?? config.reportUnusedDisableDirectives;
  return {
    rules: ruleSettings,
    preset: (options.preset ?? config.preset) as LintOptions['preset'],
    ...(unusedSeverity ? { reportUnusedDisableDirectives: unusedSeverity } : {}),
    externalDocuments: config.externalDocuments,
    ...(config.frontmatterSchema ? { frontmatterSchema: config.frontmatterSchema } : {}),
    ...(config.frontmatterSchemas.length > 0 ? { frontmatterSchemas: config.frontmatterSchemas } : {}),
    gitRef: 'HEAD',
  };
}

function parseRuleFlags(flags: string[]): Record<string, RuleSettingValue> {
  const ids = rules.map((rule) => rule.meta.id);
  const settings: Record<string, RuleSettingValue> = {};
  for (const flag of flags) {
    const colon = flag.lastIndexOf(':');
    const id = colon === -1 ? flag : flag.slice(0, colon);
    const severity = colon === -1 ? '' : flag.slice(colon + 1);
    if (!ids.includes(id)) {
      const suggestion = suggestAmong(id, ids);
      throw new UsageError(`--rule ${flag}: there is no rule \`${id}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`);
    }
    if (!(severities as readonly string[]).includes(severity)) {
      throw new UsageError(`--rule ${flag}: \`${severity}\` is not a severity`, `Write --rule ${id}:SEVERITY with one of ${severities.join(', ')}.`);
    }
    settings[id] = severity as SeverityName;
  }
  return settings;
}
