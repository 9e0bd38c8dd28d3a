/** Anchor checks shared by the rules that follow references into documents. */
import { suggestAmong, type CorpusDocument, type Edge } from '@capsule-docs/graph';
import type { RuleContext } from '../types.js';
import { githubSlug } from 'remark-capsules';
import { anchorsOf, lowerCaseAnchorsOf } from './corpus.js';
import { isSphinxTarget } from './sphinx-targets.js';

/** Messages for a reference whose `#anchor` names no heading of its target document. */
export const anchorMessages = {
  'missing-anchor': '`{document}` has no heading with the anchor `#{anchor}`; point it at an existing heading, or drop the anchor',
  'missing-anchor-suggest': '`{document}` has no heading with the anchor `#{anchor}`; did you mean `#{suggestion}`?',
  'missing-anchor-suggest-invisible':
    '`{document}` has no heading with the anchor `#{anchor}`; did you mean `#{suggestion}`? It holds {characters}, which shows as nothing: the anchor keeps it from the heading (an emoji\'s variation selector, a combining mark)',
  'missing-anchor-no-headings':
    '`{document}` has no headings, so no anchor leads anywhere on it: `#{anchor}` opens it at its top; drop the anchor, or link the page that holds that section',
  'anchor-in-code':
    '`{document}` has no heading with the anchor `#{anchor}`: `{heading}` on line {line} is inside a code block, so it makes none; close the code block before it, or point at an existing heading',
};

/**
 * Fragments that are no heading's by design: GitHub's line anchors (`#L35`, `#L3-L5`,
 * `#L3C2-L5C8`) and a browser's text fragments (`#:~:text=…`).
 */
const notHeadingAnchor = /^(?:L\d+(?:C\d+)?(?:-L\d+(?:C\d+)?)?|:~:[^]*)$/;

/**
 * DocFX's tabs: a heading that is only a link to `#tab/<id>` (`#### [Bash](#tab/bash)`) opens a
 * tab of the content under it; it links to no heading.
 */
const docfxTabHeading = /^ {0,3}#{1,6}[ \t]+\[[^\]]*\]\(#tab\/[^\s()]+\)[ \t]*$/;

function isDocfxTab(context: RuleContext, edge: Edge): boolean {
  if (!edge.target.startsWith('#tab/')) return false;
  const { text } = context.document;
  const { offset, column } = edge.position.start;
  const lineEnd = /\r|\n|$/g;
  lineEnd.lastIndex = offset;
  return docfxTabHeading.test(text.slice(offset - (column - 1), lineEnd.exec(text)!.index));
}

/** The findings of a document that was not read, whose headings are therefore unknown. */
const unreadDocumentRules = new Set(['file-too-large', 'binary-file', 'invalid-encoding', 'unreadable-file']);

/** Characters that show as nothing: zero-width ones, variation selectors, combining marks. */
const invisible = /[\u200B-\u200D\u2060\uFE00-\uFE0F\u0300-\u036F]/gu;

function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Report a resolved edge whose anchor is not a heading slug or HTML anchor of the Markdown document it reaches. */
export function checkAnchor(context: RuleContext, edge: Edge): void {
  if (!edge.anchor || edge.toDocument === undefined || notHeadingAnchor.test(edge.anchor) || isDocfxTab(context, edge)) return;
  const target = context.graph.document(edge.toDocument);
  // Files that are not documents (images, PDFs) have no headings to check against, nor has a
  // document that was not read (too large, binary, unreadable): its own finding says why.
  if (!target || target.messages.some((message) => unreadDocumentRules.has(message.ruleId ?? ''))) return;
  const anchors = anchorsOf(context, target);
  // GitHub finds a heading whatever the case of the anchor: `#ID` reaches `# ID`.
  if (anchors.has(edge.anchor) || lowerCaseAnchorsOf(context, target).has(edge.anchor.toLowerCase())) return;
  // A Docsify cover page is shown above the home page: `[Get Started](#quick-start)` reaches the home page's heading.
  const below = edge.target.startsWith('#') ? context.graph.pageShownBelow(target.path) : undefined;
  const home = below === undefined ? undefined : context.graph.document(below);
  if (home && (anchorsOf(context, home).has(edge.anchor) || lowerCaseAnchorsOf(context, home).has(edge.anchor.toLowerCase()))) return;
  // Obsidian writes and follows a link to a heading by the heading's text (`#Some%20Heading`):
  // the text's slug is the heading's (a closed document's summary keeps slugs, not texts).
  if (context.graph.anchorsByHeadingText(target.path) && anchorsOf(context, target).has(githubSlug(edge.anchor))) return;
  // dumi gives each demo of a page the id `<page>-demo-<name>` (`#form-demo-basic`); the page's name is dumi's to make.
  const demo = /^[\p{L}\p{N}_-]+-(demo-.+)$/u.exec(edge.anchor)?.[1];
  if (demo !== undefined && target.model.siteAnchors?.dumi?.includes(demo.toLowerCase()) && context.graph.siteAnchorStyles(target.path).has('dumi')) return;
  // mkdocs-click documents a command's subcommands under headings of the whole command line (`#marimo-run`), from the code.
  if (target.model.clickCommands?.some((command) => edge.anchor === command || edge.anchor!.startsWith(`${command}-`)) && context.graph.siteAnchorStyles(target.path).has('python-markdown')) return;
  // mkdocstrings renders the members of an object a page documents (`::: pydantic.config`) from
  // the code, each with its dotted path as its id (`#pydantic.config.ConfigDict`): not known here.
  if (isAutodocMember(target, edge.anchor) && context.graph.siteAnchorStyles(target.path).has('python-markdown')) return;
  // doc-builder renders each object an `[[autodoc]]` line names, and its members, under ids from the code
  // with the package in front: `#smolagents.Tool.from_hub` on the page holding `[[autodoc]] Tool`.
  if (target.model.autodocObjects?.some((name) => namesObject(edge.anchor!, name))) return;
  // A fragment a page takes in whole is shown on that page: its `#anchor` may be a heading of the page (`#semantic-dom` in a shared table of props).
  if (edge.target.startsWith('#') && target.path === edge.document && includerHas(context, edge.document, edge.anchor)) return;
  // A page with no anchor of its own, or only its title's, that renders a component
  // (`<ApiReference />` in MDX, a Vue component where VitePress or VuePress serves a Markdown
  // page): every anchor it has, the component makes when the site is built, and none can be
  // checked here.
  if (target.model.rendersComponents && (anchors.size === 0 || target.model.headings.every((heading) => heading.depth === 1)) && rendersThere(context, target)) return;
  // A Mintlify API page (`openapi: post /v3/memories/add/`) renders its parameters and responses
  // from the API's specification, each with an anchor no heading makes (`#body-messages`).
  if (target.model.frontmatter?.data?.openapi !== undefined && context.graph.siteAnchorStyles(target.path).has('mintlify')) return;
  // In a MyST project, `page.md#name` reaches a target the page sets (`:label: name`), as MyST resolves a link's anchor.
  if (context.graph.isMystPage(target.path) && target.model.labels?.some((label) => label.toLowerCase() === edge.anchor!.toLowerCase())) return;
  // In a MyST project, `[text](#name)` reaches a target set on any page, or one Sphinx makes.
  if (edge.target.startsWith('#') && (context.graph.siteLabel(edge.document, edge.anchor) !== undefined || (isSphinxTarget(edge.anchor) && context.graph.isMystPage(edge.document)))) return;
  const data = { document: target.path, anchor: edge.anchor };
  // A heading a code block holds (a sample, or one swallowed by a fence left open) looks like a
  // heading to the author: say why it makes no anchor.
  const inCode = target.model.codeHeadings?.find((heading) => heading.slug === edge.anchor || heading.setAnchor === edge.anchor);
  if (inCode) {
    context.report({ messageId: 'anchor-in-code', data: { ...data, heading: inCode.text, line: inCode.line }, place: edge.position });
    return;
  }
  // `[x](#name)` on a MyST page may aim at a target of any page.
  const labels = edge.target.startsWith('#') && context.graph.isMystPage(edge.document) ? context.graph.siteLabels(edge.document) : [];
  // Of two anchors as near, the one the page's site makes: `#what’s-next` on Mintlify, not GitHub's `#whats-next`.
  const near =
    withHiddenCharacters(edge.anchor, anchors) ??
    suggestAmong(edge.anchor, labels.length === 0 ? anchors : [...anchors, ...labels], siteMadeAnchors(context, target)) ??
    lengthened(edge.anchor, anchors);
  const suggestion = near === undefined ? undefined : setAnchorFor(context, target, near);
  if (!suggestion) {
    // A page of no heading at all (a generated reference titled in its frontmatter): "an
    // existing heading" would send the reader looking for one.
    const none = anchors.size === 0 && labels.length === 0;
    context.report({ messageId: none ? 'missing-anchor-no-headings' : 'missing-anchor', data, place: edge.position });
    return;
  }
  const hidden = [...new Set(suggestion.match(invisible) ?? [])].filter((character) => !edge.anchor!.includes(character));
  context.report(
    hidden.length > 0
      ? { messageId: 'missing-anchor-suggest-invisible', data: { ...data, suggestion, characters: hidden.map(codePoint).join(' and ') }, place: edge.position, expected: [suggestion] }
      : { messageId: 'missing-anchor-suggest', data: { ...data, suggestion }, place: edge.position, expected: [suggestion] },
  );
}

/**
 * The one anchor that is the written one with characters that show as nothing: what the
 * writer saw of the heading and typed (`#-分支保护规则` for `## 🛡️ 分支保护规则`, whose anchor
 * keeps the emoji's variation selector), before an anchor as near by edits that names another
 * heading (`### 分支保护规则` further down).
 */
function withHiddenCharacters(anchor: string, anchors: ReadonlySet<string>): string | undefined {
  const written = anchor.toLowerCase();
  const matches = [...anchors].filter((candidate) => candidate.replace(invisible, '').toLowerCase() === written && candidate.toLowerCase() !== written);
  return matches.length === 1 ? matches[0] : undefined;
}

/** Whether the components a page holds are rendered where it is read: any MDX page's, and a Markdown page's where VitePress or VuePress serves it. */
function rendersThere(context: RuleContext, target: CorpusDocument): boolean {
  if (/\.mdx$/i.test(target.path)) return true;
  const styles = context.graph.siteAnchorStyles(target.path);
  return styles.has('vitepress') || styles.has('vuepress');
}

/** An identifier as mkdocstrings's autodoc line names an object (`::: package.module`). */
const autodocIdentifier = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;

/** Whether `anchor` is the id of a member of an object the page's autodoc lines render (`#shop.cache.clear` under `::: shop.cache`). */
function isAutodocMember(target: CorpusDocument, anchor: string): boolean {
  return (target.model.siteAnchors?.['python-markdown'] ?? []).some((id) => anchor.startsWith(`${id}.`) && autodocIdentifier.test(id) && autodocIdentifier.test(anchor));
}

/** The anchors the generators serving the document make of its headings where they differ from GitHub's. */
function siteMadeAnchors(context: RuleContext, target: CorpusDocument): ReadonlySet<string> {
  const styles = context.graph.siteAnchorStyles(target.path);
  const made = new Set<string>();
  if (styles.size === 0) return made;
  for (const heading of target.model.headings) for (const style of styles) if (heading.siteSlugs?.[style] !== undefined) made.add(heading.siteSlugs[style]);
  return made;
}

/**
 * The id a heading sets for itself where the suggestion is the anchor of its text: on a site
 * page, `### RouteRecord %{#Type-Aliases-RouteRecord}%` is `#Type-Aliases-RouteRecord`, and
 * `#routerecord-type-aliases-routerecord`, its text's anchor on GitHub, names no heading there.
 * On a page no generator serves, the anchor of its text is the one there is.
 */
function setAnchorFor(context: RuleContext, target: CorpusDocument, suggestion: string): string {
  if (context.graph.siteAnchorStyles(target.path).size === 0 && !context.graph.servedBySite(target.path)) return suggestion;
  const heading = target.model.headings.find(
    (candidate) => candidate.setAnchor !== undefined && (candidate.slug === suggestion || Object.values(candidate.siteSlugs ?? {}).includes(suggestion)),
  );
  return heading?.setAnchor ?? suggestion;
}

/**
 * `#late-follow-up-templates` for `## Late Follow-Up Templates (5+ Days)`: the one heading
 * whose anchor only gained words after the link's, too many for an edit to be near; else the
 * one that only gained words before an anchor of two or more
 * (`## Debugging Native Application Code` for `#native-application-code`), or only its
 * section's number before any (`### 3.3 参数命名规范` for `#参数命名规范`).
 */
function lengthened(anchor: string, anchors: ReadonlySet<string>): string | undefined {
  const longer = [...anchors].filter((candidate) => candidate.startsWith(`${anchor}-`));
  if (longer.length > 0) return longer.length === 1 ? longer[0] : undefined;
  // Or words came before it (`## Debugging Native Application Code` for `#native-application-code`), when it has more than one,
  // or only a section's number did, whatever the words (`### 3.3 参数命名规范` for `#参数命名规范`, a phrase without hyphens).
  const after = [...anchors].filter((candidate) => candidate.endsWith(`-${anchor}`) && (anchor.includes('-') || /^\d+-$/.test(candidate.slice(0, -anchor.length))));
  return after.length === 1 ? after[0] : undefined;
}

/**
 * Whether a dotted anchor names the object, or a member of it, by the object's own name with
 * whatever path doc-builder puts in front: `smolagents.Tool.from_hub` names `Tool`, and
 * `peft.LoraModel` names `tuners.lora.model.LoraModel`, which the package exports as `LoraModel`.
 */
function namesObject(anchor: string, name: string): boolean {
  return /^[A-Za-z_][\w.]*$/.test(anchor) && `.${anchor}.`.includes(`.${name.slice(name.lastIndexOf('.') + 1)}.`);
}

/** Whether a page taking the fragment in (or a page taking that page in) has the anchor. */
function includerHas(context: RuleContext, fragment: string, anchor: string): boolean {
  return context.graph.pagesTakingIn(fragment, 20).some((path) => {
    const page = context.graph.document(path);
    return page !== undefined && (anchorsOf(context, page).has(anchor) || lowerCaseAnchorsOf(context, page).has(anchor.toLowerCase()));
  });
}
