export { exportCorpus, exportFormats, isBundleFormat, needsWholeModels, type ExportFormat, type ExportOptions, type ExportResult } from './export.js';
export {
  createBundle,
  capsuleSources,
  bundleFormats,
  bundleRenderers,
  type Bundle,
  type BundleCapsule,
  type CapsuleSources,
  type BundleFormat,
  type BundleOptions,
  type BundleResult,
  type LeftOut,
  type RenderStyle,
} from './bundle.js';
export { bundleToJson, type BundleJson } from './bundle-json.js';
export { selectCapsules, type Selection, type SelectedCapsule } from './select.js';
export { renderLlmsTxt, type LlmsTxtOptions } from './llms-txt.js';
export { renderLlmsFull, type LlmsFullOptions } from './llms-full.js';
export { renderAgents, type AgentsOptions } from './agents.js';
export { describeCorpus, indexDocuments, type CorpusInfo } from './corpus-info.js';
export { isSample, knowledgeCapsules } from './knowledge.js';
export { createLinker, type Linker } from './links.js';
export { partSource, documentBody, type PartSource, type SourceText } from './part-markdown.js';
export { rebasingReader } from './rebase.js';
export { loadTokenCounter, encodingNames, defaultEncoding, isEncodingName, type EncodingName, type TokenCounter } from './tokens.js';
export { loadBundleSchema, validateBundleJson } from './schema.js';
export { writeFileAtomic, type OutputFileOptions } from './atomic-write.js';
export { xmlAttribute, xmlText } from './xml-escape.js';
export { BudgetError, ExportError } from './errors.js';
export { reservedSegments, siteUrls, slugify, type SiteUrls } from './site-urls.js';
export {
  documentGraphData,
  documentGraphDetails,
  graphData,
  graphDetails,
  graphDetailsChunkSize,
  type DocumentGraphInput,
  type GraphData,
  type GraphDetails,
  type GraphDocument,
  type GraphInput,
} from './graph-data.js';
