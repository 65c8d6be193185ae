/**
 * What a growing tier needs at time t: nodes for its demand, for its demand after the worst
 * single loss (N+1), and the models the availability engine evaluates with more nodes.
 */
import { addNodes, nodesAfterWorstLoss } from '../../model/add-nodes.js';
import type { Model, NodeGroup, Tier } from '../../model/types.js';
import { grownAt } from './growth.js';

/** Demand of a tier with capacity at t (its demand when it has no growth). */
export function demandAt(tier: Tier, t: number): number {
  return tier.capacity === undefined ? 0 : grownAt(tier.capacity.demand, tier.capacity.growth, t);
}

/** Nodes a demand needs: ⌈d / perNode⌉ (a relative 1e-12 of slack absorbs rounding of d(t)). */
export function nodesFor(demand: number, perNode: number): number {
  return Math.max(0, Math.ceil(demand / perNode - 1e-12));
}

/** Nodes the tier serves with: all but its spares. */
export function activeNodes(tier: Tier): number {
  return tier.nodes - (tier.spares ?? 0);
}

/** Serving nodes left after the worst single loss (spares step in, up to the active count). */
export function servingAfterLoss(tier: Tier, groups: readonly NodeGroup[] = tier.groups): number {
  const total = groups.reduce((s, g) => s + g.count, 0);
  return Math.min(total - (tier.spares ?? 0), nodesAfterWorstLoss(groups));
}

/**
 * Least number of serving nodes, placed evenly over the tier's zones (with its spares), that
 * still carries `needed` nodes' worth of demand after the worst single loss.
 */
export function nodesForLoss(tier: Tier, needed: number): number {
  const zones = [...new Set(tier.groups.map((g) => g.zone))];
  const empty: NodeGroup[] = zones.map((zone) => ({ zone, count: 0, failure: tier.failure }));
  const spares = tier.spares ?? 0;
  return leastMonotone(
    needed,
    (n) => Math.min(n, nodesAfterWorstLoss(addNodes(empty, n + spares, tier.failure))) >= needed,
  );
}

/** Least a ≥ 0 such that the tier, given a more nodes (balanced), carries `needed` after the worst loss. */
export function additionsForLoss(tier: Tier, needed: number): number {
  return leastMonotone(0, (a) => servingAfterLoss(tier, addNodes(tier.groups, a, tier.failure)) >= needed);
}

/** Least x ≥ from with ok(x), for ok monotone (false … false true …): doubling, then bisection. */
function leastMonotone(from: number, ok: (x: number) => boolean): number {
  if (ok(from)) return from;
  let step = 1;
  while (!ok(from + step)) {
    step *= 2;
    if (step > 1e7) return Infinity;
  }
  let lo = from + step / 2;
  let hi = from + step;
  if (step === 1) return hi;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The model with tier i given `add` more nodes (balanced over its zones) and needing `k`
 * of them (never more than it has: the tier is then simply never up).
 */
export function withTier(model: Model, i: number, add: number, k: number): Model {
  const tiers = model.tiers.map((tier, j) => {
    if (j !== i) return tier;
    const groups = add > 0 ? addNodes(tier.groups, add, tier.failure) : tier.groups;
    return { ...tier, groups, nodes: tier.nodes + add, minHealthy: k };
  });
  return { ...model, tiers };
}
