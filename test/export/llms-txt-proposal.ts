/**
 * A reader of llms.txt written to the proposal (llmstxt.org) as its reference tools read it,
 * sharing no code with the exporter: an H1 title, an optional `>` summary, free text, then
 * `##` sections whose list items are `[title](url)` with an optional `: description`. Like
 * those tools, it takes a title to end at the first `]` and a URL at the first `)`.
 */
export interface ProposalLink {
  title: string;
  url: string;
  description: string | undefined;
}

export interface ProposalFile {
  title: string;
  summary: string | undefined;
  sections: Map<string, ProposalLink[]>;
}

const linkItem = /^\s*-\s*\[([^\]]+)\]\(([^)]+)\)(?::\s*(.*))?$/;

export function readLlmsTxt(text: string): ProposalFile {
  const lines = text.split('\n');
  const heading = /^# (.+)$/.exec(lines[0] ?? '');
  if (!heading) throw new Error('llms.txt must open with an H1 title');
  const summaryLine = lines.slice(1).find((line) => line.trim() !== '');
  const sections = new Map<string, ProposalLink[]>();
  let current: ProposalLink[] | undefined;
  for (const line of lines) {
    const section = /^## (.+)$/.exec(line);
    if (section) {
      current = [];
      sections.set(section[1]!.trim(), current);
      continue;
    }
    if (!current || line.trim() === '') continue;
    const item = linkItem.exec(line);
    if (!item) throw new Error(`Not a link item: ${line}`);
    current.push({ title: item[1]!, url: item[2]!, description: item[3] });
  }
  return { title: heading[1]!, summary: summaryLine?.startsWith('> ') ? summaryLine.slice(2) : undefined, sections };
}
