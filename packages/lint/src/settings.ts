/**
 * Rule settings: the presets, checking a user's settings, and resolving them into the
 * severity and options each rule runs with.
 */
import { severities, suggestAmong, validatorFor, type presetNames } from '@capsule-docs/graph';
import { rules } from './rules/index.js';
import type { Rule, RuleSetting, Severity } from './types.js';

/** The severities in rank order; the configuration's schema names them. */
export { severities };

type PresetName = (typeof presetNames)[number];

/** Rank of a severity, for comparing: off < info < warn < error. */
export function severityRank(severity: Severity): number {
  return severities.indexOf(severity);
}

function recommendedPreset(): Record<string, RuleSetting> {
  return Object.fromEntries(rules.map((rule) => [rule.meta.id, rule.meta.defaultSeverity]));
}

/** Rules the `strict` preset turns on (as errors) although `recommended` leaves them off. */
const strictAdditions = new Set(['ends-with-checklist', 'orphan-capsule']);

function strictPreset(): Record<string, RuleSetting> {
  return Object.fromEntries(
    rules.map((rule) => {
      const severity = rule.meta.defaultSeverity;
      if (severity === 'warn' || strictAdditions.has(rule.meta.id)) return [rule.meta.id, 'error'];
      return [rule.meta.id, severity];
    }),
  );
}

/**
 * `recommended`: every rule at its default severity: errors for what breaks the graph or the
 * file, warnings for the format's style. `strict`: warnings become errors, and
 * `ends-with-checklist` and `orphan-capsule` are on as errors; info stays info.
 */
/** One per name the configuration's schema offers (`presetNames`), so the two cannot drift apart. */
export const presets: Record<PresetName, Record<string, RuleSetting>> = {
  recommended: recommendedPreset(),
  strict: strictPreset(),
};

const rulesById = new Map(rules.map((rule) => [rule.meta.id, rule]));

/** Problems with a `rules` settings object, for people; an empty list means it is fine. */
export function validateRuleSettings(settings: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [id, setting] of Object.entries(settings)) {
    const rule = rulesById.get(id);
    if (!rule) {
      const suggestion = suggestAmong(id, rulesById.keys());
      problems.push(
        suggestion
          ? `Unknown rule \`${id}\`; did you mean \`${suggestion}\`?`
          : `Unknown rule \`${id}\`; the rules are ${[...rulesById.keys()].map((known) => `\`${known}\``).join(', ')}`,
      );
      continue;
    }
    problems.push(...settingProblems(rule, setting));
  }
  return problems;
}

function settingProblems(rule: Rule, setting: unknown): string[] {
  const id = rule.meta.id;
  const expectedSeverity = `one of ${severities.map((severity) => `\`${severity}\``).join(', ')}`;
  if (typeof setting === 'string') {
    return isSeverity(setting) ? [] : [`Rule \`${id}\`: severity \`${setting}\` is not ${expectedSeverity}`];
  }
  if (!Array.isArray(setting) || setting.length !== 2) {
    return [`Rule \`${id}\`: expected a severity or \`[severity, options]\`, got ${describe(setting)}`];
  }
  const [severity, options] = setting as [unknown, unknown];
  const problems: string[] = [];
  if (!isSeverity(severity)) problems.push(`Rule \`${id}\`: severity ${describe(severity)} is not ${expectedSeverity}`);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    problems.push(`Rule \`${id}\`: options must be an object, got ${describe(options)}`);
    return problems;
  }
  const validate = validatorFor(rule.meta.optionsSchema);
  if (!validate(options)) {
    for (const error of validate.errors ?? []) {
      const where = error.instancePath === '' ? 'options' : `option \`${error.instancePath.slice(1).replaceAll('/', '.')}\``;
      const detail =
        error.keyword === 'additionalProperties'
          ? `has no option \`${String(error.params['additionalProperty'])}\` (known: ${knownOptions(rule)})`
          : error.message ?? 'is not valid';
      problems.push(`Rule \`${id}\`: ${where} ${detail}`);
    }
  }
  return problems;
}

function knownOptions(rule: Rule): string {
  const names = Object.keys((rule.meta.optionsSchema as { properties?: object }).properties ?? {});
  return names.length === 0 ? 'none' : names.map((name) => `\`${name}\``).join(', ');
}

function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (severities as readonly string[]).includes(value);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `\`${value}\`` : `\`${JSON.stringify(value)}\``;
}

/** A rule as it will run: its severity and its options merged over the defaults. */
export interface ConfiguredRule {
  rule: Rule;
  severity: Exclude<Severity, 'off'>;
  options: Record<string, unknown>;
}

/** Settings that cannot be run; `problems` says why, one line each. */
export class LintSettingsError extends Error {
  override name = 'LintSettingsError';
  constructor(readonly problems: string[]) {
    super(`Invalid rule settings:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Resolve a preset and the user's settings over it into the rules that run. */
export function configureRules(
  preset: keyof typeof presets = 'recommended',
  overrides: Record<string, RuleSetting> = {},
): ConfiguredRule[] {
  const problems = validateRuleSettings(overrides);
  if (!(preset in presets)) problems.unshift(`Unknown preset \`${String(preset)}\` (known: \`recommended\`, \`strict\`)`);
  if (problems.length > 0) throw new LintSettingsError(problems);
  const merged = { ...presets[preset], ...overrides };
  const configured: ConfiguredRule[] = [];
  for (const rule of rules) {
    const setting = merged[rule.meta.id] ?? 'off';
    const [severity, options] = typeof setting === 'string' ? [setting, {}] : setting;
    if (severity === 'off') continue;
    configured.push({ rule, severity, options: { ...rule.meta.defaultOptions, ...options } });
  }
  return configured;
}
