import { isAbsolute, relative, sep } from 'node:path';
/** What every reporter receives: the findings per file, and the rules that made them. */
import type { VFileMessage } from 'vfile-message';

/** A safe edit a rule attaches to its finding: replace `start`..`end` (file offsets) by `text`. */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

export type Level = 'error' | 'warning' | 'info';

export interface FileResult {
  /** The path as the graph knows it (relative to the corpus root, POSIX). */
  path: string;
  /** The path to show people: relative to the working directory. */
  displayPath: string;
  absolutePath: string;
  /** Sorted by place. */
  messages: VFileMessage[];
  /** The file's text, for formats that carry it. */
  source: string | undefined;
}

/** What a reporter may say about a rule, or about a finding that comes from reading a file. */
export interface RuleInfo {
  id: string;
  /** One line. */
  description: string;
  /** A paragraph: what the rule checks and why. */
  summary?: string;
  /** The rule's documentation as Markdown. */
  help?: string;
  /** An http(s) page of the documentation. */
  url: string | undefined;
  /** The level the rule reports at by default; `off` for a rule that runs only when configured. */
  defaultLevel?: Level | 'off';
}

export interface ReportInput {
  files: FileResult[];
  rules: RuleInfo[];
  /** Write ANSI colours. */
  color: boolean;
  toolVersion: string;
  /** The working directory, absolute. */
  cwd: string;
  /**
   * The checkout a GitHub Actions job runs in (`GITHUB_WORKSPACE`): annotations name files
   * from there, whichever folder the check ran in. For SARIF, elsewhere, the top of the git
   * repository holding the corpus, from which code scanning places files; for GitLab's Code
   * Quality and for JUnit, the project's checkout in a GitLab job (`CI_PROJECT_DIR`), else
   * that top too.
   */
  workspace?: string;
  /** An http(s) page about the tool, when its documentation's address is known. */
  informationUri?: string;
}

/** Turn results into the text written to standard output. */
export type Reporter = (input: ReportInput) => string;

/** vfile-message's three-valued `fatal`: true is an error, false a warning, unset is information. */
export function levelOf(message: VFileMessage): Level {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

/** The fix a rule attached to a finding, if it is well formed. */
export function fixOf(message: VFileMessage): Fix | undefined {
  const fix = (message as VFileMessage & { fix?: unknown }).fix as Partial<Fix> | undefined;
  if (!fix || typeof fix.start !== 'number' || typeof fix.end !== 'number' || typeof fix.text !== 'string') return undefined;
  return { start: fix.start, end: fix.end, text: fix.text };
}

/** The start and end of a finding's place (points carry no end). */
export function spanOf(message: VFileMessage): {
  line: number | undefined;
  column: number | undefined;
  endLine: number | undefined;
  endColumn: number | undefined;
} {
  const place = message.place;
  if (place && 'start' in place) {
    return { line: place.start.line, column: place.start.column, endLine: place.end.line, endColumn: place.end.column };
  }
  return { line: place?.line ?? message.line, column: place?.column ?? message.column, endLine: undefined, endColumn: undefined };
}

/** Count findings by level across results. */
export function countLevels(files: readonly FileResult[]): Record<Level, number> & { fixable: Record<Level, number> } {
  const counts = { error: 0, warning: 0, info: 0, fixable: { error: 0, warning: 0, info: 0 } };
  for (const file of files) {
    for (const message of file.messages) {
      const level = levelOf(message);
      counts[level]++;
      if (fixOf(message)) counts.fixable[level]++;
    }
  }
  return counts;
}

/**
 * The folder machine formats name files from, and each file's path from it: the checkout of a
 * GitHub Actions job (`GITHUB_WORKSPACE`) when the check ran inside it, since the runner and
 * code scanning place a finding by its path from there; otherwise the working directory.
 */
export function pathBase({ cwd, workspace }: ReportInput): { folder: string; pathOf: (file: FileResult) => string } {
  const cwdFromCheckout = workspace ? relative(workspace, cwd) : '..';
  if (!workspace || cwdFromCheckout.startsWith('..') || isAbsolute(cwdFromCheckout)) return { folder: cwd, pathOf: (file) => file.displayPath };
  return { folder: workspace, pathOf: (file) => relative(workspace, file.absolutePath).split(sep).join('/') };
}

/**
 * A file's path as a CI service places it (GitLab's Code Quality and test reports, JUnit
 * viewers): from the repository's top (`workspace`) whenever the file is inside it, wherever
 * the check ran from, since the service knows nothing of that folder; else as people are shown it.
 */
export function repositoryPath({ workspace }: ReportInput): (file: FileResult) => string {
  return (file) => {
    const inside = workspace === undefined ? '..' : relative(workspace, file.absolutePath);
    return inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside) ? file.displayPath : inside.split(sep).join('/');
  };
}
