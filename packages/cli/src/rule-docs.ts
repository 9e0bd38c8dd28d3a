/**
 * A rule's documentation for reporters: its Markdown as shipped with the lint package (each
 * rule's `README.md`, named by the rule as a path in this repository) and, when the address
 * the documentation is published under is known (`docsUrl`), the web page of that file.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const packagePrefix = 'packages/lint/';
let packageRoot: string | null | undefined;

export interface RuleDocs {
  /** The rule's README, when the installed package ships it. */
  markdown: string | undefined;
  /** An http(s) address of the page, when one is known. */
  url: string | undefined;
}

/** The documentation of the rule whose docs live at `docsPath` (a repository path or a URL). */
export function ruleDocs(docsPath: string, docsUrl: string | undefined): RuleDocs {
  return { markdown: shippedMarkdown(docsPath), url: webAddress(docsPath, docsUrl) };
}

function webAddress(docsPath: string, docsUrl: string | undefined): string | undefined {
  if (/^https?:/i.test(docsPath)) return docsPath;
  if (!docsUrl || !/^https?:/i.test(docsUrl)) return undefined;
  return new URL(docsPath, docsUrl.endsWith('/') ? docsUrl : `${docsUrl}/`).href;
}

function shippedMarkdown(docsPath: string): string | undefined {
  if (!docsPath.startsWith(packagePrefix)) return undefined;
  const folder = lintPackageRoot();
  if (!folder) return undefined;
  try {
    return readFileSync(join(folder, docsPath.slice(packagePrefix.length)), 'utf8');
  } catch {
    return undefined;
  }
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
