/**
 * Everything done to one file, the same whether it runs on a worker thread or the main
 * thread: parse it, run the caller's per-file analyzer beside the parse, and reduce the
 * model to its summary when asked. The result is plain data, ready to clone or cache.
 */
import type { CapsuleDocument } from 'remark-capsules';
import { readDocument, type CorpusDocument, type ReadLimits } from './document.js';
import { toPlainMessage, type PlainMessage } from './messages.js';
import { summarizeModel, type SummaryKind } from './summary.js';

/**
 * Per-file work a consumer runs beside the parse (for the checker: its file-local rules).
 * `module` is the URL of an ES module whose `analyze(document, settings, previous)` export
 * returns plain, cloneable data; `previous` is what it returned for an earlier version of
 * the same document, when the cache has it, for work it may reuse. `key` must change
 * whenever its results could (its version and settings), because results are cached under it.
 */
export interface AnalyzerSpec {
  module: string;
  settings: unknown;
  key: string;
  /**
   * The same `analyze` function, already loaded, for work done on the calling thread: saves
   * importing `module` a second time (a separate copy of every module it imports). Never sent
   * to a worker, which imports `module`.
   */
  local?: Analyze;
}

export type Analyze = (document: CorpusDocument, settings: unknown, previous?: unknown) => unknown;

export interface FileSettings {
  limits: ReadLimits;
  summarize: SummaryKind | false;
}

export interface ProcessedFile {
  model: CapsuleDocument;
  messages: PlainMessage[];
  analysis: unknown;
}

/** Load an analyzer's `analyze` function. */
export async function loadAnalyzer(spec: AnalyzerSpec): Promise<Analyze> {
  if (spec.local) return spec.local;
  const loaded = (await import(spec.module)) as { analyze?: Analyze };
  if (typeof loaded.analyze !== 'function') throw new Error(`${spec.module} does not export an \`analyze\` function`);
  return loaded.analyze;
}

/** Parse and analyze one file. */
export function processFile(
  path: string,
  bytes: Uint8Array,
  settings: FileSettings,
  analyzer?: { analyze: Analyze; settings: unknown },
  previous?: unknown,
): ProcessedFile {
  const document = readDocument(path, bytes, { limits: settings.limits });
  const analysis = analyzer ? analyzer.analyze(document, analyzer.settings, previous) : undefined;
  return {
    model: settings.summarize ? summarizeModel(document.model, settings.summarize) : document.model,
    messages: document.messages.map(toPlainMessage),
    analysis,
  };
}

/**
 * A processed file as JSON texts, as a worker sends it: a string crosses to the main thread
 * in one copy, where a tree of objects is cloned object by object on both sides, and the
 * parse cache makes its entry of the same texts instead of writing the objects out again.
 * What comes back is what the cache gives a later run: JSON's values.
 */
export interface ProcessedFileText {
  model: string;
  messages: string;
  /** Undefined when the analysis is (JSON has no text for it). */
  analysis: string | undefined;
}

export function processedFileText(file: ProcessedFile): ProcessedFileText {
  return { model: JSON.stringify(file.model), messages: JSON.stringify(file.messages), analysis: JSON.stringify(file.analysis) as string | undefined };
}

export function processedFileOf(text: ProcessedFileText): ProcessedFile {
  return {
    model: JSON.parse(text.model) as CapsuleDocument,
    messages: JSON.parse(text.messages) as PlainMessage[],
    analysis: text.analysis === undefined ? undefined : (JSON.parse(text.analysis) as unknown),
  };
}
