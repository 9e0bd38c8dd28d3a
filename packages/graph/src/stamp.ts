/**
 * Build stamps: what identifies the code that produced a cached result. A release is
 * identified by its version; a working copy also by the time of its last build, so that a
 * cache never serves results made by code that has since changed.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** The stamp of the package whose `package.json` is at `packageJson`. */
export function buildStamp(packageJson: URL): string {
  const { name, version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { name: string; version: string };
  try {
    return `${name}@${version}+${statSync(new URL('tsconfig.tsbuildinfo', packageJson)).mtimeMs}`;
  } catch {
    return `${name}@${version}`;
  }
}

/** The stamp of an installed package, found the way Node resolves it from here. */
export function dependencyStamp(name: string): string {
  const require = createRequire(import.meta.url);
  return buildStamp(pathToFileURL(require.resolve(`${name}/package.json`)));
}
