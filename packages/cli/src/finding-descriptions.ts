/**
 * Every id a check can report, described for reporters: the rules with their documentation,
 * then the findings the reader, the parser and the rule host make on their own.
 */
import { readerFindings } from '@capsule-docs/graph';
import { hostFindings, rules } from '@capsule-docs/lint';
import type { RuleInfo } from './reporters/types.js';
import { ruleDocs } from './rule-docs.js';

const defaultLevels: Record<string, RuleInfo['defaultLevel']> = { error: 'error', warn: 'warning', info: 'info', off: 'off' };

/** Rule infos for every id; `docsUrl` is where the repository's files are published, if anywhere. */
export function describeFindings(docsUrl: string | undefined): RuleInfo[] {
  const fromRules = rules.map((rule): RuleInfo => {
    const docs = ruleDocs(rule.meta.docs.url, docsUrl);
    const defaultLevel = defaultLevels[rule.meta.defaultSeverity];
    return {
      id: rule.meta.id,
      description: rule.meta.description,
      summary: rule.meta.docs.summary,
      ...(docs.markdown === undefined ? {} : { help: docs.markdown }),
      url: docs.url,
      ...(defaultLevel ? { defaultLevel } : {}),
    };
  });
  const ruleIds = new Set(fromRules.map((rule) => rule.id));
  const others = Object.entries({ ...readerFindings, ...hostFindings })
    .filter(([id]) => !ruleIds.has(id))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, { description, help }]): RuleInfo => ({ id, description, summary: `${description}. ${help}`, url: undefined, defaultLevel: 'error' }));
  return [...fromRules, ...others];
}
