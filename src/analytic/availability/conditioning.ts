import { ALWAYS_DOWN, ALWAYS_UP, type Pair } from './pair.js';
import type { Prepared } from './prepare.js';
import type { ServiceEvaluator } from './service-expr.js';
import { tierEvaluator, tierPairAt, type TierCache } from './tier-eval.js';
import {
  enumerateStates,
  MAX_STATES,
  zoneTypes,
  type DomainSpace,
  type DomainState,
  type VisitKind,
} from './zone-states.js';

export type { TierCache } from './tier-eval.js';

/**
 * Sums over the zone/region states s of P(s)·x(s). For a domain d with 0 < q_d < 1,
 * `downQ[d]` = Σ_{s: d down} P(s)·q_svc(s), so E[q_svc | d down] = downQ[d] / q_d (likewise
 * up with a_d); a zone masked by its region's failure is split q_d : a_d between both.
 * When states were skipped (prunedProbability > 0), `q` and `tierQ` are lower bounds and
 * `qUpper`, `tierQUpper` upper bounds of the exact values; the other sums cover the
 * evaluated states only.
 */
export type Conditioned = {
  readonly a: number;
  readonly q: number;
  /** Upper bound of the service unavailability (equal to q when exact). */
  readonly qUpper: number;
  readonly states: number;
  readonly boundedSubtrees: number;
  readonly prunedProbability: number;
  readonly tierA: readonly number[];
  readonly tierQ: readonly number[];
  readonly tierQUpper: readonly number[];
  /** Σ P(s)·q_svc(s | tier t forced up): the service if tier t were perfect. */
  readonly tierPerfectQ: readonly number[];
  readonly tierPerfectA: readonly number[];
  /** Σ P(s)·q_svc(s | tier t forced down): the service if tier t were always down. */
  readonly tierDownQ: readonly number[];
  /** Per tier, per group: Σ P(s)·[zone up]·I_svc(t | s)·I_tier(node | s), a node's Birnbaum importance. */
  readonly nodeImportance: readonly (readonly number[])[];
  readonly zone: DomainSums;
  readonly region: DomainSums;
  /**
   * Per-failure interruptions (`interruption` d_t): Σ_s P(s)·Σ_g n_g·λ_g·a_g·P(the others
   * hold k | s)·d_t, per tier (`tierBlipQ`) and weighted by the tier's Birnbaum importance for
   * the service (`blipQ`, `blipNu` without the d_t): a failure the tier rides out still
   * interrupts it for d_t (a three-state semi-Markov cycle up → blip → degraded → up; first
   * order in d_t: a second failure within the blip is not counted).
   */
  readonly blipQ: number;
  readonly blipNu: number;
  readonly tierBlipQ: readonly number[];
  /** Per tier: the service outages its interruptions start (importance-weighted), per second. */
  readonly tierBlipNu: readonly number[];
};

export type DomainSums = {
  readonly downQ: readonly number[];
  readonly downA: readonly number[];
  readonly upQ: readonly number[];
  readonly upA: readonly number[];
};

function sums(n: number): { downQ: number[]; downA: number[]; upQ: number[]; upA: number[] } {
  const z = (): number[] => new Array<number>(n).fill(0);
  return { downQ: z(), downA: z(), upQ: z(), upA: z() };
}

/** A zone's contents: per tier, its nodes per class (null when it holds none). */
function signatures(prepared: Prepared, zones: number): (string | null)[] {
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

/**
 * Exact service availability by conditioning on zone/region states (DESIGN §4):
 * q_svc = Σ_s P(s)·q_svc(s), with the tiers independent given s and each tier a k-of-n over
 * the nodes whose zones are up. Interchangeable zones are counted, not enumerated (see
 * zone-states.ts): a specific zone of a type with d of its zones down is down with
 * probability P(z down | D = d), which splits the per-zone and per-node sums exactly. `light` skips the per-tier and
 * per-node importance sums.
 * @example conditionService(prepare(model), compileService(model.service, names), cache).q
 */
export function conditionService(
  prepared: Prepared,
  service: ServiceEvaluator,
  cache: TierCache,
  light = false,
  space: DomainSpace = prepared.space,
  maxStates: number = MAX_STATES,
): Conditioned {
  const { tiers, interruptions } = prepared;
  const T = tiers.length;
  const types = zoneTypes(space, signatures(prepared, space.zoneQ.length));
  const zoneType = space.zoneQ.map(() => -1);
  types.forEach((t, i) => {
    for (const z of t.zones) zoneType[z] = i;
  });
  const evalTier = tiers.map((tier, t) => tierEvaluator(tier, t, zoneType, types, cache, !light));
  const zoneSlot = space.zoneQ.map(() => 0);
  types.forEach((t) => {
    t.zones.forEach((z, zi) => {
      zoneSlot[z] = zi;
    });
  });
  /** P(zone z up | the state), z holding nodes. */
  const zoneUpShare = (s: DomainState, z: number): number => {
    const i = zoneType[z] ?? -1;
    const ty = types[i];
    if (ty === undefined) return 1;
    if (ty.region >= 0 && s.regionDown[ty.region] === true) return 0;
    return 1 - (ty.downShare[zoneSlot[z] ?? 0]?.[s.typeOwnDown[i] ?? 0] ?? 0);
  };

  let A = 0;
  let Q = 0;
  let prunedQLow = 0;
  let prunedQHigh = 0;
  let prunedAHigh = 0;
  const tierA = new Array<number>(T).fill(0);
  const tierQ = new Array<number>(T).fill(0);
  const tierQHigh = new Array<number>(T).fill(0);
  const tierPerfectQ = new Array<number>(T).fill(0);
  const tierPerfectA = new Array<number>(T).fill(0);
  const tierDownQ = new Array<number>(T).fill(0);
  const nodeImportance = tiers.map((t) => new Array<number>(t.groups.length).fill(0));
  const tierBlipQ = new Array<number>(T).fill(0);
  const tierBlipNu = new Array<number>(T).fill(0);
  let blipQ = 0;
  let blipNu = 0;
  const zone = sums(space.zoneQ.length);
  const region = sums(space.regionQ.length);
  const pairs: Pair[] = tiers.map(() => ALWAYS_UP);

  const visit = (s: DomainState, kind: VisitKind): void => {
    const P = s.probability;
    const edges = tiers.map((_, t) => {
      const r = evalTier[t]?.(s.typeUp, kind === 'leaf');
      pairs[t] = r === undefined ? ALWAYS_UP : r.pair;
      return r?.edges;
    });
    const base = service(pairs);
    if (kind !== 'leaf') {
      // A skipped subtree: its mass times the extreme states bounds its share from both sides.
      const U = s.upperWeight;
      prunedQHigh += U * base.q;
      pairs.forEach((pair, t) => {
        tierQHigh[t] = (tierQHigh[t] ?? 0) + U * pair.q;
      });
      if (kind === 'best') {
        prunedQLow += P * base.q;
        prunedAHigh += P * base.a;
        pairs.forEach((pair, t) => {
          tierQ[t] = (tierQ[t] ?? 0) + P * pair.q;
          tierA[t] = (tierA[t] ?? 0) + P * pair.a;
        });
      }
      return;
    }
    const v = P * base.q;
    const w = P * base.a;
    Q += v;
    A += w;
    types.forEach((ty, i) => {
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
      tierA[t] = (tierA[t] ?? 0) + P * pair.a;
      tierQ[t] = (tierQ[t] ?? 0) + P * pair.q;
      tierQHigh[t] = (tierQHigh[t] ?? 0) + P * pair.q;
    });
    if (light) return;
    tiers.forEach((tier, t) => {
      const own = pairs[t] ?? ALWAYS_UP;
      pairs[t] = ALWAYS_UP;
      const up = service(pairs);
      pairs[t] = ALWAYS_DOWN;
      const down = service(pairs);
      pairs[t] = own;
      tierPerfectQ[t] = (tierPerfectQ[t] ?? 0) + P * up.q;
      tierPerfectA[t] = (tierPerfectA[t] ?? 0) + P * up.a;
      tierDownQ[t] = (tierDownQ[t] ?? 0) + P * down.q;
      // Birnbaum importance of the tier in this state: A(t up) − A(t down) = q(t down) − q(t up).
      const tierImportance = down.q - up.q;
      const edgeByClass = edges[t];
      const blip = interruptions[t] ?? 0;
      if (blip > 0) {
        // Surviving counts depend only on the zone state, so a node in an up zone leaves
        // counts − 1 of its class: P(the others hold k | s).
        const c = evalTier[t]?.(s.typeUp, false).counts ?? [];
        const survive = c.map((x, ci) =>
          x <= 0
            ? 0
            : tierPairAt(
                tier,
                t,
                c.map((y, cj) => (cj === ci ? y - 1 : y)),
                cache,
              ).a,
        );
        let rate = 0;
        for (const g of tier.groups) {
          const share = g.zone < 0 ? 1 : zoneUpShare(s, g.zone);
          rate +=
            share * g.count * (g.failure.failureRate ?? 0) * (1 - g.failure.unavailability) * (survive[g.cls] ?? 0);
        }
        tierBlipQ[t] = (tierBlipQ[t] ?? 0) + P * rate * blip;
        if (tierImportance > 0) {
          blipQ += P * tierImportance * rate * blip;
          blipNu += P * tierImportance * rate;
          tierBlipNu[t] = (tierBlipNu[t] ?? 0) + P * tierImportance * rate;
        }
      }
      if (!(tierImportance > 0) || tier.k <= 0 || edgeByClass === undefined) return;
      const imp = nodeImportance[t] ?? [];
      // A node matters iff exactly k − 1 of the other surviving nodes are up: the `edge` of the
      // k − 1-of-(n − 1) tier without it, which depends only on the node's class. A node sits
      // in an up zone with probability 1 − P(zone down | D = d) (see ZoneType).
      tier.groups.forEach((g, gi) => {
        const share = g.zone < 0 ? 1 : zoneUpShare(s, g.zone);
        if (share === 0) return;
        imp[gi] = (imp[gi] ?? 0) + P * share * tierImportance * (edgeByClass[g.cls] ?? 0);
      });
    });
  };
  const enumeration = enumerateStates(space, types, visit, maxStates);
  // Domains left out of the walk (no nodes) are independent of the service: E[x | d] = E[x].
  space.zoneQ.forEach((qz, z) => {
    if (!(qz > 0 && qz < 1) || (zoneType[z] ?? -1) >= 0) return;
    zone.downQ[z] = qz * Q;
    zone.downA[z] = qz * A;
    zone.upQ[z] = (1 - qz) * Q;
    zone.upA[z] = (1 - qz) * A;
  });
  space.regionQ.forEach((qr, r) => {
    if (!(qr > 0 && qr < 1) || types.some((t) => t.region === r)) return;
    region.downQ[r] = qr * Q;
    region.downA[r] = qr * A;
    region.upQ[r] = (1 - qr) * Q;
    region.upA[r] = (1 - qr) * A;
  });
  return {
    a: A + prunedAHigh,
    q: Q + prunedQLow,
    qUpper: Q + prunedQHigh,
    states: enumeration.states,
    boundedSubtrees: enumeration.boundedSubtrees,
    prunedProbability: enumeration.prunedProbability,
    tierA,
    tierQ,
    tierQUpper: tierQHigh,
    tierPerfectQ,
    tierPerfectA,
    tierDownQ,
    nodeImportance,
    zone,
    region,
    blipQ,
    blipNu,
    tierBlipQ,
    tierBlipNu,
  };
}
