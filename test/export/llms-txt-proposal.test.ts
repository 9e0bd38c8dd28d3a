/**
 * Our llms.txt read by a reader written to the proposal: every document and capsule comes
 * through as one link with its whole title and URL, whatever brackets or parentheses the
 * titles hold, and the title of the file is the home document's.
 */
import { KnowledgeGraph, readDocument } from '@capsule-docs/graph';
import { exportCorpus } from '@capsule-docs/export';
import { describe, expect, it } from 'vitest';
import { readLlmsTxt } from './llms-txt-proposal.js';

function graphOf(files: Record<string, string>): KnowledgeGraph {
  return new KnowledgeGraph({ documents: Object.entries(files).map(([path, text]) => readDocument(path, new TextEncoder().encode(text))) });
}

/** What a Markdown renderer shows for the text of one of our links. */
function shown(title: string): string {
  return title.replaceAll('&#93;', ']').replace(/\\(.)/g, '$1');
}

const graph = graphOf({
  'guide.md': '---\ndescription: The whole guide\n---\n# The [Team] Guide (draft]\n\n### Capsule: SmallSteps\n\n**Invariant**\nChange one thing at a time.\n',
  'notes/odd ] name.md': '# Notes ]] with \\ and [brackets]\n\nProse.\n',
  'plain.md': '# Plain\n\nProse.\n',
});

const { output } = await exportCorpus(graph, { format: 'llms-txt', rootName: 'content', home: 'guide.md' });

describe('llms.txt read as the proposal reads it', () => {
  const file = readLlmsTxt(output);

  it('takes its title and summary from the home document', () => {
    expect(shown(file.title)).toBe('The [Team] Guide (draft]');
    expect(file.summary).toBe('The whole guide');
  });

  it('reads every document and capsule as one link with its whole title', () => {
    const links = [...file.sections.values()].flat();
    expect(links.map((link) => shown(link.title)).sort()).toEqual(
      ['Notes ]] with \\ and [brackets]', 'Plain', 'SmallSteps', 'The [Team] Guide (draft]'].sort(),
    );
    for (const link of links) expect(link.url).not.toMatch(/[\s()]/);
    expect(links.find((link) => shown(link.title) === 'SmallSteps')?.description).toBe('Change one thing at a time.');
  });
});
