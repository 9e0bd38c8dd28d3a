/** Checks shared by the hostile tests: every place a finding or a model gives lies in its file. */
interface PointLike {
  line: number;
  column: number;
  offset?: number | undefined;
}

/** Start offsets of the lines of `text`; LF, CRLF and a lone CR end a line, as in CommonMark. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  return starts;
}

/** Why `point` cannot be in `text`, or undefined when it can (its offset, if given, agreeing). */
export function pointProblem(text: string, starts: number[], point: PointLike): string | undefined {
  const { line, column, offset } = point;
  if (!Number.isInteger(line) || line < 1 || line > starts.length) return `line ${line} is not one of the ${starts.length} lines`;
  const lineStart = starts[line - 1]!;
  const lineEnd = line < starts.length ? starts[line]! : text.length;
  if (!Number.isInteger(column) || column < 1 || lineStart + column - 1 > lineEnd) return `${line}:${column} is past the end of its line`;
  if (offset !== undefined && offset !== lineStart + column - 1) return `${line}:${column} is not offset ${offset}`;
  return undefined;
}

/** What a finding's place is checked from (a `VFileMessage` has it). */
export interface PlacedFinding {
  ruleId?: string | undefined;
  place?: PointLike | { start: PointLike; end: PointLike } | undefined;
}

/** Problems with the places of findings on `text` (the file without its byte order mark). */
export function findingPlaceProblems(text: string, messages: readonly PlacedFinding[]): string[] {
  const starts = lineStarts(text);
  const problems: string[] = [];
  for (const message of messages) {
    const place = message.place;
    if (!place) {
      problems.push(`${message.ruleId}: no place`);
      continue;
    }
    const points = 'start' in place ? [place.start, place.end] : [place];
    for (const point of points) {
      const problem = pointProblem(text, starts, point);
      if (problem) problems.push(`${message.ruleId}: ${problem}`);
    }
  }
  return problems;
}

/** Every point (`{ line, column }` object) under `value`, found without recursion. */
export function pointsIn(value: unknown): PointLike[] {
  const points: PointLike[] = [];
  const pending: unknown[] = [value];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    const record = next as Record<string, unknown>;
    if (typeof record['line'] === 'number' && typeof record['column'] === 'number') points.push(record as unknown as PointLike);
    for (const child of Object.values(record)) if (typeof child === 'object' && child !== null) pending.push(child);
  }
  return points;
}
