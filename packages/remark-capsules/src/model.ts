/**
 * The capsule document model: what `remark-capsules` puts on `file.data.capsules`.
 *
 * Everything here is plain data (structured-clone safe), so a model can cross a worker
 * boundary or sit in a cache. Every fact keeps the source place it came from.
 */
import type { Nodes, RootContent } from 'mdast';

/** A place in the source file: 1-based line and column, 0-based offset. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** A source range. */
export interface Span {
  start: Point;
  end: Point;
}

/** One top-level frontmatter key with the place of its key and of its value. */
export interface FrontmatterField {
  key: string;
  value: unknown;
  keyPosition: Span;
  valuePosition: Span;
  /** Places of the items when the value is a sequence, in order. */
  itemPositions: Span[];
}

export interface Frontmatter {
  /** `toml` for TOML frontmatter between `+++` fences (Hugo, Zola); absent for YAML between `---`. */
  language?: 'toml';
  /** The YAML or TOML text between the fences. */
  raw: string;
  /** The parsed mapping, built on null-prototype objects; `undefined` when it is not a mapping. */
  data: Record<string, unknown> | undefined;
  fields: FrontmatterField[];
  position: Span;
}

/**
 * A way a site generator makes a heading's anchor, where it differs from GitHub's:
 * VitePress's (markdown-it-anchor: every run of punctuation and spaces one hyphen,
 * `build.target` is `build-target`), VuePress's (the same, en and em dashes punctuation too),
 * Hexo's (the same, with no `_` before a digit; its case, kept, is lowered here, as an anchor
 * is found in any case),
 * Python-Markdown's for MkDocs (punctuation dropped, runs of spaces and hyphens one hyphen, a
 * repeat `_1`; ASCII only as it comes, any script with its unicode function), PyMdown's (each
 * space a hyphen), GitBook's (dots kept, `id-` before a number: `## 1. Setup` is
 * `#id-1.-setup`) and Astro's (GitHub's without a hyphen at its end: `## Ready? 🚀` is `#ready`) and Mintlify's (GitHub's,
 * but a repeat counted from 2: the second `## Settings` is `#settings-2`, not `#settings-1`) and
 * dumi's (GitHub's of the text without a `<Badge>`'s: `### Nav <Badge>2.2.0+</Badge>` is `#nav`).
 * YFM's (Diplodoc's) are GitHub's for headings here; its own ids are the `{#id}` it reads
 * anywhere in the text, a table cell's or a list item's too (see `CapsuleDocument.siteAnchors`).
 * markdown-it-anchor's own (Lume's and Eleventy's sites add it) keeps punctuation: only the
 * spaces become hyphens (`## FFI (foreign function interface)` is `#ffi-(foreign-function-interface)`).
 */
/** A file a document takes in whole (see `CapsuleDocument.includes`). */
export interface DocumentInclude {
  /** The path as written, from the document's folder or from the site's (MkDocs's snippets). */
  target: string;
  position: Span;
}

export type SiteAnchorStyle = 'vitepress' | 'vuepress' | 'hexo' | 'python-markdown' | 'python-markdown-unicode' | 'pymdown' | 'gitbook' | 'markdig' | 'astro' | 'mintlify' | 'dumi' | 'yfm' | 'markdown-it-anchor' | 'kramdown';

export interface DocumentHeading {
  text: string;
  depth: number;
  /** The anchor a renderer gives this heading (GitHub's slug rules, de-duplicated). */
  slug: string;
  /**
   * The anchors site generators give it where they differ from `slug`, by the generator's way
   * (see `SiteAnchorStyle`), each counting repeats its own way (see `site-slugs.ts`).
   */
  siteSlugs?: Partial<Record<SiteAnchorStyle, string>>;
  /**
   * The id the heading's own text sets (`## Options {#options}`, `%{#options}%`, `[#options]`,
   * `:id=options`), which the generators that read it give the heading in place of the anchor
   * of its text; it is among the document's `setAnchors` too.
   */
  setAnchor?: string;
  position: Span;
}

/**
 * A line inside a code block that reads like a heading (`## Troubleshooting`): it makes no
 * anchor, and a link to the anchor it would make says so instead of leaving the author to
 * wonder (it may be a sample, or a heading a code block swallowed by mistake).
 */
export interface CodeHeading {
  /** The anchor the line would make as a heading. */
  slug: string;
  /** The id its list of attributes would set on a site that reads one (`### Forbidden {#http.forbidden}`), when it has one. */
  setAnchor?: string;
  /** The line as written, trimmed. */
  text: string;
  line: number;
}

export type PartKind = 'invariant' | 'example' | 'depth';

/**
 * Content introduced by a bold label. `form` says how the label was written: `block` is a
 * paragraph holding only the bold label (content follows on the next line), `inline` is
 * `**Invariant**: text` on one line.
 */
export interface LabelledContent {
  form: 'block' | 'inline';
  labelPosition: Span;
  /** The content as plain text, paragraphs separated by blank lines; boundary lines and HTML comments left out. */
  text: string;
  /** The content nodes; a paragraph holding only a boundary line is left out. */
  nodes: RootContent[];
  /** From the label to the end of the content. */
  position: Span;
  /** Where the content starts and ends, HTML comments around it aside; absent when there is none. */
  contentPosition: Span | undefined;
}

/**
 * One of the three parts of a capsule. The Invariant holds the one block right after its
 * label (or the rest of the label's paragraph); what follows it unlabelled is `stray`.
 * The Example and Depth run to the next label or the end of the capsule.
 */
export interface CapsulePart extends LabelledContent {
  kind: PartKind;
  /**
   * Bold labels that group the part's own content: `**Trade-offs**` over a list in Depth,
   * `**Good**` / `**Bad**` over code in an Example. Their paragraphs stay in `nodes`.
   */
  subLabels: SubLabel[];
}

/** A paragraph holding only a bold label that groups content inside a part. */
export interface SubLabel {
  /** The label as written, whitespace folded, without a trailing colon. */
  label: string;
  position: Span;
}

/**
 * A labelled part that is not one of the three (`**Why**`, `**Notes**`,
 * `**Annotations Requirements**`): kept with its content, never merged into another part.
 * It runs to the next label or the end of the capsule.
 */
export interface ExtraPart extends LabelledContent {
  /** The label as written, whitespace folded, without a trailing colon. */
  label: string;
}

/**
 * A block inside a capsule that belongs to no part: what follows an Invariant's one block
 * before the next label (a second paragraph, a code block, a table). The rules read the
 * invariant without it; pages and bundles show it after the part it follows, since it is
 * the author's text all the same.
 */
export interface StrayContent {
  /** The part whose label it follows. */
  after: PartKind;
  /** The mdast type of the block: `code`, `table`, `paragraph`, `list`... */
  block: string;
  text: string;
  /** The block itself, as a part's `nodes` hold theirs. */
  nodes: RootContent[];
  position: Span;
}

export interface Boundary {
  text: string;
  position: Span;
  /** The part it sits in: `extra` in an extra part, `none` before the first label. */
  part: PartKind | 'extra' | 'none';
  /** True when the line sits inside a fenced or indented code block. */
  inCode: boolean;
}

export interface DepthItem {
  /** The key as written (`Trade-off`), or `undefined` for a plain bullet. */
  key: string | undefined;
  /** The key folded for comparison: lower case, no hyphens, dashes, spaces or underscores. */
  normalizedKey: string | undefined;
  /** The text after the key (the whole item for a plain bullet). */
  value: string;
  /** The Depth sub-label the item is listed under (`**Trade-offs**`), if any. */
  group: string | undefined;
  /** The bullet marker used: `-`, `*` or `+`. */
  marker: string;
  position: Span;
  keyPosition: Span | undefined;
}

/** What a SeeAlso target is, judged from its text alone. */
export type ReferenceKind = 'capsule' | 'document' | 'url' | 'text';

/**
 * One SeeAlso item. A line may hold several (`A, B and C`, `A; B`, `A / B`); each is its own
 * reference with its own place.
 */
export interface Reference {
  /** The item as written: markup, location and note included. */
  raw: string;
  /** The target without backticks, location, note or trailing punctuation. */
  target: string;
  /** The document the name lives in: `(in FILE.md)`, `` `Name` in `FILE.md` ``, or a link's path; backticks stripped. */
  qualifier: string | undefined;
  /** An `#anchor` on a document target. */
  anchor: string | undefined;
  /** Prose after the name: `Name (a note)`, `Name — a note`, `Name: a note`; kept, never checked. */
  note: string | undefined;
  kind: ReferenceKind;
  /** Where the name or target stands, markup excluded (the whole item for free text): a rename edits exactly this. */
  position: Span;
}

export interface Capsule {
  name: string;
  /** The heading text after `Capsule:` exactly as written, before trimming. */
  rawName: string;
  headingDepth: number;
  headingPosition: Span;
  /** Where the name itself stands in the heading. */
  namePosition: Span;
  /**
   * The whole section: heading to the last node before whichever comes first, the next
   * heading of equal or lower depth, or a top-level thematic break after the first label.
   */
  position: Span;
  /** Every labelled part in source order, repeats included. */
  parts: CapsulePart[];
  /** The first part of each kind. */
  invariant: CapsulePart | undefined;
  example: CapsulePart | undefined;
  depth: CapsulePart | undefined;
  /** Content between the heading and the first label (thematic breaks aside). */
  preamble: { text: string; position: Span } | undefined;
  /** Parts under other bold labels, in source order. */
  extraParts: ExtraPart[];
  /** Blocks that belong to no part (see `StrayContent`), in source order. */
  stray: StrayContent[];
  boundaries: Boundary[];
  depthItems: DepthItem[];
  seeAlso: Reference[];
  /**
   * Set when the capsule sits under a section that shows sample capsules (`## Example
   * Capsules`), or in a template or an exemplar document (`template.md`, `exemplar.md`): a
   * model of the format, not a definition of the corpus.
   */
  sample?: true;
}

export interface Citation {
  name: string;
  position: Span;
}

export interface ChecklistItem {
  text: string;
  checked: boolean;
  /** Capsules cited by a trailing `(CapsuleName)`; empty for prose parentheticals. */
  cites: Citation[];
  /** The nearest heading above the item. */
  section: string | undefined;
  position: Span;
  /** The item's first paragraph after its `[ ]` marker, as written: code spans, links and emphasis intact. */
  textPosition: Span;
}

export type LinkKind = 'relative' | 'anchor' | 'external';

export interface DocumentLink {
  url: string;
  /** For relative links: the path part, percent-decoded, without the anchor. */
  path: string | undefined;
  anchor: string | undefined;
  kind: LinkKind;
  text: string;
  position: Span;
  /**
   * Set on a link reference definition (`[label]: target`): whether a reference of the
   * document uses it. Markdown shows no definition, so an unused one is a line nobody sees.
   */
  definition?: 'used' | 'unused';
  /**
   * Set when the link's text lies inside math, `$…$` or `$$…$$` (a commutator followed by
   * brackets, `[A,B](x)`): GitHub, Obsidian and sites with a math extension show it as a
   * formula, not a link.
   */
  inMath?: true;
  /** Set on an image (`![the flow](flow.png)`): the page shows the file rather than linking to it. */
  image?: true;
  /**
   * Set on a link on a line that opens with `%` after at most three spaces (`% Include content
   * from [networks.md](networks.md)`): MyST reads the line as a comment, so a MyST page does
   * not show it.
   */
  mystComment?: true;
  /**
   * Set on VuePress's import of a code file, `@[code](./snippets/run.sh)` (`@[code{1-3} js](…)`) at the
   * start of a line: where VuePress serves the page, its path may begin with an alias the
   * site's `importCode.handleImportPath` resolves (`@snippets/run.sh`).
   */
  codeImport?: true;
  /**
   * Set on an agent's import, `@docs/setup.md` in a CLAUDE.md or GEMINI.md (see `agent-imports.ts`):
   * the tool that takes the file's text in where it is written. Its `text` is the `@` and the path as written.
   */
  import?: ImportingTool;
}

/** A tool that reads `@path` in its instruction files as taking the file in. */
export type ImportingTool = 'claude-code' | 'gemini-cli';

/**
 * An address written in the document's HTML, a relative path or an anchor in an `href` or a
 * `src` attribute (`<img src="../img/logo.png">`), without entities. Its span is the value's,
 * inside the quotes.
 */
export interface HtmlLink {
  url: string;
  /** The path part, percent-decoded, without the anchor and the query. */
  path: string | undefined;
  anchor: string | undefined;
  kind: Exclude<LinkKind, 'external'>;
  attribute: 'href' | 'src';
  position: Span;
}

/** A capsule name cited in prose: inline code or a bracketed CamelCase word. */
export interface Mention {
  name: string;
  /** The sentence or line around the mention, for backlinks. */
  context: string;
  /** The capsule the mention sits in, if any. */
  inCapsule: string | undefined;
  position: Span;
}

/**
 * A fenced code block or HTML block left open at the end of the document, so it runs to
 * the end of the file. Text joined after the document must first close it with `closer`.
 */
export interface UnclosedBlock {
  /** A line that closes the block: the opening fence, or the HTML block's end marker. */
  closer: string;
  position: Span;
  /** Set when an earlier code block holding a fence of its own is where the fences went wrong. */
  nestedFence?: NestedFence;
  /** Set when the fence meant to open this block's line as a closer sits inside an HTML block. */
  fenceInHtml?: FenceInHtml;
  /**
   * For a code block, the first line in it that would close it but for the language written
   * after the fence (```` ```yaml ```` meant to close ```` ```bash ````): a closing fence takes
   * nothing after it, so that line is code, and so is the rest of the document.
   */
  closerWithLanguage?: Span;
  /**
   * Set when an earlier code block was meant to close at a fence written with a language
   * (```` ```text ```` under ```` ```bash ````, as a tool that adds a language to every fence
   * writes it) rather than hold it: the block runs on over Markdown (a heading, a task item)
   * to the next bare fence, and every fence after pairs with the wrong one. Told instead of a
   * nested fence, which holds code, not Markdown, before the line that closes its block.
   */
  earlierCloserWithLanguage?: EarlierCloserWithLanguage;
  /**
   * For a code block opened by a bare fence, the first line in it that reads as Markdown (a
   * `##` heading, a task item, a fence with a language): the block most likely was meant to end
   * before it, or its fence is left over from a block closed above.
   */
  markdownInside?: Span;
}

/** A fence written with a language where the block above it was meant to close (see `UnclosedBlock.earlierCloserWithLanguage`). */
export interface EarlierCloserWithLanguage {
  /** The block's opening fence line. */
  opener: Span;
  /** The fence line with a language, meant to close the block. */
  closer: Span;
  /** The bare fence line that closed the block instead. */
  closing: Span;
  /** The first line between the two that reads as Markdown. */
  markdown: Span;
}

/**
 * A fence written on the lines of an HTML block (```` ```bash ```` right under
 * `<verification>`): an HTML block that opens with a tag runs to the next blank line, so the
 * fence is part of it and opens nothing, and the bare fence meant to close it opens a code
 * block that runs to the end of the document. A blank line before the fence ends the HTML
 * block there.
 */
export interface FenceInHtml {
  /** The HTML block's first line. */
  html: Span;
  /** The fence line inside it, meant to open a code block. */
  inner: Span;
}

/**
 * A code block that holds a fence as long as its own (```` ```ts ```` inside ```` ``` ````): the
 * line meant to close the inner fence closes the outer block, every fence after it pairs off
 * with the wrong partner, and the last one is left open. A longer outer fence fixes all of it.
 */
export interface NestedFence {
  /** The outer block's opening fence line. */
  outer: Span;
  /** The fence line inside the block, meant to open a block of its own. */
  inner: Span;
  /** The line that closed the outer block, meant to close the inner one. */
  closing: Span;
  /** A fence long enough to hold the inner one: open and close the outer block with it. */
  fence: string;
}

/**
 * A nested fence whose wrong pairing sorts itself out before the document ends: the line meant
 * to close the outer block opens a code block of its own, which swallows the text up to the
 * next bare fence (headings and prose shown as code), and the fences pair rightly again after.
 */
export interface MisnestedFence extends NestedFence {
  /** The bare fence line meant to close the outer block, which opens a block instead. */
  opener: Span;
  /** The fence line that closes that block. */
  closer: Span;
  /**
   * The inner fence was bare (a ```` ```markdown ```` sample meant to hold a ```` ``` ````
   * block): it closed the outer block itself, so `inner` and `closing` are one line, and the
   * text after it is Markdown up to `opener`.
   */
  bareInner?: true;
  /**
   * The sample was closed twice: `closing` (one line with `inner`) is a bare fence that closed
   * it early, right after a block inside it, and `opener`, the same fence further down, was
   * meant as its closer. The text between shows as Markdown; deleting `closing` mends it.
   */
  extraCloser?: true;
}

/**
 * A Markdown sample (```` ```markdown ````, `md`, `mdx`) whose text, or part of it, shows as
 * Markdown because a fence inside a sample closed it early: the bare fence meant to close a
 * block inside a sample (```` ```python ````) closed the sample itself, and the fences after it
 * pair wrongly, up to this sample or beyond. Its links show as links.
 */
export interface SampleLetOut {
  /** The sample's opening fence line. */
  outer: Span;
  /** Where the sample ends as its writer meant it: just after its closing fence, or the document's end. */
  end: Point;
  /** The first fence inside this sample that closed it early, or else the last before it that closed a sample so: where the wrong pairing starts. */
  cause: NestedFence;
}

/**
 * A fence on the lines of an HTML block (see `FenceInHtml`) when the document recovers from
 * it: the bare fence meant to close it opens a code block that a later fence closes, and the
 * text between shows as code.
 */
export interface HtmlSwallowedFence extends FenceInHtml {
  /** The bare fence line meant to close the fence in the HTML block, which opens a block instead. */
  opener: Span;
  /** The fence line that closes that block. */
  closer: Span;
}

export interface CapsuleDocument {
  frontmatter: Frontmatter | undefined;
  /**
   * The level-one heading, its text as the page shows it: inline HTML's tags and a list of
   * attributes setting its anchor (`{#id}`) left out (see `shownHeadingText`); else an HTML
   * `<h1>` the document opens with, its place the HTML block's (see `htmlTitle`).
   */
  title: { text: string; position: Span } | undefined;
  headings: DocumentHeading[];
  capsules: Capsule[];
  /** The document's own See Also, outside every capsule (a `**See Also**` label or a `See Also` section), item by item. */
  seeAlso: Reference[];
  checklist: ChecklistItem[];
  links: DocumentLink[];
  /** The relative addresses of the document's HTML (see `HtmlLink`), when there are any; at most 5,000. */
  htmlLinks?: HtmlLink[];
  mentions: Mention[];
  /** Lines of code blocks that read like headings of level 2 to 6 (see `CodeHeading`), when there are any; at most 200. */
  codeHeadings?: CodeHeading[];
  /**
   * Anchors the document sets besides its headings' slugs, when there are any (at most 5,000):
   * by HTML, `<a name="setup">` or `id="setup"` on any element, which GitHub keeps; and by a
   * custom heading id, `## Options {#options}` (or `{ #options }`, `{ id=options }`,
   * `%{#options}%`, Docsify's `:id=options`, Fumadocs's and Nextra's `[#options]`), which site
   * generators give the heading. A link may aim at either.
   */
  setAnchors?: string[];
  /**
   * Anchors the generators of one way give the page besides its headings', by that way (see
   * `SiteAnchorStyle`), when there are any (at most 5,000 of each): under `python-markdown`,
   * the ids of Python-Markdown's footnotes (`fn:1` for a footnote, `fnref:1` for its first mark,
   * `fnref2:1` for its second) and of an attr_list on a paragraph's last line
   * (`{ #feedback }`), which MkDocs gives and GitHub does not; under `yfm`, each `{#id}` in the
   * text (`` `vcs` {#vcs} `` in a table cell), which Diplodoc makes an anchor; under `dumi`,
   * `demo-<name>` for each demo the page shows (`<code src="./demo/basic.tsx">`), whose id dumi
   * makes `<page>-demo-<name>` (`form-demo-basic`); under `mintlify`, each tab's
   * (`<Tab title="New Agent">` at `#new-agent`), which opens the page at that tab; under
   * `kramdown`, the id of each block attribute list on a line of its own (`{: #apt}` under
   * `### apt (Debian or Ubuntu)`), which kramdown, Jekyll's Markdown, gives the block beside it.
   */
  siteAnchors?: Partial<Record<SiteAnchorStyle, string[]>>;
  /**
   * The commands an MkDocs page documents with mkdocs-click (`::: mkdocs-click` with
   * `:prog_name: marimo`, or else its `:command:`), when there are any: it gives the command
   * a heading of its name and each subcommand one of the whole command line (`marimo run`,
   * `#marimo-run`), which come from the code and are not known here.
   */
  clickCommands?: string[];
  /**
   * The objects a Hugging Face docs page renders with doc-builder's `[[autodoc]] CodeAgent`,
   * as written, when there are any: doc-builder gives each, and each member it lists, an
   * anchor made from the code with the package in front (`#smolagents.CodeAgent`,
   * `#smolagents.Tool.from_hub`), which is not known here.
   */
  autodocObjects?: string[];
  /**
   * MyST targets, when there are any (at most 5,000): `(name)=` on a line of its own above
   * what it names (in `setAnchors` too), `{#name}` above a paragraph, and a directive's
   * `:name:` option. A Sphinx or Jupyter Book site links to them by name from any page
   * (`[text](name)`, `[text](#name)`).
   */
  labels?: string[];
  /**
   * The files the document takes in whole where it names them, as its site's build does, when
   * there are any (at most 5,000): MkDocs's snippets (`--8<-- "docs/snippets/note.md"`),
   * mdBook's `{{#include notes.md}}`, a MyST `{include}` directive, VitePress's
   * `<!--@include: ./notes.md-->`, Fumadocs's `<include>./notes.mdx</include>`, dumi's
   * `<embed src="./notes.md"></embed>`. A page shows their text, so their headings are the
   * page's, and their links are read from the page too, `#anchor` links among them.
   */
  includes?: DocumentInclude[];
  /**
   * Set on an MDX page that renders a component (a JSX element whose name opens with a capital,
   * `<ApiReference />`, as a paragraph of its own or in Docusaurus's ```` ```mdx-code-block ````),
   * and on a Markdown page whose HTML block opens with one (`<Settings :level="2" />`, a Vue
   * component where VitePress or VuePress serves the page): what the component shows, and the
   * anchors in it, are made when the site is built.
   */
  rendersComponents?: true;
  /**
   * Set on a file kept encrypted in the repository, whose text is ciphertext where it is not
   * decrypted: git-crypt's (binary, behind its header) or SOPS's (a Markdown file SOPS encrypts
   * is JSON or YAML, its text an `ENC[AES256_GCM,…]` value beside a `sops` key). It is not parsed,
   * nothing is told of it, and what publishes documents leaves it out, as it holds none to read.
   */
  encrypted?: 'git-crypt' | 'sops';
  /** Set only when the document ends inside a block (see `UnclosedBlock`). */
  unclosedBlock?: UnclosedBlock;
  /** Set only when a nested fence turns text into code though every block is closed (see `MisnestedFence`). */
  misnestedFence?: MisnestedFence;
  /** Set only when a fence in an HTML block turns text into code, the rest of the document or up to a later fence (see `HtmlSwallowedFence`). */
  htmlSwallowedFence?: HtmlSwallowedFence;
  /** Set only when Markdown samples show as Markdown, a fence inside one having closed it early; at most 100 (see `SampleLetOut`). */
  samplesLetOut?: SampleLetOut[];
  /**
   * Set only when the document's HTML blocks at its top level hold comments: notes to its
   * editors (`<!-- markdownlint-disable MD026 -->`, a section commented out, `<!-- end of the
   * badges -->` closing a `<div>`), which a site does not show. The spans to cut, in source
   * order: a block of nothing but comments; a comment on lines of its own in a block of other
   * HTML, with one line ending, so that the lines around it stay one block; a comment beside
   * other HTML on its line, alone. A `<script>`, `<style>` or `<textarea>` block, whose text
   * is no HTML, keeps its own.
   */
  comments?: Span[];
}

/** Nodes exposed for consumers that render parts. */
export type { Nodes, RootContent };
