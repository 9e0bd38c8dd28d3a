import { readFileSync } from 'node:fs';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseCapsuleDocument } from './parse.js';
import remarkCapsules from './plugin.js';

const guide = readFileSync(new URL('./__fixtures__/guide.md', import.meta.url), 'utf8');

/** The model as a user's own pipeline reads it: no table or task-list syntax plugin. */
function readWithUserPipeline(text: string) {
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkCapsules);
  const file = new VFile({ value: text, path: 'user.md' });
  processor.runSync(processor.parse(file), file);
  return file.data.capsules;
}

function withoutNodes(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, child: unknown) => (key === 'nodes' ? undefined : child))) as unknown;
}

describe('remark-capsules in a pipeline without our syntax plugin', () => {
  it('reads checklist items from the `[ ]` marker in their text', () => {
    const model = readWithUserPipeline('## Checks\n\n- [ ] Open item (RiskDiscovery)\n- [x] Done item\n- Plain bullet (NotAnItem)\n');
    expect(model?.checklist.map((item) => [item.text, item.checked, item.cites.map((cite) => cite.name), item.section])).toEqual([
      ['Open item (RiskDiscovery)', false, ['RiskDiscovery'], 'Checks'],
      ['Done item', true, [], 'Checks'],
    ]);
    expect(model?.checklist[0]?.cites[0]?.position.start).toEqual({ line: 3, column: 18, offset: 28 });
  });

  it('reads the guide’s frontmatter, capsules and checklist as the ready pipeline does', () => {
    const user = readWithUserPipeline(guide);
    const ready = parseCapsuleDocument(guide).model;
    expect(user?.checklist).toHaveLength(12);
    expect(user?.checklist).toEqual(ready.checklist);
    expect(user?.frontmatter).toEqual(ready.frontmatter);
    expect(withoutNodes(user?.capsules)).toEqual(withoutNodes(ready.capsules));
  });
});

describe('a page that renders a component', () => {
  const renders = (text: string, path = 'page.mdx') => parseCapsuleDocument(text, path).model.rendersComponents === true;

  it('is told by a component opening a paragraph, or in an mdx-code-block fence', () => {
    expect(renders('# API\n\n<ApiReference spec="api.json" />\n')).toBe(true);
    expect(renders('```mdx-code-block\nimport API from "@theme/API"\n\n<API.Spec />\n```\n')).toBe(true);
  });

  it('is told in Markdown by an HTML block opening with a component, as VitePress renders Vue components', () => {
    expect(renders('# Settings\n\n<Settings :level="2" />\n', 'page.md')).toBe(true);
  });

  it('is not told by a lower-case tag, a code sample, or a component within a line', () => {
    expect(renders('<div>text</div>\n')).toBe(false);
    expect(renders('```jsx\n<ApiReference />\n```\n')).toBe(false);
    expect(renders('Text with <Badge /> inside.\n')).toBe(false);
    expect(renders('<div>text</div>\n', 'page.md')).toBe(false);
    expect(renders('```vue\n<Settings />\n```\n', 'page.md')).toBe(false);
    expect(renders('Text with <Badge /> inside.\n', 'page.md')).toBe(false);
  });
});
