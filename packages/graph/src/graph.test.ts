import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphToDot, graphToJson, graphToMermaid } from './formats.js';
import { readDocument } from './document.js';
import { KnowledgeGraph, parseCategory } from './graph.js';
import { validateGraphJson } from './schemas.js';
import { capsuleText, graphFromTexts } from './testing.js';

const guide = readFileSync(new URL('../../../content/collaborative-planning-lifecycle.md', import.meta.url), 'utf8');
const guidePath = 'collaborative-planning-lifecycle.md';

describe('the user guide as a corpus of one', () => {
  const graph = graphFromTexts({ [guidePath]: guide });
  const json = graphToJson(graph);

  it('has its six capsules at their heading lines', () => {
    expect(json.capsules.map((capsule) => [capsule.name, capsule.line])).toEqual([
      ['BlamelessLearning', 161],
      ['ClusterSpecificity', 69],
      ['ExplorationFirst', 89],
      ['IdeaCapture', 48],
      ['IncrementalExecution', 137],
      ['RiskDiscovery', 112],
    ]);
  });

  it('resolves its SeeAlso edges and tells the unresolved kinds apart', () => {
    const seeAlso = json.edges.filter((edge) => edge.kind === 'see-also');
    expect(seeAlso.map((edge) => [edge.from, edge.target, edge.qualifier, edge.status, edge.line, edge.column])).toEqual([
      ['IdeaCapture', 'ExplorationFirst', undefined, 'resolved', 65, 12],
      ['ClusterSpecificity', 'DualClusterIsolation', 'ARCHITECTURE.md', 'missing-document', 85, 12],
      ['ExplorationFirst', 'RiskDiscovery', undefined, 'resolved', 108, 12],
      ['RiskDiscovery', 'IncrementalExecution', undefined, 'resolved', 133, 12],
      ['IncrementalExecution', 'RiskDiscovery', undefined, 'resolved', 157, 12],
      ['IncrementalExecution', 'ClusterSpecificity', undefined, 'resolved', 157, 27],
      ['BlamelessLearning', "Etsy's blameless postmortem philosophy", undefined, 'external', 178, 12],
    ]);
  });

  it('has its six checklist citations on the right lines', () => {
    const cites = json.edges.filter((edge) => edge.kind === 'cites');
    expect(cites.map((edge) => [edge.target, edge.status, edge.line])).toEqual([
      ['IdeaCapture', 'resolved', 311],
      ['ClusterSpecificity', 'resolved', 312],
      ['ExplorationFirst', 'resolved', 313],
      ['RiskDiscovery', 'resolved', 314],
      ['IncrementalExecution', 'resolved', 319],
      ['BlamelessLearning', 'resolved', 326],
    ]);
  });

  it('validates against the shipped graph schema, also after a JSON round trip', () => {
    expect(validateGraphJson(json)).toEqual([]);
    expect(validateGraphJson(JSON.parse(JSON.stringify(json)))).toEqual([]);
  });

  it('marks only a sample of the format as one, in a form the schema accepts', () => {
    expect(json.capsules.every((capsule) => capsule.sample === undefined)).toBe(true);
    const sampled = graphToJson(
      graphFromTexts({ 'guide.md': `# Guide\n\n## Example Capsules\n\n${capsuleText('SampleRule')}`, 'real.md': `# Real\n\n${capsuleText('RealRule')}` }),
    );
    expect(sampled.capsules.map((capsule) => [capsule.name, capsule.sample])).toEqual([
      ['RealRule', undefined],
      ['SampleRule', true],
    ]);
    expect(validateGraphJson(JSON.parse(JSON.stringify(sampled)))).toEqual([]);
  });

  it('answers backlinks with the line that makes the reference', () => {
    const backlinks = graph.backlinks('RiskDiscovery');
    expect(backlinks.map((edge) => [edge.kind, edge.from])).toEqual([
      ['see-also', 'ExplorationFirst'],
      ['see-also', 'IncrementalExecution'],
      ['cites', guidePath],
    ]);
    expect(backlinks[2]?.context).toBe('Identify what could go wrong and blast radius (RiskDiscovery)');
  });

  it('walks the SeeAlso neighbourhood nearest first and stops at cycles', () => {
    const around = graph.neighbourhood('IdeaCapture', 10);
    expect(around.map(({ capsule, distance }) => [capsule.name, distance])).toEqual([
      ['ExplorationFirst', 1],
      ['RiskDiscovery', 2],
      ['IncrementalExecution', 3],
      ['ClusterSpecificity', 4],
    ]);
    expect(graph.neighbourhood('IdeaCapture', 1).map(({ capsule }) => capsule.name)).toEqual(['ExplorationFirst']);
    expect(graph.neighbourhood('RiskDiscovery', 1, 'both').map(({ capsule }) => capsule.name)).toEqual([
      'IncrementalExecution',
      'ExplorationFirst',
    ]);
  });

  it('has tags and categories with strengths', () => {
    expect(json.tags.map((tag) => tag.name)).toEqual(['Collaboration', 'IncidentResponse', 'Planning', 'PreMortem', 'RiskAssessment']);
    expect(json.categories).toEqual([
      { name: 'Philosophy', documents: [{ path: guidePath, strength: 70 }] },
      { name: 'Workflows', documents: [{ path: guidePath, strength: 100 }] },
    ]);
  });

  it('draws DOT and Mermaid pictures with every capsule and the unresolved targets', () => {
    const dot = graphToDot(graph);
    const mermaid = graphToMermaid(graph);
    for (const name of ['IdeaCapture', 'BlamelessLearning', 'DualClusterIsolation']) {
      expect(dot).toContain(name);
      expect(mermaid).toContain(name);
    }
    expect(dot).toMatch(/^digraph capsules \{/);
    expect(mermaid).toMatch(/^flowchart LR\n/);
  });

  it('keeps every Mermaid line of a node when another document is added', () => {
    const texts = { 'a.md': capsuleText('Alpha', 'Beta'), 'b.md': capsuleText('Beta', 'Nowhere') };
    const before = graphToMermaid(graphFromTexts(texts)).split('\n');
    const after = graphToMermaid(graphFromTexts({ '0-first.md': capsuleText('Zero', 'Alpha'), ...texts })).split('\n');
    expect(before.length).toBeGreaterThan(8);
    for (const line of before) expect(after).toContain(line);
    expect(before.find((line) => line.includes('(\"Alpha\")'))).toMatch(/^ {4}n_a_md_Alpha_[0-9a-f]{8}\("Alpha"\)$/);
  });

  it('draws one arrow for each pair of nodes and kind of reference', () => {
    const twice = graphFromTexts({ 'a.md': capsuleText('Alpha', 'Beta, Beta, Nowhere, Nowhere'), 'b.md': capsuleText('Beta') });
    const arrows = (text: string, arrow: string) => text.split('\n').filter((line) => line.includes(arrow)).length;
    expect(arrows(graphToDot(twice), ' -> ')).toBe(2);
    expect(arrows(graphToMermaid(twice), '-->|see-also|')).toBe(2);
  });
});

describe('resolution across documents', () => {
  const graph = graphFromTexts(
    {
      'a.md': capsuleText('Alpha', 'Beta, Gamma (in sub/c.md), Beta (in sub/c.md), Delta (in ../x.md), Nowhere, sub/c.md#gamma, missing.md'),
      'b.md': capsuleText('Beta', '`Alpha`.'),
      'sub/c.md': `${capsuleText('Gamma', 'Alpha (in ../a.md)')}\n[up](../a.md) [img](pic.png) [folder](.) [gone](nothing.md#x) [out](../../etc/passwd) [file](file:///etc/passwd)\n`,
      'dup1.md': capsuleText('Twin'),
      'dup2.md': capsuleText('Twin', 'Twin'),
    },
    ['sub/pic.png'],
  );
  const edges = (kind: string, document: string) =>
    graph.edges.filter((edge) => edge.kind === kind && edge.document === document).map((edge) => [edge.target, edge.status, edge.toDocument]);

  it('resolves bare names anywhere and qualified names inside their document', () => {
    expect(edges('see-also', 'a.md')).toEqual([
      ['Beta', 'resolved', 'b.md'],
      ['Gamma', 'resolved', 'sub/c.md'],
      ['Beta', 'unknown-name', undefined],
      ['Delta', 'outside-root', undefined],
      ['Nowhere', 'unknown-name', undefined],
      ['sub/c.md', 'resolved', 'sub/c.md'],
      ['missing.md', 'missing-document', undefined],
    ]);
    expect(edges('see-also', 'sub/c.md')).toEqual([['Alpha', 'resolved', 'a.md']]);
  });

  it('strips backticks and trailing punctuation from targets', () => {
    expect(edges('see-also', 'b.md')).toEqual([['Alpha', 'resolved', 'a.md']]);
  });

  it('resolves document links to files, folders and never outside the root', () => {
    expect(edges('links-to', 'sub/c.md')).toEqual([
      ['../a.md', 'resolved', 'a.md'],
      ['pic.png', 'resolved', 'sub/pic.png'],
      ['.', 'resolved', 'sub'],
      ['nothing.md', 'missing-document', undefined],
      ['../../etc/passwd', 'outside-root', undefined],
      ['file:///etc/passwd', 'outside-root', undefined],
    ]);
  });

  it('leaves a `file:` URL of a network share to the team that shares it, as a web address', () => {
    const shares = graphFromTexts({
      'readme.md': '# Builds\n\n[a](file://///Rserver/soft/) [b](file:////fs01/builds/x.zip) [c](file://fs01/builds/) [d](file://localhost/etc/hosts) [e](file://c:/Users/ana/x.md) [f](file:///etc/hosts)\n',
    });
    expect(shares.edges.filter((edge) => edge.kind === 'links-to').map((edge) => [edge.target, edge.status])).toEqual([
      ['file://///Rserver/soft/', 'external'],
      ['file:////fs01/builds/x.zip', 'external'],
      ['file://fs01/builds/', 'external'],
      ['file://localhost/etc/hosts', 'outside-root'],
      ['file://c:/Users/ana/x.md', 'outside-root'],
      ['file:///etc/hosts', 'outside-root'],
    ]);
  });

  it('keeps duplicate names with both places instead of merging them', () => {
    expect(graph.duplicates().map(({ name, capsules }) => [name, capsules.map((node) => node.document)])).toEqual([
      ['Twin', ['dup1.md', 'dup2.md']],
    ]);
    expect(graph.capsule('Twin')?.document).toBe('dup1.md');
  });

  it('lists as orphans the capsules nothing else references', () => {
    expect(graph.orphans().map((node) => node.id)).toEqual(['dup2.md#Twin']);
  });
});

describe('categories', () => {
  it('reads Name[NN%] and keeps malformed ones whole', () => {
    expect(parseCategory('Workflows[100%]')).toEqual({ name: 'Workflows', strength: 100 });
    expect(parseCategory(' Philosophy [ 70 % ] ')).toEqual({ name: 'Philosophy', strength: 70 });
    expect(parseCategory('Workflows')).toEqual({ name: 'Workflows', strength: undefined });
  });
});

describe("links in an agent skill's files", () => {
  const files = {
    'skills/pdf/SKILL.md': '# PDF\n\nSee [the API](references/api.md).\n',
    'skills/pdf/references/guide.md': '# Guide\n\nSee [the API](references/api.md), [forms](./references/forms.md), [the script](scripts/fill.py) and [up](../SKILL.md).\n',
    'skills/pdf/references/api.md': '# API\n',
    'skills/pdf/references/forms.md': '# Forms\n',
    'notes/other.md': '# Other\n\nSee [the API](references/api.md).\n',
  };
  const graph = graphFromTexts(files, [...Object.keys(files), 'skills/pdf/scripts/fill.py']);
  const targets = (document: string) =>
    graph.edges.filter((edge) => edge.kind === 'links-to' && edge.document === document).map((edge) => [edge.target, edge.status, edge.toDocument]);

  it("resolve a plain path from the skill's folder when it is not beside the document, as the Agent Skills format writes them", () => {
    expect(targets('skills/pdf/references/guide.md')).toEqual([
      ['references/api.md', 'resolved', 'skills/pdf/references/api.md'],
      // `./` says the document's own folder: no other is tried.
      ['./references/forms.md', 'missing-document', undefined],
      ['scripts/fill.py', 'resolved', 'skills/pdf/scripts/fill.py'],
      ['../SKILL.md', 'resolved', 'skills/pdf/SKILL.md'],
    ]);
    expect(targets('skills/pdf/SKILL.md')).toEqual([['references/api.md', 'resolved', 'skills/pdf/references/api.md']]);
  });

  it('resolve nothing from a skill for a document outside every skill folder', () => {
    expect(targets('notes/other.md')).toEqual([['references/api.md', 'missing-document', undefined]]);
  });
});

describe('a document an agent reads a copy of', () => {
  // Synced from `docs/ai-context/rules/` into `.claude/rules/`: written for the copy's place.
  const rules = '# Rules\n\nSee [the agents guide](../../AGENTS.md) and [the scripts](./scripts.md).\n';
  const files = {
    'AGENTS.md': '# Agents\n',
    'docs/ai-context/rules/aws.md': rules,
    'docs/ai-context/rules/scripts.md': '# Scripts\n',
    '.claude/rules/aws.md': rules,
    'docs/guide/rules/aws.md': `${rules}\nA copy changed since.\n`,
  };
  const graph = graphFromTexts(files, Object.keys(files));
  const targets = (document: string) =>
    graph.edges.filter((edge) => edge.kind === 'links-to' && edge.document === document).map((edge) => [edge.target, edge.status, edge.toDocument]);

  it("has its links read from the copy's place where they reach nothing from its own", () => {
    expect(graph.agentCopiesOf('docs/ai-context/rules/aws.md')).toEqual(['.claude/rules/aws.md']);
    expect(targets('docs/ai-context/rules/aws.md')).toEqual([
      ['../../AGENTS.md', 'resolved', 'AGENTS.md'],
      ['./scripts.md', 'resolved', 'docs/ai-context/rules/scripts.md'],
    ]);
  });

  it('does not lend its own place to the copy the agent reads, whose links must work where it is', () => {
    expect(graph.agentCopiesOf('.claude/rules/aws.md')).toEqual([]);
    expect(targets('.claude/rules/aws.md')).toEqual([
      ['../../AGENTS.md', 'resolved', 'AGENTS.md'],
      ['./scripts.md', 'missing-document', undefined],
    ]);
  });

  it('takes only the very same text for a copy', () => {
    expect(targets('docs/guide/rules/aws.md')).toEqual([
      ['../../AGENTS.md', 'missing-document', undefined],
      ['./scripts.md', 'missing-document', undefined],
    ]);
  });
});

describe("a link written from the page's own folder", () => {
  const link = '# Notes\n\nSee [the migration guide](./MIGRATION.md) and [the guide](MIGRATION.md).\n';
  const files = {
    'MIGRATION.md': '# Migration\n',
    // Its text differs from the agent files' (see 'a document an agent reads a copy of').
    'docs/changelog/v7.md': `${link}\nReleased in May.\n`,
    '.claude/commands/release.md': link,
    '.github/instructions/docs.instructions.md': link,
    'packages/app/CLAUDE.md': link,
    'skills/release/references/steps.md': link,
    'skills/release/SKILL.md': '# Release\n',
  };
  const graph = graphFromTexts(files, Object.keys(files));
  const targets = (document: string) =>
    graph.edges.filter((edge) => edge.kind === 'links-to' && edge.document === document).map((edge) => [edge.target, edge.status, edge.toDocument]);

  it('is read from that folder alone on a page people read, as GitHub reads it; a plain path is still tried from the root', () => {
    expect(targets('docs/changelog/v7.md')).toEqual([
      ['./MIGRATION.md', 'missing-document', undefined],
      ['MIGRATION.md', 'resolved', 'MIGRATION.md'],
    ]);
  });

  it("is tried from the root too in a file agents read from the repository's top, as they read its paths", () => {
    for (const document of ['.claude/commands/release.md', '.github/instructions/docs.instructions.md', 'packages/app/CLAUDE.md', 'skills/release/references/steps.md']) {
      expect(targets(document)).toEqual([
        ['./MIGRATION.md', 'resolved', 'MIGRATION.md'],
        ['MIGRATION.md', 'resolved', 'MIGRATION.md'],
      ]);
    }
  });
});

describe('a link without an extension to an MDX page', () => {
  const files = {
    'docs/clients/auth.md': '# Auth\n\n[elements](./elements) [subject](../subject) [setup](setup) [guide](guide) [script](run) [dotted](./elements.md)\n',
    'docs/clients/guide.md': '# Guide\n',
  };
  const graph = graphFromTexts(files, [...Object.keys(files), 'docs/clients/elements.mdx', 'docs/subject.mdx', 'docs/clients/run.sh']);

  it('reaches the page, which a site serves at that path; a Markdown file or another file it does not', () => {
    expect(graph.edges.filter((edge) => edge.kind === 'links-to').map((edge) => [edge.target, edge.status, edge.toDocument])).toEqual([
      ['./elements', 'resolved', 'docs/clients/elements.mdx'],
      ['../subject', 'resolved', 'docs/subject.mdx'],
      ['setup', 'missing-document', undefined],
      // GitHub shows `guide.md` and has no page at `guide`.
      ['guide', 'missing-document', undefined],
      ['run', 'missing-document', undefined],
      ['./elements.md', 'missing-document', undefined],
    ]);
  });

  it('from an MDX page, reaches a Markdown file too: the page is read only on the site, which serves both at their paths', () => {
    const texts = {
      'doc/ide-setup/cursor.mdx': '# Cursor\n\nSee [the FAQ](../faq), [setup](./setup) and [a gone page](../gone).\n',
      'doc/faq.md': '# FAQ\n',
      'doc/ide-setup/setup.mdx': '# Setup\n',
    };
    const mdx = graphFromTexts(texts, Object.keys(texts));
    expect(mdx.edges.filter((edge) => edge.kind === 'links-to').map((edge) => [edge.target, edge.status, edge.toDocument])).toEqual([
      ['../faq', 'resolved', 'doc/faq.md'],
      ['./setup', 'resolved', 'doc/ide-setup/setup.mdx'],
      ['../gone', 'missing-document', undefined],
    ]);
  });

  it('from an MDX page no site here serves, reaches the page a route names from the repository\'s top, as the site built elsewhere serves it', () => {
    const encoder = new TextEncoder();
    const texts = {
      'docs/fields/array.mdx': '# Array\n\nSee [upload](/docs/fields/upload), [hooks](/docs/hooks/overview#context), [intro](/docs/intro/) and [gone](/docs/fields/gone).\n',
      'docs/fields/upload.mdx': '# Upload\n',
      'docs/hooks/overview.mdx': '# Hooks\n\n## Context\n',
      'docs/intro.md': '# Intro\n',
      'examples/README.md': '# Examples\n\nSee [upload](/docs/fields/upload).\n',
    };
    const documents = Object.entries(texts).map(([path, text]) => readDocument(path, encoder.encode(text)));
    const graph = new KnowledgeGraph({ documents, files: Object.keys(texts), rootInRepository: '' });
    expect(graph.edges.filter((edge) => edge.kind === 'links-to').map((edge) => [edge.from, edge.target, edge.status, edge.toDocument])).toEqual([
      ['docs/fields/array.mdx', '/docs/fields/upload', 'resolved', 'docs/fields/upload.mdx'],
      ['docs/fields/array.mdx', '/docs/hooks/overview', 'resolved', 'docs/hooks/overview.mdx'],
      ['docs/fields/array.mdx', '/docs/intro/', 'resolved', 'docs/intro.md'],
      ['docs/fields/array.mdx', '/docs/fields/gone', 'missing-document', undefined],
      // A README is read on GitHub, where the route is no file.
      ['examples/README.md', '/docs/fields/upload', 'missing-document', undefined],
    ]);
  });
});

describe('links to files that are not documents', () => {
  const encoder = new TextEncoder();
  const linking = [
    '# Links',
    '',
    '[ci](../.github/workflows/ci.yaml) [tools](../.mcp.json) [workflows](../.github/workflows/)',
    '[folder](../.github) [script](../scripts/build.sh#L3) [self](../docs/guide.md) [gone](../.github/none.yaml)',
    '[up and out](../../secret.txt) [local dot-file](.config/site.json) [local folder](.config/)',
    '',
  ].join('\n');
  const documents = [readDocument('guide.md', encoder.encode(linking))];
  const files = ['guide.md', '.config/site.json', '../.github/workflows/ci.yaml', '../.mcp.json', '../scripts/build.sh'];
  const targets = (graph: KnowledgeGraph) =>
    graph.edges.filter((edge) => edge.kind === 'links-to').map((edge) => [edge.target, edge.status, edge.toDocument]);

  it('resolves links to any file or folder of the repository, inside the root or around it', () => {
    expect(targets(new KnowledgeGraph({ documents, files, rootInRepository: 'docs' }))).toEqual([
      ['../.github/workflows/ci.yaml', 'resolved', '../.github/workflows/ci.yaml'],
      ['../.mcp.json', 'resolved', '../.mcp.json'],
      ['../.github/workflows/', 'resolved', '../.github/workflows'],
      ['../.github', 'resolved', '../.github'],
      ['../scripts/build.sh', 'resolved', '../scripts/build.sh'],
      ['../docs/guide.md', 'resolved', 'guide.md'],
      ['../.github/none.yaml', 'missing-document', undefined],
      ['../../secret.txt', 'outside-root', undefined],
      ['.config/site.json', 'resolved', '.config/site.json'],
      ['.config/', 'resolved', '.config'],
    ]);
  });

  it('resolves a SeeAlso path to a file of the repository, climbing out of the root or written from its top', () => {
    const capsule = [
      '# Notes',
      '',
      '### Capsule: StagedRollout',
      '',
      '**Invariant**',
      'Roll out in stages.',
      '',
      '**Example**',
      'One cluster first.',
      '',
      '**Depth**',
      '- SeeAlso: `../README.md`, `docs/ARCHITECTURE.md`, `./docs/ARCHITECTURE.md`, `docs/NONE.md`, `../../secret.txt`',
      '',
    ].join('\n');
    const seeAlso = (graph: KnowledgeGraph) =>
      graph.edges.filter((edge) => edge.kind === 'see-also').map((edge) => [edge.target, edge.status, edge.toDocument]);
    const inClaude = { documents: [readDocument('notes.md', encoder.encode(capsule))], files: ['notes.md', '../README.md', '../docs/ARCHITECTURE.md'] };
    expect(seeAlso(new KnowledgeGraph({ ...inClaude, rootInRepository: '.claude' }))).toEqual([
      ['../README.md', 'resolved', '../README.md'],
      ['docs/ARCHITECTURE.md', 'resolved', '../docs/ARCHITECTURE.md'],
      // Written as relative to the document: it is not read from the repository's top.
      ['./docs/ARCHITECTURE.md', 'missing-document', undefined],
      ['docs/NONE.md', 'missing-document', undefined],
      ['../../secret.txt', 'outside-root', undefined],
    ]);
    // Outside any repository, the root is as far as a path may reach.
    expect(seeAlso(new KnowledgeGraph(inClaude)).map(([target, status]) => [target, status])).toEqual([
      ['../README.md', 'outside-root'],
      ['docs/ARCHITECTURE.md', 'missing-document'],
      ['./docs/ARCHITECTURE.md', 'missing-document'],
      ['docs/NONE.md', 'missing-document'],
      ['../../secret.txt', 'outside-root'],
    ]);
  });

  it('takes a climb to the code host\'s pages of the repository (`../../issues` from its top) for those pages', () => {
    // `docs/guide/pages.md` is two folders down: four climbs leave `blob/<branch>/docs/guide/`.
    const pages = [
      '[issues](../../../../issues) [new advisory](../../../../security/advisories/new) [bug](../../../../issues/new?template=bug.md)',
      '[one short](../../../issues) [one more](../../../../../issues) [no page](../../../../secret.txt) [in the repository](../../issues)',
      '',
    ].join('\n');
    const graph = new KnowledgeGraph({ documents: [readDocument('guide/pages.md', encoder.encode(pages))], files: ['guide/pages.md'], rootInRepository: 'docs' });
    expect(targets(graph).map(([target, status]) => [target, status])).toEqual([
      ['../../../../issues', 'external'],
      ['../../../../security/advisories/new', 'external'],
      ['../../../../issues/new', 'external'],
      ['../../../issues', 'outside-root'],
      ['../../../../../issues', 'outside-root'],
      ['../../../../secret.txt', 'outside-root'],
      ['../../issues', 'missing-document'],
    ]);
  });

  it('keeps every link that leaves the root outside when the root is not inside a repository', () => {
    const statuses = targets(new KnowledgeGraph({ documents, files: ['guide.md', '.config/site.json'] })).map(([target, status]) => [target, status]);
    expect(statuses.filter(([, status]) => status !== 'outside-root')).toEqual([
      ['.config/site.json', 'resolved'],
      ['.config/', 'resolved'],
    ]);
  });
});

describe('a path from someone\'s machine', () => {
  const files = ['guide.md', 'README.md', '../.github/prompts/plan.prompt.md'];
  const graph = new KnowledgeGraph({ documents: [readDocument('guide.md', new TextEncoder().encode('# Guide\n'))], files, rootInRepository: 'docs' });

  it('names the repository\'s file its longest ending of two segments or more is, inside the root or around it', () => {
    expect(graph.repositoryPathOf('/d:/Projects/app/docs/guide.md')).toBe('guide.md');
    expect(graph.repositoryPathOf('/home/ann/app/.github/prompts/plan.prompt.md')).toBe('../.github/prompts/plan.prompt.md');
  });

  // Every ending of a path of 200,000 segments joined would take minutes, not the test's seconds.
  it('looks at the last segments of a hostile path only', { timeout: 10_000 }, () => {
    expect(graph.repositoryPathOf(`/${'a/'.repeat(200_000)}docs/guide.md`)).toBe('guide.md');
    expect(graph.repositoryPathOf(`/${'a/'.repeat(200_000)}nothing.md`)).toBeUndefined();
  });

  it('names none for a file name alone, which many a project has', () => {
    expect(graph.repositoryPathOf('/home/ann/other/README.md')).toBeUndefined();
    expect(graph.repositoryPathOf('/tmp/../guide.md')).toBeUndefined();
  });
});

describe('fragments taken in whole', () => {
  const encoder = new TextEncoder();

  // Tried through every page taking a page in, to a depth of three, the fragment's links would take minutes.
  it('are read from so many of the pages taking them in, each once, however the pages take each other in', { timeout: 20_000 }, () => {
    const pages = Array.from({ length: 100 }, (_, index) => `pages/p${index}.md`);
    const includesAll = pages.map((page) => `--8<-- "${page}"`).join('\n\n');
    const documents = [
      readDocument('fragment.md', encoder.encode(`# Fragment\n\n${Array.from({ length: 100 }, (_, index) => `[gone ${index}](gone-${index}.md)`).join('\n')}\n\n[beside the pages](p1.md)\n`)),
      ...pages.map((page) => readDocument(page, encoder.encode(`# Page\n\n--8<-- "fragment.md"\n\n${includesAll}\n`))),
    ];
    const graph = new KnowledgeGraph({ documents });
    const edges = graph.edgesIn('fragment.md');
    expect(edges.filter((edge) => edge.status === 'missing-document')).toHaveLength(100);
    expect(edges.find((edge) => edge.target === 'p1.md')?.toDocument).toBe('pages/p1.md');
    expect(graph.includersOf('fragment.md')).toHaveLength(100);
  });
});

describe('agent imports', () => {
  const graph = graphFromTexts(
    {
      'AGENTS.md': '# Agents\n',
      'app/CLAUDE.md': '# App\n\n@../AGENTS.md\n@docs/setup.md\n@app/docs/setup.md\n@docs/none.md\n',
      'app/docs/setup.md': '# Setup\n',
      'app/.claude/commands/ship.md': '# Ship\n\nRead @docs/setup.md first.\n',
      'README.md': '# Readme\n\nSee @AGENTS.md.\n',
    },
    ['tools/run.sh'],
  );
  const importsOf = (path: string) => graph.edgesIn(path).filter((edge) => edge.kind === 'links-to').map((edge) => [edge.target, edge.status, edge.toDocument]);

  it('reach the file from the importing file, then from the root, as links do', () => {
    expect(importsOf('app/CLAUDE.md')).toEqual([
      ['../AGENTS.md', 'resolved', 'AGENTS.md'],
      ['docs/setup.md', 'resolved', 'app/docs/setup.md'],
      ['app/docs/setup.md', 'resolved', 'app/docs/setup.md'],
      ['docs/none.md', 'missing-document', undefined],
    ]);
  });

  it('in a slash command, reach the file from the project the command runs in', () => {
    expect(importsOf('app/.claude/commands/ship.md')).toEqual([['docs/setup.md', 'resolved', 'app/docs/setup.md']]);
  });

  it('are none in a file no agent reads them in', () => {
    expect(importsOf('README.md')).toEqual([]);
  });
});
