/**
 * Where a rule's documentation can be opened. The lint package names each rule's docs as a
 * path in this repository (`packages/lint/src/rules/<id>/README.md`) and ships those files,
 * so the installed copy is the page a reader of SARIF or JSON output can follow.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const packagePrefix = 'packages/lint/';
let packageRoot: string | null | undefined;

/** An absolute URI for a rule's docs, or `undefined` when there is none to give. */
export function ruleDocsUri(url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  if (!url.startsWith(packagePrefix)) return undefined;
  const folder = lintPackageRoot();
  if (!folder) return undefined;
  const file = join(folder, url.slice(packagePrefix.length));
  return existsSync(file) ? pathToFileURL(file).href : undefined;
}

function lintPackageRoot(): string | undefined {
  if (packageRoot === undefined) {
    try {
      // The package's entry is dist/index.js: its root is one folder up.
      packageRoot = dirname(dirname(createRequire(import.meta.url).resolve('@capsule-docs/lint')));
    } catch {
      packageRoot = null;
    }
  }
  return packageRoot ?? undefined;
}
