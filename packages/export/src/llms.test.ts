import { KnowledgeGraph, loadGraph, readDocument, summarizeModel } from '@capsule-docs/graph';
import { parseCapsuleDocument } from 'remark-capsules';
import { describe, expect, it } from 'vitest';
import { fixtureGraph, fixtureRoot } from './__fixtures__/load.js';
import { rolloutFiles } from './__fixtures__/rollout.js';
import { renderAgents } from './agents.js';
import { describeCorpus } from './corpus-info.js';
import { ExportError } from './errors.js';
import { exportCorpus, exportFormats, needsWholeModels } from './export.js';
import { renderLlmsFull } from './llms-full.js';
import { renderLlmsTxt } from './llms-txt.js';
import { knowledgeCapsules } from './knowledge.js';
import { siteUrls } from './site-urls.js';

const graph = await fixtureGraph();
const info = { title: 'Fixture Corpus', summary: 'Capsules the tests share.' };

function memoryGraph(files: Record<string, string>): KnowledgeGraph {
  return new KnowledgeGraph({ documents: Object.entries(files).map(([path, text]) => readDocument(path, new TextEncoder().encode(text))) });
}

/** The llms.txt shape: title, summary, a note on capsules where there are any, then sections of link lines. */
function parseLlmsTxt(text: string) {
  const lines = text.split('\n');
  const sections: Record<string, { name: string; url: string; description: string | undefined }[]> = {};
  let current: string | undefined;
  const hasNote = !lines[4]?.startsWith('## ');
  for (const line of lines.slice(hasNote ? 5 : 4)) {
    if (line === '') continue;
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      current = heading[1]!;
      sections[current] = [];
      continue;
    }
    const link = /^- \[((?:[^\]\\]|\\.)+)\]\(([^\s()]+)\)(?:: (.+))?$/.exec(line);
    expect(link, `a link line: ${line}`).not.toBeNull();
    expect(current).toBeDefined();
    sections[current!]!.push({ name: link![1]!, url: link![2]!, description: link![3] });
  }
  return { title: lines[0], blank: lines[1], summary: lines[2], note: hasNote ? lines[4] : undefined, sections };
}

describe('llms.txt', () => {
  const text = renderLlmsTxt(graph, info);
  const parsed = parseLlmsTxt(text);

  it('opens with an H1 title, a blockquote summary and a note, then H2 sections of links', () => {
    expect(parsed.title).toBe('# Fixture Corpus');
    expect(parsed.blank).toBe('');
    expect(parsed.summary).toBe('> Capsules the tests share.');
    expect(parsed.note).toMatch(/^Each capsule is one named idea/);
    expect(Object.keys(parsed.sections)).toEqual(['Documents', 'Capsules', 'Optional']);
  });

  it('speaks of documents only, with no note on capsules, for a folder of plain documents', () => {
    const plain = memoryGraph({ 'README.md': '# Runbooks\n\nHow we run things.\n', 'restart.md': '# Restart\n' });
    const text = renderLlmsTxt(plain, describeCorpus(plain, { rootName: 'runbooks' }));
    expect(text).toBe('# Runbooks\n\n> A knowledge base of 2 documents.\n\n## Documents\n\n- [Runbooks](README.md)\n- [Restart](restart.md)\n');
  });

  it('cuts a title that runs on at a word, with an ellipsis, and keeps a short one whole', () => {
    const words = 'word '.repeat(360_000);
    const exact = 'x'.repeat(99) + '\u{1F468}\u200D\u{1F469}';
    const files = { 'huge.md': `# ${words}\n`, 'unbroken.md': `# ${'y'.repeat(500)}\n`, 'exact.md': `# ${exact}\n`, 'short.md': '# Short title\n' };
    const plain = memoryGraph(files);
    const { sections } = parseLlmsTxt(renderLlmsTxt(plain, describeCorpus(plain, { rootName: 'r' })));
    const names = Object.fromEntries(sections['Documents']!.map((entry) => [entry.url, entry.name]));
    // Twenty whole words of five characters fill 99 characters; the cut falls after the 20th.
    expect(names['huge.md']).toBe(`${'word '.repeat(19)}word…`);
    expect(names['unbroken.md']).toBe(`${'y'.repeat(100)}…`);
    // One hundred characters as a reader counts them, the last an emoji of three code points: whole.
    expect(names['exact.md']).toBe(exact);
    expect(names['short.md']).toBe('Short title');
  });

  it('lists documents with their descriptions and capsules with their invariants', () => {
    expect(parsed.sections['Documents']).toEqual([
      { name: 'Hostile Text', url: 'hostile.md', description: 'Capsules whose text looks like the framing of every export format' },
      { name: 'Running Changes', url: 'ops/running.md', description: 'Running changes safely, one verified step at a time' },
      { name: 'Planning', url: 'planning.md', description: 'How work is planned, from the first idea to a checked plan' },
      { name: 'Writing Capsules', url: 'writing.md', description: 'How this team writes a capsule' },
    ]);
    // writing.md's QueueOwnership is a sample of the format, not a rule of this corpus.
    expect(parsed.sections['Capsules']!.map((entry) => entry.name)).toEqual(['HostileFraming', 'UnclosedFence', 'SmallSteps', 'TriedRollback', 'ProblemFirst', 'ReadBeforeChange', 'RiskNaming']);
    expect(parsed.sections['Capsules']).toContainEqual({ name: 'RiskNaming', url: 'planning.md#capsule-risknaming', description: 'Name what could go wrong before the first step is taken.' });
  });

  it('puts material written for people only under Optional', () => {
    expect(parsed.sections['Optional']!.map((entry) => entry.name)).toEqual(['Working Together', 'BlamelessReview']);
  });

  it('links capsules to the anchor of their heading', () => {
    for (const entry of parsed.sections['Capsules']!) {
      const [path, anchor] = entry.url.split('#');
      const document = graph.document(path!)!;
      expect(document.model.headings.map((heading) => heading.slug)).toContain(anchor);
    }
  });

  it('links to the published site under a base URL', () => {
    const site = parseLlmsTxt(renderLlmsTxt(graph, { ...info, baseUrl: 'https://example.org/docs' }));
    expect(site.sections['Documents']!.map((entry) => entry.url)).toEqual([
      'https://example.org/docs/hostile/',
      'https://example.org/docs/ops/running/',
      'https://example.org/docs/planning/',
      'https://example.org/docs/writing/',
    ]);
    expect(site.sections['Capsules']![0]!.url).toBe('https://example.org/docs/capsules/HostileFraming/');
    expect(() => renderLlmsTxt(graph, { ...info, baseUrl: 'docs/' })).toThrow(ExportError);
    expect(() => renderLlmsTxt(graph, { ...info, baseUrl: 'ftp://example.org/' })).toThrow(/not an http or https address/);
  });

  it('links each document where the site serves it: folder index pages, slugged and reserved paths, the home page', () => {
    const capsule = (name: string) => `# ${name} notes\n\n### Capsule: ${name}\n\n**Invariant**\nIt holds.\n`;
    const corpus = memoryGraph({
      'guide.md': capsule('GuideRule'),
      'area/index.md': capsule('AreaRule'),
      'Folder Name/Read Me.md': capsule('ReadRule'),
      'graph.md': capsule('GraphRule'),
      'binary.md': 'a\0b',
    });
    const site = siteUrls({
      base: '/docs/',
      documents: ['Folder Name/Read Me.md', 'area/index.md', 'graph.md', 'guide.md'],
      home: 'guide.md',
      capsules: corpus.names(),
      tags: [],
      categories: [],
    });
    const links = parseLlmsTxt(renderLlmsTxt(corpus, { ...info, baseUrl: 'https://example.org/docs/', home: 'guide.md' }));
    const urlOf = (path: string) => links.sections['Documents']!.find((entry) => entry.url.includes(path))?.url;
    expect(links.sections['Documents']!.map((entry) => entry.url)).toEqual([
      'https://example.org/docs/folder-name/read-me/',
      'https://example.org/docs/area/',
      'https://example.org/docs/graph-2/',
      'https://example.org/docs/',
    ]);
    for (const path of ['Folder Name/Read Me.md', 'area/index.md', 'graph.md', 'guide.md']) {
      expect(links.sections['Documents']!.map((entry) => new URL(entry.url).pathname)).toContain(site.document(path));
    }
    // The site publishes no page for a file the reader refused, so none is linked.
    expect(urlOf('binary')).toBeUndefined();
  });

  it('names a page without a heading by its frontmatter title, as its site shows it, and one with neither by its path', () => {
    const site = memoryGraph({
      'guides/setup.md': '---\ntitle: Setting   up\ndescription: Install it.\n---\nRun the installer.\n',
      'heading.md': '---\ntitle: Not this\n---\n# The heading\n',
      '.github/ISSUE_TEMPLATE/bug.md': "---\nname: Bug\ntitle: 'Crash when '\n---\nWhat happened?\n",
      'labels.md': "---\ntitle: '[BUG] '\n---\nA label alone.\n",
    });
    const names = parseLlmsTxt(renderLlmsTxt(site, info)).sections['Documents']!.map((entry) => entry.name);
    expect(names).toEqual(['.github/ISSUE_TEMPLATE/bug.md', 'Setting up', 'The heading', 'labels.md']);
  });

  it('names an MkDocs page with no title of its own by the one its site\'s nav gives it, else as MkDocs does from its file name', () => {
    const documents = [readDocument('docs/icons.md', new TextEncoder().encode('Icons as they are shown.\n')), readDocument('docs/other.md', new TextEncoder().encode('Other.\n'))];
    const siteConfigs = new Map([['mkdocs.yml', { site_name: 'Operator', nav: [{ 'Operator Manual': [{ 'Custom Resource Icons': 'icons.md' }] }] }]]);
    const mkdocs = new KnowledgeGraph({ documents, files: ['mkdocs.yml'], siteConfigs });
    expect(parseLlmsTxt(renderLlmsTxt(mkdocs, info)).sections['Documents']!.map((entry) => entry.name)).toEqual(['Custom Resource Icons', 'Other']);
  });

  it('keeps awkward titles and paths inside their link', () => {
    const awkward = memoryGraph({
      'my notes/a (draft).md': '---\ndescription: "Line one\n  line two"\n---\n# Brackets [like] these\n',
    });
    const entry = parseLlmsTxt(renderLlmsTxt(awkward, info)).sections['Documents']![0]!;
    expect(entry).toEqual({ name: 'Brackets \\[like&#93; these', url: 'my%20notes/a%20%28draft%29.md', description: 'Line one line two' });
  });

  it('is the same from the models\' cross-file summaries as from whole models, which is how the command and the site load them', async () => {
    const summarized = (await loadGraph({ root: fixtureRoot, summarize: true })).graph;
    expect(needsWholeModels('llms-txt')).toBe(false);
    const site = { ...info, baseUrl: 'https://example.org/docs/', home: 'planning.md' };
    expect(renderLlmsTxt(summarized, info)).toBe(renderLlmsTxt(graph, info));
    expect(renderLlmsTxt(summarized, site)).toBe(renderLlmsTxt(graph, site));
    // An invariant written on the label's line, one followed by a list, a document with no title.
    const files = {
      'a.md': '# A notes\n\n### Capsule: Inline\n\n**Invariant**: Written   on the\nlabel line.\n',
      'b.md': '---\naudience: [humans]\n---\n### Capsule: Listed\n\n**Invariant**\nHolds when:\n\n- one\n- two\n',
    };
    const whole = memoryGraph(files);
    const summaries = new KnowledgeGraph({ documents: whole.documents.map((document) => ({ ...document, model: summarizeModel(document.model) })) });
    expect(renderLlmsTxt(summaries, site)).toBe(renderLlmsTxt(whole, site));
  });

  it('points the links of an invariant from where the file is read, as it does documents, from whole models and summaries alike', () => {
    const rollout = memoryGraph(rolloutFiles);
    const summaries = new KnowledgeGraph({ documents: rollout.documents.map((document) => ({ ...document, model: summarizeModel(document.model) })) });
    const invariant = (options: Parameters<typeof renderLlmsTxt>[1]) => {
      const entries = parseLlmsTxt(renderLlmsTxt(rollout, options)).sections['Capsules']!;
      expect(renderLlmsTxt(summaries, options)).toBe(renderLlmsTxt(rollout, options));
      return entries[0]!.description;
    };
    expect(invariant({ ...info, rootFromOutput: '' })).toBe('Roll out behind a flag; see [the runbook](docs/runbook.md#rollback) and [below](docs/ops/deploy.md#notes).');
    expect(invariant({ ...info, rootFromOutput: '..' })).toBe('Roll out behind a flag; see [the runbook](../docs/runbook.md#rollback) and [below](../docs/ops/deploy.md#notes).');
    expect(invariant({ ...info, baseUrl: 'https://example.org/' })).toBe(
      'Roll out behind a flag; see [the runbook](https://example.org/docs/runbook/#rollback) and [below](https://example.org/docs/ops/deploy/#notes).',
    );
  });
});

describe('llms-full', () => {
  const text = renderLlmsFull(graph, info);

  it('is the same from the models\' cross-file summaries as from whole models, which is how the command loads them', async () => {
    const summarized = (await loadGraph({ root: fixtureRoot, summarize: true })).graph;
    expect(needsWholeModels('llms-full')).toBe(false);
    expect(renderLlmsFull(summarized, info)).toBe(text);
    expect(renderLlmsFull(summarized, { ...info, baseUrl: 'https://example.org/docs/', home: 'planning.md' })).toBe(
      renderLlmsFull(graph, { ...info, baseUrl: 'https://example.org/docs/', home: 'planning.md' }),
    );
    const files = {
      'a.md': '# A notes\n\n````ts\nconst a = 1;\n```\n',
      'b.md': '---\ndescription: B in short\n---\n# B notes\n\nSee [A](a.md#a-notes) and [here](#b-notes).\n\n<div>\n<img src="b.png">\n</div>\n<!-- a note -->\n\n<!-- a comment never ended\n',
    };
    const whole = memoryGraph(files);
    const summaries = new KnowledgeGraph({ documents: whole.documents.map((document) => ({ ...document, model: summarizeModel(document.model) })) });
    expect(renderLlmsFull(summaries, { ...info, rootFromOutput: 'x' })).toBe(renderLlmsFull(whole, { ...info, rootFromOutput: 'x' }));
  });

  it('and llms.txt are the formats that read no capsule part, so the others load whole models', () => {
    expect(exportFormats.filter((format) => !needsWholeModels(format)).sort()).toEqual(['llms-full', 'llms-txt']);
  });

  it('gives a page titled by its frontmatter alone the heading its site shows, and a page with a heading no second one', () => {
    const files = {
      'blog/v10.md': "---\ntitle: 'Node 10.0.0 (Current)'\nlayout: blog-post\n---\n\nNode 10 is out.\n\n### Notable Changes\n",
      'guide.md': '---\ntitle: Not shown\n---\n# Guide\n\nText.\n',
      'notes.md': 'No title at all.\n',
      'posts/launch.md': '+++\ntitle = "Zola 1.0 launched"\npath = "2024/launch"\n+++\n\nZola is out.\n',
    };
    const full = renderLlmsFull(memoryGraph(files), info);
    expect(full).toContain('Source: [blog/v10.md](blog/v10.md)\n\n# Node 10.0.0 (Current)\n\nNode 10 is out.\n\n### Notable Changes\n');
    expect(full).toContain('Source: [guide.md](guide.md)\n\n# Guide\n\nText.\n');
    expect(full).not.toContain('Not shown');
    expect(full).toContain('Source: [notes.md](notes.md)\n\nNo title at all.\n');
    // TOML frontmatter, as Hugo and Zola write it, is left out as YAML is, and its `title` read.
    expect(full).toContain('Source: [posts/launch.md](posts/launch.md)\n\n# Zola 1.0 launched\n\nZola is out.\n');
    expect(full).not.toContain('+++');
    const summaries = new KnowledgeGraph({ documents: memoryGraph(files).documents.map((document) => ({ ...document, model: summarizeModel(document.model) })) });
    expect(renderLlmsFull(summaries, info)).toBe(full);
  });

  it('closes a fence or HTML block a document leaves open, so the documents after it stay outside', () => {
    const corpus = memoryGraph({
      'a.md': '# A notes\n\n````ts\nconst a = 1;\n```\n',
      'b.md': '# B notes\n\n<!-- a comment never ended\n',
      'c.md': '# C notes\n\nText.\n',
    });
    const joined = parseCapsuleDocument(renderLlmsFull(corpus, info), 'llms-full.txt');
    expect(joined.model.headings.map((heading) => heading.text)).toEqual(['Fixture Corpus', 'A notes', 'B notes', 'C notes']);
    expect(joined.model.unclosedBlock).toBeUndefined();
    const code = joined.tree.children.find((node) => node.type === 'code');
    expect(code?.type === 'code' && code.value).toBe('const a = 1;\n```');
    expect(joined.tree.children.filter((node) => node.type === 'html').map((node) => node.type === 'html' && node.value)).toEqual([
      '<!-- a comment never ended\n-->',
    ]);
  });

  it('holds every document after a rule, with its source, description and Markdown without frontmatter or HTML comments', () => {
    expect(text.startsWith('# Fixture Corpus\n\n> Capsules the tests share.\n\n---\n\nSource: [hostile.md](hostile.md)\n\n> Capsules whose text')).toBe(true);
    expect(text.match(/^---$/gm)).toHaveLength(graph.documents.length);
    expect(text).not.toMatch(/^description:/m);
    for (const document of graph.documents) {
      expect(text).toContain(`Source: [${document.path}](${document.path})`);
      const body = document.text.slice(document.model.frontmatter!.position.end.offset).trim();
      expect(text).toContain(body.replaceAll('<!-- an HTML comment -->', ''));
    }
  });

  it('links documents to the site under a base URL', () => {
    expect(renderLlmsFull(graph, { ...info, baseUrl: 'https://example.org/' })).toContain('Source: [ops/running.md](https://example.org/ops/running/)');
  });

  it('leaves out the HTML comments the site does not show, keeping paragraphs apart', () => {
    const commented = memoryGraph({
      'install.md': [
        '# Install',
        '',
        '<!-- markdownlint-disable MD026 -->',
        '## Why?',
        '<!-- markdownlint-enable MD026 -->',
        '',
        'Run the installer.',
        '<!-- ## Upgrading from 0.2',
        '',
        'See [the old page](old/upgrade.md). -->',
        'Then log in.',
        '',
        '```html',
        '<!-- kept: code shows it -->',
        '```',
        '',
        'Inline <!-- a note --> stays as written.',
        '',
      ].join('\n'),
    });
    const full = renderLlmsFull(commented, info);
    expect(full).not.toContain('markdownlint');
    expect(full).not.toContain('Upgrading from 0.2');
    expect(full).not.toContain('old/upgrade.md');
    expect(full).toContain('## Why?\n\n\nRun the installer.\n\nThen log in.');
    expect(full).toContain('```html\n<!-- kept: code shows it -->\n```');
    expect(full).toContain('Inline <!-- a note --> stays as written.');
    // Read again, the page has the blocks the site shows, in the same order.
    const body = full.slice(full.indexOf('# Install'));
    const shown = parseCapsuleDocument(body, 'install.md').model;
    expect(shown.comments).toBeUndefined();
    expect(commented.document('install.md')!.model.comments).toHaveLength(3);
  });

  it('leaves out the comments of an HTML block too, keeping its lines one block', () => {
    const badges = memoryGraph({
      'README.md': [
        '# Tool',
        '',
        '<div align="center">',
        '<!-- badges: start -->',
        '  <img src="logo.png" alt="logo"> <!-- the logo -->',
        '</div>',
        '<!-- badges: end -->',
        'Below the badges.',
        '',
        '<p>First</p>',
        '<!--',
        '  a note over lines',
        '-->',
        '<p>Last</p>',
        '',
        '<script>',
        '<!-- kept: a script is no HTML -->',
        '</script>',
        '',
      ].join('\n'),
    });
    const full = renderLlmsFull(badges, info);
    expect(full).toContain('# Tool\n\n<div align="center">\n  <img src="logo.png" alt="logo"> \n</div>\nBelow the badges.\n\n<p>First</p>\n<p>Last</p>\n\n<script>\n<!-- kept: a script is no HTML -->\n</script>\n');
    // Read again, the page has the blocks the site shows, in the same order.
    const shown = parseCapsuleDocument(full.slice(full.indexOf('# Tool')), 'README.md');
    expect(shown.tree.children.map((node) => node.type)).toEqual(['heading', 'html', 'html', 'html']);
  });

  describe('rebases the links inside documents', () => {
    const linking = memoryGraph({
      'guide/a.md': [
        '# Guide A',
        '',
        '## Top',
        '',
        'Read [B](../b.md#intro), [C](c.md "C\'s page"), [the top](#top), [a picture](./pics/p.png) and [the folder](../guide/).',
        'Also [spaced](<../my b.md>), [ref text][ref], [site](https://example.net/b.md), [root](/docs/x) and [mail](mailto:a@example.org).',
        'Written otherwise: [escaped](b\\_x.md), `[code](b.md)`.',
        'Shown: ![the flow](pics/flow.png).',
        '',
        '[ref]: ../b.md?plain=1#intro "B again"',
        '',
      ].join('\n'),
      'b.md': '# B\n\n## Intro\n\nBack to [A](guide/a.md#top).\n',
      'my b.md': '# My B\n',
      'guide/c.md': '# C\n',
    });
    const documentText = (output: string, path: string) => {
      const start = output.indexOf(`Source: [${path}]`);
      return output.slice(start, output.indexOf('\n---\n', start) === -1 ? undefined : output.indexOf('\n---\n', start));
    };

    it('relative to the corpus root when the output is read there, anchors and queries kept', () => {
      const a = documentText(renderLlmsFull(linking, info), 'guide/a.md');
      expect(a).toContain('Read [B](b.md#intro), [C](guide/c.md "C\'s page"), [the top](guide/a.md#top), [a picture](guide/pics/p.png) and [the folder](guide/).');
      expect(a).toContain('Also [spaced](<my%20b.md>), [ref text][ref], [site](https://example.net/b.md), [root](/docs/x) and [mail](mailto:a@example.org).');
      expect(a).toContain('Written otherwise: [escaped](b\\_x.md), `[code](b.md)`.');
      expect(a).toContain('Shown: ![the flow](guide/pics/flow.png).');
      expect(a).toContain('[ref]: b.md?plain=1#intro "B again"');
      expect(documentText(renderLlmsFull(linking, info), 'b.md')).toContain('Back to [A](guide/a.md#top).');
    });

    it('relative to the folder the output is read in, inside or outside the corpus root', () => {
      const output = renderLlmsFull(linking, { ...info, rootFromOutput: '../..' });
      expect(output).toContain('Source: [guide/a.md](../../guide/a.md)');
      const a = documentText(output, 'guide/a.md');
      expect(a).toContain('Read [B](../../b.md#intro), [C](../../guide/c.md "C\'s page"), [the top](../../guide/a.md#top), [a picture](../../guide/pics/p.png) and [the folder](../../guide/).');
      expect(a).toContain('[ref]: ../../b.md?plain=1#intro "B again"');
      expect(documentText(renderLlmsFull(linking, { ...info, rootFromOutput: 'content' }), 'guide/a.md')).toContain('Read [B](content/b.md#intro), [C](content/guide/c.md');
    });

    it('to the site pages with a base URL, and leaves external and absolute links alone', () => {
      const a = documentText(renderLlmsFull(linking, { ...info, baseUrl: 'https://example.org/docs/' }), 'guide/a.md');
      expect(a).toContain(
        'Read [B](https://example.org/docs/b/#intro), [C](https://example.org/docs/guide/c/ "C\'s page"), [the top](https://example.org/docs/guide/a/#top), [a picture](https://example.org/docs/guide/pics/p.png) and [the folder](https://example.org/docs/guide/).',
      );
      expect(a).toContain('Also [spaced](<https://example.org/docs/my-b/>), [ref text][ref], [site](https://example.net/b.md), [root](/docs/x) and [mail](mailto:a@example.org).');
      expect(a).toContain('[ref]: https://example.org/docs/b/?plain=1#intro "B again"');
    });

    it('a path from the top, read as the site reads it, to the file the check found, and leaves one it found nothing at', () => {
      // A Docusaurus site: `/reference.md` is a doc's file from the docs folder, `/intro` a doc's route.
      const texts = {
        'docs/guide.md': '# Guide\n\nSee [the reference](/reference.md#flags), [the intro](/intro) and [nowhere](/none.md).\n',
        'docs/reference.md': '# Reference\n\n## Flags\n',
        'docs/intro.md': '# Intro\n',
      };
      const rooted = new KnowledgeGraph({ documents: Object.entries(texts).map(([path, text]) => readDocument(path, new TextEncoder().encode(text))), files: ['docusaurus.config.js'] });
      const guide = (options: typeof info) => documentText(renderLlmsFull(rooted, options), 'docs/guide.md');
      expect(guide({ ...info, rootFromOutput: '../..' })).toContain('See [the reference](../../docs/reference.md#flags), [the intro](../../docs/intro.md) and [nowhere](/none.md).');
      expect(guide({ ...info, baseUrl: 'https://example.org/' })).toContain('See [the reference](https://example.org/docs/reference/#flags), [the intro](https://example.org/docs/intro/) and [nowhere](/none.md).');
    });

    it('to the file the check found a link to lead to, where its path alone leads nowhere', () => {
      const skill = memoryGraph({
        'skills/pdf/SKILL.md': '# PDF\n',
        'skills/pdf/references/guide.md': '# Guide\n\nSee [the API](references/api.md).\n',
        'skills/pdf/references/api.md': '# API\n',
      });
      // A skill's files name each other from the skill's folder, as the Agent Skills format writes them.
      expect(documentText(renderLlmsFull(skill, info), 'skills/pdf/references/guide.md')).toContain('See [the API](skills/pdf/references/api.md).');
    });

    it("leaves a template's blank as written, which no folder of the corpus fills in", () => {
      const skill = memoryGraph({
        'skills/audit/SKILL.md': '# Audit\n\nFirst read [{baseDir}/references/model.md]({baseDir}/references/model.md), then [the app]({{app}}/README.md) and [a near file](references/model.md).\n',
        'skills/audit/references/model.md': '# Model\n',
      });
      for (const options of [info, { ...info, baseUrl: 'https://example.org/' }]) {
        const audit = documentText(renderLlmsFull(skill, options), 'skills/audit/SKILL.md');
        expect(audit).toContain('First read [{baseDir}/references/model.md]({baseDir}/references/model.md), then [the app]({{app}}/README.md) and [a near file](');
        expect(audit).not.toContain('%7B');
      }
      expect(documentText(renderLlmsFull(skill, info), 'skills/audit/SKILL.md')).toContain('[a near file](skills/audit/references/model.md)');
    });

    it('points the addresses of HTML as it does Markdown links, leaving external, absolute, entity-written and code ones', () => {
      const html = memoryGraph({
        'docs/sub/page.md': [
          '# Page',
          '',
          '<div align="center">',
          '  <img src="../img/logo.png" alt="logo" width=80>',
          '  <a href="other.md#x">Other</a> <a href=other.md>bare</a> <a href="#top">top</a>',
          '</div>',
          '',
          '> <video controls>',
          '>   <source src="media/clip.mp4" type="video/mp4">',
          '> </video>',
          '',
          '<p>Inline <img src=\'pic.png\'> and <a href="https://example.org/">ext</a>, <a href="/abs">abs</a>, <a href="a.md?x=1&amp;y=2">entity</a>, <a data-src="x.png" href="">empty</a></p>',
          '',
          'Text <img src="pic.png"> and `<img src="code.png">` and <!-- <img src="noted.png"> -->.',
          '',
          '```html',
          '<img src="fenced.png">',
          '```',
          '',
        ].join('\n'),
        'docs/sub/other.md': '# Other\n\n## X\n',
      });
      const page = documentText(renderLlmsFull(html, { ...info, rootFromOutput: 'out' }), 'docs/sub/page.md');
      expect(page).toContain('  <img src="out/docs/img/logo.png" alt="logo" width=80>\n  <a href="out/docs/sub/other.md#x">Other</a> <a href=out/docs/sub/other.md>bare</a> <a href="out/docs/sub/page.md#top">top</a>');
      expect(page).toContain('>   <source src="out/docs/sub/media/clip.mp4" type="video/mp4">');
      expect(page).toContain('<p>Inline <img src=\'out/docs/sub/pic.png\'> and <a href="https://example.org/">ext</a>, <a href="/abs">abs</a>, <a href="a.md?x=1&amp;y=2">entity</a>, <a data-src="x.png" href="">empty</a></p>');
      expect(page).toContain('Text <img src="out/docs/sub/pic.png"> and `<img src="code.png">` and <!-- <img src="noted.png"> -->.');
      expect(page).toContain('<img src="fenced.png">');
      const site = documentText(renderLlmsFull(html, { ...info, baseUrl: 'https://example.org/docs/' }), 'docs/sub/page.md');
      expect(site).toContain('  <img src="https://example.org/docs/docs/img/logo.png" alt="logo" width=80>\n  <a href="https://example.org/docs/docs/sub/other/#x">Other</a>');
    });

    it('points a link and the HTML inside its text both, the inner address coming first', () => {
      const nested = memoryGraph({ 'docs/sub/page.md': '# Page\n\n[<img src="../img/logo.png">](other.md) after\n', 'docs/sub/other.md': '# Other\n' });
      const page = documentText(renderLlmsFull(nested, { ...info, rootFromOutput: 'out' }), 'docs/sub/page.md');
      expect(page).toContain('[<img src="out/docs/img/logo.png">](out/docs/sub/other.md) after');
    });

    it('points every address of a long page of thousands of links, each costing no more than the first', () => {
      const rows = Array.from({ length: 5_000 }, (_, index) => `<tr><td><a href="p${index}.md">${index}</a></td></tr>`);
      const items = Array.from({ length: 5_000 }, (_, index) => `- [${index}](q${index}.md)`);
      const log = Array.from({ length: 12_000 }, (_, index) => `line ${index} of a long log kept in the page`).join('\n');
      let started = performance.now();
      const page = memoryGraph({ 'docs/links.md': `# Links\n\n<table>\n${rows.join('\n')}\n</table>\n\n${items.join('\n')}\n\n\`\`\`text\n${log}\n\`\`\`\n` });
      const parsing = performance.now() - started;
      started = performance.now();
      const text = documentText(renderLlmsFull(page, { ...info, rootFromOutput: 'out' }), 'docs/links.md');
      const rendering = performance.now() - started;
      expect(text.match(/href="out\/docs\/p\d+\.md"/g)).toHaveLength(5_000);
      expect(text.match(/\]\(out\/docs\/q\d+\.md\)/g)).toHaveLength(5_000);
      expect(text).toContain('<tr><td><a href="out/docs/p4999.md">4999</a></td></tr>\n</table>\n\n- [0](out/docs/q0.md)\n');
      // Measured against the parse of the same page in the same run, so a busy machine slows
      // both: rewriting the whole text once for each link, as this once did, took several
      // times the parse; once for all of them takes a small part of it.
      expect(rendering).toBeLessThan(parsing);
    });

    it('still parses to the same link texts and as many links', () => {
      const before = linking.document('guide/a.md')!.model.links.map((found) => found.text);
      const after = parseCapsuleDocument(documentText(renderLlmsFull(linking, { ...info, rootFromOutput: 'x y' }), 'guide/a.md'), 'a.md').model.links;
      expect(after.map((found) => found.text).slice(1)).toEqual(before);
    });
  });
});

describe('agents file', () => {
  const text = renderAgents(graph, info);

  it('lists the invariants by document, with each document\'s checklist', () => {
    expect(text).toContain('## Planning\n\nSource: `planning.md`\n\n- **ProblemFirst**: State the problem and the outcome before any solution.\n- **ReadBeforeChange**: Read the code that exists before proposing a change to it.\n- **RiskNaming**: Name what could go wrong before the first step is taken.\n\n**Checklist**\n\n- [ ] The problem is stated without a solution (ProblemFirst)\n- [ ] The existing code was read first (ReadBeforeChange)\n- [x] Risks are named (RiskNaming)\n');
    expect(text.match(/^## .+$/gm)).toEqual(['## Hostile Text', '## Running Changes', '## Working Together', '## Planning']);
  });

  it('leaves examples and depth out', () => {
    expect(text).not.toContain('grep -rn');
    expect(text).not.toContain('SeeAlso');
  });

  it('is refused over a corpus with no invariant or checklist, which would leave only its preamble', () => {
    const notes = memoryGraph({ 'notes.md': '# Notes\n\nNo capsule here.\n' });
    expect(() => renderAgents(notes, info)).toThrow(ExportError);
    expect(() => renderAgents(notes, info)).toThrow('The corpus has no capsule invariants or checklists');
  });

  it('says nothing of invariants over a corpus whose documents hold checklists and no capsule', () => {
    const checklists = renderAgents(memoryGraph({ 'release.md': '# Release\n\n## Checklist\n\n- [ ] Tag the commit\n' }), info);
    expect(checklists).not.toContain('invariant');
    expect(checklists).toContain('Checklists say what to verify before calling work done.');
    expect(checklists).toContain('## Release\n\nSource: `release.md`\n\n**Checklist**\n\n- [ ] Tag the commit\n');
  });

  it('gives a checklist item as written, its code spans and links kept and its links pointed from the file', () => {
    const release = memoryGraph({
      'docs/release.md': [
        '# Release',
        '',
        '- [ ] Check for a `Centre()` call → `<centered>1</centered>`',
        '- [x] Read the [contributing guide](../CONTRIBUTING.md) and run `pnpm test`',
        '- [ ] Keep `a_b` and `*` as they are,',
        '  even on a second line',
        '  - [ ] a nested step',
        '',
      ].join('\n'),
      'CONTRIBUTING.md': '# Contributing\n',
    });
    const text = renderAgents(release, { ...info, rootFromOutput: '' });
    expect(text).toContain(
      [
        '- [ ] Check for a `Centre()` call → `<centered>1</centered>`',
        '- [x] Read the [contributing guide](CONTRIBUTING.md) and run `pnpm test`',
        '- [ ] Keep `a_b` and `*` as they are, even on a second line',
        '- [ ] a nested step',
      ].join('\n'),
    );
  });

  it('points the links of an invariant from the file, as it does those of checklist items', () => {
    const text = renderAgents(memoryGraph(rolloutFiles), { ...info, rootFromOutput: 'content' });
    expect(text).toContain('- **SafeRollout**: Roll out behind a flag; see [the runbook](content/docs/runbook.md#rollback) and [below](content/docs/ops/deploy.md#notes).');
    expect(text).toContain('- [ ] Read [the runbook](content/docs/runbook.md) first');
  });

  it('leaves out samples of the format, which state no rule of this project', () => {
    expect(graph.capsule('QueueOwnership')?.capsule.sample).toBe(true);
    expect(text).not.toContain('QueueOwnership');
    expect(text).not.toContain('## Writing Capsules');
  });
});

describe('a template in the corpus', () => {
  const templated = memoryGraph({
    'skills/triage/SKILL.md': '# Triage\n\n## Verification Checklist\n\n- [ ] Reproduce the report first\n',
    'skills/triage/templates/report.md': '# Report\n\n## Actions\n\n- [ ] [Immediate action]\n- [ ] [Ongoing monitoring action]\n',
    'skills/triage/report-template.md': '# Summary\n\n- [ ] [Owner] confirmed\n',
  });

  it('gives the agents file no checklist to fill in for the project it imagines', () => {
    const text = renderAgents(templated, info);
    expect(text).toContain('## Triage\n\nSource: `skills/triage/SKILL.md`\n\n**Checklist**\n\n- [ ] Reproduce the report first\n');
    expect(text).not.toContain('[Immediate action]');
    expect(text).not.toContain('[Owner]');
    expect(text.match(/^Source: .*$/gm)).toEqual(['Source: `skills/triage/SKILL.md`']);
  });
});

describe('a stub copy in an agent file', () => {
  const stubbed = memoryGraph({
    'AGENTS.md': '# Agents\n\n### Capsule: SmallSteps\n\n**Invariant**\nChange one thing at a time.\n\n## Verification Checklist\n\n- [ ] One change per step (SmallSteps)\n',
    'ops.md': '# Ops\n\n### Capsule: SmallSteps\n\n**Invariant**\nChange one thing at a time, then verify it.\n\n**Example**\nOne flag per deploy.\n',
  });

  it('is not listed beside the full definition it points at, nor counted', () => {
    const listed = parseLlmsTxt(renderLlmsTxt(stubbed, info)).sections['Capsules']!;
    expect(listed).toEqual([{ name: 'SmallSteps', url: 'ops.md#capsule-smallsteps', description: 'Change one thing at a time, then verify it.' }]);
    expect(describeCorpus(stubbed, { rootName: 'corpus' }).summary).toBe('A knowledge base of 2 documents holding 1 capsule.');
  });

  it('leaves the agents file one line per rule, and the agent file its checklist', () => {
    const text = renderAgents(stubbed, info);
    expect(text.match(/^- \*\*SmallSteps\*\*.*$/gm)).toEqual(['- **SmallSteps**: Change one thing at a time, then verify it.']);
    expect(text).toContain('## Agents\n\nSource: `AGENTS.md`\n\n**Checklist**\n\n- [ ] One change per step (SmallSteps)\n');
  });
});

describe('a document copied whole into the folders agents read', () => {
  const rule = '# Deploys\n\n### Capsule: SmallSteps\n\n**Invariant**\nChange one thing at a time.\n\n**Example**\nOne flag per deploy.\n';
  const synced = memoryGraph({
    '.claude/rules/deploys.md': rule,
    '.cursor/rules/deploys.md': rule,
    'docs/ai-context/rules/deploys.md': rule,
    'docs/ai-context/rules/notes.md': `${rule}\nA note of our own.\n`,
  });

  it('is listed, given and counted once, where people read it, with its capsules', () => {
    expect(parseLlmsTxt(renderLlmsTxt(synced, info)).sections['Documents']!.map((entry) => entry.url)).toEqual([
      'docs/ai-context/rules/deploys.md',
      'docs/ai-context/rules/notes.md',
    ]);
    const full = renderLlmsFull(synced, info);
    expect(full.match(/^Source: .*$/gm)).toEqual([
      'Source: [docs/ai-context/rules/deploys.md](docs/ai-context/rules/deploys.md)',
      'Source: [docs/ai-context/rules/notes.md](docs/ai-context/rules/notes.md)',
    ]);
    expect(knowledgeCapsules(synced).map((node) => node.document)).toEqual(['docs/ai-context/rules/deploys.md', 'docs/ai-context/rules/notes.md']);
    expect(describeCorpus(synced, { rootName: 'corpus' }).summary).toBe('A knowledge base of 2 documents holding 2 capsules.');
  });

  it('gives its checklist once in the agents file, at the copy people read', () => {
    const checked = `${rule}\n## Verification Checklist\n\n- [ ] One change per deploy (SmallSteps)\n`;
    const text = renderAgents(memoryGraph({ '.claude/rules/deploys.md': checked, 'docs/ai-context/rules/deploys.md': checked }), info);
    expect(text.match(/^Source: .*$/gm)).toEqual(['Source: `docs/ai-context/rules/deploys.md`']);
    expect(text.match(/^- \[ \] One change per deploy/gm)).toHaveLength(1);
  });

  it('keeps the first of the copies agents read when no copy is read by people', () => {
    const agentsOnly = memoryGraph({ '.cursor/rules/deploys.md': rule, '.claude/rules/deploys.md': rule });
    expect(parseLlmsTxt(renderLlmsTxt(agentsOnly, info)).sections['Documents']!.map((entry) => entry.url)).toEqual(['.claude/rules/deploys.md']);
  });
});

describe('an agent file that only imports another', () => {
  const agents = '# Agents\n\n### Capsule: SmallSteps\n\n**Invariant**\nChange one thing at a time.\n\n## Verification Checklist\n\n- [ ] One change per step (SmallSteps)\n';
  const importing = memoryGraph({
    'AGENTS.md': agents,
    'CLAUDE.md': '<!-- Claude Code reads the shared instructions. -->\n@AGENTS.md\n',
    'GEMINI.md': '@AGENTS.md\n@docs/style.md\n',
    'docs/style.md': '# Style\n\nShort sentences.\n',
    'docs/CLAUDE.md': '@../AGENTS.md and nothing else of its own? No: this line says more.\n',
    'personal/CLAUDE.md': '@~/.claude/my-project.md\n',
  });

  it('is left out of llms.txt, llms-full and the agents file, and not counted: the agent reads the imported text there', () => {
    expect(parseLlmsTxt(renderLlmsTxt(importing, info)).sections['Documents']!.map((entry) => entry.url)).toEqual(['AGENTS.md', 'docs/CLAUDE.md', 'docs/style.md', 'personal/CLAUDE.md']);
    const full = renderLlmsFull(importing, info);
    expect(full.match(/^Source: .*$/gm)).toEqual([
      'Source: [AGENTS.md](AGENTS.md)',
      'Source: [docs/CLAUDE.md](docs/CLAUDE.md)',
      'Source: [docs/style.md](docs/style.md)',
      'Source: [personal/CLAUDE.md](personal/CLAUDE.md)',
    ]);
    expect(renderAgents(importing, info).match(/^Source: .*$/gm)).toEqual(['Source: `AGENTS.md`']);
    expect(describeCorpus(importing, { rootName: 'corpus' }).summary).toBe('A knowledge base of 4 documents holding 1 capsule.');
  });
});

describe('a file the reader refused', () => {
  // A dangling symlink, a binary or a file over the size cap: a document of the corpus with no text.
  const refused = new KnowledgeGraph({
    documents: [
      readDocument('a.md', new TextEncoder().encode('# A\n\n### Capsule: SmallSteps\n\n**Invariant**\nChange one thing at a time.\n\n## Verification Checklist\n\n- [ ] One change (SmallSteps)\n')),
      readDocument('logo.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])),
    ],
  });

  it('leaves out a file kept encrypted, whose text is ciphertext here', () => {
    const sops = '{\n\t"data": "ENC[AES256_GCM,data:BXEi,type:str]",\n\t"sops": {\n\t\t"mac": "ENC[AES256_GCM,data:I0F3,type:str]",\n\t\t"version": "3.10.2"\n\t}\n}\n';
    const locked = new KnowledgeGraph({ documents: [...refused.documents, readDocument('USERS.sops.md', new TextEncoder().encode(sops)), readDocument('CLAUDE.md', new Uint8Array([0, 0x47, 0x49, 0x54, 0x43, 0x52, 0x59, 0x50, 0x54, 0, 0x58, 0]))] });
    expect(parseLlmsTxt(renderLlmsTxt(locked, info)).sections['Documents']!.map((entry) => entry.url)).toEqual(['a.md']);
    const full = renderLlmsFull(locked, info);
    expect([full.includes('ENC[AES256_GCM'), full.includes('USERS.sops.md'), full.includes('CLAUDE.md')]).toEqual([false, false, false]);
    expect(describeCorpus(locked, { rootName: 'corpus' }).summary).toBe('A knowledge base of 1 document holding 1 capsule.');
  });

  it('is neither listed nor counted, as the site does not publish it', () => {
    expect(parseLlmsTxt(renderLlmsTxt(refused, info)).sections['Documents']!.map((entry) => entry.url)).toEqual(['a.md']);
    expect(renderLlmsFull(refused, info)).not.toContain('logo.md');
    expect(describeCorpus(refused, { rootName: 'corpus' }).summary).toBe('A knowledge base of 1 document holding 1 capsule.');
  });
});

describe('corpus title and summary', () => {
  it('come from an index document when there is one, else from the folder and the corpus size', () => {
    const withIndex = memoryGraph({ 'index.md': '---\ndescription: The team handbook\n---\n# Handbook\n', 'a.md': '# A\n' });
    expect(describeCorpus(withIndex, { rootName: 'content' })).toEqual({ title: 'Handbook', summary: 'The team handbook' });
    // Nine capsules are defined; writing.md's sample of the format is not counted.
    expect(graph.capsules).toHaveLength(9);
    expect(describeCorpus(graph, { rootName: 'corpus' })).toEqual({ title: 'corpus', summary: 'A knowledge base of 5 documents holding 8 capsules.' });
    expect(describeCorpus(graph, { rootName: 'corpus', title: 'Given', summary: 'Also given' })).toEqual({ title: 'Given', summary: 'Also given' });
  });

  it("take a site's home page's frontmatter title when it has no heading, before a README's heading, from its summary too", () => {
    const home = '---\ntitle: Hono - Web framework built on Web Standards\nlayout: home\n---\n\n<HomeHero />\n';
    const files = { 'index.md': home, 'README.md': '# Repository for hono.dev\n', 'docs/a.md': '# A\n' };
    expect(describeCorpus(memoryGraph(files), { rootName: 'website' }).title).toBe('Hono - Web framework built on Web Standards');
    const summaries = new KnowledgeGraph({ documents: memoryGraph(files).documents.map((document) => ({ ...document, model: summarizeModel(document.model) })) });
    expect(describeCorpus(summaries, { rootName: 'website' }).title).toBe('Hono - Web framework built on Web Standards');
    // Without either, the README's heading.
    expect(describeCorpus(memoryGraph({ 'index.md': '---\nlayout: home\n---\n', 'README.md': '# Repository for hono.dev\n' }), { rootName: 'website' }).title).toBe('Repository for hono.dev');
  });
});

describe('the corpus summary', () => {
  it('counts in figures with thousands set apart', () => {
    const many = memoryGraph(Object.fromEntries(Array.from({ length: 1001 }, (_, index) => [`page-${index}.md`, `# Page ${index}\n`])));
    expect(describeCorpus(many, { rootName: 'pages' }).summary).toBe('A knowledge base of 1,001 documents.');
  });
});

describe('the home document', () => {
  it('is refused when it names no document of the corpus, with the nearest one', async () => {
    const failure = await exportCorpus(graph, { format: 'llms-txt', rootName: 'corpus', baseUrl: 'https://example.org/', home: 'planing.md' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ExportError);
    expect((failure as ExportError).message).toBe('--home names no document of the corpus: `planing.md`');
    expect((failure as ExportError).hint).toMatch(/^Did you mean `planning\.md`\?/);
  });

  it('is refused when it names a document the site does not publish, saying why', async () => {
    const refused = memoryGraph({ 'guide.md': '# Guide\n', 'logo.md': '\u0000\u0001binary' });
    const failure = await exportCorpus(refused, { format: 'llms-txt', rootName: 'corpus', baseUrl: 'https://example.org/', home: 'logo.md' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ExportError);
    expect((failure as ExportError).message).toBe('--home names a document that is not published: `logo.md`');
    expect((failure as ExportError).hint).toMatch(/binary.*\. Name the document the site shows at its root\.$/);
  });
});

describe('determinism', () => {
  it('gives the same bytes whatever order the documents were read in', async () => {
    const reversed = new KnowledgeGraph({ documents: [...graph.documents].reverse(), files: [...graph.files].reverse() });
    for (const format of exportFormats) {
      const options = { format, rootName: 'corpus', selection: { tags: ['Planning', 'Operations'], depth: 1 }, budget: format === 'json' ? 700 : undefined };
      const first = await exportCorpus(graph, options);
      const second = await exportCorpus(reversed, options);
      expect(second.output, format).toBe(first.output);
    }
  });
});
