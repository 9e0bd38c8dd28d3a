/**
 * The `toml` node remark-frontmatter makes for frontmatter between `+++` fences, as Hugo and
 * Zola pages open with it. mdast's types name only `yaml`; this adds its TOML sibling to the
 * content a root may hold, as the mdast utilities for frontmatter describe it.
 */
import type { Data, Literal } from 'mdast';

declare module 'mdast' {
  /** TOML frontmatter: `value` is the text between the fences. */
  interface Toml extends Literal {
    type: 'toml';
    data?: TomlData | undefined;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface TomlData extends Data {}
  interface FrontmatterContentMap {
    toml: Toml;
  }
  interface RootContentMap {
    toml: Toml;
  }
}

export type { Toml } from 'mdast';
