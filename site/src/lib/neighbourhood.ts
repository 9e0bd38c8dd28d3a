/**
 * A capsule's local neighbourhood for its page: the capsules one and two SeeAlso steps away,
 * in either direction. The links are gathered once for the whole site, so each page costs only
 * its own walk; long lists are cut, so a page stays small next to a hub.
 */
import { compare } from './order.js';

export interface NeighbourhoodInput {
  capsule: { name: string; url: string; sample?: boolean; seeAlso: readonly { capsule?: string | undefined }[] };
}

export interface Neighbour {
  name: string;
  url: string;
}

export interface NeighbourRing {
  /** Steps from the capsule: 1 or 2. */
  distance: number;
  /** The first `limit` neighbours at this distance, by name. */
  shown: Neighbour[];
  /** How many there are in all. */
  total: number;
}

/**
 * The neighbourhoods of a site's capsules. Only the SeeAlso links are held; a capsule's rings
 * are walked when its page asks for them, so a build of tens of thousands of capsule pages does
 * not keep every page's rings alive while it renders.
 */
export interface Neighbourhoods {
  /** The rings around the capsule of this name, nearest first (empty rings left out; none for an unknown name). */
  get(name: string): NeighbourRing[];
}

/**
 * Link the capsules by their resolved SeeAlso references, both ways; rings reach `depth` steps
 * and show `limit` names each. A sample (a model in a writing guide) is linked only to other
 * samples: its SeeAlso illustrates the format and makes it no neighbour of the corpus's capsules.
 */
export function neighbourhoods(capsules: readonly NeighbourhoodInput[], depth = 2, limit = 24): Neighbourhoods {
  const urls = new Map(capsules.map(({ capsule }) => [capsule.name, capsule.url]));
  const samples = new Set(capsules.filter(({ capsule }) => capsule.sample).map(({ capsule }) => capsule.name));
  const adjacent = new Map<string, Set<string>>();
  const link = (from: string, to: string) => {
    let set = adjacent.get(from);
    if (!set) adjacent.set(from, (set = new Set()));
    set.add(to);
  };
  for (const { capsule } of capsules) {
    for (const reference of capsule.seeAlso) {
      const target = reference.capsule;
      if (target === undefined || target === capsule.name || !urls.has(target)) continue;
      if (samples.has(capsule.name) !== samples.has(target)) continue;
      link(capsule.name, target);
      link(target, capsule.name);
    }
  }
  return { get: (name) => (urls.has(name) ? ringsAround(name, adjacent, urls, depth, limit) : []) };
}

/** Breadth-first from `start`: each ring holds the names first reached at its distance. */
function ringsAround(
  start: string,
  adjacent: ReadonlyMap<string, ReadonlySet<string>>,
  urls: ReadonlyMap<string, string>,
  depth: number,
  limit: number,
): NeighbourRing[] {
  const seen = new Set([start]);
  const rings: NeighbourRing[] = [];
  let frontier = [start];
  for (let distance = 1; distance <= depth && frontier.length > 0; distance++) {
    const next: string[] = [];
    for (const name of frontier) {
      for (const neighbour of adjacent.get(name) ?? []) {
        if (seen.has(neighbour)) continue;
        seen.add(neighbour);
        next.push(neighbour);
      }
    }
    if (next.length > 0) {
      const shown = next.sort(compare).slice(0, limit).map((name) => ({ name, url: urls.get(name)! }));
      rings.push({ distance, shown, total: next.length });
    }
    frontier = next;
  }
  return rings;
}
