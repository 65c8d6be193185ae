import { kOfN, kOfNEdges } from './k-of-n.js';
import type { Pair } from './pair.js';
import type { PreparedTier } from './prepare.js';
import type { ZoneType } from './zone-states.js';

/** A tier in one zone state: its (a, q) and, when asked for, each class's leave-one-out edge. */
export type TierEval = {
  readonly pair: Pair;
  readonly edges: readonly number[] | undefined;
  /** Surviving nodes per class. */
  readonly counts: readonly number[];
};

/** k-of-n results shared across enumerations, keyed by tier and surviving nodes per class. */
export type TierCache = Map<string, TierEval>;

/**
 * The tier as a function of how many zones of each type are up: nodes of class c surviving =
 * zoneless nodes + Σ_types (zones up)·(nodes of class c per zone of the type). Results are
 * memoised by the up-counts of the tier's own zone types (a short key), then by the class
 * counts in the shared cache (so forced re-enumerations reuse them).
 * @example tierEvaluator(tier, 0, zoneType, types, cache, false)(typeUp, false).pair.q
 */
export function tierEvaluator(
  tier: PreparedTier,
  t: number,
  zoneType: readonly number[],
  types: readonly ZoneType[],
  cache: TierCache,
  withEdges: boolean,
): (typeUp: readonly number[], edges: boolean) => TierEval {
  const C = tier.classQ.length;
  const base = new Array<number>(C).fill(0);
  const perZone = new Map<number, number[]>();
  for (const g of tier.groups) {
    if (g.count <= 0) continue;
    const ty = g.zone < 0 ? -1 : (zoneType[g.zone] ?? -1);
    if (ty < 0) {
      base[g.cls] = (base[g.cls] ?? 0) + g.count;
      continue;
    }
    if (types[ty]?.zones[0] !== g.zone) continue;
    let row = perZone.get(ty);
    if (row === undefined) {
      row = new Array<number>(C).fill(0);
      perZone.set(ty, row);
    }
    row[g.cls] = (row[g.cls] ?? 0) + g.count;
  }
  const own = [...perZone];
  // The up-counts as one mixed-radix number (digit i in 0..m_i) when it fits in 2^53.
  const strides: number[] = [];
  let radix = 1;
  for (const [ty] of own) {
    strides.push(radix);
    radix *= (types[ty]?.zones.length ?? 0) + 1;
  }
  const numeric = radix <= Number.MAX_SAFE_INTEGER;
  const local = new Map<number | string, TierEval>();
  return (typeUp, needEdges) => {
    let key: number | string = 0;
    if (numeric) {
      for (let i = 0; i < own.length; i++) key += (typeUp[own[i]?.[0] ?? 0] ?? 0) * (strides[i] ?? 0);
    } else {
      key = own.map(([ty]) => typeUp[ty] ?? 0).join(',');
    }
    const hit = local.get(key);
    const want = withEdges && needEdges;
    if (hit !== undefined && (!want || hit.edges !== undefined)) return hit;
    const counts = base.slice();
    for (const [ty, row] of own) {
      const up = typeUp[ty] ?? 0;
      if (up > 0) {
        row.forEach((n, c) => {
          counts[c] = (counts[c] ?? 0) + up * n;
        });
      }
    }
    const shared = `${t}|${counts.join(',')}`;
    let r = cache.get(shared);
    if (r === undefined || (want && r.edges === undefined)) {
      const classes = tier.classQ.map((q, c) => ({ q, count: counts[c] ?? 0 }));
      const pair = r?.pair ?? kOfN(classes, tier.k);
      r = { pair: { a: pair.a, q: pair.q }, edges: want ? kOfNEdges(classes, tier.k) : undefined, counts };
      cache.set(shared, r);
    }
    local.set(key, r);
    return r;
  };
}

/** The tier's (a, q) with `counts` surviving nodes per class, through the shared cache. */
export function tierPairAt(tier: PreparedTier, t: number, counts: readonly number[], cache: TierCache): Pair {
  const shared = `${t}|${counts.join(',')}`;
  const hit = cache.get(shared);
  if (hit !== undefined) return hit.pair;
  const pair = kOfN(
    tier.classQ.map((q, c) => ({ q, count: counts[c] ?? 0 })),
    tier.k,
  );
  cache.set(shared, { pair: { a: pair.a, q: pair.q }, edges: undefined, counts });
  return pair;
}
