/**
 * The failures of a drill as index sets over the resolved model: the regions, zones, tiers and
 * nodes named, and the zones down with them (a zone is down when it or its region failed).
 */
import type { ResolvedModel } from './resolve.js';

/** A failed part named as `--fail` gives it: a zone, a region, a whole tier, or node `tier[i]` (i from 0). */
export type FailureRef =
  | { readonly kind: 'zone' | 'region' | 'tier'; readonly name: string }
  | { readonly kind: 'node'; readonly name: string; readonly tier: string; readonly index: number };

export type DownSet = {
  readonly regions: ReadonlySet<number>;
  /** Zones named as failed (their own failure forced down). */
  readonly zones: ReadonlySet<number>;
  /** Zones down: named, or in a failed region. */
  readonly zonesDown: ReadonlySet<number>;
  readonly tiers: ReadonlySet<number>;
  /** Per tier index: the failed nodes (from 0, in group order). */
  readonly nodes: ReadonlyMap<number, ReadonlySet<number>>;
};

/**
 * Resolves failure references (names, as `--fail` gives them) to indices once.
 * @example downSet(resolveModel(model), [{ kind: 'region', name: 'us-east' }]).zonesDown // Set {0, 1, 2}
 */
export function downSet(resolved: ResolvedModel, failures: readonly FailureRef[]): DownSet {
  const regions = new Set<number>();
  const zones = new Set<number>();
  const tiers = new Set<number>();
  const nodes = new Map<number, Set<number>>();
  const index = (map: ReadonlyMap<string, number>, name: string): number => {
    const i = map.get(name);
    if (i === undefined) throw new Error(`drill: unknown ${name}`);
    return i;
  };
  for (const f of failures) {
    switch (f.kind) {
      case 'region':
        regions.add(index(resolved.regionIndex, f.name));
        break;
      case 'zone':
        zones.add(index(resolved.zoneIndex, f.name));
        break;
      case 'tier':
        tiers.add(index(resolved.tierIndex, f.name));
        break;
      case 'node': {
        const t = index(resolved.tierIndex, f.tier);
        nodes.set(t, (nodes.get(t) ?? new Set<number>()).add(f.index));
        break;
      }
      default: {
        const never: never = f;
        throw new Error(`unknown failure ${JSON.stringify(never)}`);
      }
    }
  }
  const zonesDown = new Set(zones);
  resolved.zoneRegion.forEach((r, z) => {
    if (r >= 0 && regions.has(r)) zonesDown.add(z);
  });
  return { regions, zones, zonesDown, tiers, nodes };
}

/** Nodes of tier t standing: not failed themselves, not in a zone that is down (a failed tier: 0). */
export function nodesLeft(resolved: ResolvedModel, down: DownSet, t: number): number {
  const tier = resolved.model.tiers[t];
  if (tier === undefined || down.tiers.has(t)) return 0;
  const failed = [...(down.nodes.get(t) ?? [])];
  let first = 0;
  let left = 0;
  // Counted over the failed nodes, not the group's: a group may hold 10^9 nodes.
  tier.groups.forEach((g, gi) => {
    const zone = resolved.groupZone[t]?.[gi] ?? -1;
    const inGroup = failed.filter((i) => i >= first && i < first + g.count).length;
    if (!(zone >= 0 && down.zonesDown.has(zone))) left += g.count - inGroup;
    first += g.count;
  });
  return left;
}
