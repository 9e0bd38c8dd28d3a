/**
 * Where the reports of one `capsule check` go: the `--format` report to standard output or to
 * `--output-file`, and each `--report <format>=<file>` to its file. A CI job then shows people
 * the findings in its log and hands a service its machine report from one check, as
 * golangci-lint's `--output.<format>.path` and Vitest's `--outputFile.<reporter>` do, instead of
 * checking twice.
 */
import { resolve } from 'node:path';
import { UsageError } from './io.js';
import { realTarget } from './output-target.js';
import { refuseOutputFolder } from './report-file.js';
import { formatNames, type FormatName } from './reporters/index.js';

/** One report the check writes: `file` undefined for standard output. */
export interface ReportTarget {
  format: FormatName;
  file: string | undefined;
  /** How the command line named the file, for messages: `--output-file `, `--report sarif=`. */
  flag: string;
}

/**
 * The reports asked for, in the order given: the `--format` one first. Refused (exit 2) before
 * anything is checked: a `--report` that is not `<format>=<file>`, an unknown format, a file
 * that is a folder, and two reports to one file (by any spelling or symbolic link), where the
 * last written would silently replace the others.
 */
export function reportTargets(options: { format: string; outputFile?: string; report?: string[] }, cwd: string): ReportTarget[] {
  const targets: ReportTarget[] = [{ format: options.format as FormatName, file: options.outputFile, flag: '--output-file ' }];
  for (const value of options.report ?? []) targets.push(parseReport(value));
  const claimed = new Map<string, ReportTarget>();
  for (const target of targets) {
    if (target.file === undefined) continue;
    refuseOutputFolder(target.file, cwd, target.flag);
    const place = realTarget(resolve(cwd, target.file));
    const earlier = claimed.get(place);
    if (earlier) {
      throw new UsageError(
        `${earlier.flag}${earlier.file} and ${target.flag}${target.file} name one file; each report needs a file of its own`,
        'Give each report its own file name.',
      );
    }
    claimed.set(place, target);
  }
  return targets;
}

/** `sarif=reports/capsule.sarif` as a report target. */
function parseReport(value: string): ReportTarget {
  const split = value.indexOf('=');
  const format = split < 0 ? value : value.slice(0, split);
  const file = split < 0 ? '' : value.slice(split + 1);
  const known = `one of ${formatNames.join(', ')}`;
  if (!(formatNames as string[]).includes(format)) {
    throw new UsageError(`--report ${value}: \`${format}\` is not a format; use ${known}`, 'Write it as `--report <format>=<file>`, such as `--report sarif=capsule.sarif`.');
  }
  if (file === '') {
    throw new UsageError(`--report ${value} names no file; a report beside the first goes to a file of its own`, `Write it as \`--report ${format}=<file>\`.`);
  }
  return { format: format as FormatName, file, flag: `--report ${format}=` };
}
