/** `capsule lsp`: Depth keys in a Depth list, frontmatter keys and values from the document's schema. */
import { describe, expect, it } from 'vitest';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-protocol';
import { documentWith, project } from '../cli/helpers.js';
import { LanguageClient } from './client.js';

/** Ask for completion at the end of the first line that starts with `prefix`. */
async function completeAt(client: LanguageClient, path: string, text: string, prefix: string): Promise<CompletionItem[]> {
  const lines = text.split('\n');
  const line = lines.findIndex((candidate) => candidate.startsWith(prefix));
  if (line === -1) throw new Error(`no line starts with \`${prefix}\``);
  const items = await client.request<CompletionItem[] | null>('textDocument/completion', {
    textDocument: { uri: client.uri(path) },
    position: { line, character: lines[line]!.length },
  });
  return items ?? [];
}

const labels = (items: CompletionItem[]) => items.map((item) => item.label).sort();
const inserted = (items: CompletionItem[], label: string) => (items.find((item) => item.label === label)?.textEdit as TextEdit | undefined);

describe('capsule lsp authoring completion', () => {
  it('offers the Depth keys on a new bullet of a Depth list, replacing what is typed; not on a bullet of prose', async () => {
    const folder = project({ 'ideas.md': documentWith('Ideas', [{ name: 'IdeaCapture' }], { prose: 'Some words.\n\n- A plain point' }) });
    const client = await LanguageClient.start(folder);
    const text = documentWith('Ideas', [{ name: 'IdeaCapture', depth: ['Distinction: Small is not trivial', 'Tra'] }], { prose: 'Some words.\n\n- Pla' });
    await client.open('ideas.md', text);

    const depth = await completeAt(client, 'ideas.md', text, '- Tra');
    expect(labels(depth)).toEqual(expect.arrayContaining(['Distinction', 'NotThis', 'SeeAlso', 'Trade-off']));
    expect(inserted(depth, 'Trade-off')).toEqual({
      range: { start: { line: text.split('\n').indexOf('- Tra'), character: 2 }, end: { line: text.split('\n').indexOf('- Tra'), character: 5 } },
      newText: 'Trade-off: ',
    });
    expect(await completeAt(client, 'ideas.md', text, '- Pla')).toEqual([]);
  });

  it('offers the Depth keys the depth-list rule is configured with', async () => {
    const folder = project({
      'capsule.config.json': JSON.stringify({ rules: { 'depth-list': ['warn', { knownKeys: ['Why', 'Cost'], allowUnknownKeys: false }] } }),
      'ideas.md': documentWith('Ideas', [{ name: 'IdeaCapture', depth: ['Why: Undoing is cheap'] }]),
    });
    const client = await LanguageClient.start(folder);
    const text = documentWith('Ideas', [{ name: 'IdeaCapture', depth: ['Why: Undoing is cheap', 'C'] }]);
    await client.open('ideas.md', text);
    expect(labels(await completeAt(client, 'ideas.md', text, '- C'))).toEqual(['Cost', 'Why']);
  });

  it('offers the capsule schema\'s missing keys and its enum values in frontmatter, as a flow list or a block list', async () => {
    const folder = project({ 'ideas.md': documentWith('Ideas', [{ name: 'IdeaCapture' }]) });
    const client = await LanguageClient.start(folder);
    const front = (lines: string[]) => `---\ndescription: Where ideas are kept until they are reviewed\ntags: ["Ideas"]\n${lines.join('\n')}\n---\n# Ideas\n\n### Capsule: IdeaCapture\n\n**Invariant**\nAn idea is written down before it is discussed.\n`;

    const keys = front(['cat']);
    await client.open('ideas.md', keys);
    const offered = await completeAt(client, 'ideas.md', keys, 'cat');
    expect(labels(offered)).toEqual(['audience', 'categories']);
    expect(inserted(offered, 'categories')?.newText).toBe('categories: ');
    expect(offered.find((item) => item.label === 'audience')?.documentation).toBe('Who the document is written for.');

    const value = front(['audience: ']);
    await client.change('ideas.md', value);
    const values = await completeAt(client, 'ideas.md', value, 'audience:');
    expect(labels(values)).toEqual(['Humans', 'LLMs']);
    expect(inserted(values, 'LLMs')?.newText).toBe('[LLMs]');

    const flow = front(['audience: [Humans, L']);
    await client.change('ideas.md', flow);
    const inFlow = await completeAt(client, 'ideas.md', flow, 'audience:');
    expect(inserted(inFlow, 'LLMs')).toEqual({ range: { start: { line: 3, character: 19 }, end: { line: 3, character: 20 } }, newText: 'LLMs' });

    const block = front(['audience:', '  - Hu']);
    await client.change('ideas.md', block);
    expect(labels(await completeAt(client, 'ideas.md', block, '  - Hu'))).toEqual(['Humans', 'LLMs']);

    // Below the frontmatter, a line like a key is prose.
    const prose = `${front([])}\ncat\n`;
    await client.change('ideas.md', prose);
    expect(await completeAt(client, 'ideas.md', prose, 'cat')).toEqual([]);
  });

  it('offers the skill schema in a SKILL.md: its keys, not the capsule ones, and true or false for a boolean', async () => {
    const skill = '---\nname: note-taking\ndescription: Take notes of a meeting in the team\'s format\n---\n# Note taking\n\nWrite down decisions first.\n';
    const folder = project({ 'skills/note-taking/SKILL.md': skill });
    const client = await LanguageClient.start(folder);
    const keys = skill.replace('---\n#', '\n---\n#');
    await client.open('skills/note-taking/SKILL.md', keys);
    const lines = keys.split('\n');
    const empty = lines.indexOf('', 1);
    const offered = await client.request<CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri: client.uri('skills/note-taking/SKILL.md') },
      position: { line: empty, character: 0 },
    });
    expect(labels(offered ?? [])).toEqual(expect.arrayContaining(['allowed-tools', 'disable-model-invocation', 'license']));
    expect(labels(offered ?? [])).not.toContain('name');
    expect(labels(offered ?? [])).not.toContain('tags');

    const value = skill.replace('---\n#', 'user-invocable: \n---\n#');
    await client.change('skills/note-taking/SKILL.md', value);
    expect(labels(await completeAt(client, 'skills/note-taking/SKILL.md', value, 'user-invocable:'))).toEqual(['false', 'true']);
  });
});
