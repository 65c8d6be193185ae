/** The availability targets a plan must keep, checked on each variant of the model it tries. */
import type { Model, Target } from '../../model/types.js';
import { analyzeAvailability } from '../availability/index.js';

export type Check = { readonly missed: readonly string[]; readonly score: number };

/** Availability targets of a model variant: the ids missed, and Σ max(0, log(q / q_target)) to minimise. */
export function availabilityCheck(targets: readonly Target[]): (m: Model) => Check {
  const cache = new Map<string, Check>();
  return (m) => {
    if (targets.length === 0) return { missed: [], score: 0 };
    const key = m.tiers.map((t) => `${t.nodes}/${t.minHealthy}`).join(',');
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const result = analyzeAvailability(m);
    const missed: string[] = [];
    let score = 0;
    for (const target of targets) {
      const q =
        target.tier === undefined
          ? result.service.unavailability
          : result.tiers.find((t) => t.name === target.tier)?.unavailability;
      const limit = target.thresholdComplement ?? 1 - target.threshold;
      if (q === undefined || !(q > limit)) continue;
      missed.push(targetName(target));
      score += Math.log(q / Math.max(limit, 1e-300));
    }
    const check = { missed, score };
    cache.set(key, check);
    return check;
  };
}

export function targetName(target: Target): string {
  return target.tier === undefined ? 'availability' : `availability[${target.tier}]`;
}
