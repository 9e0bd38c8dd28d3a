export { loadCorpus, loadGraph, readCorpusFile, reloadDocuments, surroundingsOf, type Corpus, type LoadOptions } from './corpus.js';
export {
  keepScanIndex,
  scanCorpus,
  scannedBytes,
  CorpusError,
  defaultInclude,
  documentSelection,
  whyNotADocument,
  documentsMatching,
  readsAsDocument,
  type CorpusScan,
  type ReadResult,
} from './corpus-scan.js';
export { CorpusNeighbourhoods } from './corpus-neighbourhoods.js';
export { redirectionsOf, redirectionFileName, type Redirection, type Redirections } from './redirections.js';
export { siteConfigName, type SiteConfigs } from './site-routes.js';
export { readStaticConfig, type StaticValue } from './static-config.js';
export { typedocIncludeCandidates, typedocIncludesOf } from './typedoc-includes.js';
export { FolderWatcher } from './folder-watcher.js';
export { alwaysIgnored, listFiles, type Listing, type ListingFileSystem, type UnreadableFolder } from './listing.js';
export { crossFileKeys, type CrossFileKeys } from './cross-file-keys.js';
export { documentsAround, documentsTouching, type Focus } from './neighbourhood.js';
export {
  readDocument,
  byteOrderMark,
  decodedText,
  documentText,
  unreadableDocument,
  defaultReadLimits,
  readerSource,
  unparsedIds,
  wasParsed,
  withTree,
  type CorpusDocument,
  type ReadLimits,
} from './document.js';
export {
  KnowledgeGraph,
  agentFileByPlace,
  parseCategory,
  documentCategories,
  documentTags,
  compare,
  type CapsuleNode,
  type Category,
  type Edge,
  type EdgeKind,
  type EdgeStatus,
  type GraphInput,
  type MachineRepositoryFolder,
} from './graph.js';
export { graphToJson, graphToDot, graphToMermaid, type GraphJson } from './formats.js';
export { resolveCorpusPath, resolveRepositoryPath, repositoryPageClimb, decodePath, toPosix, type PathResolution } from './paths.js';
export {
  loadSchema,
  shippedFrontmatterSchema,
  validateFrontmatter,
  validateGraphJson,
  validatorFor,
  type ErrorObject,
  type FrontmatterKind,
  type SchemaName,
} from './schemas.js';
export { compactSummary, summarizeModel, type SummaryKind } from './summary.js';
export { isAgentFile, isStub, isStubCopy } from './stub-copies.js';
export { titleOf } from './title.js';
export { toPlainMessage, fromPlainMessage, type PlainMessage } from './messages.js';
export type { AnalyzerSpec, Analyze } from './process-file.js';
export { buildStamp, dependencyStamp } from './stamp.js';
export { SuggestionIndex, suggestAmong, distanceBound, mayChangeSuggestion } from './suggest.js';
export { Store, ResultStore, inputsKey, type StoredResult } from './store/index.js';
export { replaceFile, replaceFileSync, stageBeside, StageError, errorCode, type StageOptions } from './atomic-write.js';
export { readerFindings, type FindingDescription } from './reader-findings.js';
export {
  ConfigError,
  configFileNames,
  findConfigFile,
  loadConfig,
  shippedKindNames,
  type FrontmatterSchemaMapping,
  type LoadConfigOptions,
  type ResolvedConfig,
  type RuleSettingValue,
} from './config/load.js';
export { configSchema, configSchemaFileUrl, presetNames, severities, shippedConfigSchema, type RuleSummary, type SeverityName } from './config/schema.js';
export { isInside, resolveCorpus, type CorpusRequest, type ResolvedCorpus } from './config/resolve-corpus.js';
export { cacheOption } from './config/cache-folder.js';
