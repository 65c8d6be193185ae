/**
 * One zone or region loss that starts several failovers at once (their primaries need it).
 * Their switchover windows overlap in time, so their separate terms (each weighted by its
 * unconditional Birnbaum importance) neither add up nor stand alone: a failover in parallel
 * with a part the same loss takes down is critical during the loss, though not on average.
 *
 * Exact under the switchover semantics of switchover-penalty.ts (standbys stationary and
 * independent of the primaries, no second disruption within the windows): given the loss d
 * (its zone or region forced down, every other component stationary), failover i is down
 * until its switchover τ_i completes; from τ_i on it is down with probability 1 − c_i (a
 * failed switchover holds until the repair) and otherwise on its standby. With
 * 0 = t_0 < t_1 < … < t_m the distinct τ's and W_j = {i : τ_i > t_{j−1}}, over the loss's
 * outage R (E[min(t, R)] = within(t), E[(R − t)⁺] = beyond(t), see {@link outageWindow}):
 *   Δq = ν·{ Σ_j E_j·[within(t_j) − within(t_{j−1})] + E_{m+1}·beyond(t_m) } + Σ_i I_i·failback_i,
 *   E_j = Σ_{S ⊆ switched} Π_{i∈S}(1 − c_i)·Π_{i∉S} c_i · q_svc(W_j ∪ S down | d) − q_svc(static | d),
 * q_svc(· | d) being the static structure with those failover nodes forced down, conditioned on
 * the loss; it is multilinear in the nodes' states, so the mixture over S is exact. Outage
 * starts: Δν = ν·E_1, once per loss (the service comes back as switchovers complete and never
 * goes down again within the loss, standby failures aside). For failovers in series every E_j
 * is 1 − q_svc(static | d) and this is the union of their windows. Second order: ν is the mean
 * of the primaries' outage rates from the loss (they differ by a primary's own unavailability),
 * and the failback stays first order, as in switchoverPenalty.
 */
import { ALWAYS_DOWN, type Pair } from './pair.js';
import { conditionService, type TierCache } from './conditioning.js';
import type { Prepared } from './prepare.js';
import { compileService } from './service-expr.js';
import { outageWindow, type OutageCause } from './switchover-penalty.js';
import type { Structure } from '../../model/resolve.js';
import type { DomainSpace } from './zone-states.js';

/** One failover's part in a shared loss. */
export type Shared = {
  /** Index of the failover node in the structure (post-order). */
  readonly failover: number;
  readonly importance: number;
  readonly cause: OutageCause;
  /** Its own terms for this loss (switchoverPenalty), before the importance weight. */
  readonly dq: number;
  readonly dnu: number;
  readonly failback: number;
  readonly success: number;
  readonly tau: number;
};

export type SharedCtx = {
  readonly prepared: Prepared;
  readonly cache: TierCache;
  readonly structure: Structure;
};

/** Failovers sharing one loss beyond which the 2^k mixture is not enumerated (their terms stay added). */
export const MAX_SHARED = 12;

/**
 * The correction to the sum of the separate terms I_i·Δq_i for one loss (see the file comment);
 * undefined when fewer than two failovers share it, or more than {@link MAX_SHARED}.
 * @example sharedLoss(ctx, { kind: 'region', index: 0 }, list)?.dq
 */
export function sharedLoss(
  ctx: SharedCtx,
  domain: { readonly kind: 'zone' | 'region'; readonly index: number },
  list: readonly Shared[],
): { dq: number; dnu: number } | undefined {
  if (list.length < 2 || list.length > MAX_SHARED) return undefined;
  const first = list[0];
  if (first === undefined) return undefined;
  const q = givenLoss(ctx, domain);
  const q0 = q(new Set());
  const excess = (windowOpen: (x: Shared) => boolean): number => {
    const open = list.filter(windowOpen).map((x) => x.failover);
    const switched = list.filter((x) => !windowOpen(x));
    let sum = 0;
    for (let mask = 0; mask < 1 << switched.length; mask++) {
      let w = 1;
      const down = new Set(open);
      switched.forEach((x, bit) => {
        const failed = ((mask >> bit) & 1) === 1;
        w *= failed ? 1 - x.success : x.success;
        if (failed) down.add(x.failover);
      });
      if (w > 0) sum += w * q(down);
    }
    return Math.max(0, sum - q0);
  };
  const rate = list.reduce((s, x) => s + x.cause.rate, 0) / list.length;
  const window = (t: number) => outageWindow(t, first.cause.meanSeconds, first.cause.shape);
  const taus = [...new Set(list.map((x) => x.tau))].sort((a, b) => a - b);
  let lost = 0;
  let from = 0;
  for (const t of taus) {
    if (t > from) lost += excess((x) => x.tau > from) * (window(t).within - window(from).within);
    from = t;
  }
  lost += excess(() => false) * window(from).beyond;
  const dq = rate * lost + list.reduce((s, x) => s + x.importance * x.failback, 0);
  const dnu = rate * excess((x) => x.tau > 0);
  return {
    dq: dq - list.reduce((s, x) => s + x.importance * x.dq, 0),
    dnu: dnu - list.reduce((s, x) => s + x.importance * x.dnu, 0),
  };
}

/** q_svc with the given failover nodes forced down, conditioned on the domain's loss (memoised). */
function givenLoss(
  ctx: SharedCtx,
  domain: { readonly kind: 'zone' | 'region'; readonly index: number },
): (down: ReadonlySet<number>) => number {
  const { space } = ctx.prepared;
  const key = domain.kind === 'zone' ? 'zoneQ' : 'regionQ';
  const forced: DomainSpace = { ...space, [key]: space[key].map((x, j) => (j === domain.index ? 1 : x)) };
  const memo = new Map<string, number>();
  return (down) => {
    const id = [...down].sort((a, b) => a - b).join(',');
    const hit = memo.get(id);
    if (hit !== undefined) return hit;
    const pins = new Map<number, Pair>([...down].map((i) => [i, ALWAYS_DOWN] as const));
    const q = conditionService(ctx.prepared, compileService(ctx.structure, pins), ctx.cache, true, forced).q;
    memo.set(id, q);
    return q;
  };
}
