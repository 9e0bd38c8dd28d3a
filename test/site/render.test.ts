/**
 * The site's content pipeline without a build: Markdown from the parser to sanitized HTML,
 * the link rewriting, the addresses, and the page data the loader stores.
 */
import { KnowledgeGraph, readDocument, titleOf } from '@capsule-docs/graph';
import { parseCapsuleDocument } from 'remark-capsules';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../site/src/lib/render.js';
import { withoutCitation } from '../../site/src/lib/checklist-text.js';
import { contentHandlers, type ContentOptions } from '../../site/src/lib/transform.js';
import { siteUrls } from '../../site/src/lib/urls.js';
import { documentPages } from '../../site/src/lib/views.js';

const tree = (text: string) => parseCapsuleDocument(text, 'doc.md').tree;
const render = (text: string) => renderMarkdown(tree(text));

/** A graph of these documents, in a repository that also holds `otherFiles`. */
function graphOf(files: Record<string, string>, otherFiles: string[] = []): KnowledgeGraph {
  const encoder = new TextEncoder();
  return new KnowledgeGraph({
    documents: Object.entries(files).map(([path, text]) => readDocument(path, encoder.encode(text), { keepTree: true })),
    files: [...Object.keys(files), ...otherFiles],
    rootInRepository: '',
  });
}

describe('renderMarkdown', () => {
  it('drops scripts, event handlers and javascript: addresses, and keeps harmless markup', () => {
    const html = render(
      [
        '<script>alert(1)</script>',
        '',
        'Text <img src="https://example.org/a.png" onerror="alert(2)"> and <a href="javascript:alert(3)">raw</a>.',
        '',
        '[md](javascript:alert(4)) [mixed](JaVaScRiPt:alert(5))',
        '',
        '<details><summary>More</summary>Kept <kbd>K</kbd></details>',
      ].join('\n'),
    );
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
    expect(html).toContain('<img src="https://example.org/a.png">');
    expect(html).toContain('<details><summary>More</summary>Kept <kbd>K</kbd></details>');
  });

  it('prefixes every id and name from content so that none can clobber the page', () => {
    const html = render('<div id="starlight__search" name="getElementById">x</div>');
    expect(html).toContain('id="user-content-starlight__search"');
    expect(html).toContain('name="user-content-getElementById"');
  });

  it('shows no frontmatter, TOML between `+++` fences as YAML between `---`, and titles a page by its TOML `title`', () => {
    for (const text of ['+++\ntitle = "Launch"\npath = "2024/launch"\n+++\n\nThe body.\n', '---\ntitle: Launch\npath: 2024/launch\n---\n\nThe body.\n']) {
      expect(render(text)).toBe('<p>The body.</p>');
      expect(titleOf({ path: 'content/launch.md', model: parseCapsuleDocument(text, 'content/launch.md').model })).toBe('Launch');
    }
  });

  it('renders tables, code with its language and labelled task list boxes', () => {
    const html = render(['| a | b |', '| - | - |', '| 1 | 2 |', '', '```sh', 'ls', '```', '', '- [ ] Check the thing'].join('\n'));
    expect(html).toContain('<table>');
    expect(html).toContain('<pre tabindex="0"><code class="language-sh">ls\n</code></pre>');
    expect(html).toContain('<input type="checkbox" disabled aria-label="Check the thing">');
  });
});

/** Render a document with the site's handlers, as the loader does. */
function renderWith(source: string, options: Partial<ContentOptions> = {}, path = 'doc.md'): string {
  const pages: Record<string, string> = { 'other.md': '/other/', 'folder/deep.md': '/folder/deep/' };
  return renderMarkdown(
    parseCapsuleDocument(source, path).tree,
    contentHandlers({ documentPath: path, source, documentUrl: (target) => pages[target], ...options }),
  );
}

describe('links written in a document', () => {
  const rewritten = (markdown: string) => renderWith(markdown, {}, 'folder/here.md');

  it('point at the pages of published documents, and anchors at the prefixed ids', () => {
    expect(rewritten('[o](../other.md#a-heading)')).toContain('<a href="/other/#user-content-a-heading">o</a>');
    expect(rewritten('[d](deep.md)')).toContain('<a href="/folder/deep/">d</a>');
    expect(rewritten('[top](#intro)')).toContain('<a href="#user-content-intro">top</a>');
    expect(rewritten('[ref][d]\n\n[d]: deep.md')).toContain('<a href="/folder/deep/">ref</a>');
  });

  it('point an anchor written in another case at the heading it names, as GitHub does', () => {
    const anchorIn = (path: string, anchor: string) => (path === 'other.md' && anchor === 'Install' ? 'install' : anchor);
    const html = renderWith('[i](../other.md#Install) [t](#Intro)', { anchorIn }, 'folder/here.md');
    expect(html).toContain('<a href="/other/#user-content-install">i</a>');
    expect(html).toContain('<a href="#user-content-Intro">t</a>');
  });

  it('keep external addresses, and mark links to what the site does not publish instead of leaving them dead', () => {
    expect(rewritten('[e](https://example.org/x)')).toContain('<a href="https://example.org/x">e</a>');
    expect(rewritten('[m](missing.md)')).toContain('<span class="unpublished-link" title="missing.md is not published on this site">m</span>');
    expect(rewritten('![diagram](pic.png)')).toContain('<span class="unpublished-link" title="pic.png is not published on this site">diagram</span>');
  });
});

describe('links and images written as HTML', () => {
  const readme = [
    '# Agentic Workflow',
    '',
    '<p align="center">',
    '  <img src="logo.png" alt="The logo" width="300">',
    '  <a href="docs/guide.md#setup">the guide</a> · <a href="LICENSE">MIT</a> · <a href="https://example.org/">home</a> · <a href="#install">install</a>',
    '</p>',
    '',
    '## Install',
    '',
    '[Markdown guide](docs/guide.md)',
  ].join('\n');
  const pages = documentPages(graphOf({ 'README.md': readme, 'docs/guide.md': '# Guide\n\n## Setup\n' }, ['logo.png', 'LICENSE']), { base: '/', home: 'README.md' });
  const html = pages.find((page) => page.corpus.path === 'README.md')!.html;

  it('lead to the page a Markdown link to the same document leads to', () => {
    expect(html).toContain('<a href="/docs/guide/#user-content-setup">the guide</a>');
    expect(html).toContain('<a href="/docs/guide/">Markdown guide</a>');
  });

  it('mark a file the site does not publish, as Markdown\'s are, rather than lead to an address that is not there', () => {
    expect(html).toContain('<span class="unpublished-link" title="logo.png is not published on this site">The logo</span>');
    expect(html).toContain('<span class="unpublished-link" title="LICENSE is not published on this site">MIT</span>');
    expect(html).not.toMatch(/src="logo\.png"|href="LICENSE"/);
  });

  it('keep external addresses, and lead an anchor of the page to the prefixed id its heading has here', () => {
    expect(html).toContain('<a href="https://example.org/">home</a>');
    expect(html).toContain('<a href="#user-content-install">install</a>');
    expect(html).toContain('id="user-content-install"');
  });
});

describe('links the graph resolved', () => {
  const rule = '# AWS\n\nSee [the agents guide](../../AGENTS.md#setup) and ![the flow](../../flow.png).\n';
  const graph = graphOf(
    {
      'AGENTS.md': '# Agents\n\n## Setup\n',
      // Synced whole into `.claude/rules/`, where its links are written to work.
      'docs/ai-context/rules/aws.md': rule,
      '.claude/rules/aws.md': rule,
      'skills/pdf/SKILL.md': '# PDF\n',
      'skills/pdf/references/guide.md': '# Guide\n\nSee [the API](references/api.md), or [the old notes](./notes.md).\n\n### Capsule: Forms\n\n**Invariant**\nFill [every field](references/api.md).\n',
      'skills/pdf/references/api.md': '# API\n',
      'skills/pdf/references/notes.md': '# Notes\n',
      'notes.md': '# Notes\n',
    },
    ['flow.png'],
  );
  const pages = documentPages(graph, { base: '/', home: undefined });
  const html = (path: string) => pages.find((page) => page.corpus.path === path)!.html;

  it('lead where the check found them to lead, not where their path alone leads', () => {
    expect(html('docs/ai-context/rules/aws.md')).toContain('<a href="/AGENTS/#user-content-setup">the agents guide</a>');
    // A skill's files name each other from the skill's folder, as the Agent Skills format writes them.
    expect(html('skills/pdf/references/guide.md')).toContain('<a href="/skills/pdf/references/api/">the API</a>');
    expect(html('skills/pdf/references/guide.md')).toContain('<a href="/skills/pdf/references/notes/">the old notes</a>');
  });

  it('lead there from a capsule part too, and a file the site does not publish stays marked', () => {
    const capsule = pages.find((page) => page.corpus.path === 'skills/pdf/references/guide.md')!.corpus.capsules[0]!;
    expect(capsule.invariant!.html).toContain('<a href="/skills/pdf/references/api/">every field</a>');
    expect(html('docs/ai-context/rules/aws.md')).toContain('<span class="unpublished-link" title="../../flow.png is not published on this site">the flow</span>');
  });

  it('lead where they lead on the page from a checklist item too, which the checklists page shows as written, its citation apart', () => {
    const release = documentPages(
      graphOf({
        'docs/release.md': [
          '# Release',
          '',
          '### Capsule: SmallSteps',
          '',
          '**Invariant**',
          'Ship small.',
          '',
          '## Checklist',
          '',
          '- [ ] Run `pnpm test` and read [the guide](../notes.md) (SmallSteps)',
          '- [x] Keep *this* as it is',
          '  - [ ] a nested step',
          '- [ ] Cite it in code (`SmallSteps`)',
          '',
        ].join('\n'),
        'notes.md': '# Notes\n',
      }),
      { base: '/', home: undefined },
    ).find((page) => page.corpus.path === 'docs/release.md')!.corpus.checklist;
    expect(release.map((item) => item.html)).toEqual([
      'Run <code>pnpm test</code> and read <a href="/notes/">the guide</a>',
      'Keep <em>this</em> as it is',
      'a nested step',
      // A citation written in code is not plain text at the end: the page shows the item's text.
      undefined,
    ]);
  });

  it('are listed by the pages they reach, each once, for the graph of documents; a file the site does not publish is not', () => {
    const links = (path: string) => pages.find((page) => page.corpus.path === path)!.corpus.links;
    expect(links('docs/ai-context/rules/aws.md')).toEqual(['/AGENTS/']);
    expect(links('skills/pdf/references/guide.md')).toEqual(['/skills/pdf/references/api/', '/skills/pdf/references/notes/']);
    expect(links('notes.md')).toEqual([]);
  });
});

describe('references in the text', () => {
  it('become links or marked unresolved names, over text and inline code', () => {
    const source = 'See Alpha, `Beta` and Gamma here.';
    const html = renderWith(source, {
      ranges: [
        { start: 4, end: 9, href: '/capsules/Alpha/', title: undefined },
        { start: 11, end: 17, href: '/capsules/Beta/', title: undefined },
        { start: 22, end: 27, href: undefined, title: 'Unknown name' },
      ],
    });
    expect(html).toBe(
      '<p>See <a href="/capsules/Alpha/" class="capsule-ref">Alpha</a>, <a href="/capsules/Beta/" class="capsule-ref"><code>Beta</code></a> and <span class="capsule-ref-unresolved" title="Unknown name">Gamma</span> here.</p>',
    );
  });

  it('leave text whose source differs from its value (escapes), existing links and headings alone', () => {
    const source = 'A \\*Alpha\\* and [Beta](https://example.org)\n\n## Gamma';
    const html = renderWith(source, {
      ranges: [
        { start: 4, end: 9, href: '/capsules/Alpha/', title: undefined },
        { start: 17, end: 21, href: '/capsules/Beta/', title: undefined },
        { start: source.indexOf('Gamma'), end: source.length, href: '/capsules/Gamma/', title: undefined },
      ],
    });
    expect(html).toBe('<p>A *Alpha* and <a href="https://example.org">Beta</a></p>\n<h2>Gamma</h2>');
  });

  it('give headings their ids and make capsule headings links to their pages', () => {
    const source = '### Capsule: [Alpha](https://example.org)';
    const html = renderWith(source, { headingIds: new Map([[0, 'capsule-alpha']]), headingLinks: new Map([[0, '/capsules/Alpha/']]) });
    expect(html).toBe('<h3 id="user-content-capsule-alpha"><a href="/capsules/Alpha/" class="capsule-heading-link">Capsule: Alpha</a></h3>');
  });
});

describe('capsule parts', () => {
  it('leave out boundary lines, in code blocks and in paragraphs they share', () => {
    const source = ['```sh', 'run it', '//BOUNDARY: never as root', '```', '', 'Do this.', '//BOUNDARY: not that'].join('\n');
    const inCode = source.indexOf('//BOUNDARY: never');
    const inText = source.indexOf('//BOUNDARY: not');
    const html = renderWith(source, {
      boundaries: [
        { start: inCode, end: inCode + '//BOUNDARY: never as root'.length, line: 3 },
        { start: inText, end: source.length, line: 7 },
      ],
    });
    expect(html).toBe('<pre tabindex="0"><code class="language-sh">run it\n</code></pre>\n<p>Do this.</p>');
  });

  it('leave out omitted list items, and a list left empty', () => {
    const source = '- Keep: this\n- SeeAlso: that\n\nBetween.\n\n- SeeAlso: only';
    const omit = new Set([source.indexOf('- SeeAlso: that'), source.indexOf('- SeeAlso: only')]);
    expect(renderWith(source, { omit })).toBe('<ul>\n<li>Keep: this</li>\n</ul>\n<p>Between.</p>');
  });
});

describe('siteUrls', () => {
  const urls = siteUrls({
    base: '/',
    documents: ['guide.md', 'graph.md', 'graph/notes.md', 'Folder Name/Read Me.md', 'area/index.md', 'area.md'],
    home: 'guide.md',
    capsules: ['IdeaCapture', 'Not Safe'],
    tags: ['Planning'],
    categories: ['Workflows'],
  });

  it('puts the home document at the root and every other one at its path without .md', () => {
    expect(urls.document('guide.md')).toBe('/');
    expect(urls.document('area/index.md')).toBe('/area/');
    expect(urls.document('area.md')).toBe('/area-2/');
    expect(urls.document('Folder Name/Read Me.md')).toBe('/folder-name/read-me/');
  });

  it('puts an MDX page or a Cursor rule an include reads at its path without .mdx or .mdc, as its own site serves it', () => {
    const pages = siteUrls({ base: '/', documents: ['docs/rqb.mdx', 'docs/rqb.md', 'docs/index.mdx', '.cursor/rules/style.mdc'], home: undefined, capsules: [], tags: [], categories: [] });
    expect(pages.document('docs/rqb.mdx')).toBe('/docs/rqb/');
    expect(pages.document('docs/rqb.md')).toBe('/docs/rqb-2/');
    expect(pages.document('docs/index.mdx')).toBe('/docs/');
    expect(pages.document('.cursor/rules/style.mdc')).toBe('/cursor/rules/style/');
  });

  it('moves a document away from a page the site needs, keeping its folder together', () => {
    expect(urls.document('graph.md')).toBe('/graph-2/');
    expect(urls.document('graph/notes.md')).toBe('/graph-2/notes/');
  });

  it('names capsule, tag and category pages after them', () => {
    expect(urls.capsule('IdeaCapture')).toBe('/capsules/IdeaCapture/');
    expect(urls.capsule('Not Safe')).toBe('/capsules/not-safe/');
    expect(urls.tag('Planning')).toBe('/tags/Planning/');
    expect(urls.category('Workflows')).toBe('/categories/Workflows/');
  });
});

describe('headings that set their own id', () => {
  // As VitePress, Docusaurus and MkDocs pages write them, and link to them by that id.
  const graph = graphOf({
    'guide/conditional.md': '# Conditional Rendering {#conditional-rendering}\n\n## `v-if` {#v-if}\n\n## Plain {braces}\n\nSee [below](#v-if) and [GitHub\'s anchor](#v-if-v-if).\n',
    'api/directives.md': '# Directives\n\nSee [v-if](../guide/conditional.md#v-if) in [the guide](../guide/conditional.md#conditional-rendering).\n',
  });
  const pages = documentPages(graph, { base: '/', home: undefined });
  const page = (path: string) => pages.find((candidate) => candidate.corpus.path === path)!;

  it('show the heading without the id, give it that id, and list it so in the page\'s contents', () => {
    const conditional = page('guide/conditional.md');
    expect(conditional.title).toBe('Conditional Rendering');
    expect(conditional.html).toContain('<h2 id="user-content-v-if"><code>v-if</code></h2>');
    expect(conditional.html).toContain('<h2 id="user-content-plain-braces">Plain {braces}</h2>');
    expect(conditional.headings.map((heading) => [heading.slug, heading.text])).toEqual([
      ['user-content-v-if', 'v-if'],
      ['user-content-plain-braces', 'Plain {braces}'],
    ]);
  });

  it('are reached by links naming the id, and by links naming the anchor GitHub makes of the text', () => {
    expect(page('guide/conditional.md').html).toContain('See <a href="#user-content-v-if">below</a> and <a href="#user-content-v-if">GitHub\'s anchor</a>.');
    expect(page('api/directives.md').html).toContain('<a href="/guide/conditional/#user-content-v-if">v-if</a>');
  });

  it('title a README by the HTML <h1> it opens with, shown once, as the page\'s title, the rest of the block kept', () => {
    const readme = documentPages(graphOf({ 'README.md': '<h1 align="center">Vitest</h1>\n<p align="center">Next generation</p>\n\n## Install\n' }), { base: '/', home: 'README.md' });
    const page = readme.find((each) => each.corpus.path === 'README.md')!;
    expect(page.title).toBe('Vitest');
    expect(page.html).not.toContain('<h1');
    expect(page.html).toContain('<p align="center">Next generation</p>');
  });

  it('list on the home page, when no document is the home page, as many documents as a listing page holds, and say where the rest are', () => {
    const files = { 'a.md': '# A\n', 'b.md': '# B\n', 'c.md': '# C\n', 'd.md': '# D\n' };
    const home = (size: number | undefined) => documentPages(graphOf(files), { base: '/', home: undefined, listingPageSize: size }).find((each) => each.id === 'index')!.html;
    const cut = home(2);
    expect(cut.match(/<li>/g)).toHaveLength(2);
    expect(cut).toContain('<p>2 more documents are listed under <a href="/documents/">All documents</a>.</p>');
    expect(home(3)).toContain('<p>1 more document is listed under <a href="/documents/">All documents</a>.</p>');
    expect(home(4).match(/<li>/g)).toHaveLength(4);
    expect(home(4)).not.toContain('more document');
  });

  it('leave out an MDX page\'s import and export lines, which its site runs as JavaScript, and keep such words in prose and in Markdown', () => {
    const esm = "import Tab from '@mdx/Tab.astro';\nimport Callout from '@mdx/Callout.astro';\n\n# Connect\n\nThen import the driver, and connect.\n\nexport const meta = { draft: true };\n";
    const pages = documentPages(graphOf({ 'docs/connect.mdx': esm, 'notes.md': esm, 'docs/untitled.mdx': 'Text.\n' }), { base: '/', home: undefined });
    const html = (path: string) => pages.find((page) => page.corpus.path === path)!.html;
    expect(html('docs/connect.mdx')).not.toMatch(/@mdx\/|meta =/);
    expect(html('docs/connect.mdx')).toContain('<p>Then import the driver, and connect.</p>');
    expect(html('notes.md')).toContain('@mdx/Tab.astro');
    expect(pages.find((page) => page.corpus.path === 'docs/untitled.mdx')!.title).toBe('untitled');
  });

  it("leave out a Docusaurus `.md` page's import lines, which Docusaurus reads as MDX unless told otherwise", () => {
    const encoder = new TextEncoder();
    const page = "import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n# Install\n\n<Tabs>\n<TabItem value=\"npm\">\n\nRun npm.\n\n</TabItem>\n</Tabs>\n";
    const built = (configs: Record<string, unknown>, files: Record<string, string>) => {
      const graph = new KnowledgeGraph({
        documents: Object.entries(files).map(([path, text]) => readDocument(path, encoder.encode(text), { keepTree: true })),
        files: [...Object.keys(files), ...Object.keys(configs)],
        siteConfigs: new Map(Object.entries(configs) as [string, never][]),
        rootInRepository: '',
      });
      const pages = documentPages(graph, { base: '/', home: undefined });
      return (path: string) => pages.find((each) => each.corpus.path === path)!.html;
    };
    const docs = { 'docs/install.md': page, 'docs/plain.md': `---\nformat: md\n---\n${page}`, 'docs/older.md': `---\nmdx:\n  format: md\n---\n${page}` };
    const preset = { presets: [['@docusaurus/preset-classic', {}]] };
    const configured = built({ 'docusaurus.config.js': preset }, docs);
    expect(configured('docs/install.md')).not.toContain('@theme/');
    expect(configured('docs/install.md')).toContain('Run npm.');
    expect(configured('docs/plain.md')).toContain('@theme/Tabs');
    expect(configured('docs/older.md')).toContain('@theme/Tabs');
    // `detect` reads a `.md` file as CommonMark, as GitHub shows it.
    expect(built({ 'docusaurus.config.js': { ...preset, markdown: { format: 'detect' } } }, docs)('docs/install.md')).toContain('@theme/Tabs');
    // A folder of docs that another repository's Docusaurus publishes: its imports of Docusaurus's modules say so.
    const alone = built({}, { 'docs/install.md': page, 'docs/other.md': "import x from './x.js';\n\nText.\n" });
    expect(alone('docs/install.md')).not.toContain('@theme/');
    expect(alone('docs/other.md')).toContain('./x.js');
    // A VitePress site reads `.md` as Markdown with Vue: the lines stay as it shows them.
    expect(built({ '.vitepress/config.ts': {} }, docs)('docs/install.md')).toContain('@theme/Tabs');
  });

  it("lead a route from the site's root written in HTML to the page it names, as a Markdown link by route leads", () => {
    const encoder = new TextEncoder();
    const files: Record<string, string> = {
      'src/guide/introduction.md': [
        '# Introduction',
        '',
        'See [quick start](/guide/quick-start).',
        '',
        '<a class="vt-box" href="/guide/quick-start.html#install">Continue</a> <a href="/images/logo.svg">logo</a> <a href="//example.org/x">x</a>',
        '',
      ].join('\n'),
      'src/guide/quick-start.md': '# Quick start\n\n## Install\n',
    };
    const graph = new KnowledgeGraph({
      documents: Object.entries(files).map(([path, text]) => readDocument(path, encoder.encode(text), { keepTree: true })),
      files: [...Object.keys(files), '.vitepress/config.ts', 'src/public/images/logo.svg'],
      siteConfigs: new Map([['.vitepress/config.ts', { srcDir: 'src' }]]),
      rootInRepository: '',
    });
    const html = documentPages(graph, { base: '/', home: undefined }).find((each) => each.corpus.path === 'src/guide/introduction.md')!.html;
    expect(html).toContain('<a href="/src/guide/quick-start/">quick start</a>');
    expect(html).toContain('href="/src/guide/quick-start/#user-content-install">Continue</a>');
    expect(html).toContain('<a href="/images/logo.svg">logo</a>');
    expect(html).toContain('<a href="//example.org/x">x</a>');
  });

  it("leave out an MDX page's components whose attributes are JavaScript, not their tags as text, and keep what components hold", () => {
    const page = [
      "import { Image } from 'astro:assets';",
      "import yak from '~/assets/yak.png';",
      '',
      '# Tips',
      '',
      '<Image src={yak} alt="Yak shaving." height="200px" />',
      '',
      '<Card title="Learn" icon={icons.star}>',
      '',
      'Learn how it works.',
      '',
      '</Card>',
      '',
      'Compare `<Image src={x} />` with <Badge text="new" />.',
      '',
    ].join('\n');
    const pages = documentPages(graphOf({ 'docs/tips.mdx': page }), { base: '/', home: undefined });
    const html = pages.find((each) => each.corpus.path === 'docs/tips.mdx')!.html;
    expect(html).not.toMatch(/<p>(?:&#x3C;|&lt;)(?:Image|Card)/);
    expect(html).not.toContain('yak');
    expect(html).toContain('<p>Learn how it works.</p>');
    expect(html).toContain('<code>&#x3C;Image src={x} /></code>');
  });

  it('title a page without a heading by its frontmatter title, as its own site does, and one with neither by its file name', () => {
    const untitled = documentPages(graphOf({ 'start.md': '---\ntitle: Getting started\n---\nInstall it.\n', 'notes.md': 'Plain notes.\n' }), { base: '/', home: undefined });
    expect(untitled.filter((each) => each.corpus.path !== undefined).map((each) => [each.corpus.path, each.title])).toEqual([
      ['notes.md', 'notes'],
      ['start.md', 'Getting started'],
    ]);
  });

  it('lead a link to a document\'s title heading to the page\'s title, which Starlight shows in its place', () => {
    expect(page('api/directives.md').html).toContain('<a href="/guide/conditional/#_top">the guide</a>');
  });
});

describe('documentPages', () => {
  const graph = graphOf({
    'guide.md': [
      '# Guide <img src="x" onerror="alert(1)">',
      '',
      '### Capsule: AlphaRule',
      '',
      '**Invariant**',
      'AlphaRule holds.',
      '',
      '**Example**',
      'An example.',
      '//BOUNDARY: Keep out',
      '',
      '**Depth**',
      '',
      '- Distinction: a point',
      '- SeeAlso: BetaRule, Nowhere, DualClusterIsolation (in ARCHITECTURE.md), some free text, `scripts/deploy.sh`',
      '',
      '## Checklist',
      '',
      '- [ ] Do it (AlphaRule)',
      '- [ ] Do it (AlphaRule)',
    ].join('\n'),
    'other.md': ['# Other {#other-page}', '', '### Capsule: BetaRule', '', '**Invariant**', 'BetaRule holds.', '', '**Depth**', '', '- SeeAlso: AlphaRule'].join('\n'),
  }, ['scripts/deploy.sh']);
  const pages = documentPages(graph, { base: '/', home: 'guide.md' });
  const alpha = pages.find((page) => page.id === 'index')!.corpus.capsules[0]!;

  it('gives each document a plain-text title and its rendered body without the title heading', () => {
    const home = pages.find((page) => page.id === 'index')!;
    expect(home.title).toBe('Guide');
    expect(home.html).not.toContain('<h1');
    expect(home.html).toContain('<a href="/capsules/AlphaRule/" class="capsule-heading-link">Capsule: AlphaRule</a>');
    expect(pages.find((page) => page.id === 'other')!.corpus.url).toBe('/other/');
    // The id a heading sets is markup the page does not show (VitePress, Docusaurus, MkDocs).
    expect(pages.find((page) => page.id === 'other')!.title).toBe('Other');
  });

  it('resolves each SeeAlso entry or says how it ended', () => {
    expect(alpha.seeAlso.map(({ label, status, url }) => ({ label, status, url }))).toEqual([
      { label: 'BetaRule', status: 'capsule', url: '/capsules/BetaRule/' },
      { label: 'Nowhere', status: 'unknown-name', url: undefined },
      { label: 'DualClusterIsolation (in ARCHITECTURE.md)', status: 'missing-document', url: undefined },
      { label: 'some free text', status: 'external', url: undefined },
      { label: 'scripts/deploy.sh', status: 'file', url: undefined },
    ]);
    expect(alpha.seeAlso.at(-1)!.note).toBe('`scripts/deploy.sh` is a file of the repository, not a page of this site');
  });

  it('renders a boundary line\'s Markdown as its document shows it, and one in code as written', () => {
    const routed = graphOf({
      'docs/routing.md': [
        '# Routing',
        '',
        '### Capsule: GatewayRouting',
        '',
        '**Invariant**',
        'Routes go through the gateway.',
        '',
        '**Example**',
        'A route names its parent.',
        '//BOUNDARY: Missing `parentRefs` breaks routing; see [the setup](setup.md#gateway) and <b>this</b> & that.',
        '',
        '```yaml',
        '//BOUNDARY: a `literal` <tag> in code',
        '```',
        '',
      ].join('\n'),
      'docs/setup.md': '# Setup\n\n## Gateway\n',
    });
    const capsule = documentPages(routed, { base: '/', home: undefined }).find((page) => page.corpus.path === 'docs/routing.md')!.corpus.capsules[0]!;
    expect(capsule.boundaries).toEqual(['Missing `parentRefs` breaks routing; see [the setup](setup.md#gateway) and <b>this</b> & that.', 'a `literal` <tag> in code']);
    expect(capsule.boundariesHtml).toEqual([
      'Missing <code>parentRefs</code> breaks routing; see <a href="/docs/setup/#user-content-gateway">the setup</a> and <b>this</b> &#x26; that.',
      'a `literal` &lt;tag&gt; in code',
    ]);
  });

  it('sets the boundary apart and lists SeeAlso outside the depth', () => {
    expect(alpha.boundaries).toEqual(['Keep out']);
    expect(alpha.boundariesHtml).toEqual(['Keep out']);
    expect(alpha.exampleHtml).toBe('<p>An example.</p>');
    expect(alpha.depthHtml).toBe('<ul>\n<li>Distinction: a point</li>\n</ul>');
  });

  it('gathers backlinks with the sentence that cites, and keys repeated checklist items apart', () => {
    expect(alpha.backlinks.map(({ kind, from, context }) => ({ kind, from, context }))).toEqual([
      { kind: 'cites', from: 'Guide', context: 'Do it (AlphaRule)' },
      { kind: 'see-also', from: 'BetaRule', context: 'SeeAlso: AlphaRule' },
    ]);
    const [first, second] = pages.find((page) => page.id === 'index')!.corpus.checklist;
    expect(first!.key).not.toBe(second!.key);
    expect(withoutCitation(first!)).toBe('Do it');
  });
});

describe('sample capsules', () => {
  const graph = graphOf({
    'guide.md': ['# Guide', '', '### Capsule: CircuitBreaker', '', '**Invariant**', 'Stop calling what fails.', ''].join('\n'),
    'writing.md': [
      '# Writing capsules',
      '',
      '## Example Capsules',
      '',
      '### Capsule: CircuitBreaker',
      '',
      '**Invariant**',
      'A model of the form.',
      '',
      '### Capsule: RetryPolicy',
      '',
      '**Invariant**',
      'Retries back off.',
      '',
      '**Depth**',
      '',
      '- SeeAlso: `Unwritten`, `RetryPolicy`',
    ].join('\n'),
  });
  const [page] = documentPages(graph, { base: '/', home: undefined }).filter((candidate) => candidate.corpus.path === 'writing.md');

  it('show the names of the corpus they imagine as samples, not as unknown names', () => {
    const capsule = page!.corpus.capsules.find((candidate) => candidate.name === 'RetryPolicy')!;
    expect(capsule.seeAlso.map(({ label, status }) => ({ label, status }))).toEqual([
      { label: 'Unwritten', status: 'sample' },
      { label: 'RetryPolicy', status: 'capsule' },
    ]);
    // In the document, the name is plain text; the one that resolves still links.
    expect(page!.html).not.toContain('capsule-ref-unresolved');
    expect(page!.html).toContain('href="/capsules/RetryPolicy/"');
  });

  it('define nothing: the capsule they model is not said to be defined twice', () => {
    const guide = documentPages(graph, { base: '/', home: undefined }).find((candidate) => candidate.corpus.path === 'guide.md')!;
    expect(guide.corpus.capsules[0]!.alsoDefinedIn).toEqual([]);
  });

  it('are marked as samples, and a name they share with a real capsule is that capsule\'s', () => {
    const guide = documentPages(graph, { base: '/', home: undefined }).find((candidate) => candidate.corpus.path === 'guide.md')!;
    const views = [...guide.corpus.capsules, ...page!.corpus.capsules].map(({ name, sample, primary }) => ({ name, sample, primary }));
    expect(views).toEqual([
      { name: 'CircuitBreaker', sample: false, primary: true },
      { name: 'CircuitBreaker', sample: true, primary: false },
      { name: 'RetryPolicy', sample: true, primary: true },
    ]);
  });
});

describe('a stub copy in an agent file', () => {
  it('is not the definition a name resolves to, though its path comes first', () => {
    const graph = graphOf({
      'AGENTS.md': ['# Agents', '', '### Capsule: CircuitBreaker', '', '**Invariant**', 'Stop calling what fails.', ''].join('\n'),
      'guide.md': ['# Guide', '', '### Capsule: CircuitBreaker', '', '**Invariant**', 'Stop calling what fails.', '', '**Example**', 'Open after five failures.', ''].join('\n'),
    });
    const capsules = documentPages(graph, { base: '/', home: undefined }).flatMap((candidate) => candidate.corpus.capsules);
    expect(capsules.map(({ documentUrl, primary }) => ({ documentUrl, primary }))).toEqual([
      { documentUrl: '/AGENTS/#user-content-capsule-circuitbreaker', primary: false },
      { documentUrl: '/guide/#user-content-capsule-circuitbreaker', primary: true },
    ]);
  });
});

describe('blocks under an invariant on the capsule page', () => {
  const graph = graphOf({
    'guide.md': [
      '# Guide',
      '',
      '### Capsule: SourceKinds',
      '',
      '**Invariant**',
      'Two kinds of source exist:',
      '- `chart`',
      '- `archive`',
      '',
      '**Example**',
      'A chart names its version.',
    ].join('\n'),
  });
  const [capsule] = documentPages(graph, { base: '/', home: 'guide.md' })[0]!.corpus.capsules;

  it('show under the invariant, which the rules still read as its one paragraph', () => {
    expect(capsule!.invariant).toEqual({
      text: 'Two kinds of source exist:',
      html: '<p>Two kinds of source exist:</p>\n<ul>\n<li><code>chart</code></li>\n<li><code>archive</code></li>\n</ul>',
    });
    expect(capsule!.exampleHtml).toBe('<p>A chart names its version.</p>');
  });
});

describe('extra parts on the capsule page', () => {
  const graph = graphOf({
    'guide.md': [
      '# Guide',
      '',
      '### Capsule: AnnotatedRule',
      '',
      '**Invariant**: Annotate every public route.',
      '**Why**: tools list routes by their *annotations*.',
      '',
      '**Example**',
      'Add the annotation above the handler.',
      '',
      '**Notes**',
      '',
      '- keep it on one line',
      '',
      '**Depth**',
      '',
      '**Trade-offs**',
      '',
      '- One more line per handler',
      '',
      '**Notes**',
      '',
      'A second part under the same label.',
      '',
      '---',
      '',
      'Document prose after the break.',
    ].join('\n'),
  });
  const [capsule] = documentPages(graph, { base: '/', home: 'guide.md' })[0]!.corpus.capsules;

  it('shows each under its own label and id, rendered, apart from the three parts', () => {
    expect(capsule!.extraParts).toEqual([
      { label: 'Why', slug: 'part-why', html: '<p>tools list routes by their <em>annotations</em>.</p>' },
      { label: 'Notes', slug: 'part-notes', html: '<ul>\n<li>keep it on one line</li>\n</ul>' },
      { label: 'Notes', slug: 'part-notes-2', html: '<p>A second part under the same label.</p>' },
    ]);
    expect(capsule!.invariant?.text).toBe('Annotate every public route.');
    expect(capsule!.exampleHtml).toBe('<p>Add the annotation above the handler.</p>');
  });

  it('keeps Depth sub-labels in the Depth and document prose after a break out of the capsule', () => {
    expect(capsule!.depthHtml).toBe('<p><strong>Trade-offs</strong></p>\n<ul>\n<li>One more line per handler</li>\n</ul>');
    expect(JSON.stringify(capsule)).not.toContain('Document prose after the break');
  });
});

describe('anchors in another case on the pages', () => {
  it('lead to the heading they name, in the page of the document and of another', () => {
    const graph = graphOf({
      'guide.md': '# Guide\n\n## Install\n\nSee [install](#Install), [setup](other.md#Setup) and [a bookmark](other.md#Bookmark).\n',
      'other.md': '# Other\n\n## Setup\n\n<a id="Bookmark"></a>\n',
    });
    const html = documentPages(graph, { base: '/', home: 'guide.md' }).find((page) => page.id === 'index')!.html;
    expect(html).toContain('href="#user-content-install"');
    expect(html).toContain('href="/other/#user-content-setup"');
    expect(html).toContain('href="/other/#user-content-Bookmark"');
  });
});
