/**
 * Choosing capsules for a bundle: filters pick the starting capsules, then `depth` walks
 * resolved SeeAlso edges outwards, nearest first, the way `KnowledgeGraph.neighbourhood`
 * does, but from every starting capsule at once so a large selection stays linear.
 */
import { parseCategory, type CapsuleNode, type CorpusDocument, type KnowledgeGraph } from '@capsule-docs/graph';
import { nameList } from './bundle-text.js';
import { ExportError } from './errors.js';
import { isKnowledge, isSample } from './knowledge.js';
import { suggestionHint } from './suggest.js';

export interface Selection {
  /** Capsule names, in the order they should come. */
  capsules?: string[];
  tags?: string[];
  categories?: string[];
  audiences?: string[];
  /** Corpus-relative document paths (`.md` may be left off). */
  documents?: string[];
  /** How many SeeAlso steps to follow from the selected capsules (default 0). */
  depth?: number;
}

export interface SelectedCapsule {
  node: CapsuleNode;
  /** 0 for a selected capsule, n for one reached in n SeeAlso steps. */
  distance: number;
  /** The capsule whose SeeAlso reached this one. */
  via: CapsuleNode | undefined;
}

/**
 * The capsules a selection names, in bundle order: selected capsules in selection order
 * (the order of `capsules`, otherwise corpus order), then their neighbours by distance.
 * Values of one filter are alternatives; different filters must all hold. Samples of the
 * format (knowledge.ts) come in only when named.
 */
export function selectCapsules(graph: KnowledgeGraph, selection: Selection): SelectedCapsule[] {
  const depth = selection.depth ?? 0;
  if (!Number.isInteger(depth) || depth < 0) {
    throw new ExportError(`Depth must be a whole number of SeeAlso steps, not \`${depth}\``, 'Use 0 (no neighbours), 1, 2, ...');
  }
  const inDocument = documentFilter(graph, selection);
  let seeds: CapsuleNode[];
  if (selection.capsules && selection.capsules.length > 0) {
    seeds = [];
    const seen = new Set<string>();
    for (const name of selection.capsules) {
      // An empty name (`--capsule ""`, a client's blank field) names nothing: said so, not as "No capsule is named ``".
      if (name.trim() === '') throw new ExportError('A capsule name was left empty', suggestionHint(name, graph.names(), 'capsules'));
      const named = graph.capsulesNamed(name);
      if (named.length === 0) {
        throw new ExportError(`No capsule is named \`${name}\``, suggestionHint(name, graph.names(), 'capsules'));
      }
      for (const node of definitionsOf(graph, named)) {
        if (seen.has(node.id)) continue;
        seen.add(node.id);
        seeds.push(node);
      }
    }
    seeds = seeds.filter((node) => inDocument(node.document));
  } else {
    seeds = graph.capsules.filter((node) => inDocument(node.document));
    const samples = seeds.filter(isSample);
    seeds = seeds.filter((node) => !isSample(node));
    if (seeds.length === 0 && samples.length > 0) {
      throw new ExportError(
        `The selection holds only samples of the format (${nameList(samples.map((node) => node.name), 5, (name) => `\`${name}\``)}), which exports leave out`,
        'Name one with --capsule to export it anyway.',
      );
    }
  }
  if (seeds.length === 0) {
    if (graph.capsules.length === 0) {
      // A corpus of documents without capsules is read right: the path is not what to check.
      const documents = graph.documents.length;
      if (documents === 0) throw new ExportError('The corpus has no capsules', 'Check the corpus path.');
      throw new ExportError(
        `The corpus has no capsules for a bundle to gather: none of its ${documents === 1 ? 'document' : `${documents} documents`} holds a \`### Capsule:\` section`,
        'Export its documents whole with --format llms-full, or list them with --format llms-txt.',
      );
    }
    const filters = filtersGiven(selection);
    // Alone, a filter that names documents at all found only documents without capsules.
    if (filters.length === 1) throw new ExportError(`The documents ${filters[0]} selects hold no capsules`, 'Select documents that define capsules.');
    throw new ExportError(`No capsule matches all of ${filters.join(', ')}`, 'Filters of different kinds must all hold; drop one to widen the selection.');
  }
  return expand(graph, seeds, depth);
}

/** The filters a selection gives, as written on the command line: `--tag \`Ops\` or \`Culture\``. */
function filtersGiven(selection: Selection): string[] {
  const given: [string, string[] | undefined][] = [
    ['--capsule', selection.capsules],
    ['--document', selection.documents],
    ['--tag', selection.tags],
    ['--category', selection.categories],
    ['--audience', selection.audiences],
  ];
  return given.filter(([, values]) => values && values.length > 0).map(([flag, values]) => `${flag} ${values!.map((value) => `\`${value}\``).join(' or ')}`);
}

/**
 * The definitions a name stands for, in the graph's order (full ones first): every full
 * definition, duplicates included, but not a stub copy of one nor a sample beside a real one.
 */
function definitionsOf(graph: KnowledgeGraph, named: readonly CapsuleNode[]): CapsuleNode[] {
  const real = named.filter((node) => isKnowledge(graph, node));
  return real.length > 0 ? real : [...named];
}

/** Walk SeeAlso edges from all seeds at once: level by level, seeds' order within a level. */
function expand(graph: KnowledgeGraph, seeds: CapsuleNode[], depth: number): SelectedCapsule[] {
  const seen = new Set(seeds.map((node) => node.id));
  const selected: SelectedCapsule[] = seeds.map((node) => ({ node, distance: 0, via: undefined }));
  let frontier = seeds;
  for (let distance = 1; distance <= depth && frontier.length > 0; distance++) {
    const next: CapsuleNode[] = [];
    for (const from of frontier) {
      for (const edge of graph.referencesFrom(from)) {
        if (edge.kind !== 'see-also' || !edge.to || seen.has(edge.to.id) || isSample(edge.to)) continue;
        seen.add(edge.to.id);
        selected.push({ node: edge.to, distance, via: from });
        next.push(edge.to);
      }
    }
    frontier = next;
  }
  return selected;
}

type DocumentPredicate = (path: string) => boolean;

function documentFilter(graph: KnowledgeGraph, selection: Selection): DocumentPredicate {
  const checks: DocumentPredicate[] = [];
  const field = (key: string) => (document: CorpusDocument) => strings(document.model.frontmatter?.data?.[key]);
  const byField = (values: string[] | undefined, read: (document: CorpusDocument) => string[], what: string) => {
    if (!values || values.length === 0) return;
    const known = new Map<string, string>();
    for (const document of graph.documents) for (const value of read(document)) known.set(value.toLowerCase(), value);
    for (const value of values) {
      if (!known.has(value.toLowerCase())) {
        throw new ExportError(`No document has the ${what} \`${value}\``, suggestionHint(value, [...known.values()].sort(), `${what} values`));
      }
    }
    const wanted = new Set(values.map((value) => value.toLowerCase()));
    const matching = new Set(
      graph.documents.filter((document) => read(document).some((value) => wanted.has(value.toLowerCase()))).map((document) => document.path),
    );
    checks.push((path) => matching.has(path));
  };
  byField(selection.tags, field('tags'), 'tag');
  byField(selection.categories, (document) => field('categories')(document).map((text) => parseCategory(text).name), 'category');
  byField(selection.audiences, field('audience'), 'audience');
  if (selection.documents && selection.documents.length > 0) {
    const paths = new Set(
      selection.documents.map((written) => {
        const path = written.replace(/\\/g, '/').replace(/^\.\//, '');
        const found = graph.document(path) ?? graph.document(`${path}.md`);
        if (!found) {
          throw new ExportError(
            `No document \`${written}\` in the corpus`,
            `${suggestionHint(path, graph.documents.map((document) => document.path), 'documents')} Paths are relative to the corpus root.`,
          );
        }
        return found.path;
      }),
    );
    checks.push((path) => paths.has(path));
  }
  return (path) => checks.every((check) => check(path));
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
