import { kOfN, type KOfN } from './k-of-n.js';
import { ALWAYS_DOWN, ALWAYS_UP, type Pair } from './pair.js';
import type { Prepared, PreparedTier } from './prepare.js';
import type { ServiceEvaluator } from './service-expr.js';
import { enumerateStates, OWN_DOWN, OWN_MASKED, type DomainSpace } from './zone-states.js';

/**
 * Sums over the zone/region states s of P(s)·x(s). For a domain d with 0 < q_d < 1,
 * `downQ[d]` = Σ_{s: d down} P(s)·q_svc(s), so E[q_svc | d down] = downQ[d] / q_d (likewise
 * up with a_d); a zone masked by its region's failure is split q_d : a_d between both.
 */
export type Conditioned = {
  readonly a: number;
  readonly q: number;
  readonly states: number;
  readonly prunedProbability: number;
  readonly tierA: readonly number[];
  readonly tierQ: readonly number[];
  /** Σ P(s)·q_svc(s | tier t forced up): the service if tier t were perfect. */
  readonly tierPerfectQ: readonly number[];
  readonly tierPerfectA: readonly number[];
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

/** Cache of k-of-n results keyed by (tier, surviving nodes per class, k). */
export type TierCache = Map<string, KOfN>;

function tierEval(cache: TierCache, t: number, tier: PreparedTier, counts: readonly number[], k: number): KOfN {
  const key = `${t}|${k}|${counts.join(',')}`;
  let r = cache.get(key);
  if (r === undefined) {
    r = kOfN(
      tier.classQ.map((q, c) => ({ q, count: counts[c] ?? 0 })),
      k,
    );
    cache.set(key, r);
  }
  return r;
}

function sums(n: number): { downQ: number[]; downA: number[]; upQ: number[]; upA: number[] } {
  const z = (): number[] => new Array<number>(n).fill(0);
  return { downQ: z(), downA: z(), upQ: z(), upA: z() };
}

/**
 * Exact service availability by conditioning on zone/region states (DESIGN §4):
 * q_svc = Σ_s P(s)·q_svc(s), with the tiers independent given s and each tier a k-of-n over
 * the nodes whose zones are up. `light` skips the per-tier and per-node importance sums.
 * @example conditionService(prepare(model), compileService(model.service, names), cache).q
 */
export function conditionService(
  prepared: Prepared,
  service: ServiceEvaluator,
  cache: TierCache,
  light = false,
  space: DomainSpace = prepared.space,
): Conditioned {
  const { tiers, interruptions } = prepared;
  const T = tiers.length;
  let A = 0;
  let Q = 0;
  const tierA = new Array<number>(T).fill(0);
  const tierQ = new Array<number>(T).fill(0);
  const tierPerfectQ = new Array<number>(T).fill(0);
  const tierPerfectA = new Array<number>(T).fill(0);
  const nodeImportance = tiers.map((t) => new Array<number>(t.groups.length).fill(0));
  const tierBlipQ = new Array<number>(T).fill(0);
  const tierBlipNu = new Array<number>(T).fill(0);
  let blipQ = 0;
  let blipNu = 0;
  const zone = sums(space.zoneQ.length);
  const region = sums(space.regionQ.length);
  const pairs: Pair[] = tiers.map(() => ALWAYS_UP);
  const counts = tiers.map((t) => new Array<number>(t.classQ.length).fill(0));

  const enumeration = enumerateStates(space, (s) => {
    const P = s.probability;
    tiers.forEach((tier, t) => {
      const c = counts[t] ?? [];
      c.fill(0);
      for (const g of tier.groups) {
        if (g.zone < 0 || s.zoneDown[g.zone] !== true) c[g.cls] = (c[g.cls] ?? 0) + g.count;
      }
      const r = tierEval(cache, t, tier, c, tier.k);
      pairs[t] = { a: r.a, q: r.q };
    });
    const base = service(pairs);
    const v = P * base.q;
    const w = P * base.a;
    Q += v;
    A += w;
    space.zoneQ.forEach((qz, z) => {
      if (!(qz > 0 && qz < 1)) return;
      const own = s.zoneOwn[z];
      if (own === OWN_MASKED) {
        zone.downQ[z] = (zone.downQ[z] ?? 0) + qz * v;
        zone.downA[z] = (zone.downA[z] ?? 0) + qz * w;
        zone.upQ[z] = (zone.upQ[z] ?? 0) + (1 - qz) * v;
        zone.upA[z] = (zone.upA[z] ?? 0) + (1 - qz) * w;
      } else {
        const side = own === OWN_DOWN ? 'down' : 'up';
        zone[`${side}Q`][z] = (zone[`${side}Q`][z] ?? 0) + v;
        zone[`${side}A`][z] = (zone[`${side}A`][z] ?? 0) + w;
      }
    });
    space.regionQ.forEach((qr, r) => {
      if (!(qr > 0 && qr < 1)) return;
      const side = s.regionDown[r] === true ? 'down' : 'up';
      region[`${side}Q`][r] = (region[`${side}Q`][r] ?? 0) + v;
      region[`${side}A`][r] = (region[`${side}A`][r] ?? 0) + w;
    });
    if (light) return;
    tiers.forEach((tier, t) => {
      const own = pairs[t] ?? ALWAYS_UP;
      tierA[t] = (tierA[t] ?? 0) + P * own.a;
      tierQ[t] = (tierQ[t] ?? 0) + P * own.q;
      pairs[t] = ALWAYS_UP;
      const up = service(pairs);
      pairs[t] = ALWAYS_DOWN;
      const down = service(pairs);
      pairs[t] = own;
      tierPerfectQ[t] = (tierPerfectQ[t] ?? 0) + P * up.q;
      tierPerfectA[t] = (tierPerfectA[t] ?? 0) + P * up.a;
      // Birnbaum importance of the tier in this state: A(t up) − A(t down) = q(t down) − q(t up).
      const tierImportance = down.q - up.q;
      const c = counts[t] ?? [];
      const blip = interruptions[t] ?? 0;
      if (blip > 0) {
        const survive = c.map((x, ci) => (x <= 0 ? 0 : tierEval(cache, t, tier, c.map((y, cj) => (cj === ci ? y - 1 : y)), tier.k).a));
        let rate = 0;
        tier.groups.forEach((g) => {
          if (g.zone >= 0 && s.zoneDown[g.zone] === true) return;
          rate += g.count * (g.failure.failureRate ?? 0) * (1 - g.failure.unavailability) * (survive[g.cls] ?? 0);
        });
        tierBlipQ[t] = (tierBlipQ[t] ?? 0) + P * rate * blip;
        if (tierImportance > 0) {
          blipQ += P * tierImportance * rate * blip;
          blipNu += P * tierImportance * rate;
          tierBlipNu[t] = (tierBlipNu[t] ?? 0) + P * tierImportance * rate;
        }
      }
      if (!(tierImportance > 0) || tier.k <= 0) return;
      const imp = nodeImportance[t] ?? [];
      // A node matters iff exactly k − 1 of the other surviving nodes are up: the `edge` of
      // the k − 1-of-(n − 1) tier without it, which depends only on the node's class.
      const edgeByClass = c.map((x, ci) => {
        if (x <= 0) return 0;
        const others = c.map((y, cj) => (cj === ci ? y - 1 : y));
        return tierEval(cache, t, tier, others, tier.k - 1).edge;
      });
      tier.groups.forEach((g, gi) => {
        if (g.zone >= 0 && s.zoneDown[g.zone] === true) return;
        imp[gi] = (imp[gi] ?? 0) + P * tierImportance * (edgeByClass[g.cls] ?? 0);
      });
    });
  });
  return {
    a: A,
    q: Q,
    states: enumeration.states,
    prunedProbability: enumeration.prunedProbability,
    tierA,
    tierQ,
    tierPerfectQ,
    tierPerfectA,
    nodeImportance,
    zone,
    region,
    blipQ,
    blipNu,
    tierBlipQ,
    tierBlipNu,
  };
}
