import { KnowledgeGraph, readDocument } from '@capsule-docs/graph';
import { describe, expect, it } from 'vitest';
import { surveyGraph } from './survey.js';

function graphOf(files: Record<string, string>): KnowledgeGraph {
  return new KnowledgeGraph({ documents: Object.entries(files).map(([path, text]) => readDocument(path, new TextEncoder().encode(text))) });
}

const capsule = (name: string) => `### Capsule: ${name}\n\n**Invariant**\nKeep ${name}.\n`;

describe('surveying a repository', () => {
  it('tells the frontmatter conventions apart', () => {
    const survey = surveyGraph(
      graphOf({
        'a/capsules.md': `---\ntags: ["One"]\n---\n# A\n\n${capsule('CapsuleKind')}`,
        'b/SKILL.md': `---\nname: b\ndescription: A skill.\n---\n# B\n\n${capsule('SkillKind')}`,
        'c/SKILL.md': `# C\n\n${capsule('BareSkill')}`,
        // An `audience` mapping is another tool's convention, though it writes `tags` too.
        'd/other.md': `---\ntags: [x]\naudience: { human: 30, agent: 70 }\n---\n# D\n\n${capsule('OtherKind')}`,
        'e/plain.md': `# E\n\n${capsule('PlainKind')}`,
        'e/prose.md': '# Prose\n\nThe words `### Capsule: NotOne` in a code span are no heading.\n',
      }),
    );
    expect(survey.documents).toEqual([
      { path: 'a/capsules.md', capsules: 1, convention: 'capsule' },
      { path: 'b/SKILL.md', capsules: 1, convention: 'skill' },
      { path: 'c/SKILL.md', capsules: 1, convention: 'none' },
      { path: 'd/other.md', capsules: 1, convention: 'none' },
      { path: 'e/plain.md', capsules: 1, convention: 'none' },
    ]);
    expect(survey.include).toEqual(['a/**/*.md', 'b/**/*.md', 'c/**/*.md', 'd/**/*.md', 'e/**/*.md']);
    expect(survey.schemas).toEqual([
      { glob: 'a/**/*.md', convention: 'capsule' },
      { glob: 'b/**/SKILL.md', convention: 'skill' },
    ]);
  });

  it('reads a folder whole once a folder above it is read, and root documents by name', () => {
    const survey = surveyGraph(graphOf({ 'top.md': capsule('Top'), 'x/a.md': capsule('A'), 'x/y/b.md': capsule('B'), 'xz/c.md': capsule('C') }));
    expect(survey.include).toEqual(['top.md', 'x/**/*.md', 'xz/**/*.md']);
  });
});
