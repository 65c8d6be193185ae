import type { Model } from '../../model/types.js';
import { ALWAYS_DOWN, ALWAYS_UP } from './pair.js';
import type { Prepared } from './prepare.js';
import type { CapacityAfterLoss } from './result.js';
import type { ServiceEvaluator } from './service-expr.js';

/** Nodes of each tier left when the given zones are down (every node itself up). */
export function nodesLeft(prepared: Prepared, zonesDown: ReadonlySet<number>): number[] {
  return prepared.tiers.map((tier) =>
    tier.groups.reduce((s, g) => s + (g.zone >= 0 && zonesDown.has(g.zone) ? 0 : g.count), 0),
  );
}

/**
 * Does the service survive losing these zones, with every other zone, region and node up?
 * A tier is then up iff nodes left ≥ k; the service expression is evaluated on those states.
 * @example survivesLoss(prepared, service, new Set([0])) // false for a tier wholly in zone 0
 */
export function survivesLoss(prepared: Prepared, service: ServiceEvaluator, zonesDown: ReadonlySet<number>): boolean {
  const left = nodesLeft(prepared, zonesDown);
  const pairs = prepared.tiers.map((t, i) => ((left[i] ?? 0) >= t.k ? ALWAYS_UP : ALWAYS_DOWN));
  return service(pairs).a === 1;
}

/**
 * Capacity left per tier with a capacity after the loss: perNode × nodes left vs demand;
 * spare nodes = floor((capacity − demand)/perNode); N+1 holds when at least one is spare.
 * @example capacityAfterLoss(model, prepared, new Set([0]))[0].nPlusOne
 */
export function capacityAfterLoss(
  model: Model,
  prepared: Prepared,
  zonesDown: ReadonlySet<number>,
): CapacityAfterLoss[] {
  const left = nodesLeft(prepared, zonesDown);
  const out: CapacityAfterLoss[] = [];
  model.tiers.forEach((tier, i) => {
    if (tier.capacity === undefined) return;
    const { perNode, demand } = tier.capacity;
    const nodes = left[i] ?? 0;
    const capacity = perNode * nodes;
    const spareNodes =
      perNode > 0 ? Math.floor((capacity - demand) / perNode) : capacity >= demand ? Infinity : -Infinity;
    out.push({
      tier: tier.name,
      nodesLeft: nodes,
      capacity,
      demand,
      meetsDemand: capacity >= demand,
      spareNodes: Number.isFinite(spareNodes) ? spareNodes : nodes,
      nPlusOne: perNode > 0 ? spareNodes >= 1 : demand <= 0,
    });
  });
  return out;
}
