/** The VS Code extension: built into a .vsix whose manifest starts the server for Markdown files. */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../cli/helpers.js';
import { unzip } from './zip.js';

const extension = join(repositoryRoot, 'packages/vscode');

describe('the VS Code extension package', () => {
  it('builds into a .vsix whose manifest activates on Markdown, sets the command and carries its bundled main file', { timeout: 180_000 }, () => {
    rmSync(join(extension, 'dist'), { recursive: true, force: true });
    execFileSync('pnpm', ['run', 'package'], { cwd: extension, stdio: 'pipe' });
    const files = unzip(readFileSync(join(extension, 'dist/capsule-vscode.vsix')));

    const manifest = JSON.parse(files.get('extension/package.json')!.toString('utf8'));
    expect(manifest.engines.vscode).toMatch(/^\^1\.\d+\.\d+$/);
    expect(manifest.activationEvents).toContain('onLanguage:markdown');
    expect(manifest.contributes.configuration.properties['capsule.command'].default).toEqual(['capsule']);
    expect(manifest.main).toBe('./dist/extension.js');

    // The main file is there, with the language client bundled in: only `vscode` is left to the editor.
    const main = files.get(`extension/${manifest.main.slice(2)}`)?.toString('utf8');
    expect(main).toBeDefined();
    expect(main).toContain('require("vscode")');
    expect(main).not.toMatch(/require\("vscode-languageclient/);
    expect(main).toContain('lsp');
    expect([...files.keys()].filter((name) => name.includes('node_modules') || name.endsWith('.ts'))).toEqual([]);
    expect(files.has('extension.vsixmanifest')).toBe(true);
  });
});
