import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseCapsuleDocument } from './parse.js';
import remarkCapsules from './plugin.js';
import { isSampleDocument, isTestFixture, pathWithin } from './sample-documents.js';

const capsule = '# Shape\n\n### Capsule: CheckedStep\n\n**Invariant**\nEach step names its check.\n';

describe('sample documents', () => {
  it.each([['template.md'], ['skills/a/references/process-template.md'], ['guides/exemplar.md'], ['docs/Knowledge_Template.md'], ['templates.md'], ['skills/templates/inner-ally/SKILL.md'], ['Template/guide.md'], ['exemplars/a/b.md'], ['tests/claudemd/fixtures/stale/CLAUDE.md'], ['src/__fixtures__/a.md'], ['pkg/testdata/notes.md'], ['locales/es/plantillas/adr.md'], ['locales/fr/modèles/adr.md'], ['locales/ja/テンプレート/adr.md'], ['locales/de/Vorlagen/adr.md'], ['site/archetypes/default.md'], ['blog/scaffolds/post.md'], ['tests/golden/ide/windsurf/workflows/improve.md'], ['src/__snapshots__/render.md'], ['eng/common-tests/doc-automation/readme-generation/inputs/actual/latest/index.md'], ['tests/cases/expected/README.md'], ['src/Api.Tests/Baselines/page.md'], ['__tests__/input/CLAUDE.md']])(
    'takes %s for a template, an exemplar or a test fixture',
    (path) => {
      expect(isSampleDocument(path)).toBe(true);
      expect(parseCapsuleDocument(capsule, path).model.capsules.map((found) => found.sample)).toEqual([true]);
    },
  );

  it.each([['guide.md'], ['templating.md'], ['docs/template-engine.md'], ['exemplary.md'], ['templating/guide.md'], ['docs/templates-old/guide.md'], ['docs/fixtures-guide.md'], ['fixturing/notes.md'], ['modelling/guide.md'], ['docs/golden-path.md'], ['golden-path/guide.md'], ['tests/README.md'], ['tests/e2e/guide.md'], ['docs/expected/behaviour.md'], ['inputs/tests/notes.md'], ['contests/inputs/rules.md'], [undefined]])('takes %s for an ordinary document', (path) => {
    expect(isSampleDocument(path)).toBe(false);
    expect(parseCapsuleDocument(capsule, path).model.capsules.map((found) => found.sample)).toEqual([undefined]);
  });

  it("tells a test's fixtures and expected outputs from templates, whose frontmatter is what their copies will have", () => {
    for (const path of ['tests/fixtures/skills/bare/SKILL.md', 'src/__fixtures__/a.md', 'pkg/testdata/SKILL.md', 'tests/golden/x.md', 'eng/common-tests/gen/inputs/actual/index.md']) {
      expect(isTestFixture(path)).toBe(true);
    }
    for (const path of ['skills/templates/new-skill/SKILL.md', 'template.md', 'guides/exemplar.md', 'tests/README.md', 'skills/fixture-maker/SKILL.md', undefined]) {
      expect(isTestFixture(path)).toBe(false);
    }
  });

  it('reads the folders of a path within the working folder, and of an absolute path elsewhere only its name', () => {
    expect(pathWithin('/work/site/templates/a.md', '/work/site')).toBe('templates/a.md');
    expect(pathWithin('/srv/templates/docs/guide.md', '/work/site')).toBe('guide.md');
    expect(pathWithin('C:\\templates\\guide.md', 'D:\\site')).toBe('guide.md');
    expect(pathWithin('D:\\site\\templates\\guide.md', 'D:\\site')).toBe('templates\\guide.md');
    expect(pathWithin('templates/guide.md', '/work/site')).toBe('templates/guide.md');
    expect(pathWithin('/work/siteX/guide.md', '/work/site')).toBe('guide.md');
  });

  it("leaves a template's frontmatter placeholders alone, and still reads broken YAML anywhere else", () => {
    const template = '---\nname: {{SKILL_NAME}}\ndescription: {{What it does}} Use when {{trigger conditions}}.\n---\n\n# {{Title}}\n';
    const ruleIds = (path: string, text = template) => parseCapsuleDocument(text, path).messages.map((message) => message.ruleId);
    expect(ruleIds('skills/templates/simple-skill.md')).toEqual([]);
    expect(ruleIds('skills/simple-skill.md')).toContain('yaml-syntax');
    // `[placeholder]` words, which YAML reads as a list with text left over.
    const brackets = '---\nname: [skill-name]\ndescription: [One sentence role] + [Trigger]. Use when [Context 1].\n---\n\n# T\n';
    expect(ruleIds('skills/skill-template.md', brackets)).toEqual([]);
    expect(ruleIds('skills/simple-skill.md', brackets)).toContain('yaml-syntax');
    // `{placeholder}` words in single braces, which YAML reads as a mapping with text left over.
    const braces = '---\nname: {agent-name}\ndescription: {agent-description}. Use proactively when {usage-trigger}.\ntools: [{tool-list}]\n---\n\n# T\n';
    expect(ruleIds('config/templates/agent-template.md', braces)).toEqual([]);
    expect(ruleIds('.claude/agents/agent.md', braces)).toContain('yaml-syntax');
    // A model card's template whose whole frontmatter is one placeholder, which YAML reads as a mapping keyed by a mapping.
    const card = '---\n{{ card_data }}\n---\n\n# Model Card for {{ model_name }}\n';
    expect(ruleIds('trl/templates/lm_model_card.md', card)).toEqual([]);
    expect(ruleIds('trl/lm_model_card.md', card)).toContain('yaml-key');
    // A Hugo archetype's TOML, whose placeholders Hugo fills in when it makes a page from it.
    const archetype = '+++\ntitle = \'{{ replace .File.ContentBaseName "-" " " | title }}\'\ndate = {{ .Date }}\ndraft = true\n+++\n';
    expect(ruleIds('archetypes/default.md', archetype)).toEqual([]);
    expect(ruleIds('content/default.md', archetype)).toContain('toml-syntax');
    expect(ruleIds('archetypes/broken.md', '+++\ntitle = "a\n+++\n')).toContain('toml-syntax');
    // A template whose YAML is broken by something other than a placeholder is still told.
    expect(ruleIds('skills/templates/broken.md', '---\nname: a: b\n---\n# T\n')).toContain('yaml-syntax');
    expect(ruleIds('skills/templates/broken.md', '---\ntags: [a, b\n---\n# T\n')).toContain('yaml-syntax');
  });

  it('marks the capsules of a file under a templates folder of the working folder, not of the machine', () => {
    const sampleOf = (path: string) => {
      const file = new VFile({ value: capsule, path, cwd: '/work/site' });
      const processor = unified().use(remarkParse).use(remarkCapsules);
      processor.runSync(processor.parse(file), file);
      return (file.data.capsules as { capsules: { sample?: boolean }[] }).capsules.map((found) => found.sample);
    };
    expect(sampleOf('/work/site/skills/templates/guide.md')).toEqual([true]);
    expect(sampleOf('/srv/templates/site/guide.md')).toEqual([undefined]);
  });
});
