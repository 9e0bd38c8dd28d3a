/**
 * `@capsule-docs/lint`: the rules behind `capsule check` and the host that runs them over a
 * knowledge graph. Findings are `VFileMessage`s with a rule id, a message id and its data,
 * a place, a severity and, where one is safe, a fix.
 */
export type { Fix, FrontmatterSchemaMapping, LintSettings, RelatedPlace, ReportDescriptor, Rule, RuleContext, RuleMeta, RuleSetting, Severity } from './types.js';
export { rules } from './rules/index.js';
export { schemaFor } from './rules/frontmatter-schema/kinds.js';
export { presets, validateRuleSettings, configureRules, LintSettingsError, severities, type ConfiguredRule } from './settings.js';
export { lintGraph, lintGraphWith, lintSource, internalErrorId, unknownRuleId, unusedDisableId, hostFindings, runDocumentRules, type LintOptions, type LintResult, type LintAnalysis, type FormerDefinition } from './host.js';
export { lintAnalyzer } from './analyzer.js';
export { applyFixes } from './fix.js';
export { modelAtRevision, type RevisionReader } from './support/revision.js';
export { blastRadius, documentsToRecheck, frontmatterFacts, type GraphChange } from './blast-radius.js';
export { rulesTable, withRulesTable, rulesTableMarkers } from './rules-table.js';
export { claimsCapsuleFields, isSkillFile } from './support/document-kinds.js';
