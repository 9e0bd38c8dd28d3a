/**
 * Context bundles: selected capsules with their parts, fitted to a token budget.
 *
 * Capsules asked for by name come first and whole (invariant, example, depth, extra parts):
 * a budget that cannot hold them is refused, naming the smallest budget that can. What room
 * remains goes to the rest, disclosed progressively: every remaining capsule's invariant first
 * (in selection order, then by distance); examples and depth are added, in that order, only
 * once every invariant is in, each as room allows; extra parts (`**Why**`, `**Notes**`) come
 * last. Without capsules named, the first selected capsule's invariant is the least a bundle
 * holds. The budget is checked by counting the tokens of the rendered output itself, so it
 * holds whatever the format adds around the parts.
 */
import type { CapsuleNode, CorpusDocument, KnowledgeGraph } from '@capsule-docs/graph';
import type { Capsule, PartKind } from 'remark-capsules';
import { renderJsonBundle } from './bundle-json.js';
import { renderMarkdownBundle } from './bundle-markdown.js';
import { renderXmlBundle } from './bundle-xml.js';
import { BudgetError, ExportError } from './errors.js';
import { selectCapsules, type SelectedCapsule, type Selection } from './select.js';
import { createLinker, type Linker } from './links.js';
import { extraPartSource, invariantSource, partSource, type ExtraPartSource, type PartSource, type SourceText } from './part-markdown.js';
import { rebasingReaders } from './rebase.js';
import type { EncodingName, TokenCounter } from './tokens.js';

export const bundleFormats = ['markdown', 'xml', 'json'] as const;
export type BundleFormat = (typeof bundleFormats)[number];

export interface BundleCapsule {
  name: string;
  source: { document: string; line: number; column: number };
  distance: number;
  /** The capsule whose SeeAlso reached this one, for neighbours. */
  via: string | undefined;
  /** A sample of the format (knowledge.ts), in the bundle because it was named. */
  sample: boolean;
  /** The parts that are in, in Invariant, Example, Depth order. */
  parts: PartSource[];
  /** The extra parts that are in, in source order. */
  extras: ExtraPartSource[];
}

/** What did not fit: capsules left out whole, and parts left out of capsules that are in. */
export interface LeftOut {
  /** The tokens the left-out material takes on its own, counted part by part. */
  tokens: number;
  capsules: string[];
  examples: string[];
  depth: string[];
  /** Capsules that are in with some of their extra parts left out. */
  extras: string[];
}

export interface Bundle {
  encoding: EncodingName;
  budget: number | undefined;
  selection: Selection;
  /** How many capsules the selection named, whether or not they fit. */
  selected: number;
  capsules: BundleCapsule[];
  leftOut: LeftOut | undefined;
}

export interface RenderStyle {
  /** How many names each left-out list shows before `and N more`; 0 shows counts only. */
  listLimit: number;
}

export type BundleRenderer = (bundle: Bundle, style: RenderStyle) => string;

export const bundleRenderers: Record<BundleFormat, BundleRenderer> = {
  markdown: renderMarkdownBundle,
  xml: renderXmlBundle,
  json: renderJsonBundle,
};

export interface BundleOptions {
  format: BundleFormat;
  selection: Selection;
  counter: TokenCounter;
  /** The most tokens the output may take; no limit when absent. */
  budget?: number;
  /**
   * Where a capsule's parts come from: by default its document in the graph, which must then
   * hold whole models. A reader that loaded summaries gives the parts it took from each
   * document while it had it whole (`capsuleSources`).
   */
  sourcesOf?: (node: CapsuleNode) => CapsuleSources;
  /**
   * Where the parts' relative links and links to their own document's anchors point once
   * quoted in the bundle (`rebase.ts`): by default at the files, from the corpus root, the
   * frame the bundle's source paths are written in.
   */
  linker?: Linker;
}

/** The Markdown of a capsule's parts, as a bundle quotes them. */
export interface CapsuleSources {
  /** Invariant, Example and Depth, those the capsule has, in that order. */
  parts: PartSource[];
  /** The extra parts, in source order. */
  extras: ExtraPartSource[];
}

/** The sources of `capsule`'s parts, read from its whole `document` (through `read`, to rebase their links). */
export function capsuleSources(document: CorpusDocument, capsule: Capsule, read?: SourceText): CapsuleSources {
  const parts = [invariantSource(document, capsule, read), partSource(document, capsule.example, read), partSource(document, capsule.depth, read)]
    .filter((part): part is PartSource => part !== undefined);
  const extras = capsule.extraParts.map((part) => extraPartSource(document, part, read)).filter((part): part is ExtraPartSource => part !== undefined);
  return { parts, extras };
}

export interface BundleResult {
  output: string;
  bundle: Bundle;
  /** The tokens of `output`, counted with the chosen encoding. */
  tokens: number;
}

const namedStyle: RenderStyle = { listLimit: 10 };
const countsStyle: RenderStyle = { listLimit: 0 };

/** Select capsules, fit them to the budget and render the bundle. */
export function createBundle(graph: KnowledgeGraph, options: BundleOptions): BundleResult {
  const { budget, counter } = options;
  if (budget !== undefined && (!Number.isInteger(budget) || budget <= 0)) {
    throw new ExportError(`A budget must be a positive whole number of tokens, not \`${budget}\``);
  }
  const render = bundleRenderers[options.format];
  const sourcesOf = options.sourcesOf ?? rebasedSources(graph, options.linker ?? createLinker(graph, undefined));
  const candidates = selectCapsules(graph, options.selection).map((entry) => candidateOf(entry, sourcesOf));
  const frame: Omit<Bundle, 'capsules' | 'leftOut'> = {
    encoding: counter.encoding,
    budget,
    selection: options.selection,
    selected: candidates.length,
  };
  if (budget === undefined) {
    const bundle: Bundle = { ...frame, capsules: candidates.map((candidate) => candidate.capsule), leftOut: undefined };
    const output = render(bundle, namedStyle);
    return { output, bundle, tokens: counter.count(output) };
  }

  const whole = requiredWhole(options.selection, candidates);
  const units = unitsOf(candidates, whole, render, counter);
  const fitter = new Fitter(frame, candidates, units, render, counter, budget);
  const named = fitter.fit(namedStyle);
  if (named && !named.bundle.leftOut) return named;
  // A note that only counts what was left out takes less room than one naming it; use it
  // when that room lets more parts in.
  const counts = fitter.fit(countsStyle);
  const best = named && counts ? (partCount(counts) > partCount(named) ? counts : named) : (named ?? counts);
  if (best) return best;
  const minimum = Math.min(fitter.smallestBudget(namedStyle), fitter.smallestBudget(countsStyle));
  const names = [...whole].map((index) => `\`${candidates[index]!.capsule.name}\``);
  throw new BudgetError(
    names.length > 0
      ? `A budget of ${budget} tokens is too small for ${names.join(', ')} whole: the smallest budget that fits ${names.length === 1 ? 'it' : 'them'} is ${minimum} tokens`
      : `A budget of ${budget} tokens is too small for even one capsule's invariant: the smallest budget that fits one is ${minimum} tokens`,
    minimum,
    `Give a budget of at least ${minimum} tokens${names.length > 0 ? '; neighbours fill whatever room is left above that' : ''}.`,
  );
}

/**
 * The capsules that must be in whole: those asked for by name. A selection by filters names
 * none, and only its first capsule's invariant is required.
 */
function requiredWhole(selection: Selection, candidates: Candidate[]): Set<number> {
  if (!selection.capsules || selection.capsules.length === 0) return new Set();
  return new Set(candidates.flatMap((candidate, index) => (candidate.entry.distance === 0 ? [index] : [])));
}

interface Candidate {
  entry: SelectedCapsule;
  /** The capsule with every part it has. */
  capsule: BundleCapsule;
}

type UnitKind = PartKind | 'extra';

interface Unit {
  candidate: number;
  kind: UnitKind;
  /** Absent for a capsule without an invariant: its unit is the capsule's heading alone. */
  part: PartSource | undefined;
  /** For an `extra` unit: the extra part it adds. */
  extra?: ExtraPartSource;
  tokens: number;
  /** In every bundle: a budget that cannot hold it is refused. */
  required: boolean;
}

/** Each capsule's parts from its whole document, with links pointed as `linker` has them. */
function rebasedSources(graph: KnowledgeGraph, linker: Linker): (node: CapsuleNode) => CapsuleSources {
  const readerOf = rebasingReaders(graph, linker);
  return (node) => {
    const document = graph.document(node.document)!;
    return capsuleSources(document, node.capsule, readerOf(document));
  };
}

function candidateOf(entry: SelectedCapsule, sourcesOf: (node: CapsuleNode) => CapsuleSources): Candidate {
  const { node } = entry;
  const { parts, extras } = sourcesOf(node);
  return {
    entry,
    capsule: {
      name: node.name,
      source: { document: node.document, line: node.capsule.headingPosition.start.line, column: node.capsule.headingPosition.start.column },
      distance: entry.distance,
      via: entry.via?.name,
      sample: node.capsule.sample === true,
      parts,
      extras,
    },
  };
}

/**
 * One unit per part in priority order: every part of the capsules required whole, capsule by
 * capsule; then, of the others, all invariants, then all examples, then all depth, then all
 * extra parts. A unit's tokens are what it adds to a bundle holding just its capsule's earlier
 * parts.
 */
function unitsOf(candidates: Candidate[], whole: Set<number>, render: BundleRenderer, counter: TokenCounter): Unit[] {
  const bare = (capsules: BundleCapsule[]): Bundle => ({
    encoding: counter.encoding,
    budget: undefined,
    selection: {},
    selected: capsules.length,
    capsules,
    leftOut: undefined,
  });
  const empty = counter.count(render(bare([]), namedStyle));
  const required: Unit[] = [];
  const tiers: Record<UnitKind, Unit[]> = { invariant: [], example: [], depth: [], extra: [] };
  candidates.forEach((candidate, index) => {
    const { capsule } = candidate;
    const invariant = capsule.parts.find((part) => part.kind === 'invariant');
    let previous = empty;
    const shown: PartSource[] = [];
    const shownExtras: ExtraPartSource[] = [];
    const add = (kind: UnitKind, part: PartSource | undefined, extra?: ExtraPartSource) => {
      if (part) shown.push(part);
      if (extra) shownExtras.push(extra);
      const tokens = counter.count(render(bare([{ ...capsule, parts: [...shown], extras: [...shownExtras] }]), namedStyle));
      const isRequired = whole.has(index) || (whole.size === 0 && index === 0 && kind === 'invariant');
      const unit: Unit = { candidate: index, kind, part, ...(extra ? { extra } : {}), tokens: Math.max(0, tokens - previous), required: isRequired };
      (isRequired ? required : tiers[kind]).push(unit);
      previous = tokens;
    };
    add('invariant', invariant);
    for (const part of capsule.parts) if (part.kind !== 'invariant') add(part.kind, part);
    for (const extra of capsule.extras) add('extra', undefined, extra);
  });
  return [...required, ...tiers.invariant, ...tiers.example, ...tiers.depth, ...tiers.extra];
}

/** The greedy fit for one render style, corrected by counting the rendered output. */
class Fitter {
  constructor(
    private readonly frame: Omit<Bundle, 'capsules' | 'leftOut'>,
    private readonly candidates: Candidate[],
    private readonly units: Unit[],
    private readonly render: BundleRenderer,
    private readonly counter: TokenCounter,
    private readonly budget: number,
  ) {}

  fit(style: RenderStyle): BundleResult | undefined {
    const included = this.units.map((unit) => unit.required);
    const least = this.measure(included, style);
    if (least.tokens > this.budget) return undefined;
    this.fill(included, this.budget - least.tokens);
    let result = this.trim(included, style);
    // The first pass reserved room for a note listing everything; now that the real note
    // is known, whatever room is left goes to the next parts in line.
    if (this.fill(included, this.budget - result.tokens)) result = this.trim(included, style);
    return result;
  }

  /**
   * The smallest budget that holds the required units in this style. Formats print the budget,
   * so the bundle's size moves a little with it: settle on a budget the bundle fits, then step
   * down while a smaller one still fits.
   */
  smallestBudget(style: RenderStyle): number {
    const required = this.units.map((unit) => unit.required);
    const tokensAt = (budget: number) => this.measure(required, style, budget).tokens;
    let budget = this.budget;
    // Each step up only adds the tokens of a longer number, so this settles within a few.
    for (let tokens = tokensAt(budget); tokens > budget; tokens = tokensAt(budget)) budget = tokens;
    // The budget given did not fit, so the search never goes below it.
    while (budget - 1 > this.budget && tokensAt(budget - 1) <= budget - 1) budget--;
    return budget;
  }

  /** Add units in priority order while their estimated tokens fit `room`. */
  private fill(included: boolean[], room: number): boolean {
    let added = false;
    const invariantIn = new Set<number>();
    this.units.forEach((unit, index) => {
      if (unit.kind === 'invariant' && included[index]) invariantIn.add(unit.candidate);
    });
    for (const [index, unit] of this.units.entries()) {
      if (included[index]) continue;
      if (unit.kind !== 'invariant' && invariantIn.size < this.candidates.length) break;
      if (unit.tokens > room) continue;
      included[index] = true;
      room -= unit.tokens;
      added = true;
      if (unit.kind === 'invariant') invariantIn.add(unit.candidate);
    }
    return added;
  }

  /** Drop the lowest-priority units, never a required one, until the counted output fits. */
  private trim(included: boolean[], style: RenderStyle): BundleResult {
    for (;;) {
      const result = this.measure(included, style);
      if (result.tokens <= this.budget) return result;
      let over = result.tokens - this.budget;
      for (let index = this.units.length - 1; index >= 0 && over > 0; index--) {
        if (!included[index] || this.units[index]!.required) continue;
        included[index] = false;
        over -= Math.max(1, this.units[index]!.tokens);
      }
    }
  }

  private measure(included: boolean[], style: RenderStyle, budget = this.budget): BundleResult {
    const inUnits = this.units.filter((_, index) => included[index]);
    const capsules: BundleCapsule[] = [];
    const partsOf = new Map<number, PartSource[]>();
    const extrasOf = new Map<number, ExtraPartSource[]>();
    for (const unit of inUnits) {
      if (unit.kind === 'invariant') {
        partsOf.set(unit.candidate, []);
        extrasOf.set(unit.candidate, []);
      }
    }
    for (const unit of inUnits) {
      if (unit.part) partsOf.get(unit.candidate)?.push(unit.part);
      if (unit.extra) extrasOf.get(unit.candidate)?.push(unit.extra);
    }
    for (const [index, candidate] of this.candidates.entries()) {
      const parts = partsOf.get(index);
      // Extra parts keep their source order, whatever order they fitted in.
      const extras = candidate.capsule.extras.filter((extra) => extrasOf.get(index)?.includes(extra));
      if (parts) capsules.push({ ...candidate.capsule, parts: order(parts), extras });
    }
    const leftOut = leftOutOf(this.candidates, this.units, included);
    const bundle: Bundle = { ...this.frame, budget, capsules, leftOut };
    const output = this.render(bundle, style);
    return { output, bundle, tokens: this.counter.count(output) };
  }
}

function leftOutOf(candidates: Candidate[], units: Unit[], included: boolean[]): LeftOut | undefined {
  const capsuleIn = new Set(units.filter((unit, index) => unit.kind === 'invariant' && included[index]).map((unit) => unit.candidate));
  const leftOut: LeftOut = { tokens: 0, capsules: [], examples: [], depth: [], extras: [] };
  let any = false;
  for (const [index, unit] of units.entries()) {
    if (included[index]) continue;
    any = true;
    leftOut.tokens += unit.tokens;
    const name = candidates[unit.candidate]!.capsule.name;
    if (unit.kind === 'invariant') leftOut.capsules.push(name);
    else if (capsuleIn.has(unit.candidate)) {
      const list = unit.kind === 'example' ? leftOut.examples : unit.kind === 'depth' ? leftOut.depth : leftOut.extras;
      // A capsule with several extra parts left out is named once.
      if (list.at(-1) !== name) list.push(name);
    }
  }
  return any ? leftOut : undefined;
}

const partOrder: Record<PartKind, number> = { invariant: 0, example: 1, depth: 2 };

function order(parts: PartSource[]): PartSource[] {
  return parts.sort((a, b) => partOrder[a.kind] - partOrder[b.kind]);
}

/** How much a fitted bundle holds: its capsules and their parts. */
function partCount(result: BundleResult): number {
  return result.bundle.capsules.reduce((sum, capsule) => sum + 1 + capsule.parts.length + capsule.extras.length, 0);
}
