/**
 * A deterministic generator of realistic capsule corpora: the same `--docs N --seed S` always
 * writes the same bytes. Documents carry 5 to 10 capsules, prose, a table, code, links to
 * other documents and SeeAlso references that mostly resolve; a few per cent of references
 * are broken and a few documents have frontmatter defects, as in real repositories.
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

export interface CorpusShape {
  docs: number;
  seed: number;
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
export function* generateCorpus({ docs, seed }: CorpusShape): Generator<[string, string]> {
  for (let index = 0; index < docs; index++) yield [documentPath(index), generateDocument(index, { docs, seed })];
}

function generateDocument(index: number, { docs, seed }: CorpusShape): string {
  const next = random(seed * 1000003 + index);
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
      paragraph(3),
      ...(capsule % 3 === 0 ? ['', `//BOUNDARY: ${pick(sentences)}`] : []),
      '',
      '**Depth**',
      '',
      ...keys.slice(0, 3 + Math.floor(next() * 3)).map((key) => `- ${key}: ${paragraph(2)}`),
      `- SeeAlso: ${references.join(', ')}`,
      '',
      '---',
      '',
    );
  }
  lines.push('## Verification Checklist', '');
  for (const name of names.slice(0, 4)) lines.push(`- [ ] ${pick(sentences)} (${name})`);
  lines.push(`- [ ] ${pick(sentences)} (when appropriate)`, '');
  return lines.join('\n');
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
