/**
 * Hostile Markdown through the loader and the checker: every file ends with findings at
 * places inside it, none crashes, and line endings change no finding.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeGraph, loadCorpus, readDocument, type Corpus, type CorpusDocument } from '@capsule-docs/graph';
import { lintGraph } from '@capsule-docs/lint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedFixtures, hugeFileBytes, pathological, writeHostileCorpus, writeHugeFile } from './make-fixtures.js';
import { findingPlaceProblems } from './places.js';

const folder = mkdtempSync(join(tmpdir(), 'capsule-hostile-md-'));
let corpus: Corpus;
const documentAt = (path: string): CorpusDocument => corpus.documents.find((document) => document.path === path)!;
const parserFindings = (path: string) =>
  documentAt(path).messages.map((message) => `${message.ruleId} ${message.line}:${message.column}`);

beforeAll(async () => {
  await writeHostileCorpus(folder);
  corpus = await loadCorpus({ root: folder, threads: 0 });
}, 60_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the loader on hostile files', () => {
  it('turns files that are not Markdown text into one finding each', () => {
    expect(parserFindings('binary.md')).toEqual(['binary-file 1:1']);
    expect(parserFindings('nul-bytes.md')).toEqual(['binary-file 1:1']);
    expect(parserFindings('invalid-utf8.md')).toEqual(['invalid-encoding 1:1']);
    expect(parserFindings('many-capsules.md')).toEqual(['file-too-large 1:1']);
  });

  it('reads empty files, a lone byte order mark and unclosed frontmatter as documents, telling the frontmatter that never closes', () => {
    for (const path of ['empty.md', 'bom-only.md']) {
      expect(parserFindings(path)).toEqual([]);
      expect(documentAt(path).model.capsules).toEqual([]);
    }
    expect(parserFindings('unclosed-frontmatter.md')).toEqual(['frontmatter-unclosed 1:1']);
    expect(documentAt('unclosed-frontmatter.md').model.frontmatter).toBeUndefined();
    expect(documentAt('unclosed-frontmatter.md').model.capsules.map((capsule) => capsule.name)).toEqual(['UnclosedFrontmatter']);
  });

  it('refuses nesting ten thousand deep at the line that crosses the limit, without parsing', () => {
    expect(parserFindings('deep-list.md')).toEqual(['nesting-too-deep 3:201']);
    expect(parserFindings('deep-quote.md')).toEqual(['nesting-too-deep 3:201']);
    expect(parserFindings('deep-staircase.md')).toEqual(['nesting-too-deep 101:201']);
  });

  it('gives each YAML attack one finding at its key, alias or fence, in file coordinates', () => {
    expect(parserFindings('alias-bomb.md')).toEqual(['yaml-alias 4:8']);
    expect(parserFindings('recursive-alias.md')).toEqual(['yaml-alias 4:10']);
    expect(parserFindings('duplicate-key.md')).toEqual(['yaml-syntax 4:1']);
    expect(parserFindings('proto-keys.md')).toEqual(['yaml-key 3:1', 'yaml-key 4:1']);
    expect(parserFindings('deep-yaml.md')).toEqual(['yaml-depth 3:70']);
    expect(parserFindings('large-yaml.md')).toEqual(['frontmatter-too-large 1:1']);
    expect(parserFindings('large-toml.md')).toEqual(['frontmatter-too-large 1:1']);
  });

  it('parses or refuses every pathological input of the cmark suite, never failing inside', () => {
    for (const name of Object.keys(pathological)) {
      const findings = parserFindings(`pathological-${name}.md`);
      expect(findings.filter((finding) => !finding.startsWith('inline-too-complex')), name).toEqual([]);
    }
    // Two delimiter runs a repeat of `*a **a `: the 1,001st is the 501st repeat's `*`.
    expect(parserFindings('pathological-nested-strong-emphasis.md')).toEqual(['inline-too-complex 1:3501']);
  });

  it('refuses a 50 MB file from its size, before reading it', async () => {
    const huge = mkdtempSync(join(tmpdir(), 'capsule-huge-'));
    try {
      await writeHugeFile(join(huge, 'huge.md'), hugeFileBytes);
      const [document] = (await loadCorpus({ root: huge })).documents;
      expect(document?.messages.map((message) => [message.ruleId, message.reason])).toEqual([
        ['file-too-large', 'File is 50.0 MiB, over the 2.0 MiB limit; it was not read (raise `limits.maxFileBytes` in the configuration to check it)'],
      ]);
      const raised = await loadCorpus({ root: huge, limits: { maxFileBytes: 1024 } });
      expect(raised.documents[0]?.messages.map((message) => message.ruleId)).toEqual(['file-too-large']);
    } finally {
      rmSync(huge, { recursive: true, force: true });
    }
  });
});

describe('the checker on hostile files', () => {
  it('places every finding of every file inside that file', () => {
    const graph = new KnowledgeGraph({ documents: corpus.documents, files: corpus.files });
    const problems = lintGraph(graph).files.flatMap(({ path, messages }) =>
      findingPlaceProblems(graph.document(path)!.text, messages).map((problem) => `${path}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('gives the same findings at the same lines and columns for CRLF and lone CR as for LF', async () => {
    const generated = await generatedFixtures();
    const findings = (text: string) => {
      const graph = new KnowledgeGraph({ documents: [readDocument('doc.md', new TextEncoder().encode(text))] });
      return lintGraph(graph).files[0]!.messages.map((message) => {
        const place = message.place && 'start' in message.place ? message.place : undefined;
        return `${message.ruleId}/${message.messageId} ${place?.start.line}:${place?.start.column}-${place?.end.line}:${place?.end.column}`;
      });
    };
    const lf = findings(generated['line-endings-crlf.md']!.replace(/\r\n/g, '\n'));
    expect(lf.length).toBeGreaterThan(10);
    expect(findings(generated['line-endings-crlf.md']!)).toEqual(lf);
    expect(findings(generated['line-endings-cr.md']!)).toEqual(lf);
  });
});
