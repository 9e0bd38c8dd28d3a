/**
 * Every consumer reads the corpus the configuration names, through the graph package's
 * `resolveCorpus`: what `capsule check` checks is what `capsule graph` and `capsule export`
 * read, what `capsule mcp` serves and what the site publishes. A file the configuration
 * excludes is in none of them.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { loadGraph } from '@capsule-docs/graph';
import { afterEach, describe, expect, it } from 'vitest';
import { siteCorpus } from '../../site/src/corpus-settings.js';
import { capsule, capsuleBin, documentWith, findingsOf, project } from './helpers.js';

function configured(): string {
  return project({
    'capsule.config.json': JSON.stringify({ root: 'docs', exclude: ['drafts/**'] }),
    'docs/plans.md': documentWith('Plans', [{ name: 'PlanReview', seeAlso: ['MissingPlan'] }]),
    // Excluded: its broken reference must not be reported, nor its capsule published or served.
    'docs/drafts/idea.md': documentWith('Idea', [{ name: 'DraftIdea', seeAlso: ['MissingIdea'] }]),
  });
}

const savedEnvironment = { content: process.env['CAPSULE_CONTENT'], start: process.env['INIT_CWD'], config: process.env['CAPSULE_CONFIG'] };
afterEach(() => {
  for (const [name, value] of [['CAPSULE_CONTENT', savedEnvironment.content], ['INIT_CWD', savedEnvironment.start], ['CAPSULE_CONFIG', savedEnvironment.config]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** The corpus the site would publish with `CAPSULE_CONTENT` set to `content`, started from `start`. */
async function publishedDocuments(start: string, content: string): Promise<string[]> {
  process.env['INIT_CWD'] = start;
  process.env['CAPSULE_CONTENT'] = content;
  delete process.env['CAPSULE_CONFIG'];
  const { graph } = await loadGraph(siteCorpus().load);
  return graph.documents.map((document) => document.path);
}

async function servedDocuments(folder: string): Promise<string[]> {
  const client = new Client({ name: 'capsule-docs-test', version: '0.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [capsuleBin, 'mcp'], cwd: folder, stderr: 'ignore' }));
  try {
    const { resources } = await client.listResources();
    return resources.map((resource) => resource.uri).filter((uri) => uri.startsWith('capsule-doc://')).map((uri) => uri.slice('capsule-doc://'.length));
  } finally {
    await client.close();
  }
}

describe('one corpus for every consumer', { timeout: 60_000 }, () => {
  it('leaves an excluded file out of the check, the graph, the MCP server and the site alike', async () => {
    const folder = configured();
    const checked = capsule(['check', '--format', 'json', '--no-cache'], folder);
    expect(findingsOf(checked.stdout, folder).filter((finding) => finding.includes('see-also-resolves'))).toEqual([
      expect.stringMatching(/^docs\/plans\.md \d+:\d+ see-also-resolves error$/),
    ]);
    const graphed = (JSON.parse(capsule(['graph', '--no-cache'], folder).stdout) as { documents: { path: string }[] }).documents.map((document) => document.path);
    expect(graphed).toEqual(['plans.md']);
    expect(await servedDocuments(folder)).toEqual(graphed);
    // The site started in the repository, in its root folder, or named the corpus root itself.
    expect(await publishedDocuments(folder, '.')).toEqual(graphed);
    expect(await publishedDocuments(folder, 'docs')).toEqual(graphed);
  });

  it('publishes a folder beside the configured root as a corpus of its own, as `capsule graph <folder>` reads it', async () => {
    const folder = configured();
    const beside = project({ 'notes.md': documentWith('Notes', [{ name: 'LooseNote' }]) });
    const graphed = (JSON.parse(capsule(['graph', '--no-cache', beside], folder).stdout) as { documents: { path: string }[] }).documents;
    expect(graphed.map((document) => document.path)).toEqual(['notes.md']);
    expect(await publishedDocuments(folder, beside)).toEqual(['notes.md']);
  });

  it('refuses a content folder that does not exist rather than publishing the corpus a configuration above it names', async () => {
    const folder = configured();
    await expect(publishedDocuments(folder, 'dcos')).rejects.toThrow(/CAPSULE_CONTENT names .*dcos, which is not a folder/);
  });

  it('refuses to publish part of a configured corpus, naming the root to give instead', async () => {
    const folder = configured();
    await expect(publishedDocuments(folder, 'docs/drafts')).rejects.toThrow(/a folder inside the configured corpus .*docs$/);
  });
});
