/**
 * The graph's portable forms: JSON (the shape `schemas/graph.schema.json` describes), and
 * DOT and Mermaid pictures of the same nodes and reference edges. Every list is sorted, so
 * the same corpus always gives the same bytes.
 */
import { hash } from 'node:crypto';
import { compare, parseCategory, type Edge, type EdgeKind, type EdgeStatus, type KnowledgeGraph } from './graph.js';

export interface GraphJson {
  documents: {
    path: string;
    title?: string;
    description?: string;
    tags: string[];
    audience: string[];
    categories: { name: string; strength?: number }[];
    capsules: string[];
    checklist: { text: string; checked: boolean; line: number; cites: string[] }[];
  }[];
  capsules: {
    name: string;
    document: string;
    line: number;
    column: number;
    invariant?: string;
    /** Set for a sample of the format: a capsule under a guide's example section, or in a template or an exemplar. */
    sample?: true;
  }[];
  edges: {
    kind: EdgeKind;
    from: string;
    target: string;
    qualifier?: string;
    anchor?: string;
    note?: string;
    status: EdgeStatus;
    reason?: string;
    to?: string;
    toDocument?: string;
    document: string;
    line: number;
    column: number;
  }[];
  tags: { name: string; documents: string[] }[];
  categories: { name: string; documents: { path: string; strength?: number }[] }[];
}

/** The graph as plain, sorted JSON data. */
export function graphToJson(graph: KnowledgeGraph): GraphJson {
  return {
    documents: graph.documents.map((document) => {
      const data = document.model.frontmatter?.data;
      return {
        path: document.path,
        title: graph.documentTitle(document.path),
        description: typeof data?.['description'] === 'string' ? data['description'] : undefined,
        tags: strings(data?.['tags']),
        audience: strings(data?.['audience']),
        categories: strings(data?.['categories']).map((text) => {
          const category = parseCategory(text);
          return { name: category.name, strength: category.strength };
        }),
        capsules: document.model.capsules.map((capsule) => capsule.name).filter((name) => name !== ''),
        checklist: document.model.checklist.map((item) => ({
          text: item.text,
          checked: item.checked,
          line: item.position.start.line,
          cites: item.cites.map((citation) => citation.name),
        })),
      };
    }),
    capsules: graph.capsules
      .map((node) => ({
        name: node.name,
        document: node.document,
        line: node.capsule.headingPosition.start.line,
        column: node.capsule.headingPosition.start.column,
        invariant: node.capsule.invariant?.text,
        sample: node.capsule.sample,
      }))
      .sort((a, b) => compare(a.name, b.name) || compare(a.document, b.document)),
    edges: [...graph.edges].sort(edgeOrder).map((edge) => ({
      kind: edge.kind,
      from: edge.from,
      target: edge.target,
      qualifier: edge.qualifier,
      anchor: edge.anchor,
      note: edge.note,
      status: edge.status,
      reason: edge.reason,
      to: edge.to?.name,
      toDocument: edge.toDocument,
      document: edge.document,
      line: edge.position.start.line,
      column: edge.position.start.column,
    })),
    tags: graph.tags(),
    categories: graph.categories().map((category) => ({
      name: category.name,
      documents: category.documents.map((entry) => ({ path: entry.path, strength: entry.strength })),
    })),
  };
}

function edgeOrder(a: Edge, b: Edge): number {
  return (
    compare(a.document, b.document) ||
    a.position.start.offset - b.position.start.offset ||
    compare(a.kind, b.kind) ||
    compare(a.target, b.target)
  );
}

/** The edges a picture shows: references between capsules and documents, not URLs. */
function pictureEdges(graph: KnowledgeGraph): Edge[] {
  return [...graph.edges].sort(edgeOrder).filter((edge) => edge.kind !== 'mentions' && !(edge.kind === 'links-to' && edge.status === 'external'));
}

interface PictureArrow {
  from: string;
  to: string;
  /** The target is no node of the corpus: the picture draws it apart, with the edge's status. */
  unresolved: boolean;
  edge: Edge;
}

/**
 * The arrows of a picture, from node key to node key (an unresolved target's key is
 * `unresolved:` and the target): one for each pair of nodes and kind of reference, however
 * many times a capsule names the other, with the first such edge.
 */
function pictureArrows(graph: KnowledgeGraph): PictureArrow[] {
  const seen = new Set<string>();
  const arrows: PictureArrow[] = [];
  for (const edge of pictureEdges(graph)) {
    const from = edge.fromCapsule ? edge.fromCapsule.id : edge.from;
    const reached = edge.to ? edge.to.id : edge.status === 'resolved' ? edge.toDocument : undefined;
    const to = reached ?? `unresolved:${edge.target}`;
    const key = `${from}\0${to}\0${edge.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    arrows.push({ from, to, unresolved: reached === undefined, edge });
  }
  return arrows;
}

/** A Graphviz DOT picture: capsules clustered by document, unresolved targets dashed. */
export function graphToDot(graph: KnowledgeGraph): string {
  const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
  const lines = ['digraph capsules {', '  rankdir=LR;', '  node [shape=box, style=rounded, fontname="Helvetica"];'];
  graph.documents.forEach((document, index) => {
    lines.push(`  subgraph cluster_${index} {`, `    label=${quote(document.path)};`, `    ${quote(document.path)} [shape=note];`);
    for (const capsule of document.model.capsules) {
      if (capsule.name !== '') lines.push(`    ${quote(`${document.path}#${capsule.name}`)} [label=${quote(capsule.name)}];`);
    }
    lines.push('  }');
  });
  const unresolved = new Set<string>();
  for (const { from, to, unresolved: apart, edge } of pictureArrows(graph)) {
    if (apart && !unresolved.has(to)) {
      unresolved.add(to);
      lines.push(`  ${quote(to)} [label=${quote(`${edge.target}\n(${edge.status})`)}, style="dashed", color="firebrick"];`);
    }
    const style = edge.kind === 'see-also' ? '' : edge.kind === 'cites' ? ' style="dashed"' : ' style="dotted"';
    lines.push(`  ${quote(from)} -> ${quote(to)} [label=${quote(edge.kind)}${style}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** A Mermaid flowchart of the same picture. */
export function graphToMermaid(graph: KnowledgeGraph): string {
  const id = mermaidIds();
  const lines = ['flowchart LR'];
  const label = (text: string) => `"${text.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'))}"`;
  graph.documents.forEach((document) => {
    lines.push(`  subgraph ${id(`doc:${document.path}`)}[${label(document.path)}]`);
    lines.push(`    ${id(document.path)}[${label(document.path)}]`);
    for (const capsule of document.model.capsules) {
      if (capsule.name !== '') lines.push(`    ${id(`${document.path}#${capsule.name}`)}(${label(capsule.name)})`);
    }
    lines.push('  end');
  });
  const unresolved = new Set<string>();
  for (const { from, to, unresolved: apart, edge } of pictureArrows(graph)) {
    if (apart && !unresolved.has(to)) {
      unresolved.add(to);
      lines.push(`  ${id(to)}[/${label(`${edge.target} (${edge.status})`)}/]`);
    }
    const arrow = edge.kind === 'see-also' ? '-->' : '-.->';
    lines.push(`  ${id(from)} ${arrow}|${edge.kind}| ${id(to)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Mermaid ids made from the keys they stand for: the key's letters and digits, to read, and
 * the start of its hash, to tell keys apart. A node keeps its id whatever else the corpus
 * holds, so adding a document changes no other line of the picture. Two keys whose ids
 * would be the same (a hash's start shared by names alike) take more of their hashes.
 */
function mermaidIds(): (key: string) => string {
  const ids = new Map<string, string>();
  const keys = new Map<string, string>();
  return (key) => {
    let found = ids.get(key);
    if (found !== undefined) return found;
    const readable = key.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 48);
    const digest = hash('sha256', key, 'hex');
    for (let length = 8; found === undefined || (keys.has(found) && keys.get(found) !== key); length += 8) {
      found = `n_${readable}_${digest.slice(0, length)}`;
    }
    ids.set(key, found);
    keys.set(found, key);
    return found;
  };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
