/** `capsule lsp`: files moved in the editor take their links along (`workspace/willRenameFiles`), as `capsule mv` does. */
import { describe, expect, it } from 'vitest';
import type { InitializeResult, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { capsule, project, read } from '../cli/helpers.js';
import { LanguageClient } from './client.js';
import { referenceCorpus } from './corpus.js';

describe('capsule lsp moving files', () => {
  it('offers to be asked before a file moves', async () => {
    const client = LanguageClient.spawn(referenceCorpus());
    const result: InitializeResult = await client.initialize();
    expect(result.capabilities.workspace?.fileOperations?.willRename?.filters).toEqual([{ scheme: 'file', pattern: { glob: '**/*' } }]);
  });

  it('answers a move with the edits capsule mv makes, on the documents as they are before it', async () => {
    const folder = referenceCorpus();
    const client = await LanguageClient.start(folder);
    const edit = await client.request<WorkspaceEdit>('workspace/willRenameFiles', { files: [{ oldUri: client.uri('risks.md'), newUri: client.uri('handbook/risks.md') }] });
    const changes = edit.changes!;
    expect(Object.keys(changes).sort()).toEqual([client.uri('guides/release.md')]);
    expect(changes[client.uri('guides/release.md')]!.map((change) => change.newText)).toEqual(['../handbook/risks.md', '../handbook/risks.md']);

    const dryRun = capsule(['mv', 'risks.md', 'handbook/risks.md', '--dry-run'], folder);
    expect(dryRun.stdout).toContain(': 2 changes in 1 file (dry run');
    expect(read(folder, 'guides/release.md')).toContain('(in ../risks.md)');
  });

  it('plans several files moved together as one move, and leaves alone a file outside the workspace', async () => {
    const folder = referenceCorpus();
    const client = await LanguageClient.start(folder);
    const edit = await client.request<WorkspaceEdit>('workspace/willRenameFiles', {
      files: [
        { oldUri: client.uri('risks.md'), newUri: client.uri('archive/risks.md') },
        { oldUri: client.uri('guides/release.md'), newUri: client.uri('archive/release.md') },
      ],
    });
    // Both land in one folder: the release guide's links to the risks become `risks.md`, not a path to where it was.
    expect(edit.changes![client.uri('guides/release.md')]!.map((change) => change.newText)).toEqual(['risks.md', 'risks.md']);
    expect(await client.request('workspace/willRenameFiles', { files: [{ oldUri: 'file:///elsewhere/a.md', newUri: 'file:///elsewhere/b.md' }] })).toBeNull();
  });

  it("carries the edits to MkDocs's nav that capsule mv makes", async () => {
    const folder = project({ 'mkdocs.yml': 'site_name: Tools\nnav:\n  - Setup: guide/setup.md # first\n', 'docs/index.md': '# Tools\n', 'docs/guide/setup.md': '# Setup\n' });
    const client = await LanguageClient.start(folder);
    const edit = await client.request<WorkspaceEdit>('workspace/willRenameFiles', { files: [{ oldUri: client.uri('docs/guide'), newUri: client.uri('docs/manual') }] });
    expect(edit.changes).toEqual({
      [client.uri('mkdocs.yml')]: [{ range: { start: { line: 2, character: 11 }, end: { line: 2, character: 25 } }, newText: 'manual/setup.md' }],
    });
  });
});

