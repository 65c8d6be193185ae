import type { Component } from './component.js';
import type { NodeGroup } from './types.js';

/**
 * Adds `count` nodes to a tier's groups the way an operator balances zones: one at a time
 * into the zone with the fewest nodes of the tier (the first listed on ties), with `failure`.
 * Used for hot spares (config) and for the nodes `nines plan` adds.
 * @example addNodes([{ zone: 'a', count: 2, failure }, { zone: 'b', count: 1, failure }], 1, failure)
 *   // b gains the node: [{a, 2}, {b, 1}, {b, 1}]
 */
export function addNodes(groups: readonly NodeGroup[], count: number, failure: Component): NodeGroup[] {
  const out = [...groups];
  const byZone = new Map<string | undefined, number>();
  for (const g of groups) byZone.set(g.zone, (byZone.get(g.zone) ?? 0) + g.count);
  const extra = new Map<string | undefined, number>();
  for (let i = 0; i < count; i++) {
    let best: string | undefined;
    let fewest = Infinity;
    for (const [zone, n] of byZone) if (n < fewest) [best, fewest] = [zone, n];
    byZone.set(best, fewest + 1);
    extra.set(best, (extra.get(best) ?? 0) + 1);
  }
  for (const [zone, n] of extra) out.push({ zone, count: n, failure });
  return out;
}

/**
 * Nodes left after the worst single loss (N+1): the zone holding most of these nodes, or one
 * node when none is in a zone. Nodes in no zone survive a zone loss.
 * @example nodesAfterWorstLoss([{ zone: 'a', count: 3, failure }, { zone: 'b', count: 2, failure }]) // 2
 */
export function nodesAfterWorstLoss(groups: readonly NodeGroup[]): number {
  const byZone = new Map<string, number>();
  let total = 0;
  for (const g of groups) {
    total += g.count;
    if (g.zone !== undefined) byZone.set(g.zone, (byZone.get(g.zone) ?? 0) + g.count);
  }
  return Math.max(0, total - Math.max(1, ...byZone.values()));
}
