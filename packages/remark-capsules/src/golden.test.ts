/**
 * Golden pairs: each `__fixtures__/<name>.md` is parsed and compared with the model and
 * messages recorded in `<name>.json` beside it. The mdast `nodes` of parts are left out (they
 * are remark's output, and bulky); `undefined` is written as `null` so that every field of
 * the model shows in the file. Messages are recorded by rule id and place, not wording.
 *
 * Regenerate with `UPDATE_GOLDEN=1 pnpm vitest run packages/remark-capsules`, then read the
 * diff: a golden file that records a bug is worse than none.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCapsuleDocument } from './parse.js';

const fixtures = new URL('./__fixtures__/', import.meta.url);
const update = process.env.UPDATE_GOLDEN === '1';
const names = readdirSync(fixtures)
  .filter((file) => file.endsWith('.md'))
  .map((file) => file.slice(0, -'.md'.length))
  .sort();

/** The recorded form of one parse: plain JSON data, as the golden file holds it. */
function record(text: string, path: string): unknown {
  const { model, messages } = parseCapsuleDocument(text, path);
  const recorded = {
    model,
    messages: messages.map((message) => ({ ruleId: message.ruleId, place: message.place, fatal: message.fatal })),
  };
  return JSON.parse(JSON.stringify(recorded, (key, value: unknown) => (key === 'nodes' ? undefined : (value ?? null)))) as unknown;
}

/** Indented JSON with each point on one line, so that a reviewer reads places at a glance. */
function format(recorded: unknown): string {
  const points = /\{\n\s*"line": (\d+),\n\s*"column": (\d+),\n\s*"offset": (\d+)\n\s*\}/g;
  return `${JSON.stringify(recorded, null, 2).replace(points, '{ "line": $1, "column": $2, "offset": $3 }')}\n`;
}

/** Every place reduced to line and column, for comparing files that differ in line endings. */
function linesAndColumns(recorded: unknown): unknown {
  return JSON.parse(
    JSON.stringify(recorded, (key, value: unknown) => {
      if (key === 'offset') return undefined;
      // Text quoted as written keeps the file's own line endings.
      if (key === 'raw' && typeof value === 'string') return value.replace(/\r\n?/g, '\n');
      return value;
    }),
  ) as unknown;
}

describe('golden fixtures', () => {
  it('has fixtures to check', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  for (const name of names) {
    const markdown = new URL(`${name}.md`, fixtures);
    const golden = new URL(`${name}.json`, fixtures);

    it(`${name}.md reads as ${name}.json records`, () => {
      const actual = record(readFileSync(markdown, 'utf8'), `${name}.md`);
      if (update) writeFileSync(golden, format(actual));
      if (!existsSync(golden)) throw new Error(`${name}.json is missing: run with UPDATE_GOLDEN=1 and review it`);
      expect(actual).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    });

    it(`${name}.md reads at the same lines and columns with the other line endings`, () => {
      const text = readFileSync(markdown, 'utf8');
      const twin = text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text.replace(/\n/g, '\r\n');
      expect(linesAndColumns(record(twin, `${name}.md`))).toEqual(linesAndColumns(record(text, `${name}.md`)));
    });
  }
});
