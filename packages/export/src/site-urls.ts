/**
 * Where each thing of a corpus lives on the published site. Every address is decided here,
 * once, so that a page, a link inside rendered Markdown, the graph view and the links of an
 * export (llms.txt) always agree.
 */

/** Route ids (Starlight's `docs` collection ids) and the page addresses built from them. */
export interface SiteUrls {
  /** The collection id of a document: `index` for the home document, its path without `.md` otherwise. */
  documentId(path: string): string | undefined;
  document(path: string): string | undefined;
  capsule(name: string): string;
  capsuleSegment(name: string): string;
  tag(name: string): string;
  tagSegment(name: string): string;
  category(name: string): string;
  categorySegment(name: string): string;
  /** A site-relative path (no leading slash) joined to the base. */
  page(path: string): string;
}

/**
 * First path segments the site's own pages use. A document whose path starts with one
 * (`graph.md`, `capsules/x.md`) gets a suffixed first segment instead of hiding a page.
 */
export const reservedSegments = [
  '404',
  '_astro',
  'capsules',
  'categories',
  'checklists',
  'documents',
  'favicon.ico',
  'favicon.svg',
  'graph',
  'graph.json',
  'graph-details',
  'llms.txt',
  'pagefind',
  'tags',
];

/**
 * Build the address book of one corpus. `base` is Astro's `base` (`/` by default);
 * `home` is the document shown at the site root, if any.
 */
export function siteUrls(options: {
  base: string;
  documents: readonly string[];
  home: string | undefined;
  capsules: readonly string[];
  tags: readonly string[];
  categories: readonly string[];
}): SiteUrls {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const page = (path: string) => `${base}${path}`;

  // A document lives at its path without `.md` (as exports link to it; an MDX page or a
  // Cursor rule an `include` reads, without `.mdx` or `.mdc`, as its own site serves it), the
  // home document at the root; a segment that is not safe in a URL is turned into a slug.
  const documentIds = new Map<string, string>();
  const takenIds = new Set<string>(['index']);
  const takenFirstSegments = new Set(reservedSegments);
  const renamedFirstSegments = new Map<string, string>();
  for (const path of options.documents) {
    if (path === options.home) {
      documentIds.set(path, 'index');
      continue;
    }
    const segments = path.replace(/\.(?:md|mdx|mdc)$/i, '').split('/').map(safeSegment);
    // Starlight serves `folder/index` at `folder/`, so that is the address it takes.
    if (segments.length > 1 && segments.at(-1)!.toLowerCase() === 'index') segments.pop();
    const first = segments[0]!;
    if (reservedSegments.includes(first.toLowerCase())) {
      const renamed = renamedFirstSegments.get(first) ?? claim(takenFirstSegments, first);
      renamedFirstSegments.set(first, renamed);
      segments[0] = renamed;
    }
    documentIds.set(path, claim(takenIds, segments.join('/')));
  }

  const capsuleSegments = segmentsFor(options.capsules);
  const tagSegments = segmentsFor(options.tags);
  const categorySegments = segmentsFor(options.categories);
  const segment = (segments: Map<string, string>, name: string) => segments.get(name) ?? safeSegment(name);

  return {
    documentId: (path) => documentIds.get(path),
    document: (path) => {
      const id = documentIds.get(path);
      if (id === undefined) return undefined;
      return id === 'index' ? base : page(`${id}/`);
    },
    capsule: (name) => page(`capsules/${encodeURIComponent(segment(capsuleSegments, name))}/`),
    capsuleSegment: (name) => segment(capsuleSegments, name),
    tag: (name) => page(`tags/${encodeURIComponent(segment(tagSegments, name))}/`),
    tagSegment: (name) => segment(tagSegments, name),
    category: (name) => page(`categories/${encodeURIComponent(segment(categorySegments, name))}/`),
    categorySegment: (name) => segment(categorySegments, name),
    page,
  };
}

/**
 * A URL path segment for each name: the name itself when it is already safe in a path
 * (capsule names are CamelCase ASCII, so `/capsules/IdeaCapture/` reads as written),
 * a slug otherwise; a clash gets a numbered suffix.
 */
function segmentsFor(names: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const segments = new Map<string, string>();
  for (const name of names) {
    if (!segments.has(name)) segments.set(name, claim(taken, safeSegment(name)));
  }
  return segments;
}

function safeSegment(name: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) && !name.endsWith('.') ? name : slugify(name);
}

/** Lower-case ASCII words joined by hyphens; never empty. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .replace(/-{2,}/g, '-');
  return slug === '' ? 'untitled' : slug;
}

/** Take `wanted`, or `wanted-2`, `wanted-3`... when it is taken already. */
function claim(taken: Set<string>, wanted: string): string {
  let candidate = wanted;
  for (let suffix = 2; taken.has(candidate.toLowerCase()); suffix++) candidate = `${wanted}-${suffix}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
