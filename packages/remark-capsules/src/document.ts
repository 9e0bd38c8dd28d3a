/**
 * Document-wide facts gathered in one walk in source order: headings (with the anchors a
 * renderer gives them), checklist items and their citations, links, and capsule mentions.
 */
import GithubSlugger, { slug } from 'github-slugger';
import type { Code, Definition, Heading, Image, Link, ListItem, Nodes, Paragraph, Root, Text } from 'mdast';
import type { Capsule, ChecklistItem, Citation, CodeHeading, DocumentInclude, DocumentLink, DocumentHeading, HtmlLink, ImportingTool, Mention, SiteAnchorStyle, Span } from './model.js';
import { readImports } from './agent-imports.js';
import { readHtmlLinks } from './html-links.js';
import { fenceOpenedBy } from './fences.js';
import { isCitableName } from './names.js';
import { isAddress } from './addresses.js';
import { seeAlsoSpans } from './capsules.js';
import { collapseWhitespace, inlineText, lineText, type SourceText } from './source-text.js';
import { SiteSlugger, siteSlug, textWithoutBadges } from './site-slugs.js';

export interface DocumentFacts {
  headings: DocumentHeading[];
  checklist: ChecklistItem[];
  links: DocumentLink[];
  htmlLinks?: HtmlLink[];
  mentions: Mention[];
  codeHeadings?: CodeHeading[];
  setAnchors?: string[];
  siteAnchors?: Partial<Record<SiteAnchorStyle, string[]>>;
  clickCommands?: string[];
  autodocObjects?: string[];
  labels?: string[];
  includes?: DocumentInclude[];
}

/** At most this many code headings are kept: a document of Markdown samples could hold thousands. */
const codeHeadingLimit = 200;
const headingLine = /^ {0,3}#{2,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

const taskMarker = /^\[([ xX])\][ \t]+/;

/** Walk the tree once and collect the document-wide facts. */
export function readDocumentFacts(tree: Root, source: SourceText, capsules: Capsule[], seeAlsoOutside: Span[] = [], imports?: ImportingTool): DocumentFacts {
  const facts: DocumentFacts = { headings: [], checklist: [], links: [], mentions: [] };
  const slugger = new GithubSlugger();
  const siteSlugger = new SiteSlugger();
  // SeeAlso items and checklist citations are references already; as mentions they would
  // count twice. Citations join their list as their items are read, before their text is.
  // The document's own See Also items count likewise; both lists are in source order, and
  // they never overlap (those are outside every capsule), so a merge keeps the order.
  const seeAlsoItems = new RangeCursor(
    mergeInOrder(
      capsules.flatMap(seeAlsoSpans),
      seeAlsoOutside,
    ),
  );
  const citations = new RangeCursor([]);
  const capsuleRanges = new RangeCursor(capsules.map((capsule) => capsule.position));

  let section: string | undefined;
  let context: Context = noContext;
  // The math of the paragraph read last (see `mathSpans`).
  let math: [number, number][] = [];
  const sentences = new SentenceIndex();
  const mention = (name: string, position: Span) => {
    const offset = position.start.offset;
    const end = position.end.offset;
    if (seeAlsoItems.overlaps(offset, end) || citations.overlaps(offset, end)) return;
    const inCapsule = capsuleRanges.indexAt(offset);
    facts.mentions.push({ name, context: sentences.around(context(), name), inCapsule: inCapsule === -1 ? undefined : capsules[inCapsule]!.name, position });
  };

  const definitions: { link: DocumentLink; identifier: string }[] = [];
  const referenced = new Set<string>();
  const footnotes = new Footnotes();

  // An explicit stack instead of recursion: hostile input nests lists thousands deep.
  const stack: { node: Nodes; context: Context }[] = [{ node: tree, context }];
  while (stack.length > 0) {
    const { node, context: parentContext } = stack.pop()!;
    context = parentContext;
    switch (node.type) {
      case 'heading': {
        const text = lineText(node);
        // GitHub makes the anchor from the text it shows: the tags of inline HTML are not in
        // it, and each space is a hyphen (`8.  Bits` is `#8--bits`), so spaces are not collapsed.
        const shown = node.children.some((child) => child.type === 'html') ? collapseWhitespace(inlineText(node, false)) : inlineText(node);
        const slug = slugger.slug(shown);
        const siteSlugs = siteSlugger.slugs(shown, slug, node.children.some((child) => child.type === 'html') ? textWithoutBadges(node) : undefined);
        const custom = customHeadingAnchor(text) ?? bracketedHeadingAnchor(node.children.at(-1));
        facts.headings.push({
          text,
          depth: node.depth,
          slug,
          ...(Object.keys(siteSlugs).length > 0 ? { siteSlugs } : {}),
          ...(custom !== undefined ? { setAnchor: custom } : {}),
          position: source.spanOf(node),
        });
        if (custom !== undefined) addFact(facts, 'setAnchors', custom);
        section = text;
        context = () => text;
        break;
      }
      case 'listItem': {
        const item = readChecklistItem(node, source, section);
        if (item) {
          facts.checklist.push(item);
          for (const cite of item.cites) citations.add(cite.position);
        }
        break;
      }
      case 'paragraph':
        context = once(() => paragraphContext(node));
        readLabel(node, facts);
        readParagraphAttributes(node, facts);
        readKramdownAttributes(node, source, facts);
        readInlineAttributes(node, facts);
        readAutodocIdentifiers(node, facts);
        readDocBuilderAutodoc(node, facts);
        readIncludeElements(node, source, facts);
        footnotes.readDefinitions(node);
        readIncludes(node, source, facts);
        readPartialImports(node, source, facts);
        math = mathSpans(source, node);
        break;
      case 'tableRow':
        context = once(() => node.children.map((cell) => lineText(cell)).join(' | '));
        break;
      case 'link':
      case 'image': {
        const link = readLink(node, source);
        if (node.type === 'image') link.image = true;
        else if (isCodeImport(source.text, link.position.start.offset, link.text)) link.codeImport = true;
        if (onPercentLine(source.text, link.position.start.offset)) link.mystComment = true;
        // The paragraph read last is the one holding the link: its spans are in place.
        const start = link.position.start.offset;
        if (math.some(([from, to]) => start > from && start < to)) link.inMath = true;
        facts.links.push(link);
        break;
      }
      case 'definition': {
        // `[^1]: Deprecated.` is a footnote where GitHub renders it (GFM), not a link to `Deprecated.`.
        if (node.label?.startsWith('^')) {
          footnotes.define(node.label.slice(1));
          break;
        }
        const link = readLink(node, source);
        facts.links.push(link);
        definitions.push({ link, identifier: node.identifier });
        break;
      }
      case 'linkReference':
      case 'imageReference':
        referenced.add(node.identifier);
        if (node.type === 'linkReference' && node.label?.startsWith('^')) footnotes.mark(node.label.slice(1));
        break;
      case 'inlineCode':
        if (isCitableName(node.value)) mention(node.value, source.spanOf(node));
        break;
      case 'code':
        readCodeHeadings(node, source, (facts.codeHeadings ??= []));
        readPymdownBlockHeadings(node, source, facts);
        // A MyST directive, ```{figure}, names its target in its options; ```{include} takes in a file.
        if (node.lang?.startsWith('{')) readDirectiveName(node.lang.slice(1, -1), node.meta ?? '', node.value, facts);
        if (node.lang === '{include}' && node.meta) addInclude(facts, node.meta.trim(), source.spanOf(node));
        break;
      case 'html':
        readHtmlLinks(source, source.spanOf(node), (facts.htmlLinks ??= []));
        readHtmlAnchors(node.value, facts);
        readHtmlIncludes(node.value, source.spanOf(node), facts);
        readDumiDemos(node.value, facts);
        readMintlifyTabs(node.value, facts);
        break;
      case 'text':
        for (const { name, position } of bracketedNames(node, source)) mention(name, position);
        if (node.value.includes('[^')) footnotes.readMarks(node.value);
        if (node.value.includes('{#')) for (const [, id] of node.value.matchAll(yfmAnchor)) addSiteAnchor(facts, 'yfm', id!);
        if (node.value.includes('===')) readPymdownTabTitles(node.value, facts);
        if (imports !== undefined) readImports(node, source, imports, facts.links);
        break;
      default:
        break;
    }
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index]!, context });
    }
  }
  for (const { link, identifier } of definitions) link.definition = referenced.has(identifier) ? 'used' : 'unused';
  for (const anchor of footnotes.anchors()) addSiteAnchor(facts, 'python-markdown', anchor);
  if (facts.codeHeadings?.length === 0) delete facts.codeHeadings;
  if (facts.htmlLinks?.length === 0) delete facts.htmlLinks;
  return facts;
}

/** YFM's anchor, `{#id}`, which Diplodoc reads anywhere in the text. */
const yfmAnchor = /\{#([\w.:-]+)\}/g;

/** At most this many set anchors, labels or includes are kept: generated pages can set one per line. */
const setAnchorLimit = 5_000;

/** Add a value to one of the document's lists of anchors, labels or includes, up to `setAnchorLimit`. */
function addFact<K extends 'setAnchors' | 'labels' | 'includes'>(facts: DocumentFacts, key: K, value: NonNullable<DocumentFacts[K]>[number]): void {
  const list = (facts[key] ??= []) as NonNullable<DocumentFacts[K]>[number][];
  if (list.length < setAnchorLimit) list.push(value);
}
/** Add an anchor that the generators of one way give the page besides its headings' (see `CapsuleDocument.siteAnchors`), up to `setAnchorLimit`. */
function addSiteAnchor(facts: DocumentFacts, style: SiteAnchorStyle, anchor: string): void {
  const list = ((facts.siteAnchors ??= {})[style] ??= []);
  if (list.length < setAnchorLimit) list.push(anchor);
}

/**
 * A list of attributes at the end of a heading's text: `{#id}`, `{ #id .class }`, `{.class lang=en}`,
 * `{ id=id }`, `%{#id}%`, and attr_list's and kramdown's `{: #id }`.
 */
const headingAttributeList = /%?\{:?([^{}]*)\}%?\s*$/;
/**
 * Docusaurus's id written as an MDX comment ending the heading (`## Driver`, then the comment
 * `#driver` in braces), which MDX shows as nothing: the comment's first word, after its `#`.
 */
const commentHeadingId = /\s*\{\/\*\s*#([^\s*]+)[^]*?\*\/\}\s*$/;
/** Docsify's own way to set a heading's id, an `:id=` option among the heading's words: `## Hello, world! :id=hello-world`. */
const docsifyHeadingId = /(?:^|\s):id=([\w%-]+)(?=\s|$)/;
/**
 * One attribute of such a list: `#id`, `.class` or `key=value`, the value quoted or not. An id
 * runs to the next space or brace, as remark-heading-id, Docusaurus and attr_list read one: a
 * generated reference's `{#@TypeSpec.Http.body}` is the id `@TypeSpec.Http.body`.
 */
const headingAttribute = /\s*(?:#([^\s{}"'=#]+)|\.[\w-]+|([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"'}]+)))\s*/y;

/**
 * The anchor a heading's list of attributes gives it on the generators that read one (Hugo's
 * Goldmark, MkDocs's attr_list, kramdown, Pandoc), which leave the list out of the text shown:
 * the id it sets, or else the anchor of the text without it (`## Easy CLA {.notranslate}` is
 * `#easy-cla` there). Braces holding anything else (`## Plain {braces}`) are text. Python-Markdown
 * reads the list after a heading's closing hashes too, which CommonMark leaves in its text:
 * `### Locker plugin ### {: #locker }` is `#locker`, and without an id `#locker-plugin`.
 * Docsify reads an `:id=` option anywhere among the heading's words instead (`# docsify
 * <small>5.0</small> :id=docsify` is `#docsify`).
 */
function customHeadingAnchor(text: string): string | undefined {
  const comment = commentHeadingId.exec(text);
  if (comment) return comment[1];
  const docsify = docsifyHeadingId.exec(text);
  if (docsify) return docsify[1];
  const list = headingAttributeList.exec(text);
  const attributes = list ? readAttributeList(list[1]!) : undefined;
  if (!attributes) return undefined;
  return attributes.id ?? (slug(text.slice(0, list!.index).replace(/[ \t]+#+[ \t]*$/, '').trim()) || undefined);
}

/**
 * A heading's text as a reader sees it on the site it is written for, for a title: the tags of
 * inline HTML left out, as a browser shows the text (`Composition API: <br>Dependency Injection`),
 * a logo beside the words left out too (`# ![logo](art/logo.svg) Name` shows the picture, then
 * `Name`; an image alone is named by its alt text), and the list of attributes or the id that
 * sets its anchor taken off (see `withoutHeadingId`).
 */
export function shownHeadingText(heading: Nodes): string {
  const words = withoutImages(heading);
  const node = words !== heading && lineText(words) !== '' ? words : heading;
  const children = 'children' in node ? node.children : [];
  const text = children.some((child) => child.type === 'html') ? collapseWhitespace(inlineText(node, false)) : lineText(node);
  const last = children.at(-1);
  return withoutHeadingId(text, last?.type === 'text' ? last.value : undefined);
}

/** The node with its images left out, itself when it holds none. */
function withoutImages(node: Nodes): Nodes {
  if (!('children' in node)) return node;
  let changed = false;
  const children: Nodes[] = [];
  for (const child of node.children as Nodes[]) {
    if (child.type === 'image' || child.type === 'imageReference') {
      changed = true;
      continue;
    }
    const kept = withoutImages(child);
    if (kept !== child) changed = true;
    children.push(kept);
  }
  return changed ? ({ ...node, children } as Nodes) : node;
}

/**
 * A heading's text without what sets its anchor, as the generators that read it take it off
 * the text they show: a list of attributes at its end (`## Options {#options}`, `{: #options }`,
 * `{.class}`, after closing hashes too), Docusaurus's MDX comment naming `#options`,
 * Docsify's `:id=options` among its words, and, where
 * `lastText` (the value of the heading's last text node, if it ends in one) ends in it,
 * Fumadocs's and Nextra's `[#options]`. Braces holding anything else are text (`## Plain
 * {braces}`), and so is a list that would leave no text at all.
 */
export function withoutHeadingId(text: string, lastText: string | undefined = text): string {
  let shown = text;
  const docsify = docsifyHeadingId.exec(shown);
  if (docsify) shown = (shown.slice(0, docsify.index) + shown.slice(docsify.index + docsify[0].length)).trim();
  const list = headingAttributeList.exec(shown);
  if (list && readAttributeList(list[1]!)) shown = shown.slice(0, list.index).replace(/[ \t]+#+[ \t]*$/, '').trim();
  if (lastText !== undefined && bracketedHeadingId.test(lastText)) shown = shown.replace(bracketedHeadingId, '').trim();
  shown = shown.replace(commentHeadingId, '').trim();
  return shown === '' ? text : collapseWhitespace(shown);
}

/**
 * The heading with what sets its anchor taken out of its text nodes (see `withoutHeadingId`),
 * for a renderer to show it as the generators that read it do; the heading itself when nothing
 * does, or when taking it out would leave no text. The nodes are copied, never changed.
 */
export function headingWithoutId(node: Heading): Heading {
  const children = node.children.map((child) => {
    if (child.type !== 'text') return child;
    const docsify = docsifyHeadingId.exec(child.value);
    return docsify ? { ...child, value: child.value.slice(0, docsify.index) + child.value.slice(docsify.index + docsify[0].length) } : child;
  });
  const last = children.at(-1);
  if (last?.type === 'text') {
    const list = headingAttributeList.exec(last.value);
    const bracketed = bracketedHeadingId.exec(last.value);
    const comment = commentHeadingId.exec(last.value);
    const cut = comment ? comment.index : list && readAttributeList(list[1]!) ? list.index : bracketed ? bracketed.index : undefined;
    if (cut !== undefined) children[children.length - 1] = { ...last, value: last.value.slice(0, cut).replace(/[ \t]+#+[ \t]*$/, '').trimEnd() };
  }
  const changed = children.some((child, index) => child !== node.children[index]);
  if (!changed) return node;
  const end = children.at(-1);
  const kept = end?.type === 'text' && end.value.trim() === '' ? children.slice(0, -1) : children;
  return kept.every((child) => child.type === 'text' && child.value.trim() === '') ? node : { ...node, children: kept };
}

/** Fumadocs's and Nextra's custom heading id, `[#id]` ending the heading's last text: `## Revalidate on Mount [#revalidate-on-mount]`. */
const bracketedHeadingId = /\s*\[#([^]+?)\]\s*$/;

/**
 * The id Fumadocs and Nextra give a heading whose last text ends in `[#id]` (their default
 * remark plugins take it off the text shown and give the heading no slug of its own). Only
 * text counts, as they read it: `` ## `[#id]` `` is code.
 */
function bracketedHeadingAnchor(last: Nodes | undefined): string | undefined {
  return last?.type === 'text' ? bracketedHeadingId.exec(last.value)?.[1] : undefined;
}

/** The id the inside of a list of attributes sets (`#id` or `id=id`, the last one given); undefined when it is empty or holds anything but attributes. */
function readAttributeList(inner: string): { id: string | undefined } | undefined {
  if (inner.trim() === '') return undefined;
  let id: string | undefined;
  headingAttribute.lastIndex = 0;
  while (headingAttribute.lastIndex < inner.length) {
    const attribute = headingAttribute.exec(inner);
    if (!attribute) return undefined;
    if (attribute[1] !== undefined) id = attribute[1];
    else if (attribute[2] === 'id') id = attribute[3] ?? attribute[4] ?? attribute[5];
  }
  return { id };
}

/** attr_list's list on the last line of a paragraph, below its text: `{ #feedback }` or `{: #feedback }`. */
const paragraphAttributeList = /[\r\n][ \t]*\{:?([^{}\r\n]*)\}[ \t]*$/;

/**
 * The id Python-Markdown's attr_list gives a paragraph (or the list item it is in) whose last
 * line is a list of attributes, added to the document's Python-Markdown anchors. On the first
 * line, or after the text on the same line, the list is text.
 */
function readParagraphAttributes(node: Paragraph, facts: DocumentFacts): void {
  const last = node.children.at(-1);
  if (last?.type !== 'text' || !last.value.endsWith('}')) return;
  const list = paragraphAttributeList.exec(last.value);
  const id = list ? readAttributeList(list[1]!)?.id : undefined;
  if (id !== undefined) addSiteAnchor(facts, 'python-markdown', id);
}
/**
 * kramdown's block attribute list, a line of its own: `{: #apt}`, `{: .note #apt}`. Not an
 * attribute list definition (`{:ref: #apt}`), which names a list for others to use, nor an
 * extension (`{::comment}`).
 */
const kramdownBlockAttributes = /^ {0,3}\{:(?!:)(?![\w-]+:)([^{}\r\n]*)\}[ \t]*$/;

/**
 * The ids kramdown's block attribute lists give, added to the document's kramdown anchors. A
 * list on a line of its own gives its id to the block right beside it, with no blank line
 * between: the heading above it (`### apt (Debian or Ubuntu)` over `{: #apt}`, which
 * CommonMark reads as a paragraph of its own), the paragraph it ends, or the block below it.
 * One between blank lines sets nothing, as kramdown ignores it. GitHub shows such a line as
 * text, so only a page kramdown renders, Jekyll's, has the anchor.
 */
function readKramdownAttributes(node: Paragraph, source: SourceText, facts: DocumentFacts): void {
  const children = node.children;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  children.forEach((child, index) => {
    if (child.type !== 'text' || !child.value.includes('{:')) return;
    const lines = child.value.split(/\r\n|\r|\n/);
    lines.forEach((line, lineIndex) => {
      // Only a whole line: one that starts the paragraph or follows a line break, and ends one.
      const first = index === 0 && lineIndex === 0;
      const last = index === children.length - 1 && lineIndex === lines.length - 1;
      if ((!first && lineIndex === 0) || (!last && lineIndex === lines.length - 1)) return;
      const list = kramdownBlockAttributes.exec(line);
      const id = list ? readAttributeList(list[1]!)?.id : undefined;
      if (id === undefined) return;
      // A paragraph of the list alone stands beside a block only where no blank line parts them.
      if (first && last && !besideBlock(source.text, start, end)) return;
      addSiteAnchor(facts, 'kramdown', id);
    });
  });
}

/** Whether the line right above `start`, or right below `end`, holds anything: a block beside the text between them. */
function besideBlock(text: string, start: number, end: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
  const aboveStart = lineStart === 0 ? -1 : Math.max(text.lastIndexOf('\n', lineStart - 2), text.lastIndexOf('\r', lineStart - 2)) + 1;
  const above = aboveStart === -1 ? '' : text.slice(aboveStart, lineStart);
  const belowStart = /\r\n|\r|\n/g;
  belowStart.lastIndex = end;
  const next = belowStart.exec(text);
  const below = next === null ? '' : lineAt(text, next.index + next[0].length);
  return above.trim() !== '' || below.trim() !== '';
}

/** VuePress's import of a code file, `@[code](path)`: the `@`, after at most three spaces at the start of a line, and the link's text, `code` with its options (`code{1-3} js{2}`). */
const codeImportText = /^code(?:\{[^}]*\})?(?:[ \t]|$)/;

/** Whether the link at `start`, whose text is `text`, is VuePress's import of a code file, `@[code](path)` at the start of a line. */
function isCodeImport(text: string, start: number, linkText: string): boolean {
  if (start === 0 || text[start - 1] !== '@' || !codeImportText.test(linkText)) return false;
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
  return /^ {0,3}$/.test(text.slice(lineStart, start - 1));
}

/** Whether the line holding `start` opens with `%` after at most three spaces: MyST's comment line. */
function onPercentLine(text: string, start: number): boolean {
  // Back to the line's start only: a search of the whole text before it for each link would take the square of its length.
  let lineStart = start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let at = lineStart;
  while (at < start && at - lineStart < 3 && text[at] === ' ') at++;
  return at < start && text[at] === '%';
}

/** attr_list's list right after a link or an image: `{#id}`, `{: #id }`. */
const inlineAttributeList = /^\{:?([^{}\r\n]*)\}/;

/**
 * The ids attr_list gives the links and images of a paragraph followed by a list of
 * attributes (`![Logo](logo.svg){: #logo }`), added to the document's Python-Markdown
 * anchors. mkdocs-autorefs reads an empty link with one, `[](){#pattern-note}`, as an anchor
 * to link to.
 */
function readInlineAttributes(node: Paragraph, facts: DocumentFacts): void {
  const children = node.children;
  for (let index = 0; index < children.length - 1; index++) {
    const child = children[index]!;
    const next = children[index + 1]!;
    if ((child.type !== 'link' && child.type !== 'image') || next.type !== 'text' || !next.value.startsWith('{')) continue;
    const list = inlineAttributeList.exec(next.value);
    const id = list ? readAttributeList(list[1]!)?.id : undefined;
    if (id !== undefined) addSiteAnchor(facts, 'python-markdown', id);
  }
}

/** mkdocstrings's autodoc line, `::: package.module.name`, on a line of its own (its options indented below it). */
const autodocLine = /^:::[ \t]+([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)[ \t]*$/gm;

/**
 * The anchors mkdocstrings gives the objects a paragraph's autodoc lines render on an MkDocs
 * page: each heading's id is the identifier as written (`::: marimo.cache` is
 * `#marimo.cache`; lines in a row are one paragraph, each an object), added to the document's
 * Python-Markdown anchors. Their members' anchors (`#marimo.cache.clear`) come from the code:
 * they are not known here, and a link to one is not judged.
 */
function readAutodocIdentifiers(node: Paragraph, facts: DocumentFacts): void {
  const first = node.children[0];
  if (first?.type !== 'text' || !first.value.startsWith(':::')) return;
  const click = clickBlock.exec(first.value);
  if (click) {
    const command = (/^[ \t]*:prog_name:[ \t]*(\S+)/m.exec(click[1]!) ?? /^[ \t]*:command:[ \t]*(\S+)/m.exec(click[1]!))?.[1];
    if (command !== undefined && (facts.clickCommands ??= []).length < setAnchorLimit) facts.clickCommands.push(command.toLowerCase());
    return;
  }
  for (const match of first.value.matchAll(autodocLine)) addSiteAnchor(facts, 'python-markdown', match[1]!);
}

/** Hugging Face doc-builder's autodoc line, `[[autodoc]] CodeAgent` (its members listed on the lines below it). */
const docBuilderAutodoc = /^\[\[autodoc\]\][ \t]+([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)[ \t]*(?:\r?\n|\r|$)/;

/**
 * The object a paragraph's doc-builder autodoc line renders on a Hugging Face docs page, kept
 * as written (`CodeAgent`): its anchor and its members' are made from the code, with the
 * package in front (`#smolagents.CodeAgent`, `#smolagents.Tool.from_hub`), and are not known here.
 */
function readDocBuilderAutodoc(node: Paragraph, facts: DocumentFacts): void {
  const first = node.children[0];
  if (first?.type !== 'text' || !first.value.startsWith('[[autodoc]]')) return;
  const name = docBuilderAutodoc.exec(first.value)?.[1];
  if (name !== undefined && (facts.autodocObjects ??= []).length < setAnchorLimit) facts.autodocObjects.push(name);
}

/** mkdocs-click's block: `::: mkdocs-click` and its options below it (`:module:`, `:command:`, `:prog_name:`). */
const clickBlock = /^:::[ \t]+mkdocs-click[ \t]*\r?\n((?:[ \t]*:[\w-]+:.*(?:\r?\n|$))*)/;

/** An `id` or `name` attribute inside a tag, its value quoted or not; a tag is read up to the next `<`, so the scan stays linear. */
const anchorAttribute = /<[A-Za-z][^<>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;

/**
 * The math a paragraph holds, as offset ranges: `$$…$$`, and `$…$` whose `$` opens before a
 * character that is no space and closes after one, not before a digit (`$5 and $10` is no
 * math), as Pandoc and GitHub read it. An escaped `\$` is a dollar sign.
 */
function mathSpans(source: SourceText, node: Paragraph): [number, number][] {
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  if (from === undefined || to === undefined) return [];
  const text = source.text.slice(from, to);
  if (!text.includes('$')) return [];
  const spans: [number, number][] = [];
  const display = /(?<!\\)\$\$[^]*?(?<!\\)\$\$/g;
  for (const match of text.matchAll(display)) spans.push([from + match.index, from + match.index + match[0].length]);
  const outside = text.replace(display, (found) => ' '.repeat(found.length));
  for (const match of outside.matchAll(/(?<![\\$])\$(?![\s$])(?:[^$\\]|\\.)*?(?<![\s\\])\$(?!\d)/g)) {
    spans.push([from + match.index, from + match.index + match[0].length]);
  }
  return spans;
}

/** A MyST target, `(name)=`, alone on a line at the paragraph's start (read from `lastIndex`). */
const mystTarget = /\(([^()\s]+)\)=[ \t]*(?:\r?\n|\r|$)/y;

/** A MyST block's own target: `{#paragraph-target}` alone on the line above a paragraph. */
const mystBlockId = /^\{#([\w.:-]+)\}[ \t]*(?:\r?\n|\r|$)/;
/** A MyST directive's `:name:` option, which makes its target, or `:label:`, mystmd's name for it (`:label: tbl:cell-tags`). */
const directiveName = /^:(?:name|label):[ \t]+(\S+)[ \t]*$/m;
/** A directive fenced with colons, `:::{tip}` or `:::{figure-md} fig-target`: its name and argument. */
const colonFence = /^:{3,}\{([\w-]+)\}[ \t]*([^\n]*)/;

/**
 * The MyST target a paragraph opens with, added to the document's labels and anchors: `(name)=`
 * over a heading; or added to its labels only (MyST reaches them from any page, GitHub shows
 * them as text): `{#name}` over a paragraph, the `:name:` of a directive fenced with colons
 * (`:::{tip}`), which CommonMark reads as a paragraph, or as the end of one it follows, and the
 * label of an equation in dollar math (`$$ (cross)`).
 */
function readLabel(node: Paragraph, facts: DocumentFacts): void {
  const first = node.children[0];
  if (first?.type !== 'text') return;
  const opening = first.value.charCodeAt(0);
  if (opening === 40) {
    // Targets may stack, one a line, over what they all name: `(howto/warnings)=` then `(myst-warnings)=`.
    mystTarget.lastIndex = 0;
    for (let target = mystTarget.exec(first.value); target; target = mystTarget.exec(first.value)) {
      addFact(facts, 'labels', target[1]!);
      addFact(facts, 'setAnchors', target[1]!);
    }
  } else if (opening === 123) {
    const label = mystBlockId.exec(first.value)?.[1];
    if (label !== undefined) addFact(facts, 'labels', label);
  }
  for (const child of node.children) {
    if (child.type !== 'text') continue;
    // A directive fenced with colons may open on a later line: CommonMark reads `:::{table}` right
    // under a paragraph's text as that paragraph going on, MyST as the directive.
    const later = child.value.indexOf('\n:::');
    const body = child === first && child.value.startsWith(':::') ? child.value : later === -1 ? undefined : child.value.slice(later + 1);
    const fence = body === undefined ? null : colonFence.exec(body);
    if (fence) readDirectiveName(fence[1]!, fence[2]!, body!, facts);
    // An equation's label after its closing `$$`: `$$ (cross)`, MyST's dollar math.
    if (child.value.includes('$$')) for (const [, label] of child.value.matchAll(equationLabel)) addFact(facts, 'labels', label!);
  }
}

/** The label MyST's dollar math gives an equation, after the `$$` that closes it: `$$ (cross)`, at the end of a line. */
const equationLabel = /\$\$[ \t]*\(([^()\s]+)\)[ \t]*(?=\r?\n|\r|$)/g;

/** A line that takes in a file: MkDocs's snippet, `--8<-- "path"`, or mdBook's `{{#include path}}` (a part of it after a colon). */
const includeLine = /^[ \t]*(?:-{1,}8<-{1,}[ \t]+(?:"([^"\n]+)"|'([^'\n]+)')|\{\{#include[ \t]+([^\s:}]+)(?::[^}\s]*)?[ \t]*\}\})[ \t]*$/gm;

/** The files a paragraph's lines take in whole, added to the document's includes. */
function readIncludes(node: Paragraph, source: SourceText, facts: DocumentFacts): void {
  const first = node.children[0];
  if (first?.type !== 'text' || !/--8<--|\{\{#include/.test(first.value)) return;
  for (const match of first.value.matchAll(includeLine)) {
    const target = (match[1] ?? match[2] ?? match[3])!.trim();
    addInclude(facts, target, source.spanOf(first));
  }
}

/**
 * An MDX page's import of a Markdown partial, `import Kotlin from './_kotlin.md';`, as
 * Docusaurus's pages take in shared parts: the page shows the partial where it renders it, so
 * its headings are the page's and its links are read from the page.
 */
const partialImport = /(?:^|;)[ \t\n]*import[ \t\n]+[A-Za-z_$][\w$]*[ \t\n]+from[ \t\n]+(['"])((?:[^'"\\\n]|\\.)+\.mdx?)\1/g;

/**
 * The Markdown partials a paragraph of `import` statements takes in, added to the document's
 * includes. Formatters write several on a line and wrap them (`import A from './\_a.md'; import`
 * then `B from './\_b.md';`), and escape an underscore, which the string reads as `_`.
 */
function readPartialImports(node: Paragraph, source: SourceText, facts: DocumentFacts): void {
  const first = node.children[0];
  if (first?.type !== 'text' || !/^[ \t]*import[ \t\n]/.test(first.value)) return;
  const position = source.spanOf(node);
  for (const match of source.slice(position.start.offset, position.end.offset).matchAll(partialImport)) {
    addInclude(facts, match[2]!.replace(/\\(.)/g, '$1'), position);
  }
}

/**
 * VitePress's include, `<!--@include: ./parts/basics.md-->`, with a region (`#usage`) or a range
 * of lines (`{3,}`) after the path: the page shows that part of the file. A path opening with
 * `@` is read from the site's source folder, with or without a slash after it: VitePress takes
 * `@parts/basics.md` as it takes `@/parts/basics.md` (see `vitepressInclude`).
 */
const htmlInclude = /<!--[ \t]*@include:[ \t]*([^\s#{]+?)(?:#[^\s{]*)?(?:\{[\d,\s]*\})?[ \t]*-->/g;

/**
 * Fumadocs's include, `<include>./part.mdx</include>` (a section of it after `#`): the page
 * shows the file there, read from the page's folder. With `cwd` among its attributes the path
 * is read from the project's folder instead, which is not known here, so it is left out.
 */
const includeOpening = /^<include(?:\s+(?![^>]*\bcwd\b)[^>]*)?>$/;

/** The files a paragraph takes in with Fumadocs's `<include>` element (see `includeOpening`), added to the document's includes. */
function readIncludeElements(node: Paragraph, source: SourceText, facts: DocumentFacts): void {
  const children = node.children;
  for (let index = 0; index + 2 < children.length; index++) {
    const [opening, path, closing] = [children[index]!, children[index + 1]!, children[index + 2]!];
    if (opening.type !== 'html' || !includeOpening.test(opening.value) || path.type !== 'text' || closing.type !== 'html' || closing.value !== '</include>') continue;
    const target = path.value.trim().replace(/#.*$/, '');
    if (!/\s/.test(target)) addInclude(facts, target, source.spanOf(node));
  }
}

/**
 * dumi's embed, `<embed src="./shared/props.md"></embed>`, with lines (`#L3-L10`) or a pattern
 * (`#RE-/^##/`) after the path: the page shows that part of the Markdown file there.
 */
const markdownEmbed = /<embed\s+(?:[^>]*?\s)?src\s*=\s*(?:"([^"#\n]+\.md)(?:#[^"\n]*)?"|'([^'#\n]+\.md)(?:#[^'\n]*)?')/gi;

/** The files an HTML node takes in with VitePress's include comment or dumi's embed, added to the document's includes. */
function readHtmlIncludes(html: string, position: Span, facts: DocumentFacts): void {
  if (html.includes('@include:')) for (const match of html.matchAll(htmlInclude)) addInclude(facts, vitepressInclude(match[1]!), position);
  if (/<embed\s/i.test(html)) for (const match of html.matchAll(markdownEmbed)) addInclude(facts, (match[1] ?? match[2])!.trim(), position);
}

/** An include's path from the site's source folder written as VitePress reads it, `@parts/x.md` as `@/parts/x.md`, the form a link from that folder takes. */
function vitepressInclude(target: string): string {
  return target.startsWith('@') && !target.startsWith('@/') ? `@/${target.slice(1)}` : target;
}

function addInclude(facts: DocumentFacts, target: string, position: Span): void {
  if (target !== '') addFact(facts, 'includes', { target, position });
}

/** dumi's external demo, `<code src="./demo/basic.tsx">` (an `id` attribute naming it otherwise). */
const dumiDemo = /<code\s+[^<>]*?\bsrc\s*=\s*(?:"([^"\n]+)"|'([^'\n]+)')[^<>]*>/gi;

/**
 * The demos a dumi page shows, added to its dumi anchors as `demo-<name>`: dumi gives each the
 * id `<page>-demo-<name>` (`form-demo-basic`), the name its `id` attribute's or its file's
 * (`basic` for `./demo/basic.tsx` or `./demo/basic/index.tsx`), in lower case. What comes
 * before `-demo-` is dumi's name for the page, which the rules take as written (see `anchorsOf`).
 */
function readDumiDemos(html: string, facts: DocumentFacts): void {
  if (!/<code\s/i.test(html)) return;
  for (const match of html.matchAll(dumiDemo)) {
    const id = /\sid\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)')/i.exec(match[0]);
    const file = (match[1] ?? match[2])!.replace(/\/index\.[jt]sx?$/, '');
    const name = id ? (id[1] ?? id[2])! : (/([^/]+?)(?:\.[^./]+)?$/.exec(file)?.[1] ?? '');
    if (name !== '') addSiteAnchor(facts, 'dumi', `demo-${name.toLowerCase()}`);
  }
}

/** A Mintlify tab or accordion, `<Tab title="New Agent">`, `<Accordion title="Branch">` (an `id` attribute naming it otherwise). */
const mintlifyTab = /<(?:Tab|Accordion)\s[^<>]*?\btitle\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)')[^<>]*>/g;

/**
 * The tabs and accordions a Mintlify page shows, added to its Mintlify anchors: a link to
 * one's anchor opens the page at that tab or accordion, the anchor made of its `id`, which is
 * its `title` unless set, as a heading's (`#new-agent` for `<Tab title="New Agent">`).
 */
function readMintlifyTabs(html: string, facts: DocumentFacts): void {
  if (!html.includes('<Tab') && !html.includes('<Accordion')) return;
  for (const match of html.matchAll(mintlifyTab)) {
    const id = /\sid\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)')/.exec(match[0]);
    const anchor = siteSlug('mintlify', id ? (id[1] ?? id[2])! : (match[1] ?? match[2])!);
    if (anchor !== undefined && anchor !== '') addSiteAnchor(facts, 'mintlify', anchor);
  }
}

/** The target a MyST directive makes, added to the document's labels: a `figure-md`'s argument, else its `:name:` (or `:label:`) option. */
function readDirectiveName(directive: string, argument: string, body: string, facts: DocumentFacts): void {
  const name = (directive === 'figure-md' ? argument.trim().split(/\s+/)[0] : undefined) || directiveName.exec(body)?.[1];
  if (name !== undefined) addFact(facts, 'labels', name);
}

/** The anchors HTML sets (`<a name="x">`, `<h2 id="x">`), added to the document's. */
function readHtmlAnchors(html: string, facts: DocumentFacts): void {
  if (!/\s(?:id|name)\s*=/.test(html)) return;
  for (const match of html.matchAll(anchorAttribute)) {
    if ((facts.setAnchors?.length ?? 0) >= setAnchorLimit) return;
    const value = match[1] ?? match[2] ?? match[3] ?? '';
    if (value !== '') addFact(facts, 'setAnchors', value);
  }
}

/** A footnote's definition at the start of a line, `[^1]: Lorem ipsum.`: CommonMark reads it as text unless its text is one word. */
const footnoteDefinition = /(?:^|\n)[ \t]*\[\^([^\]\n]+)\]:/g;
/** A footnote's mark in text, `[^1]`, not its definition. */
const footnoteMark = /\[\^([^\]\n]+)\](?!:)/g;

/**
 * The ids Python-Markdown's footnotes give a page: `fn:1` for each footnote defined (its label
 * as written), and for each mark of one, `fnref:1`, then `fnref2:1`, `fnref3:1` for the marks
 * after it. A mark of no footnote is text.
 */
class Footnotes {
  private readonly defined = new Set<string>();
  private readonly marks: string[] = [];

  define(label: string): void {
    if (this.defined.size < setAnchorLimit) this.defined.add(label);
  }

  mark(label: string): void {
    if (this.marks.length < setAnchorLimit) this.marks.push(label);
  }

  /** The definitions a paragraph holds: its text children's lines that open with one. */
  readDefinitions(node: Paragraph): void {
    node.children.forEach((child, index) => {
      if (child.type !== 'text' || !child.value.includes('[^')) return;
      for (const match of child.value.matchAll(footnoteDefinition)) {
        // A text after an inline node starts mid-line: only its later lines start one.
        if (index === 0 || match[0].startsWith('\n')) this.define(match[1]!);
      }
    });
  }

  readMarks(text: string): void {
    for (const match of text.matchAll(footnoteMark)) this.mark(match[1]!);
  }

  anchors(): string[] {
    const counts = new Map<string, number>();
    const found = [...this.defined].map((label) => `fn:${label}`);
    for (const label of this.marks) {
      if (!this.defined.has(label)) continue;
      const count = (counts.get(label) ?? 0) + 1;
      counts.set(label, count);
      found.push(`fnref${count === 1 ? '' : count}:${label}`);
    }
    return found;
  }
}

/** The lines of a code block that read like headings, with the anchors they would make. */
function readCodeHeadings(node: Code, source: SourceText, found: CodeHeading[]): void {
  const start = node.position?.start;
  if (start === undefined || found.length >= codeHeadingLimit || !node.value.includes('#')) return;
  // A fenced block's content starts on the line after its fence; an indented block's on its own.
  const firstLine = start.line + (fenceOpenedBy(lineAt(source.text, start.offset!)) === undefined ? 0 : 1);
  const lines = node.value.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length && found.length < codeHeadingLimit; index++) {
    const heading = headingLine.exec(lines[index]!);
    if (!heading || heading[1] === '') continue;
    const list = headingAttributeList.exec(heading[1]!);
    const setAnchor = list ? readAttributeList(list[1]!)?.id : undefined;
    found.push({ slug: slug(heading[1]!), ...(setAnchor !== undefined ? { setAnchor } : {}), text: lines[index]!.trim(), line: firstLine + index });
  }
}

/** The line opening one of PyMdown's tabs (`=== "macOS"`), or an admonition (`!!! note`) or a collapsible one (`??? tip`, `???+ tip`). */
const pymdownBlockOpener = /^[ \t]*(?:===[!+]?|!!!|\?\?\?\+?)(?:[ \t]|$)/;
/** A heading line of the Markdown such a block holds, at any indentation (a tab inside an admonition is indented again). */
const indentedHeadingLine = /^[ \t]*#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
/** A fence line at any indentation. */
const anyFence = /^[ \t]*(`{3,}|~{3,})/;
/** The MkDocs ways of making an anchor, each of which a site may use. */
const mkdocsStyles: SiteAnchorStyle[] = ['python-markdown', 'python-markdown-unicode', 'pymdown'];

/**
 * The anchors of the headings in one of PyMdown's tabs or admonitions: CommonMark reads its
 * content, indented under `=== "Mutagen"` or `!!! note` after a blank line, as an indented
 * code block, but on an MkDocs site with `pymdownx.tabbed`, `admonition` or `pymdownx.details`
 * it is Markdown, and its headings have anchors (GitHub shows the code). They are added to the
 * document's MkDocs anchors, as each MkDocs way makes them, or the id a list of attributes
 * sets; the lines of fenced code inside are left out.
 */
function readPymdownBlockHeadings(node: Code, source: SourceText, facts: DocumentFacts): void {
  const start = node.position?.start;
  if (start === undefined || !(node.value.includes('#') || node.value.includes('===')) || fenceOpenedBy(lineAt(source.text, start.offset!)) !== undefined) return;
  // The line above the block, past blank lines: the block's opener, when it is PyMdown's.
  const above = lineAbove(source.text, start.offset! - (start.column - 1));
  if (above === undefined || !pymdownBlockOpener.test(above)) return;
  let fence: string | undefined;
  for (const line of node.value.split(/\r\n|\r|\n/)) {
    const marker = anyFence.exec(line)?.[1];
    if (marker !== undefined) {
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      continue;
    }
    if (fence === undefined && line.includes('===')) readPymdownTabTitles(line, facts);
    const heading = fence === undefined ? indentedHeadingLine.exec(line) : null;
    if (!heading || heading[1] === '') continue;
    const set = customHeadingAnchor(heading[1]!);
    if (set !== undefined) {
      for (const style of mkdocsStyles) addSiteAnchor(facts, style, set);
      continue;
    }
    const shown = heading[1]!.replace(/`([^`]*)`/g, '$1').replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*+/g, '');
    for (const style of mkdocsStyles) {
      const anchor = siteSlug(style, shown);
      if (anchor) addSiteAnchor(facts, style, anchor);
    }
  }
}

/** A line opening one of PyMdown's tabs with its title: `=== "macOS"`, `===! "A"`, `===+ "B"`. */
const pymdownTabTitle = /^[ \t]*===[!+]?[ \t]+"(.+)"[ \t]*$/gm;

/**
 * The ids of PyMdown's tabs (`=== "AWS CDK"`), added to the document's MkDocs anchors: a site
 * whose `pymdownx.tabbed` sets `slugify` (PyMdown's `slugs.slugify`, `case: lower`, as MkDocs
 * Material's documentation sets it) gives each tab its title's slug (`#aws-cdk`), and a link to
 * it opens the page at that tab. Without `slugify` the ids are numbered (`__tabbed_1_2`), and a
 * link to a title's slug would lead nowhere: the configuration is not read here, so such a link
 * goes untold rather than a site's tab be told missing.
 */
function readPymdownTabTitles(text: string, facts: DocumentFacts): void {
  for (const [, title] of text.matchAll(pymdownTabTitle)) {
    const anchor = siteSlug('pymdown', title!);
    if (anchor === undefined || anchor === '') continue;
    for (const style of mkdocsStyles) addSiteAnchor(facts, style, anchor);
  }
}

/** The last line that is not blank above the line starting at `lineStart`, read back from there without copying the text before it. */
function lineAbove(text: string, lineStart: number): string | undefined {
  let end = lineStart;
  while (end > 0) {
    let lineEnd = end - 1;
    if (text[lineEnd] === '\n' && text[lineEnd - 1] === '\r') lineEnd--;
    const from = lineEnd === 0 ? 0 : Math.max(text.lastIndexOf('\n', lineEnd - 1), text.lastIndexOf('\r', lineEnd - 1)) + 1;
    const line = text.slice(from, lineEnd);
    if (line.trim() !== '') return line;
    end = from;
  }
  return undefined;
}

/** The line that starts at `offset`, read without copying the rest of the text (a document may hold thousands of blocks). */
function lineAt(text: string, offset: number): string {
  restOfLine.lastIndex = offset;
  return restOfLine.exec(text)![0];
}

const restOfLine = /[^\r\n]*/y;

/**
 * The text of the block a mention sits in, made when a mention asks for it: most blocks
 * mention no capsule, and folding a block's text is a good part of reading a document.
 */
type Context = () => string;

const noContext: Context = () => '';

function once(make: () => string): Context {
  let text: string | undefined;
  return () => (text ??= make());
}

function mergeInOrder(first: Span[], second: Span[]): Span[] {
  if (second.length === 0) return first;
  const merged: Span[] = [];
  let a = 0;
  let b = 0;
  while (a < first.length || b < second.length) {
    if (b >= second.length || (a < first.length && first[a]!.start.offset <= second[b]!.start.offset)) merged.push(first[a++]!);
    else merged.push(second[b++]!);
  }
  return merged;
}

/**
 * Sorted, non-overlapping ranges asked about in source order, as the walk meets mentions:
 * a cursor moves past the ranges that end before the place asked about, so a document's
 * mentions cost time in proportion to its length, not to mentions times capsules.
 */
class RangeCursor {
  private next = 0;

  constructor(private readonly ranges: Span[]) {}

  add(range: Span): void {
    this.ranges.push(range);
  }

  /** True when a range overlaps `start` to `end` (both included). */
  overlaps(start: number, end: number): boolean {
    this.skipTo(start);
    const range = this.ranges[this.next];
    return range !== undefined && range.start.offset <= end;
  }

  /** The index of the range holding `offset`, or -1. */
  indexAt(offset: number): number {
    this.skipTo(offset);
    const range = this.ranges[this.next];
    return range !== undefined && range.start.offset <= offset ? this.next : -1;
  }

  private skipTo(offset: number): void {
    // Asked about an earlier place after all: start over rather than answer wrong.
    if (this.next > 0 && (this.ranges[this.next - 1]?.end.offset ?? -1) >= offset) this.next = 0;
    while (this.next < this.ranges.length && this.ranges[this.next]!.end.offset < offset) this.next++;
  }
}

/** A paragraph as context for its mentions, without a block label (`**Invariant**`) above the text. */
function paragraphContext(paragraph: Paragraph): string {
  const { children } = paragraph;
  // A task-list item's paragraph may open with the blank rest of its checkbox line.
  let start = 0;
  while (children[start]?.type === 'text' && /^\s*$/.test((children[start] as Text).value)) start++;
  const first = children[start];
  const second = children[start + 1];
  const blockLabel =
    first?.type === 'strong' &&
    (second === undefined || second.type === 'break' || (second.type === 'text' && /^[ \t]*:?[ \t]*(?:\r\n|\r|\n)/.test(second.value)));
  return lineText(blockLabel ? { ...paragraph, children: children.slice(start + 1) } : paragraph);
}

/**
 * Capsule names cited in brackets, `[RiskDiscovery]`. A bracketed name only reaches a text
 * node when no definition makes it a link. The source is searched rather than the value so
 * each place is exact; an escaped bracket, `\[Name\]`, still reads as a bracket.
 */
function bracketedNames(node: Text, source: SourceText): { name: string; position: Span }[] {
  const start = source.startOf(node);
  const found: { name: string; position: Span }[] = [];
  for (const match of source.sliceOf(node).matchAll(/\\?\[([A-Za-z0-9]+)\\?\]/g)) {
    const name = match[1] ?? '';
    if (!isCitableName(name)) continue;
    const offset = start + (match.index ?? 0);
    found.push({ name, position: source.span(offset, offset + match[0].length) });
  }
  return found;
}

function readChecklistItem(item: ListItem, source: SourceText, section: string | undefined): ChecklistItem | undefined {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return undefined;
  let text = lineText(first);
  let checked: boolean;
  let textStart = source.startOf(first);
  if (typeof item.checked === 'boolean') {
    checked = item.checked;
  } else {
    // Parsed without the task-list extension: read the `[ ]` marker from the text.
    const marker = taskMarker.exec(text);
    if (!marker) return undefined;
    checked = marker[1] !== ' ';
    text = text.slice(marker[0].length);
  }
  // The text as written starts after the marker, which the extension's paragraph holds too
  // when a line break follows it.
  textStart += /^\[[ xX]\]\s+/.exec(source.slice(textStart, source.endOf(first)))?.[0].length ?? 0;
  return { text, checked, cites: readCitations(first, source), section, position: source.spanOf(item), textPosition: source.span(textStart, source.endOf(first)) };
}

/** A trailing `(CapsuleName)` or `(NameA, NameB)` cites capsules; other parentheticals are prose. */
function readCitations(paragraph: Paragraph, source: SourceText): Citation[] {
  const raw = source.sliceOf(paragraph).trimEnd();
  // A full stop may close the sentence after the citation: `... (RiskDiscovery).`
  const match = /\(([^()]*)\)[.;]?$/.exec(raw);
  if (!match) return [];
  const innerStart = source.startOf(paragraph) + (match.index ?? 0) + 1;
  const citations: Citation[] = [];
  let cursor = 0;
  for (const part of (match[1] ?? '').split(',')) {
    const partStart = cursor;
    cursor += part.length + 1;
    const name = part.trim().replace(/^`|`$/g, '');
    if (!isCitableName(name)) return [];
    const offset = innerStart + partStart + part.indexOf(name);
    citations.push({ name, position: source.span(offset, offset + name.length) });
  }
  return citations;
}

function readLink(node: Link | Image | Definition, source: SourceText): DocumentLink {
  const url = node.url;
  const text = node.type === 'link' ? lineText(node) : node.type === 'image' ? (node.alt ?? '') : (node.label ?? node.identifier);
  const position = source.spanOf(node);
  if (url.startsWith('#')) {
    return { url, path: undefined, anchor: safeDecode(url.slice(1)), kind: 'anchor', text, position };
  }
  if (isAddress(url)) {
    return { url, path: undefined, anchor: undefined, kind: 'external', text, position };
  }
  const hash = url.indexOf('#');
  const withoutAnchor = hash === -1 ? url : url.slice(0, hash);
  const path = safeDecode(withoutAnchor.split('?')[0] ?? '');
  const anchor = hash === -1 ? undefined : safeDecode(url.slice(hash + 1));
  return { url, path, anchor, kind: 'relative', text, position };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The sentence of a context that holds a name, or the whole context when no sentence does.
 * The sentences and the words of the current context are indexed once, so a paragraph with
 * many mentions is not searched again for each.
 */
class SentenceIndex {
  private text: string | undefined;
  private sentences: string[] = [];
  private firstSentenceOf = new Map<string, string>();

  around(text: string, name: string): string {
    if (text !== this.text) {
      this.text = text;
      this.sentences = text.split(/(?<=[.!?])\s+/);
      this.firstSentenceOf = new Map();
      for (const sentence of this.sentences) {
        for (const word of sentence.match(/[A-Za-z0-9]+/g) ?? []) if (!this.firstSentenceOf.has(word)) this.firstSentenceOf.set(word, sentence);
      }
    }
    return this.firstSentenceOf.get(name) ?? this.sentences.find((sentence) => sentence.includes(name)) ?? text;
  }
}
