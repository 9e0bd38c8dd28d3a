import { describe, expect, it } from 'vitest';
import { blankAttributeExpressions } from './mdx-expressions.js';
import { parseCapsuleDocument } from './parse.js';

/** The text with each blanked run of spaces shown as `_`, to see what went. */
const shown = (text: string) => blankAttributeExpressions(text).replace(/ {2,}/g, (run) => '_'.repeat(run.length));

describe("an MDX page's JSX attribute expressions", () => {
  it('are blanked, braces, line breaks and every other character kept in place', () => {
    const page = '# Rule\n\n<Fragment set:html={"<pre><span class=\\"x\\">a</span></pre>"} />\n\nText after.\n';
    const blanked = blankAttributeExpressions(page);
    expect(blanked).toHaveLength(page.length);
    expect(blanked).toBe(page.replace(/(?<=\{)"[^\n]*"(?=\})/, (string) => ' '.repeat(string.length)));
    const multiline = '<Card\n  title="Setup"\n  links={[\n    { href: "/a", label: "A}" },\n  ]}\n  {...rest}\n>\n';
    expect(blankAttributeExpressions(multiline)).toBe(`<Card\n  title="Setup"\n  links={ \n${' '.repeat(32)}\n   }\n  {${' '.repeat(7)}}\n>\n`);
  });

  it('are read through strings, template literals and comments, and several tags on a line', () => {
    expect(shown('<A b={`x ${ {c: "}"} } y`} d={/* } */ 1} />\n')).toBe(`<A b={${'_'.repeat(19)}} d={${'_'.repeat(9)}} />\n`);
    expect(shown('<Tabs items={["a", "b"]}><Tab value={"a"}>\n')).toBe('<Tabs items={__________}><Tab value={___}>\n');
  });

  it('are left as they are in a fence, inside a line, or where a tag does not end as JSX', () => {
    for (const text of [
      '```jsx\n<A b={"[x]"} />\n```\n',
      'Text <A b={"[x]"} /> inline.\n',
      '<A b={"never closed} />\n\nMore.\n',
      '<A b=unquoted />\n',
      '<https://example.com/a={b}>\n',
    ]) {
      expect(blankAttributeExpressions(text), text).toBe(text);
    }
    // After a fence closes (CRLF too), tags are read again.
    expect(shown('```\r\n<A b={1} />\r\n```\r\n<A b={"xyz"} />\r\n')).toBe('```\r\n<A b={1} />\r\n```\r\n<A b={_____} />\r\n');
  });

  it('do not reach the parse: the page is read as before, with no markup from the strings', () => {
    const text = '# Rule\n\n<Fragment set:html={"<a href=\\"x\\">[link](nowhere.md)</a> **bold**"} />\n\nSee [setup](setup.md).\n';
    const { tree, model } = parseCapsuleDocument(text, 'rule.mdx');
    expect(model.links.map((link) => link.url)).toEqual(['setup.md']);
    const paragraph = tree.children[1]!;
    expect(paragraph.position).toMatchObject({ start: { line: 3, column: 1 }, end: { line: 3, column: text.split('\n')[2]!.length + 1 } });
    // A `.md` file is Markdown, whatever its tags hold.
    expect(parseCapsuleDocument(text, 'rule.md').model.links.map((link) => link.url)).toEqual(['nowhere.md', 'setup.md']);
  });
});
