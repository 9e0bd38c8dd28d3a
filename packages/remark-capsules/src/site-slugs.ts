/**
 * The anchors site generators give a heading where they differ from GitHub's, each
 * generator's way, repeats included: a second `## Usage` is `#usage-1` on GitHub and in
 * VitePress, `#usage_1` in MkDocs, `#usage-2` in Mintlify. Each is kept under the name of its
 * way (`SiteAnchorStyle`), for the graph to take those of the generator that serves the page.
 * One `SiteSlugger` reads one document's headings in order.
 */
import { slug as githubBaseSlug } from 'github-slugger';
import type { Heading } from 'mdast';
import type { SiteAnchorStyle } from './model.js';
import { inlineText } from './source-text.js';

/** How one generator makes an anchor of a heading's text, and how it tells a repeat apart. */
interface SiteFlavour {
  style: SiteAnchorStyle;
  slug(text: string): string;
  unique(slug: string, anchors: TakenAnchors): string;
}

/**
 * The anchors a document's headings took in one way, and for each count a repeat started
 * from, the count to go on from: every one below it was taken, and taken ones stay taken, so
 * a file of thousands of like headings is not counted through again for each.
 */
interface TakenAnchors {
  used: Set<string>;
  next: Map<string, number>;
}

/** The first `prefix` + count that no heading took, counting from `from`. */
function firstFree(prefix: string, from: number, { used, next }: TakenAnchors): string {
  const key = `${prefix}\u0000${from}`;
  let count = next.get(key) ?? from;
  while (used.has(`${prefix}${count}`)) count++;
  next.set(key, count + 1);
  return `${prefix}${count}`;
}

/** markdown-it-anchor (VitePress): the second of a kind gets `-1`, the third `-2`. */
function hyphenCounter(slug: string, anchors: TakenAnchors): string {
  return anchors.used.has(slug) ? firstFree(`${slug}-`, 1, anchors) : slug;
}

/** Mintlify's: the second of a kind gets `-2`, the third `-3`. */
function countFromTwo(slug: string, anchors: TakenAnchors): string {
  return anchors.used.has(slug) ? firstFree(`${slug}-`, 2, anchors) : slug;
}

/**
 * Mintlify's anchor, as its pages are linked: lower case, each run of spaces and of the
 * punctuation that parts words (`.`, `:`, brackets, quotes) one hyphen, and every other
 * character kept: `enableMic(enable: boolean)` is `enablemic-enable-boolean`,
 * `Pause/Resume` is `pause/resume`, `VAD & Turn` is `vad-&-turn`, `@tool` is `@tool`. An
 * apostrophe inside a word is set as a typographer's before the id is made, and kept:
 * `What's next?` is `what’s-next`, as Mintlify documents and its exported pages show.
 */
function mintlifySlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/(?<=[\p{L}\p{N}])'(?=\p{L})/gu, '’')
    .replace(/[\s.,:;!?'"`()[\]{}<>]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Python-Markdown's table of contents (MkDocs): a repeat gets `_1`, one already ending in
 * `_N` counts on from N, and an empty anchor (a heading of no ASCII letters) is `_1` too.
 */
function underscoreCounter(slug: string, anchors: TakenAnchors): string {
  if (slug !== '' && !anchors.used.has(slug)) return slug;
  const counted = /^(.*)_(\d+)$/.exec(slug);
  return counted ? firstFree(`${counted[1]}_`, Number(counted[2]) + 1, anchors) : firstFree(`${slug}_`, 1, anchors);
}

/**
 * The way of VitePress, VuePress and Hexo: accents dropped, every run of punctuation and
 * spaces one hyphen (`build.target` is `build-target`). VitePress and VuePress also put `_`
 * before a leading digit; Hexo does not. Hexo keeps the case, but anchors are found in any
 * case, so all are kept in lower case.
 */
function punctuationSlug(punctuation: RegExp, digitFirst = true): (text: string) => string {
  return (text) => {
    const slug = text
      .normalize('NFKD')
      .replace(/[\u0300-\u036F\u0000-\u001F]/g, '')
      .replace(punctuation, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase();
    return digitFirst ? slug.replace(/^(\d)/, '_$1') : slug;
  };
}

/** Python-Markdown's way (MkDocs): the characters `dropped` matches dropped, runs of spaces and hyphens one hyphen. */
function pythonMarkdownSlug(dropped: RegExp, form?: 'NFKD'): (text: string) => string {
  return (text) =>
    (form ? text.normalize(form) : text)
      .replace(dropped, '')
      .trim()
      .toLowerCase()
      .replace(/[-\s]+/g, '-');
}

const flavours: SiteFlavour[] = [
  { style: 'vitepress', slug: punctuationSlug(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g), unique: hyphenCounter },
  // VuePress counts the en and em dashes as punctuation too.
  { style: 'vuepress', slug: punctuationSlug(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’–—<>,.?/]+/g), unique: hyphenCounter },
  // Hexo (hexo-renderer-marked) keeps curly quotes, and a leading digit as it is.
  { style: 'hexo', slug: punctuationSlug(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'<>,.?/]+/g, false), unique: hyphenCounter },
  // MkDocs as it comes: ASCII only (accents decomposed and dropped). JavaScript's `\w` is ASCII's, as Python's is here.
  { style: 'python-markdown', slug: pythonMarkdownSlug(/[^\w\s-]/g, 'NFKD'), unique: underscoreCounter },
  // MkDocs with Python-Markdown's `slugify_unicode`: letters and digits of any script kept.
  { style: 'python-markdown-unicode', slug: pythonMarkdownSlug(/[^\p{L}\p{N}_\s-]/gu), unique: underscoreCounter },
  {
    style: 'pymdown',
    // MkDocs with PyMdown's `slugs.slugify` (its `uslugify`, common on sites in Chinese):
    // the same letters, but each space its own hyphen and hyphens left as they are.
    slug: (text) =>
      text
        .normalize('NFC')
        .replace(/[^\p{L}\p{N}_ -]/gu, '')
        .trim()
        .toLowerCase()
        .replace(/ /g, '-'),
    unique: underscoreCounter,
  },
  {
    style: 'gitbook',
    // GitBook: punctuation dropped but dots kept, runs of spaces one hyphen, and an anchor
    // that would start with a digit starts `id-` (`## 1. Setup` is `#id-1.-setup`).
    slug: (text) =>
      text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s._-]/gu, '')
        .trim()
        .replace(/\s+/g, '-')
        .replace(/^(?=\d)/, 'id-'),
    unique: hyphenCounter,
  },
  {
    style: 'markdig',
    // Markdig's GitHub way (DocFX, Microsoft Learn): GitHub's, but a heading of no letters or
    // digits (``### `$?` ``) is `section`, then `section-1`.
    slug: (text) => text.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-') || 'section',
    unique: hyphenCounter,
  },
  // Mintlify: a repeat counted from 2 (`#settings-2` for the second `### Settings`).
  { style: 'mintlify', slug: mintlifySlug, unique: countFromTwo },
  // markdown-it-anchor as it comes (Lume and Eleventy sites add it): lower case, each run of spaces one hyphen, and
  // every other character kept (`## FFI (foreign function interface)` is `#ffi-(foreign-function-interface)`). Its id
  // is that text percent-encoded; kept here as the text, as a link's anchor is read decoded.
  { style: 'markdown-it-anchor', slug: (text) => text.trim().toLowerCase().replace(/\s+/g, '-'), unique: hyphenCounter },
];

/** The anchor one generator's way makes of a heading's text, no repeat counted. */
export function siteSlug(style: SiteAnchorStyle, text: string): string | undefined {
  return flavours.find((flavour) => flavour.style === style)?.slug(text);
}

/**
 * GitHub's anchor of a text, no repeat counted: the way Astro makes a content entry's route of
 * its path, segment by segment (`Inter-Process Communication/index.md` is at
 * `/inter-process-communication/`).
 */
export function githubSlug(text: string): string {
  return githubBaseSlug(text);
}

/** A `<Badge>` tag of dumi's, opening or closing (`<Badge type="info">`, `</Badge>`), or one that closes itself. */
const badgeTag = /^<(\/?)Badge\b[^>]*?(\/?)>$/;

/**
 * A heading's text as dumi makes its anchor of it: the text between `<Badge>` and `</Badge>`
 * left out (`### Nav <Badge>2.2.0+</Badge>` reads `Nav`), as a badge marks a version, not the
 * heading; undefined when the heading has no badge.
 */
export function textWithoutBadges(heading: Heading): string | undefined {
  let depth = 0;
  let badged = false;
  let text = '';
  for (const child of heading.children) {
    const tag = child.type === 'html' ? badgeTag.exec(child.value.trim()) : null;
    if (tag) {
      badged = true;
      if (tag[2] === '') depth = Math.max(0, depth + (tag[1] === '/' ? -1 : 1));
    } else if (depth === 0) text += inlineText(child, false);
  }
  return badged ? text : undefined;
}

/**
 * A Starlight heading badge, as starlight-heading-badges writes one: a text directive,
 * `:badge[v8.0]` or `:badge[New]{variant=caution}`, with the spaces before it.
 */
const starlightBadge = /[ \t]*:badge\[[^\]\n]*\](?:\{[^}\n]*\})?/g;

export class SiteSlugger {
  readonly #taken: TakenAnchors[] = flavours.map(() => ({ used: new Set<string>(), next: new Map<string, number>() }));
  readonly #dumi: TakenAnchors = { used: new Set<string>(), next: new Map<string, number>() };
  readonly #starlight: TakenAnchors = { used: new Set<string>(), next: new Map<string, number>() };
  #badges = false;

  /**
   * The site anchors of the next heading, `shown` its text as a page shows it and
   * `githubSlug` the anchor GitHub gave it: each style's, where it differs from GitHub's.
   * `withoutBadges` is its text with no `<Badge>`'s (see `textWithoutBadges`), where it has one.
   */
  slugs(shown: string, githubSlug: string, withoutBadges?: string): Partial<Record<SiteAnchorStyle, string>> {
    const text = shown.trim();
    const found: Partial<Record<SiteAnchorStyle, string>> = {};
    flavours.forEach((flavour, index) => {
      const taken = this.#taken[index]!;
      const unique = flavour.unique(flavour.slug(text), taken);
      taken.used.add(unique);
      if (unique !== githubSlug && unique !== '') found[flavour.style] = unique;
    });
    // Astro (Starlight) takes GitHub's, repeats counted, and drops a hyphen it ends with (`## Ready? 🚀`).
    // A heading badge (`### SAML Events :badge[v8.0]`) shows beside the heading, and the plugin
    // that draws it leaves it out of the anchor (`#saml-events`): only that plugin reads the
    // directive in a heading; without it Starlight shows it as written.
    // Once a heading has one, the repeats are counted among the anchors without badges.
    const unbadged = text.replace(starlightBadge, '').trim();
    if (unbadged !== text && unbadged !== '') this.#badges = true;
    const starlight = hyphenCounter(githubBaseSlug(unbadged === '' ? text : unbadged), this.#starlight);
    this.#starlight.used.add(starlight);
    const astro = (this.#badges ? starlight : githubSlug).replace(/-$/, '');
    if (astro !== githubSlug && astro !== '') found.astro = astro;
    // dumi (github-slugger, repeats counted as GitHub counts them) reads the text without its badges.
    const dumi = hyphenCounter(githubBaseSlug((withoutBadges ?? text).trim()), this.#dumi);
    this.#dumi.used.add(dumi);
    if (dumi !== githubSlug && dumi !== '') found.dumi = dumi;
    return found;
  }
}
