/**
 * A deterministic generator of realistic capsule corpora: the same `--docs N --seed S` always
 * writes the same bytes. Documents carry 5 to 10 capsules, prose, a table, code, links to
 * other documents and SeeAlso references that mostly resolve; a few per cent of references
 * are broken and a few documents have frontmatter defects, as in real repositories.
 *
 * Two flavours. `plain` writes the Markdown our own documents are mostly made of. `varied`
 * adds, on top of the same documents, what handbooks written elsewhere also hold, each in
 * some of the documents: reference-style links with their definitions, nested lists, block
 * quotes, images, HTML comments and inline HTML, backslash escapes, character references and
 * tabs. Its choices come from a random stream of their own, so `plain` stays byte for byte
 * what it always was.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

const words = [
  'Retry', 'Budget', 'Cache', 'Shard', 'Queue', 'Lease', 'Quorum', 'Backoff', 'Canary', 'Drain',
  'Fence', 'Ledger', 'Mirror', 'Probe', 'Replica', 'Rollout', 'Schema', 'Snapshot', 'Token', 'Window',
  'Audit', 'Beacon', 'Circuit', 'Digest', 'Envelope', 'Fallback', 'Gateway', 'Harbor', 'Index', 'Journal',
];
const sentences = [
  'Each step is verified before the next one starts',
  'The owning team reviews every change to shared configuration',
  'Rollbacks follow the same path as the change that caused them',
  'A dry run precedes every migration of stored data',
  'Alerts page a person only when a person can act on them',
  'Dependencies are declared where they are used, not discovered at runtime',
  'Small batches keep the blast radius of a failure small',
  'Every service exposes its health in the same place',
];
const keys = ['Distinction', 'Trade-off', 'NotThis', 'Critical', 'Questions', 'Techniques'];
const tagPool = ['Reliability', 'Deployment', 'Observability', 'Storage', 'Networking', 'Security', 'Planning', 'Testing'];
const categoryPool = ['Workflows', 'Philosophy', 'Reference', 'Runbooks', 'Architecture'];

/** A small seeded PRNG (mulberry32): fast, and identical on every platform. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export type Flavour = 'plain' | 'varied';
export const flavours: readonly Flavour[] = ['plain', 'varied'];

export interface CorpusShape {
  docs: number;
  seed: number;
  /** `plain` when absent. */
  flavour?: Flavour;
}

/** The corpus-relative path of document `index`. */
export function documentPath(index: number): string {
  return `area-${String(index % 25).padStart(2, '0')}/doc-${String(index).padStart(5, '0')}.md`;
}

/** How many capsules document `index` has (5 to 10), derived so every document agrees. */
function capsuleCount(index: number, seed: number): number {
  return 5 + Math.floor(random(seed ^ (index * 2654435761))() * 6);
}

function capsuleName(document: number, capsule: number): string {
  return `${words[document % words.length]}${words[(document * 7 + capsule * 3) % words.length]}${document}N${capsule}`;
}

/** Generate every document as `[path, text]` pairs, in order. */
export function* generateCorpus(shape: CorpusShape): Generator<[string, string]> {
  for (let index = 0; index < shape.docs; index++) yield [documentPath(index), generateDocument(index, shape)];
}

function generateDocument(index: number, { docs, seed, flavour = 'plain' }: CorpusShape): string {
  const next = random(seed * 1000003 + index);
  const varied = flavour === 'varied' ? new VariedMarkdown(random(seed * 7919 + index + 0x5eed), index) : undefined;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const sentence = () => `${pick(sentences)}.`;
  const paragraph = (count: number) => Array.from({ length: count }, sentence).join(' ');
  const otherDocument = () => Math.floor(next() * docs);
  const here = documentPath(index);
  const relativeTo = (target: number) => posix.relative(posix.dirname(here), documentPath(target));

  const defect = next();
  const tags = [pick(tagPool), pick(tagPool)].filter((tag, position, all) => all.indexOf(tag) === position);
  const categories = defect < 0.01 ? ['Workflows[120%]'] : [`${pick(categoryPool)}[100%]`];
  const frontmatter = [
    '---',
    `description: ${paragraph(1)}`,
    `tags: [${tags.map((tag) => `"${tag}"`).join(', ')}]`,
    ...(defect >= 0.01 && defect < 0.02 ? [] : ['audience: ["LLMs", "Humans"]']),
    `categories: [${categories.map((category) => `"${category}"`).join(', ')}]`,
    '---',
  ];

  const count = capsuleCount(index, seed);
  const lines = [...frontmatter, '', `# ${words[index % words.length]} practices, part ${index}`, '', paragraph(6), '', '## Context', '', paragraph(8), ''];
  if (varied) lines.push(...varied.contextBlocks());
  lines.push(
    `See [the related guide](${relativeTo(otherDocument())}) and [its checklist](${relativeTo(otherDocument())}#verification-checklist).`,
    '',
    '| Phase | Focus | Question |',
    '| --- | --- | --- |',
    ...Array.from({ length: 4 }, (_, row) => `| Step ${row + 1} | ${pick(words)} | ${pick(sentences)}? |`),
    '',
    '```bash',
    `grep -r "${pick(words)}" services/`,
    `kubectl get ${pick(words).toLowerCase()} --context main`,
    '```',
    '',
    ...(varied ? varied.codeBlocks() : []),
    '---',
    '',
  );

  const names = Array.from({ length: count }, (_, capsule) => capsuleName(index, capsule));
  for (const [capsule, name] of names.entries()) {
    const references = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
      if (next() < 0.03) return `${pick(words)}Missing${index}`;
      const target = otherDocument();
      return capsuleName(target, Math.floor(next() * capsuleCount(target, seed)));
    });
    lines.push(
      `### Capsule: ${name}`,
      '',
      '**Invariant**',
      `${pick(sentences)}; ${pick(sentences).toLowerCase()}.`,
      '',
      '**Example**',
      '',
      `- Good: "${pick(sentences)}"`,
      `- Bad: "${pick(sentences)}"`,
      '',
      varied ? varied.inline(paragraph(3)) : paragraph(3),
      ...(capsule % 3 === 0 ? ['', `//BOUNDARY: ${pick(sentences)}`] : []),
      '',
      '**Depth**',
      '',
      ...keys.slice(0, 3 + Math.floor(next() * 3)).map((key) => `- ${key}: ${paragraph(2)}`),
      ...(varied ? varied.nestedItems() : []),
      `- SeeAlso: ${references.join(', ')}`,
      '',
      ...(varied ? varied.capsuleExtras() : []),
      '---',
      '',
    );
  }
  lines.push('## Verification Checklist', '');
  for (const name of names.slice(0, 4)) lines.push(`- [ ] ${pick(sentences)} (${name})`);
  lines.push(`- [ ] ${pick(sentences)} (when appropriate)`, '');
  if (varied) lines.push(...varied.definitions());
  return lines.join('\n');
}

/**
 * The constructs of the `varied` flavour, each written into a share of the documents or
 * capsules: reference links in about a third of the documents, nested lists, quotes,
 * comments and images in a fifth to a quarter, the rest rarer, and a few per cent of
 * capsules with one of them. About one document in ten or twelve comes out holding none
 * of them, near the one in nine the quick parser takes whole among the Markdown files of a
 * `node_modules` folder.
 */
class VariedMarkdown {
  private readonly labels: string[] = [];

  constructor(
    private readonly next: () => number,
    private readonly index: number,
  ) {}

  private chance(share: number): boolean {
    return this.next() < share;
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** A reference to a link defined at the end of the document (`definitions`). */
  private reference(): string {
    const label = `${this.pick(words).toLowerCase()}-${this.index}-${this.labels.length}`;
    this.labels.push(label);
    return this.chance(0.3) ? `[${label}]` : `[the ${this.pick(words).toLowerCase()} notes][${label}]`;
  }

  /** Blocks for the context section: a quote, an image, a comment, a nested list. */
  contextBlocks(): string[] {
    const lines: string[] = [];
    if (this.chance(0.3)) lines.push(`Background is in ${this.reference()} and ${this.reference()}.`, '');
    if (this.chance(0.2)) lines.push(`> **Note:** ${this.pick(sentences)}.`, `> ${this.pick(sentences)} &mdash; keep it that way.`, '');
    if (this.chance(0.2)) lines.push(`![Diagram of the ${this.pick(words).toLowerCase()} flow](images/flow-${this.index}.png "The flow")`, '');
    if (this.chance(0.25)) lines.push(`<!-- Reviewed in the ${this.pick(words).toLowerCase()} review; update after the next one. -->`, '');
    if (this.chance(0.25)) {
      lines.push(
        `1. ${this.pick(sentences)}`,
        `   - ${this.pick(sentences)}`,
        `   - ${this.pick(sentences)}`,
        `2. ${this.pick(sentences)}`,
        '',
      );
    }
    if (this.chance(0.1)) lines.push(`Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop, then check the <abbr title="service level objective">SLO</abbr>.`, '');
    return lines;
  }

  /** A Makefile fragment indented with tabs, in some documents. */
  codeBlocks(): string[] {
    if (!this.chance(0.1)) return [];
    return ['```make', 'check:', '\tpnpm test', '\tpnpm lint', '```', ''];
  }

  /** A paragraph with the occasional escape, character reference, inline HTML or reference link. */
  inline(text: string): string {
    const roll = this.next();
    if (roll < 0.015) return `${text} Multiply by 2 \\* the replicas, not \\_all\\_ of them.`;
    if (roll < 0.03) return `${text} Budgets &amp; limits apply&nbsp;here &#8594; always.`;
    if (roll < 0.045) return `${text} Owners<br>review it<sup>1</sup>.`;
    if (roll < 0.06) return `${text} More in ${this.reference()}.`;
    return text;
  }

  /** A sub-list under a Depth item, in some capsules. */
  nestedItems(): string[] {
    if (!this.chance(0.03)) return [];
    return [`- Steps: ${this.pick(sentences)}`, `  - ${this.pick(sentences)}`, `  - ${this.pick(sentences)}`];
  }

  /** A quote or a comment after a capsule, in some capsules. */
  capsuleExtras(): string[] {
    const roll = this.next();
    if (roll < 0.01) return [`> ${this.pick(sentences)}.`, ''];
    if (roll < 0.02) return ['<!-- capsule reviewed -->', ''];
    if (roll < 0.03) return [`\t${this.pick(sentences).toLowerCase()}`, ''];
    return [];
  }

  /** The definitions of every reference written. */
  definitions(): string[] {
    if (this.labels.length === 0) return [];
    return ['', ...this.labels.map((label) => `[${label}]: https://handbook.example/${label} "${label}"`), ''];
  }
}

/** Write a corpus under `folder`, replacing whatever was there. */
export function writeCorpus(folder: string, shape: CorpusShape): void {
  rmSync(folder, { recursive: true, force: true });
  for (const [path, text] of generateCorpus(shape)) {
    const file = join(folder, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
