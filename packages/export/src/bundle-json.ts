/** A bundle as JSON, in the shape `schemas/bundle.schema.json` describes. */
import type { Bundle, RenderStyle } from './bundle.js';

export interface BundleJson {
  version: 1;
  encoding: string;
  budget?: number;
  selection: {
    capsules?: string[];
    documents?: string[];
    tags?: string[];
    categories?: string[];
    audiences?: string[];
    depth: number;
  };
  capsules: {
    name: string;
    source: { document: string; line: number; column: number };
    distance: number;
    via?: string;
    /** Set for a sample of the format, in the bundle because it was named. */
    sample?: true;
    invariant?: string;
    example?: string;
    depth?: string;
    /** Extra parts (`**Why**`, `**Notes**`) in source order, when the capsule has any in. */
    extras?: { label: string; markdown: string }[];
  }[];
  leftOut?: {
    tokens: number;
    capsules: LeftOutListJson;
    examples: LeftOutListJson;
    depth: LeftOutListJson;
    extras: LeftOutListJson;
  };
}

/** How many were left out, and the first of their names (all, unless the list is capped). */
export interface LeftOutListJson {
  count: number;
  names: string[];
}

export function bundleToJson(bundle: Bundle, style: RenderStyle): BundleJson {
  const { selection, leftOut } = bundle;
  const list = (names: string[]): LeftOutListJson => ({ count: names.length, names: names.slice(0, style.listLimit) });
  const nonEmpty = (values: string[] | undefined) => (values && values.length > 0 ? values : undefined);
  return {
    version: 1,
    encoding: bundle.encoding,
    budget: bundle.budget,
    selection: {
      capsules: nonEmpty(selection.capsules),
      documents: nonEmpty(selection.documents),
      tags: nonEmpty(selection.tags),
      categories: nonEmpty(selection.categories),
      audiences: nonEmpty(selection.audiences),
      depth: selection.depth ?? 0,
    },
    capsules: bundle.capsules.map((capsule) => {
      const text = (kind: string) => capsule.parts.find((part) => part.kind === kind)?.markdown;
      return {
        name: capsule.name,
        source: capsule.source,
        distance: capsule.distance,
        via: capsule.via,
        sample: capsule.sample ? (true as const) : undefined,
        invariant: text('invariant'),
        example: text('example'),
        depth: text('depth'),
        extras: capsule.extras.length > 0 ? capsule.extras.map(({ label, markdown }) => ({ label, markdown })) : undefined,
      };
    }),
    leftOut: leftOut && {
      tokens: leftOut.tokens,
      capsules: list(leftOut.capsules),
      examples: list(leftOut.examples),
      depth: list(leftOut.depth),
      extras: list(leftOut.extras),
    },
  };
}

export function renderJsonBundle(bundle: Bundle, style: RenderStyle): string {
  return `${JSON.stringify(bundleToJson(bundle, style), null, 2)}\n`;
}
