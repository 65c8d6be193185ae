import type { ResolvedModel } from '../../model/resolve.js';
import type { Component } from '../../model/component.js';
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
  /** Per tier: the interruption each node failure it rides out causes, seconds (0: none). */
  readonly interruptions: readonly number[];
};

/** Unavailability of an optional failure spec: a domain without one never fails. */
export function qOf(failure: Component | undefined): number {
  return failure === undefined ? 0 : failure.unavailability;
}

/**
 * The resolved model in the form the state enumeration needs: domain unavailabilities, and
 * each tier's nodes grouped into classes of equal unavailability.
 * @example prepare(resolveModel(model)).tiers[0].classQ // [1e-3]
 */
export function prepare(resolved: ResolvedModel): Prepared {
  const { model } = resolved;
  const space: DomainSpace = {
    zoneQ: model.zones.map((z) => qOf(z.failure)),
    regionQ: model.regions.map((r) => qOf(r.failure)),
    zoneRegion: resolved.zoneRegion,
  };
  const tiers = model.tiers.map((tier, t): PreparedTier => {
    const classQ: number[] = [];
    const groups = tier.groups.map((g, gi): PreparedGroup => {
      const q = g.failure.unavailability;
      let cls = classQ.indexOf(q);
      if (cls < 0) {
        cls = classQ.length;
        classQ.push(q);
      }
      return { zone: resolved.groupZone[t]?.[gi] ?? -1, count: g.count, cls, failure: g.failure };
    });
    const n = groups.reduce((s, g) => s + g.count, 0);
    return { name: tier.name, k: tier.minHealthy, n, groups, classQ };
  });
  return { space, tiers, interruptions: model.tiers.map((t) => t.interruptionSeconds ?? 0) };
}
