/**
 * Build stamps: what identifies the code that produced a cached result. A release is
 * identified by its version and the versions of the dependencies installed beside it (a
 * newer parser underneath changes results too); a working copy also by the time of its last
 * build, so that a cache never serves results made by code that has since changed.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The stamp of the package whose `package.json` is at `packageJson`. */
export function buildStamp(packageJson: URL): string {
  const { name, version, dependencies } = JSON.parse(readFileSync(packageJson, 'utf8')) as {
    name: string;
    version: string;
    dependencies?: Record<string, string>;
  };
  const folder = dirname(fileURLToPath(packageJson));
  const installed = Object.keys(dependencies ?? {})
    .sort()
    .map((dependency) => `${dependency}@${installedVersion(folder, dependency) ?? dependencies![dependency]}`);
  let built = '';
  try {
    built = `+${statSync(new URL('tsconfig.tsbuildinfo', packageJson)).mtimeMs}`;
  } catch {
    // A published package has no build info: its version says it all.
  }
  return `${name}@${version}${built} (${installed.join(' ')})`;
}

/** The stamp of an installed package, found the way Node resolves it from here. */
export function dependencyStamp(name: string): string {
  const require = createRequire(import.meta.url);
  return buildStamp(pathToFileURL(require.resolve(`${name}/package.json`)));
}

/**
 * The version of `dependency` that Node would load from `folder`: the nearest
 * `node_modules/<dependency>` up the folders (read directly, as not every package lets its
 * `package.json` be resolved).
 */
function installedVersion(folder: string, dependency: string): string | undefined {
  for (let current = folder; ; current = dirname(current)) {
    const manifest = join(current, 'node_modules', dependency, 'package.json');
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
      } catch {
        return undefined;
      }
    }
    if (dirname(current) === current) return undefined;
  }
}
