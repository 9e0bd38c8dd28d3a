/**
 * How much of a corpus the quick parser hands to micromark, and which constructs those
 * blocks hold: the figure that says where widening the quick parser pays. A block is counted
 * once under every construct it contains, so the rows add up to more than the blocks.
 */
import { quickParserFallbacks } from 'remark-capsules';
import { generateCorpus, type CorpusShape } from './generate.js';

/** Constructs the quick parser does not take, each recognised in a block's text. */
const constructs: readonly { name: string; pattern: RegExp }[] = [
  { name: 'reference definition', pattern: /^ {0,3}\[[^\]\n]+\]:/m },
  { name: 'reference link', pattern: /\]\[|(?<![\\!\]])\[(?![ xX]\])[^\]\n]+\](?![(:[])/ },
  { name: 'image', pattern: /!\[/ },
  { name: 'block quote', pattern: /^ {0,3}>/m },
  { name: 'nested list', pattern: /^ {2,}(?:[-*+]|\d{1,9}[.)]) /m },
  { name: 'HTML comment', pattern: /<!--/ },
  { name: 'inline HTML', pattern: /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?>/ },
  { name: 'backslash escape', pattern: /\\[!-/:-@[-`{-~]/ },
  { name: 'character reference', pattern: /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/ },
  { name: 'tab', pattern: /\t/ },
];

export interface FallbackReport {
  documents: number;
  /** Documents the quick parser took whole. */
  wholeDocuments: number;
  /** Blocks handed to micromark, and their share of the corpus's characters. */
  blocks: number;
  characterShare: number;
  /** Fallback blocks holding each construct; `other` for blocks holding none of them. */
  byConstruct: Record<string, number>;
}

export function fallbackReport(shape: CorpusShape): FallbackReport {
  const byConstruct: Record<string, number> = Object.fromEntries([...constructs.map(({ name }) => [name, 0]), ['other', 0]]);
  let documents = 0;
  let wholeDocuments = 0;
  let blocks = 0;
  let characters = 0;
  let fallbackCharacters = 0;
  for (const [, text] of generateCorpus(shape)) {
    documents++;
    characters += text.length;
    const fallbacks = quickParserFallbacks(text);
    if (fallbacks.length === 0) wholeDocuments++;
    for (const block of fallbacks) {
      blocks++;
      fallbackCharacters += block.length;
      const found = constructs.filter(({ pattern }) => pattern.test(block));
      for (const { name } of found) byConstruct[name]!++;
      if (found.length === 0) byConstruct['other']!++;
    }
  }
  return { documents, wholeDocuments, blocks, characterShare: characters === 0 ? 0 : fallbackCharacters / characters, byConstruct };
}

export function formatFallbacks(flavour: string, report: FallbackReport): string {
  const lines = [
    `Quick parser on the first ${report.documents} ${flavour} documents: ${report.wholeDocuments} taken whole, ` +
      `${report.blocks} blocks (${(report.characterShare * 100).toFixed(1)}% of the text) handed to micromark`,
    ...Object.entries(report.byConstruct)
      .filter(([, count]) => count > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([name, count]) => `  ${name.padEnd(22)} ${String(count).padStart(7)} blocks`),
  ];
  return `${lines.join('\n')}\n`;
}
