import type { Model } from '../../model/types.js';

/**
 * Interruptions per second of a job on a tier: each of its k nodes at its failure rate, plus
 * every zone and region holding its nodes (a static component adds none).
 */
export function interruptionRate(model: Model, tierName: string): number {
  const tier = model.tiers.find((t) => t.name === tierName);
  if (tier === undefined) return 0;
  const zones = new Set(tier.groups.flatMap((g) => (g.zone === undefined ? [] : [g.zone])));
  const regions = new Set(
    model.zones.filter((z) => zones.has(z.name)).flatMap((z) => (z.region === undefined ? [] : [z.region])),
  );
  let rate = tier.minHealthy * (tier.failure.failureRate ?? 0);
  for (const z of model.zones) if (zones.has(z.name)) rate += z.failure?.failureRate ?? 0;
  for (const r of model.regions) if (regions.has(r.name)) rate += r.failure?.failureRate ?? 0;
  return rate;
}
