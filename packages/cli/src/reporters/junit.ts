/**
 * JUnit XML, the test report CI services show (GitLab's `artifacts:reports:junit`, Jenkins'
 * `junit` step, Azure Pipelines, CircleCI): one `<testsuite>` per reported document, named by
 * its path from the top of the repository, and in it one `<testcase>` per finding, failed for
 * an error or a warning and passed, with the note as its output, for information. A document
 * with no finding is one passing test case, so a clean run still names every document checked.
 *
 * A test case's name is its rule and message, not its line: CI services tell a new failure
 * from one already there by the test's name, and a line number would make every finding
 * below an edit new. The place is in the failure (`file:line:column`) and the `line` attribute.
 */
import { extname } from 'node:path';
import { xmlAttribute, xmlText } from '@capsule-docs/export';
import { levelOf, repositoryPath, spanOf, type Level, type Reporter } from './types.js';

const levelWords: Record<Level, string> = { error: 'error', warning: 'warning', info: 'info' };

export const junit: Reporter = (input) => {
  const pathOf = repositoryPath(input);
  const pages = new Map(input.rules.flatMap((rule) => (rule.url ? [[rule.id, rule.url] as const] : [])));
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of input.files) {
    const path = pathOf(file);
    const classname = xmlAttribute(withoutExtension(path));
    const cases: string[] = [];
    let failed = 0;
    const seen = new Map<string, number>();
    for (const message of file.messages) {
      const { line, column } = spanOf(message);
      const level = levelOf(message);
      const rule = message.ruleId ?? 'capsule';
      const title = `${rule}: ${oneLine(message.reason)}`;
      // Two findings alike in one document stay two test cases: services keep one per name.
      const occurrence = (seen.get(title) ?? 0) + 1;
      seen.set(title, occurrence);
      const name = occurrence === 1 ? title : `${title} (${occurrence})`;
      const place = `${path}:${line ?? 1}:${column ?? 1}`;
      const page = pages.get(rule);
      const said = `${place}: ${levelWords[level]}: ${message.reason} (${rule})${page ? `\nRule documentation: ${page}` : ''}`;
      const opening = `    <testcase classname="${classname}" name="${xmlAttribute(name)}" file="${xmlAttribute(path)}"${line === undefined ? '' : ` line="${line}"`} time="0">`;
      if (level === 'info') {
        cases.push(`${opening}\n      <system-out>${xmlText(said)}</system-out>\n    </testcase>`);
      } else {
        failed++;
        cases.push(`${opening}\n      <failure message="${xmlAttribute(`${place}: ${message.reason}`)}" type="${xmlAttribute(rule)}">${xmlText(said)}</failure>\n    </testcase>`);
      }
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${classname}" name="no findings" file="${xmlAttribute(path)}" time="0"/>`);
    tests += cases.length;
    failures += failed;
    suites.push(
      `  <testsuite name="${xmlAttribute(path)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const head = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="capsule check" tests="${tests}" failures="${failures}" errors="0" time="0">`;
  return suites.length === 0 ? `${head}\n</testsuites>\n` : `${head}\n${suites.join('\n')}\n</testsuites>\n`;
};

/**
 * The class a test case belongs to: the document's path without its extension, since Jenkins
 * reads the last `.` of a class name as the start of the class (`docs/guide.md` would be the
 * class `md` of the package `docs/guide`).
 */
function withoutExtension(path: string): string {
  const extension = extname(path);
  return extension === '' ? path : path.slice(0, -extension.length);
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
