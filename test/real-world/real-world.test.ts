/**
 * Small repositories written here in the shapes public repositories give their capsule
 * documents (`docs/ai-context/`, `.claude/`, agent skill folders, a plugin tree), each
 * checked as a new user would check it: with only an `include` setting.
 *
 * Every finding is held to `expected-findings.txt`, where each line says why its maintainer
 * would act on it, so a finding that is not listed (a false one) fails the test as surely as
 * a listed one that goes missing. Two facts are also read from the files themselves, with
 * no help from the parser: every `Capsule:` heading is a capsule at its line, and every
 * reference the graph could not resolve is reported at its line, but for those of a writing
 * guide's sample capsules (under `## Example Capsules`) and of templates and exemplars, which
 * are not checked.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { capsule, repositoryRoot } from '../cli/helpers.js';

const fixtures = join(repositoryRoot, 'test/real-world');
const repositories = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const copies: string[] = [];
afterAll(() => {
  for (const folder of copies) rmSync(folder, { recursive: true, force: true });
});

/** A copy of the fixture repository, so the cache and any write land outside the checkout. */
function copyOf(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), `capsule-real-world-${name}-`));
  copies.push(folder);
  cpSync(join(fixtures, name), folder, { recursive: true });
  return folder;
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; line: number; column: number; message: string }[];
}

function findings(folder: string): string[] {
  const { stdout, stderr } = capsule(['check', '--format', 'json'], folder);
  expect(stderr).not.toMatch(/internal error|\n\s+at /);
  const results = JSON.parse(stdout) as JsonResult[];
  return results.flatMap((result) =>
    result.messages.map(
      (message) =>
        `${relative(folder, result.filePath)}:${message.line}:${message.column}  ${message.severity === 2 ? 'error' : message.severity === 1 ? 'warning' : 'info'}  ${message.ruleId}`,
    ),
  );
}

function relative(folder: string, path: string): string {
  return path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : path;
}

/** The expected lines, without their reasons and comments. */
function expectedFindings(name: string): string[] {
  return readFileSync(join(fixtures, name, 'expected-findings.txt'), 'utf8')
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split(/\s+/).join('  '));
}

/**
 * `path:line` of every capsule heading in the repository's Markdown files, read as plain
 * text (every fixture's `include` covers all of its Markdown files).
 */
function capsuleHeadings(folder: string): string[] {
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .sort();
  return files.flatMap((file) =>
    readFileSync(join(folder, file), 'utf8')
      .split('\n')
      .flatMap((line, index) => (/^#{1,6} Capsule: \w+\s*$/.test(line) ? [`${file}:${index + 1}`] : [])),
  );
}

/**
 * `path:line` of every line inside a section of sample capsules (`## Example Capsules`), and
 * of every line of a template or an exemplar (`*-template.md`, `exemplar.md`), read as plain
 * text: such samples cite an imagined corpus and are not checked.
 */
function sampleSectionLines(folder: string): Set<string> {
  const lines = new Set<string>();
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
  for (const file of files) {
    const wholeFile = /(?:^|[-_./])(?:template|exemplar)\.md$/i.test(file);
    let sampleDepth: number | undefined;
    readFileSync(join(folder, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        const heading = /^(#{1,6}) (.*)$/.exec(line);
        if (heading && sampleDepth !== undefined && heading[1]!.length <= sampleDepth) sampleDepth = undefined;
        if (heading && sampleDepth === undefined && /\b(?:example|sample)s? capsules?\b/i.test(heading[2]!)) sampleDepth = heading[1]!.length;
        if (wholeFile || sampleDepth !== undefined) lines.add(`${file}:${index + 1}`);
      });
  }
  return lines;
}

interface GraphJson {
  capsules: { name: string; document: string; line: number }[];
  edges: { status: string; document: string; line: number }[];
}

describe.each(repositories)('the %s repository', (name) => {
  const folder = copyOf(name);

  it('gets exactly the findings its maintainer would act on', () => {
    expect(findings(folder).sort()).toEqual(expectedFindings(name).sort());
  });

  it('finds every capsule at its line and reports every unresolved reference at its line', () => {
    const { stdout, status } = capsule(['graph', '--format', 'json'], folder);
    expect(status).toBe(0);
    const graph = JSON.parse(stdout) as GraphJson;
    const found = graph.capsules.map((node) => `${node.document}:${node.line}`).sort();
    const headings = capsuleHeadings(folder).sort();
    expect(headings.length).toBeGreaterThan(0);
    expect(found).toEqual(headings);

    const reported = new Set(findings(folder).map((finding) => finding.split(':').slice(0, 2).join(':')));
    const samples = sampleSectionLines(folder);
    const unresolved = graph.edges.filter(
      (edge) => (edge.status === 'unknown-name' || edge.status === 'missing-document') && !samples.has(`${edge.document}:${edge.line}`),
    );
    for (const edge of unresolved) expect(reported).toContain(`${edge.document}:${edge.line}`);
  });
});
