import { describe, expect, it } from 'vitest';
import { summarizeModel } from './summary.js';
import { graphFromTexts } from './testing.js';
import { KnowledgeGraph } from './graph.js';
import { readDocument } from './document.js';
import { mintlifySpecifications, siteConfigName } from './site-routes.js';
import { readStaticConfig, type StaticValue } from './static-config.js';

const guide = [
  '# Welcome',
  '',
  '[History](/introduction/about-project)',
  '[With the base](/docs/introduction/about-project)',
  '[A sibling](setup) and [its section](./setup#install)',
  '[A numbered one](/decisions/record-decisions)',
  '[A slug](/mentors)',
  '[An MDX page](/faq)',
  '[A folder index](/decisions)',
  '[Nothing](/introduction/nowhere)',
  '[Climbing out](../../../../secret)',
  '',
].join('\n');

const texts = {
  'docs/introduction/welcome.md': guide,
  'docs/introduction/history.md': '---\nid: about-project\n---\n# History\n',
  'docs/introduction/setup.md': '# Setup\n\n## Install\n',
  'docs/decisions/0001-record-decisions.md': '# Record decisions\n',
  'docs/decisions/index.md': '# Decisions\n',
  'docs/people/list.md': '---\nslug: /mentors\n---\n# Mentors\n',
};

function linkStatuses(graph: KnowledgeGraph) {
  return graph.edges.filter((edge) => edge.kind === 'links-to').map((edge) => [edge.target, edge.status, edge.toDocument]);
}

function statuses(texts: Record<string, string>, files: string[]) {
  return linkStatuses(graphFromTexts(texts, files)).map(([target, status, document]) => `${String(target)} ${String(status)} ${String(document ?? '')}`);
}

describe('links to the routes of a Docusaurus site', () => {
  it('reach the doc a route names: by path, number prefix dropped, id, slug, index, with or without the docs base', () => {
    const graph = graphFromTexts(texts, ['docusaurus.config.js', 'docs/faq.mdx']);
    expect(linkStatuses(graph)).toEqual([
      ['/introduction/about-project', 'resolved', 'docs/introduction/history.md'],
      ['/docs/introduction/about-project', 'resolved', 'docs/introduction/history.md'],
      ['setup', 'resolved', 'docs/introduction/setup.md'],
      ['./setup', 'resolved', 'docs/introduction/setup.md'],
      ['/decisions/record-decisions', 'resolved', 'docs/decisions/0001-record-decisions.md'],
      ['/mentors', 'resolved', 'docs/people/list.md'],
      ['/faq', 'resolved', 'docs/faq.mdx'],
      ['/decisions', 'resolved', 'docs/decisions/index.md'],
      ['/introduction/nowhere', 'outside-root', undefined],
      ['../../../../secret', 'outside-root', undefined],
    ]);
  });

  it('keep a name that reads as a version or a date whole, as Docusaurus does not take it for a number prefix', () => {
    const texts = {
      'docs/updating/5-0.md': '# Five\n\n[Four](./4-0) [Notes](/releases/1.0/upgrading) [Launch](/news/2021-04-01-launch) [Gone](./3-0)\n',
      'docs/updating/4-0.md': '# Four\n',
      'docs/releases/1.0/02-upgrading.md': '# Upgrading\n',
      'docs/news/2021-04-01-launch.md': '# Launch\n',
    };
    expect(linkStatuses(graphFromTexts(texts, ['docusaurus.config.js']))).toEqual([
      ['./4-0', 'resolved', 'docs/updating/4-0.md'],
      ['/releases/1.0/upgrading', 'resolved', 'docs/releases/1.0/02-upgrading.md'],
      ['/news/2021-04-01-launch', 'resolved', 'docs/news/2021-04-01-launch.md'],
      ['./3-0', 'missing-document', undefined],
    ]);
  });

  it('reach the files the site serves from its static folder, by reference too', () => {
    const texts = { 'docs/a.md': '# A\n\n[The logo](/img/logo.svg) [Gone](/img/gone.svg) [js][]\n\n[js]: /img/js.svg\n' };
    expect(linkStatuses(graphFromTexts(texts, ['docusaurus.config.js', 'static/img/logo.svg', 'static/img/js.svg']))).toEqual([
      ['/img/logo.svg', 'resolved', 'static/img/logo.svg'],
      ['/img/gone.svg', 'outside-root', undefined],
      ['/img/js.svg', 'resolved', 'static/img/js.svg'],
    ]);
  });

  it('reach a folder of the served files by its `index.html`, as a static host serves it, and no folder without one', () => {
    const texts = { 'docs/agents/config.md': '# Config\n\n[The CLI](/api-reference/cli/) [Config](/api-reference/agentconfig) [Styles](/api-reference/styles/)\n' };
    const files = ['mkdocs.yml', 'docs/api-reference/cli/index.html', 'docs/api-reference/agentconfig/index.html', 'docs/api-reference/styles/site.css'];
    expect(linkStatuses(graphFromTexts(texts, files))).toEqual([
      ['/api-reference/cli/', 'resolved', 'docs/api-reference/cli/index.html'],
      ['/api-reference/agentconfig', 'resolved', 'docs/api-reference/agentconfig/index.html'],
      ['/api-reference/styles/', 'outside-root', undefined],
    ]);
  });

  it('are files, as on GitHub, in a repository without a Docusaurus configuration', () => {
    const graph = graphFromTexts(texts, ['docs/faq.mdx']);
    expect(linkStatuses(graph).filter(([, status]) => status === 'resolved')).toEqual([]);
  });

  it('reach the same docs from the summaries a warm check reads', () => {
    const full = graphFromTexts(texts, ['docusaurus.config.js', 'docs/faq.mdx']);
    const summarized = new KnowledgeGraph({
      documents: full.documents.map((document) => ({ ...document, model: summarizeModel(document.model) })),
      files: full.files,
    });
    expect(linkStatuses(summarized)).toEqual(linkStatuses(full));
  });
});

describe('links between the pages of a GitHub wiki', () => {
  const wiki = {
    'Home.md': '# Home\n\n[Antennas](Antenna), [the command](command#usage), [a page](getting-started) and [none](Nowhere)\n',
    'Antenna.md': '# Antenna\n',
    'API/Command.md': '# Command\n\n## Usage\n',
    'Getting-Started.md': '# Getting started\n',
  };

  it('reach a page by its name alone, in any folder and any case', () => {
    const graph = graphFromTexts(wiki, ['_Sidebar.md']);
    expect(linkStatuses(graph)).toEqual([
      ['Antenna', 'resolved', 'Antenna.md'],
      ['command', 'resolved', 'API/Command.md'],
      ['getting-started', 'resolved', 'Getting-Started.md'],
      ['Nowhere', 'missing-document', undefined],
    ]);
  });

  it('reach a page the same way in the clone of a wiki, a root holding Home.md', () => {
    const { 'Home.md': home, ...pages } = wiki;
    expect(linkStatuses(graphFromTexts({ ...pages, 'Home.md': home })).filter(([, status]) => status === 'resolved')).toHaveLength(3);
    const elsewhere = graphFromTexts({ ...pages, 'docs/Home.md': home });
    expect(linkStatuses(elsewhere).filter(([, status]) => status === 'resolved')).toEqual([]);
  });
});

describe('links to the routes of other site generators', () => {
  it('reach VitePress pages by route, extensionless, with .html, or a folder index', () => {
    const texts = {
      'docs/guide/a.md': '# A\n\n[Features](/guide/features) [b](b) [built](./b.html) [the guide](/guide/) [none](/guide/gone)\n',
      'docs/guide/features.md': '# Features\n',
      'docs/guide/b.md': '# B\n',
      'docs/guide/index.md': '# Guide\n',
    };
    expect(statuses(texts, ['docs/.vitepress/config/index.ts'])).toEqual(statuses(texts, ['docs/.vitepress/config.ts']));
    expect(statuses(texts, ['docs/.vitepress/config.ts'])).toEqual([
      '/guide/features resolved docs/guide/features.md',
      'b resolved docs/guide/b.md',
      './b.html resolved docs/guide/b.md',
      '/guide/ resolved docs/guide/index.md',
      '/guide/gone outside-root ',
    ]);
  });

  it('lead a See Also entry written as a link where the link leads, a route included', () => {
    const texts = {
      'examples/upload.md': '# Upload\n\n## See also\n\n- [parseBody](/docs/api/request#parsebody)\n- [Validation](/docs/guides/validation)\n- [Gone](/docs/guides/gone)\n',
      'docs/api/request.md': '# Request\n\n## parseBody\n',
      'docs/guides/validation.md': '# Validation\n',
    };
    const graph = graphFromTexts(texts, ['.vitepress/config.ts']);
    const at = (kind: string) => graph.edges.filter((edge) => edge.kind === kind).map((edge) => [edge.target, edge.status, edge.toDocument]);
    expect(at('see-also')).toEqual([
      ['/docs/api/request', 'resolved', 'docs/api/request.md'],
      ['/docs/guides/validation', 'resolved', 'docs/guides/validation.md'],
      ['/docs/guides/gone', 'outside-root', undefined],
    ]);
    expect(at('see-also')).toEqual(at('links-to'));
  });

  it('reach Starlight, Hugo, Zola, Hexo, Eleventy and mdBook pages the same way, and Zola pages by `@/` paths', () => {
    expect(statuses({ 'src/content/docs/guides/a.md': '# A\n\n[B](/guides/b/#setup)\n', 'src/content/docs/guides/b.mdx': '' }, ['astro.config.mjs'])).toEqual([
      '/guides/b/ resolved src/content/docs/guides/b.mdx',
    ]);
    expect(statuses({ 'content/docs/a.md': '# A\n\n[Docs](/docs/) [B](/docs/b/)\n', 'content/docs/_index.md': '# Docs\n', 'content/docs/b.md': '# B\n' }, ['hugo.toml'])).toEqual([
      '/docs/ resolved content/docs/_index.md',
      '/docs/b/ resolved content/docs/b.md',
    ]);
    expect(statuses({ 'content/docs/a.md': '# A\n\n[B](@/docs/b.md#setup) [Docs](@/docs/_index.md) [Fr](@/docs/_index.fr.md) [None](@/docs/c.md)\n', 'content/docs/_index.md': '# Docs\n', 'content/docs/_index.fr.md': '# Docs\n', 'content/docs/b.md': '# B\n\n## Setup\n' }, ['config.toml'])).toEqual([
      '@/docs/b.md resolved content/docs/b.md',
      '@/docs/_index.md resolved content/docs/_index.md',
      '@/docs/_index.fr.md resolved content/docs/_index.fr.md',
      '@/docs/c.md missing-document ',
    ]);
    expect(statuses({ 'source/docs/troubleshooting.md': '# Troubleshooting\n\n[Front-matter](/docs/front-matter) [Helpers](helpers.html) [Gone](/docs/gone)\n', 'source/docs/front-matter.md': '# Front-matter\n', 'source/docs/helpers.md': '# Helpers\n' }, ['_config.yml', 'scaffolds/post.md', 'scaffolds/page.md'])).toEqual([
      '/docs/front-matter resolved source/docs/front-matter.md',
      'helpers.html resolved source/docs/helpers.md',
      '/docs/gone outside-root ',
    ]);
    expect(statuses({ 'src/docs/config.md': '# Config\n\n[Data](/docs/data-cascade/) [Post](/blog/three-million/) [Moved](/moved/) [Mascot](/mascot/) [Input](/docs/data-cascade.md) [None](/docs/none/)\n', 'src/docs/data-cascade.md': '# Data\n', 'src/blog/2022-04-22-three-million.md': '# Three million\n', 'src/old.md': '---\npermalink: /moved/\n---\n# Old\n' }, ['eleventy.config.js', 'src/mascot.njk'])).toEqual([
      '/docs/data-cascade/ resolved src/docs/data-cascade.md',
      '/blog/three-million/ resolved src/blog/2022-04-22-three-million.md',
      '/moved/ resolved src/old.md',
      '/mascot/ resolved src/mascot.njk',
      '/docs/data-cascade.md resolved src/docs/data-cascade.md',
      '/docs/none/ outside-root ',
    ]);
    expect(statuses({ 'src/guide/creating.md': '# Creating\n\n[The CLI](../cli/index.html)\n', 'src/cli/README.md': '# CLI\n' }, ['book.toml'])).toEqual([
      '../cli/index.html resolved src/cli/README.md',
    ]);
  });
});

describe('links in a Starlight site', () => {
  it('reach the site\'s own pages and, for a locale, the default locale\'s page until it is translated', () => {
    const texts = {
      'website/src/content/docs/guide/intro.md': '# Intro\n\n[Agents](/agents/) [Home](/) [Nowhere](/nowhere/)\n',
      'website/src/content/docs/guide/setup.md': '# Setup\n',
      'website/src/content/docs/es-es/guide/intro.md': '# Intro\n\n[Setup](/es-es/guide/setup/) [Intro](/es-es/guide/intro/) [None](/es-es/guide/none/)\n',
    };
    expect(statuses(texts, ['website/astro.config.mjs', 'website/src/pages/agents.astro', 'website/src/pages/index.astro', 'website/src/pages/[slug].astro'])).toEqual([
      '/es-es/guide/setup/ resolved website/src/content/docs/guide/setup.md',
      '/es-es/guide/intro/ resolved website/src/content/docs/es-es/guide/intro.md',
      '/es-es/guide/none/ outside-root ',
      '/agents/ resolved website/src/pages/agents.astro',
      '/ resolved website/src/pages/index.astro',
      '/nowhere/ outside-root ',
    ]);
  });

  it('reach a page at the `slug` its frontmatter sets, which Astro reads from the content folder and not from the page\'s folder', () => {
    const texts = {
      'src/content/docs/blog/2022-09-22-released.md': '---\nslug: blog/released\n---\n# Released\n\n[Beta](/blog/beta-for-mac) [By file](/blog/2021-11-08-beta) [Doubled](/blog/blog/beta-for-mac)\n',
      'src/content/docs/blog/2021-11-08-beta.md': '---\nslug: blog/beta-for-mac\n---\n# Beta\n',
    };
    expect(statuses(texts, ['astro.config.mjs'])).toEqual([
      '/blog/beta-for-mac resolved src/content/docs/blog/2021-11-08-beta.md',
      '/blog/2021-11-08-beta outside-root ',
      '/blog/blog/beta-for-mac outside-root ',
    ]);
  });

  it('reach a page at its path made a slug segment by segment, as Astro makes its id, and not at the path as written', () => {
    const texts = {
      'src/content/docs/concept/process-model.md':
        '# Process model\n\n[IPC](/concept/inter-process-communication/) [Brownfield](../inter-process-communication/brownfield/) [v1](/guides/v10/) [As written](/concept/Inter-Process%20Communication/)\n',
      'src/content/docs/concept/Inter-Process Communication/index.md': '# IPC\n',
      'src/content/docs/concept/Inter-Process Communication/brownfield.md': '# Brownfield\n',
      'src/content/docs/guides/v1.0.md': '# Version 1.0\n',
    };
    expect(statuses(texts, ['astro.config.mjs'])).toEqual([
      '/concept/inter-process-communication/ resolved src/content/docs/concept/Inter-Process Communication/index.md',
      '../inter-process-communication/brownfield/ resolved src/content/docs/concept/Inter-Process Communication/brownfield.md',
      '/guides/v10/ resolved src/content/docs/guides/v1.0.md',
      '/concept/Inter-Process Communication/ outside-root ',
    ]);
  });
});

describe('links in a project of MyST pages', () => {
  const pages = {
    'docs/source/guide/setup.md': '# Setup\n\n(culling-user-pods)=\n## Culling\n\n(schema_hub.config)=\n## Hub configuration\n',
    'docs/source/guide/intro.md': '# Intro\n\nSee [culling](culling-user-pods), [the hub](schema_hub.config), [the same](#culling-user-pods), [setup](setup) and [nothing](no-such-target).\n',
  };

  it('reach the page that sets a target by the target\'s name, and a page by its path without the extension', () => {
    const graph = graphFromTexts(pages, ['docs/source/conf.py']);
    expect(linkStatuses(graph)).toEqual([
      ['culling-user-pods', 'resolved', 'docs/source/guide/setup.md'],
      ['schema_hub.config', 'resolved', 'docs/source/guide/setup.md'],
      ['#culling-user-pods', 'resolved', 'docs/source/guide/intro.md'],
      ['setup', 'resolved', 'docs/source/guide/setup.md'],
      ['no-such-target', 'missing-document', undefined],
    ]);
    expect(graph.siteLabel('docs/source/guide/intro.md', 'Culling-User-Pods')).toBe('docs/source/guide/setup.md');
    expect(graph.isMystPage('docs/source/guide/intro.md')).toBe(true);
    expect(graph.document('docs/source/guide/setup.md')?.model.labels).toEqual(['culling-user-pods', 'schema_hub.config']);
  });

  it('read a path from the top from the source folder, as Sphinx reads an image\'s', () => {
    const texts = { 'docs/source/howto/setup.md': '# Setup\n\n![Servers](/images/servers.png) ![Gone](/images/gone.png)\n' };
    expect(statuses(texts, ['docs/source/conf.py', 'docs/source/images/servers.png'])).toEqual([
      '/images/servers.png resolved docs/source/images/servers.png',
      '/images/gone.png outside-root ',
    ]);
    expect(statuses(texts, ['docs/source/images/servers.png'])[0]).toBe('/images/servers.png outside-root ');
  });

  it('reach a target whose name holds a slash, as MyST-Parser\'s own docs name theirs (`syntax/alerts`)', () => {
    const graph = graphFromTexts(
      { 'docs/syntax/optional.md': '(syntax/alerts)=\n# Alerts\n', 'docs/index.md': '# Index\n\n[alerts](syntax/alerts) [a file](syntax/optional.md) [nothing](syntax/nothing)\n' },
      ['docs/conf.py'],
    );
    expect(linkStatuses(graph)).toEqual([
      ['syntax/alerts', 'resolved', 'docs/syntax/optional.md'],
      ['syntax/optional.md', 'resolved', 'docs/syntax/optional.md'],
      ['syntax/nothing', 'missing-document', undefined],
    ]);
  });

  it('are files, as on GitHub, without a Sphinx or Jupyter Book configuration, and read the same from summaries', () => {
    expect(linkStatuses(graphFromTexts(pages)).map(([target, status]) => `${target} ${status}`)).toEqual([
      'culling-user-pods missing-document',
      'schema_hub.config missing-document',
      '#culling-user-pods resolved',
      'setup missing-document',
      'no-such-target missing-document',
    ]);
    const full = graphFromTexts(pages, ['docs/_toc.yml']);
    const summaries = new KnowledgeGraph({ documents: full.documents.map((document) => ({ ...document, model: summarizeModel(document.model) })), files: [...full.files] });
    expect(linkStatuses(summaries)).toEqual(linkStatuses(full));
    expect(linkStatuses(full)[0]).toEqual(['culling-user-pods', 'resolved', 'docs/source/guide/setup.md']);
  });
});

describe('links in a DocFX docset', () => {
  const page = '# Terminal\n\n[ping](/windows-server/administration/ping) [setup](~/install/setup.md) [gone](~/install/gone.md) [root](/install/setup.md) [other site](//example.com/x)\n';
  const files = ['TerminalDocs/install/setup.md', 'TerminalDocs/docfx.json'];

  it('reach a file from the docset\'s folder by `~/`, and leave a route of the host the docset is published on unjudged', () => {
    expect(statuses({ 'TerminalDocs/index.md': page }, files)).toEqual([
      '/windows-server/administration/ping external ',
      '~/install/setup.md resolved TerminalDocs/install/setup.md',
      '~/install/gone.md missing-document ',
      '/install/setup.md external ',
      '//example.com/x external ',
    ]);
  });

  it('are a file\'s everywhere else: a page outside the docset, or a repository with no `docfx.json`', () => {
    const withoutDocset = statuses({ 'TerminalDocs/index.md': page }, ['TerminalDocs/install/setup.md']);
    expect(withoutDocset[0]).not.toMatch(/ external /);
    expect(withoutDocset[1]).toBe('~/install/setup.md missing-document ');
    expect(statuses({ 'README.md': page }, files)[0]).toBe(statuses({ 'README.md': page }, ['TerminalDocs/install/setup.md'])[0]);
  });
});

describe('links between Writerside topics', () => {
  it('reach a topic by its file\'s name from any folder of the topics, and nothing outside them', () => {
    const texts = {
      'docs/topics/guide/start.md': '# Start\n\n[Reference](reference.md) [Shared](shared.topic) [Missing](missing.md) [Notes](notes.md)\n',
      'docs/topics/ref/reference.md': '# Reference\n',
      'docs/notes/notes.md': '# Notes\n',
    };
    const files = ['docs/writerside.cfg', 'docs/topics/ref/shared.topic'];
    expect(statuses(texts, files)).toEqual([
      'reference.md resolved docs/topics/ref/reference.md',
      'shared.topic resolved docs/topics/ref/shared.topic',
      'missing.md missing-document ',
      'notes.md missing-document ',
    ]);
    // The older `project.ihp` marks a project too; without either, the name is a file's beside the page.
    expect(statuses(texts, ['Writerside/project.ihp'].concat(['docs/topics/ref/shared.topic']))[0]).toBe('reference.md missing-document ');
    expect(statuses(texts, ['docs/project.ihp'])[0]).toBe('reference.md resolved docs/topics/ref/reference.md');
  });
});

describe('a file from the top of an mdBook, Hexo or MkDocs site', () => {
  it('is the content folder\'s, which the site serves at its root', () => {
    const page = '# Post\n\n![Scatter](/blog/images/scatter.png)\n';
    for (const [config, content] of [['book.toml', 'src'], ['scaffolds/post.md', 'source'], ['mkdocs-online.yml', 'docs']] as const) {
      expect(statuses({ [`${content}/blog/posts/plot.md`]: page }, [config, `${content}/blog/images/scatter.png`])).toEqual([`/blog/images/scatter.png resolved ${content}/blog/images/scatter.png`]);
    }
    expect(statuses({ 'docs/blog/posts/plot.md': page }, ['docs/blog/images/scatter.png'])).toEqual(['/blog/images/scatter.png outside-root ']);
  });
});

describe('a link climbing above an mdBook', () => {
  it('names a page of a book published beside it, not judged; one staying in the book, or naming a file, is', () => {
    const texts = {
      'src/ch02.md': '# Guessing game\n\n[The prelude](../std/prelude/index.html), [the reference](../reference/), [a chapter](ch03.html), [gone](ch09.html)\n\n[The readme](../README.md), [the notes](../notes.txt)\n\n[Cfg](../reference/conditional-compilation.md#the-cfg-attribute), [contributing](../CONTRIBUTING.md)\n',
      'src/ch03.md': '# Variables\n',
      // An old edition, a book of its own, sends its readers to the current book above it.
      'second-edition/src/ch19.md': '# Advanced\n\n[Moved](../ch20-00-advanced-features.html)\n',
      'notes/intro.md': '# Notes\n\n[Not a book](../std/index.html)\n',
    };
    expect(statuses(texts, ['book.toml', 'second-edition/book.toml', 'README.md'])).toEqual([
      '../std/index.html missing-document ',
      '../ch20-00-advanced-features.html external ',
      '../std/prelude/index.html external ',
      '../reference/ external ',
      'ch03.html resolved src/ch03.md',
      'ch09.html missing-document ',
      '../README.md resolved README.md',
      '../notes.txt missing-document ',
      '../reference/conditional-compilation.md external ',
      '../CONTRIBUTING.md missing-document ',
    ]);
  });
});

describe('links in an Obsidian vault', () => {
  it('reach a note or an image by its name alone, wherever the vault holds it', () => {
    const texts = {
      'vault/notes/today.md': '# Today\n\n![The flow](flow.png) [An idea](Idea.md) [Gone](gone.png)\n',
      'vault/ideas/Idea.md': '# Idea\n',
      'notes.md': '# Outside\n\n![The flow](flow.png)\n',
    };
    expect(statuses(texts, ['vault/.obsidian/app.json', 'vault/assets/flow.png'])).toEqual([
      'flow.png missing-document ',
      'flow.png resolved vault/assets/flow.png',
      'Idea.md resolved vault/ideas/Idea.md',
      'gone.png missing-document ',
    ]);
  });

  it('are so at the root when `.gitignore` leaves the vault\'s settings out, as a vault\'s repository often does', () => {
    const documents = [readDocument('notes/today.md', new TextEncoder().encode('# Today\n\n![The flow](flow.png)\n'))];
    const status = (ignored: (path: string) => boolean) =>
      new KnowledgeGraph({ documents, files: ['assets/flow.png'], rootInRepository: '', ignoredByGit: ignored }).edges.find((edge) => edge.kind === 'links-to')?.status;
    expect(status((path) => path.startsWith('.obsidian/'))).toBe('resolved');
    expect(status(() => false)).toBe('missing-document');
    // `.*` or `*.json` leaves out every dot-folder or settings file: no sign of a vault.
    expect(status((path) => path.startsWith('.'))).toBe('missing-document');
  });
});

describe('a GitBook space', () => {
  it('is the folder holding `.gitbook.yaml` or the `.gitbook/assets/` GitBook uploads to: a site serves the pages there, which link by file', () => {
    const texts = { 'docs/guide.md': '# Guide\n\n## 1. Setup\n\n[Built](setup.html) [Route](/setup) [File](setup.md)\n', 'docs/setup.md': '# Setup\n', 'notes.md': '# Notes\n' };
    for (const marker of ['docs/.gitbook.yaml', 'docs/.gitbook/assets/logo.png']) {
      const graph = graphFromTexts(texts, [marker]);
      expect([graph.servedBySite('docs/guide.md'), graph.servedBySite('notes.md')], marker).toEqual([true, false]);
      expect(linkStatuses(graph).map(([target, status]) => `${String(target)} ${String(status)}`), marker).toEqual(['setup.html missing-document', '/setup outside-root', 'setup.md resolved']);
    }
    expect(graphFromTexts(texts, ['docs/gitbook.yaml']).servedBySite('docs/guide.md')).toBe(false);
  });
});

describe('links in VuePress, Nuxt Content and Docusaurus\'s copies of its docs', () => {
  it('reach VuePress pages by route, built name or file from the pages\' folder, a README as an index', () => {
    const texts = {
      'docs/guide/README.md': '# Guide\n\n[Config](config.html) [By file](/guide/config.md) [Index](/guide/) [Gone](/guide/gone.md) [Home](../README.md)\n',
      'docs/guide/config.md': '# Config\n',
      'docs/index.md': '# Home\n',
    };
    expect(statuses(texts, ['docs/.vuepress/config.js'])).toEqual([
      'config.html resolved docs/guide/config.md',
      '/guide/config.md resolved docs/guide/config.md',
      '/guide/ resolved docs/guide/README.md',
      '/guide/gone.md outside-root ',
      // VuePress makes `README.md` and `index.md` alike a folder's page.
      '../README.md resolved docs/index.md',
    ]);
    // Without VuePress's configuration the same links are files, as on GitHub.
    expect(statuses(texts, [])[0]).toBe('config.html missing-document ');
  });

  it('reach a VitePress page whose name holds a dot, as typedoc names them, and no file by a route', () => {
    const texts = {
      'docs/api/index.md': '# API\n\n[Options](/api/pinia_testing.TestingOptions.html) [Same](./pinia_testing.TestingOptions) [Logo](/api/logo.svg)\n',
      'docs/api/pinia_testing.TestingOptions.md': '# TestingOptions\n',
    };
    expect(statuses(texts, ['docs/.vitepress/config.ts'])).toEqual([
      '/api/pinia_testing.TestingOptions.html resolved docs/api/pinia_testing.TestingOptions.md',
      './pinia_testing.TestingOptions resolved docs/api/pinia_testing.TestingOptions.md',
      '/api/logo.svg outside-root ',
    ]);
  });

  it('reach Nextra pages by route, a locale\'s folder left out', () => {
    const texts = { 'content/en/docs/global.md': '# Global\n\n[Options](/docs/options) [With the locale](/en/docs/options) [None](/docs/cache)\n', 'content/en/docs/options.mdx': '# Options\n' };
    expect(statuses(texts, ['next.config.mjs'])).toEqual([
      '/docs/options resolved content/en/docs/options.mdx',
      '/en/docs/options resolved content/en/docs/options.mdx',
      '/docs/cache outside-root ',
    ]);
  });

  it('reach a Nextra page by its file from the content folder, as Nextra takes `.md` and `.mdx` off a link', () => {
    const texts = {
      'content/deploy/3-ios-appstore.md': '# iOS\n\n[Prepare](/deploy/1-prepare-app.md) [Image](/widgets/image.mdx#props) [None](/deploy/none.md)\n',
      'content/deploy/1-prepare-app.md': '# Prepare\n',
      'content/widgets/image.mdx': '# Image\n\n## Props\n',
    };
    expect(statuses(texts, ['next.config.mjs'])).toEqual([
      '/deploy/1-prepare-app.md resolved content/deploy/1-prepare-app.md',
      '/widgets/image.mdx resolved content/widgets/image.mdx',
      '/deploy/none.md outside-root ',
    ]);
  });

  it('reach the app router\'s own pages and route handlers, its groups left out, but not through a dynamic route', () => {
    const texts = { 'content/docs/theming.mdx': '# Theming\n\n[Editor](/create) [Community](/community) [llms.txt](/llms.txt) [None](/docs/nowhere) [Post](/blog/post)\n' };
    const appFiles = ['app/(app)/(create)/create/page.tsx', 'app/community/page.tsx', 'app/llms.txt/route.ts', 'app/docs/[[...slug]]/page.tsx', 'app/blog/[slug]/page.tsx', 'app/_components/page.tsx'];
    expect(statuses(texts, ['next.config.mjs', ...appFiles])).toEqual([
      '/create resolved app/(app)/(create)/create/page.tsx',
      '/community resolved app/community/page.tsx',
      '/llms.txt resolved app/llms.txt/route.ts',
      '/docs/nowhere outside-root ',
      '/blog/post outside-root ',
    ]);
  });

  it('reach the Markdown pages a dynamic segment serves from a folder beside it that is no route', () => {
    const texts = {
      'src/app/docs/content/quick-start.mdx': '# Quick start\n\n[Metrics](/docs/understanding-metrics#burn-rate) [None](/docs/nowhere) [Post](/blog/hello) [Nested](/guides/setup/linux) [Guides](/guides) [Shown](/notes/draft)\n',
      'src/app/docs/content/understanding-metrics.mdx': '# Understanding metrics\n\n## Burn rate\n',
      'src/app/blog/posts/hello.md': '# Hello\n',
      'src/app/guides/pages/setup/linux.mdx': '# Linux\n',
      'src/app/guides/pages/index.mdx': '# Guides\n',
      'src/app/notes/drafts/draft.md': '# Draft\n',
    };
    const appFiles = ['src/app/docs/[slug]/page.tsx', 'src/app/blog/[slug]/page.tsx', 'src/app/guides/[...slug]/page.tsx', 'src/app/notes/[slug]/page.tsx', 'src/app/notes/drafts/page.tsx'];
    expect(statuses(texts, ['next.config.ts', ...appFiles])).toEqual([
      '/docs/understanding-metrics resolved src/app/docs/content/understanding-metrics.mdx',
      '/docs/nowhere outside-root ',
      '/blog/hello resolved src/app/blog/posts/hello.md',
      '/guides/setup/linux resolved src/app/guides/pages/setup/linux.mdx',
      '/guides resolved src/app/guides/pages/index.mdx',
      '/notes/draft outside-root ',
    ]);
  });

  it('follow the redirects of `next.config.*`, with their parameters, and leave one to another host unjudged', async () => {
    const config = [
      'export default withNextra({',
      '  async redirects() {',
      '    return [',
      "      { source: '/error/:errorId', destination: '/tips/:errorId', permanent: false },",
      "      { source: '/docs/components/:name((?!radix|base)[^/]+)', destination: '/docs/components/base/:name', permanent: false },",
      "      { source: '/guides/:path*', destination: '/docs/:path*', permanent: true },",
      "      { source: '/dashboard/:path*', destination: 'https://dash.example.com', permanent: true },",
      "      { source: '/products', has: [{ type: 'query', key: 'tab' }], destination: '/tips/nowhere', permanent: false },",
      '    ];',
      '  },',
      '});',
    ].join('\n');
    const texts = {
      'content/tips.md': '# Tips\n\n[Width](/error/no-bounded-width) [Chart](/docs/components/chart) [Guide](/guides/tips/no-bounded-width) [Dashboard](/dashboard/keys) [Products](/products) [None](/error/none)\n',
      'content/tips/no-bounded-width.md': '# No bounded width\n',
      'content/docs/components/base/chart.mdx': '# Chart\n',
      'content/docs/tips/no-bounded-width.md': '# No bounded width\n',
    };
    expect(configuredStatuses(await configuredGraph(texts, [], { 'next.config.mjs': config }))).toEqual([
      '/error/no-bounded-width resolved content/tips/no-bounded-width.md',
      '/docs/components/chart resolved content/docs/components/base/chart.mdx',
      '/guides/tips/no-bounded-width resolved content/docs/tips/no-bounded-width.md',
      '/dashboard/keys external ',
      '/products outside-root ',
      '/error/none external ',
    ]);
  });

  it('reach a Fumadocs page in a folder group, the group left out of its route', () => {
    const texts = {
      'content/docs/core/providers.mdx': '# Providers\n\n[GitHub](/docs/core/github) [With the group](/docs/core/(Git-Sources)/github) [CLI](/docs/cli)\n',
      'content/docs/core/(Git-Sources)/github.mdx': '# GitHub\n',
      'content/docs/(root)/cli.mdx': '# CLI\n',
    };
    expect(statuses(texts, ['next.config.mjs', 'source.config.ts'])).toEqual([
      '/docs/core/github resolved content/docs/core/(Git-Sources)/github.mdx',
      '/docs/core/(Git-Sources)/github outside-root ',
      '/docs/cli resolved content/docs/(root)/cli.mdx',
    ]);
  });

  it('reach a Fumadocs page under the `baseUrl` its loader sets, from the `dir` its collection sets', async () => {
    const texts = {
      'content/docs/agents/quickstart.mdx': '# Quickstart\n\n[Reply](/agents/setup/reply) [Setup](/agents/setup) [Old base](/docs/agents/setup/reply) [Relative](./setup/reply)\n',
      'content/docs/agents/setup/reply.mdx': '# Reply\n',
      'content/docs/agents/setup/index.mdx': '# Setup\n',
    };
    const configs = {
      'next.config.mjs': "import { createMDX } from 'fumadocs-mdx/next';\nexport default createMDX()({});\n",
      'source.config.ts': "import { defineConfig, defineDocs } from 'fumadocs-mdx/config';\nexport const docs = defineDocs({ dir: 'content/docs' });\nexport default defineConfig({});\n",
      'src/lib/source.ts': "import { docs } from '@/.source';\nimport { loader } from 'fumadocs-core/source';\nexport const source = loader({ baseUrl: '/', source: docs.toFumadocsSource() });\n",
    };
    expect(configuredStatuses(await configuredGraph(texts, [], configs))).toEqual([
      '/agents/setup/reply resolved content/docs/agents/setup/reply.mdx',
      '/agents/setup resolved content/docs/agents/setup/index.mdx',
      '/docs/agents/setup/reply outside-root ',
      './setup/reply resolved content/docs/agents/setup/reply.mdx',
    ]);
    // With two loaders, the one that names the collection (`docs.toFumadocsSource()`) serves its folder.
    const twoLoaders = { ...configs, 'lib/source.ts': "export const blog = loader({ baseUrl: '/blog', source: blog.toFumadocsSource() });\n" };
    expect(configuredStatuses(await configuredGraph(texts, [], twoLoaders))[0]).toBe('/agents/setup/reply resolved content/docs/agents/setup/reply.mdx');
    // With two that name none, which serves the folder is not written literally: the folder is read as before.
    const unnamed = { ...configs, 'src/lib/source.ts': "export const source = loader({ baseUrl: '/' });\n", 'lib/source.ts': "export const blog = loader({ baseUrl: '/blog' });\n" };
    expect(configuredStatuses(await configuredGraph(texts, [], unnamed))[0]).toBe('/agents/setup/reply outside-root ');
  });

  it('reach the pages of each Fumadocs collection under the `baseUrl` of the loader that names it, a loader exported under two names too', async () => {
    const texts = {
      'content/docs/guides/api.mdx': '# API\n\n[Filters](/docs/guides/filters) [Usage](/console/usage) [Unserved](/guides/filters)\n',
      'content/docs/guides/filters.mdx': '# Filters\n',
      'content/dashboard/usage.mdx': '# Usage\n',
    };
    const configs = {
      'next.config.mjs': "import { createMDX } from 'fumadocs-mdx/next';\nexport default createMDX()({});\n",
      'source.config.ts': [
        "import { defineConfig, defineDocs } from 'fumadocs-mdx/config';",
        "export const docs = defineDocs({ dir: 'content/docs' });",
        "export const dashboard = defineDocs({ dir: 'content/dashboard' });",
        'export default defineConfig({});',
      ].join('\n'),
      'lib/source.ts': [
        "import { dashboard, docs } from '@/.source';",
        "import { loader } from 'fumadocs-core/source';",
        "export const docsSource = loader({ baseUrl: '/docs', source: docs.toFumadocsSource(), pageTree: { transformers: [{ file(node) { return node; } }] } });",
        "export const dashboardSource = loader({ baseUrl: '/console', source: dashboard.toFumadocsSource() });",
        'export const source = docsSource;',
      ].join('\n'),
    };
    expect(configuredStatuses(await configuredGraph(texts, [], configs))).toEqual([
      '/docs/guides/filters resolved content/docs/guides/filters.mdx',
      '/console/usage resolved content/dashboard/usage.mdx',
      '/guides/filters outside-root ',
    ]);
  });

  it('reach the pages of a Nextra 3 site, served from the pages router\'s `pages/`', () => {
    const texts = {
      'pages/machines.mdx': '# Machines\n\n[SSH](/docs/compute-cluster/ssh) [Cluster](/docs/compute-cluster) [None](/docs/none)\n',
      'pages/docs/compute-cluster/ssh.mdx': '# SSH\n',
      'pages/docs/compute-cluster/index.mdx': '# Cluster\n',
      'pages/get-involved/index.mdx': '# Get involved\n\n[Sponsor](./get-involved/sponsor)\n',
      'pages/get-involved/sponsor.mdx': '# Sponsor\n',
    };
    expect(statuses(texts, ['next.config.js', 'pages/_app.tsx', 'pages/_meta.js'])).toEqual([
      './get-involved/sponsor resolved pages/get-involved/sponsor.mdx',
      '/docs/compute-cluster/ssh resolved pages/docs/compute-cluster/ssh.mdx',
      '/docs/compute-cluster resolved pages/docs/compute-cluster/index.mdx',
      '/docs/none outside-root ',
    ]);
  });

  it('reach the page of the linking page\'s own language on a Nextra site of several, as Nextra sends its readers there', () => {
    const texts = {
      'content/en/docs/options.md': '# Options\n',
      'content/ru/docs/options.md': '# Опции\n',
      'content/ru/docs/errors.md': '# Ошибки\n\n[Опции](/docs/options) [English](/en/docs/options)\n',
      'content/en/docs/errors.md': '# Errors\n\n[Options](/docs/options)\n',
      'content/ru/docs/only.md': '# Только\n\n[Cache](/docs/cache)\n',
      'content/en/docs/cache.md': '# Cache\n',
    };
    expect(statuses(texts, ['next.config.mjs'])).toEqual([
      '/docs/options resolved content/en/docs/options.md',
      '/docs/options resolved content/ru/docs/options.md',
      '/en/docs/options resolved content/en/docs/options.md',
      '/docs/cache resolved content/en/docs/cache.md',
    ]);
  });

  it('reach Nuxt Content pages by route, number prefixes dropped', () => {
    const texts = { 'content/1.guide/2.setup.md': '# Setup\n\n[Intro](/guide/intro) [Guide](/guide)\n', 'content/1.guide/1.intro.md': '# Intro\n', 'content/1.guide/0.index.md': '# Guide\n' };
    expect(statuses(texts, ['nuxt.config.ts'])).toEqual(['/guide/intro resolved content/1.guide/1.intro.md', '/guide resolved content/1.guide/0.index.md']);
  });

  it('reach a page of the same version or translation from a copy of Docusaurus\'s docs', () => {
    const page = '# B\n\n[A](./a)\n';
    const texts = {
      'docs/guide/a.md': '# A\n',
      'docs/guide/b.md': page,
      'versioned_docs/version-1.0/guide/a.md': '# A\n',
      'versioned_docs/version-1.0/guide/b.md': page,
      'i18n/fr/docusaurus-plugin-content-docs/current/guide/a.md': '# A\n',
      'i18n/fr/docusaurus-plugin-content-docs/current/guide/b.md': page,
    };
    const graph = graphFromTexts(texts, ['docusaurus.config.js']);
    expect(linkStatuses(graph).map(([, status, document]) => `${String(status)} ${String(document)}`)).toEqual([
      'resolved docs/guide/a.md',
      'resolved i18n/fr/docusaurus-plugin-content-docs/current/guide/a.md',
      'resolved versioned_docs/version-1.0/guide/a.md',
    ]);
    expect(graph.servedBySite('versioned_docs/version-1.0/guide/b.md')).toBe(true);
  });

  it("reach a doc's file the translation lacks from the docs it translates, as Docusaurus reads a file link from both", () => {
    const texts = {
      'docs/sdk/intro.md': '# Intro\n',
      'docs/sdk/samples.mdx': '# Samples\n',
      'versioned_docs/version-3/sdk/intro.md': '# Intro\n',
      'versioned_docs/version-3/sdk/samples.mdx': '# Samples\n',
      'i18n/de/docusaurus-plugin-content-docs/version-3/sdk/intro.md': '# Einführung\n\n[Beispiele](/sdk/samples.mdx) [Einführung](/sdk/intro.md) [Keine](/sdk/none.mdx)\n',
      'i18n/de/docusaurus-plugin-content-docs/current/sdk/intro.md': '# Einführung\n\n[Beispiele](sdk/samples.mdx)\n',
    };
    expect(statuses(texts, ['docusaurus.config.js'])).toEqual([
      'sdk/samples.mdx resolved docs/sdk/samples.mdx',
      '/sdk/samples.mdx resolved versioned_docs/version-3/sdk/samples.mdx',
      '/sdk/intro.md resolved i18n/de/docusaurus-plugin-content-docs/version-3/sdk/intro.md',
      // A file neither folder holds is still missing.
      '/sdk/none.mdx outside-root ',
    ]);
  });

  it("reach a route written with the translation's own locale in front, which Docusaurus leaves as it is in that locale's site", () => {
    const texts = {
      'docs/topics/charts.md': '# Charts\n',
      'docs/topics/hooks.md': '# Hooks\n',
      'i18n/zh/docusaurus-plugin-content-docs/current/topics/charts.md': '# 图表\n',
      'i18n/zh/docusaurus-plugin-content-docs/version-3/topics/tests.md': '# 测试\n\n[图表](/docs/topics/charts) [图表](/zh/docs/topics/charts) [钩子](/zh/docs/topics/hooks/) [无](/zh/docs/topics/none) [日本語](/ja/docs/topics/hooks)\n',
    };
    expect(statuses(texts, ['docusaurus.config.js', 'versioned_docs/version-3/topics/tests.md'])).toEqual([
      // The locale's own copy of a doc first, as that locale's site serves it.
      '/docs/topics/charts resolved i18n/zh/docusaurus-plugin-content-docs/current/topics/charts.md',
      '/zh/docs/topics/charts resolved i18n/zh/docusaurus-plugin-content-docs/current/topics/charts.md',
      '/zh/docs/topics/hooks/ resolved docs/topics/hooks.md',
      '/zh/docs/topics/none outside-root ',
      // Another locale's prefix is that locale's site, not this page's.
      '/ja/docs/topics/hooks outside-root ',
    ]);
  });

  it('reach the translated doc from a translated blog post or page, as Docusaurus builds each locale as a site of its own', () => {
    const texts = {
      'website/docs/reference/options.md': '# Options\n\n## Theme\n',
      'website/i18n/zh/docusaurus-plugin-content-docs/current/reference/options.md': '# 选项\n\n## 主题\n',
      'website/blog/2022-09-22-release.md': '# Release\n\n[Theme](/docs/reference/options#theme)\n',
      'website/i18n/zh/docusaurus-plugin-content-blog/2022-09-22-release.md': '# 发布\n\n[主题](/docs/reference/options#主题)\n',
      'website/i18n/zh/docusaurus-plugin-content-pages/changelog.md': '# 更新\n\n[主题](/docs/reference/options#主题) [Only in English](/docs/guide)\n',
      'website/docs/guide.md': '# Guide\n',
    };
    expect(statuses(texts, ['website/docusaurus.config.js'])).toEqual([
      '/docs/reference/options resolved website/docs/reference/options.md',
      '/docs/reference/options resolved website/i18n/zh/docusaurus-plugin-content-docs/current/reference/options.md',
      '/docs/reference/options resolved website/i18n/zh/docusaurus-plugin-content-docs/current/reference/options.md',
      '/docs/guide resolved website/docs/guide.md',
    ]);
  });

  it('reach a doc\'s file from the docs folder, by an absolute path or one not beside the linking doc', () => {
    const texts = { 'docs/cli/commands/run.md': '# Run\n\n[Sync](/cli/commands/sync.md) [Store](api/Store.md) [Beside](./sync.md) [None](api/None.md)\n', 'docs/cli/commands/sync.md': '# Sync\n', 'docs/api/Store.md': '# Store\n' };
    expect(statuses(texts, ['docusaurus.config.js'])).toEqual([
      '/cli/commands/sync.md resolved docs/cli/commands/sync.md',
      'api/Store.md resolved docs/api/Store.md',
      './sync.md resolved docs/cli/commands/sync.md',
      'api/None.md missing-document ',
    ]);
  });

  it('read an absolute file path from the site\'s folder when the docs folder has no such file', () => {
    const texts = {
      'www/docs/main/quickstart.mdx': '# Quickstart\n\n[React](/docs/client/react/setup.mdx) [From docs](/client/react/setup.mdx) [None](/docs/client/vue/setup.mdx)\n',
      'www/docs/client/react/setup.mdx': '# Setup\n',
    };
    expect(statuses(texts, ['www/docusaurus.config.ts'])).toEqual([
      '/docs/client/react/setup.mdx resolved www/docs/client/react/setup.mdx',
      '/client/react/setup.mdx resolved www/docs/client/react/setup.mdx',
      '/docs/client/vue/setup.mdx outside-root ',
    ]);
  });

  it('reach the docs beside the site\'s folder when it has none of its own', () => {
    const texts = { 'docs/understanding/glossary.md': '# Glossary\n\n[Store](api/Store.md) [Route](/api/Store)\n', 'docs/api/Store.md': '# Store\n' };
    expect(statuses(texts, ['website/docusaurus.config.js'])).toEqual(['api/Store.md resolved docs/api/Store.md', '/api/Store resolved docs/api/Store.md']);
  });

  it('reach the docs folder holding the site\'s folder, and no other folder above it', () => {
    const texts = { 'docs/guide/README.md': '# Guide\n\n[setup](setup) [by id](0002)\n', 'docs/guide/setup.md': '# Setup\n', 'docs/decisions/use-adrs.md': '---\nid: "0002"\n---\n# ADRs\n' };
    expect(statuses(texts, ['docs/docusaurus/docusaurus.config.js'])).toEqual(['setup resolved docs/guide/setup.md', '0002 missing-document ']);
    const above = { 'handbook/guide/README.md': '# Guide\n\n[setup](setup)\n', 'handbook/guide/setup.md': '# Setup\n' };
    expect(statuses(above, ['handbook/site/docusaurus.config.js'])).toEqual(['setup missing-document ']);
  });

  it('name the file a build would make for a page as its path under the docs folder, the route base left out and the letter case kept, from a blog post too', () => {
    const texts = {
      'website/docs/guide.md': '# Guide\n\n[Bidi](/docs/api/webdriverBidi) [Index](api/index.md)\n',
      'website/blog/2024-01-02-release.md': '# Release\n\n[Bidi](/docs/api/webdriverBidi)\n',
    };
    const graph = graphFromTexts(texts, ['website/docusaurus.config.ts']);
    expect(graph.sitePageFiles('website/docs/guide.md', '/docs/api/webdriverBidi')[0]).toBe('website/docs/api/webdriverBidi.md');
    for (const from of ['website/docs/guide.md', 'website/blog/2024-01-02-release.md']) {
      const files = graph.sitePageFiles(from, '/docs/api/webdriverBidi');
      expect(files).toContain('website/docs/api/webdriverBidi.md');
      expect(files.indexOf('website/docs/api/webdriverBidi.md')).toBeLessThan(files.indexOf('website/docs/docs/api/webdriverBidi.md'));
      expect(files).not.toContain('website/docs/api/webdriverbidi.md');
    }
    // A link naming the page's file is that file, not `index.md.md`.
    expect(graph.sitePageFiles('website/docs/guide.md', 'api/index.md')).toContain('website/docs/api/index.md');
    expect(graph.sitePageFiles('website/docs/guide.md', 'api/index.md').filter((file) => file.endsWith('.md.md'))).toEqual([]);
  });

  it('leave a relative route from a file the site does not serve, an archived copy of the docs beside them, to be read as a file', () => {
    const texts = {
      'docs/npmrc.md': '# npmrc\n\n## Settings\n',
      'versioned_docs_archived/version-7.x/npmrc.md': '# npmrc\n\n## store-dir\n',
      'versioned_docs_archived/version-7.x/production.md': '# Production\n\n[store location](npmrc#store-dir) [From the top](/npmrc)\n',
      'docs/production.md': '# Production\n\n[store location](npmrc#settings)\n',
    };
    expect(statuses(texts, ['docusaurus.config.ts'])).toEqual(['npmrc resolved docs/npmrc.md', 'npmrc missing-document ', '/npmrc resolved docs/npmrc.md']);
  });

  it('reach a blog post by its dated route or its slug', () => {
    const texts = {
      'docs/snapshots.md': '# Snapshots\n\n[Jest 14](/blog/2016/07/27/jest-14) [Folder post](/blog/2020/01/02/big-one/) [By slug](/blog/welcome) [None](/blog/2016/07/27/jest-15)\n',
      'blog/2016-07-27-jest-14.md': '# Jest 14\n',
      'blog/2020-01-02-big-one/index.md': '# Big one\n',
      'blog/hello.md': '---\nslug: welcome\n---\n# Hello\n',
    };
    expect(statuses(texts, ['docusaurus.config.js'])).toEqual([
      '/blog/2016/07/27/jest-14 resolved blog/2016-07-27-jest-14.md',
      '/blog/2020/01/02/big-one/ resolved blog/2020-01-02-big-one/index.md',
      '/blog/welcome resolved blog/hello.md',
      '/blog/2016/07/27/jest-15 outside-root ',
    ]);
  });

  it('reach the index page Docusaurus generates for a category, named by its folder', () => {
    const texts = { 'docs/intro.md': '# Intro\n\n[Cases](category/user-cases) [Guide](/docs/category/user-guide) [None](/category/nothing)\n', 'docs/User Cases/one.md': '# One\n', 'docs/02-user-guide/setup.md': '# Setup\n' };
    expect(statuses(texts, ['docusaurus.config.js'])).toEqual([
      'category/user-cases resolved docs/User Cases',
      '/docs/category/user-guide resolved docs/02-user-guide',
      '/category/nothing outside-root ',
    ]);
  });
});

describe('links in a Mintlify site', () => {
  const texts = {
    'docs/index.md': '# Home\n\n[Quickstart](/guides/quickstart) [CLI](/api-reference/cli/run) [Logo](/images/logo.svg) [Nowhere](/guides/nowhere)\n',
    'docs/guides/quickstart.mdx': '# Quickstart\n\n[Settings](./settings) [The same](/guides/settings#settings-2) [Home](/)\n',
    'docs/guides/settings.md': '# Settings\n',
    'docs/api-reference/cli/run.mdx': '# Run\n',
  };

  it('reach a page by its route from the folder holding `docs.json`, folders nested, an index at its folder, and the files beside it', () => {
    expect(statuses(texts, ['docs/docs.json', 'docs/images/logo.svg'])).toEqual([
      './settings resolved docs/guides/settings.md',
      '/guides/settings resolved docs/guides/settings.md',
      '/ resolved docs/index.md',
      '/guides/quickstart resolved docs/guides/quickstart.mdx',
      '/api-reference/cli/run resolved docs/api-reference/cli/run.mdx',
      '/images/logo.svg resolved docs/images/logo.svg',
      '/guides/nowhere outside-root ',
    ]);
  });

  it('reach the same pages beside the older `mint.json`, and none without either', () => {
    expect(statuses(texts, ['docs/mint.json', 'docs/images/logo.svg']).slice(3, 6)).toEqual([
      '/guides/quickstart resolved docs/guides/quickstart.mdx',
      '/api-reference/cli/run resolved docs/api-reference/cli/run.mdx',
      '/images/logo.svg resolved docs/images/logo.svg',
    ]);
    expect(statuses(texts, ['docs/images/logo.svg']).slice(3, 5)).toEqual(['/guides/quickstart outside-root ', '/api-reference/cli/run outside-root ']);
  });

  it('follow the `redirects` of `docs.json`, with their parameters, as a versioned site sends its unversioned routes to the latest version', async () => {
    const versioned = {
      'docs/edge/en/concepts/flows.mdx': '# Flows\n\n[Memory](/en/concepts/memory) [Learn](/learn/streaming) [Install](/installation) [Nowhere](/en/concepts/nowhere)\n',
      'docs/v1.2/en/concepts/memory.mdx': '# Memory\n',
      'docs/v1.2/en/learn/streaming.mdx': '# Streaming\n',
      'docs/v1.2/en/installation.mdx': '# Installation\n',
    };
    const redirects = [
      { source: '/installation', destination: '/v1.2/en/installation' },
      { source: '/learn/:path*', destination: '/v1.2/en/learn/:path*' },
      { source: '/en/:slug*', destination: '/v1.2/en/:slug*', permanent: false },
    ];
    const graph = await configuredGraph(versioned, [], { 'docs/docs.json': JSON.stringify({ name: 'Docs', redirects }) });
    expect(configuredStatuses(graph)).toEqual([
      '/en/concepts/memory resolved docs/v1.2/en/concepts/memory.mdx',
      '/learn/streaming resolved docs/v1.2/en/learn/streaming.mdx',
      '/installation resolved docs/v1.2/en/installation.mdx',
      '/en/concepts/nowhere external ',
    ]);
  });
});

describe('links to the endpoint pages Mintlify generates from an OpenAPI specification', () => {
  const specification = {
    openapi: '3.0.0',
    paths: {
      '/chat-messages': { post: { summary: 'Send Chat Message', tags: ['Chat Messages'], 'x-mint': { href: '/en/api-reference/chat-messages/send-chat-message' } } },
      '/users/{id}': { get: { summary: 'Get user (v2)', tags: ['Users'] }, delete: { tags: ['Users'] } },
      '/files/{file_id}/preview': { get: { summary: 'Download File' } },
    },
  };
  const page = [
    '# Guide',
    '',
    '[Send](/en/api-reference/chat-messages/send-chat-message) [Its body](/en/api-reference/chat-messages/send-chat-message#request-body)',
    '[Get](/api-reference/users/get-user-v2) [Delete](/api-reference/users/delete-users) [Download](/reference/download-file)',
    '[Not one](/api-reference/users/rename-user)',
    '',
  ].join('\n');
  const navigation = {
    tabs: [
      { tab: 'Guides', groups: [{ group: 'Start', pages: ['en/guide'] }] },
      { tab: 'API', groups: [{ group: 'Chat', openapi: 'en/api-reference/openapi.json', pages: ['POST /chat-messages'] }, { group: 'Users', openapi: '/en/api-reference/openapi.json' }] },
      { tab: 'Files', openapi: { source: 'files.yaml', directory: 'reference' } },
    ],
  };
  const files = {
    'docs/docs.json': JSON.stringify({ name: 'Docs', navigation }),
    'docs/en/api-reference/openapi.json': JSON.stringify(specification),
    'docs/files.yaml': ['openapi: 3.0.0', 'paths:', '  /files/{file_id}/preview:', '    get:', '      summary: Download File', ''].join('\n'),
  };

  it('reach the specification, at the `x-mint.href` an operation sets or at its directory, tag and summary', async () => {
    const graph = await configuredGraph({ 'docs/en/guide.mdx': page }, [], files);
    expect(configuredStatuses(graph)).toEqual([
      '/en/api-reference/chat-messages/send-chat-message resolved docs/en/api-reference/openapi.json',
      '/en/api-reference/chat-messages/send-chat-message resolved docs/en/api-reference/openapi.json',
      '/api-reference/users/get-user-v2 resolved docs/en/api-reference/openapi.json',
      '/api-reference/users/delete-users resolved docs/en/api-reference/openapi.json',
      '/reference/download-file resolved docs/files.yaml',
      '/api-reference/users/rename-user outside-root ',
    ]);
  });
});

describe('links into the OpenAPI pages of a Mintlify site', () => {
  it('leave a route under a folder `docs.json` has pages generated in unjudged, and judge the folder\'s own pages', async () => {
    const texts = {
      'docs/guides/links.mdx': '# Links\n\n[Get links](/api-v2-reference/contact-links/get-survey-links) [Intro](/api-v2-reference/introduction) [Other](/guides/nowhere)\n',
      'docs/api-v2-reference/introduction.mdx': '# Introduction\n',
    };
    const navigation = { tabs: [{ tab: 'API v2', groups: [{ group: 'Management API', openapi: { source: '/api-v2-reference/openapi.yml', directory: 'api-v2-reference' } }] }] };
    const graph = await configuredGraph(texts, [], { 'docs/docs.json': JSON.stringify({ name: 'Docs', navigation }) });
    expect(configuredStatuses(graph)).toEqual([
      '/api-v2-reference/contact-links/get-survey-links external ',
      '/api-v2-reference/introduction resolved docs/api-v2-reference/introduction.mdx',
      '/guides/nowhere outside-root ',
    ]);
  });
});

describe('links in a Docsify site', () => {
  const texts = {
    'docs/README.md': '# Home\n\n[Setup](guide/setup.md)\n',
    'docs/_sidebar.md': '- [Setup](/guide/setup.md)\n- [Tuning](guide/advanced/tuning.md)\n- [By route](/guide/setup)\n',
    'docs/guide/_sidebar.md': '- [Tuning](/guide/advanced/tuning.md)\n- [Setup](guide/setup.md)\n',
    'docs/guide/setup.md': '# Setup\n\n[Tuning](advanced/tuning.md) [Logo](/images/logo.png) [None](/guide/nowhere.md) [Up](../outside.md)\n',
    'docs/guide/advanced/tuning.md': '# Tuning\n\n[Setup](guide/setup.md) [None](guide/nowhere.md)\n',
  };

  it('read a link from the folder of the site\'s `index.html`, with or without a leading slash, as Docsify does', () => {
    expect(statuses(texts, ['docs/index.html', 'docs/images/logo.png'])).toEqual([
      'guide/setup.md resolved docs/guide/setup.md',
      '/guide/setup.md resolved docs/guide/setup.md',
      'guide/advanced/tuning.md resolved docs/guide/advanced/tuning.md',
      '/guide/setup resolved docs/guide/setup.md',
      '/guide/advanced/tuning.md resolved docs/guide/advanced/tuning.md',
      'guide/setup.md resolved docs/guide/setup.md',
      'guide/setup.md resolved docs/guide/setup.md',
      'guide/nowhere.md missing-document ',
      'advanced/tuning.md resolved docs/guide/advanced/tuning.md',
      '/images/logo.png resolved docs/images/logo.png',
      '/guide/nowhere.md outside-root ',
      '../outside.md missing-document ',
    ]);
  });

  it('name the page a build would make at the site\'s folder, not beside the linking page', () => {
    const graph = graphFromTexts(texts, ['docs/index.html']);
    expect(graph.sitePageFiles('docs/guide/setup.md', 'awesome')).toContain('docs/awesome.md');
    expect(graph.sitePageFiles('docs/guide/setup.md', 'awesome')).not.toContain('docs/guide/awesome.md');
  });

  it('are read from `docs/` when the `index.html` is above it, as Docsify serves it with `basePath: \'docs/\'`', () => {
    const nested = { ...texts, 'docs/guide/setup.md': '# Setup\n' };
    expect(statuses(nested, ['index.html'])).toEqual(statuses(nested, ['docs/index.html']));
    expect(statuses(nested, ['index.html'])).toContain('guide/setup.md resolved docs/guide/setup.md');
    // An `index.html` with no sidebar, navbar or cover page below it in `docs/` is any page's.
    expect(statuses({ 'docs/guide/notes.md': '# Notes\n\n[Setup](guide/setup.md)\n', 'docs/guide/setup.md': '# Setup\n' }, ['index.html'])).toEqual(['guide/setup.md missing-document ']);
  });

  it('are files, as on GitHub, without the `index.html` beside the sidebar', () => {
    expect(statuses(texts, ['docs/images/logo.png'])).toContain('/guide/setup.md outside-root ');
    expect(statuses(texts, ['docs/images/logo.png'])).toContain('guide/setup.md missing-document ');
  });
});

describe('links in an Rspress site', () => {
  it('reach a page by its route from `docs/`, and a file of `docs/public/` at the root', () => {
    const texts = {
      'website/docs/index.md': '# Home\n\n[Start](/guide/start) [File](/guide/start.mdx) [Logo](/logo.svg) [None](/guide/none)\n',
      'website/docs/guide/start.mdx': '# Start\n\n[Config](./config)\n',
      'website/docs/guide/config.md': '# Config\n',
    };
    expect(statuses(texts, ['website/rspress.config.ts', 'website/docs/public/logo.svg'])).toEqual([
      './config resolved website/docs/guide/config.md',
      '/guide/start resolved website/docs/guide/start.mdx',
      '/guide/start.mdx resolved website/docs/guide/start.mdx',
      '/logo.svg resolved website/docs/public/logo.svg',
      '/guide/none outside-root ',
    ]);
  });

  it('reach the linking page\'s own language when the link leaves it out, by route or by file, and another language\'s by its folder', () => {
    const texts = {
      'docs/en/guide/start.md': '# Start\n\n[Config](/guide/config#options)\n',
      'docs/en/guide/config.md': '# Config\n\n## Options\n',
      'docs/zh/guide/start.md': '# 开始\n\n[配置](/guide/config) [文件](/guide/config.md) [英文版](/en/guide/config) [只有英文](/guide/only)\n',
      'docs/zh/guide/config.md': '# 配置\n',
      'docs/en/guide/only.md': '# Only\n',
    };
    expect(statuses(texts, ['rspress.config.mjs'])).toEqual([
      '/guide/config resolved docs/en/guide/config.md',
      '/guide/config resolved docs/zh/guide/config.md',
      '/guide/config.md resolved docs/zh/guide/config.md',
      '/en/guide/config resolved docs/en/guide/config.md',
      '/guide/only resolved docs/en/guide/only.md',
    ]);
  });
});

describe('links in an Rspress site configured by Rstack', () => {
  it('reach a page by its route from the `docs/` beside `rstack.config.*`', () => {
    const texts = {
      'website/docs/en/guide/start.mdx': '# Start\n\n[Target](/config/output/target) [None](/config/none)\n',
      'website/docs/en/config/output/target.mdx': '# Target\n',
    };
    expect(statuses(texts, ['website/rstack.config.ts'])).toEqual(['/config/output/target resolved website/docs/en/config/output/target.mdx', '/config/none outside-root ']);
  });

  it('leave a library\'s Rstack configuration, with no `docs/` beside it, no site', () => {
    const texts = { 'README.md': '# Library\n\n[Guide](/guide/start)\n', 'guide/start.md': '# Start\n' };
    expect(statuses(texts, ['rstack.config.ts'])).toEqual(['/guide/start outside-root ']);
  });
});

describe('links in a Vocs site', () => {
  const pages = (folder: string) => ({
    [`${folder}/index.md`]: '# Home\n\n[Intro](/guide/intro) [Logo](/logo.svg) [None](/guide/none)\n',
    [`${folder}/guide/intro.mdx`]: '# Introduction\n\n[Install](./install)\n',
    [`${folder}/guide/install.md`]: '# Install\n',
  });

  it('reach a page of `src/pages/` by route, and a file of `public/` at the root, as Vocs 2 lays a site out', () => {
    expect(statuses(pages('src/pages'), ['vocs.config.ts', 'public/logo.svg'])).toEqual([
      './install resolved src/pages/guide/install.md',
      '/guide/intro resolved src/pages/guide/intro.mdx',
      '/logo.svg resolved public/logo.svg',
      '/guide/none outside-root ',
    ]);
  });

  it('reach a page of `docs/pages/` by route, and a file of `docs/public/` at the root, as Vocs 1 lays a site out', () => {
    expect(statuses(pages('docs/pages'), ['vocs.config.tsx', 'docs/public/logo.svg'])).toEqual([
      './install resolved docs/pages/guide/install.md',
      '/guide/intro resolved docs/pages/guide/intro.mdx',
      '/logo.svg resolved docs/public/logo.svg',
      '/guide/none outside-root ',
    ]);
  });
});

describe('a VitePress configuration read', () => {
  it('reads the pages from its `srcDir`, serves that folder\'s `public/` at the root, and serves each page where `rewrites` send it', async () => {
    const texts = {
      'website/src/en/guide/index.md': '# Guide\n\n[Options](/guide/options) [Deutsch](/de/guide/options) [Logo](/images/logo.png) [Gone](/guide/gone) [Unrewritten](/en/guide/options)\n',
      'website/src/en/guide/options.md': '# Options\n',
      'website/src/de/guide/options.md': '# Optionen\n\n[Zur Anleitung](/guide/) [Packages](/pkg-a/)\n',
      'website/src/packages/pkg-a/src/pkg-a-docs.md': '# Package A\n',
    };
    const files = ['website/src/public/images/logo.png'];
    const shard = `import { defineConfig } from 'vitepress';\n\nexport const shared = defineConfig({\n  srcDir: 'src',\n  rewrites: {\n    // the first language at the root\n    'en/:rest*': ':rest*',\n    'packages/:pkg/src/:name.md': ':pkg/index.md',\n  },\n});\n`;
    const config = `import { defineConfig } from 'vitepress';\nimport { shared } from './config/shared';\n\nexport default defineConfig({ ...shared, locales: { root: { label: 'English' }, de: { label: 'Deutsch' } } });\n`;
    expect(configuredStatuses(await configuredGraph(texts, files, { 'website/.vitepress/config.ts': config, 'website/.vitepress/config/shared.ts': shard }))).toEqual([
      '/guide/ resolved website/src/en/guide/index.md',
      '/pkg-a/ resolved website/src/packages/pkg-a/src/pkg-a-docs.md',
      '/guide/options resolved website/src/en/guide/options.md',
      '/de/guide/options resolved website/src/de/guide/options.md',
      '/images/logo.png resolved website/src/public/images/logo.png',
      '/guide/gone outside-root ',
      '/en/guide/options outside-root ',
    ]);
  });
});

describe('links in a dumi site', () => {
  it('reach `docs/` pages at the root and `src/` pages under `/components`, names in kebab case, beside `.dumirc.ts` (dumi 2)', () => {
    const texts = {
      'docs/index.md': '# Home\n\n[Hello](/hello-world) [Guide](/guide) [FooBar](/components/foo-bar) [Parser](/components/html-parser) [A demo](/components/foo-bar/demo/basic) [None](/guide/none)\n',
      'docs/HelloWorld.md': '# Hello\n',
      'docs/guide/index.md': '# Guide\n\n[Setup](./setup) [Back home](/)\n',
      'docs/guide/setup.md': '# Setup\n',
      'src/FooBar/index.md': '# FooBar\n\n[The guide](/guide/setup)\n',
      'src/FooBar/demo/basic.md': '# A demo, no page\n',
      'src/HTMLParser.md': '# HTMLParser\n',
    };
    expect(statuses(texts, ['.dumirc.ts'])).toEqual([
      './setup resolved docs/guide/setup.md',
      '/ resolved docs/index.md',
      '/hello-world resolved docs/HelloWorld.md',
      '/guide resolved docs/guide/index.md',
      '/components/foo-bar resolved src/FooBar/index.md',
      '/components/html-parser resolved src/HTMLParser.md',
      '/components/foo-bar/demo/basic outside-root ',
      '/guide/none outside-root ',
      '/guide/setup resolved docs/guide/setup.md',
    ]);
  });

  it('reach a language\'s page by its suffix (`.zh-CN.md`) under the language, or without it as the first language\'s, the linking page\'s own first', () => {
    const texts = {
      'docs/guide/start.en-US.md': '# Start\n\n[Config](/guide/config) [Chinese](/zh-CN/guide/config)\n',
      'docs/guide/start.zh-CN.md': '# 开始\n\n[配置](/zh-CN/guide/config) [Its own](/guide/config)\n',
      'docs/guide/config.en-US.md': '# Config\n',
      'docs/guide/config.zh-CN.md': '# 配置\n',
    };
    expect(statuses(texts, ['.dumirc.js'])).toEqual([
      '/guide/config resolved docs/guide/config.en-US.md',
      '/zh-CN/guide/config resolved docs/guide/config.zh-CN.md',
      '/zh-CN/guide/config resolved docs/guide/config.zh-CN.md',
      '/guide/config resolved docs/guide/config.zh-CN.md',
    ]);
  });

  it('reach the default language\'s page without a suffix before another language\'s page (`.en-US.md`) that sorts first', () => {
    const texts = {
      'docs/api/config.md': '# 配置\n\n[约定式路由](../guides/routes) [Absolute](/guides/routes)\n',
      'docs/api/config.en-US.md': '# Config\n\n[Routing](../guides/routes)\n',
      'docs/guides/routes.en-US.md': '# Routing\n',
      'docs/guides/routes.md': '# 路由\n',
    };
    expect(statuses(texts, ['.dumirc.ts'])).toEqual([
      '../guides/routes resolved docs/guides/routes.en-US.md',
      '../guides/routes resolved docs/guides/routes.md',
      '/guides/routes resolved docs/guides/routes.md',
    ]);
  });

  it('reach a package\'s `src/` page under its `nav.path` beside umi\'s `config/config.ts` (dumi 1), from summaries too, and nothing without `docs/`', () => {
    const texts = {
      'docs/guide/upgrade.en-US.md': '# Upgrade\n\n[useMemoizedFn](/hooks/use-memoized-fn) [中文](/zh-CN/hooks/use-memoized-fn) [Gone](/hooks/use-gone) [useURLState](/hooks/use-urlstate)\n',
      'packages/hooks/src/useMemoizedFn/index.en-US.md': '---\nnav:\n  path: /hooks\n---\n\n# useMemoizedFn\n\n[useLatest](./use-latest) [Upgrade](/guide/upgrade)\n',
      'packages/hooks/src/useMemoizedFn/index.zh-CN.md': '---\nnav:\n  path: /hooks\n---\n\n# useMemoizedFn\n',
      'packages/hooks/src/useLatest/index.en-US.md': '---\nnav:\n  path: /hooks\n---\n\n# useLatest\n',
      // dumi 1 parts only a small letter from a capital: `useURLState` is `use-urlstate`.
      'packages/hooks/src/useURLState/index.en-US.md': '---\nnav:\n  path: /hooks\n---\n\n# useURLState\n',
    };
    const expected = [
      '/hooks/use-memoized-fn resolved packages/hooks/src/useMemoizedFn/index.en-US.md',
      '/zh-CN/hooks/use-memoized-fn resolved packages/hooks/src/useMemoizedFn/index.zh-CN.md',
      '/hooks/use-gone outside-root ',
      '/hooks/use-urlstate resolved packages/hooks/src/useURLState/index.en-US.md',
      './use-latest resolved packages/hooks/src/useLatest/index.en-US.md',
      '/guide/upgrade resolved docs/guide/upgrade.en-US.md',
    ];
    expect(statuses(texts, ['config/config.ts'])).toEqual(expected);
    const full = graphFromTexts(texts, ['.umirc.ts']);
    const summarized = new KnowledgeGraph({ documents: full.documents.map((document) => ({ ...document, model: summarizeModel(document.model) })), files: full.files });
    expect(linkStatuses(summarized)).toEqual(linkStatuses(full));
    expect(statuses(texts, ['.umirc.ts'])).toEqual(expected);
    // An umi app's configuration with no `docs/` beside it.
    const app = { 'src/pages/about.md': '# About\n\n[Home](/home)\n', 'src/pages/home.md': '# Home\n' };
    expect(statuses(app, ['.umirc.ts'])).toEqual(['/home outside-root ']);
  });

  it('reach the docs and asset folders and the languages `.dumirc.ts` sets: a `type` as its plural\'s route, a language\'s `suffix` or `base`', async () => {
    const texts = {
      'docs/react/introduce.en-US.md': '# Ant Design\n\n[Props](/docs/react/common-props) [中文](/docs/react/common-props-cn) [Button](/components/button) [按钮](/components/button-cn) [Unprefixed](/react/common-props)\n',
      'docs/react/introduce.zh-CN.md': '# Ant Design 介绍\n\n[通用属性](/docs/react/common-props-cn) [Demo](/components/button/demo/basic) [Language first](/zh-CN/components/button)\n',
      'docs/react/common-props.en-US.md': '# Common Props\n',
      'docs/react/common-props.zh-CN.md': '# 通用属性\n',
      'components/button/index.en-US.md': '# Button\n\n[Introduction](/docs/react/introduce)\n',
      'components/button/index.zh-CN.md': '# Button 按钮\n',
      'components/button/demo/basic.md': '## en-US\n\nA demo\'s description.\n',
    };
    const config = `import { defineConfig } from 'dumi';\nimport { version } from './package.json';\n\nexport default defineConfig({\n  resolve: {\n    docDirs: [{ type: 'doc', dir: 'docs' }],\n    atomDirs: [{ type: 'component', dir: 'components' }],\n    codeBlockMode: 'passive',\n  },\n  locales: [\n    { id: 'en-US', name: 'English', suffix: '' },\n    { id: 'zh-CN', name: '中文', suffix: '-cn' },\n  ],\n  define: { version },\n});\n`;
    expect(configuredStatuses(await configuredGraph(texts, [], { '.dumirc.ts': config }))).toEqual([
      '/docs/react/introduce resolved docs/react/introduce.en-US.md',
      '/docs/react/common-props resolved docs/react/common-props.en-US.md',
      '/docs/react/common-props-cn resolved docs/react/common-props.zh-CN.md',
      '/components/button resolved components/button/index.en-US.md',
      '/components/button-cn resolved components/button/index.zh-CN.md',
      '/react/common-props outside-root ',
      '/docs/react/common-props-cn resolved docs/react/common-props.zh-CN.md',
      '/components/button/demo/basic outside-root ',
      '/zh-CN/components/button outside-root ',
    ]);
    // In base mode the first language is at `/`, another at its `base`, or at its id when it sets none.
    const bases = `export default {\n  resolve: { docDirs: ['docs'], atomDirs: [{ type: 'hook', dir: 'src/hooks' }, { type: 'utility', dir: 'src/utils' }] },\n  locales: [{ id: 'zh-CN', name: '中文' }, { id: 'en-US', name: 'English' }, { id: 'ja-JP', name: '日本語', base: '/ja' }],\n};\n`;
    const pages = {
      'docs/guide.zh-CN.md': '# 指南\n\n[English](/en-US/guide) [日本語](/ja/guide) [useToggle](/hooks/use-toggle) [clamp](/utilities/clamp-cn) [Japanese](/ja-JP/guide)\n',
      'docs/guide.en-US.md': '# Guide\n\n[中文](/guide) [clamp](/en-US/utilities/clamp)\n',
      'docs/guide.ja-JP.md': '# ガイド\n',
      'src/hooks/useToggle/index.zh-CN.md': '# useToggle\n',
      'src/utils/clamp.en-US.md': '# clamp\n',
    };
    expect(configuredStatuses(await configuredGraph(pages, [], { '.dumirc.ts': bases }))).toEqual([
      '/guide resolved docs/guide.zh-CN.md',
      '/en-US/utilities/clamp resolved src/utils/clamp.en-US.md',
      '/en-US/guide resolved docs/guide.en-US.md',
      '/ja/guide resolved docs/guide.ja-JP.md',
      '/hooks/use-toggle resolved src/hooks/useToggle/index.zh-CN.md',
      '/utilities/clamp-cn outside-root ',
      '/ja-JP/guide outside-root ',
    ]);
  });

  it('reach the React pages of `.dumi/pages/` at their routes', () => {
    const texts = { 'docs/guide.md': '# Guide\n\n[Theme editor](/theme-editor) [中文](/theme-editor-cn) [Home](/index-cn) [A part](/index/components/banner) [Gone](/playground)\n' };
    const files = ['.dumi/pages/theme-editor/index.tsx', '.dumi/pages/theme-editor-cn/index.tsx', '.dumi/pages/index-cn/index.tsx', '.dumi/pages/index/_components/Banner.tsx'];
    expect(statuses(texts, ['.dumirc.ts', ...files])).toEqual([
      '/theme-editor resolved .dumi/pages/theme-editor/index.tsx',
      '/theme-editor-cn resolved .dumi/pages/theme-editor-cn/index.tsx',
      '/index-cn resolved .dumi/pages/index-cn/index.tsx',
      '/index/components/banner outside-root ',
      '/playground outside-root ',
    ]);
  });

  it('reach a heading by dumi\'s anchor, which leaves a `<Badge>`\'s text out', () => {
    const texts = {
      'docs/guide.md': '# Guide\n\n[Nav](#conventional-2-level-nav) [Info](#info-2)\n\n### Conventional 2-level nav <Badge>2.2.0+</Badge>\n\n### Info <Badge type="info">new</Badge>\n\n### Info\n',
    };
    const graph = graphFromTexts(texts, ['.dumirc.ts']);
    expect([...graph.siteAnchorStyles('docs/guide.md')]).toEqual(['dumi']);
    expect(graph.documents[0]!.model.headings.map((heading) => heading.siteSlugs?.dumi)).toEqual([undefined, 'conventional-2-level-nav', 'info', 'info-1']);
  });
});

describe('links in a Hugo site', () => {
  it('reach a page at the `slug` or `url` of its TOML frontmatter, as of its YAML, at its `aliases`, a Zola page at its `path`, and a bundle\'s files at its page\'s address', () => {
    const texts = {
      'content/blog/index.md': '# Blog\n\n[Slug](/blog/hello/) [URL](/about/team/) [Path](/2024/01/02/launch/) [Old](/blog/2024-01-02-launch/)\n',
      'content/blog/2023-12-01-hello.md': '+++\ntitle = "Hello"\nslug = "hello"\n+++\n\n# Hello\n',
      'content/team.md': '+++\nurl = "/about/team/"\n+++\n\n# Team\n',
      'content/blog/2024-01-02-launch.md': '+++\ntitle = "Launch"\npath = "2024/01/02/launch"\n\n[extra]\nauthor = "Ferris"\n+++\n\n# Launch\n',
    };
    expect(statuses(texts, ['zola.toml'])).toEqual([
      '/blog/hello/ resolved content/blog/2023-12-01-hello.md',
      '/about/team/ resolved content/team.md',
      '/2024/01/02/launch/ resolved content/blog/2024-01-02-launch.md',
      '/blog/2024-01-02-launch/ outside-root ',
    ]);
    // A bundle's files are served at its page's address, wherever its `path` puts it.
    const bundles = {
      'content/inside/cargo-1.82/index.md': '+++\npath = "inside/2024/10/01/cargo-1.82"\n+++\n\n# 1.82\n\n![Before](../../../../2024/05/07/cargo-1.79/info.svg) ![Gone](../../../../2024/05/07/cargo-1.79/gone.svg) ![Own](lint.svg)\n',
      'content/inside/cargo-1.82/lint.svg': '<svg/>',
      'content/inside/cargo-1.79/index.md': '+++\npath = "inside/2024/05/07/cargo-1.79"\n+++\n\n# 1.79\n',
    };
    const [before, gone, own] = statuses(bundles, ['zola.toml', 'content/inside/cargo-1.79/info.svg', 'content/inside/cargo-1.82/lint.svg']);
    expect([before, own]).toEqual(['../../../../2024/05/07/cargo-1.79/info.svg resolved content/inside/cargo-1.79/info.svg', 'lint.svg resolved content/inside/cargo-1.82/lint.svg']);
    expect(gone).not.toContain('resolved');
    // `aliases`, in TOML or YAML, are routes that redirect to the page: from the root, or relative; a built `.html` name is its route.
    const aliases = {
      'content/docs/index.md': '# Docs\n\n[Old](/docs/concepts/rebase/) [Older](/docs/using-pack/rebase) [HTML](/2019/rebase.html) [Relative](/docs/concepts/old-rebase/) [Gone](/docs/nowhere/)\n',
      'content/docs/concepts/rebase.md': '+++\ntitle = "Rebase"\naliases = [\n  "/docs/concepts/rebase/",\n  "/docs/using-pack/rebase/",\n  "2019/rebase.html",\n]\n+++\n\n# Rebase\n',
      'content/docs/concepts/builder.md': '---\naliases: [old-rebase]\n---\n\n# Builder\n',
    };
    expect(statuses(aliases, ['config.toml'])).toEqual([
      '/docs/concepts/rebase/ resolved content/docs/concepts/rebase.md',
      '/docs/using-pack/rebase resolved content/docs/concepts/rebase.md',
      '/2019/rebase.html resolved content/docs/concepts/rebase.md',
      '/docs/concepts/old-rebase/ resolved content/docs/concepts/builder.md',
      '/docs/nowhere/ outside-root ',
    ]);
    // Hugo reads no `path`: the page stays at its file's route.
    const hugo = statuses({ ...texts, 'content/blog/index.md': '# Blog\n\n[Path](/2024/01/02/launch/) [File](/blog/2024-01-02-launch/)\n' }, ['config/_default/hugo.toml']);
    expect(hugo).toEqual(['/2024/01/02/launch/ outside-root ', '/blog/2024-01-02-launch/ resolved content/blog/2024-01-02-launch.md']);
  });

  it('reach the pages of each language\'s content folder, from a page\'s folder address, with the configuration in a file or in `config/_default/`', () => {
    const texts = {
      'content/en/docs/languages/java/api.md': '# API\n\n[Intro](/docs/what-is/introduction/) [SDK](../sdk/) [Gone](/docs/gone/)\n',
      'content/en/docs/languages/java/sdk.md': '# SDK\n',
      'content/en/docs/languages/sdk.md': '# Languages\' SDKs\n',
      'content/en/docs/what-is/introduction.md': '# Introduction\n',
      'content/fr/docs/what-is/introduction.md': '# Introduction\n',
    };
    const expected = ['/docs/what-is/introduction/ resolved content/en/docs/what-is/introduction.md', '../sdk/ resolved content/en/docs/languages/java/sdk.md', '/docs/gone/ outside-root '];
    expect(statuses(texts, ['hugo.toml'])).toEqual(expected);
    expect(statuses(texts, ['config/_default/hugo.yaml'])).toEqual(expected);
    expect(statuses(texts, ['site/config/_default/hugo.yaml'])[0]).toBe('/docs/what-is/introduction/ outside-root ');
  });

  it('reach a file of the content folder from a page\'s folder address, and a translated page the file of the page it translates', () => {
    const texts = {
      'content/en/docs/collector/deploy/agent.md': '# Agent\n\n![Agent](../../img/agent.svg)\n',
      'content/en/docs/demo/cart/index.md': '# Cart\n\n![Exemplars](exemplars.png)\n',
      'content/bn/docs/demo/cart/index.md': '# কার্ট\n\n![Exemplars](exemplars.png) ![Gone](gone.png)\n',
    };
    expect(statuses(texts, ['hugo.yaml', 'content/en/docs/collector/img/agent.svg', 'content/en/docs/demo/cart/exemplars.png'])).toEqual([
      'exemplars.png resolved content/en/docs/demo/cart/exemplars.png',
      'gone.png missing-document ',
      '../../img/agent.svg resolved content/en/docs/collector/img/agent.svg',
      'exemplars.png resolved content/en/docs/demo/cart/exemplars.png',
    ]);
  });
});

describe('a Hugo site\'s configuration', () => {
  const texts = {
    'content/docs/app/build.md': '# Build\n\n![Build](/images/build.svg) [App](/docs/app/buildpack/) [Platform](/docs/platform/buildpack/) [Shared](/docs/shared/setup/) [Gone](/images/gone.svg)\n',
    'content/docs/.common/buildpack.md': '# Buildpack\n\n![How](/images/how.svg) [Build](../build/)\n',
    'shared/setup.md': '# Setup\n\n![Logo](/brand/logo.png)\n',
  };
  const files = ['themes/cnb/static/images/build.svg', 'themes/cnb/static/images/how.svg', 'assets/brand/logo.png', 'static/favicon.ico'];

  it('serves a theme\'s static folder beside the site\'s, and the files and folders its mounts put in the content and the static files', async () => {
    const mounts = [
      'theme = "cnb"',
      '[[module.mounts]]\nsource = "content"\ntarget = "content"',
      '[[module.mounts]]\nsource = "content/docs/.common/buildpack.md"\ntarget = "content/docs/app/buildpack.md"',
      '[[module.mounts]]\nsource = "content/docs/.common/buildpack.md"\ntarget = "content/docs/platform/buildpack.md"',
      '[[module.mounts]]\nsource = "shared"\ntarget = "content/docs/shared"',
      '[[module.mounts]]\nsource = "assets/brand"\ntarget = "static/brand"',
      '',
    ].join('\n');
    // The shared page is read from its first place, `docs/app/buildpack/`: Hugo makes no page at `docs/.common/`.
    const expected = [
      '/images/how.svg resolved themes/cnb/static/images/how.svg',
      '../build/ resolved content/docs/app/build.md',
      '/images/build.svg resolved themes/cnb/static/images/build.svg',
      '/docs/app/buildpack/ resolved content/docs/.common/buildpack.md',
      '/docs/platform/buildpack/ resolved content/docs/.common/buildpack.md',
      '/docs/shared/setup/ resolved shared/setup.md',
      '/images/gone.svg outside-root ',
      '/brand/logo.png resolved assets/brand/logo.png',
    ];
    expect(configuredStatuses(await configuredGraph(texts, files, { 'hugo.toml': mounts }))).toEqual(expected);
    // In a configuration folder, the mounts may be in `module.toml`, at its top; in YAML too.
    const yaml = 'theme: [cnb]\n';
    const module = 'mounts:\n' + [
      ['content', 'content'],
      ['content/docs/.common/buildpack.md', 'content/docs/app/buildpack.md'],
      ['content/docs/.common/buildpack.md', 'content/docs/platform/buildpack.md'],
      ['shared', 'content/docs/shared'],
      ['assets/brand', 'static/brand'],
    ].map(([source, target]) => `  - source: ${source}\n    target: ${target}\n`).join('');
    expect(configuredStatuses(await configuredGraph(texts, files, { 'config/_default/hugo.yaml': yaml, 'config/_default/module.yaml': module }))).toEqual(expected);
  });

  it('places a section\'s pages at the route its `permalinks` pattern makes of their date, slug or title and file name', async () => {
    const pages = {
      'content/blog/_index.md': '# Blog\n\n[Mirroring](/2020/02/25/service-mirroring/) [Own slug](/2020/06/09/linkerd-2.8/) [File](/news/launch/) [As a folder](/blog/2020/0225-mirroring/)\n',
      'content/blog/2020/0225-mirroring/index.md': '---\ndate: 2020-02-25T00:00:00Z\ntitle: Service Mirroring!\n---\n\nSee [the next one](0609-linkerd-2-8).\n',
      'content/blog/2020/0609-linkerd-2-8.md': '---\ndate: 2020-06-09\ntitle: Announcing Linkerd 2.8\nslug: linkerd-2.8\n---\n',
      'content/news/launch.md': '+++\ntitle = "Launch"\n+++\n',
    };
    const expected = [
      // At `/2020/02/25/service-mirroring/`, the file's name beside it is no page.
      '0609-linkerd-2-8 missing-document ',
      '/2020/02/25/service-mirroring/ resolved content/blog/2020/0225-mirroring/index.md',
      '/2020/06/09/linkerd-2.8/ resolved content/blog/2020/0609-linkerd-2-8.md',
      '/news/launch/ resolved content/news/launch.md',
      '/blog/2020/0225-mirroring/ outside-root ',
    ];
    const flat = 'permalinks:\n  blog: /:year/:month/:day/:slug/\n  news: /:section/:filename/\n';
    expect(configuredStatuses(await configuredGraph(pages, [], { 'hugo.yaml': flat }))).toEqual(expected);
    // Since Hugo 0.113 the pages' patterns may be under `page`, and in a configuration folder in `permalinks.yaml`.
    const folder = { 'config/_default/hugo.yaml': 'title: Linkerd\n', 'config/_default/permalinks.yaml': 'page:\n  blog: /:year/:month/:day/:slug/\n  news: /:section/:filename/\n' };
    expect(configuredStatuses(await configuredGraph(pages, [], folder))).toEqual(expected);
  });

  it('reads the content mounts of each language, `lang` set, as that language\'s content', async () => {
    const pages = {
      'content/en/docs/setup.md': '# Setup\n\n[Install](/docs/install/#requirements)\n',
      'content/en/docs/install.md': '# Install\n\n## Requirements\n',
      'content/fr/docs/setup.md': '# Configuration\n\n[Installer](/docs/install/#prérequis) [Ici](/docs/setup/)\n',
      'content/fr/docs/install.md': '# Installer\n\n## Prérequis\n',
    };
    const mounts = ['en', 'fr'].map((lang) => `[[module.mounts]]\nsource = "content/${lang}"\ntarget = "content"\nlang = "${lang}"\n`).join('');
    expect(configuredStatuses(await configuredGraph(pages, [], { 'hugo.toml': mounts }))).toEqual([
      '/docs/install/ resolved content/en/docs/install.md',
      // A French page's route is its language's page.
      '/docs/install/ resolved content/fr/docs/install.md',
      '/docs/setup/ resolved content/fr/docs/setup.md',
    ]);
  });

  it('mounts only the files a mount\'s `includeFiles` and `excludeFiles` globs leave it, as Hugo matches them', async () => {
    const pages = {
      'docs/guide/setup.md': '# Setup\n\n[Plan](/drafts/plan/) [Ideas](/guide/ideas/) [Setup](/guide/setup/) ![Logo](/brand/logo.png) ![Sketch](/brand/sketch.svg)\n',
      'docs/drafts/plan.md': '# Plan\n',
      'docs/guide/ideas.md': '# Ideas\n',
    };
    const files = ['assets/brand/logo.png', 'assets/brand/sketch.svg'];
    const mount = (source: string, target: string, ...filters: string[]) => `[[module.mounts]]\nsource = "${source}"\ntarget = "${target}"\n${filters.join('\n')}\n`;
    // An excluded folder leaves out what it holds; case is ignored; `**` crosses folders.
    const excluded = [mount('docs', 'content', 'excludeFiles = ["/drafts", "guide/IDEAS.md"]'), mount('assets', 'static', 'includeFiles = "**.png"')].join('');
    expect(configuredStatuses(await configuredGraph(pages, files, { 'hugo.toml': excluded }))).toEqual([
      '/drafts/plan/ outside-root ',
      '/guide/ideas/ outside-root ',
      '/guide/setup/ resolved docs/guide/setup.md',
      '/brand/logo.png resolved assets/brand/logo.png',
      '/brand/sketch.svg outside-root ',
    ]);
    // Where inclusions are set, only what they match is mounted, an inclusion over an exclusion; `/**/` may stand for no folder.
    const included = mount('docs', 'content', 'includeFiles = ["guide/**/setup.md", "drafts/*.md"]', 'excludeFiles = "drafts"');
    expect(configuredStatuses(await configuredGraph(pages, files, { 'hugo.toml': included })).slice(0, 3)).toEqual([
      '/drafts/plan/ resolved docs/drafts/plan.md',
      '/guide/ideas/ outside-root ',
      '/guide/setup/ resolved docs/guide/setup.md',
    ]);
  });

  it('keeps the default folders until a mount names their component, and then serves only what the mounts name', async () => {
    // No theme and no mounts: the theme's files are not served, the site's `static/` is.
    const unmounted = configuredStatuses(await configuredGraph(texts, [...files, 'static/images/how.svg'], { 'hugo.toml': 'title = "Docs"\n' }));
    expect(unmounted.filter((status) => status.startsWith('/images/') || status.startsWith('/docs/'))).toEqual([
      '/images/how.svg resolved static/images/how.svg',
      '/images/build.svg outside-root ',
      '/docs/app/buildpack/ outside-root ',
      '/docs/platform/buildpack/ outside-root ',
      '/docs/shared/setup/ outside-root ',
      '/images/gone.svg outside-root ',
    ]);
    // A content mount of another folder replaces `content/`: its pages are no longer served there.
    const moved = { 'content/guide.md': '# Guide\n\n[Setup](/setup/) [Build](/docs/app/build/)\n', 'shared/setup.md': '# Setup\n' };
    expect(configuredStatuses(await configuredGraph(moved, [], { 'hugo.toml': '[[module.mounts]]\nsource = "shared"\ntarget = "content"\n' }))).toEqual([
      '/setup/ resolved shared/setup.md',
      '/docs/app/build/ outside-root ',
    ]);
    // `contentDir` and `staticDir` name the folders, as before mounts.
    const dirs = { 'docs/guide.md': '# Guide\n\n[Setup](/setup/) ![Logo](/logo.png)\n', 'docs/setup.md': '# Setup\n' };
    expect(configuredStatuses(await configuredGraph(dirs, ['public-files/logo.png'], { 'config.toml': 'contentDir = "docs"\nstaticDir = ["public-files"]\n' }))).toEqual([
      '/setup/ resolved docs/setup.md',
      '/logo.png resolved public-files/logo.png',
    ]);
  });
});

describe('links in a Jekyll site', () => {
  const texts = {
    '_docs/installation/other-linux.md': '# Other Linux\n\n[Ubuntu](../ubuntu/) [Variables](/docs/variables/) [Index](/docs/installation/) [Post](/2018/01/02/released.html) [Moved](/conduct/) [Gone](/docs/gone/)\n',
    '_docs/installation/ubuntu.md': '# Ubuntu\n',
    '_docs/installation/index.md': '# Installation\n',
    '_docs/variables.md': '# Variables\n',
    '_articles/fr/building-community.md': '# Communauté\n\n[Démarrer](../starting-a-project/) [Par le chemin](/fr/starting-a-project/)\n',
    '_articles/fr/starting-a-project.md': '# Démarrer\n',
    '_articles/starting-a-project.md': '# Starting\n',
    '_posts/2018-01-02-released.md': '# Released\n',
    'conduct.md': '---\npermalink: /conduct/\n---\n# Conduct\n',
    '_pages/incident-reports.md': '# Incidents\n\n[The report](./C2/outage.pdf) [The logo](/img/logo.png)\n',
    '_pages/sharepoint.md': '# SharePoint\n\n![A text box](text_box.png)\n',
  };

  it('reach collection pages with or without the collection\'s name, relative routes from the page\'s folder address, posts by date, pages by permalink, and files as they are', () => {
    expect(statuses(texts, ['_config.yml', '_layouts/default.html', 'incident-reports/C2/outage.pdf', 'img/logo.png', '_pages/sharepoint/text_box.png'])).toEqual([
      '../starting-a-project/ resolved _articles/fr/starting-a-project.md',
      '/fr/starting-a-project/ resolved _articles/fr/starting-a-project.md',
      '../ubuntu/ resolved _docs/installation/ubuntu.md',
      '/docs/variables/ resolved _docs/variables.md',
      '/docs/installation/ resolved _docs/installation/index.md',
      '/2018/01/02/released.html resolved _posts/2018-01-02-released.md',
      '/conduct/ resolved conduct.md',
      '/docs/gone/ outside-root ',
      './C2/outage.pdf resolved incident-reports/C2/outage.pdf',
      '/img/logo.png resolved img/logo.png',
      // A collection's file beside its page's folder address: `_pages/sharepoint/` is served at `/sharepoint/`.
      'text_box.png resolved _pages/sharepoint/text_box.png',
    ]);
  });

  it('reach a page at the permalink its front matter, the configuration\'s `defaults`, its collection or the site sets, placeholders filled', async () => {
    const pages = {
      'index.md': [
        '# Home',
        '',
        '[Site-wide](/news/releases/launch/) [Own](/blog/2024/01/hello/) [Defaults](/guides/setup/) [Collection](/handbook/onboarding/first-week/)',
        '[As before](/2024/03/04/launch.html) [Slug](/news/releases/first-light/) [Nowhere](/news/gone/)',
      ].join('\n'),
      '_posts/2024-03-04-launch.md': '---\ncategories: [news, releases]\n---\n# Launch\n',
      '_posts/2024-01-02-hello.md': '---\npermalink: /blog/:year/:month/:title/\n---\n# Hello\n',
      '_posts/2024-05-06-light.md': '---\ncategories: news releases\nslug: first-light\n---\n# Light\n',
      'guides/setup.md': '# Setup\n',
      '_handbook/onboarding/first-week.md': '# First week\n',
    };
    const config = [
      'permalink: /:categories/:title/',
      'collections:',
      '  handbook:',
      '    output: true',
      '    permalink: /:collection/:path/',
      'defaults:',
      '  - scope: { path: guides, type: pages }',
      '    values: { permalink: "/guides/:basename/" }',
      '',
    ].join('\n');
    expect(configuredStatuses(await configuredGraph(pages, ['_layouts/default.html'], { '_config.yml': config }))).toEqual([
      '/news/releases/launch/ resolved _posts/2024-03-04-launch.md',
      '/blog/2024/01/hello/ resolved _posts/2024-01-02-hello.md',
      '/guides/setup/ resolved guides/setup.md',
      '/handbook/onboarding/first-week/ resolved _handbook/onboarding/first-week.md',
      '/2024/03/04/launch.html outside-root ',
      '/news/releases/first-light/ resolved _posts/2024-05-06-light.md',
      '/news/gone/ outside-root ',
    ]);
    // A style named for the site is the template it stands for: `none` leaves the date out, `pretty` keeps it.
    const none = configuredStatuses(await configuredGraph(pages, ['_layouts/default.html'], { '_config.yml': 'permalink: none\n' }));
    expect([none[0], none[4]]).toEqual(['/news/releases/launch/ resolved _posts/2024-03-04-launch.md', '/2024/03/04/launch.html outside-root ']);
    const pretty = configuredStatuses(await configuredGraph(pages, ['_layouts/default.html'], { '_config.yml': 'permalink: pretty\n' }));
    expect([pretty[0], pretty[4]]).toEqual(['/news/releases/launch/ outside-root ', '/2024/03/04/launch.html outside-root ']);
    expect(configuredStatuses(await configuredGraph({ 'index.md': '[Dated](/news/releases/2024/03/04/launch/)\n', '_posts/2024-03-04-launch.md': pages['_posts/2024-03-04-launch.md'] }, ['_layouts/default.html'], { '_config.yml': 'permalink: pretty\n' }))).toEqual([
      '/news/releases/2024/03/04/launch/ resolved _posts/2024-03-04-launch.md',
    ]);
    // A post's month and day may be written with one digit; its routes pad them. jekyll-redirect-from's `redirect_from` redirects to a page.
    const posts = {
      'index.md': '[Process](/blog/swift-2.2-release-process/) [Dated](/2016/01/05/swift-2.2-release-process/) [Download](/download/) [Old](/get/old/)\n',
      '_posts/2016-1-05-swift-2.2-release-process.md': '# Swift 2.2 release process\n',
      'install/index.md': "---\nredirect_from:\n  - '/download/'\n---\n# Install\n",
      'get/started.md': '---\nredirect_from: /get/old/\n---\n# Getting started\n',
    };
    const blog = 'defaults:\n  - scope: { type: posts }\n    values: { permalink: /blog/:title/ }\n';
    expect(configuredStatuses(await configuredGraph(posts, ['_layouts/default.html'], { '_config.yml': blog }))).toEqual([
      '/blog/swift-2.2-release-process/ resolved _posts/2016-1-05-swift-2.2-release-process.md',
      '/2016/01/05/swift-2.2-release-process/ outside-root ',
      '/download/ resolved install/index.md',
      '/get/old/ resolved get/started.md',
    ]);
    expect(configuredStatuses(await configuredGraph(posts, ['_layouts/default.html'], { '_config.yml': 'title: Swift\n' })).slice(0, 2)).toEqual([
      '/blog/swift-2.2-release-process/ outside-root ',
      '/2016/01/05/swift-2.2-release-process/ resolved _posts/2016-1-05-swift-2.2-release-process.md',
    ]);
  });

  it('reach a page at the permalink `defaults` give a glob\'s matches and what they hold, as Jekyll globs the scope\'s `path`', async () => {
    const pages = {
      'index.md': '[Install](/manual/install/) [Deep](/manual/tune/) [Top](/manual/faq/) [Hidden](/manual/draft/) [Plain](/notes/ideas/)\n',
      'docs/guides/install.md': '# Install\n',
      'docs/guides/advanced/tune.md': '# Tune\n',
      'docs/faq.md': '# FAQ\n',
      'docs/.drafts/draft.md': '# Draft\n',
      'notes/ideas.md': '# Ideas\n',
    };
    const config = ['defaults:', '  - scope: { path: "docs/*", type: pages }', '    values: { permalink: "/manual/:basename/" }', ''].join('\n');
    expect(configuredStatuses(await configuredGraph(pages, ['_layouts/default.html'], { '_config.yml': config }))).toEqual([
      '/manual/install/ resolved docs/guides/install.md',
      '/manual/tune/ resolved docs/guides/advanced/tune.md',
      '/manual/faq/ resolved docs/faq.md',
      '/manual/draft/ outside-root ',
      '/notes/ideas/ resolved notes/ideas.md',
    ]);
  });

  it('reach a file by a path that leaves the repository from the page\'s file but not from its address', () => {
    const page = { 'docs/index-test.md': '# Test\n\n![Small](../../assets/images/small.jpg) ![Away](../../../../etc/passwd)\n' };
    expect(statuses(page, ['_config.yml', '_layouts/default.html', 'assets/images/small.jpg'])).toEqual([
      '../../assets/images/small.jpg resolved assets/images/small.jpg',
      '../../../../etc/passwd outside-root ',
    ]);
    // No site serves the page: the path leaves the repository.
    expect(statuses(page, ['assets/images/small.jpg'])[0]).toBe('../../assets/images/small.jpg outside-root ');
  });

  it('reach a post of a `_posts` folder inside another under its categories: the folders above it, then its frontmatter\'s', () => {
    const posts = {
      'en/news/_posts/2006-12-22-moved-to-svn.md': '# Moved\n',
      'en/news/_posts/2007-03-01-cvs-gone.md': '# Gone\n\n[Moved](/en/news/2006/12/22/moved-to-svn/) [Security](/en/news/security/2008/03/03/webrick/) [By its folders](/en/news/2008/03/03/webrick/) [Not under the date](/news/2006/12/22/moved-to-svn/)\n',
      'en/news/_posts/2008-03-03-webrick.md': '---\ncategories: security\n---\n# WEBrick\n',
      '_posts/2018-01-02-released.md': '---\ncategory: release notes\n---\n# Released\n\n[Categories](/release/notes/2018/01/02/released.html) [Date](/2018/01/02/released.html) [Other](/en/2008/03/03/webrick/)\n',
    };
    expect(statuses(posts, ['_config.yml', 'Gemfile'])).toEqual([
      '/release/notes/2018/01/02/released.html resolved _posts/2018-01-02-released.md',
      '/2018/01/02/released.html resolved _posts/2018-01-02-released.md',
      '/en/2008/03/03/webrick/ outside-root ',
      '/en/news/2006/12/22/moved-to-svn/ resolved en/news/_posts/2006-12-22-moved-to-svn.md',
      // The frontmatter's category goes after the folders'; where another permalink is configured, the folders' alone.
      '/en/news/security/2008/03/03/webrick/ resolved en/news/_posts/2008-03-03-webrick.md',
      '/en/news/2008/03/03/webrick/ resolved en/news/_posts/2008-03-03-webrick.md',
      '/news/2006/12/22/moved-to-svn/ outside-root ',
    ]);
  });

  it('is no Jekyll site where `_config.yml` has none of a Jekyll site\'s folders beside it (a Jupyter Book\'s)', () => {
    const { '_posts/2018-01-02-released.md': _post, ...noPosts } = texts;
    expect(statuses(noPosts, ['_config.yml'])[3]).toBe('/docs/variables/ outside-root ');
    expect(statuses(noPosts, ['_config.yml', 'Gemfile'])[3]).toBe('/docs/variables/ resolved _docs/variables.md');
  });
});

describe('the anchors of a site\'s pages', () => {
  it('are made each generator\'s way: its own where known, the common ones where its way is not read', () => {
    const styles = (config: string, page: string) => [...graphFromTexts({ [page]: '# Page\n' }, [config]).siteAnchorStyles(page)].sort();
    expect(styles('docs/.vitepress/config.ts', 'docs/guide.md')).toEqual(['vitepress']);
    expect(styles('mkdocs.yml', 'docs/guide.md')).toEqual(['pymdown', 'python-markdown', 'python-markdown-unicode']);
    // A site built with `mkdocs build --config-file mkdocs-online.yml`, or with an insiders' configuration.
    expect(styles('mkdocs-online.yml', 'docs/guide.md')).toEqual(['pymdown', 'python-markdown', 'python-markdown-unicode']);
    expect(styles('mkdocs.insiders.yml', 'docs/guide.md')).toEqual(['pymdown', 'python-markdown', 'python-markdown-unicode']);
    // ProperDocs, the maintained fork of MkDocs, reads the same configuration under its own name.
    expect(styles('properdocs.yml', 'docs/guide.md')).toEqual(['pymdown', 'python-markdown', 'python-markdown-unicode']);
    expect(styles('docs/docfx.json', 'docs/guide.md')).toEqual(['markdig']);
    expect(styles('.gitbook.yaml', 'guide.md')).toEqual(['gitbook']);
    expect(styles('scaffolds/post.md', 'source/docs/guide.md')).toEqual(['hexo']);
    // Docusaurus, Nextra, Retype and Jekyll make GitHub's (Jekyll's kramdown sets ids of its own too).
    expect(styles('docusaurus.config.js', 'docs/guide.md')).toEqual([]);
    expect(styles('retype.yml', 'guide.md')).toEqual([]);
    expect(styles('_config.yml', '_posts/2024-01-02-hello.md')).toEqual(['kramdown']);
    expect(styles('next.config.mjs', 'content/guide.md')).toEqual([]);
    expect(styles('hugo.toml', 'content/guide.md')).toEqual(['astro', 'python-markdown', 'vitepress']);
    expect(styles('hugo.toml', 'guide.md')).toEqual([]);
    // Eleventy's sites add markdown-it-anchor to markdown-it, as Lume's do (see the Lume site's own test).
    expect(styles('eleventy.config.js', 'src/guide.md')).toEqual(['astro', 'markdown-it-anchor', 'python-markdown', 'vitepress']);
    // Mintlify counts a repeated heading from 2; Vocs makes GitHub's (rehype-slug); Rspress's way is not read.
    expect(styles('docs.json', 'guide.md')).toEqual(['mintlify']);
    expect(styles('vocs.config.ts', 'src/pages/guide.md')).toEqual([]);
    expect(styles('rspress.config.ts', 'docs/guide.md')).toEqual(['astro', 'python-markdown', 'vitepress']);
  });
});

/** A graph of `texts` and `files` whose site configurations, among `configs` (with the modules they import), are read. */
async function configuredGraph(texts: Record<string, string>, files: string[], configs: Record<string, string>): Promise<KnowledgeGraph> {
  const read = (path: string) => Promise.resolve(Object.hasOwn(configs, path) ? configs[path] : undefined);
  const siteConfigs = new Map<string, StaticValue>();
  for (const path of Object.keys(configs).filter((name) => siteConfigName.test(name))) siteConfigs.set(path, await readStaticConfig(path, read));
  for (const [path, value] of [...siteConfigs]) {
    for (const { path: specification } of mintlifySpecifications(path, value)) siteConfigs.set(specification, await readStaticConfig(specification, read));
  }
  const encoder = new TextEncoder();
  const documents = Object.entries(texts).map(([path, text]) => readDocument(path, encoder.encode(text)));
  return new KnowledgeGraph({ documents, files: [...files, ...Object.keys(configs)], siteConfigs });
}

function configuredStatuses(graph: KnowledgeGraph) {
  return linkStatuses(graph).map(([target, status, document]) => `${String(target)} ${String(status)} ${String(document ?? '')}`);
}

describe('images through an Astro project\'s import aliases', () => {
  it('reach the file `compilerOptions.paths` names, the longest matching prefix first, as Astro imports a Markdown image', async () => {
    const texts = {
      'src/content/docs/guide/setup.mdx': [
        '# Setup',
        '',
        '![Deploy](~/images/deploy/step-1.png) ![Logo](~/assets/logo.svg) ![Exact](banner) ![Missing](~/images/none.png)',
        '',
        '[A link, not an image](~/assets/logo.svg) ![Relative](../missing.png) ![Dollar](~/images/cost-$&.png)',
        '',
      ].join('\n'),
    };
    const files = ['src/assets/images/deploy/step-1.png', 'src/assets/logo.svg', 'src/assets/banner.png', 'src/images/none.png', 'src/assets/images/cost-$&.png'];
    const tsconfig = [
      '{',
      '  // Astro hands these to Vite.',
      '  "extends": "astro/tsconfigs/strict",',
      '  "compilerOptions": {',
      '    "paths": {',
      '      "~/images/*": ["./src/assets/images/*"], /* before "~/*" */',
      '      "~/*": ["./src/*"],',
      '      "banner": ["src/assets/banner.png"],',
      '      "a/*/b/*": ["./src/*"],',
      '    },',
      '  },',
      '}',
    ].join('\n');
    const configs = { 'astro.config.mjs': "import starlight from '@astrojs/starlight';\nexport default { integrations: [starlight({ title: 'Docs' })] };\n", 'tsconfig.json': tsconfig };
    expect(configuredStatuses(await configuredGraph(texts, files, configs))).toEqual([
      '~/images/deploy/step-1.png resolved src/assets/images/deploy/step-1.png',
      '~/assets/logo.svg resolved src/assets/logo.svg',
      'banner resolved src/assets/banner.png',
      '~/images/none.png missing-document ',
      '~/assets/logo.svg missing-document ',
      '../missing.png missing-document ',
      '~/images/cost-$&.png resolved src/assets/images/cost-$&.png',
    ]);
    // `baseUrl` is where the places are read from; a `jsconfig.json` is read where no `tsconfig.json` is.
    const jsconfig = { 'astro.config.mjs': configs['astro.config.mjs'], 'jsconfig.json': '{ "compilerOptions": { "baseUrl": "src", "paths": { "~/*": ["./*"] } } }' };
    expect(configuredStatuses(await configuredGraph(texts, files, jsconfig)).slice(0, 2)).toEqual([
      '~/images/deploy/step-1.png missing-document ',
      '~/assets/logo.svg resolved src/assets/logo.svg',
    ]);
    // Outside an Astro project the aliases are nobody's: `~/` stays a home folder's path.
    const noAstro = { 'tsconfig.json': tsconfig };
    expect(configuredStatuses(await configuredGraph(texts, files, noAstro))[0]).toBe('~/images/deploy/step-1.png missing-document ');
  });
});

describe('an Eleventy site', () => {
  it('reaches its pages from the input folder its configuration sets, by return value, `setInputDirectory` or `export const config`', async () => {
    const texts = {
      'source/blog/004-sass-34.md': '# Sass 3.4\n\n[Guidelines](/community-guidelines) [Map](/documentation/modules/map/) [Input](/documentation/modules/map.md) [None](/documentation/none/)\n',
      'source/community-guidelines.md': '# Guidelines\n',
      'source/documentation/modules/map.md': '# Map\n',
    };
    const returned = [
      "const { EleventyRenderPlugin } = require('@11ty/eleventy');",
      'module.exports = function (eleventyConfig) {',
      '  eleventyConfig.addPlugin(EleventyRenderPlugin);',
      "  return { dir: { input: 'source', includes: '_includes' } };",
      '};',
    ].join('\n');
    const expected = [
      '/community-guidelines resolved source/community-guidelines.md',
      '/documentation/modules/map/ resolved source/documentation/modules/map.md',
      '/documentation/modules/map.md resolved source/documentation/modules/map.md',
      '/documentation/none/ outside-root ',
    ];
    expect(configuredStatuses(await configuredGraph(texts, [], { 'eleventy.config.cjs': returned }))).toEqual(expected);
    const called = "export default async function (eleventyConfig) {\n  eleventyConfig.setInputDirectory('source');\n}\n";
    expect(configuredStatuses(await configuredGraph(texts, [], { 'eleventy.config.mjs': called }))).toEqual(expected);
    const exported = "export default function (eleventyConfig) {}\nexport const config = { dir: { input: './source/' } };\n";
    expect(configuredStatuses(await configuredGraph(texts, [], { '.eleventy.js': exported }))).toEqual(expected);
    // Without it, the site's folder is its input, as Eleventy's default is.
    expect(configuredStatuses(await configuredGraph(texts, [], { 'eleventy.config.cjs': 'module.exports = function () {};\n' }))[0]).toBe('/community-guidelines outside-root ');
  });
});

describe('a Retype site', () => {
  it('reaches its pages from the `input` folder its configuration names, in lower case, folders by their default pages, and its files as they are', async () => {
    const texts = {
      'docs/Usage/administration.md': '# Administration\n\n[Env](/getting-started/config/env-vars/) [Sharing](/usage/2fa-sharing/) [API](/api/) [Sample](/sample/) [Start](/getting-started/) [Moved](/custom/path) [Home](/) ![Banner](/static/banner.png) ![Shot](/static/import/Aegis_settings.png) [None](/usage/none/)\n',
      'docs/Usage/2fa-sharing.md': '# Sharing\n',
      'docs/API.md': '# API\n',
      'docs/sample/sample.md': '# Sample\n',
      'docs/getting-started/default.md': '# Getting started\n',
      'docs/getting-started/config/env-vars.md': '# Environment variables\n',
      'docs/old.md': '---\npermalink: /custom/path\n---\n# Old\n',
      'docs/welcome.md': '# Welcome\n',
    };
    const expected = [
      '/getting-started/config/env-vars/ resolved docs/getting-started/config/env-vars.md',
      '/usage/2fa-sharing/ resolved docs/Usage/2fa-sharing.md',
      '/api/ resolved docs/API.md',
      '/sample/ resolved docs/sample/sample.md',
      '/getting-started/ resolved docs/getting-started/default.md',
      '/custom/path resolved docs/old.md',
      '/ resolved docs/welcome.md',
      '/static/banner.png resolved docs/static/banner.png',
      // Retype writes its output in lower case, the links to it too.
      '/static/import/Aegis_settings.png resolved docs/static/import/aegis_settings.PNG',
      '/usage/none/ outside-root ',
    ];
    expect(configuredStatuses(await configuredGraph(texts, ['docs/static/banner.png', 'docs/static/import/aegis_settings.PNG'], { 'retype.yml': 'input: ./docs\noutput: ./public\n' }))).toEqual(expected);
    // Without `input`, the pages are beside the configuration.
    expect(configuredStatuses(await configuredGraph(texts, ['docs/static/banner.png', 'docs/static/import/aegis_settings.PNG'], { 'docs/retype.yml': 'url: https://docs.example.com\n' }))).toEqual(expected);
  });
});

describe('the frontmatter fields a route is read from', () => {
  it('are kept in the summaries a warm check reads: a Jekyll post\'s `category`, a Retype page\'s `route`, a MyST page\'s `label`', () => {
    const summarized = (graph: KnowledgeGraph) => new KnowledgeGraph({ documents: graph.documents.map((document) => ({ ...document, model: summarizeModel(document.model) })), files: [...graph.files] });
    const jekyll = graphFromTexts({ '_posts/2018-01-02-released.md': '---\ncategory: release\n---\n# Released\n\n[Itself](/release/2018/01/02/released/)\n' }, ['_config.yml', 'Gemfile']);
    expect(linkStatuses(summarized(jekyll))).toEqual([['/release/2018/01/02/released/', 'resolved', '_posts/2018-01-02-released.md']]);
    const retype = graphFromTexts({ 'old.md': '---\nroute: /custom/path\n---\n# Old\n\n[Itself](/custom/path)\n' }, ['retype.yml']);
    expect(linkStatuses(summarized(retype))).toEqual([['/custom/path', 'resolved', 'old.md']]);
    const myst = graphFromTexts({ 'docs/directives.md': '---\nlabel: directives_list\n---\n# Directives\n', 'docs/guide.md': '# Guide\n' }, ['docs/myst.yml']);
    expect(summarized(myst).siteLabel('docs/guide.md', 'directives_list')).toBe('docs/directives.md');
  });
});

describe('a Slidev deck', () => {
  it('serves its `public/` at the root, where its `package.json` depends on `@slidev/cli`, and no other package does', async () => {
    const texts = {
      'talks/slides.md': '# Talk\n\n![Stack](/stack.png) ![None](/none.png)\n',
      'talks/pages/intro.md': '# Intro\n\n![Stack](/stack.png)\n',
      'app/README.md': '# App\n\n![Logo](/logo.png)\n',
    };
    const configs = {
      'talks/package.json': JSON.stringify({ name: 'talks', scripts: { dev: 'slidev' }, devDependencies: { '@slidev/cli': '^51.0.0' } }),
      'app/package.json': JSON.stringify({ name: 'app', dependencies: { vite: '^6.0.0' } }),
    };
    expect(configuredStatuses(await configuredGraph(texts, ['talks/public/stack.png', 'app/public/logo.png'], configs))).toEqual([
      '/logo.png outside-root ',
      '/stack.png resolved talks/public/stack.png',
      '/stack.png resolved talks/public/stack.png',
      '/none.png outside-root ',
    ]);
  });
});

describe('a Lume site', () => {
  const config = (options: string) =>
    [`import lume from 'lume/mod.ts';`, `import anchor from 'npm:markdown-it-anchor@9';`, '', `const site = lume(${options}, { markdown: { plugins: [anchor] } });`, `site.copy('static', '.');`, '', 'export default site;', ''].join('\n');
  const texts = {
    'site/runtime/fundamentals/modules.md': [
      '# Modules',
      '',
      '[Configuration](/runtime/fundamentals/configuration/), [a sibling by name](configuration), [its section](./configuration#an-example-deno.json-file)',
      '[The index](/runtime/), [welcome](/posts/welcome/), [renamed](/runtime/tasks/), [lint rules](/lint/)',
      '[An API](/api/deno/~/Deno.serve), [an image](./images/flow.png), [a partial](/_includes/partial/)',
      '',
      '## FFI (foreign function interface)',
      '',
    ].join('\n'),
    'site/runtime/fundamentals/configuration.md': '# Configuration\n\n## An example deno.json file\n',
    'site/runtime/index.md': '# Runtime\n',
    'site/posts/first.md': '---\nurl: /posts/welcome/index.html\n---\n# Welcome\n',
    'site/runtime/task_runner.md': '---\nbasename: tasks\n---\n# Tasks\n',
    'site/_includes/partial.md': '# Partial\n',
  };
  const pageModules = ['site/lint/index.page.tsx', 'site/reference/reference.page.ts'];

  it('serves each page at a folder address from its `src`, `url` and `basename` read, and names no page in an `_` folder', async () => {
    const graph = await configuredGraph(texts, pageModules, { 'site/_config.ts': config(`{ src: './' }`) });
    const found = configuredStatuses(graph);
    expect(found.slice(0, 9)).toEqual([
      '/runtime/fundamentals/configuration/ resolved site/runtime/fundamentals/configuration.md',
      'configuration resolved site/runtime/fundamentals/configuration.md',
      './configuration resolved site/runtime/fundamentals/configuration.md',
      '/runtime/ resolved site/runtime/index.md',
      '/posts/welcome/ resolved site/posts/first.md',
      '/runtime/tasks/ resolved site/runtime/task_runner.md',
      '/lint/ resolved site/lint/index.page.tsx',
      // A page module may make any page at an address it computes; a file it does not make.
      '/api/deno/~/Deno.serve external ',
      './images/flow.png missing-document ',
    ]);
    expect(graph.edges.find((edge) => edge.target === '/api/deno/~/Deno.serve')?.reason).toBe("`/api/deno/~/Deno.serve` may be a page the site's `site/lint/index.page.tsx` (or one of 1 more page modules) makes");
  });

  it('reads its pages from the `src` it sets, and is no site where `_config.ts` exports no Lume site', async () => {
    const moved = Object.fromEntries(Object.entries(texts).map(([path, text]) => [path.replace(/^site\//, 'site/src/'), text]));
    const fromSrc = configuredStatuses(await configuredGraph(moved, [], { 'site/_config.ts': config(`{ src: './src' }`) }));
    expect(fromSrc[0]).toBe('/runtime/fundamentals/configuration/ resolved site/src/runtime/fundamentals/configuration.md');
    // With no page module, a route no page serves is judged; a file under `_includes/` is no page.
    expect(fromSrc).toContain('/api/deno/~/Deno.serve outside-root ');
    expect(fromSrc).toContain('/_includes/partial/ outside-root ');
    const other = configuredStatuses(await configuredGraph(texts, [], { 'site/_config.ts': 'export default { src: "./" };\n' }));
    expect(other[0]).toBe('/runtime/fundamentals/configuration/ outside-root ');
  });

  it('serves what `site.copy` (or `site.add`) copies where it puts it, and reads relative links from a page\'s folder without pretty URLs', async () => {
    const copying = [
      `import lume from 'lume/mod.ts';`,
      `const site = lume({ src: './src', prettyUrls: false });`,
      `site.copy('static', '.');`,
      `site.add('gen/page.css', '/api/page.css');`,
      `site.copy('img');`,
      'export default site;',
      '',
    ].join('\n');
    const pages = {
      'src/ai/index.md': '# AI\n\n[Index](/llms.txt) [Styles](/api/page.css) [Logo](/img/logo.svg) [Script](/llms-full.txt)\n',
      'src/ai/setup.md': '# Setup\n\n![Beside](./flow.png) ![Below the address](./diagram.png)\n',
    };
    const files = ['src/static/llms.txt', 'src/gen/page.css', 'src/img/logo.svg', 'src/ai/flow.png', 'src/ai/setup/diagram.png'];
    expect(configuredStatuses(await configuredGraph(pages, files, { '_config.ts': copying }))).toEqual([
      '/llms.txt resolved src/static/llms.txt',
      '/api/page.css resolved src/gen/page.css',
      '/img/logo.svg resolved src/img/logo.svg',
      // A file a script writes is not copied from anywhere.
      '/llms-full.txt outside-root ',
      // At `/ai/setup.html`, `./diagram.png` is `/ai/diagram.png`.
      './flow.png resolved src/ai/flow.png',
      './diagram.png missing-document ',
    ]);
    // Where nothing copies it elsewhere, `static/` is served at its own path; with pretty URLs, the page is at `/ai/setup/`.
    const plain = configuredStatuses(await configuredGraph(pages, files, { '_config.ts': `import lume from 'lume/mod.ts';\nexport default lume({ src: './src' });\n` }));
    expect(plain.filter((status) => !status.startsWith('/img/') && !status.startsWith('/llms-full'))).toEqual([
      '/llms.txt outside-root ',
      '/api/page.css outside-root ',
      './flow.png resolved src/ai/flow.png',
      './diagram.png resolved src/ai/setup/diagram.png',
    ]);
  });

  it('gives headings markdown-it-anchor\'s anchors too, punctuation kept', async () => {
    const graph = await configuredGraph(texts, [], { 'site/_config.ts': `import lume from 'lume/mod.ts';\n\nexport default lume();\n` });
    expect(graph.siteAnchorStyles('site/runtime/fundamentals/modules.md').has('markdown-it-anchor')).toBe(true);
    const heading = graph.documents.find((document) => document.path === 'site/runtime/fundamentals/modules.md')?.model.headings.find((found) => found.depth === 2);
    expect(heading?.siteSlugs?.['markdown-it-anchor']).toBe('ffi-(foreign-function-interface)');
  });
});

describe('an MkDocs site translated in folders with mkdocs-static-i18n', () => {
  const page = '# エージェント\n\n[Lifecycle](ref/lifecycle.md), [its hooks](../docs/ref/lifecycle.md) and ![the harness](assets/harness.png)\n\n[Missing](ref/nowhere.md)\n';
  const texts = { 'docs/ja/agents.md': page, 'docs/ref/lifecycle.md': '# Lifecycle\n' };
  const files = ['docs/assets/harness.png'];
  const i18n = (options: string) => ['site_name: Agents', 'markdown_extensions:', '  - pymdownx.superfences:', '      custom_fences:', '        - format: !!python/name:pymdownx.superfences.fence_code_format', 'plugins:', '  - search', '  - i18n:', options].join('\n');
  const languages = ['      languages:', '        - locale: en', '          default: true', '        - locale: ja'].join('\n');

  it('reach the default language\'s page or file where the language\'s folder lacks one, as the plugin builds it', async () => {
    const graph = await configuredGraph(texts, files, { 'mkdocs.yml': i18n(`      docs_structure: folder\n${languages}`) });
    expect(configuredStatuses(graph)).toEqual([
      'ref/lifecycle.md resolved docs/ref/lifecycle.md',
      '../docs/ref/lifecycle.md missing-document ',
      'assets/harness.png resolved docs/assets/harness.png',
      'ref/nowhere.md missing-document ',
    ]);
  });

  it('are read from a ProperDocs configuration as from an MkDocs one', async () => {
    const graph = await configuredGraph(texts, files, { 'properdocs.yml': i18n(`      docs_structure: folder\n${languages}`) });
    expect(configuredStatuses(graph)).toEqual([
      'ref/lifecycle.md resolved docs/ref/lifecycle.md',
      '../docs/ref/lifecycle.md missing-document ',
      'assets/harness.png resolved docs/assets/harness.png',
      'ref/nowhere.md missing-document ',
    ]);
  });

  it('reach it in the default language\'s own folder when its files are in one (`docs/en/`)', async () => {
    const graph = await configuredGraph({ 'docs/ja/agents.md': '# A\n\n[Lifecycle](ref/lifecycle.md)\n', 'docs/en/ref/lifecycle.md': '# Lifecycle\n' }, [], {
      'mkdocs.yml': i18n(`      docs_structure: folder\n${languages}`),
    });
    expect(configuredStatuses(graph)).toEqual(['ref/lifecycle.md resolved docs/en/ref/lifecycle.md']);
  });

  it('are files, as on GitHub, with the suffix structure, the fallback turned off, or no i18n plugin', async () => {
    for (const options of [`      docs_structure: suffix\n${languages}`, `      docs_structure: folder\n      fallback_to_default: false\n${languages}`]) {
      const graph = await configuredGraph(texts, files, { 'mkdocs.yml': i18n(options) });
      expect(configuredStatuses(graph)[0]).toBe('ref/lifecycle.md missing-document ');
    }
    const graph = await configuredGraph(texts, files, { 'mkdocs.yml': 'site_name: Agents\n' });
    expect(configuredStatuses(graph)[0]).toBe('ref/lifecycle.md missing-document ');
  });
});

describe('an MkDocs site\'s `docs_dir`', () => {
  const texts = {
    'handbook/source/users/scim.md': '# SCIM\n\n[The API](../../api/scim-api/) [Setup](../setup.md) ![Flow](/img/flow.png)\n',
    'handbook/source/api/scim-api.md': '# SCIM API\n',
    'handbook/source/setup.md': '# Setup\n',
  };
  const files = ['handbook/source/img/flow.png'];
  const served = ['../../api/scim-api/ resolved handbook/source/api/scim-api.md', '../setup.md resolved handbook/source/setup.md', '/img/flow.png resolved handbook/source/img/flow.png'];

  it('is the folder the site\'s pages and files are read from, relative to the configuration', async () => {
    const graph = await configuredGraph(texts, files, { 'handbook/mkdocs.yml': 'site_name: Handbook\ndocs_dir: source/\n' });
    expect(configuredStatuses(graph)).toEqual(served);
    const unset = await configuredGraph(texts, files, { 'handbook/mkdocs.yml': 'site_name: Handbook\n' });
    expect(configuredStatuses(unset)).not.toEqual(served);
  });

  it('is the default an `!ENV` tag gives, and may be inherited from another configuration', async () => {
    const tagged = await configuredGraph(texts, files, { 'handbook/mkdocs.yml': "site_name: Handbook\ndocs_dir: !ENV [HANDBOOK_DOCS, 'source']\n" });
    expect(configuredStatuses(tagged)).toEqual(served);
    const inherited = await configuredGraph(texts, files, { 'handbook/mkdocs.yml': 'INHERIT: base.yml\nsite_name: Handbook\n', 'handbook/base.yml': 'docs_dir: source\n' });
    expect(configuredStatuses(inherited)).toEqual(served);
  });

  it('may climb to a sibling of the configuration\'s folder, but not to a folder holding the configuration', async () => {
    const sibling = await configuredGraph({ 'docs/guide.md': '# Guide\n\n[Setup](../setup/)\n', 'docs/setup.md': '# Setup\n' }, [], { 'website/mkdocs.yml': 'docs_dir: ../docs\n' });
    expect(configuredStatuses(sibling)).toEqual(['../setup/ resolved docs/setup.md']);
    for (const docsDir of ['.', '..', '../..', '/srv/docs']) {
      const graph = await configuredGraph({ 'website/docs/guide.md': '# Guide\n\n[Setup](../setup/)\n', 'website/docs/setup.md': '# Setup\n' }, [], { 'website/mkdocs.yml': `docs_dir: ${docsDir}\n` });
      expect(configuredStatuses(graph)).toEqual(['../setup/ resolved website/docs/setup.md']);
    }
  });
});

describe('an MkDocs site\'s nav', () => {
  const config = [
    'site_name: Operator',
    'nav:',
    '  - Home: index.md',
    '  - Operator Manual:',
    '      - Overview: operator-manual/index.md',
    '      - operator-manual/installation.md',
    '      - "Custom Resource Icons": ./operator-manual/custom-resource-icons.md',
    '      - Notifications:',
    '          - Triggers: operator-manual/notifications/triggers.md',
    '          - Again: operator-manual/notifications/triggers.md',
    '  - Issues: https://example.org/issues',
    '  - Outside: ../README.md',
  ].join('\n');
  const texts = {
    'docs/index.md': '# Welcome\n',
    'docs/operator-manual/index.md': '# Operator Manual\n',
    'docs/operator-manual/installation.md': 'Install it.\n',
    'docs/operator-manual/custom-resource-icons.md': 'Icons.\n',
    'docs/operator-manual/notifications/triggers.md': '---\ntitle: Notification Triggers\n---\nTriggers.\n',
    'docs/operator-manual/notifications/templates.md': 'Templates.\n',
    'README.md': 'Read me.\n',
  };

  it('names a page with no title of its own, as MkDocs does; a page\'s own heading or frontmatter title comes first', async () => {
    const graph = await configuredGraph(texts, [], { 'mkdocs.yml': config });
    expect(Object.keys(texts).map((path) => graph.documentTitle(path))).toEqual([
      'Welcome',
      'Operator Manual',
      'Installation',
      'Custom Resource Icons',
      'Notification Triggers',
      'Templates',
      undefined,
    ]);
  });

  it('names a page it lists bare, or not at all, from its file name as MkDocs does, and nothing no MkDocs site serves', async () => {
    const files = {
      'docs/index.md': 'Welcome.\n',
      'docs/guide/index.md': 'A section.\n',
      'docs/resource_actions_builtin.md': 'Actions.\n',
      'docs/CONTRIBUTING.md': 'Contribute.\n',
      'docs/getting-Started.md': 'Start.\n',
      'docs/operator-manual/custom-resource-icons.md': 'Icons.\n',
      'README.md': 'Read me.\n',
    };
    const plain = await configuredGraph(files, [], { 'mkdocs.yml': 'site_name: Operator\n' });
    expect(Object.keys(files).map((path) => plain.documentTitle(path))).toEqual(['Home', 'Index', 'Resource actions builtin', 'CONTRIBUTING', 'getting Started', 'Custom resource icons', undefined]);
    const none = await configuredGraph(files, [], {});
    expect(none.documentTitle('docs/operator-manual/custom-resource-icons.md')).toBeUndefined();
  });
});

describe('a Docusaurus configuration read', () => {
  const config = [
    'module.exports = {',
    "  presets: [['@docusaurus/preset-classic', { docs: { path: '../docs' }, blog: { path: 'blog' } }]],",
    "  plugins: [['content-docs', { id: 'architecture', path: 'architecture', routeBasePath: '/architecture' }]],",
    '};',
  ].join('\n');
  const texts = {
    'docs/intro.md': [
      '# Intro',
      '',
      '[Landing](/architecture/landing-page) [Glossary](/architecture/glossary) [Next](/docs/next/text) [Version](/docs/0.86/intro)',
      '[Versions](/versions) [Blog](/blog) [Not at its base](/glossary)',
      '',
    ].join('\n'),
    'docs/text.md': '# Text\n',
    'docs/releases/releases.md': '# Releases\n\n[Policy](./releases/versioning-policy)\n',
    'docs/releases/versioning-policy.md': '# Policy\n',
    'website/architecture/landing-page.md': '# Architecture\n',
    'website/architecture/architecture-glossary.md': '---\nslug: /glossary\n---\n# Glossary\n',
    'website/architecture/architecture-overview.md': '---\nslug: /overview\n---\n# Overview\n\n[Render](render-pipeline) [Glossary](glossary)\n',
    'website/architecture/render-pipeline.md': '# Render\n',
    'website/versioned_docs/version-0.86/intro.md': '# Intro\n\n[Next](/docs/next/text)\n',
    'website/blog/2024-01-01-post.md': '# Post\n',
  };
  const files = ['website/src/pages/versions.tsx', 'website/src/pages/_shared.tsx'];

  it('reads each docs plugin instance at its route base, versions under their paths and the current docs under `next`', async () => {
    const graph = await configuredGraph(texts, files, { 'website/docusaurus.config.js': config });
    expect(configuredStatuses(graph)).toEqual([
      '/architecture/landing-page resolved website/architecture/landing-page.md',
      '/architecture/glossary resolved website/architecture/architecture-glossary.md',
      '/docs/next/text resolved docs/text.md',
      '/docs/0.86/intro resolved website/versioned_docs/version-0.86/intro.md',
      '/versions resolved website/src/pages/versions.tsx',
      '/blog resolved website/blog',
      '/glossary outside-root ',
      './releases/versioning-policy resolved docs/releases/versioning-policy.md',
      'render-pipeline resolved website/architecture/render-pipeline.md',
      'glossary resolved website/architecture/architecture-glossary.md',
      '/docs/next/text resolved docs/text.md',
    ]);
  });

  it('reads a partial a page imports where the page is: its links from the page, its headings as the page\'s', async () => {
    const texts = {
      'docs/guides/setup.mdx': "# Setup\n\nimport Note from '../partials/_note.mdx';\nimport Configure from '@site/src/parts/configure.mdx';\n\n<Note />\n\n<Configure />\n",
      'docs/partials/_note.mdx': 'Ask [an admin](github-username).\n',
      'docs/guides/github-username.mdx': '# Username\n',
      'src/parts/configure.mdx': '## Configure the SDK\n',
      'docs/intro.md': '# Intro\n\n[Configure](/docs/guides/setup#configure-the-sdk)\n',
    };
    const graph = await configuredGraph(texts, [], { 'docusaurus.config.js': "module.exports = { presets: [['classic', {}]] };" });
    expect(graph.includedDocuments('docs/guides/setup.mdx')).toEqual(['docs/partials/_note.mdx', 'src/parts/configure.mdx']);
    expect(configuredStatuses(graph)).toEqual([
      '/docs/guides/setup resolved docs/guides/setup.mdx',
      'github-username resolved docs/guides/github-username.mdx',
    ]);
  });

  it('finds a route written with the site\'s `baseUrl` or without it', async () => {
    const docs = { 'docs/guide.md': '# Guide\n\n[Config](/docs/config) [Again](/config) [Elsewhere](/other/config)\n', 'docs/reference/config.md': '---\nslug: /config\n---\n# Config\n' };
    const withBase = "const BASE_URL = '/docs';\nmodule.exports = { baseUrl: BASE_URL, presets: [['classic', { docs: { routeBasePath: '/' } }]] };";
    const graph = await configuredGraph(docs, [], { 'docusaurus.config.js': withBase });
    expect(configuredStatuses(graph)).toEqual([
      '/docs/config resolved docs/reference/config.md',
      '/config resolved docs/reference/config.md',
      '/other/config outside-root ',
    ]);
  });

  it('reads a docs path written with a trailing slash as the folder it names', async () => {
    const docs = { 'docs/guide/README.md': '# Guide\n\nSee [other page](other).\n', 'docs/guide/other.md': '# Other\n' };
    const slashed = "module.exports = { presets: [['classic', { docs: { path: '../', exclude: ['docusaurus/**'] } }]] };";
    const graph = await configuredGraph(docs, [], { 'docs/docusaurus/docusaurus.config.js': slashed });
    expect(configuredStatuses(graph)).toEqual(['other resolved docs/guide/other.md']);
  });

  it('reads a route base of `/`, `docs: false`, an instance\'s own versions and the paths `versions` sets', async () => {
    const config = [
      'export default {',
      "  presets: [['classic', { docs: { routeBasePath: '/' } }]],",
      '  plugins: [',
      "    ['@docusaurus/plugin-content-docs', { id: 'cluster', path: 'cluster', routeBasePath: 'cluster', lastVersion: 'current',",
      "      versions: { current: { label: 'v3', path: 'v3' }, '2.0.0': { path: 'v2' } } }],",
      '  ],',
      '};',
    ].join('\n');
    const texts = {
      'docs/intro.md': '# Intro\n\n[Now](/cluster/v3/install) [Before](/cluster/v2/install) [Root](/intro) [Nowhere](/cluster/v4/install) [Gone since](/cluster/legacy)\n',
      'cluster/install.md': '# Install\n',
      'cluster_versioned_docs/version-2.0.0/legacy.md': '# Legacy\n\n[Its install](install#steps)\n',
      'cluster_versioned_docs/version-2.0.0/install.md': '# Install\n\n## Steps\n',
    };
    const graph = await configuredGraph(texts, ['cluster_versions.json'], { 'docusaurus.config.mjs': config });
    expect(configuredStatuses(graph)).toEqual([
      'install resolved cluster_versioned_docs/version-2.0.0/install.md',
      '/cluster/v3/install resolved cluster/install.md',
      '/cluster/v2/install resolved cluster_versioned_docs/version-2.0.0/install.md',
      '/intro resolved docs/intro.md',
      '/cluster/v4/install outside-root ',
      '/cluster/legacy outside-root ',
    ]);
    const none = await configuredGraph({ 'docs/a.md': '# A\n' }, [], { 'docusaurus.config.js': "module.exports = { presets: [['classic', { docs: false }]], plugins: [['content-docs', { path: 'guides' }]] };" });
    expect(none.servedBySite('docs/a.md')).toBe(false);
  });

  it('reads `@site/` from the site\'s folder', async () => {
    const graph = await configuredGraph({ 'website/docs/a.md': '# A\n\n![Shot](@site/src/components/_static/shot.png)\n' }, ['website/src/components/_static/shot.png'], {
      'website/docusaurus.config.js': "module.exports = { presets: ['classic'] };",
    });
    expect(configuredStatuses(graph)).toEqual(['@site/src/components/_static/shot.png resolved website/src/components/_static/shot.png']);
  });

  it('reaches the index pages the category files and sidebars declare, at their slugs or their labels\' slugs', async () => {
    const texts = {
      'docs/intro.md': [
        '# Intro',
        '',
        '[Basics](/docs/category/tutorial---basics) [Guides](/docs/guides/overview) [Reference](/docs/category/api-reference) [Again](/docs/category/api-reference-1)',
        '[By folder](/docs/category/tutorial-basics) [Plain](/docs/category/plain-notes) [Version](/docs/1.0/category/old-things) [None](/docs/category/nothing) [Bomb](/docs/category/bomb)',
      ].join('\n'),
      'docs/tutorial-basics/page.md': '# Page\n',
      'docs/02-guides/g.md': '# G\n',
      'docs/plain/p.md': '# P\n',
      'versioned_docs/version-1.0/intro.md': '# Old intro\n',
    };
    const sidebar = (label: string) => `{ type: 'category', label: '${label}', link: { type: 'generated-index' }, items: ['intro'] }`;
    const graph = await configuredGraph(texts, ['versions.json'], {
      'docusaurus.config.js': "module.exports = { presets: [['classic', { docs: { sidebarPath: './sidebars.js' } }]] };",
      'sidebars.js': `module.exports = { docs: [${sidebar('API Reference')}, { type: 'category', label: 'Nested', items: [${sidebar('API reference')}] }] };`,
      'docs/tutorial-basics/_category_.json': '{ "label": "Tutorial - Basics", "link": { "type": "generated-index", "description": "Learn" } }',
      'docs/02-guides/_category_.yml': 'label: Guides\nlink:\n  type: generated-index\n  slug: /guides/overview\n',
      'docs/plain/_category_.yml': 'label: Plain notes\n',
      'versioned_sidebars/version-1.0-sidebars.json': JSON.stringify({ docs: [{ type: 'category', label: 'Old things', link: { type: 'generated-index' }, items: ['intro'] }] }),
      // Broken ones are read as nothing: JSON that does not parse, YAML past its alias limit, a list, a computed label.
      'docs/broken/_category_.json': '{ "label": "Broken", "link": ',
      'docs/aliases/_category_.yml': `a: &a [x, x]\n${Array.from({ length: 30 }, (_, index) => `a${index}: &a${index} [*${index === 0 ? 'a' : `a${index - 1}`}, *${index === 0 ? 'a' : `a${index - 1}`}]`).join('\n')}\nlabel: Bomb\nlink: { type: generated-index }\n`,
      'docs/list/_category_.yml': '- label: List\n',
    });
    expect(configuredStatuses(graph)).toEqual([
      '/docs/category/tutorial---basics resolved docs/tutorial-basics',
      '/docs/guides/overview resolved docs/02-guides',
      '/docs/category/api-reference resolved docs',
      '/docs/category/api-reference-1 resolved docs',
      // The folder's own name, as before: Docusaurus makes no page of a category without a generated index.
      '/docs/category/tutorial-basics resolved docs/tutorial-basics',
      '/docs/category/plain-notes outside-root ',
      '/docs/1.0/category/old-things resolved versioned_docs/version-1.0',
      '/docs/category/nothing outside-root ',
      '/docs/category/bomb outside-root ',
    ]);
  });

  it('reads a sidebars file nested deeper than the call stack goes', async () => {
    const depth = 20_000;
    const nested = `${'[{"type":"category","items":'.repeat(depth)}[{"type":"category","label":"Deep","link":{"type":"generated-index"},"items":[]}]${'}]'.repeat(depth)}`;
    const graph = await configuredGraph({ 'docs/a.md': '# A\n\n[Deep](/docs/category/deep)\n' }, [], {
      'docusaurus.config.js': "module.exports = { presets: [['classic', {}]] };",
      'sidebars.json': `{ "docs": ${nested} }`,
    });
    expect(configuredStatuses(graph)).toEqual(['/docs/category/deep resolved docs']);
  });

  it('follows the client redirects and leaves the routes other plugins serve to them', async () => {
    const config = [
      'module.exports = {',
      "  baseUrl: '/handbook/',",
      "  presets: [['classic', {}], ['redocusaurus', { specs: [{ route: '/api/', spec: './openapi.json' }] }]],",
      '  plugins: [',
      "    ['@docusaurus/plugin-client-redirects', { redirects: [{ from: ['/docs/old-setup', '/setup'], to: '/docs/setup' }, { from: '/docs/gone', to: '/elsewhere' }] }],",
      "    ['@docusaurus/plugin-content-blog', { id: 'changelog', path: 'changelog', routeBasePath: 'changelog' }],",
      "    ['@docusaurus/plugin-content-blog', { id: 'news', path: require('node:path').join('site', 'news'), routeBasePath: 'news' }],",
      '  ],',
      '};',
    ].join('\n');
    const texts = {
      'docs/intro.md': '# Intro\n\n[Old](/docs/old-setup) [Short](/setup) [Gone](/docs/gone) [API](/api) [Tag](/api/#tag/users) [Based](/handbook/api) [News](/news/2024/v2) [None](/docs/nothing)\n',
      'docs/setup.md': '# Setup\n',
    };
    const graph = await configuredGraph(texts, [], { 'docusaurus.config.js': config });
    expect(configuredStatuses(graph)).toEqual([
      '/docs/old-setup resolved docs/setup.md',
      '/setup resolved docs/setup.md',
      '/docs/gone external ',
      '/api external ',
      '/api/ external ',
      '/handbook/api external ',
      '/news/2024/v2 external ',
      '/docs/nothing outside-root ',
    ]);
    const reasons = graph.edges.filter((edge) => edge.status === 'external').map((edge) => edge.reason);
    expect(reasons).toEqual([
      '`/docs/gone` is a route the site redirects to `/elsewhere`',
      "`/api` is a route the site's `redocusaurus` plugin serves",
      "`/api/` is a route the site's `redocusaurus` plugin serves",
      "`/handbook/api` is a route the site's `redocusaurus` plugin serves",
      "`/news/2024/v2` is a route the site's `@docusaurus/plugin-content-blog` plugin serves",
    ]);
  });

  it("reads each blog's posts from its folder at its route base, the preset's and a plugin's", async () => {
    const config = [
      'module.exports = {',
      "  presets: [['classic', { blog: { path: 'news', routeBasePath: 'updates' } }]],",
      "  plugins: [['@docusaurus/plugin-content-blog', { id: 'changelog', path: 'changelog', routeBasePath: '/releases/' }]],",
      '};',
    ].join('\n');
    const texts = {
      'docs/intro.md': '# Intro\n\n[Post](/updates/2024/01/02/launch) [List](/updates) [Release](/releases/v2) [Old base](/blog/2024/01/02/launch) [None](/releases/v3)\n',
      'news/2024-01-02-launch.md': '# Launch\n',
      'changelog/v2.md': '# Version 2\n',
      'blog/2024-01-02-launch.md': '# A folder the configuration does not name\n',
    };
    const graph = await configuredGraph(texts, [], { 'docusaurus.config.js': config });
    expect(configuredStatuses(graph)).toEqual([
      '/updates/2024/01/02/launch resolved news/2024-01-02-launch.md',
      '/updates resolved news',
      '/releases/v2 resolved changelog/v2.md',
      '/blog/2024/01/02/launch outside-root ',
      '/releases/v3 outside-root ',
    ]);
  });

  it('keeps the folders it guessed when the configuration is computed', async () => {
    const texts = { 'docs/a.md': '# A\n\n[B](/b) [With the base](/docs/b)\n', 'docs/b.md': '# B\n' };
    const graph = await configuredGraph(texts, [], { 'docusaurus.config.ts': 'export default async function createConfig() { return {}; }' });
    expect(configuredStatuses(graph)).toEqual(['/b resolved docs/b.md', '/docs/b resolved docs/b.md']);
  });
});

describe('an Astro configuration\'s redirects', () => {
  const config = [
    "import { defineConfig } from 'astro/config';",
    "import redirects from './redirects.js';",
    'export default defineConfig({',
    "  redirects: { ...redirects, '/reference/reporters': '/reference/cli/#reporter-flags', '/api/[version]/[...module]': { status: 308, destination: '/docs/[version]/api/[...module]' },",
    "    '/elsewhere': '/made-by-code', '/loop': '/loop-again', '/loop-again': '/loop' },",
    '});',
  ].join('\n');
  const texts = {
    'src/content/docs/linter.mdx': [
      '# Linter',
      '',
      '[Rule](/linter/rules/no-alert) [Reporters](/reference/reporters#reporter-flags) [API](/api/v3/effect/Schema)',
      '[Made by code](/elsewhere) [Loop](/loop) [Nowhere](/nowhere)',
      '',
    ].join('\n'),
    'src/content/docs/linter/rules/no-alert/javascript.mdx': '# noAlert\n',
    'src/content/docs/reference/cli.mdx': '# CLI\n\n## Reporter flags\n',
    'src/content/docs/docs/v3/api/effect/schema.md': '# Schema\n',
  };

  it('reach the page the redirect leads to, or the site\'s route when that is no page here', async () => {
    const graph = await configuredGraph(texts, [], { 'astro.config.mjs': config, 'redirects.js': "export default { '/linter/rules/no-alert': '/linter/rules/no-alert/javascript' };" });
    expect(configuredStatuses(graph)).toEqual([
      '/linter/rules/no-alert resolved src/content/docs/linter/rules/no-alert/javascript.mdx',
      '/reference/reporters resolved src/content/docs/reference/cli.mdx',
      '/api/v3/effect/Schema resolved src/content/docs/docs/v3/api/effect/schema.md',
      '/elsewhere external ',
      '/loop external ',
      '/nowhere outside-root ',
    ]);
  });

  it('are not read from a file beside the configuration that it does not import', async () => {
    const graph = await configuredGraph(texts, [], { 'astro.config.mjs': "export default { redirects: {} };", 'redirects.js': "export default { '/linter/rules/no-alert': '/linter/rules/no-alert/javascript' };" });
    expect(configuredStatuses(graph)[0]).toBe('/linter/rules/no-alert outside-root ');
  });
});

describe('an Astro site whose Markdown plugins take `.md` off its links', () => {
  const texts = {
    'src/content/docs/bff/options.md': [
      '# Options',
      '',
      '[Handlers](/bff/session/handlers.mdx) [Its section](/bff/session/handlers.mdx#login) [Licensing](/general/licensing.md)',
      '[As MDX](/bff/session/server.md) [A folder\'s index](/bff/isolation.md) [Nowhere](/bff/nowhere.md) [Beside](./session/handlers.mdx)',
      '',
    ].join('\n'),
    'src/content/docs/bff/session/handlers.mdx': '# Handlers\n\n## Login\n',
    'src/content/docs/bff/session/server.mdx': '# Server\n',
    'src/content/docs/bff/isolation/index.md': '# Isolation\n',
    'src/content/docs/general/licensing.md': '# Licensing\n',
  };

  it('reach the page a root-relative link names by its file, once the extension is off, where the configuration runs plugins', async () => {
    const config = "import strip from './src/plugins/strip.js';\nexport default defineConfig({ markdown: { processor: unified({ remarkPlugins: [strip] }) } });";
    expect(configuredStatuses(await configuredGraph(texts, [], { 'astro.config.mjs': config }))).toEqual([
      '/bff/session/handlers.mdx resolved src/content/docs/bff/session/handlers.mdx',
      '/bff/session/handlers.mdx resolved src/content/docs/bff/session/handlers.mdx',
      '/general/licensing.md resolved src/content/docs/general/licensing.md',
      '/bff/session/server.md resolved src/content/docs/bff/session/server.mdx',
      '/bff/isolation.md resolved src/content/docs/bff/isolation/index.md',
      '/bff/nowhere.md outside-root ',
      './session/handlers.mdx resolved src/content/docs/bff/session/handlers.mdx',
    ]);
    expect(configuredStatuses(await configuredGraph(texts, [], { 'astro.config.mjs': 'export default { markdown: { rehypePlugins: [rehypeSlug] } };' }))[0]).toBe(
      '/bff/session/handlers.mdx resolved src/content/docs/bff/session/handlers.mdx',
    );
  });

  it('reach nothing where the configuration runs no plugin of its own, as Astro keeps the extension', async () => {
    const statuses = configuredStatuses(await configuredGraph(texts, [], { 'astro.config.mjs': "export default defineConfig({ integrations: [starlight({ title: 'Docs' })] });" }));
    expect(statuses.slice(0, 5)).toEqual([
      '/bff/session/handlers.mdx outside-root ',
      '/bff/session/handlers.mdx outside-root ',
      '/general/licensing.md outside-root ',
      '/bff/session/server.md outside-root ',
      '/bff/isolation.md outside-root ',
    ]);
  });
});

describe('a Starlight site whose default locale has a folder of its own', () => {
  const texts = {
    'src/content/docs/en/guides/styling.mdx': '# Styling\n',
    'src/content/docs/en/guides/routing.mdx': '# Routing\n',
    'src/content/docs/ja/basics/components.mdx': '# Components\n\n[Styling](/ja/guides/styling/) [Routing](/ja/guides/routing/) [Nowhere](/ja/guides/nowhere/)\n',
    'src/content/docs/ja/guides/routing.mdx': '# ルーティング\n',
  };
  const config = "import starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({ title: 'Docs', defaultLocale: 'en', locales: { en: { label: 'English' }, ja: { label: '日本語' } } })] });";

  it('reach the default locale\'s page at another locale\'s route until it is translated, as Starlight shows it', async () => {
    const graph = await configuredGraph(texts, [], { 'astro.config.mjs': config });
    expect(configuredStatuses(graph)).toEqual([
      '/ja/guides/styling/ resolved src/content/docs/en/guides/styling.mdx',
      '/ja/guides/routing/ resolved src/content/docs/ja/guides/routing.mdx',
      '/ja/guides/nowhere/ outside-root ',
    ]);
  });

  it('reach no other locale\'s page where the configuration sets no such default', async () => {
    const graph = await configuredGraph(texts, [], { 'astro.config.mjs': "export default defineConfig({ integrations: [starlight({ title: 'Docs' })] });" });
    expect(configuredStatuses(graph)[0]).toBe('/ja/guides/styling/ outside-root ');
  });
});

describe('an Astro site served under the `base` its configuration sets', () => {
  const texts = {
    'docs/src/content/docs/guides/agents.mdx': '# Agents\n\n[Tools](/agents-sdk/guides/tools) [Its section](/agents-sdk/guides/tools/#hosted) [Home](/agents-sdk/) [Logo](/agents-sdk/img/logo.svg) [Nowhere](/agents-sdk/guides/nowhere)\n',
    'docs/src/content/docs/guides/tools.mdx': '# Tools\n\n## Hosted\n',
    'docs/src/content/docs/index.mdx': '# Home\n',
  };

  it('reach the page below the base, as Astro writes no base into a page\'s links', async () => {
    const graph = await configuredGraph(texts, ['docs/public/img/logo.svg'], { 'docs/astro.config.mjs': "export default defineConfig({ site: 'https://example.github.io', base: 'agents-sdk', integrations: [starlight({ title: 'SDK' })] });" });
    expect(configuredStatuses(graph)).toEqual([
      '/agents-sdk/guides/tools resolved docs/src/content/docs/guides/tools.mdx',
      '/agents-sdk/guides/tools/ resolved docs/src/content/docs/guides/tools.mdx',
      '/agents-sdk/ resolved docs/src/content/docs/index.mdx',
      '/agents-sdk/img/logo.svg resolved docs/public/img/logo.svg',
      '/agents-sdk/guides/nowhere outside-root ',
    ]);
  });

  it('reach a page whose route starts as the base does, with the base or as written without it', async () => {
    const texts = {
      'src/content/docs/docs/intro.mdx': '# Intro\n\n[Itself under the base](/docs/docs/intro) [As written](/docs/intro) [Nowhere](/docs/nowhere)\n',
    };
    const graph = await configuredGraph(texts, [], { 'astro.config.mjs': "export default defineConfig({ base: '/docs/', integrations: [starlight({ title: 'Docs' })] });" });
    expect(configuredStatuses(graph)).toEqual([
      '/docs/docs/intro resolved src/content/docs/docs/intro.mdx',
      '/docs/intro resolved src/content/docs/docs/intro.mdx',
      '/docs/nowhere outside-root ',
    ]);
  });

  it('reach nothing under a base the configuration does not set', async () => {
    const graph = await configuredGraph(texts, ['docs/public/img/logo.svg'], { 'docs/astro.config.mjs': "export default defineConfig({ base: process.env.BASE ?? '/', integrations: [starlight({ title: 'SDK' })] });" });
    expect(configuredStatuses(graph)[0]).toBe('/agents-sdk/guides/tools outside-root ');
  });
});

describe('the pages TypeDoc writes into a site', () => {
  const page = '# Models\n\n[Providers](/reference/core/providers) [Its type](/reference/core/types#session) [Guide](/guides/setup) [Gone](/guides/gone)\n';
  const texts = { 'docs/pages/concepts/models.mdx': page, 'docs/pages/guides/setup.mdx': '# Setup\n' };
  const site = ['docs/next.config.js', 'docs/pages/_app.tsx'];

  it('are the reference\'s, under the `out` its configuration sets for Markdown pages', async () => {
    const config = "module.exports = { entryPoints: require('fs').readdirSync('../packages'), out: 'pages/reference', plugin: ['typedoc-plugin-markdown', require.resolve('./theme.js')] };";
    const graph = await configuredGraph(texts, site, { 'docs/typedoc.config.cjs': config });
    expect(configuredStatuses(graph)).toEqual([
      '/reference/core/providers external ',
      '/reference/core/types external ',
      '/guides/setup resolved docs/pages/guides/setup.mdx',
      '/guides/gone outside-root ',
    ]);
    expect(graph.edges.find((edge) => edge.status === 'external')?.reason).toBe("`/reference/core/providers` is a route the site's `typedoc` plugin serves");
  });

  it('are under the route base of a Docusaurus site\'s docs, from a `typedoc.json`', async () => {
    const texts = { 'docs/intro.md': '# Intro\n\n[Client](/docs/api/classes/Client) [Elsewhere](/api/classes/Client)\n' };
    const graph = await configuredGraph(texts, [], {
      'docusaurus.config.js': "module.exports = { presets: [['classic', { docs: { routeBasePath: 'docs' } }]] };",
      'typedoc.json': '{ "out": "docs/api/", "plugin": "typedoc-plugin-markdown" }',
    });
    expect(configuredStatuses(graph)).toEqual(['/docs/api/classes/Client external ', '/api/classes/Client outside-root ']);
  });

  it('are none where TypeDoc writes HTML, or outside the repository', async () => {
    for (const config of ["module.exports = { out: 'pages/reference' };", "module.exports = { out: '../../reference', plugin: ['typedoc-plugin-markdown'] };"]) {
      const graph = await configuredGraph(texts, site, { 'docs/typedoc.config.cjs': config });
      expect(configuredStatuses(graph)[0]).toBe('/reference/core/providers outside-root ');
    }
  });
});

describe("the routes a Starlight site's plugins add", () => {
  const config = [
    "import starlight from '@astrojs/starlight';",
    "import starlightLlmsTxt from 'starlight-llms-txt';",
    "import openAPI from 'starlight-openapi';",
    'const withReference = true;',
    'export default defineConfig({',
    "  base: '/chain',",
    '  integrations: [starlight({',
    "    title: 'Chain',",
    "    locales: { root: { label: 'English', lang: 'en' }, zh: { label: '简体中文', lang: 'zh-CN' } },",
    "    plugins: [starlightLlmsTxt({ customSets: [{ label: 'Nodes', paths: ['nodes/**'] }] }), ...(withReference ? [openAPI([{ base: 'REST API/v1', schema: './public/spec.json' }])] : [])],",
    '  })],',
    '});',
  ].join('\n');
  const page = '# AI\n\n[Index](/llms.txt) [Whole](/chain/llms-full.txt) [Small](/llms-small.txt) [Set](/_llms-txt/nodes.txt) [Reference](/rest-api/v1) [View](/rest-api/v1/operations/view) [Chinese](/zh/rest-api/v1) [Other](/rest-api/v2) [None](/llms-tiny.txt)\n';

  it('are the plugins\' own: starlight-llms-txt\'s files and starlight-openapi\'s pages under its slugged base, in no locale', async () => {
    const graph = await configuredGraph({ 'src/content/docs/ai.mdx': page }, ['public/spec.json'], { 'astro.config.mjs': config });
    expect(configuredStatuses(graph)).toEqual([
      '/llms.txt external ',
      '/chain/llms-full.txt external ',
      '/llms-small.txt external ',
      '/_llms-txt/nodes.txt external ',
      '/rest-api/v1 external ',
      '/rest-api/v1/operations/view external ',
      '/zh/rest-api/v1 outside-root ',
      '/rest-api/v2 outside-root ',
      '/llms-tiny.txt outside-root ',
    ]);
    const reasons = graph.edges.filter((edge) => edge.status === 'external').map((edge) => edge.reason);
    expect(reasons[0]).toBe("`/llms.txt` is a route the site's `starlight-llms-txt` plugin serves");
    expect(reasons[4]).toBe("`/rest-api/v1` is a route the site's `starlight-openapi` plugin serves");
  });

  it('are none where the plugins are not in the configuration, or are behind a flag it does not write', async () => {
    const unset = config.replace('const withReference = true;', 'const withReference = process.env.REFERENCE === "1";').replace('starlightLlmsTxt({', 'other({');
    const graph = await configuredGraph({ 'src/content/docs/ai.mdx': page }, ['public/spec.json'], { 'astro.config.mjs': unset });
    expect(configuredStatuses(graph).filter((status) => status.includes(' external '))).toEqual([]);
  });
});

describe('an Astro site\'s own routes over its content collection', () => {
  it('reach a page of the collection under the dynamic page\'s folder', () => {
    const texts = {
      'src/content/docs/v3/data-types/option.mdx': '# Option\n\n[Either](/docs/v3/data-types/either/) [Nowhere](/docs/v3/data-types/nowhere/)\n',
      'src/content/docs/v3/data-types/either.mdx': '# Either\n',
    };
    const files = ['astro.config.mjs', 'src/pages/docs/[version]/[...slug].astro', 'src/pages/blog/[...slug].astro'];
    expect(statuses(texts, files)).toEqual([
      '/docs/v3/data-types/either/ resolved src/content/docs/v3/data-types/either.mdx',
      '/docs/v3/data-types/nowhere/ outside-root ',
    ]);
    expect(statuses(texts, ['astro.config.mjs', 'src/pages/blog/[...slug].astro'])[0]).toBe('/docs/v3/data-types/either/ outside-root ');
  });
});

describe('a site built by Hugging Face\'s doc-builder', () => {
  const texts = {
    'docs/source/en/index.md': '# Home\n\n[Tools](tutorials/tools) [Secure](./tutorials/secure_code_execution)\n',
    'docs/source/en/examples/rag.md': '# RAG\n\n[Tools](../tutorials/tools) [Its section](../tutorials/tools#hosted) [Nowhere](../tutorials/nowhere)\n',
    'docs/source/en/tutorials/tools.md': '# Tools\n\n## Hosted\n',
    'docs/source/en/tutorials/secure_code_execution.md': '# Secure\n',
  };

  it('reach the page a route names, read from the linking page, in each language\'s folder holding `_toctree.yml`', () => {
    expect(statuses(texts, ['docs/source/en/_toctree.yml'])).toEqual([
      '../tutorials/tools resolved docs/source/en/tutorials/tools.md',
      '../tutorials/tools resolved docs/source/en/tutorials/tools.md',
      '../tutorials/nowhere missing-document ',
      'tutorials/tools resolved docs/source/en/tutorials/tools.md',
      './tutorials/secure_code_execution resolved docs/source/en/tutorials/secure_code_execution.md',
    ]);
  });

  it('reach nothing by route without the table of contents', () => {
    expect(statuses(texts, [])).toContain('tutorials/tools missing-document ');
  });
});

describe('a Terraform provider\'s documentation, published by the Terraform Registry', () => {
  const texts = {
    'docs/guides/dashboards.md': '# Dashboards\n\n[Dashboard](../resources/dashboard) [Its example](../resources/dashboard#example-usage) [Operations](./operations) [Nowhere](../resources/nowhere)\n',
    'docs/guides/operations.md': '# Operations\n',
    'docs/resources/dashboard.md': '# dashboard (Resource)\n\n## Example Usage\n',
  };

  it('reach the page a route names, read from the linking page, in `docs/` beside the registry manifest', () => {
    expect(statuses(texts, ['terraform-registry-manifest.json'])).toEqual([
      '../resources/dashboard resolved docs/resources/dashboard.md',
      '../resources/dashboard resolved docs/resources/dashboard.md',
      './operations resolved docs/guides/operations.md',
      '../resources/nowhere missing-document ',
    ]);
  });

  it('reach the same pages beside the templates tfplugindocs writes them from', () => {
    expect(statuses(texts, ['templates/resources/dashboard.md.tmpl'])[0]).toBe('../resources/dashboard resolved docs/resources/dashboard.md');
  });

  it('reach nothing by route without the manifest or the templates, or with templates beside no provider\'s docs', () => {
    expect(statuses(texts, [])).toContain('../resources/dashboard missing-document ');
    const elsewhere = { 'docs/guide/setup.md': '# Setup\n\n[Install](./install)\n', 'docs/guide/install.md': '# Install\n' };
    expect(statuses(elsewhere, ['templates/email.md.tmpl'])).toEqual(['./install missing-document ']);
  });
});
