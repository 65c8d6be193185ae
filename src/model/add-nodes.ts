import type { Component } from './component.js';
import type { NodeGroup } from './types.js';

/**
 * Adds `count` nodes to a tier's groups the way an operator balances zones: one at a time
 * into the zone with the fewest nodes of the tier (the first listed on ties), with `failure`.
 * Used for hot spares (config) and for the nodes `nines plan` adds. Computed by water-filling,
 * not node by node (a count may be 10⁹): the k emptiest zones rise to a common level, and the
 * nodes left over go one each to the first of them in listing order; the new groups come in
 * the order the one-at-a-time rule first reaches their zones (fewest nodes first, then listing).
 * @example addNodes([{ zone: 'a', count: 2, failure }, { zone: 'b', count: 1, failure }], 1, failure)
 *   // b gains the node: [{a, 2}, {b, 1}, {b, 1}]
 */
export function addNodes(groups: readonly NodeGroup[], count: number, failure: Component): NodeGroup[] {
  const out = [...groups];
  if (!(count > 0)) return out;
  const byZone = new Map<string | undefined, number>();
  for (const g of groups) byZone.set(g.zone, (byZone.get(g.zone) ?? 0) + g.count);
  if (byZone.size === 0) return [{ zone: undefined, count, failure }];
  const zones = [...byZone]
    .map(([zone, n], order) => ({ zone, n, order }))
    .sort((x, y) => x.n - y.n || x.order - y.order);
  let k = 1;
  let level = zones[0]?.n ?? 0;
  let used = 0;
  for (let next = zones[k]; next !== undefined && used + (next.n - level) * k <= count; next = zones[++k]) {
    used += (next.n - level) * k;
    level = next.n;
  }
  const rise = Math.floor((count - used) / k);
  level += rise;
  let rest = count - used - rise * k;
  const lowest = zones.slice(0, k);
  const extra = new Map(lowest.map((z) => [z.zone, level - z.n]));
  for (const z of [...lowest].sort((x, y) => x.order - y.order)) {
    if (rest === 0) break;
    extra.set(z.zone, (extra.get(z.zone) ?? 0) + 1);
    rest--;
  }
  for (const z of lowest) {
    const n = extra.get(z.zone) ?? 0;
    if (n > 0) out.push({ zone: z.zone, count: n, failure });
  }
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
