import { KnowledgeGraph, readDocument } from '@capsule-docs/graph';
import { describe, expect, it } from 'vitest';
import type { VFileMessage } from 'vfile-message';
import { applyFixes } from './fix.js';
import { internalErrorId, lintGraph, lintGraphWith, lintSource, runDocumentRules, type LintOptions } from './host.js';
import { rules } from './rules/index.js';
import { configureRules, LintSettingsError, presets, validateRuleSettings, type ConfiguredRule } from './settings.js';
import type { Rule, RuleContext } from './types.js';

function graphOf(texts: Record<string, string>): KnowledgeGraph {
  const encoder = new TextEncoder();
  return new KnowledgeGraph({ documents: Object.entries(texts).map(([path, text]) => readDocument(path, encoder.encode(text))) });
}

/** A rule for host tests: reports what `check` says, with one message template. */
function testRule(id: string, check: (context: RuleContext) => void): Rule {
  return {
    meta: {
      id,
      description: 'A rule for host tests',
      defaultSeverity: 'error',
      optionsSchema: { type: 'object' },
      defaultOptions: {},
      messages: { found: 'Found {what}' },
      fixable: false,
      scope: 'corpus',
      docs: { url: `packages/lint/src/rules/${id}/README.md`, summary: 'Test rule.' },
    },
    check,
  };
}

function configured(rule: Rule, severity: ConfiguredRule['severity'] = 'error'): ConfiguredRule {
  return { rule, severity, options: {} };
}

/** Reports `found` at the start of every document's first capsule name. */
const reportsCapsules = testRule('reports-capsules', (context) => {
  for (const capsule of context.document.model.capsules) {
    context.report({ messageId: 'found', data: { what: capsule.name }, place: capsule.namePosition });
  }
});

const allOff = Object.fromEntries(rules.map((rule) => [rule.meta.id, 'off' as const]));

const summary = (messages: VFileMessage[]) => messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.messageId}`);

describe('the host distrusts its rules', () => {
  const graph = graphOf({ 'a.md': '### Capsule: Alpha\n', 'b.md': '### Capsule: Beta\n' });

  it('turns a throwing rule into one internal-error per file while other rules and files run', () => {
    const throws = testRule('throws', (context) => {
      context.report({ messageId: 'found', data: { what: 'something' }, place: { line: 1, column: 1, offset: 0 } });
      if (context.document.path === 'a.md') throw new Error('boom');
    });
    const result = lintGraphWith(graph, [configured(throws), configured(reportsCapsules)]);
    const [a, b] = result.files;
    expect(summary(a!.messages)).toEqual(['1:1 internal-error internal-error', '1:14 reports-capsules found']);
    expect(a!.messages[0]!.fatal).toBe(true);
    expect(a!.messages[0]!.data).toEqual({ rule: 'throws', problem: 'it threw: boom' });
    expect(summary(b!.messages)).toEqual(['1:1 throws found', '1:14 reports-capsules found']);
  });

  it('turns impossible places into one internal-error and keeps the rule’s valid findings', () => {
    const outside = testRule('outside', (context) => {
      context.report({ messageId: 'found', data: { what: 'fine' }, place: { line: 1, column: 1, offset: 0 } });
      context.report({ messageId: 'found', data: { what: 'far' }, place: { line: 40, column: 1 } });
      context.report({ messageId: 'found', data: { what: 'wide' }, place: { line: 1, column: 80 } });
    });
    const result = lintGraphWith(graph, [configured(outside), configured(reportsCapsules)], { report: ['a.md'] });
    const messages = result.files[0]!.messages;
    expect(summary(messages)).toEqual(['1:1 internal-error internal-error', '1:1 outside found', '1:14 reports-capsules found']);
    expect(String(messages[0]!.data?.['problem'])).toContain('40:1 lies outside the file');
  });

  it.each([
    ['an offset that disagrees with the line and column', { place: { line: 1, column: 3, offset: 0 } }, 'has offset 0'],
    ['a place that ends before it starts', { place: { start: { line: 1, column: 5, offset: 4 }, end: { line: 1, column: 2, offset: 1 } } }, 'ends'],
    ['an undeclared message id', { messageId: 'nope' }, 'does not declare'],
    ['a template placeholder without data', { data: {} }, 'needs `what`'],
    ['a fix outside the file', { fix: { start: 0, end: 999, text: '' } }, 'outside this file'],
    ['a cause in a file outside the corpus', { cause: { file: 'zzz.md', place: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, reason: 'x' } }, 'not in the corpus'],
  ])('reports %s as an internal error', (_, override, problem) => {
    const faulty = testRule('faulty', (context) =>
      context.report({ messageId: 'found', data: { what: 'x' }, place: { line: 1, column: 1, offset: 0 }, ...override }),
    );
    const messages = lintGraphWith(graph, [configured(faulty)], { report: ['a.md'] }).files[0]!.messages;
    expect(messages.map((message) => message.ruleId)).toEqual([internalErrorId]);
    expect(String(messages[0]!.data?.['problem'])).toContain(problem);
  });
});

describe('findings', () => {
  const graph = graphOf({ 'b.md': '### Capsule: Beta\n\n### Capsule: Alpha\n', 'a.md': '### Capsule: Alpha\n' });

  it('carry the rule id, source, docs URL, file, message id and data', () => {
    const message = lintGraphWith(graph, [configured(reportsCapsules)]).files[0]!.messages[0]!;
    expect(message).toMatchObject({
      ruleId: 'reports-capsules',
      source: lintSource,
      url: 'packages/lint/src/rules/reports-capsules/README.md',
      file: 'a.md',
      messageId: 'found',
      data: { what: 'Alpha' },
      reason: 'Found Alpha',
      line: 1,
      column: 14,
    });
    expect(message.place).toEqual({ start: { line: 1, column: 14, offset: 13 }, end: { line: 1, column: 19, offset: 18 } });
  });

  it('quote a value of the document at most 300 characters long: its start and end, and how much is left out between', () => {
    const target = `${'a/'.repeat(50_000)}end.md`;
    const rule = testRule('reports-a-path', (context) => {
      context.report({ messageId: 'found', data: { what: target }, place: context.document.model.title!.position });
    });
    const emoji = `${'\u{1F600}'.repeat(200)}`;
    const emojiRule = testRule('reports-emoji', (context) => {
      context.report({ messageId: 'found', data: { what: emoji }, place: context.document.model.title!.position });
    });
    const withTitle = graphOf({ 'a.md': '# Title\n' });
    const [long, emojis] = [rule, emojiRule].map((each) => lintGraphWith(withTitle, [configured(each)]).files[0]!.messages[0]!);
    expect(long.reason).toBe(`Found ${'a/'.repeat(110)}…[99726 characters]…${'a/'.repeat(27)}end.md`);
    // The data keeps the whole value, for tools that read it.
    expect(long.data).toEqual({ what: target });
    // Never half of an emoji at either cut.
    expect(emojis.reason).toBe(`Found ${'\u{1F600}'.repeat(110)}…[60 characters]…${'\u{1F600}'.repeat(30)}`);
    expect(lintGraphWith(withTitle, [configured(testRule('reports-short', (context) => {
      context.report({ messageId: 'found', data: { what: 'x'.repeat(300) }, place: context.document.model.title!.position });
    }))]).files[0]!.messages[0]!.reason).toBe(`Found ${'x'.repeat(300)}`);
  });

  it('map severities to fatal: error true, warn false, info undefined', () => {
    for (const [severity, fatal] of [['error', true], ['warn', false], ['info', undefined]] as const) {
      const message = lintGraphWith(graph, [configured(reportsCapsules, severity)]).files[0]!.messages[0]!;
      expect(message.fatal).toBe(fatal);
    }
  });

  it('are never weighted above a severity cap, nor raised to it', () => {
    const capped = testRule('capped', (context) =>
      context.report({ messageId: 'found', data: { what: 'x' }, place: { line: 1, column: 1, offset: 0 }, severityCap: 'warn' }),
    );
    expect(lintGraphWith(graph, [configured(capped, 'error')]).files[0]!.messages[0]!.fatal).toBe(false);
    expect(lintGraphWith(graph, [configured(capped, 'info')]).files[0]!.messages[0]!.fatal).toBeUndefined();
  });

  it('come sorted: files by path, messages by line, column and rule id', () => {
    const result = lintGraphWith(graph, [configured(reportsCapsules), configured(testRule('also', reportsCapsules.check))]);
    expect(result.files.map((file) => file.path)).toEqual(['a.md', 'b.md']);
    expect(summary(result.files[1]!.messages)).toEqual(['1:14 also found', '1:14 reports-capsules found', '3:14 also found', '3:14 reports-capsules found']);
  });

  it('are made only for the documents in the report set, each listed even when clean', () => {
    const clean = graphOf({ 'a.md': '# Nothing\n', 'b.md': '### Capsule: Beta\n', 'c.md': '### Capsule: Gamma\n' });
    const result = lintGraphWith(clean, [configured(reportsCapsules)], { report: ['a.md', 'b.md', 'missing.md'] });
    expect(result.files.map((file) => [file.path, file.messages.length])).toEqual([
      ['a.md', 0],
      ['b.md', 1],
    ]);
  });

  it('include the parser’s own messages about each file, as errors', () => {
    const broken = graphOf({ 'a.md': '---\ntags: [unclosed\n---\n# Title\n' });
    const messages = lintGraphWith(broken, []).files[0]!.messages;
    expect(messages.map((message) => [message.ruleId, message.fatal, message.file])).toEqual([['yaml-syntax', true, 'a.md']]);
  });

  it('leave out what a test input’s frontmatter says wrong on purpose, and keep what could not be read', () => {
    const encoder = new TextEncoder();
    const read = (path: string, text: string) => readDocument(path, encoder.encode(text));
    const inputs = new KnowledgeGraph({
      documents: [
        // A formatter's inputs beside their snapshots, and a fixture.
        read('tests/format/yaml/list.md', '---\n- a\n- b\n---\n# List\n'),
        read('tests/format/yaml/broken.md', '---\ntags: [unclosed\n---\n# Broken\n'),
        read('src/__fixtures__/unclosed.md', '---\ntitle: Never closed\n# Unclosed\n'),
        // Beside snapshots but in no folder of tests: a page like any other.
        read('components/card/list.md', '---\n- a\n---\n# Card\n'),
        read('tests/format/huge/deep.md', `---\nkey: ${'['.repeat(200)}${']'.repeat(200)}\n---\n# Deep\n`),
      ],
      files: ['tests/format/yaml/__snapshots__/format.test.js.snap', 'components/card/__snapshots__/card.test.js.snap', 'tests/format/huge/__snapshots__/format.test.js.snap'],
    });
    const found = lintGraphWith(inputs, []).files.map((file) => [file.path, file.messages.map((message) => message.ruleId)]);
    expect(found).toEqual([
      ['components/card/list.md', ['frontmatter-not-mapping']],
      ['src/__fixtures__/unclosed.md', []],
      ['tests/format/huge/deep.md', ['yaml-depth']],
      ['tests/format/yaml/broken.md', []],
      ['tests/format/yaml/list.md', []],
    ]);
  });

  it('point their cause at the related place: the first of two duplicates', () => {
    const result = lintGraph(graph, { rules: { 'orphan-capsule': 'off' } });
    const duplicate = result.files[1]!.messages.find((message) => message.ruleId === 'duplicate-capsule')!;
    const cause = duplicate.cause as VFileMessage;
    expect(cause.file).toBe('a.md');
    expect(cause.place).toEqual({ start: { line: 1, column: 14, offset: 13 }, end: { line: 1, column: 19, offset: 18 } });
  });
});

describe('document rules', () => {
  it('read a graph of their document alone, with its edges, when they ask for one', () => {
    const document = readDocument('a.md', new TextEncoder().encode('### Capsule: Alpha\n\nSee [Beta](b.md) and Gamma.\n\n**SeeAlso**\n- Alpha\n'));
    const seen: string[] = [];
    const readsGraph = testRule('reads-graph', (context) => {
      seen.push(context.graph.documents.map((each) => each.path).join(), context.edges.map((edge) => `${edge.kind}:${edge.target}`).join());
      // The same graph each time it is read.
      expect(context.graph).toBe(context.graph);
      expect(context.edges).toBe(context.edges);
    });
    readsGraph.meta.scope = 'document';
    const noGraph = testRule('no-graph', (context) => {
      for (const capsule of context.document.model.capsules) context.report({ messageId: 'found', data: { what: capsule.name }, place: capsule.namePosition });
    });
    noGraph.meta.scope = 'document';
    const settings = { externalDocuments: [], frontmatterSchema: undefined, frontmatterSchemas: [], git: undefined, gitRef: 'HEAD' };
    expect(summary(runDocumentRules(document, [configured(noGraph), configured(readsGraph)], settings))).toEqual(['1:14 no-graph found']);
    expect(seen).toEqual(['a.md', 'see-also:Alpha,links-to:b.md']);
  });
});

describe('a disable comment that turns nothing off', () => {
  const other = testRule('other', reportsCapsules.check);
  const lintText = (body: string, options: LintOptions = {}, rules = [configured(reportsCapsules), configured(other)]) =>
    lintGraphWith(graphOf({ 'a.md': body }), rules, options).files[0]!.messages;
  const unused = (messages: VFileMessage[]) => messages.filter((message) => message.ruleId === 'unused-disable');

  it('is a warning at the rule id, whose fix takes the comment and its line away', () => {
    const body = 'Intro.\n\n<!-- capsule-disable-next-line other -->\nPlain text.\n\n### Capsule: Alpha\n';
    const messages = lintText(body);
    expect(summary(unused(messages))).toEqual(['3:32 unused-disable unused-disable']);
    const [finding] = unused(messages);
    expect(finding!.fatal).toBe(false);
    expect(finding!.reason).toBe('Disable comment for `other` turns nothing off: the rule reports nothing on the next line; remove it, so that it cannot hide a finding there later');
    expect(finding!.data).toEqual({ rule: 'other' });
    expect(applyFixes(body, messages).text).toBe('Intro.\n\nPlain text.\n\n### Capsule: Alpha\n');
  });

  it('is not reported when the comment turns a finding off, nor when two comments both cover it', () => {
    expect(unused(lintText('<!-- capsule-disable-next-line other -->\n### Capsule: Alpha\n'))).toEqual([]);
    const overlapping = '<!-- capsule-disable other -->\n<!-- capsule-disable-next-line other -->\n### Capsule: Alpha\n<!-- capsule-enable other -->\n';
    expect(unused(lintText(overlapping))).toEqual([]);
  });

  it('is not reported for a rule that does not run, which another configuration may run', () => {
    expect(unused(lintText('<!-- capsule-disable-next-line other -->\nPlain text.\n', {}, [configured(reportsCapsules)]))).toEqual([]);
  });

  it('is not reported for a comment naming no rule, nor for an unknown rule', () => {
    expect(summary(lintText('<!-- capsule-disable-next-line -->\nPlain text.\n<!-- capsule-disable-next-line nothing -->\nText.\n'))).toEqual([
      '3:32 unknown-rule unknown-rule',
    ]);
  });

  it('reports a range with no finding in it, with no fix, since its `enable` would stay behind', () => {
    const messages = lintText('<!-- capsule-disable other -->\nPlain text.\n<!-- capsule-enable other -->\n\n### Capsule: Alpha\n');
    expect(summary(unused(messages))).toEqual(['1:22 unused-disable unused-disable']);
    expect(unused(messages)[0]!.reason).toContain('reports nothing in the lines it covers');
    expect(unused(messages)[0]!.fix).toBeUndefined();
  });

  it('takes out only the unused id of a comment naming two, and the whole comment when both are unused', () => {
    const oneUsed = '<!-- capsule-disable-next-line reports-capsules other -->\n### Capsule: Alpha\n';
    const asOther = [configured(reportsCapsules), configured(testRule('other', () => {}))];
    const messages = lintText(oneUsed, {}, asOther);
    expect(summary(unused(messages))).toEqual(['1:49 unused-disable unused-disable']);
    expect(applyFixes(oneUsed, messages).text).toBe('<!-- capsule-disable-next-line reports-capsules -->\n### Capsule: Alpha\n');

    // Two fixes taking out one id each would leave a comment naming no rule, which turns every rule off.
    const noneUsed = 'Text.\n<!-- capsule-disable-next-line reports-capsules other -->\nMore text.\n';
    const both = lintText(noneUsed);
    expect(summary(unused(both))).toEqual(['2:32 unused-disable unused-disable', '2:49 unused-disable unused-disable']);
    expect(applyFixes(noneUsed, both).text).toBe('Text.\nMore text.\n');
  });

  it('keeps the rest of a line when the comment is not alone on it', () => {
    const body = 'Some text <!-- capsule-disable-next-line other -->\nMore text.\n';
    expect(applyFixes(body, lintText(body)).text).toBe('Some text \nMore text.\n');
  });

  it('takes the severity the options give it, and none when they turn it off', () => {
    const body = '<!-- capsule-disable-next-line other -->\nPlain text.\n';
    expect(unused(lintText(body, { reportUnusedDisableDirectives: 'error' }))[0]!.fatal).toBe(true);
    expect(unused(lintText(body, { reportUnusedDisableDirectives: 'info' }))[0]!.fatal).toBeUndefined();
    expect(unused(lintText(body, { reportUnusedDisableDirectives: 'off' }))).toEqual([]);
    // Under `strict` every warning is an error, this one too, unless the options say otherwise.
    expect(unused(lintText(body, { preset: 'strict' }))[0]!.fatal).toBe(true);
    expect(unused(lintText(body, { preset: 'strict', reportUnusedDisableDirectives: 'warn' }))[0]!.fatal).toBe(false);
  });
});

describe('disable comments', () => {
  const text = (body: string) => `${body}\n`;
  const run = (body: string) =>
    summary(lintGraphWith(graphOf({ 'a.md': text(body) }), [configured(reportsCapsules), configured(testRule('other', reportsCapsules.check))]).files[0]!.messages);

  it('turn rules off for the next line', () => {
    expect(run('<!-- capsule-disable-next-line reports-capsules -->\n### Capsule: Alpha\n\n### Capsule: Beta')).toEqual([
      '2:14 other found',
      '4:14 other found',
      '4:14 reports-capsules found',
    ]);
  });

  it('turn every rule off for the next line when no rule is named', () => {
    expect(run('<!-- capsule-disable-next-line -->\n### Capsule: Alpha\n### Capsule: Beta')).toEqual(['3:14 other found', '3:14 reports-capsules found']);
  });

  it('turn named rules off from `disable` to `enable`', () => {
    const body = [
      '### Capsule: Before',
      '<!-- capsule-disable reports-capsules other -->',
      '### Capsule: Inside',
      '<!-- capsule-enable other -->',
      '### Capsule: HalfInside',
      '<!-- capsule-enable -->',
      '### Capsule: After',
    ].join('\n');
    expect(run(body)).toEqual([
      '1:14 other found',
      '1:14 reports-capsules found',
      '5:14 other found',
      '7:14 other found',
      '7:14 reports-capsules found',
    ]);
  });

  it('keep a range open to the end of the file without an `enable`', () => {
    expect(run('### Capsule: Before\n<!-- capsule-disable other -->\n### Capsule: After')).toEqual([
      '1:14 other found',
      '1:14 reports-capsules found',
      '3:14 reports-capsules found',
    ]);
  });

  it('turn every rule off for the whole file with a bare `capsule-disable`', () => {
    expect(run('### Capsule: Before\n<!-- capsule-disable -->\n### Capsule: After')).toEqual([]);
  });

  it('are ignored inside fenced code, where they are only shown', () => {
    expect(run('```markdown\n<!-- capsule-disable -->\n```\n### Capsule: Alpha')).toEqual(['4:14 other found', '4:14 reports-capsules found']);
  });

  it.each([
    ['a fence with a longer closing fence', '~~~markdown\n<!-- capsule-disable -->\n~~~~\n### Capsule: Alpha', 4],
    ['an indented code block', 'Text.\n\n    <!-- capsule-disable -->\n\n### Capsule: Alpha', 5],
    ['a fence inside a list item', '- item\n\n  ```\n  <!-- capsule-disable -->\n  ```\n\n### Capsule: Alpha', 7],
    ['a code span', 'Write `<!-- capsule-disable -->` to turn every rule off.\n\n### Capsule: Alpha', 3],
  ])('are ignored in %s, where they are only shown', (_, body, line) => {
    expect(run(body)).toEqual([`${line}:14 other found`, `${line}:14 reports-capsules found`]);
  });

  it('work inline, inside a paragraph, with the place of the id in the file', () => {
    // The first comment's next line is blank: it turns nothing off, and says so.
    expect(run('Some text <!-- capsule-disable-next-line other -->\n\n### Capsule: Alpha\nMore <!-- capsule-disable-next-line other -->\n### Capsule: Beta')).toEqual([
      '1:42 unused-disable unused-disable',
      '3:14 other found',
      '3:14 reports-capsules found',
      '5:14 reports-capsules found',
    ]);
    const messages = lintGraphWith(graphOf({ 'a.md': 'Intro.\n\n> Quoted <!-- capsule-disable-next-line nothing -->\n' }), [configured(reportsCapsules)]).files[0]!.messages;
    expect(summary(messages)).toEqual(['3:41 unknown-rule unknown-rule']);
  });

  it('report a rule id that names no rule, at the id, with the nearest rule, and turn nothing off', () => {
    const messages = lintGraphWith(graphOf({ 'a.md': '<!-- capsule-disable-next-line  other reports-capsule -->\n### Capsule: Alpha\n' }), [
      configured(reportsCapsules),
      configured(testRule('other', reportsCapsules.check)),
    ]).files[0]!.messages;
    expect(summary(messages)).toEqual(['1:39 unknown-rule unknown-rule', '2:14 reports-capsules found']);
    expect(messages[0]!.reason).toBe('Unknown rule `reports-capsule` in a disable comment, which turns nothing off; did you mean `reports-capsules`?');
    expect(messages[0]!.fatal).toBe(true);
  });

  it('know every built-in rule, even one that is off, and list them when no id is near', () => {
    const graph = graphOf({ 'a.md': '<!-- capsule-disable ends-with-checklist zzzzzzzz -->\n<!-- capsule-enable ends-with-checklist -->\n' });
    const messages = lintGraphWith(graph, []).files[0]!.messages;
    expect(summary(messages)).toEqual(['1:42 unknown-rule unknown-rule']);
    expect(messages[0]!.reason).toMatch(/^Unknown rule `zzzzzzzz` in a disable comment, which turns nothing off; the rules are `ascii-only`, `block-closed`, `boundary`, /);
  });

  it('leave what the parser found wrong with the file, and rule failures, in place', () => {
    const throws = testRule('throws', () => {
      throw new Error('boom');
    });
    const graph = graphOf({ 'a.md': '---\nkey: [unclosed\n---\n<!-- capsule-disable -->\n' });
    const messages = lintGraphWith(graph, [configured(throws)]).files[0]!.messages;
    expect(messages.map((message) => message.ruleId)).toEqual(['internal-error', 'yaml-syntax']);
  });
});

describe('settings', () => {
  it('name unknown rules with the nearest known one, or list the rules when none is near', () => {
    expect(validateRuleSettings({ 'see-also-resolve': 'error' })).toEqual(['Unknown rule `see-also-resolve`; did you mean `see-also-resolves`?']);
    const [problem] = validateRuleSettings({ 'no-such-thing': 'error' });
    expect(problem).toMatch(/^Unknown rule `no-such-thing`; the rules are `frontmatter-schema`, `frontmatter-consistent`, `capsule-structure`, /);
  });

  it('reject bad severities and options that fail the rule’s schema', () => {
    const problems = validateRuleSettings({
      'invariant-length': ['loud', { max: 0, encoding: 'latin1', colour: 'red' }],
      'example-length': 'fatal',
      'depth-list': ['warn'],
    });
    expect(problems).toEqual([
      expect.stringContaining('Rule `invariant-length`: severity `loud` is not one of'),
      expect.stringContaining('Rule `invariant-length`: options has no option `colour` (known: `max`, `encoding`)'),
      expect.stringContaining('Rule `invariant-length`: option `max` must be >= 1'),
      expect.stringContaining('Rule `invariant-length`: option `encoding` must be equal to one of the allowed values'),
      expect.stringContaining('Rule `example-length`: severity `fatal` is not one of'),
      expect.stringContaining('Rule `depth-list`: expected a severity or `[severity, options]`'),
    ]);
  });

  it('accept every rule at every severity, with valid options', () => {
    const settings = Object.fromEntries(rules.map((rule) => [rule.meta.id, ['info', rule.meta.defaultOptions]]));
    expect(validateRuleSettings(settings)).toEqual([]);
  });

  it('make lintGraph throw a LintSettingsError listing every problem', () => {
    const graph = graphOf({ 'a.md': '# A\n' });
    expect(() => lintGraph(graph, { rules: { nope: 'error', 'boundary': 'loud' } } as unknown as LintOptions)).toThrow(LintSettingsError);
    try {
      lintGraph(graph, { rules: { nope: 'error' } });
    } catch (error) {
      expect((error as LintSettingsError).problems).toHaveLength(1);
    }
  });

  it('merge options over the rule’s defaults', () => {
    const [entry] = configureRules('recommended', { ...allOff, 'invariant-length': ['error', { max: 12 }] });
    expect(entry).toMatchObject({ severity: 'error', options: { max: 12, encoding: 'o200k_base' } });
  });
});

describe('presets', () => {
  it('recommended: every rule at its default severity', () => {
    expect(presets.recommended).toEqual(Object.fromEntries(rules.map((rule) => [rule.meta.id, rule.meta.defaultSeverity])));
  });

  // What breaks the graph or the file is an error; the format's style rules are warnings;
  // an unreferenced capsule is no fault until a corpus asks for `strict`.
  const pinned = {
    'ascii-only': ['warn', 'error'],
    'block-closed': ['warn', 'error'],
    boundary: ['warn', 'error'],
    'capsule-name': ['warn', 'error'],
    'capsule-structure': ['error', 'error'],
    'checklist-resolves': ['error', 'error'],
    'depth-list': ['warn', 'error'],
    'duplicate-capsule': ['error', 'error'],
    'ends-with-checklist': ['off', 'error'],
    'example-length': ['warn', 'error'],
    'frontmatter-consistent': ['error', 'error'],
    'frontmatter-schema': ['error', 'error'],
    'invariant-immutable': ['warn', 'error'],
    'invariant-length': ['warn', 'error'],
    'invariant-timeless': ['warn', 'error'],
    'link-resolves': ['error', 'error'],
    'orphan-capsule': ['off', 'error'],
    'see-also-resolves': ['error', 'error'],
    'stub-resolves': ['warn', 'error'],
  } as const;

  it('recommended and strict give each rule the severity a maintainer expects', () => {
    expect(Object.keys(presets.recommended).sort()).toEqual(Object.keys(pinned).sort());
    for (const [id, [recommended, strict]] of Object.entries(pinned)) {
      expect([id, presets.recommended[id]]).toEqual([id, recommended]);
      expect([id, presets.strict[id]]).toEqual([id, strict]);
    }
  });

  it('capsule-structure fails a capsule without its invariant, but only warns of stray content and unknown labels', () => {
    const graph = graphOf({
      'a.md': '### Capsule: Loose\n\nA stray line.\n\n**Invariant**\nStay.\n\n**Notes**\nAside.\n\n**Example**\nStay.\n\n### Capsule: Broken\n\n**Example**\nStay.\n',
    });
    const findings = lintGraph(graph, { rules: { 'frontmatter-schema': 'off' } }).files[0]!.messages
      .filter((message) => message.ruleId === 'capsule-structure')
      .map((message) => [message.messageId, message.fatal]);
    expect(findings).toEqual(expect.arrayContaining([['stray-content', false], ['missing-part', true]]));
    expect(findings.filter(([id]) => id === 'stray-content' || id === 'unknown-label').every(([, fatal]) => fatal === false)).toBe(true);
  });

  it('frontmatter-schema fails a missing capsule field, but only warns of a key that nearly names one', () => {
    const graph = graphOf({ 'a.md': '---\ntag: [Planning]\naudience: [LLMs]\ncategories: ["Workflows[100%]"]\n---\n\n# A\n' });
    const findings = lintGraph(graph).files[0]!.messages
      .filter((message) => message.ruleId === 'frontmatter-schema')
      .map((message) => [message.messageId, message.fatal]);
    expect(findings).toEqual([['missing-field', true], ['unknown-field-suggest', false]]);
  });

  it('frontmatter-schema leaves alone a document with capsules that keeps frontmatter of another convention', () => {
    const capsule = '### Capsule: Plan\n\n**Invariant**\nPlan first.\n';
    const graph = graphOf({
      'site.md': `---\ntitle: Planning\n---\n\n${capsule}`,
      'claimed.md': `---\ntitle: Planning\ntags: [Planning]\n---\n\n${capsule.replace('Plan\n', 'Claimed\n')}`,
      // Another convention's `audience` is a mapping, not the capsule convention's list.
      'mapped.md': `---\ntags: [Planning]\naudience:\n  human: 30\n  agent: 70\npurpose: Planning\n---\n\n${capsule.replace('Plan\n', 'Mapped\n')}`,
    });
    const fatalities = (path: string) =>
      lintGraph(graph).files.find((file) => file.path === path)!.messages
        .filter((message) => message.ruleId === 'frontmatter-schema')
        .map((message) => message.fatal);
    expect(fatalities('site.md')).toEqual([]);
    // Its missing `description`; no other document sets `audience` or `categories` (see below).
    expect(fatalities('claimed.md')).toEqual([true]);
    expect(fatalities('mapped.md')).toEqual([]);
  });

  it('frontmatter-consistent fails a convention field other documents set, and leaves one no document sets', () => {
    const head = (fields: string) => `---\ndescription: A plan\n${fields}---\n\n# A\n`;
    const graph = graphOf({
      'a.md': head('tags: [Planning]\naudience: [LLMs]\n'),
      'b.md': head('tags: [Review]\naudience: [LLMs]\n'),
      'c.md': head('audience: [LLMs]\n'),
    });
    const findings = lintGraph(graph).files.map((file) => [
      file.path,
      file.messages.filter((message) => message.ruleId === 'frontmatter-consistent').map((message) => [message.reason, message.fatal]),
    ]);
    expect(findings).toEqual([
      ['a.md', []],
      ['b.md', []],
      ['c.md', [['Frontmatter lacks `tags`, which 2 of the 2 other capsule documents set (`a.md` among them); add it', true]]],
    ]);
  });

  it('strict: warnings become errors, ends-with-checklist and orphan-capsule are on, info stays info', () => {
    for (const rule of rules) {
      const strict = presets.strict[rule.meta.id];
      if (rule.meta.defaultSeverity === 'info') expect(strict).toBe('info');
      else expect(strict).toBe('error');
    }
  });

  it('are where user settings start from', () => {
    const graph = graphOf({ 'a.md': '---\naudience: [Humans]\n---\n# A\n\nNo checklist here.\n' });
    const ids = (options: LintOptions) => lintGraph(graph, options).files[0]!.messages.map((message) => message.ruleId);
    expect(ids({ rules: { 'frontmatter-schema': 'off' } })).toEqual([]);
    expect(ids({ preset: 'strict', rules: { 'frontmatter-schema': 'off' } })).toEqual(['ends-with-checklist']);
    const orphan = graphOf({ 'a.md': '# A\n\n### Capsule: Alone\n\n**Invariant**\nStay.\n\n**Example**\nStay.\n\n**Depth**\n- Stay.\n' });
    const orphanIds = (options: LintOptions) => lintGraph(orphan, options).files[0]!.messages.map((message) => message.ruleId);
    expect(orphanIds({ rules: { 'frontmatter-schema': 'off' } })).not.toContain('orphan-capsule');
    expect(orphanIds({ preset: 'strict', rules: { 'frontmatter-schema': 'off' } })).toContain('orphan-capsule');
  });
});

describe('applyFixes', () => {
  const fixAt = (start: number, end: number, text: string) => ({ fix: { start, end, text } }) as VFileMessage;

  it('applies non-overlapping fixes and skips one that overlaps a fix already taken', () => {
    const result = applyFixes('abcdef', [fixAt(4, 6, 'EF'), fixAt(0, 2, 'AB'), fixAt(1, 3, 'xx'), { reason: 'no fix' } as VFileMessage]);
    expect(result).toEqual({ text: 'ABcdEF', applied: 2 });
  });

  it('counts one edit made for two findings as fixing both', () => {
    expect(applyFixes('abcd', [fixAt(1, 3, ''), fixAt(1, 3, ''), fixAt(3, 4, 'D')])).toEqual({ text: 'aD', applied: 3 });
  });

  it('keeps only the first of two insertions at one point', () => {
    expect(applyFixes('ab', [fixAt(1, 1, 'X'), fixAt(1, 1, 'Y')])).toEqual({ text: 'aXb', applied: 1 });
  });

  it('skips a fix whose range no longer holds the text it was made for', () => {
    const stale = { fix: { start: 0, end: 2, text: 'AB', original: 'xy' } } as VFileMessage;
    expect(applyFixes('abcd', [stale, fixAt(2, 4, 'CD')])).toEqual({ text: 'abCD', applied: 1 });
  });

  it('ignores fixes outside the text', () => {
    expect(applyFixes('ab', [fixAt(1, 9, 'X'), fixAt(-1, 0, 'Y')])).toEqual({ text: 'ab', applied: 0 });
  });

  it('is idempotent: fixing the fixed text again changes nothing', () => {
    const text = '### Capsule: OddKeys\n\n**Depth**\n\n- Trade\u2011off: a cost\n- See also: OddKeys\n- Tradeoff: another\n';
    const lint = (source: string) =>
      lintGraph(graphOf({ 'a.md': source }), { rules: { ...allOff, 'depth-list': 'warn' } }).files[0]!.messages;
    const first = applyFixes(text, lint(text));
    expect(first.applied).toBe(3);
    expect(first.text).toBe('### Capsule: OddKeys\n\n**Depth**\n\n- Trade-off: a cost\n- SeeAlso: OddKeys\n- Trade-off: another\n');
    expect(lint(first.text)).toEqual([]);
    expect(applyFixes(first.text, lint(first.text))).toEqual({ text: first.text, applied: 0 });
    // Findings made for the old text are stale on the new one and change nothing.
    expect(applyFixes(first.text, lint(text))).toEqual({ text: first.text, applied: 0 });
  });
});
