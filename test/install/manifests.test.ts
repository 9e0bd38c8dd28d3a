/**
 * Every package published from the workspace says what a registry and its users need to know: its license, the
 * Node versions it runs on, the files it ships, and typed entry points that exist in those
 * files (after `pnpm build`). The install test proves the tarballs work; this names the field
 * that is missing when they would not.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../cli/helpers.js';

interface Manifest {
  name: string;
  license?: string;
  dependencies?: Record<string, string>;
  engines?: { node?: string };
  files?: string[];
  exports?: Record<string, string | Record<string, string>>;
}

/** The packages published to the registry; a private one (the editor extension, shipped as a .vsix and checked by test/vscode) is not. */
const packages = readdirSync(join(repositoryRoot, 'packages')).filter((name) => {
  const path = join(repositoryRoot, 'packages', name, 'package.json');
  return existsSync(path) && !(JSON.parse(readFileSync(path, 'utf8')) as { private?: boolean }).private;
});
const rootEngines = (JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as Manifest).engines?.node;

/** The files an export target names, a `*` standing for any file name of the folder. */
function targets(folder: string, target: string): string[] {
  if (!target.includes('*')) return existsSync(join(folder, target)) ? [target] : [];
  const [before, after] = target.split('*') as [string, string];
  const directory = before.slice(0, before.lastIndexOf('/') + 1);
  const prefix = before.slice(directory.length);
  if (!existsSync(join(folder, directory))) return [];
  return readdirSync(join(folder, directory))
    .filter((name) => name.startsWith(prefix) && name.endsWith(after))
    .map((name) => `${directory}${name}`);
}

/** What a `files` entry ships: a path, or `folder/*\/name` for that name in each subfolder. */
function shipped(folder: string, entry: string): string[] {
  const perFolder = /^(.*)\/\*\/([^*]+)$/.exec(entry);
  if (!perFolder) return existsSync(join(folder, entry)) ? [entry] : [];
  const [, parent, name] = perFolder as unknown as [string, string, string];
  return readdirSync(join(folder, parent)).filter((child) => existsSync(join(folder, parent, child, name)));
}

describe.each(packages)('packages/%s/package.json', (name) => {
  const folder = join(repositoryRoot, 'packages', name);
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Manifest;

  it('has a license and the Node versions it runs on', () => {
    expect(manifest.license).toBe('MIT');
    expect(manifest.engines?.node).toBe(rootEngines ?? manifest.engines?.node);
    expect(manifest.engines?.node).toMatch(/^>=\d+/);
  });

  it('ships a files list whose every entry exists', () => {
    expect(manifest.files?.length).toBeGreaterThan(0);
    // A `!` entry leaves out a file the build makes: it names one that exists too.
    for (const entry of manifest.files!) expect(shipped(folder, entry.replace(/^!/, '')).length, entry).toBeGreaterThan(0);
  });

  it('exports typed entry points and schemas that exist in the files it ships', () => {
    const exports = manifest.exports ?? {};
    expect(Object.keys(exports)).toContain('.');
    expect(exports['./package.json']).toBe('./package.json');
    for (const [key, target] of Object.entries(exports)) {
      if (typeof target === 'string') {
        expect(targets(folder, target).length, `${key} -> ${target}`).toBeGreaterThan(0);
        continue;
      }
      // TypeScript reads the first condition that matches: `types` must come before `default`.
      const conditions = Object.keys(target);
      expect(conditions.indexOf('types'), key).toBeGreaterThanOrEqual(0);
      expect(conditions.indexOf('types'), key).toBeLessThan(conditions.indexOf('default'));
      for (const condition of ['types', 'default']) {
        const file = target[condition]!;
        expect(existsSync(join(folder, file)), `${key} ${condition} -> ${file}`).toBe(true);
        expect(manifest.files!.some((entry) => file.replace(/^\.\//, '').startsWith(`${entry}/`)), `${file} is in files`).toBe(true);
      }
    }
    // A package that ships schemas lets them be imported by name.
    if (manifest.files!.includes('schemas')) expect(Object.keys(exports).some((key) => key.startsWith('./schemas/')), 'schemas exported').toBe(true);
  });
});

// npm packs a manifest as it is: a `workspace:*` dependency would reach the tarball, and no npm
// install can read it. pnpm writes the versions in; npm is refused, told what works.
const fromWorkspace = packages.filter((name) => {
  const manifest = JSON.parse(readFileSync(join(repositoryRoot, 'packages', name, 'package.json'), 'utf8')) as Manifest;
  return Object.values(manifest.dependencies ?? {}).some((version) => version.startsWith('workspace:'));
});

describe.each(fromWorkspace)('packages/%s, which depends on packages of the workspace', (name) => {
  it('refuses `npm pack`, naming `pnpm pack`', () => {
    const result = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: join(repositoryRoot, 'packages', name), encoding: 'utf8', env: { ...process.env, npm_config_user_agent: '' } });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('pnpm pack');
  }, 60_000);
});
