/** Which documents are MDX pages, parsed as MDX reads Markdown (see `parse.ts`). */

/** Whether a path is an MDX page's. */
export function isMdxPath(path: string | undefined): boolean {
  return path !== undefined && /\.mdx$/i.test(path);
}
