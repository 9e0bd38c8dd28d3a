/** One entry point for every export format, as the `capsule export` command offers them. */
import { readerSource, wasParsed, type KnowledgeGraph } from '@capsule-docs/graph';
import { renderAgents } from './agents.js';
import { ExportError } from './errors.js';
import { suggestionHint } from './suggest.js';
import { bundleFormats, createBundle, type BundleFormat, type BundleResult } from './bundle.js';
import { describeCorpus } from './corpus-info.js';
import { renderLlmsFull } from './llms-full.js';
import { renderLlmsTxt } from './llms-txt.js';
import { createLinker } from './links.js';
import type { Selection } from './select.js';
import { loadTokenCounter } from './tokens.js';

export const exportFormats = ['llms-txt', 'llms-full', ...bundleFormats, 'agents'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportOptions {
  format: ExportFormat;
  /** The corpus root's folder name: the title when nothing better is known. */
  rootName: string;
  title?: string;
  summary?: string;
  /** Every format but agents: absolute links under this site address. */
  baseUrl?: string;
  /** With `baseUrl`: the document the site shows at its root. */
  home?: string;
  /** Without `baseUrl`: the corpus root as seen from the folder the output is read in. */
  rootFromOutput?: string;
  /** Bundles: which capsules. */
  selection?: Selection;
  /** Bundles: the token budget. */
  budget?: number;
  /** Bundles: the tokenizer encoding (default o200k_base). */
  encoding?: string;
}

export interface ExportResult {
  output: string;
  /** For bundle formats: the fitted bundle and its token count. */
  bundle?: BundleResult;
}

export function isBundleFormat(format: string): format is BundleFormat {
  return (bundleFormats as readonly string[]).includes(format);
}

/**
 * Whether a format reads the parts of capsules (their text and mdast, to quote or cut them),
 * so that the graph must be loaded with whole models. `llms-full` reads each document's text,
 * links, frontmatter and title, and `llms.txt` those and each invariant's source span, which
 * the models' cross-file summaries keep (`summarizeModel`): at ten thousand documents whole
 * models held about 2 GB, the summaries a fraction of it.
 */
export function needsWholeModels(format: ExportFormat): boolean {
  return !readFromSummaries.has(format);
}

const readFromSummaries: ReadonlySet<ExportFormat> = new Set(['llms-full', 'llms-txt']);

/** Render the graph in one export format. */
export async function exportCorpus(graph: KnowledgeGraph, options: ExportOptions): Promise<ExportResult> {
  const { format } = options;
  // A home that names no document would quietly leave the site's root unlinked.
  if (options.home !== undefined && graph.document(options.home) === undefined) {
    const documents = graph.documents.map((document) => document.path);
    throw new ExportError(`--home names no document of the corpus: \`${options.home}\``, `${suggestionHint(options.home, documents, 'documents')} Paths are relative to the corpus root.`);
  }
  // Nor can the root be a file the reader refused or found encrypted: it is not published.
  const home = options.home === undefined ? undefined : graph.document(options.home);
  if (home !== undefined && !wasParsed(home)) {
    const why = home.model.encrypted !== undefined ? 'It is kept encrypted, so its text here is ciphertext' : (home.messages.find((message) => message.source === readerSource)?.reason ?? 'The reader refused it');
    throw new ExportError(`--home names a document that is not published: \`${options.home}\``, `${why.replace(/\.?$/, '.')} Name the document the site shows at its root.`);
  }
  if (isBundleFormat(format)) {
    const counter = await loadTokenCounter(options.encoding);
    const linker = createLinker(graph, options.baseUrl, options.home, options.rootFromOutput);
    const bundle = createBundle(graph, { format, selection: options.selection ?? {}, counter, budget: options.budget, linker });
    return { output: bundle.output, bundle };
  }
  const info = describeCorpus(graph, options);
  if (format === 'llms-txt') return { output: renderLlmsTxt(graph, { ...info, baseUrl: options.baseUrl, home: options.home, rootFromOutput: options.rootFromOutput }) };
  if (format === 'llms-full') return { output: renderLlmsFull(graph, { ...info, baseUrl: options.baseUrl, home: options.home, rootFromOutput: options.rootFromOutput }) };
  return { output: renderAgents(graph, { ...info, rootFromOutput: options.rootFromOutput }) };
}
