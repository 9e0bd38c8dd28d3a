/**
 * What the MCP tools ask of the graph: capsule search and checklists with their
 * citations. Pure functions of the graph, so the server only wires them to the protocol.
 */
import { parseCategory, type CapsuleNode, type CorpusDocument, type KnowledgeGraph } from '@capsule-docs/graph';
import { ExportError } from '../errors.js';
import { knowledgeCapsules } from '../knowledge.js';
import { createLinker } from '../links.js';
import { checklistItemMarkdown, oneLine, partSource } from '../part-markdown.js';
import { rebasingReaders } from '../rebase.js';
import { suggestionHint } from '../suggest.js';

export interface SearchQuery {
  /** Words to look for in names, invariants, examples, depth and document titles and tags. */
  query?: string;
  tag?: string;
  category?: string;
  limit?: number;
}

export interface SearchHit {
  name: string;
  invariant: string | undefined;
  document: string;
  line: number;
  score: number;
}

/** How much a word found in each field counts towards a capsule's score. */
const weights = { name: 8, invariant: 4, document: 2, body: 1 } as const;

/**
 * Capsules matching every word of the query (all capsules when there is none) within the
 * tag and category given, best first; ties keep corpus order. Samples of the format are not
 * searched (knowledge.ts).
 */
export function searchCapsules(graph: KnowledgeGraph, search: SearchQuery): SearchHit[] {
  const words = (search.query ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const tag = search.tag?.toLowerCase();
  const category = search.category?.toLowerCase();
  const limit = Math.max(1, Math.min(search.limit ?? 20, 200));
  // What a document contributes, judged once per document rather than once per capsule.
  const documentTexts = new Map<string, string | undefined>();
  const documentText = (document: CorpusDocument) => {
    if (documentTexts.has(document.path)) return documentTexts.get(document.path);
    const data = document.model.frontmatter?.data;
    const tags = strings(data?.['tags']);
    const categories = strings(data?.['categories']).map((value) => parseCategory(value).name.toLowerCase());
    const matches = (tag === undefined || tags.some((value) => value.toLowerCase() === tag)) && (category === undefined || categories.includes(category));
    const text = matches ? `${graph.documentTitle(document.path) ?? ''} ${tags.join(' ')} ${document.path}`.toLowerCase() : undefined;
    documentTexts.set(document.path, text);
    return text;
  };
  const hits: { node: CapsuleNode; score: number }[] = [];
  for (const node of knowledgeCapsules(graph)) {
    const text = documentText(graph.document(node.document)!);
    if (text === undefined) continue;
    const found = score(node, text, words);
    if (found !== undefined) hits.push({ node, score: found });
  }
  // The hits' invariants link from the corpus root, where their document paths are written.
  const readerOf = rebasingReaders(graph, createLinker(graph, undefined));
  return hits
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ node, score }) => {
      const document = graph.document(node.document)!;
      const invariant = partSource(document, node.capsule.invariant, readerOf(document));
      return { name: node.name, invariant: invariant && oneLine(invariant.markdown), document: node.document, line: node.capsule.headingPosition.start.line, score };
    });
}

/** The capsule's score for every word of the query, or `undefined` when one is not found. */
function score(node: CapsuleNode, documentText: string, words: string[]): number | undefined {
  let total = 0;
  if (words.length === 0) return total;
  const name = node.name.toLowerCase();
  const fields = {
    name,
    invariant: (node.capsule.invariant?.text ?? '').toLowerCase(),
    document: documentText,
    body: `${node.capsule.example?.text ?? ''} ${node.capsule.depth?.text ?? ''}`.toLowerCase(),
  };
  for (const word of words) {
    let found = 0;
    for (const field of Object.keys(weights) as (keyof typeof weights)[]) {
      if (fields[field].includes(word)) found += weights[field];
    }
    if (found === 0) return undefined;
    total += found;
  }
  if (words.join('') === name) total += 100;
  return total;
}

export interface ChecklistEntry {
  /** The item's plain text. */
  text: string;
  /** The item as written, on one line, its links pointed from the corpus root. */
  markdown: string;
  checked: boolean;
  document: string;
  line: number;
  /** The heading the item sits under. */
  section: string | undefined;
  /** Each cited capsule and where it is defined, when it resolves. */
  cites: { name: string; document: string | undefined; line: number | undefined }[];
}

export interface ChecklistQuery {
  document?: string;
  capsule?: string;
}

/**
 * A document's checklist, or the items anywhere in the corpus that cite a capsule, or,
 * given both, the items of that document citing that capsule.
 */
export function checklistFor(graph: KnowledgeGraph, query: ChecklistQuery): ChecklistEntry[] {
  if (query.document === undefined && query.capsule === undefined) {
    throw new ExportError('Give a document path or a capsule name');
  }
  if (query.document?.trim() === '') throw new ExportError('A document path was left empty', suggestionHint('', graph.documents.map((document) => document.path), 'documents'));
  if (query.capsule?.trim() === '') throw new ExportError('A capsule name was left empty', suggestionHint('', graph.names(), 'capsules'));
  let documents = graph.documents;
  if (query.document !== undefined) {
    const path = query.document.replace(/\\/g, '/').replace(/^\.\//, '');
    const found = graph.document(path) ?? graph.document(`${path}.md`);
    if (!found) {
      throw new ExportError(`No document \`${query.document}\` in the corpus`, suggestionHint(path, graph.documents.map((document) => document.path), 'documents'));
    }
    documents = [found];
  }
  const capsule = query.capsule;
  if (capsule !== undefined && graph.capsulesNamed(capsule).length === 0) {
    throw new ExportError(`No capsule is named \`${capsule}\``, suggestionHint(capsule, graph.names(), 'capsules'));
  }
  const entries: ChecklistEntry[] = [];
  const readerOf = rebasingReaders(graph, createLinker(graph, undefined));
  for (const document of documents) {
    for (const item of document.model.checklist) {
      if (capsule !== undefined && !item.cites.some((citation) => citation.name === capsule)) continue;
      entries.push({
        text: item.text,
        markdown: checklistItemMarkdown(item, readerOf(document)),
        checked: item.checked,
        document: document.path,
        line: item.position.start.line,
        section: item.section,
        cites: item.cites.map((citation) => {
          const node = graph.capsule(citation.name);
          return { name: citation.name, document: node?.document, line: node?.capsule.headingPosition.start.line };
        }),
      });
    }
  }
  return entries;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
