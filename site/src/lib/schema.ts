/**
 * The shape of what the content loader makes for each document: everything a page needs,
 * already resolved against the whole graph and already rendered to sanitized HTML. Pages
 * read it and never see the graph or the Markdown. The content store keeps only `pageData`;
 * the rest reaches the pages through `sharedPages`.
 */
import { z } from 'astro/zod';

const link = z.object({ label: z.string(), url: z.string() });

/** A tag or category with the path segment and address of its page. */
const term = z.object({ name: z.string(), segment: z.string(), url: z.string() });

/** A SeeAlso entry as the capsule page shows it. */
export const referenceSchema = z.object({
  /** The entry as written, without backticks. */
  label: z.string(),
  /**
   * `capsule` and `document` resolved (and carry `url`); `url` is a link leaving the site;
   * the rest did not resolve and say why in `note`.
   */
  status: z.enum(['capsule', 'document', 'file', 'url', 'sample', 'unknown-name', 'missing-document', 'external', 'outside-root']),
  url: z.string().optional(),
  /** The capsule a `capsule` entry resolved to. */
  capsule: z.string().optional(),
  note: z.string().optional(),
});

/** One place that cites a capsule, with the sentence that does it. */
export const backlinkSchema = z.object({
  kind: z.enum(['see-also', 'cites', 'mentions']),
  /** The citing capsule, or the citing document's title. */
  from: z.string(),
  url: z.string(),
  /** The document the citation is written in. */
  document: z.string(),
  context: z.string(),
});

export const capsuleSchema = z.object({
  name: z.string(),
  segment: z.string(),
  url: z.string(),
  /** The capsule's heading in its document. */
  documentUrl: z.string(),
  line: z.number(),
  invariant: z.object({ text: z.string(), html: z.string() }).optional(),
  exampleHtml: z.string().optional(),
  boundaries: z.array(z.string()),
  /** Each boundary line as the page shows it: its inline Markdown rendered (code spans, links), or as written in code. */
  boundariesHtml: z.array(z.string()),
  depthHtml: z.string().optional(),
  /** Parts under other labels (`**Why**`, `**Notes**`), in source order; `slug` is the section's id. */
  extraParts: z.array(z.object({ label: z.string(), slug: z.string(), html: z.string() })),
  seeAlso: z.array(referenceSchema),
  backlinks: z.array(backlinkSchema),
  /** Other documents that define a capsule of the same name. */
  alsoDefinedIn: z.array(link),
  /** A model of the format (under a guide's `## Example Capsules`, or in a template or an exemplar), not a rule of this corpus. */
  sample: z.boolean(),
  /** Whether a bare reference to the name resolves to this definition (full ones before stubs, stubs before samples). */
  primary: z.boolean(),
});

export const checklistItemSchema = z.object({
  /** Stable across rebuilds while the item's text stays the same: the key of its saved tick. */
  key: z.string(),
  text: z.string(),
  /** The item rendered (code spans, links), without the citation the page links apart; absent where the text must serve. */
  html: z.string().optional(),
  checked: z.boolean(),
  section: z.string().optional(),
  cites: z.array(z.object({ name: z.string(), url: z.string().optional() })),
});

/** What the loader adds to Starlight's page data for each document. */
export const documentSchema = z.object({
  /** The document's path relative to the corpus root; absent on a generated page. */
  path: z.string().optional(),
  url: z.string(),
  tags: z.array(term),
  audience: z.array(z.string()),
  categories: z.array(term.extend({ strength: z.number().optional() })),
  capsules: z.array(capsuleSchema),
  checklist: z.array(checklistItemSchema),
  /** The addresses of the published documents this one links or refers to, each once, in the order first written. */
  links: z.array(z.string()),
});

/**
 * What the content store keeps of that for a page: what the page's own title area shows. The
 * rest stays with the loader (see `sharedPages`).
 */
export const pageDataSchema = documentSchema.pick({ path: true, url: true, tags: true, categories: true });

export type ReferenceView = z.infer<typeof referenceSchema>;
export type BacklinkView = z.infer<typeof backlinkSchema>;
export type CapsuleView = z.infer<typeof capsuleSchema>;
export type ChecklistItemView = z.infer<typeof checklistItemSchema>;
export type Term = z.infer<typeof term>;
export type DocumentData = z.infer<typeof documentSchema>;
export type PageData = z.infer<typeof pageDataSchema>;
