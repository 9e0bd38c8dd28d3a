/**
 * `capsule lsp` after an edit checks again only the documents whose findings the edit can
 * change (what it checked is logged with `CAPSULE_DEBUG`), and leaves the diagnostics of the
 * others as they were published. At start-up it shows what `capsule check` stored for the
 * very same corpus while it loads.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capsule, documentWith, project } from '../cli/helpers.js';
import { LanguageClient } from './client.js';

function corpus(): string {
  return project({
    'risks.md': documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]),
    'ideas.md': documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['RiskReview'] }]),
    'loose.md': documentWith('Loose', [{ name: 'LooseEnds', seeAlso: ['NothingHere'] }]),
    'plans.md': documentWith('Plans', [{ name: 'PlanAhead' }]),
  });
}

/** Wait for the next log line about a check, after `seen` lines. */
async function nextCheck(client: LanguageClient, seen: number): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const line = client.log.slice(seen).find((entry) => entry.startsWith('capsule: checked'));
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`No check was logged; log: ${client.log.join('\n')}\n${client.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('capsule lsp after an edit', () => {
  it('checks the edited document and those naming its capsules, and republishes no other', async () => {
    const folder = corpus();
    const client = await LanguageClient.start(folder, {}, undefined, { CAPSULE_DEBUG: '1' });
    await client.diagnosticsOf('loose.md', (list) => list.some((item) => item.code === 'see-also-resolves'));
    expect(await nextCheck(client, 0)).toMatch(/^capsule: checked 4 of 4 documents in \d+ ms \(heap \d+ MiB\): all$/);
    const looseBefore = client.published.filter((uri) => uri === client.uri('loose.md')).length;

    await client.open('ideas.md');
    const logged = client.log.length;
    const ideas = documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['RiskReview', 'NoSuchIdea'] }]);
    await client.change('ideas.md', ideas);
    await client.diagnosticsOf('ideas.md', (list) => list.some((item) => item.message.includes('NoSuchIdea')));
    // The edited document, and risks.md: its SeeAlso names the edited capsule, and the edited SeeAlso reaches it.
    expect(await nextCheck(client, logged)).toMatch(/^capsule: checked 2 of 4 documents in \d+ ms \(heap \d+ MiB\): ideas\.md, risks\.md$/);
    expect(client.published.filter((uri) => uri === client.uri('loose.md')).length).toBe(looseBefore);
    expect(client.diagnostics.get(client.uri('loose.md'))?.some((item) => item.code === 'see-also-resolves')).toBe(true);
  });

  it('still reports a reference another document lost when the capsule it named is renamed, and clears it when named back', async () => {
    const folder = corpus();
    const client = await LanguageClient.start(folder, {}, undefined, { CAPSULE_DEBUG: '1' });
    await client.diagnosticsOf('loose.md', (list) => list.length > 0);
    await client.open('ideas.md');
    const logged = client.log.length;
    await client.change('ideas.md', documentWith('Ideas', [{ name: 'IdeaCapturing', seeAlso: ['RiskReview'] }]));
    await client.diagnosticsOf('risks.md', (list) => list.some((item) => item.code === 'see-also-resolves' && item.message.includes('IdeaCapture')));
    expect(await nextCheck(client, logged)).not.toContain('plans.md');
    await client.change('ideas.md', documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['RiskReview'] }]));
    await client.diagnosticsOf('risks.md', (list) => list.length === 0);
  });
});

describe('capsule lsp at start-up', () => {
  it('shows the findings capsule check stored for the same corpus, and then checks only what the editor changes', async () => {
    const folder = corpus();
    expect(capsule(['check'], folder).status).toBe(1);
    const client = await LanguageClient.start(folder, {}, undefined, { CAPSULE_DEBUG: '1' });
    await client.diagnosticsOf('loose.md', (list) => list.some((item) => item.code === 'see-also-resolves'));
    expect(client.log).toContain('capsule: showing the findings capsule check stored for 4 documents');
    await client.open('ideas.md');
    await client.change('ideas.md', documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['RiskReview', 'NoSuchIdea'] }]));
    await client.diagnosticsOf('ideas.md', (list) => list.some((item) => item.message.includes('NoSuchIdea')));
    // The stored findings are those of these very files: the load checks none of them again.
    expect(await nextCheck(client, 0)).toMatch(/^capsule: checked 2 of 4 documents in \d+ ms \(heap \d+ MiB\): ideas\.md, risks\.md$/);
    expect(client.log.some((line) => line.endsWith(': all'))).toBe(false);
    expect(client.published.filter((uri) => uri === client.uri('loose.md'))).toHaveLength(1);
  });

  it('does not show stored findings once a file has changed since the check', async () => {
    const folder = corpus();
    expect(capsule(['check'], folder).status).toBe(1);
    appendFileSync(join(folder, 'plans.md'), '\nA sentence written after the check.\n');
    const client = await LanguageClient.start(folder, {}, undefined, { CAPSULE_DEBUG: '1' });
    await client.diagnosticsOf('loose.md', (list) => list.some((item) => item.code === 'see-also-resolves'));
    await nextCheck(client, 0);
    expect(client.log.some((line) => line.includes('stored'))).toBe(false);
  });
});
