import type { Model } from '../../model/types.js';
import { SECONDS_PER_YEAR } from '../../units/conventions.js';
import type { DomainConditional } from './frequency.js';
import type { OutageBounds } from './result.js';

/**
 * Bounds of ν when zone/region states of total probability P were skipped (derived for this
 * file, from ν = Σ_s P(s)·f(s) over the states s with f(s) ≥ 0 the rate of outage starts in s):
 * - node groups: their importance is summed over the evaluated states only, and in a skipped
 *   state a node's importance is at most 1, so the exact term lies in [computed, computed +
 *   P·n·a·λ]; per-failure interruptions the same (taken twice in the upper end, so a node
 *   failure counted by both stays covered);
 * - a domain d (zone or region, q_d ∈ (0, 1)): I_B = E[q | d down] − E[q | d up], each
 *   conditional summed over evaluated states, so short of the exact one by at most P/q_d and
 *   P/(1 − q_d): the exact term lies in a_d·λ_d·[I_B − P/(1 − q_d), I_B + P/q_d] within [0, 1];
 *   a domain that is never or always down ([0, 1] when states were skipped).
 * The failover switchovers' Δν is taken as computed. Per year; null without a frequency.
 * @example outageBounds(model, 0, 0.5, zones, regions) // { lower: 0.5, upper: 0.5 } (exact)
 */
export function outageBounds(
  model: Model,
  pruned: number,
  outagesPerYear: number | null,
  zones: readonly DomainConditional[],
  regions: readonly DomainConditional[],
): OutageBounds | null {
  if (outagesPerYear === null) return null;
  if (!(pruned > 0)) return { lower: outagesPerYear, upper: outagesPerYear };
  let nodeRate = 0;
  for (const tier of model.tiers)
    for (const g of tier.groups) nodeRate += g.count * (1 - g.failure.unavailability) * (g.failure.failureRate ?? 0);
  let less = 0;
  let more = 2 * pruned * nodeRate;
  const domains = [
    ...model.zones.map((d, i) => ({ failure: d.failure, c: zones[i] })),
    ...model.regions.map((d, i) => ({ failure: d.failure, c: regions[i] })),
  ];
  for (const { failure, c } of domains) {
    const lambda = failure?.failureRate ?? 0;
    if (failure === undefined || c === undefined || !(lambda > 0)) continue;
    const q = failure.unavailability;
    const rate = (1 - q) * lambda;
    const importance = Math.max(0, c.downQ - c.upQ);
    const low = q > 0 && q < 1 ? Math.max(0, importance - pruned / (1 - q)) : 0;
    const high = q > 0 && q < 1 ? Math.min(1, importance + pruned / q) : 1;
    less += rate * (importance - low);
    more += rate * (high - importance);
  }
  return {
    lower: Math.max(0, outagesPerYear - less * SECONDS_PER_YEAR),
    upper: outagesPerYear + more * SECONDS_PER_YEAR,
  };
}
