import { describe, expect, it } from 'vitest';
import { parseCapsuleDocument } from './parse.js';

const rule = '---\ndescription: Documentation pages\nglobs: *.md,*.mdx\nalwaysApply: false\n---\n\n# Pages\n';
const ruleIds = (path: string, text = rule) => parseCapsuleDocument(text, path).messages.map((message) => message.ruleId);

describe("an agent editor's rules file", () => {
  it('keeps the unquoted globs the editor writes, and reads the rest of its frontmatter', () => {
    // A collection of Cursor's rules kept to be copied into `.cursor/rules/` holds them as Cursor reads them.
    for (const path of ['.cursor/rules/pages.mdc', '.windsurf/rules/pages.md', 'packages/web/.cursor/rules/pages.mdc', 'rules-mdc/pages.mdc', 'Pages.MDC']) {
      expect(ruleIds(path), path).toEqual([]);
      expect(parseCapsuleDocument(rule, path).model.frontmatter?.data).toMatchObject({ description: 'Documentation pages', globs: '*.md,*.mdx', alwaysApply: false });
    }
  });

  it('is still told broken YAML on another line, and unquoted globs anywhere else', () => {
    expect(ruleIds('.cursor/rules/pages.mdc', '---\ndescription: a: b\nglobs: *.md\n---\n# T\n')).toContain('yaml-syntax');
    expect(ruleIds('docs/pages.md')).toContain('yaml-syntax');
    expect(ruleIds('.github/instructions/pages.instructions.md', '---\napplyTo: **/*.md\n---\n# T\n')).toContain('yaml-syntax');
  });

  it('says quoted globs in a row are mended by writing them as the editor reads them, not in brackets', () => {
    const text = '---\ndescription: Level one\nglobs: "**/level1/**", \'**/workflow/**\'\nalwaysApply: false\n---\n# T\n';
    for (const path of ['.cursor/rules/level1.mdc', 'rules-mdc/level1.mdc', '.windsurf/rules/level1.md']) {
      expect(parseCapsuleDocument(text, path).messages.map((message) => [message.ruleId, message.reason, `${message.line}:${message.column}`]), path).toEqual([
        [
          'yaml-syntax',
          'Frontmatter is not valid YAML: the value of `globs` is quoted items separated by commas, which YAML reads as one quoted item with text left over, and the editor as text, quotes and all, so no pattern matches a file; write the patterns without quotes, separated by commas alone: `globs: **/level1/**,**/workflow/**`',
          '3:8',
        ],
      ]);
    }
    // The mended line is read as the editor reads it: nothing to tell.
    expect(ruleIds('.cursor/rules/level1.mdc', '---\ndescription: Level one\nglobs: **/level1/**,**/workflow/**\n---\n# T\n')).toEqual([]);
    // Elsewhere the brackets are YAML's list, and the mend.
    expect(parseCapsuleDocument(text, 'docs/level1.md').messages[0]?.reason).toContain('for a list, write them in brackets: `["**/level1/**", \'**/workflow/**\']`');
  });
});
