import { describe, expect, it } from 'vitest';
import { parseCapsuleDocument } from './parse.js';

const rule = '---\ndescription: Documentation pages\nglobs: *.md,*.mdx\nalwaysApply: false\n---\n\n# Pages\n';
const ruleIds = (path: string, text = rule) => parseCapsuleDocument(text, path).messages.map((message) => message.ruleId);

describe("an agent editor's rules file", () => {
  it('keeps the unquoted globs the editor writes, and reads the rest of its frontmatter', () => {
    for (const path of ['.cursor/rules/pages.mdc', '.windsurf/rules/pages.md', 'packages/web/.cursor/rules/pages.mdc']) {
      expect(ruleIds(path), path).toEqual([]);
      expect(parseCapsuleDocument(rule, path).model.frontmatter?.data).toMatchObject({ description: 'Documentation pages', globs: '*.md,*.mdx', alwaysApply: false });
    }
  });

  it('is still told broken YAML on another line, and unquoted globs anywhere else', () => {
    expect(ruleIds('.cursor/rules/pages.mdc', '---\ndescription: a: b\nglobs: *.md\n---\n# T\n')).toContain('yaml-syntax');
    expect(ruleIds('docs/pages.md')).toContain('yaml-syntax');
    expect(ruleIds('.github/instructions/pages.instructions.md', '---\napplyTo: **/*.md\n---\n# T\n')).toContain('yaml-syntax');
  });
});
