import type { Analysis } from '../../analytic/analyze-model.js';
import type { AvailabilityResult } from '../../analytic/availability/index.js';
import type { DataProtectionResult } from '../../analytic/data-protection/index.js';
import type { CostResult } from '../../analytic/cost.js';
import type { Model } from '../../model/types.js';

/** The model block of every report. */
export function modelInfo(model: Model, file: string): { name: string; description?: string; file: string } {
  return { name: model.name, ...(model.description === undefined ? {} : { description: model.description }), file };
}

/** Minimal cut sets listed in the JSON unless `--cut-sets N` says how many. */
export const DEFAULT_CUT_SETS = 10;

/**
 * The figures of `nines analyze --json`: availability at the top level, data protection and cost
 * beside it; the first `cutSets` minimal cut sets (all are counted).
 */
export function analysisJson(
  analysis: Analysis,
  options: { cutSets?: number | undefined } = {},
): AvailabilityResult & { dataProtection?: DataProtectionResult; cost: CostResult | null } {
  const { cutSets } = analysis.availability;
  return {
    ...analysis.availability,
    cutSets: { ...cutSets, sets: cutSets.sets.slice(0, options.cutSets ?? DEFAULT_CUT_SETS) },
    ...(analysis.dataProtection === undefined ? {} : { dataProtection: analysis.dataProtection }),
    cost: analysis.cost ?? null,
  };
}
