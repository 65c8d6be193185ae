import type { Component, Model } from '../../model/types.js';
import type { DomainSpace } from './zone-states.js';

/** A node group resolved to indices: its zone (−1: none) and its class (distinct q in the tier). */
export type PreparedGroup = {
  readonly zone: number;
  readonly count: number;
  readonly cls: number;
  readonly failure: Component;
};

export type PreparedTier = {
  readonly name: string;
  readonly k: number;
  readonly n: number;
  readonly groups: readonly PreparedGroup[];
  /** Distinct node unavailabilities of the tier: groups of one class form one binomial. */
  readonly classQ: readonly number[];
};

/** The model in index form, as the state enumeration and the conditioning engine need it. */
export type Prepared = {
  readonly space: DomainSpace;
  readonly tiers: readonly PreparedTier[];
};

/** Unavailability of an optional failure spec: a domain without one never fails. */
export function qOf(failure: Component | undefined): number {
  return failure === undefined ? 0 : failure.unavailability;
}

/**
 * Resolves zone and region names to indices and groups each tier's nodes into classes of
 * equal unavailability. An unknown zone or region name (rejected by validation) is treated as
 * no zone / no region.
 * @example prepare(model).tiers[0].classQ // [1e-3]
 */
export function prepare(model: Model): Prepared {
  const regionIndex = new Map(model.regions.map((r, i) => [r.name, i] as const));
  const zoneIndex = new Map(model.zones.map((z, i) => [z.name, i] as const));
  const space: DomainSpace = {
    zoneQ: model.zones.map((z) => qOf(z.failure)),
    regionQ: model.regions.map((r) => qOf(r.failure)),
    zoneRegion: model.zones.map((z) =>
      z.region === undefined ? -1 : (regionIndex.get(z.region) ?? -1),
    ),
  };
  const tiers = model.tiers.map((tier): PreparedTier => {
    const classQ: number[] = [];
    const groups = tier.groups.map((g): PreparedGroup => {
      const q = g.failure.unavailability;
      let cls = classQ.indexOf(q);
      if (cls < 0) {
        cls = classQ.length;
        classQ.push(q);
      }
      const zone = g.zone === undefined ? -1 : (zoneIndex.get(g.zone) ?? -1);
      return { zone, count: g.count, cls, failure: g.failure };
    });
    const n = groups.reduce((s, g) => s + g.count, 0);
    return { name: tier.name, k: tier.minHealthy, n, groups, classQ };
  });
  return { space, tiers };
}
