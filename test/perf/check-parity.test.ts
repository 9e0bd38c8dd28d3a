import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadGraph } from '@capsule-docs/graph';
import { lintAnalyzer, lintGraph, type LintOptions, type LintResult } from '@capsule-docs/lint';
import { writeCorpus } from '../../bench/src/generate.js';

const content = fileURLToPath(new URL('../../content', import.meta.url));

/** A corpus with generated documents (broken references, frontmatter defects) and our own content. */
function corpus(): string {
  const root = mkdtempSync(join(tmpdir(), 'capsule-parity-'));
  writeCorpus(join(root, 'generated'), { docs: 12, seed: 3 });
  cpSync(content, join(root, 'content'), { recursive: true });
  writeFileSync(
    join(root, 'odd.md'),
    '---\naudience: [Human]\ncategories: ["Workflows[100]"]\n---\n# Odd\n\n### Capsule: odd_name\n\n**Example**\nfirst\n\n**Invariant**\nIn 2024 "this" (v1.2) changed.\n\n- SeeAlso: Nowhere\n<!-- capsule-disable-next-line see-also-resolves -->\n- [ ] cite (AlsoNowhere)\n',
  );
  return root;
}

const findings = (result: LintResult) =>
  result.files.map(({ path, messages }) => ({
    path,
    messages: messages.map((message) => [message.line, message.column, message.ruleId, message.messageId, message.fatal, message.reason]),
  }));

describe('document rules beside the parse', () => {
  const root = corpus();
  const options: LintOptions = { externalDocuments: ['ARCHITECTURE.md'] };

  it('give the same findings on worker threads, with summaries, as a plain in-thread run', async () => {
    const plain = lintGraph((await loadGraph({ root, threads: 0 })).graph, options);
    const analysed = await loadGraph({ root, threads: 2, summarize: true, analyzer: lintAnalyzer(options) });
    expect(analysed.corpus.stats.threads).toBe(2);
    expect(findings(lintGraph(analysed.graph, options))).toEqual(findings(plain));
    expect(findings(plain).flatMap((file) => file.messages).length).toBeGreaterThan(10);
  });

  it('give the same findings from the cache', async () => {
    const cache = { dir: mkdtempSync(join(tmpdir(), 'capsule-parity-cache-')) };
    const load = () => loadGraph({ root, threads: 0, summarize: true, analyzer: lintAnalyzer(options), cache });
    const cold = await load();
    const warm = await load();
    expect(warm.corpus.stats.parsed).toBe(0);
    expect(findings(lintGraph(warm.graph, options))).toEqual(findings(lintGraph(cold.graph, options)));
  });

  it('are cached per rule settings: other settings, other findings', async () => {
    const cache = { dir: mkdtempSync(join(tmpdir(), 'capsule-parity-cache-')) };
    const strict: LintOptions = { ...options, preset: 'strict' };
    await loadGraph({ root, summarize: true, analyzer: lintAnalyzer(options), cache });
    const reloaded = await loadGraph({ root, summarize: true, analyzer: lintAnalyzer(strict), cache });
    expect(reloaded.corpus.stats.cached).toBe(0);
    const plain = lintGraph((await loadGraph({ root })).graph, strict);
    expect(findings(lintGraph(reloaded.graph, strict))).toEqual(findings(plain));
  });
});
