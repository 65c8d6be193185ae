/**
 * Enumeration of the joint up/down states of zones and regions (the common-cause domains).
 *
 * Symmetry: zones in the same region with the same contents (the same nodes of every tier) are
 * interchangeable for the service, so a state only says how many of them are down: d of m,
 * with the Poisson-binomial probability of their own q's (C(m, d)·q^d·(1 − q)^(m − d) when
 * equal). 30 such zones are 31 states instead of 2³⁰. Zones that hold no nodes, and regions holding none of those that do, cannot
 * change the service: they are left out of the walk (their conditional sums are q·Q, (1 − q)·Q).
 *
 * Regions come first: when a region is down its zones are down whatever their own state, so
 * their own states are not enumerated (they are "masked", marginalised out).
 *
 * Past a budget of evaluations the walk skips subtrees of probability below a threshold, and
 * for each skipped subtree visits its two extreme states instead: every undecided domain up
 * (`best`) and every undecided domain down (`worst`). The service structure is coherent
 * (losing a zone never helps), so the subtree's mass times the service unavailability in those
 * two states bounds its contribution from both sides: a rigorous interval, not an estimate.
 */
import { binomialPmf } from './binomial.js';
import {
  type DomainSpace,
  type DomainState,
  type Enumeration,
  type VisitKind,
  type ZoneType,
  walk,
} from './zone-walk.js';

export type { DomainSpace, DomainState, Enumeration, VisitKind, ZoneType } from './zone-walk.js';

/** Most evaluations (states + 2 per skipped subtree) before the walk starts skipping. */
export const MAX_STATES = 200_000;

/**
 * Groups the zones into interchangeable types. `signature[z]` describes zone z's contents
 * (null: it holds no nodes, so it is left out).
 * @example zoneTypes({ zoneQ: [0.1, 0.2], regionQ: [], zoneRegion: [-1, -1] }, ['a', 'a'])[0].pmf // [.72, .26, .02]
 */
export function zoneTypes(space: DomainSpace, signature: readonly (string | null)[]): ZoneType[] {
  const byKey = new Map<string, { zones: number[]; region: number }>();
  space.zoneQ.forEach((_, z) => {
    const sig = signature[z];
    if (sig === null || sig === undefined) return;
    const zr = space.zoneRegion[z] ?? -1;
    const region = zr >= 0 && zr < space.regionQ.length ? zr : -1;
    const key = `${region}|${sig}`;
    const found = byKey.get(key);
    if (found === undefined) byKey.set(key, { zones: [z], region });
    else found.zones.push(z);
  });
  return [...byKey.values()].map(({ zones, region }) => {
    const qs = zones.map((z) => space.zoneQ[z] ?? 0);
    const pmf = downCountPmf(qs);
    const downShare = qs.map((q, i) => {
      const others = downCountPmf(qs.filter((_, j) => j !== i));
      return pmf.map((p, d) => (p > 0 && d > 0 ? Math.min(1, (q * (others[d - 1] ?? 0)) / p) : 0));
    });
    return { zones, region, pmf, downShare };
  });
}

/**
 * P(D = d) for D the number down among independent zones with these q's: one equal q is a
 * binomial (each term accurate); otherwise the Poisson-binomial recursion
 * P_{i+1}(d) = P_i(d)·(1 − q_i) + P_i(d − 1)·q_i, a sum of positive terms.
 */
function downCountPmf(qs: readonly number[]): number[] {
  const q0 = qs[0];
  if (q0 !== undefined && qs.every((q) => q === q0)) {
    return Array.from({ length: qs.length + 1 }, (_, d) => binomialPmf(qs.length, d, q0));
  }
  let dist = [1];
  for (const q of qs) {
    const next = new Array<number>(dist.length + 1).fill(0);
    dist.forEach((p, d) => {
      next[d] = (next[d] ?? 0) + p * (1 - q);
      next[d + 1] = (next[d + 1] ?? 0) + p * q;
    });
    dist = next;
  }
  return dist;
}

/**
 * Visits every joint state of the zone types (exact) while the states number at most
 * `maxEvaluations`; beyond that, the smallest threshold (found by bisection on its exponent)
 * whose walk fits the budget: subtrees below it are visited as their two extreme states.
 * @example enumerateStates(space, zoneTypes(space, sigs), (s, kind) => { … }).prunedProbability
 */
export function enumerateStates(
  space: DomainSpace,
  types: readonly ZoneType[],
  visit: (s: DomainState, kind: VisitKind) => void,
  maxEvaluations: number = MAX_STATES,
): Enumeration {
  let pruneBelow = 0;
  // The states number at most Π (branches of each decision): within the budget, the exact walk
  // fits without counting it first.
  if (branchProduct(types) > maxEvaluations && walk(space, types, 0, maxEvaluations, undefined) === undefined) {
    // count(τ) falls as τ grows; at τ = 1 every branch of the first decision is an extreme pair.
    let lo = -330;
    let hi = 0;
    for (let i = 0; i < 14; i++) {
      const mid = (lo + hi) / 2;
      if (walk(space, types, 10 ** mid, maxEvaluations, undefined) === undefined) lo = mid;
      else hi = mid;
    }
    pruneBelow = 10 ** hi;
  }
  const result = walk(space, types, pruneBelow, Math.max(maxEvaluations, 64), visit);
  if (result === undefined) throw new Error('zone state enumeration exceeded its budget');
  return result;
}

/** Π over the walk's decisions of their branches (2 per region holding a zone type, m + 1 per type): ≥ its states. */
function branchProduct(types: readonly ZoneType[]): number {
  const regions = new Set(types.flatMap((t) => (t.region >= 0 ? [t.region] : [])));
  return types.reduce((product, t) => product * t.pmf.length, 2 ** regions.size);
}
