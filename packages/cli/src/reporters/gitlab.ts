/**
 * GitLab Code Quality: the JSON array of issues (a subset of the Code Climate issue format)
 * that a job's `artifacts:reports:codequality` hands to GitLab, which shows them in the merge
 * request. Each issue has the fields GitLab reads: `description`, `check_name`, `fingerprint`,
 * `severity` and `location` (`path` from the top of the repository, `lines.begin`), and
 * `engine_name`, which the merge request shows beside each issue, as a pipeline's reports
 * from several tools are shown together.
 */
import { fingerprintsOf } from './fingerprint.js';
import { levelOf, repositoryPath, spanOf, type Level, type Reporter } from './types.js';

/**
 * GitLab's scale is `info`, `minor`, `major`, `critical`, `blocker`. An error, which fails the
 * check, is `major`; a warning `minor`; information stays `info`. `critical` and `blocker`
 * are left for what breaks a build or a release, which no finding about documentation does.
 */
const severities: Record<Level, string> = { error: 'major', warning: 'minor', info: 'info' };

export const gitlab: Reporter = (input) => {
  const pathOf = repositoryPath(input);
  const issues: string[] = [];
  for (const file of input.files) {
    if (file.messages.length === 0) continue;
    const path = pathOf(file);
    const fingerprints = fingerprintsOf(file, path);
    for (const [index, message] of file.messages.entries()) {
      const { line, endLine } = spanOf(message);
      const begin = line ?? 1;
      issues.push(
        JSON.stringify({
          type: 'issue',
          description: message.reason,
          check_name: message.ruleId ?? 'capsule',
          engine_name: 'capsule-docs',
          // Unique in the report: GitLab keeps one issue per fingerprint.
          fingerprint: fingerprints[index]!,
          severity: severities[levelOf(message)],
          location: { path, lines: { begin, end: Math.max(begin, endLine ?? begin) } },
        }),
      );
    }
  }
  // One issue a line keeps a report of many thousands readable, and the array whole.
  return issues.length === 0 ? '[]\n' : `[\n${issues.join(',\n')}\n]\n`;
};
