/**
 * A capsule's local neighbourhood for its page: the capsules one and two SeeAlso steps away,
 * in either direction. Built once for the whole site from the published capsules, so each
 * page costs only its own walk; long lists are cut, so a page stays small next to a hub.
 */
import { compare } from './order.js';

export interface NeighbourhoodInput {
  capsule: { name: string; url: string; seeAlso: readonly { capsule?: string | undefined }[] };
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

/** Walk the SeeAlso references of every capsule up to `depth` steps, both ways; names map to their rings (empty rings left out). */
export function neighbourhoods(capsules: readonly NeighbourhoodInput[], depth = 2, limit = 24): Map<string, NeighbourRing[]> {
  const urls = new Map(capsules.map(({ capsule }) => [capsule.name, capsule.url]));
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
      link(capsule.name, target);
      link(target, capsule.name);
    }
  }
  const result = new Map<string, NeighbourRing[]>();
  for (const { capsule } of capsules) {
    const seen = new Set([capsule.name]);
    const rings: NeighbourRing[] = [];
    let frontier = [capsule.name];
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
    result.set(capsule.name, rings);
  }
  return result;
}
