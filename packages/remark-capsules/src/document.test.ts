import { describe, expect, it } from 'vitest';
import { parseCapsuleDocument } from './parse.js';

describe('an MDX page', () => {
  const page = '# Tabs\n\n<Tabs>\n<Tab title="Python">\n```python\nprint(1)\n\nprint(2)\n```\n</Tab>\n</Tabs>\n\n<Search>\n  ## Features\n  <FeaturesList />\n</Search>\n\n## After\n';

  it('is read as MDX reads it: a JSX line swallows no lines as an HTML block would, so a fence and a heading inside it are one', () => {
    const { model, tree } = parseCapsuleDocument(page, 'docs/tabs.mdx');
    expect(model.headings.map((heading) => heading.text)).toEqual(['Tabs', 'Features', 'After']);
    expect(model.unclosedBlock).toBeUndefined();
    expect(tree.children.filter((node) => node.type === 'code').map((node) => 'value' in node && node.value)).toEqual(['print(1)\n\nprint(2)']);
    expect(tree.children.some((node) => node.type === 'html')).toBe(false);
  });

  it('keeps an inline JSX tag out of a heading\'s text, as MDX does, so the heading keeps its anchor', () => {
    const { model } = parseCapsuleDocument('## source.define <Badge text="source.define" />\n', 'config/source.mdx');
    expect(model.headings.map((heading) => heading.slug)).toEqual(['sourcedefine']);
  });

  it('is read as CommonMark with any other name, where the same lines are an HTML block', () => {
    const { model } = parseCapsuleDocument(page, 'docs/tabs.md');
    expect(model.headings.map((heading) => heading.text)).not.toContain('After');
    expect(model.unclosedBlock).toBeDefined();
  });
});

describe('document facts', () => {
  it('keeps a space where a hard break splits a checklist item', () => {
    const { model } = parseCapsuleDocument('- [ ] Verify first\\\n  then proceed (RiskDiscovery)\n');
    expect(model.checklist[0]?.text).toBe('Verify first then proceed (RiskDiscovery)');
  });
});

describe('mentions', () => {
  it('records a capsule name cited in brackets, escaped or not', () => {
    const { model } = parseCapsuleDocument('Start with [ExplorationFirst]. Then \\[RiskDiscovery\\] and [lowercase].\n');
    expect(model.mentions.map((mention) => [mention.name, mention.position.start.column, mention.position.end.column])).toEqual([
      ['ExplorationFirst', 12, 30],
      ['RiskDiscovery', 37, 54],
    ]);
    expect(model.mentions[0]?.context).toBe('Start with [ExplorationFirst].');
  });

  it('does not take a defined reference for a mention', () => {
    const { model } = parseCapsuleDocument('See [RiskDiscovery].\n\n[RiskDiscovery]: ./risk.md\n');
    expect(model.mentions).toEqual([]);
    expect(model.links.map((link) => link.url)).toEqual(['./risk.md']);
  });

  it('gives a mention in a heading or a table the heading or the row around it', () => {
    const { model } = parseCapsuleDocument('## Using `RiskDiscovery`\n\n| Capsule | Why |\n| --- | --- |\n| `ExplorationFirst` | Read first |\n');
    expect(model.mentions.map((mention) => mention.context)).toEqual(['Using RiskDiscovery', 'ExplorationFirst | Read first']);
  });

  it('leaves a block label out of the context of a mention under it', () => {
    const { model } = parseCapsuleDocument('### Capsule: Alpha\n\n**Invariant**\nCompose `ExplorationFirst` with care.\n');
    expect(model.mentions[0]?.context).toBe('Compose ExplorationFirst with care.');
  });

  it('leaves out a block label in a task-list item whose checkbox line is otherwise blank, with any line ending', () => {
    for (const ending of ['\n', '\r\n', '\r']) {
      const { model } = parseCapsuleDocument(['- [ ] ', '**Invariant**', '`ExplorationFirst`'].join(ending));
      expect(model.mentions.map((mention) => mention.context)).toEqual(['ExplorationFirst']);
    }
  });
});

describe('checklist citations', () => {
  it('does not count a citation in backticks as a mention too', () => {
    const { model } = parseCapsuleDocument('- [ ] Compose with `ExplorationFirst` (`RiskDiscovery`)\n');
    expect(model.checklist[0]?.cites.map((cite) => cite.name)).toEqual(['RiskDiscovery']);
    expect(model.mentions.map((mention) => mention.name)).toEqual(['ExplorationFirst']);
  });

  it('reads a citation followed by a full stop', () => {
    const { model } = parseCapsuleDocument('- [ ] Verify each step (IncrementalExecution).\n');
    expect(model.checklist[0]?.cites.map((cite) => [cite.name, cite.position.start.column])).toEqual([['IncrementalExecution', 25]]);
  });
});

describe('links inside math', () => {
  it('are marked where `$…$` or `$$…$$` holds them, and prices and escaped dollars make no math', () => {
    const text = [
      '# T',
      '',
      '$$',
      '[A,B](x+y) = 0',
      '$$',
      '',
      'Inline $[u^k](\\sigma_f)$ here, and $x$ then [a link](a.md).',
      '',
      'From $5 to $10 see [prices](prices.md); \\$[not math](b.md)\\$ and $ [spaced](c.md) $.',
    ].join('\n');
    const { model } = parseCapsuleDocument(text);
    expect(model.links.map((link) => [link.url, link.inMath ?? false])).toEqual([
      ['x+y', true],
      ['\\sigma_f', true],
      ['a.md', false],
      ['prices.md', false],
      ['b.md', false],
      ['c.md', false],
    ]);
  });
});

describe('anchors', () => {
  it('makes a heading holding inline HTML the anchor of the text it shows', () => {
    const { model } = parseCapsuleDocument('# T\n\n## Use <code>x</code> here\n\n## <a name="setup"></a> Setup Guide\n');
    expect(model.headings.map((heading) => [heading.text, heading.slug])).toEqual([
      ['T', 't'],
      ['Use <code>x</code> here', 'use-x-here'],
      ['<a name="setup"></a> Setup Guide', 'setup-guide'],
    ]);
  });

  it('makes each space of a heading a hyphen of its anchor, as GitHub does, and keeps its text collapsed', () => {
    const { model } = parseCapsuleDocument('# T\n\n## 8.  判断一个数\n\nSetext  two\nlines\n---\n');
    expect(model.headings.map((heading) => [heading.text, heading.slug])).toEqual([
      ['T', 't'],
      ['8. 判断一个数', '8--判断一个数'],
      ['Setext two lines', 'setext--twolines'],
    ]);
  });

  it('keeps the anchor Starlight gives a heading with a badge, which the badge plugin leaves out of it', () => {
    const { model } = parseCapsuleDocument('# T\n\n### SAML Events :badge[v8.0]\n\n## Setup :badge[New]{variant=caution}\n\n## Setup\n\n## Plain :badge\n');
    expect(model.headings.map((heading) => [heading.slug, heading.siteSlugs?.astro])).toEqual([
      ['t', undefined],
      ['saml-events-badgev80', 'saml-events'],
      ['setup-badgenewvariantcaution', 'setup'],
      ['setup', 'setup-1'],
      ['plain-badge', undefined],
    ]);
  });

  it('keeps the anchors HTML sets with `id` or `name`, quoted or not, in blocks and inline', () => {
    const { model } = parseCapsuleDocument(
      "# T\n\n<a id=\"bookmark\"></a>\n\n## <a name='setup'></a> Setup\n\nText <span id=plain>here</span> and <b class=\"x\">none</b>.\n",
    );
    expect(model.setAnchors).toEqual(['bookmark', 'setup', 'plain']);
    expect(parseCapsuleDocument('# T\n\n<div class="x">no anchors</div>\n').model.setAnchors).toBeUndefined();
  });

  it('keeps the anchors each site generator\'s way gives a heading where they differ from GitHub\'s', () => {
    const { model } = parseCapsuleDocument('# T\n\n## build.target\n\n## Caret, Mark & Tilde\n\n## Plain words\n\n## Dois-je exécuter ?\n\n## **1. Create a Vue 3 App**\n\n## Video #3:  Quickstart\n\n## Setup – step one\n');
    const everyMkDocs = (slug: string) => ({ 'python-markdown': slug, 'python-markdown-unicode': slug });
    expect(model.headings.map((heading) => [heading.slug, heading.siteSlugs])).toEqual([
      ['t', undefined],
      // GitBook keeps the dot.
      ['buildtarget', { vitepress: 'build-target', vuepress: 'build-target', hexo: 'build-target', gitbook: 'build.target', mintlify: 'build-target', 'markdown-it-anchor': 'build.target' }],
      // PyMdown makes each space a hyphen, as GitHub does.
      ['caret-mark--tilde', { vitepress: 'caret-mark-tilde', vuepress: 'caret-mark-tilde', hexo: 'caret-mark-tilde', ...everyMkDocs('caret-mark-tilde'), gitbook: 'caret-mark-tilde', mintlify: 'caret-mark-&-tilde', 'markdown-it-anchor': 'caret,-mark-&-tilde' }],
      ['plain-words', undefined],
      // Astro drops GitHub's last hyphen; VitePress and MkDocs as it comes drop the accent.
      [
        'dois-je-exécuter-',
        {
          vitepress: 'dois-je-executer',
          vuepress: 'dois-je-executer',
          hexo: 'dois-je-executer',
          'python-markdown': 'dois-je-executer',
          'python-markdown-unicode': 'dois-je-exécuter',
          pymdown: 'dois-je-exécuter',
          gitbook: 'dois-je-exécuter',
          astro: 'dois-je-exécuter',
          mintlify: 'dois-je-exécuter',
          // markdown-it-anchor keeps every character but spaces.
          'markdown-it-anchor': 'dois-je-exécuter-?',
        },
      ],
      // VitePress puts `_` before a leading digit, GitBook `id-`; Hexo leaves it, as GitHub does.
      ['1-create-a-vue-3-app', { vitepress: '_1-create-a-vue-3-app', vuepress: '_1-create-a-vue-3-app', gitbook: 'id-1.-create-a-vue-3-app', 'markdown-it-anchor': '1.-create-a-vue-3-app' }],
      ['video-3--quickstart', { vitepress: 'video-3-quickstart', vuepress: 'video-3-quickstart', hexo: 'video-3-quickstart', ...everyMkDocs('video-3-quickstart'), gitbook: 'video-3-quickstart', mintlify: 'video-#3-quickstart', 'markdown-it-anchor': 'video-#3:-quickstart' }],
      // VuePress takes the dash for punctuation; VitePress and Hexo keep it.
      ['setup--step-one', { vitepress: 'setup-–-step-one', vuepress: 'setup-step-one', hexo: 'setup-–-step-one', ...everyMkDocs('setup-step-one'), gitbook: 'setup-step-one', mintlify: 'setup-–-step-one', 'markdown-it-anchor': 'setup-–-step-one' }],
    ]);
  });

  it('counts a repeated heading each generator\'s way: `-1` in VitePress and Astro, `_1` in MkDocs, `-2` in Mintlify', () => {
    const { model } = parseCapsuleDocument('# T\n\n## Build target\n\n## Build target\n\n## 例题\n\n## 例题\n\n## 例题\n\n## Step_1\n\n## Step\n\n## Step\n');
    const mkdocs = (slug: string) => ({ 'python-markdown': slug, 'python-markdown-unicode': slug, pymdown: slug });
    expect(model.headings.map((heading) => [heading.slug, heading.siteSlugs])).toEqual([
      ['t', undefined],
      ['build-target', undefined],
      ['build-target-1', { ...mkdocs('build-target_1'), mintlify: 'build-target-2' }],
      // MkDocs as it comes keeps ASCII only: a heading of none is `_1`, `_2`, ...
      ['例题', { 'python-markdown': '_1' }],
      ['例题-1', { 'python-markdown': '_2', 'python-markdown-unicode': '例题_1', pymdown: '例题_1', mintlify: '例题-2' }],
      ['例题-2', { 'python-markdown': '_3', 'python-markdown-unicode': '例题_2', pymdown: '例题_2', mintlify: '例题-3' }],
      // VitePress makes `_` a hyphen, so `Step_1` takes `step-1` there and the second `Step` gets `-2`.
      ['step_1', { vitepress: 'step-1', vuepress: 'step-1', hexo: 'step-1' }],
      ['step', undefined],
      // Python-Markdown likewise counts on from a `_1` already taken.
      ['step-1', { vitepress: 'step-2', vuepress: 'step-2', hexo: 'step-2', ...mkdocs('step_2'), mintlify: 'step-2' }],
    ]);
  });

  it('keeps Markdig\'s `section` for a heading of no letters or digits, as DocFX serves it, counting repeats', () => {
    const { model } = parseCapsuleDocument('# T\n\n### `$$`\n\n### `$?`\n\n### `$^`\n\n## Section\n');
    expect(model.headings.map((heading) => [heading.slug, heading.siteSlugs?.markdig])).toEqual([
      ['t', undefined],
      ['', 'section'],
      ['-1', 'section-1'],
      ['-2', 'section-2'],
      // Markdig counts on past the ids it gave: a heading named Section after them is `section-3`.
      ['section', 'section-3'],
    ]);
  });

  it('counts Mintlify\'s repeats from 2, across heading levels, its first heading of a kind GitHub\'s', () => {
    const { model } = parseCapsuleDocument('# T\n\n## Service A\n\n### Settings\n\n## Service B\n\n### Settings\n\n## Settings\n');
    expect(model.headings.map((heading) => [heading.slug, heading.siteSlugs?.mintlify])).toEqual([
      ['t', undefined],
      ['service-a', undefined],
      ['settings', undefined],
      ['service-b', undefined],
      ['settings-1', 'settings-2'],
      ['settings-2', 'settings-3'],
    ]);
  });

  it('makes Mintlify\'s anchor of a heading as its pages link to it, punctuation that parts words a hyphen and other characters kept', () => {
    const headings = ['enableMic(enable: boolean)', 'Configuration file (pcc-deploy.toml)', 'Processor Pause/Resume Urgent', '3. VAD & Turn Analyzer Configuration', 'Per-tool options with @tool_options', 'Settings', "What's next?", "The 'quoted' word"];
    const { model } = parseCapsuleDocument(headings.map((heading) => `## ${heading}\n`).join('\n'));
    expect(model.headings.map((heading) => heading.siteSlugs?.mintlify ?? heading.slug)).toEqual([
      'enablemic-enable-boolean',
      'configuration-file-pcc-deploy-toml',
      'processor-pause/resume-urgent',
      '3-vad-&-turn-analyzer-configuration',
      'per-tool-options-with-@tool_options',
      'settings',
      // An apostrophe inside a word is set as a typographer's and kept; a quote around one parts words.
      'what’s-next',
      'the-quoted-word',
    ]);
  });

  // Counted through from the first for each, 30,000 like headings would take minutes, not the test's seconds.
  it('counts 30,000 like headings each from where the last left off', { timeout: 20_000 }, () => {
    const { model } = parseCapsuleDocument(`# T\n\n${'## 例题\n\n'.repeat(30_000)}`);
    expect(model.headings.at(-1)?.siteSlugs).toEqual({ 'python-markdown': '_30000', 'python-markdown-unicode': '例题_29999', pymdown: '例题_29999', mintlify: '例题-30000' });
  });

  it('keeps the anchors MkDocs gives headings in any script with a unicode slug function', () => {
    const { model } = parseCapsuleDocument('# T\n\n## 例题「UVa 10572」Black & White\n\n## Привет, мир\n');
    expect(model.headings.map((heading) => heading.siteSlugs)).toEqual([
      undefined,
      // VitePress keeps the corner brackets; Python-Markdown's own unicode function collapses
      // the two spaces around `&`, PyMdown's does not (and so is GitHub's, left out).
      {
        vitepress: '例题「uva-10572」black-white',
        vuepress: '例题「uva-10572」black-white',
        hexo: '例题「uva-10572」black-white',
        'python-markdown': 'uva-10572black-white',
        'python-markdown-unicode': '例题uva-10572black-white',
        gitbook: '例题uva-10572black-white',
        mintlify: '例题「uva-10572」black-&-white',
        'markdown-it-anchor': '例题「uva-10572」black-&-white',
      },
      { 'python-markdown': '_1', 'markdown-it-anchor': 'привет,-мир' },
    ]);
  });

  it('keeps the files a page takes in whole: MkDocs\'s snippets, mdBook\'s includes and MyST\'s directive', () => {
    const text = '# T\n\n--8<-- "docs/snippets/note.md"\n\n{{#include ../listings/intro.md:start}}\n\n```{include} ../CHANGELOG.md\n:relative-docs: docs/\n```\n\nA sentence about --8<-- "x.md" is no include.\n';
    const { model } = parseCapsuleDocument(text);
    expect(model.includes?.map((include) => [include.target, include.position.start.line])).toEqual([
      ['docs/snippets/note.md', 3],
      ['../listings/intro.md', 5],
      ['../CHANGELOG.md', 7],
    ]);
    expect(parseCapsuleDocument('# T\n\nNo includes.\n').model.includes).toBeUndefined();
  });

  it('keeps the files VitePress takes in with its include comment, whole or a region or lines of them', () => {
    const text = '# T\n\n<!--@include: ./cli-generated.md-->\n\n<!-- @include: ../parts/basics.md#usage{3,} -->\n\n<!-- not @include ./x.md -->\n';
    const { model } = parseCapsuleDocument(text);
    expect(model.includes?.map((include) => [include.target, include.position.start.line])).toEqual([
      ['./cli-generated.md', 3],
      ['../parts/basics.md', 5],
    ]);
  });

  it('reads a VitePress include from the source folder as VitePress does, with or without a slash after `@`', () => {
    const text = '# T\n\n<!--@include: @shared/createConfig.md-->\n\n<!--@include: @/parts/basics.md{3,}-->\n';
    const { model } = parseCapsuleDocument(text);
    expect(model.includes?.map((include) => include.target)).toEqual(['@/shared/createConfig.md', '@/parts/basics.md']);
  });

  it('keeps the Markdown files dumi embeds, whole or lines of them, and no other embed', () => {
    const text = '# T\n\n<embed src="./shared/sharedProps.en-US.md"></embed>\n\n<embed src=\'../parts/faq.md#L3-L10\'></embed>\n\n<embed src="./chart.pdf" type="application/pdf">\n';
    const { model } = parseCapsuleDocument(text);
    expect(model.includes?.map((include) => [include.target, include.position.start.line])).toEqual([
      ['./shared/sharedProps.en-US.md', 3],
      ['../parts/faq.md', 5],
    ]);
  });

  it('keeps the tabs a Mintlify page shows as its Mintlify anchors, named by their title or their id', () => {
    const text = [
      '# Agent',
      '',
      '<Tabs>',
      '  <Tab title="Classic Agent">',
      '  Tools in a loop.',
      '  </Tab>',
      "  <Tab title='新しい Agent' icon=\"robot\">",
      '  A worker.',
      '  </Tab>',
      '  <Tab id="mcp-servers" title="MCP">',
      '  Servers.',
      '  </Tab>',
      '</Tabs>',
      '',
    ].join('\n');
    expect(parseCapsuleDocument(text, 'agent.mdx').model.siteAnchors?.mintlify).toEqual(['classic-agent', '新しい-agent', 'mcp-servers']);
    expect(parseCapsuleDocument('# Agent\n\n<Table title="Sizes">\n', 'agent.mdx').model.siteAnchors).toBeUndefined();
  });

  it('keeps the accordions a Mintlify page shows as its Mintlify anchors, as its tabs', () => {
    const text = ['# Git', '', '<AccordionGroup>', '  <Accordion title="Deployment branch">', '  Where the site builds from.', '  </Accordion>', '  <Accordion id="pr" title="Pull request">', '  A review.', '  </Accordion>', '</AccordionGroup>', ''].join('\n');
    expect(parseCapsuleDocument(text, 'git.mdx').model.siteAnchors?.mintlify).toEqual(['deployment-branch', 'pr']);
    expect(parseCapsuleDocument('# Git\n\n<AccordionGroup title="Terms">\n', 'git.mdx').model.siteAnchors).toBeUndefined();
  });

  it('keeps the demos a dumi page shows as its dumi anchors, named by their file or their id', () => {
    const text = '# Form\n\n<code src="./demo/basic.tsx">Basic</code>\n<code src="./demo/Dynamic/index.tsx">Dynamic</code>\n<code src=\'./demo/colorful.tsx\' id="Colors">Colors</code>\n\nInline `<code>` is none: <code>x</code>\n';
    expect(parseCapsuleDocument(text).model.siteAnchors?.dumi).toEqual(['demo-basic', 'demo-dynamic', 'demo-colors']);
  });

  it('keeps the Markdown partials an MDX page imports, and no other import', () => {
    const text = "# T\n\nimport Tabs from '@theme/Tabs';\nimport Kotlin from './_integration-kotlin.md';\nimport Shared from \"../partials/_shared.mdx\"\n\n<Kotlin />\n\nTo import data from 'x.md', run it.\n";
    const { model } = parseCapsuleDocument(text, 'docs/guide.mdx');
    expect(model.includes?.map((include) => [include.target, include.position.start.line])).toEqual([
      ['./_integration-kotlin.md', 3],
      ['../partials/_shared.mdx', 3],
    ]);
    // As a formatter leaves them: two on a line, one wrapped, the underscore escaped.
    const formatted = "# T\n\nimport Apple from './\\_apple.md'; import\nKotlin from './\\_kotlin.md';\n";
    expect(parseCapsuleDocument(formatted, 'docs/guide.md').model.includes?.map((include) => include.target)).toEqual(['./_apple.md', './_kotlin.md']);
  });

  it('keeps the custom id a site generator gives a heading, in each way generators write it', () => {
    const text = '# T\n\n## Options {#options}\n\n## Navigation path { id=navigation-path }\n\n## 单元测试 %{#unit-testing}%\n\n## Tabs { #tabs .wide }\n\n## Plain {braces}\n';
    const { model } = parseCapsuleDocument(text);
    expect(model.setAnchors).toEqual(['options', 'navigation-path', 'unit-testing', 'tabs']);
    // Goldmark reads the attributes in any order, and a list without an id leaves the anchor of the text before it.
    const attributes = parseCapsuleDocument('# T\n\n## Local {.notranslate lang=en #localization}\n\n## `Easy CLA` {.notranslate lang=en}\n\n## Quoted {title="a b" .wide}\n');
    expect(attributes.model.setAnchors).toEqual(['localization', 'easy-cla', 'quoted']);
    expect(model.headings.map((heading) => heading.slug)).toContain('options-options');
  });

  it('keeps a custom id holding characters other than letters, digits, dots and hyphens, as remark-heading-id and Docusaurus read one', () => {
    // A generated API reference's ids name a decorator with its `@` and its namespace.
    const text = '# T\n\n### `@body` {#@TypeSpec.Http.body}\n\n### `route` {#TypeSpec.Http.route}\n\n## Wide { #$ref .wide }\n';
    expect(parseCapsuleDocument(text).model.setAnchors).toEqual(['@TypeSpec.Http.body', 'TypeSpec.Http.route', '$ref']);
  });

  it("takes in the files Fumadocs's `<include>` names, in MDX and in Markdown, but not one read from the project's folder", () => {
    const text = '# T\n\n<include>../headless/page-conventions.mdx</include>\n\nSee <include>./part.mdx#usage</include> here.\n\n<include cwd>./shared/note.mdx</include>\n';
    const targets = (path: string) => parseCapsuleDocument(text, path).model.includes?.map((include) => include.target);
    expect(targets('content/docs/a.mdx')).toEqual(['../headless/page-conventions.mdx', './part.mdx']);
    expect(targets('content/docs/a.md')).toEqual(['../headless/page-conventions.mdx', './part.mdx']);
  });

  it("keeps the objects Hugging Face doc-builder's `[[autodoc]]` lines render, but not one inside a sentence", () => {
    const text = '# T\n\n[[autodoc]] CodeAgent\n\n[[autodoc]] smolagents.agents.PromptTemplates\n    - render\n\nUse [[autodoc]] Tool in prose.\n\n`[[autodoc]] Model`\n';
    expect(parseCapsuleDocument(text).model.autodocObjects).toEqual(['CodeAgent', 'smolagents.agents.PromptTemplates']);
  });

  it("keeps the id Fumadocs's and Nextra's `[#id]` gives a heading, at the end of its last text", () => {
    const text = '# T\n\n## `mutate` [#mutate]\n\n## Revalidate on Mount[#revalidate-on-mount]\n\n## Keys [#keys] and more\n\n## Code `[#code]`\n';
    expect(parseCapsuleDocument(text).model.setAnchors).toEqual(['mutate', 'revalidate-on-mount']);
  });

  it("keeps the id Docusaurus reads from an MDX comment ending a heading, its first word after the `#`", () => {
    const text = '# T\n\n## Driver {/* #driver */}\n\n### Setup {/* #setup extra words */}\n\n## Plain {/* a note */}\n\n## Bare {/* # */}\n';
    for (const path of ['a.mdx', 'a.md']) expect(parseCapsuleDocument(text, path).model.setAnchors, path).toEqual(['driver', 'setup']);
  });

  it("keeps the id Docsify's `:id=` option gives a heading, wherever it is among the heading's words", () => {
    const text = '# docsify <small>5.0.0</small> :id=docsify\n\n## Hello, world! :id=hello-world\n\n## Setup :id=setup :class=wide\n\n## Ratio 16:id=9\n';
    expect(parseCapsuleDocument(text).model.setAnchors).toEqual(['docsify', 'hello-world', 'setup']);
  });

  it('keeps the id of an attr_list written `{: #id }`, after closing hashes too, as Python-Markdown gives it', () => {
    const text = '# T\n\n## Name (*required*) ## {: #name }\n\n### Locker plugin ### {: #locker }\n\n### Plain {: #plain }\n\n### Classy ### {: .x }\n';
    expect(parseCapsuleDocument(text).model.setAnchors).toEqual(['name', 'locker', 'plain', 'classy']);
  });

  it("keeps the ids kramdown's block attribute lists give the block beside them, apart from the anchors GitHub gives", () => {
    const text =
      '# T\n\n### apt (Debian or Ubuntu)\n{: #apt}\n\nA footnote.\n{: .note #fn1 }\n\n{: #before}\nA paragraph after.\n\n{: #alone }\n\n' +
      '{:ref: #definition}\n{::comment #extension}\n\nText {: #inline} on a line.\n\n```\n### x\n{: #in-code}\n```\n';
    const { model } = parseCapsuleDocument(text);
    // Python-Markdown's attr_list reads the list that ends a paragraph too.
    expect(model.siteAnchors).toEqual({ kramdown: ['apt', 'fn1', 'before'], 'python-markdown': ['fn1'] });
    expect(model.setAnchors).toBeUndefined();
  });

  it("keeps the ids Python-Markdown's footnotes and a paragraph's attr_list give, apart from the anchors GitHub gives", () => {
    const text =
      '# T\n\nA sentence.[^1] Again.[^1] Named.[^Note] Of none.[^none] `[^1]`\n\n[^1]: Lorem.\n  [^Note]: Named note.\n\n&nbsp;\n{ #feedback style="margin: 0; height: 0" }\n\n' +
      'Text {: #same-line }\n\n{: #alone }\n\n- item\n  {: #item }\n\nA paragraph\n{: .no-id }\n';
    const { model } = parseCapsuleDocument(text);
    // CommonMark reads `[^Note]: Named note.` as text (a definition's destination is one word), Python-Markdown as a footnote.
    // kramdown's list sets an id where a block is right beside it (`item`'s paragraph), not between blank lines (`alone`).
    expect(model.siteAnchors).toEqual({ 'python-markdown': ['feedback', 'item', 'fn:1', 'fn:Note', 'fnref:1', 'fnref2:1', 'fnref:Note'], kramdown: ['item'] });
    expect(model.setAnchors).toBeUndefined();
    expect(parseCapsuleDocument('# T\n\nNo ids.\n').model.siteAnchors).toBeUndefined();
  });

  // Read quadratically, the 200,000 tag openings would take hours, not the test's seconds.
  it('reads a block of 200,000 unclosed tags, each scanned only to the next', { timeout: 20_000 }, () => {
    const { model } = parseCapsuleDocument(`# T\n\n<div id="start">\n${'<a '.repeat(200_000)}\n`);
    expect(model.setAnchors).toEqual(['start']);
  });
});

describe('footnotes', () => {
  it('reads a footnote definition as GitHub renders it, not as a link to its text', () => {
    const { model } = parseCapsuleDocument('# T\n\nOld API.[^1] See [the guide][guide].\n\n[^1]: Deprecated.\n[guide]: guide.md\n');
    expect(model.links.map((link) => [link.path ?? link.url, link.definition])).toEqual([['guide.md', 'used']]);
  });
});

describe('a document\'s title', () => {
  const titleOf = (text: string) => parseCapsuleDocument(text).model.title?.text;

  it('is its level-one heading as the page shows it: the id a site reads off the heading left out', () => {
    expect(titleOf('# Code Of Conduct {#code-of-conduct}\n')).toBe('Code Of Conduct');
    expect(titleOf('# Options { #options .wide }\n')).toBe('Options');
    expect(titleOf('# Locker plugin # {: #locker }\n')).toBe('Locker plugin');
    expect(titleOf('# Revalidate on Mount [#revalidate-on-mount]\n')).toBe('Revalidate on Mount');
    expect(titleOf('# docsify <small>5.0</small> :id=docsify\n')).toBe('docsify 5.0');
    expect(titleOf('# Driver {/* #driver */}\n')).toBe('Driver');
  });

  it('leaves inline HTML\'s tags out, as a browser shows the text, and keeps code as written', () => {
    expect(titleOf('# Composition API: <br>Dependency Injection\n')).toBe('Composition API: Dependency Injection');
    expect(titleOf('# <img src="icon.svg" height="32"> TikTok MCP\n')).toBe('TikTok MCP');
    expect(titleOf('# The `<template>` element\n')).toBe('The <template> element');
  });

  it('leaves a Markdown image beside the words out, as the page shows a picture there, and is an image\'s alt text alone', () => {
    expect(titleOf('# ![logo](src/art/logo.svg) wxEditor\n')).toBe('wxEditor');
    expect(titleOf('# [![logo][badge]](https://example.com) Gateway ![ci](ci.svg)\n\n[badge]: logo.png\n')).toBe('Gateway');
    expect(titleOf('# ![Project Banner](banner.png)\n')).toBe('Project Banner');
  });

  it('is the HTML <h1> a README opens with when it has no level-one heading, as a browser shows its text', () => {
    expect(titleOf('<h1 align="center">\n  <img src="logo.png" alt="Gateway" width="240">\n  <br>\n  AI &amp; API Gateway&#33;\n</h1>\n<p align="center">Tagline</p>\n\n## Install\n')).toBe('AI & API Gateway!');
    expect(titleOf('<p align="center"><img src="banner.png"></p>\n\n<h1><b>Docmost</b></h1>\n\nText.\n')).toBe('Docmost');
    const { model } = parseCapsuleDocument('<div>\n<h1>Name</h1>\n</div>\n');
    expect(model.title?.position.start).toMatchObject({ line: 1, column: 1 });
  });

  it('is no HTML <h1> after a heading, nor one holding only a logo, nor one a level-one heading comes after', () => {
    expect(titleOf('## Intro\n\n<h1>Later</h1>\n')).toBeUndefined();
    expect(titleOf('<h1 align="center"><img src="logo.svg" alt="Logo"></h1>\n')).toBeUndefined();
    expect(titleOf('<h1>Banner</h1>\n\n# Real title\n')).toBe('Real title');
    expect(titleOf('Some text with <h1>inline</h1> in a paragraph.\n')).toBeUndefined();
  });

  it('keeps braces that set nothing, and a list that would leave no text', () => {
    expect(titleOf('# Plain {braces}\n')).toBe('Plain {braces}');
    expect(titleOf('# {#only-an-id}\n')).toBe('{#only-an-id}');
  });
});
