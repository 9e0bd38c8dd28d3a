/**
 * How many documents the site counts before it builds (to decide whether the sidebar lists
 * them all): counted as the corpus is listed, so a symbolic link is one entry, never a folder
 * to walk into.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentSelection } from '@capsule-docs/graph';
import { countDocuments } from '../../site/src/corpus-settings.js';

const workspace = mkdtempSync(join(tmpdir(), 'capsule-document-count-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('the document count', () => {
  it('counts Markdown files, links to them included, and walks into no linked folder, a loop or the file system above', () => {
    const root = join(workspace, 'corpus');
    mkdirSync(join(root, 'docs'), { recursive: true });
    mkdirSync(join(root, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(root, 'a.md'), '# A\n');
    writeFileSync(join(root, 'docs', 'b.md'), '# B\n');
    writeFileSync(join(root, 'node_modules', 'pkg', 'README.md'), '# Installed\n');
    symlinkSync('a.md', join(root, 'c.md'));
    mkdirSync(join(workspace, 'outside'));
    writeFileSync(join(workspace, 'outside', 'x.md'), '# Outside\n');
    symlinkSync(join(workspace, 'outside'), join(root, 'elsewhere'));
    symlinkSync('..', join(root, 'docs', 'up'));
    expect(countDocuments(root)).toBe(3);
  });

  it('counts the documents the configuration selects, not every Markdown file of the repository around them', () => {
    const root = join(workspace, 'repository');
    mkdirSync(join(root, 'docs', 'ai-context'), { recursive: true });
    mkdirSync(join(root, 'kubernetes', 'apps'), { recursive: true });
    for (const name of ['ARCHITECTURE.md', 'WORKFLOWS.md', 'notes.txt']) writeFileSync(join(root, 'docs', 'ai-context', name), '# Doc\n');
    for (let index = 0; index < 5; index++) writeFileSync(join(root, 'kubernetes', 'apps', `app-${index}.md`), '# App\n');
    writeFileSync(join(root, 'AGENTS.md'), '# Agents\n');
    writeFileSync(join(root, 'docs', 'ai-context', 'draft.md'), '# Draft\n');
    expect(countDocuments(root)).toBe(9);
    expect(countDocuments(root, documentSelection({ include: ['docs/ai-context/**/*.md', 'AGENTS.md'], exclude: ['**/draft.md'] }))).toBe(3);
  });
});
