/**
 * What the fixture format cannot say: severities within a rule, suggestions in `expected`,
 * options that change a count, settings that reach rules, and cross-document findings under
 * a report set.
 */
import { KnowledgeGraph, readDocument, redirectionsOf, SuggestionIndex, suggestAmong } from '@capsule-docs/graph';
import { describe, expect, it } from 'vitest';
import { applyFixes } from './fix.js';
import { lintGraph, type LintOptions } from './host.js';
import { rules } from './rules/index.js';
import { suggestCategory } from './rules/frontmatter-schema/index.js';

function graphOf(texts: Record<string, string>): KnowledgeGraph {
  const encoder = new TextEncoder();
  return new KnowledgeGraph({ documents: Object.entries(texts).map(([path, text]) => readDocument(path, encoder.encode(text))) });
}

const allOff = Object.fromEntries(rules.map((rule) => [rule.meta.id, 'off' as const]));

/** Findings of one rule, as `path messageId fatal`, plus the messages themselves. */
function only(ruleId: string, graph: KnowledgeGraph, options: LintOptions = {}, setting: unknown = 'error') {
  const result = lintGraph(graph, { ...options, rules: { ...allOff, [ruleId]: setting } as LintOptions['rules'] });
  const messages = result.files.flatMap((file) => file.messages);
  return { messages, summary: messages.map((message) => `${message.file} ${message.messageId} ${String(message.fatal)}`) };
}

describe('capsule-structure', () => {
  it('fails a capsule without its invariant, and only warns of a missing or empty Example or Depth, or parts out of order', () => {
    const graph = graphOf({
      'a.md': [
        '### Capsule: NoInvariant\n\n**Example**\nThis.\n\n**Depth**\n\n- Trade-off: That\n',
        '### Capsule: NoDepth\n\n**Invariant**\nHold it.\n\n**Example**\nThis.\n',
        '### Capsule: EmptyExample\n\n**Invariant**\nHold it.\n\n**Example**\n\n**Depth**\n\n- Trade-off: That\n',
        '### Capsule: Backwards\n\n**Invariant**\nHold it.\n\n**Depth**\n\n- Trade-off: That\n\n**Example**\nThis.\n',
        '### Capsule: EmptyInvariant\n\n**Invariant**\n\n**Example**\nThis.\n\n**Depth**\n\n- Trade-off: That\n',
      ].join('\n'),
    });
    expect(only('capsule-structure', graph).summary).toEqual([
      'a.md missing-part true',
      'a.md missing-part false',
      'a.md empty-part false',
      'a.md out-of-order false',
      'a.md empty-part true',
    ]);
  });
});

describe('see-also-resolves', () => {
  it('reads a slash command as one outside a repository too, where `/plan` would leave the corpus root', () => {
    const graph = graphOf({
      'commands/plan.md': '# Plan\n\nPlan the work.\n',
      'commands/spec.md': '# Spec\n\n## See Also\n\n- `/plan`\n- `/statusline:instances`\n- `/nowhere`\n',
    });
    expect(only('see-also-resolves', graph).summary).toEqual(['commands/spec.md outside-root true']);
  });

  const graph = graphOf({
    'guides/a.md': '### Capsule: Alpha\n\n**Depth**\n\n- SeeAlso: Remote (in ARCHITECTURE.md), Some free text, https://example.org\n',
  });

  it('reports free text and URLs as info, missing documents as errors', () => {
    expect(only('see-also-resolves', graph).summary).toEqual([
      'guides/a.md missing-document true',
      'guides/a.md external undefined',
      'guides/a.md external-url undefined',
    ]);
  });

  it('lowers every finding with the rule’s severity', () => {
    expect(only('see-also-resolves', graph, {}, 'info').messages.map((message) => message.fatal)).toEqual([undefined, undefined, undefined]);
  });

  it.each([['ARCHITECTURE.md'], ['guides/ARCHITECTURE.md'], ['./guides/ARCHITECTURE.md']])(
    'accepts an external document listed as %s',
    (listed) => {
      expect(only('see-also-resolves', graph, { externalDocuments: [listed] }).summary).toEqual([
        'guides/a.md external undefined',
        'guides/a.md external-url undefined',
      ]);
    },
  );

  it.each([['*.md'], ['guides/*.md'], ['**/ARCH*']])('accepts external documents listed as the glob %s', (listed) => {
    expect(only('see-also-resolves', graph, { externalDocuments: [listed] }).summary[0]).toBe('guides/a.md external undefined');
  });

  it('reports a missing document that no glob matches', () => {
    expect(only('see-also-resolves', graph, { externalDocuments: ['guides/*.txt', 'other/**'] }).summary[0]).toBe(
      'guides/a.md missing-document true',
    );
  });

  it('accepts links into an external folder given as a glob', () => {
    const linking = graphOf({ 'guides/a.md': '# A\n\nSee [the handbook](../handbook/setup.md#start).\n' });
    expect(only('link-resolves', linking).summary).toEqual(['guides/a.md missing-file true']);
    expect(only('link-resolves', linking, { externalDocuments: ['handbook/**'] }).summary).toEqual([]);
  });

  it('still reports a missing document that is not the one listed', () => {
    expect(only('see-also-resolves', graph, { externalDocuments: ['OTHER.md'] }).summary[0]).toBe('guides/a.md missing-document true');
  });
});

describe('suggestions', () => {
  it('put the suggested value first in `expected` and the written one in `actual`', () => {
    const graph = graphOf({
      'a.md': '---\ndescription: A guide\ntags: ["Planning"]\naudience: ["LLMs", "Human"]\ncategories: ["Workflows[100]"]\n---\n# A\n',
    });
    const { messages } = only('frontmatter-schema', graph);
    expect(messages.map((message) => [message.messageId, message.actual, message.expected])).toEqual([
      ['not-allowed-suggest', 'Human', ['Humans']],
      ['bad-category-suggest', 'Workflows[100]', ['Workflows[100%]']],
    ]);
  });

  it('of a missing file: the page beside it with its extension, before the root\'s file of that name; a folder\'s page by its folder', () => {
    const encoder = new TextEncoder();
    const read = (path: string, text: string) => readDocument(path, encoder.encode(text));
    const documents = [
      read('packages/ui/README.md', '# UI\n\nUnder [its license](./LICENSE).\n'),
      read('packages/ui/LICENSE.md', '# MIT License\n'),
      read('design/notes.md', '# Notes\n\nSee [the shell](./shell/index.md).\n'),
      read('docs/shell/index.md', '# Shell\n'),
    ];
    const graph = new KnowledgeGraph({ documents, files: ['LICENSE', ...documents.map((document) => document.path)], rootInRepository: '' });
    const { messages } = only('link-resolves', graph);
    expect(messages.map((message) => [message.file, message.expected])).toEqual([
      ['design/notes.md', ['../docs/shell/index.md']],
      ['packages/ui/README.md', ['LICENSE.md']],
    ]);
  });

  it('of a missing root-relative route: the page it names, read from the repository\'s top as GitHub reads it', () => {
    const encoder = new TextEncoder();
    const read = (path: string, text: string) => readDocument(path, encoder.encode(text));
    const copied = '# Changelog\n\nSee [grid](/docs/reference/layout/grid/), [page](/docs/reference/layout/page#margin), [0.14.2](/docs/changelog/0.14.2/) and [gone](/docs/reference/gone/).\n';
    const pages = [read('docs/changelog/1.0.md', copied), read('docs/changelog/0.14.2.md', '# 0.14.2\n'), read('docs/reference/layout/grid.md', '# Grid\n'), read('docs/reference/layout/page.md', '# Page\n')];
    const atTop = new KnowledgeGraph({ documents: pages, files: pages.map((document) => document.path), rootInRepository: '' });
    expect(only('link-resolves', atTop).messages.map((message) => [message.messageId, message.expected])).toEqual([
      ['missing-file-suggest', ['../reference/layout/grid.md']],
      ['missing-file-suggest', ['../reference/layout/page.md']],
      ['missing-file-suggest', ['0.14.2.md']],
      ['missing-file', undefined],
    ]);
    // With the corpus in `docs/`, the route is still read from the repository's top.
    const inDocs = [read('changelog/1.0.md', copied), read('changelog/0.14.2.md', '# 0.14.2\n'), read('reference/layout/grid.md', '# Grid\n'), read('reference/layout/page.md', '# Page\n')];
    const below = new KnowledgeGraph({ documents: inDocs, files: inDocs.map((document) => document.path), rootInRepository: 'docs' });
    expect(only('link-resolves', below).messages.map((message) => message.expected?.[0])).toEqual(['../reference/layout/grid.md', '../reference/layout/page.md', '0.14.2.md', undefined]);
  });

  it('of a page a translated copy renamed: the translation beside it, before a page a typo nearer', () => {
    const graph = graphOf({
      'README.chatmodes.md': '# Modes\n\n[Mentor](chatmodes/mentor.chatmode.md), [C#](instructions/csharp-ko.instructions.md) and [gone](chatmodes/gone.chatmode.md).\n',
      'chatmodes/mentor.chatmode_ja.md': '# Mentor\n',
      'chatmodes/janitor.chatmode.md': '# Janitor\n',
      'instructions/csharp-ja.instructions.md': '# C#\n',
      'instructions/csharp-ko.instructions_ja.md': '# C# (ko)\n',
      // Two languages: the linking page's own decides, and a page that names none has none.
      'docs/guide.ja.md': '# Guide\n',
      'docs/guide.zh-CN.md': '# Guide\n',
      'docs/index.zh-CN.md': '# Index\n\n[Guide](guide.md)\n',
      'docs/index.md': '# Index\n\n[Guide](guide.md)\n',
      // The one file of the name elsewhere is where it went, before its translation left behind.
      'handbook/setup.md': '# Setup\n',
      'docs/setup_ja.md': '# Setup\n',
      'notes/a.md': '# Notes\n\n[Setup](../docs/setup.md)\n',
    });
    expect(only('link-resolves', graph).messages.map((message) => [message.file, message.messageId, message.expected?.[0]])).toEqual([
      ['README.chatmodes.md', 'missing-file-suggest', 'chatmodes/mentor.chatmode_ja.md'],
      ['README.chatmodes.md', 'missing-file-suggest', 'instructions/csharp-ko.instructions_ja.md'],
      ['README.chatmodes.md', 'missing-file', undefined],
      ['docs/index.md', 'missing-file', undefined],
      ['docs/index.zh-CN.md', 'missing-file-suggest', 'guide.zh-CN.md'],
      ['notes/a.md', 'missing-file-suggest', '../handbook/setup.md'],
    ]);
  });

  it("of a spec's part written with its spec's folder: that spec's, not the one part of that name another spec has", () => {
    const graph = graphOf({
      '.kiro/specs/mbti-style/requirements.md': '# Requirements\n',
      '.kiro/specs/mbti-style/design.md': '# Design\n',
      '.kiro/steering/mcp.md': '# MCP\n\n[Requirements](../specs/prompt-enhancer/requirements.md), [its design](../specs/mbti-stlye/design.md) and [the design](design.md).\n',
      'notes/retry.md': '# Notes\n\n[Retry budgets](../guides/retry-budgets.md)\n',
      'design/retry-budgets.md': '# Retry budgets\n',
    });
    expect(only('link-resolves', graph).messages.map((message) => [message.file, message.messageId, message.expected?.[0]])).toEqual([
      ['.kiro/steering/mcp.md', 'missing-file', undefined],
      // A folder one typo from the spec's is still found, by the whole path.
      ['.kiro/steering/mcp.md', 'missing-file-suggest', '../specs/mbti-style/design.md'],
      // Written alone, the one file of its name is where it went.
      ['.kiro/steering/mcp.md', 'missing-file-suggest', '../specs/mbti-style/design.md'],
      ['notes/retry.md', 'missing-file-suggest', '../design/retry-budgets.md'],
    ]);
  });

  it('of a page linking itself by its route: its own anchor, where it has that heading', () => {
    const encoder = new TextEncoder();
    const color = '# Color\n\nSee [RGB](/docs/reference/color/#definitions-rgb) and [Luma](/docs/reference/color/#luma).\n\n## Definitions: RGB\n';
    const documents = [readDocument('docs/reference/color.md', encoder.encode(color))];
    const graph = new KnowledgeGraph({ documents, files: ['docs/reference/color.md'], rootInRepository: '' });
    expect(only('link-resolves', graph).messages.map((message) => [message.messageId, message.expected])).toEqual([
      ['missing-file-suggest', ['#definitions-rgb']],
      ['missing-file', undefined],
    ]);
  });

  it.each([
    ['Workflows[100]', 'Workflows[100%]'],
    ['Workflows [70 %]', 'Workflows[70%]'],
    ['Workflows(70%)', 'Workflows[70%]'],
    ['Workflows 70%', 'Workflows[70%]'],
    ['Workflows[0.7]', 'Workflows[70%]'],
    ['Workflows[150%]', undefined],
    ['Web3', undefined],
    ['Workflows', undefined],
  ])('read the category %s as %s', (written, suggestion) => {
    expect(suggestCategory(written, '^[^\\[\\]]*[^\\[\\]\\s]\\[(100|[1-9]?[0-9])%\\]$')).toBe(suggestion);
  });

  it('find the nearest name within a bound that grows with the name’s length', () => {
    const index = new SuggestionIndex(['RiskDiscovery', 'RiskAssessment', 'IdeaCapture', 'Api']);
    expect(index.suggest('RiskDiscovry')).toBe('RiskDiscovery');
    expect(index.suggest('riskdiscovery')).toBe('RiskDiscovery');
    expect(index.suggest('RiskDiscovery')).toBeUndefined();
    expect(index.suggest('Apx')).toBe('Api');
    expect(index.suggest('Axx')).toBeUndefined();
    expect(index.suggest('RiskZzzzzzzzz')).toBeUndefined();
  });

  it('catch every kind of single edit, and two or three edits in longer names', () => {
    const index = new SuggestionIndex(['RiskDiscovery', 'IncrementalExecution']);
    expect(['RsikDiscovery', 'RiskDiscoveryy', 'RiskDscovery', 'RiskDiscoverx'].map((word) => index.suggest(word))).toEqual(
      Array(4).fill('RiskDiscovery'),
    );
    expect(index.suggest('RiskDiscavory')).toBe('RiskDiscovery');
    expect(index.suggest('IncrementalExekutoin')).toBe('IncrementalExecution');
  });

  it('look for two or more edits only among names of the same first letter, so a look-up stays small', () => {
    const index = new SuggestionIndex(['RiskDiscovery']);
    expect(index.suggest('BiskDiscovery')).toBe('RiskDiscovery');
    expect(index.suggest('BiskDiscavery')).toBeUndefined();
    // A short, closed list (an enum, a document's anchors) is searched whole.
    expect(suggestAmong('BiskDiscavery', ['RiskDiscovery'])).toBe('RiskDiscovery');
  });
});

describe('invariant-length', () => {
  const graph = graphOf({
    'a.md': '### Capsule: Mehrsprachig\n\n**Invariant**\nÜberprüfe jede Änderung zuerst im Staging-Cluster, bevor sie den Hauptcluster erreicht.\n',
  });

  it('counts with the configured encoding', () => {
    // o200k_base reads this sentence in 19 tokens, cl100k_base in 25.
    expect(only('invariant-length', graph, {}, ['warn', { max: 20 }]).messages.map((message) => message.data)).toEqual([]);
    expect(only('invariant-length', graph, {}, ['warn', { max: 20, encoding: 'cl100k_base' }]).messages.map((message) => message.data)).toEqual([
      { name: 'Mehrsprachig', tokens: 25, max: 20 },
    ]);
  });
});

describe('invariant-immutable', () => {
  const graph = graphOf({ 'a.md': '### Capsule: Alpha\n\n**Invariant**\nA new rule.\n' });
  const history = (text: string | undefined) => ({ show: (ref: string, path: string) => (ref === 'HEAD' && path === 'a.md' ? text : undefined) });

  it('does nothing without git', () => {
    expect(only('invariant-immutable', graph).summary).toEqual([]);
  });

  it('reports a rewritten invariant with the old text as expected', () => {
    const { messages } = only('invariant-immutable', graph, { git: history('### Capsule: Alpha\n\n**Invariant**\nThe old rule.\n') }, 'warn');
    expect(messages.map((message) => [message.messageId, message.actual, message.expected])).toEqual([['changed', 'A new rule.', ['The old rule.']]]);
  });

  it('accepts a file that did not exist at the ref', () => {
    expect(only('invariant-immutable', graph, { git: history(undefined) }).summary).toEqual([]);
  });
});

describe('cross-document rules under a report set', () => {
  const graph = graphOf({
    'a.md': '### Capsule: Alpha\n\n### Capsule: Lonely\n',
    'b.md': '### Capsule: Alpha\n\n**Depth**\n\n- SeeAlso: Lonely\n',
  });

  it('report a duplicate in the reported document, with its cause in one that is not reported', () => {
    const { messages } = only('duplicate-capsule', graph, { report: ['b.md'] });
    expect(messages.map((message) => [message.file, message.messageId, (message.cause as { file?: string }).file])).toEqual([
      ['b.md', 'duplicate', 'a.md'],
    ]);
  });

  it('judge orphans against the whole corpus: Lonely is cited from the unreported b.md', () => {
    expect(only('orphan-capsule', graph, { report: ['a.md'] }, 'info').messages.map((message) => message.data)).toEqual([{ name: 'Alpha' }]);
  });
});

describe('frontmatter-schema', () => {
  it('suggests the name of the skill\'s folder for its `name`, or the hyphenated lower-case form when the folder\'s name would not do', () => {
    const graph = graphOf({
      'skills/code_explorer/SKILL.md': '---\nname: code_explorer\ndescription: Explores code.\n---\n# Explorer\n',
      'skills/spec/SKILL.md': '---\nname: SpecGenerator\ndescription: Writes specs.\n---\n# Specs\n',
    });
    expect(only('frontmatter-schema', graph).messages.map((message) => message.reason)).toEqual([
      '`code_explorer` in `name` does not match the pattern `^[a-z0-9]+(?:-[a-z0-9]+)*$`; did you mean `code-explorer`?',
      '`SpecGenerator` in `name` does not match the pattern `^[a-z0-9]+(?:-[a-z0-9]+)*$`; a skill is named as its folder is, `spec`',
    ]);
  });

  it('says how long a value is and may be, counting characters as the schema does', () => {
    // 1,027 characters (1,029 UTF-16 units: each rocket takes two).
    const description = `Ship it 🚀 ${'x'.repeat(1010)} done 🚀`;
    const graph = graphOf({ 'skills/ship/SKILL.md': `---\nname: ship\ndescription: "${description}"\n---\n# Ship\n` });
    const { messages } = only('frontmatter-schema', graph);
    expect(messages.map((message) => message.reason)).toEqual([
      '`description` is 1,027 characters long, more than the 1,024 it may have; shorten it',
    ]);
  });
});

describe('block-closed', () => {
  it('leaves a fence in an MDX page\'s `export` block alone, as MDX reads it as JavaScript', () => {
    const esm = 'export function Demo() {\n  const raw = `~~~js\nconsole.log(1)\n~~~`\n  return <pre>{raw}</pre>\n}\n\n# Search\n\n<Demo />\n';
    const unclosed = '# Search\n\n~~~js\nconsole.log(1)\n';
    const graph = graphOf({ 'esm.mdx': esm, 'esm.md': esm, 'unclosed.mdx': unclosed });
    expect(only('block-closed', graph).summary).toEqual(['esm.md unclosed-fence true', 'unclosed.mdx unclosed-fence true']);
  });

  it('tells a sample closed early by a bare fence at that fence, and not the sample lines it let out as definitions to delete', () => {
    const text = '# Expert\n\n```markdown\n# [Domain] Cheat Sheet\n\n```\n[Formula 1]: [Explanation]\n[Formula 2]: [Explanation]\n```\n\n## Common Mistakes\n```\n';
    const graph = graphOf({ 'SKILL.md': text });
    expect(only('block-closed', graph).messages.map((message) => [message.messageId, message.line])).toEqual([['bare-fence-closes', 6]]);
    expect(only('link-resolves', graph).messages).toEqual([]);
  });

  it('tells no fence in a JSX element of an MDX page as one an HTML block swallowed: MDX has no HTML blocks', () => {
    const tabs = '# Tabs\n\n- [After](#after)\n\n<Tabs>\n<Tab title="Python">\n```python\nprint(1)\n\nprint(2)\n```\n</Tab>\n</Tabs>\n\n## After\n';
    const graph = graphOf({ 'tabs.mdx': tabs, 'tabs.md': tabs });
    expect(only('block-closed', graph).summary.map((line) => line.split(' ')[0])).toEqual(['tabs.md']);
    expect(only('link-resolves', graph).summary.map((line) => line.split(' ')[0])).toEqual(['tabs.md']);
  });
});

describe('link-resolves', () => {
  it('suggests the folder a moved page\'s `./packages/` names from the top, with its slash, and the file `./MIGRATION.md` names', () => {
    const files = { 'MIGRATION.md': '# Migration\n', 'packages/astro/README.md': '# Astro\n', 'docs/changelog/v7.md': '# V7\n\n[the packages](./packages/) and [the guide](./MIGRATION.md)\n' };
    const encoder = new TextEncoder();
    const graph = new KnowledgeGraph({ documents: Object.entries(files).map(([path, text]) => readDocument(path, encoder.encode(text))), files: Object.keys(files) });
    expect(only('link-resolves', graph).messages.map((message) => message.expected)).toEqual([['../../packages/'], ['../../MIGRATION.md']]);
  });

  it('suggests the page a name with a suffix of its own meant (`README.uz` for `README.uz.md`), not the file without the suffix, and never the linking page itself', () => {
    const switcher = '[English](README.md) · [Uzbek](README.uz)\n';
    const files = { 'README.md': `# App\n\n${switcher}`, 'README.uz.md': `# Ilova\n\n${switcher}`, 'docs/guide.md': '# Guide\n\n[Uzbek](../README.uz)\n' };
    const encoder = new TextEncoder();
    const graph = new KnowledgeGraph({ documents: Object.entries(files).map(([path, text]) => readDocument(path, encoder.encode(text))), files: Object.keys(files) });
    expect(only('link-resolves', graph).messages.map((message) => [message.file, message.messageId, message.expected])).toEqual([
      ['README.md', 'missing-file-suggest', ['README.uz.md']],
      ['README.uz.md', 'missing-file', undefined],
      ['docs/guide.md', 'missing-file-suggest', ['../README.uz.md']],
    ]);
  });

  it('gives a web address that lost the colon after its scheme back its colon, fragment and all, and leaves a path of that look alone', () => {
    const text = '# Links\n\n[the guide](https//github.com/acme/widgets#setup), [home](http//example.com) and [notes](https//notes.md)\n';
    const messages = only('link-resolves', graphOf({ 'a.md': text })).messages;
    expect(messages.map((message) => [message.messageId, message.expected])).toEqual([
      ['scheme-without-colon', ['https://github.com/acme/widgets#setup']],
      ['scheme-without-colon', ['http://example.com']],
      ['missing-file', undefined],
    ]);
    expect(messages[0]!.reason).toBe(
      'Link target `https//github.com/acme/widgets#setup` is a web address without the colon after `https`, so it is taken for a file; write `https://github.com/acme/widgets#setup`',
    );
  });

  it('takes a link to one of the page\'s YFM terms (`*api`) for no file, and still tells one to a term the page does not define', () => {
    const text = '# API\n\nAn [API](*api) and a [key](*key).\n\n[*api]: Application programming interface\n';
    expect(only('link-resolves', graphOf({ 'a.md': text })).messages.map((message) => [message.messageId, message.line, message.column])).toEqual([['missing-file', 3, 22]]);
  });

  it('only warns of a link to a file a redirection file moved, naming where the site sends it', () => {
    const redirections = redirectionsOf([['.openpublishing.redirection.json', JSON.stringify({ redirections: [{ source_path: 'old.md', redirect_url: '/guide/new' }] })]], '');
    const graph = new KnowledgeGraph({ documents: [readDocument('guide.md', new TextEncoder().encode('# Guide\n\nSee [the old page](old.md).\n'))], redirections });
    const { messages, summary } = only('link-resolves', graph);
    expect(summary).toEqual(['guide.md redirected false']);
    expect(messages[0]!.reason).toBe(
      'Link target `old.md` was moved: `.openpublishing.redirection.json` redirects its page to `/guide/new`, so the link works on the published site but leads to no file in the repository; link to the page it moved to',
    );
  });

  it('tells a definition nothing uses, with a missing target, as a hidden line, and only warns', () => {
    const graph = graphOf({ 'plan.md': '# Plan\n\n- [Month 1]: [Milestone]\n\nSee [the spec][spec].\n\n[spec]: ./spec.md\n' });
    const { messages, summary } = only('link-resolves', graph);
    expect(summary).toEqual(['plan.md unused-definition false', 'plan.md missing-file true']);
    expect(messages[0]!.reason).toBe(
      '`[Month 1]: [Milestone]` is a link reference definition, which Markdown does not show, that nothing links to, and its target does not exist; delete it if it is left over, or write `\\[Month 1]:` if the line was meant to show as text',
    );
  });

  it('quotes a definition nothing uses as it is written', () => {
    const graph = graphOf({ 'notes.md': '# Notes\n\n[System.Environment]::GetEnvironmentVariable("HOME")\n' });
    expect(only('link-resolves', graph).messages.map((message) => message.reason)).toEqual([
      '`[System.Environment]::GetEnvironmentVariable("HOME")` is a link reference definition, which Markdown does not show, that nothing links to, and its target does not exist; delete it if it is left over, or write `\\[System.Environment]:` if the line was meant to show as text',
    ]);
  });

  it('leaves a definition nothing uses alone when its target exists, whatever its anchor', () => {
    const graph = graphOf({ 'rfc.md': '# RFC\n\n## Motivation\n\n[alternatives]: #alternatives\n[motivation]: #motivation\n' });
    expect(only('link-resolves', graph).messages).toEqual([]);
  });

  it('suggests a file only where its name is the target\'s or near it, the one namesake elsewhere before a near name, and never the document itself', () => {
    const graph = graphOf({
      'notes/index.md': '# Notes\n\n[n](网络层.md) [f](c++-function.md) [g](Gide.md) [c](cdn) [s](indx.md)\n',
      'notes/SDN.md': '# SDN\n',
      'notes/c++-union.md': '# Union\n',
      'notes/function/c++-function.md': '# Function\n',
      'notes/Guide.md': '# Guide\n',
      'notes/cdn.md': '# CDN\n',
    });
    expect(only('link-resolves', graph).messages.map((message) => message.reason)).toEqual([
      'Link target `网络层.md` does not exist; fix the path, or list it in `externalDocuments` if it lives elsewhere',
      'Link target `c++-function.md` does not exist; did you mean `function/c++-function.md`?',
      'Link target `Gide.md` does not exist; did you mean `Guide.md`?',
      'Link target `cdn` does not exist; did you mean `cdn.md`?',
      'Link target `indx.md` does not exist; fix the path, or list it in `externalDocuments` if it lives elsewhere',
    ]);
  });

  it('suggests a page of a site as the route a link was written as, where the site reaches the page by it, and by its file elsewhere', () => {
    const texts = {
      'src/content/docs/binding/index.md': '# Binding\n\n[Checkboxes](./bind-html-checkboxes/) [Again](bind-html-checkboxes) [File](bind-html-checkboxes.md)\n',
      'src/content/docs/binding/bind-html-checkbox.md': '# Checkboxes\n',
    };
    const encoder = new TextEncoder();
    const documents = Object.entries(texts).map(([path, text]) => readDocument(path, encoder.encode(text)));
    const onSite = new KnowledgeGraph({ documents, files: [...Object.keys(texts), 'astro.config.mjs'] });
    expect(only('link-resolves', onSite).messages.map((message) => message.reason)).toEqual([
      'Link target `./bind-html-checkboxes/` does not exist; did you mean `./bind-html-checkbox/`?',
      'Link target `bind-html-checkboxes` does not exist; did you mean `bind-html-checkbox`?',
      'Link target `bind-html-checkboxes.md` does not exist; did you mean `bind-html-checkbox.md`?',
    ]);
    // Read on GitHub, a page is a file: its name is what the link should say.
    expect(only('link-resolves', graphOf(texts)).messages.map((message) => message.reason)).toEqual([
      'Link target `./bind-html-checkboxes/` does not exist; did you mean `bind-html-checkbox.md`?',
      'Link target `bind-html-checkboxes` does not exist; did you mean `bind-html-checkbox.md`?',
      'Link target `bind-html-checkboxes.md` does not exist; did you mean `bind-html-checkbox.md`?',
    ]);
  });

  it('suggests a file a site serves from its public folder, for a link from the root, by its route there', () => {
    const texts = { 'src/content/docs/zh/cli/replay.md': '# Replay\n\n[Report](/zh/gas-profiling/report/index.html)\n' };
    const files = [...Object.keys(texts), 'astro.config.mjs', 'public/gas-profiling/report/index.html'];
    const encoder = new TextEncoder();
    const documents = Object.entries(texts).map(([path, text]) => readDocument(path, encoder.encode(text)));
    expect(only('link-resolves', new KnowledgeGraph({ documents, files, rootInRepository: '' })).messages.map((message) => message.reason)).toEqual([
      'Link target `/zh/gas-profiling/report/index.html` does not exist; did you mean `/gas-profiling/report/index.html`?',
    ]);
  });

  it('suggests the page beside a link whose extension changed between `.md` and `.mdx`, before a namesake in another folder', () => {
    const graph = graphOf({
      'web/docs/index.md': '# Docs\n\n[Install](install.md) and [contribute](./contributing.mdx)\n',
      'web/docs/install.mdx': '# Install\n',
      'web/docs/contributing.md': '# Contributing\n',
      'docs/install.md': '# Install\n',
      'docs/contributing.mdx': '# Contributing\n',
    });
    expect(only('link-resolves', graph).messages.map((message) => message.reason)).toEqual([
      'Link target `install.md` does not exist; did you mean `install.mdx`?',
      'Link target `./contributing.mdx` does not exist; did you mean `contributing.md`?',
    ]);
  });

  it('suggests a MyST target for a name or an anchor that misses one, on a Sphinx project\'s page', () => {
    const encoder = new TextEncoder();
    const texts = {
      'docs/install.md': '# Install\n\n(install-from-source)=\n## From source\n',
      'docs/guide.md': '# Guide\n\n[Build](install-from-sources) or [here](#install-from-sources).\n',
    };
    const documents = Object.entries(texts).map(([path, text]) => readDocument(path, encoder.encode(text)));
    const graph = new KnowledgeGraph({ documents, files: [...Object.keys(texts), 'docs/conf.py'] });
    expect(only('link-resolves', graph).messages.map((message) => message.reason)).toEqual([
      'Link target `install-from-sources` does not exist; did you mean `install-from-source`?',
      '`docs/guide.md` has no heading with the anchor `#install-from-sources`; did you mean `#install-from-source`?',
    ]);
  });

  it("suggests, of two anchors as near, the one the page's site makes", () => {
    const encoder = new TextEncoder();
    const texts = {
      'settings.mdx': "# Settings\n\n## What's next?\n",
      'guide.mdx': '# Guide\n\nThen [what next](/settings#what-s-next) and [written so](/settings#whats-nxt).\n',
      'docs.json': '{"navigation": {"pages": ["settings", "guide"]}}',
    };
    const documents = Object.entries(texts)
      .filter(([path]) => path.endsWith('.mdx'))
      .map(([path, text]) => readDocument(path, encoder.encode(text)));
    const graph = new KnowledgeGraph({ documents, files: Object.keys(texts) });
    expect(only('link-resolves', graph).messages.map((message) => message.reason)).toEqual([
      // Mintlify's `what’s-next` and GitHub's `whats-next` are one edit away: the site's is the one that works there.
      '`settings.mdx` has no heading with the anchor `#what-s-next`; did you mean `#what’s-next`?',
      // GitHub's is nearer here.
      '`settings.mdx` has no heading with the anchor `#whats-nxt`; did you mean `#whats-next`?',
    ]);
  });

  it('names a character of the suggested anchor that shows as nothing', () => {
    const graph = graphOf({ 'readme.md': '# Tool\n\n## ⚠️ Security Disclaimer\n\nRead [the disclaimer](#-security-disclaimer).\n' });
    expect(only('link-resolves', graph).messages.map((message) => message.reason)).toEqual([
      "`readme.md` has no heading with the anchor `#-security-disclaimer`; did you mean `#\uFE0F-security-disclaimer`? It holds U+FE0F, which shows as nothing: the anchor keeps it from the heading (an emoji's variation selector, a combining mark)",
    ]);
  });

  it('finds a heading whatever the case of the anchor, as GitHub does', () => {
    const graph = graphOf({ 'rfc.md': '# RFC\n\n## ID\n\nSee [the id](#ID), [it again](#Id) and [nothing](#IDs).\n' });
    expect(only('link-resolves', graph).messages.map((message) => [message.messageId, message.column])).toEqual([['missing-anchor-suggest', 40]]);
  });

  it('keeps the heading a `file:` URL on the writer\'s machine names in the path it asks for', () => {
    const graph = graphOf({
      'docs/guide.md': '# Guide\n\n## Setup\n',
      'notes/log.md': '# Log\n\nRead [the guide](file:///d%3A/Projects/app/docs/guide.md#setup) and [again](/home/ann/app/docs/guide.md#setup).\n',
    });
    expect(only('link-resolves', graph).messages.map((message) => message.expected)).toEqual([['../docs/guide.md#setup'], ['../docs/guide.md#setup']]);
  });

  it('asks for the lines a `file:` URL on the writer\'s machine names as the code host names them', () => {
    const graph = graphOf({
      'docs/guide.md': '# Guide\n',
      'src/core.ts': 'export {};\n',
      'notes/log.md': '# Log\n\n[core](file:///d%3A/Projects/app/src/core.ts#804-810), [again](file:///d%3A/Projects/app/src/core.ts#12-12), [guide](file:///d%3A/Projects/app/docs/guide.md#1-40).\n',
      'notes/years.md': '# Years\n\n[2023](file:///d%3A/Projects/app/docs/guide.md#2023)\n',
    });
    expect(only('link-resolves', graph).messages.map((message) => message.expected)).toEqual([
      ['../src/core.ts#L804-L810'],
      ['../src/core.ts#L12-L12'],
      ['../docs/guide.md'],
      // A number alone may be a heading's anchor, and is kept.
      ['../docs/guide.md#2023'],
    ]);
  });

  it('quotes a definition whose label runs over two lines on one line', () => {
    const graph = graphOf({ 'plan.md': '# Plan\n\n[Month\n1]: ./nowhere.md\n' });
    expect(only('link-resolves', graph).messages.map((message) => message.reason)).toEqual([
      '`[Month 1]: ./nowhere.md` is a link reference definition, which Markdown does not show, that nothing links to, and its target does not exist; delete it if it is left over, or write `\\[Month 1]:` if the line was meant to show as text',
    ]);
  });
});

describe('block-closed', () => {
  it.each([
    ['a fence, with a final line break', '# A\n\n```ts\nconst a = 1;\n', '# A\n\n```ts\nconst a = 1;\n```\n'],
    ['a fence, without one', '# A\n\n~~~~\ncode', '# A\n\n~~~~\ncode\n~~~~\n'],
    ['an HTML block, with CRLF line endings', '# A\r\n\r\n<pre>\r\ntext\r\n', '# A\r\n\r\n<pre>\r\ntext\r\n</pre>\r\n'],
  ])('fixes %s by closing it at the end, after which nothing is reported', (_, text, fixed) => {
    const { messages } = only('block-closed', graphOf({ 'a.md': text }));
    expect(messages).toHaveLength(1);
    const result = applyFixes(text, messages);
    expect(result.text).toBe(fixed);
    expect(only('block-closed', graphOf({ 'a.md': result.text })).messages).toEqual([]);
  });

  it('frees a fence written on the lines of an HTML block with a blank line before it, not by closing the block at the end', () => {
    const text = '# Plan\r\n\r\n<verification>\r\nRun:\r\n```bash\r\npnpm test\r\n\r\n# only retries\r\npnpm test retry\r\n```\r\n</verification>\r\n';
    const { messages } = only('block-closed', graphOf({ 'a.md': text }));
    expect(messages.map((message) => message.message)).toEqual([
      'This line was meant to close the code block opened on line 5, but that fence is part of the HTML block opened on line 3 (an HTML block runs to the next blank line), so this line opens a code block that runs to the end of the document; put a blank line before line 5',
    ]);
    const result = applyFixes(text, messages);
    expect(result.text).toBe('# Plan\r\n\r\n<verification>\r\nRun:\r\n\r\n```bash\r\npnpm test\r\n\r\n# only retries\r\npnpm test retry\r\n```\r\n</verification>\r\n');
    const fixed = graphOf({ 'a.md': result.text });
    expect(only('block-closed', fixed).messages).toEqual([]);
    // The heading inside the code is code again, not a heading of the document.
    expect(fixed.document('a.md')!.model.headings.map((heading) => heading.text)).toEqual(['Plan']);
  });

  it('finds the fence in the HTML block past an indented code block, the rest of the code it was meant to hold', () => {
    const text = '# Plan\n\n<task>\n1. Add it:\n   ```python\n   x = 1\n\n       y = 2\n   ```\n   Keep it short.\n';
    expect(only('block-closed', graphOf({ 'a.md': text })).messages.map((message) => [message.messageId, message.line])).toEqual([['fence-in-html', 9]]);
  });

  it('frees the fence the same way when the document recovers, so the text it swallowed is text again', () => {
    const text = '# Plan\n\n<task>\n1. Add it:\n   ```python\n   x = 1\n\n       y = 2\n   ```\n   Keep it short.\n\n2. Export it:\n   ```python\n   from a import x\n   ```\n</task>\n';
    const { messages } = only('block-closed', graphOf({ 'a.md': text }));
    expect(messages.map((message) => [message.messageId, message.line, message.column])).toEqual([['fence-in-html-swallows', 9, 4]]);
    const result = applyFixes(text, messages);
    expect(result.text).toBe(text.replace('1. Add it:\n', '1. Add it:\n\n'));
    expect(only('block-closed', graphOf({ 'a.md': result.text })).messages).toEqual([]);
  });

  it('indents a fence meant to close a list item\'s code block as the item\'s content, after which the block is closed in the item', () => {
    const text = '# Actions\n\n- An action:\n\n  ```ts\n  const send = action({\n      handler: async () => null,\n  });\n```\n\nMore text.\n';
    const { messages } = only('block-closed', graphOf({ 'a.md': text }));
    expect(messages.map((message) => [message.messageId, message.line, message.message])).toEqual([
      [
        'fence-outside-list-item',
        9,
        "This fence was meant to close the code block opened on line 5 in a list item, but it is indented less than that item's content (2 spaces), so the item and its block ended on the line above and this line opens a code block of its own; indent it by 2 spaces",
      ],
    ]);
    const result = applyFixes(text, messages);
    expect(result.text).toBe(text.replace('\n```\n', '\n  ```\n'));
    expect(only('block-closed', graphOf({ 'a.md': result.text })).messages).toEqual([]);
  });

  it('tells a closing fence written with a language at that line, and mends each such closer in turn', () => {
    const text = '# Setup\r\n\r\n```bash\r\nngrok http 3003\r\n```yaml\r\n\r\n## Config\r\n\r\n```yaml\r\nport: 3003\r\n```yaml\r\n';
    const { messages } = only('block-closed', graphOf({ 'a.md': text }));
    expect(messages.map((message) => [message.line, message.column, message.message])).toEqual([
      [
        5,
        1,
        'This fence has a language after it, so it does not close the code block opened on line 3: a closing fence takes nothing after it, so this line and the rest of the document are code; write it as 3 backticks alone',
      ],
    ]);
    let current = text;
    for (let pass = 0; pass < 3; pass++) current = applyFixes(current, only('block-closed', graphOf({ 'a.md': current })).messages).text;
    expect(current).toBe('# Setup\r\n\r\n```bash\r\nngrok http 3003\r\n```\r\n\r\n## Config\r\n\r\n```yaml\r\nport: 3003\r\n```\r\n');
    const fixed = graphOf({ 'a.md': current });
    expect(only('block-closed', fixed).messages).toEqual([]);
    expect(fixed.document('a.md')!.model.headings.map((heading) => heading.text)).toEqual(['Setup', 'Config']);
  });

  it('tells a closing fence written with a language mid-document, over Markdown to the next bare fence, as that closer, not as a nested fence', () => {
    const text = '# Setup\n\n```bash\nnpm run setup\n```text\n\nIt makes a database.\n\n### Manual setup\n\n```bash\nnpm i -g wrangler\n```\n\nIts configuration:\n\n```json\n{}\n```text\n';
    const { messages } = only('block-closed', graphOf({ 'a.md': text }));
    expect(messages.map((message) => [message.messageId, message.line, message.column, message.message])).toEqual([
      [
        'earlier-closer-with-language',
        5,
        1,
        'This fence has a language after it, so it does not close the code block opened on line 3: a closing fence takes nothing after it, so the block runs on over `### Manual setup` on line 9 to line 13, every fence after that pairs with the wrong one, and the document ends inside a code block; write it as 3 backticks alone',
      ],
    ]);
    let current = text;
    for (let pass = 0; pass < 3; pass++) current = applyFixes(current, only('block-closed', graphOf({ 'a.md': current })).messages).text;
    expect(current).toBe(text.replaceAll('```text', '```'));
    const fixed = graphOf({ 'a.md': current });
    expect(only('block-closed', fixed).messages).toEqual([]);
    expect(fixed.document('a.md')!.model.headings.map((heading) => heading.text)).toEqual(['Setup', 'Manual setup']);
    // A nested sample holds code before the line that closes its block: still a nested fence.
    const sample = '# Prompt\n\n```\nAnswer in a block:\n\n```ts\nconst x = 1;\n```\n\nThen the risks.\n```\n';
    expect(only('block-closed', graphOf({ 'b.md': sample })).messages.map((message) => [message.messageId, message.line])).toEqual([['nested-fence', 8]]);
  });

  it('mends a closing fence with the next line\'s words glued to it by breaking the line, keeping the words', () => {
    const text = '# Worktrees\n\n```yaml\nworktrees: true\n```  Notes:\n\n- Each has its own checkout.\n';
    const { messages } = only('block-closed', graphOf({ 'a.md': text }));
    expect(messages.map((message) => [message.messageId, message.line])).toEqual([['closer-with-text', 5]]);
    const result = applyFixes(text, messages);
    expect(result.text).toBe('# Worktrees\n\n```yaml\nworktrees: true\n```\nNotes:\n\n- Each has its own checkout.\n');
    expect(only('block-closed', graphOf({ 'a.md': result.text })).messages).toEqual([]);
    // A language with attributes is still a language, taken off as before.
    const attributed = only('block-closed', graphOf({ 'b.md': '# A\n\n```bash\nrun\n```js title="a.js"\n' })).messages;
    expect(attributed.map((message) => message.messageId)).toEqual(['closer-with-language']);
  });

  it('tells a fence an HTML block swallowed as the cause when the fences it set pairing wrongly leave the last block open', () => {
    const text = '# Tool\n\n<commands>\n```bash\ntool run\n\ntool list\n```\n</commands>\n\n## Notes\n\n<ref>\n```\nquery: x\n```\n</ref>\n';
    const { messages } = only('block-closed', graphOf({ 'a.md': text }));
    expect(messages.map((message) => [message.messageId, message.line])).toEqual([['fence-in-html-swallows', 8]]);
    const result = applyFixes(text, messages);
    expect(result.text).toBe(text.replace('<commands>\n', '<commands>\n\n'));
    const fixed = graphOf({ 'a.md': result.text });
    expect(only('block-closed', fixed).messages).toEqual([]);
    expect(fixed.document('a.md')!.model.headings.map((heading) => heading.text)).toEqual(['Tool', 'Notes']);
    // So when the text it swallowed reads as no Markdown: the block left open at the end tells the harm.
    const plain = '# Tool\n\n<commands>\n```bash\ntool run\n\ntool list\n```\n</commands>\n\n<ref>\n```\nquery: x\n```\n</ref>\n';
    expect(only('block-closed', graphOf({ 'a.md': plain })).messages.map((message) => [message.messageId, message.line])).toEqual([['fence-in-html-swallows', 8]]);
  });

  it('offers no fix for a bare fence over Markdown, and deletes a fence on the last line', () => {
    const text = '# Quality\n\n    return x\n```\n\n## Best Practices\n\n- test columns\n';
    const [over] = only('block-closed', graphOf({ 'a.md': text })).messages;
    expect([over!.message, over!.fix]).toEqual([
      'This fence opens a code block that is never closed, and it runs over `## Best Practices` on line 6, which reads as Markdown: if the fence is left over from a block closed above, delete it; else close the block before line 6',
      undefined,
    ]);
    const stray = '# Notes\r\n\r\nDone.\r\n  ```\r\n';
    expect(applyFixes(stray, only('block-closed', graphOf({ 'a.md': stray })).messages).text).toBe('# Notes\r\n\r\nDone.\r\n');
  });

  it('leaves an opener with a language alone: it opens a block on purpose', () => {
    const text = '# Plan\n\n<verification>\n```bash\npnpm test\n\n```python\nprint(1)\n';
    expect(only('block-closed', graphOf({ 'a.md': text })).messages.map((message) => message.messageId)).toEqual(['unclosed-fence']);
  });
});

describe('link-resolves, suggesting an anchor on a site page', () => {
  const encoder = new TextEncoder();
  const api = '# API\n\n### RouteRecord %{#Type-Aliases-RouteRecord}%\n\nA record.\n';
  const guide = '# Guide\n\nSee [`RouteRecord`](api.md#routerecord).\n';
  const graphWith = (files: string[]) =>
    new KnowledgeGraph({
      documents: [readDocument('docs/api.md', encoder.encode(api)), readDocument('docs/guide.md', encoder.encode(guide))],
      files: [...files, 'docs/api.md', 'docs/guide.md'],
    });

  it('offers the id a heading sets for itself, not the anchor its text has on GitHub', () => {
    const { messages } = only('link-resolves', graphWith(['docs/.vitepress/config.ts']));
    expect(messages.map((message) => [message.messageId, message.expected])).toEqual([['missing-anchor-suggest', ['Type-Aliases-RouteRecord']]]);
  });

  it('offers the anchor of the text on a page no generator serves, where the list of attributes is text', () => {
    const { messages } = only('link-resolves', graphWith([]));
    expect(messages.map((message) => message.expected)).toEqual([['routerecord-type-aliases-routerecord']]);
  });
});

describe('link-resolves, on a route to a page a build writes into an ignored folder', () => {
  // `.gitignore`'s `api` leaves out every folder so named; the translation's pages under `zh/api/` are committed all the same.
  const ignored = (path: string) => /(?:^|\/)api(?:\/|$)/.test(path) && !path.startsWith('packages/docs/zh/');
  const encoder = new TextEncoder();
  const graph = new KnowledgeGraph({
    documents: [
      readDocument('packages/docs/guide/advanced/routing.md', encoder.encode('# Routing\n\nSee [`hasRoute()`](/api/interfaces/Router.md#hasRoute).\n')),
      readDocument('packages/docs/zh/api/interfaces/Router.md', encoder.encode('# Router\n')),
    ],
    files: ['packages/docs/.vitepress/config/index.ts', 'packages/docs/guide/advanced/routing.md', 'packages/docs/zh/api/interfaces/Router.md'],
    rootInRepository: '',
    ignoredByGit: ignored,
    ignoredHere: () => false,
  });

  it('names the page file under the site\'s folder, not a folder of that name beside the linking page, nor a translation of it', () => {
    const { messages, summary } = only('link-resolves', graph);
    expect(summary).toEqual(['packages/docs/guide/advanced/routing.md ignored-page true']);
    expect(messages[0]!.reason).toContain('whose file, `packages/docs/api/interfaces/Router.md`,');
    expect(messages[0]!.reason).toContain('list `packages/docs/api/**` in `externalDocuments`');
  });
});

describe('link-resolves, on a link to a file .gitignore leaves out', () => {
  const ignored = (path: string) => path === 'docs/rubydoc' || path.startsWith('docs/rubydoc/') || path === 'docs/notes' || path === 'docs/notes/plan.md';
  const encoder = new TextEncoder();
  const graph = new KnowledgeGraph({
    documents: [readDocument('docs/a.md', encoder.encode('# A\n\nSee [Formula](/rubydoc/Formula.html) and [the plan](notes/plan.md).\n'))],
    files: ['docs/a.md', 'docs/notes/kept.md'],
    rootInRepository: '',
    ignoredByGit: ignored,
    ignoredHere: () => false,
  });

  it('names the externalDocuments entry that covers it, and tells a route as a page a build makes', () => {
    const { messages, summary } = only('link-resolves', graph);
    expect(summary).toEqual(['docs/a.md ignored-page true', 'docs/a.md ignored-missing true']);
    expect(messages[0]!.reason).toContain('list `docs/rubydoc/**` in `externalDocuments`');
    expect(messages[0]!.reason).not.toContain('commit the file');
    // The folder holds a file of the corpus: only the file itself is named.
    expect(messages[1]!.reason).toContain('list `docs/notes/plan.md` in `externalDocuments`');
  });

  it('is silenced by the entry it names', () => {
    expect(only('link-resolves', graph, { externalDocuments: ['docs/rubydoc/**', 'docs/notes/plan.md'] }).summary).toEqual([]);
  });
});
