import { ALWAYS_DOWN, ALWAYS_UP, type Pair } from './pair.js';
import type { Prepared } from './prepare.js';
import type { ServiceEvaluator } from './service-expr.js';
import { tierEvaluator, tierPairAt, type TierCache, type TierEval } from './tier-eval.js';
import {
  addBounded,
  addIndependentDomains,
  addLeaf,
  emptySums,
  layout,
  zoneUpShare,
  type Layout,
  type Sums,
} from './state-sums.js';
import { enumerateStates, MAX_STATES, type DomainSpace, type DomainState, type VisitKind } from './zone-states.js';

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

/** One walk's fixed inputs. */
type Walk = {
  readonly prepared: Prepared;
  readonly service: ServiceEvaluator;
  readonly cache: TierCache;
  readonly space: DomainSpace;
  readonly layout: Layout;
  readonly evalTier: readonly ((typeUp: readonly number[], edges: boolean) => TierEval)[];
  /** Per tier: false when the service does not read it (not evaluated, its sums not kept). */
  readonly read: readonly boolean[];
};

/**
 * Exact service availability by conditioning on zone/region states (DESIGN §4):
 * q_svc = Σ_s P(s)·q_svc(s), with the tiers independent given s and each tier a k-of-n over
 * the nodes whose zones are up. Interchangeable zones are counted, not enumerated (see
 * zone-states.ts): a specific zone of a type with d of its zones down is down with
 * probability P(z down | D = d), which splits the per-zone and per-node sums exactly. `light` skips the per-tier and
 * per-node importance sums. `read` (the tiers the service mentions) skips the others: a
 * failover's primary or standby reads some tiers of the model; the per-tier sums of a tier not
 * read are then those of a tier always up, and the service's sums are unchanged.
 * @example conditionService(prepare(model), compileService(model.service, names), cache).q
 */
export function conditionService(
  prepared: Prepared,
  service: ServiceEvaluator,
  cache: TierCache,
  light = false,
  space: DomainSpace = prepared.space,
  maxStates: number = MAX_STATES,
  read?: ReadonlySet<number>,
): Conditioned {
  const l = layout(prepared, space);
  const evalTier = prepared.tiers.map((tier, t) => tierEvaluator(tier, t, l.zoneType, l.types, cache, !light));
  const reads = prepared.tiers.map((_, t) => read === undefined || read.has(t));
  const walk: Walk = { prepared, service, cache, space, layout: l, evalTier, read: reads };
  const acc = emptySums(prepared, space);
  const pairs: Pair[] = prepared.tiers.map(() => ALWAYS_UP);
  const visit = (s: DomainState, kind: VisitKind): void => {
    const edges = prepared.tiers.map((_, t) => {
      if (reads[t] !== true) return undefined;
      const r = evalTier[t]?.(s.typeUp, kind === 'leaf');
      pairs[t] = r === undefined ? ALWAYS_UP : r.pair;
      return r?.edges;
    });
    const base = service(pairs);
    if (kind !== 'leaf') {
      addBounded(acc, s, kind, base, pairs);
      return;
    }
    addLeaf(space, l, acc, s, base, pairs);
    if (!light) addTierSums(walk, acc, s, pairs, edges);
  };
  const enumeration = enumerateStates(space, l.types, visit, maxStates);
  addIndependentDomains(space, l, acc);
  return {
    a: acc.A + acc.prunedAHigh,
    q: acc.Q + acc.prunedQLow,
    qUpper: acc.Q + acc.prunedQHigh,
    states: enumeration.states,
    boundedSubtrees: enumeration.boundedSubtrees,
    prunedProbability: enumeration.prunedProbability,
    tierA: acc.tierA,
    tierQ: acc.tierQ,
    tierQUpper: acc.tierQHigh,
    tierPerfectQ: acc.tierPerfectQ,
    tierPerfectA: acc.tierPerfectA,
    tierDownQ: acc.tierDownQ,
    nodeImportance: acc.nodeImportance,
    zone: acc.zone,
    region: acc.region,
    blipQ: acc.blipQ,
    blipNu: acc.blipNu,
    tierBlipQ: acc.tierBlipQ,
    tierBlipNu: acc.tierBlipNu,
  };
}

/** Per tier in one state: the service with it perfect or down, its interruptions, its nodes' importance. */
function addTierSums(
  walk: Walk,
  acc: Sums,
  s: DomainState,
  pairs: Pair[],
  edges: readonly (readonly number[] | undefined)[],
): void {
  const P = s.probability;
  walk.prepared.tiers.forEach((tier, t) => {
    if (walk.read[t] !== true) return;
    const own = pairs[t] ?? ALWAYS_UP;
    pairs[t] = ALWAYS_UP;
    const up = walk.service(pairs);
    pairs[t] = ALWAYS_DOWN;
    const down = walk.service(pairs);
    pairs[t] = own;
    acc.tierPerfectQ[t] = (acc.tierPerfectQ[t] ?? 0) + P * up.q;
    acc.tierPerfectA[t] = (acc.tierPerfectA[t] ?? 0) + P * up.a;
    acc.tierDownQ[t] = (acc.tierDownQ[t] ?? 0) + P * down.q;
    // Birnbaum importance of the tier in this state: A(t up) − A(t down) = q(t down) − q(t up).
    const tierImportance = down.q - up.q;
    const blip = walk.prepared.interruptions[t] ?? 0;
    if (blip > 0) {
      const rate = blipRate(walk, s, t);
      acc.tierBlipQ[t] = (acc.tierBlipQ[t] ?? 0) + P * rate * blip;
      if (tierImportance > 0) {
        acc.blipQ += P * tierImportance * rate * blip;
        acc.blipNu += P * tierImportance * rate;
        acc.tierBlipNu[t] = (acc.tierBlipNu[t] ?? 0) + P * tierImportance * rate;
      }
    }
    const edgeByClass = edges[t];
    if (!(tierImportance > 0) || tier.k <= 0 || edgeByClass === undefined) return;
    const imp = acc.nodeImportance[t] ?? [];
    // A node matters iff exactly k − 1 of the other surviving nodes are up: the `edge` of the
    // k − 1-of-(n − 1) tier without it, which depends only on the node's class. A node sits
    // in an up zone with probability 1 − P(zone down | D = d) (see ZoneType).
    tier.groups.forEach((g, gi) => {
      const share = g.zone < 0 ? 1 : zoneUpShare(walk.layout, s, g.zone);
      if (share === 0) return;
      imp[gi] = (imp[gi] ?? 0) + P * share * tierImportance * (edgeByClass[g.cls] ?? 0);
    });
  });
}

/**
 * Failures per second of tier t in state s that the tier rides out: Σ_g share·n_g·λ_g·a_g·
 * P(the others hold k | s). Surviving counts depend only on the zone state, so a node in an up
 * zone leaves counts − 1 of its class.
 */
function blipRate(walk: Walk, s: DomainState, t: number): number {
  const tier = walk.prepared.tiers[t];
  if (tier === undefined) return 0;
  const c = walk.evalTier[t]?.(s.typeUp, false).counts ?? [];
  const survive = c.map((x, ci) =>
    x <= 0
      ? 0
      : tierPairAt(
          tier,
          t,
          c.map((y, cj) => (cj === ci ? y - 1 : y)),
          walk.cache,
        ).a,
  );
  let rate = 0;
  for (const g of tier.groups) {
    const share = g.zone < 0 ? 1 : zoneUpShare(walk.layout, s, g.zone);
    rate += share * g.count * (g.failure.failureRate ?? 0) * (1 - g.failure.unavailability) * (survive[g.cls] ?? 0);
  }
  return rate;
}
