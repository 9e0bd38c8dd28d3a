/**
 * Every rule against its fixtures (`ok-*` and `not-ok-*`, files or folders, next to the
 * rule) and the examples in its README, each expecting exactly the findings it lists; then
 * every case again on models with their positions stripped, where no rule may fail.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCapsuleDocument } from 'remark-capsules';
import { describe, expect, it } from 'vitest';
import { internalErrorId, lintGraph } from './host.js';
import { rules } from './rules/index.js';
import { caseGraph, caseSettings, caseSiteConfigs, readCase, stripPositions, type RuleCase } from './testing/cases.js';
import type { Rule, RuleSetting } from './types.js';

const rulesFolder = new URL('./rules/', import.meta.url).pathname;

/** Every rule off, so that a case sees only the rule under test. */
const allOff: Record<string, RuleSetting> = Object.fromEntries(rules.map((rule) => [rule.meta.id, 'off']));

/** Run one rule on a case; return its findings as `path line:col-line:col message-id`. */
async function findingsOf(rule: Rule, ruleCase: RuleCase): Promise<{ lines: string[]; messageIds: string[] }> {
  const { ruleOptions, lintOptions } = caseSettings(ruleCase);
  const severity = rule.meta.defaultSeverity === 'off' ? 'error' : rule.meta.defaultSeverity;
  const result = lintGraph(caseGraph(ruleCase, undefined, await caseSiteConfigs(ruleCase)), {
    ...lintOptions,
    rules: { ...allOff, [rule.meta.id]: [severity, ruleOptions] },
  });
  const messages = result.files.flatMap((file) => file.messages.map((message) => ({ file: file.path, message })));
  const internal = messages.filter(({ message }) => message.ruleId === internalErrorId);
  expect(internal.map(({ message }) => message.reason)).toEqual([]);
  const own = messages.filter(({ message }) => message.ruleId === rule.meta.id);
  return {
    lines: own
      .map(({ file, message }) => {
        const place = message.place!;
        const [start, end] = 'start' in place ? [place.start, place.end] : [place, place];
        return `${file} ${start.line}:${start.column}-${end.line}:${end.column} ${message.messageId}`;
      })
      .sort(),
    messageIds: own.map(({ message }) => message.messageId!),
  };
}

/**
 * The `markdown ok` and `markdown not-ok` examples of a rule's README, as cases. A block
 * marked `markdown at-<ref>` is the file as it was at that git ref, for the example after it;
 * `file=<name>` after `ok` or `not-ok` names the file, for rules that read the name. A block
 * marked `markdown beside file=<name>` is another document of the corpus for the example after
 * it, for rules that compare documents.
 */
function readmeCases(readme: string): { ok: RuleCase[]; notOk: RuleCase[] } {
  const cases = { ok: [] as RuleCase[], notOk: [] as RuleCase[] };
  let history: RuleCase['history'] = {};
  let beside: RuleCase['files'] = {};
  let index = 0;
  for (const node of parseCapsuleDocument(readme).tree.children) {
    if (node.type !== 'code' || node.lang !== 'markdown') continue;
    const atRef = /^at-(\S+)$/.exec(node.meta ?? '');
    if (atRef) {
      history = { [atRef[1]!]: { [`readme-${index + 1}.md`]: `${node.value}\n` } };
      continue;
    }
    const besideFile = /^beside\s+file=(\S+)$/.exec(node.meta ?? '');
    if (besideFile) {
      beside = { ...beside, [besideFile[1]!]: `${node.value}\n` };
      continue;
    }
    const [kind, ...settings] = (node.meta ?? '').split(/\s+/);
    if (kind !== 'ok' && kind !== 'not-ok') continue;
    const named = settings.map((setting) => /^file=(\S+)$/.exec(setting)?.[1]).find((found) => found !== undefined);
    const name = named ?? `readme-${index + 1}.md`;
    index++;
    (kind === 'ok' ? cases.ok : cases.notOk).push({ name, files: { ...beside, [name]: `${node.value}\n` }, history });
    history = {};
    beside = {};
  }
  return cases;
}

function fixtureCases(folder: string, prefix: string): RuleCase[] {
  return readdirSync(folder)
    .filter((entry) => entry.startsWith(prefix) && (entry.endsWith('.md') || !entry.includes('.')))
    .sort()
    .map((entry) => readCase(join(folder, entry)));
}

for (const rule of rules) {
  const id = rule.meta.id;
  const folder = join(rulesFolder, id);
  const readmePath = join(folder, 'README.md');
  const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : '';
  const okCases = fixtureCases(folder, 'ok-');
  const notOkCases = fixtureCases(folder, 'not-ok-');
  const examples = readmeCases(readme);

  describe(`rule ${id}`, () => {
    it('has a README with a passing and a failing example, and ok- and not-ok- fixtures', () => {
      expect(readme, `${id} has no README.md`).not.toBe('');
      expect(readme.startsWith(`# ${id}\n`), 'the README opens with the rule id as its title').toBe(true);
      expect(examples.ok.length, 'README examples marked `markdown ok`').toBeGreaterThan(0);
      expect(examples.notOk.length, 'README examples marked `markdown not-ok`').toBeGreaterThan(0);
      expect(okCases.length, 'ok-* fixtures').toBeGreaterThan(0);
      expect(notOkCases.length, 'not-ok-* fixtures').toBeGreaterThan(0);
    });

    it('documents every option in its README', () => {
      const options = Object.keys((rule.meta.optionsSchema as { properties?: object }).properties ?? {});
      for (const option of options) expect(readme, `option ${option}`).toContain(`\`${option}\``);
    });

    it('has well-formed metadata', () => {
      expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(rule.meta.docs.url).toBe(`packages/lint/src/rules/${id}/README.md`);
      expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    });

    for (const ruleCase of [...okCases, ...examples.ok]) {
      it(`reports nothing on ${ruleCase.name}`, async () => {
        expect((await findingsOf(rule, ruleCase)).lines).toEqual([]);
      });
    }

    for (const ruleCase of [...notOkCases, ...examples.notOk]) {
      it(`reports exactly the expected findings on ${ruleCase.name}`, async () => {
        const { expected } = caseSettings(ruleCase);
        expect(expected.length, 'a not-ok case lists its expected findings').toBeGreaterThan(0);
        const { lines, messageIds } = await findingsOf(rule, ruleCase);
        expect(lines).toEqual(expected);
        for (const messageId of messageIds) expect(Object.keys(rule.meta.messages)).toContain(messageId);
      });
    }

    it('has a not-ok case for every message it declares', () => {
      const declared = Object.keys(rule.meta.messages).sort();
      const covered = new Set<string>();
      for (const ruleCase of [...notOkCases, ...examples.notOk]) {
        for (const line of caseSettings(ruleCase).expected) covered.add(line.split(' ').at(-1)!);
      }
      expect(declared.filter((messageId) => !covered.has(messageId))).toEqual([]);
    });
  });
}

describe('every rule on models without positions', () => {
  const everyCase = rules.flatMap((rule) => {
    const folder = join(rulesFolder, rule.meta.id);
    return [...fixtureCases(folder, 'ok-'), ...fixtureCases(folder, 'not-ok-')].map((ruleCase) => ({ rule, ruleCase }));
  });
  const everyRuleOn = Object.fromEntries(rules.map((rule) => [rule.meta.id, 'error' as const]));

  for (const { rule, ruleCase } of everyCase) {
    it(`runs without failing on ${rule.meta.id}/${ruleCase.name}`, () => {
      const { lintOptions } = caseSettings(ruleCase);
      const result = lintGraph(caseGraph(ruleCase, stripPositions), { ...lintOptions, rules: everyRuleOn });
      const internal = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === internalErrorId);
      expect(internal.map((message) => message.reason)).toEqual([]);
      // The stripped models really are stripped: every capsule sits at the start of the file.
      for (const document of caseGraph(ruleCase, stripPositions).documents) {
        for (const capsule of document.model.capsules) expect(capsule.namePosition.start.offset).toBe(0);
      }
    });
  }
});
