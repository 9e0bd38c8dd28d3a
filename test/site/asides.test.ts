/**
 * Admonitions fenced with colons (Starlight, Docusaurus, VitePress, MyST) as the box their
 * site draws, and everything else written with colons left as it is.
 */
import { parseCapsuleDocument } from 'remark-capsules';
import { describe, expect, it } from 'vitest';
import { withAsides } from '../../site/src/lib/asides.js';
import { renderMarkdown } from '../../site/src/lib/render.js';

/** The page's HTML, its line breaks between blocks left out. */
const render = (lines: string[], path = 'doc.md') => renderMarkdown(withAsides(parseCapsuleDocument(lines.join('\n'), path).tree)).replace(/>\n</g, '><');

describe('withAsides', () => {
  it("makes Starlight's asides boxes, with their titles, on Markdown and MDX pages alike", () => {
    for (const path of ['doc.md', 'doc.mdx']) {
      const html = render([':::note', 'Copy the *settings* first:', '', '```sh', 'cp a b', '```', ':::', '', ':::tip[ASAN finds more bugs!]', 'Build with it.', ':::'], path);
      expect(html).not.toContain(':::');
      expect(html).toContain(
        '<aside aria-label="Note" class="starlight-aside starlight-aside--note"><p class="starlight-aside__title">Note</p><div class="starlight-aside__content"><p>Copy the <em>settings</em> first:</p><pre tabindex="0"><code class="language-sh">cp a b\n</code></pre></div></aside>',
      );
      expect(html).toContain('<aside aria-label="ASAN finds more bugs!" class="starlight-aside starlight-aside--tip"><p class="starlight-aside__title">ASAN finds more bugs!</p><div class="starlight-aside__content"><p>Build with it.</p></div></aside>');
    }
  });

  it("reads Docusaurus's, VitePress's and MyST's names and titles, nesting by colons, and a list running up to the fence", () => {
    const html = render(['::::warning Mind the order', 'Outer.', '', '::: {tip}', '- one', '- two', ':::', '::::', '', '::: details', 'Hidden.', ':::']);
    expect(html).not.toContain(':::');
    expect(html).toMatch(/^<aside aria-label="Mind the order" class="starlight-aside starlight-aside--caution"><p class="starlight-aside__title">Mind the order<\/p><div class="starlight-aside__content"><p>Outer.<\/p><aside aria-label="Tip" class="starlight-aside starlight-aside--tip">.*<li>two<\/li><\/ul><\/div><\/aside><\/div><\/aside>/s);
    expect(html).toContain('<details><summary>Details</summary><p>Hidden.</p></details>');
  });

  it('leaves alone fences that are not admonitions, and one never closed', () => {
    for (const lines of [['::: mkdocs-click', ':module: app', ':command: cli'], ['::: package.module'], [':::note', 'Never closed.'], ['Text.', '', ':::']]) {
      const tree = parseCapsuleDocument(lines.join('\n'), 'doc.md').tree;
      expect(withAsides(tree)).toBe(tree);
    }
  });
});
