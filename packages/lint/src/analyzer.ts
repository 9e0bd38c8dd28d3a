/**
 * The lint analyzer: runs the document-scope rules beside the parse, on the loader's
 * worker threads, and returns their findings as plain data the loader caches with the
 * parse. `lintAnalyzer(options)` describes it to the loader; the loader's workers import
 * this module and call `analyze`.
 */
import { createHash } from 'node:crypto';
import { buildStamp, toPlainMessage, type Analyze, type AnalyzerSpec, type CorpusDocument } from '@capsule-docs/graph';
import { lintAnalysisKind, runDocumentRules, type LintAnalysis, type LintOptions } from './host.js';
import { rules } from './rules/index.js';
import { configureRules, type ConfiguredRule } from './settings.js';
import { asTokenCounts, withTokenCounts } from './support/tokens.js';
import type { FrontmatterSchemaMapping, LintSettings } from './types.js';

interface AnalyzerSettings {
  rules: { id: string; severity: ConfiguredRule['severity']; options: Record<string, unknown> }[];
  externalDocuments: string[];
  frontmatterSchema: object | undefined;
  frontmatterSchemas: FrontmatterSchemaMapping[];
  gitRef: string;
}

const rulesById = new Map(rules.map((rule) => [rule.meta.id, rule]));
// Loaded from the built output, like the loader's workers, also when this module runs from its sources.
const analyzerModule = new URL('../dist/analyzer.js', import.meta.url).href;
const lintStamp = buildStamp(new URL('../package.json', import.meta.url));

/** Describe the analyzer for `loadCorpus({ analyzer })`. Throws `LintSettingsError` on bad settings. */
export function lintAnalyzer(options: LintOptions = {}): AnalyzerSpec {
  const configured = configureRules(options.preset, options.rules).filter((entry) => entry.rule.meta.scope === 'document');
  const settings: AnalyzerSettings = {
    rules: configured.map((entry) => ({ id: entry.rule.meta.id, severity: entry.severity, options: entry.options })),
    externalDocuments: [...(options.externalDocuments ?? [])],
    frontmatterSchema: options.frontmatterSchema,
    frontmatterSchemas: [...(options.frontmatterSchemas ?? [])],
    gitRef: options.gitRef ?? 'HEAD',
  };
  const key = `${lintStamp}:${createHash('sha1').update(JSON.stringify(settings)).digest('hex')}`;
  return { module: analyzerModule, settings, key, local: analyze as Analyze };
}

/**
 * Run the configured document rules on one document. `previous` is what this analyzer
 * returned for an earlier version of the document, if the loader has it: its token counts
 * are reused for text that has not changed.
 */
export function analyze(document: CorpusDocument, settings: AnalyzerSettings, previous?: unknown): LintAnalysis {
  const configured: ConfiguredRule[] = settings.rules.flatMap(({ id, severity, options }) => {
    const rule = rulesById.get(id);
    return rule ? [{ rule, severity, options }] : [];
  });
  const lintSettings: LintSettings = {
    externalDocuments: settings.externalDocuments,
    frontmatterSchema: settings.frontmatterSchema,
    frontmatterSchemas: settings.frontmatterSchemas,
    git: undefined,
    gitRef: settings.gitRef,
  };
  const earlier = (previous as Partial<LintAnalysis> | undefined)?.kind === lintAnalysisKind ? (previous as LintAnalysis) : undefined;
  const { result, counts } = withTokenCounts(asTokenCounts(earlier?.tokenCounts), () => runDocumentRules(document, configured, lintSettings));
  return { kind: lintAnalysisKind, findings: result.map(toPlainMessage), tokenCounts: counts };
}
