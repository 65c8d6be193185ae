/**
 * The running sums of one walk over zone/region states (see conditioning.ts): the layout of
 * interchangeable zone types, the service and tier sums of evaluated states split per zone and
 * region, the bounds of skipped subtrees, and the domains independent of the service.
 */
import type { Pair } from './pair.js';
import type { Prepared } from './prepare.js';
import { zoneTypes, type DomainSpace, type DomainState, type VisitKind, type ZoneType } from './zone-states.js';

export function sums(n: number): { downQ: number[]; downA: number[]; upQ: number[]; upA: number[] } {
  const z = (): number[] => new Array<number>(n).fill(0);
  return { downQ: z(), downA: z(), upQ: z(), upA: z() };
}

/** A zone's contents: per tier, its nodes per class (null when it holds none). */
export function signatures(prepared: Prepared, zones: number): (string | null)[] {
  return Array.from({ length: zones }, (_, z) => {
    let any = false;
    const parts = prepared.tiers.map((tier) => {
      const byClass = new Map<number, number>();
      for (const g of tier.groups) {
        if (g.zone !== z || g.count <= 0) continue;
        any = true;
        byClass.set(g.cls, (byClass.get(g.cls) ?? 0) + g.count);
      }
      return [...byClass]
        .sort((x, y) => x[0] - y[0])
        .map(([c, n]) => `${c}:${n}`)
        .join(',');
    });
    return any ? parts.join('/') : null;
  });
}

/** The zone types of a walk and, per zone, its type and slot in it. */
export type Layout = {
  readonly types: readonly ZoneType[];
  readonly zoneType: readonly number[];
  readonly zoneSlot: readonly number[];
};

export function layout(prepared: Prepared, space: DomainSpace): Layout {
  const types = zoneTypes(space, signatures(prepared, space.zoneQ.length));
  const zoneType = space.zoneQ.map(() => -1);
  const zoneSlot = space.zoneQ.map(() => 0);
  types.forEach((t, i) => {
    t.zones.forEach((z, zi) => {
      zoneType[z] = i;
      zoneSlot[z] = zi;
    });
  });
  return { types, zoneType, zoneSlot };
}

/** P(zone z up | the state), z holding nodes. */
export function zoneUpShare(l: Layout, s: DomainState, z: number): number {
  const i = l.zoneType[z] ?? -1;
  const ty = l.types[i];
  if (ty === undefined) return 1;
  if (ty.region >= 0 && s.regionDown[ty.region] === true) return 0;
  return 1 - (ty.downShare[l.zoneSlot[z] ?? 0]?.[s.typeOwnDown[i] ?? 0] ?? 0);
}

/** The running sums of one walk (mutable while it lasts). */
export type Sums = {
  A: number;
  Q: number;
  prunedQLow: number;
  prunedQHigh: number;
  prunedAHigh: number;
  blipQ: number;
  blipNu: number;
  readonly tierA: number[];
  readonly tierQ: number[];
  readonly tierQHigh: number[];
  readonly tierPerfectQ: number[];
  readonly tierPerfectA: number[];
  readonly tierDownQ: number[];
  readonly nodeImportance: number[][];
  readonly tierBlipQ: number[];
  readonly tierBlipNu: number[];
  readonly zone: ReturnType<typeof sums>;
  readonly region: ReturnType<typeof sums>;
};

export function emptySums(prepared: Prepared, space: DomainSpace): Sums {
  const T = prepared.tiers.length;
  const z = (): number[] => new Array<number>(T).fill(0);
  return {
    A: 0,
    Q: 0,
    prunedQLow: 0,
    prunedQHigh: 0,
    prunedAHigh: 0,
    blipQ: 0,
    blipNu: 0,
    tierA: z(),
    tierQ: z(),
    tierQHigh: z(),
    tierPerfectQ: z(),
    tierPerfectA: z(),
    tierDownQ: z(),
    nodeImportance: prepared.tiers.map((t) => new Array<number>(t.groups.length).fill(0)),
    tierBlipQ: z(),
    tierBlipNu: z(),
    zone: sums(space.zoneQ.length),
    region: sums(space.regionQ.length),
  };
}

/** A skipped subtree: its mass times the extreme states bounds its share from both sides. */
export function addBounded(acc: Sums, s: DomainState, kind: VisitKind, base: Pair, pairs: readonly Pair[]): void {
  const P = s.probability;
  const U = s.upperWeight;
  acc.prunedQHigh += U * base.q;
  pairs.forEach((pair, t) => {
    acc.tierQHigh[t] = (acc.tierQHigh[t] ?? 0) + U * pair.q;
  });
  if (kind !== 'best') return;
  acc.prunedQLow += P * base.q;
  acc.prunedAHigh += P * base.a;
  pairs.forEach((pair, t) => {
    acc.tierQ[t] = (acc.tierQ[t] ?? 0) + P * pair.q;
    acc.tierA[t] = (acc.tierA[t] ?? 0) + P * pair.a;
  });
}

/** An evaluated state: the service and tier sums, split per zone and region by its state. */
export function addLeaf(
  space: DomainSpace,
  l: Layout,
  acc: Sums,
  s: DomainState,
  base: Pair,
  pairs: readonly Pair[],
): void {
  const P = s.probability;
  const v = P * base.q;
  const w = P * base.a;
  acc.Q += v;
  acc.A += w;
  const { zone, region } = acc;
  l.types.forEach((ty, i) => {
    const masked = ty.region >= 0 && s.regionDown[ty.region] === true;
    const own = s.typeOwnDown[i] ?? 0;
    ty.zones.forEach((z, zi) => {
      const qz = space.zoneQ[z] ?? 0;
      if (!(qz > 0 && qz < 1)) return;
      const down = masked ? qz : (ty.downShare[zi]?.[own] ?? 0);
      zone.downQ[z] = (zone.downQ[z] ?? 0) + down * v;
      zone.downA[z] = (zone.downA[z] ?? 0) + down * w;
      zone.upQ[z] = (zone.upQ[z] ?? 0) + (1 - down) * v;
      zone.upA[z] = (zone.upA[z] ?? 0) + (1 - down) * w;
    });
  });
  space.regionQ.forEach((qr, r) => {
    if (!(qr > 0 && qr < 1)) return;
    const side = s.regionDown[r] === true ? 'down' : 'up';
    region[`${side}Q`][r] = (region[`${side}Q`][r] ?? 0) + v;
    region[`${side}A`][r] = (region[`${side}A`][r] ?? 0) + w;
  });
  pairs.forEach((pair, t) => {
    acc.tierA[t] = (acc.tierA[t] ?? 0) + P * pair.a;
    acc.tierQ[t] = (acc.tierQ[t] ?? 0) + P * pair.q;
    acc.tierQHigh[t] = (acc.tierQHigh[t] ?? 0) + P * pair.q;
  });
}

/** Domains left out of the walk (no nodes) are independent of the service: E[x | d] = E[x]. */
export function addIndependentDomains(space: DomainSpace, l: Layout, acc: Sums): void {
  const { A, Q, zone, region } = acc;
  space.zoneQ.forEach((qz, z) => {
    if (!(qz > 0 && qz < 1) || (l.zoneType[z] ?? -1) >= 0) return;
    zone.downQ[z] = qz * Q;
    zone.downA[z] = qz * A;
    zone.upQ[z] = (1 - qz) * Q;
    zone.upA[z] = (1 - qz) * A;
  });
  space.regionQ.forEach((qr, r) => {
    if (!(qr > 0 && qr < 1) || l.types.some((t) => t.region === r)) return;
    region.downQ[r] = qr * Q;
    region.downA[r] = qr * A;
    region.upQ[r] = (1 - qr) * Q;
    region.upA[r] = (1 - qr) * A;
  });
}
