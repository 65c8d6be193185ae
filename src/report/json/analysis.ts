import type { Analysis } from '../../analytic/analyze-model.js';
import type { AvailabilityResult } from '../../analytic/availability/index.js';
import type { DataProtectionResult } from '../../analytic/data-protection/index.js';
import type { CostResult } from '../../analytic/cost.js';
import type { Model } from '../../model/types.js';

/** The model block of every report. */
export function modelInfo(model: Model, file: string): { name: string; description?: string; file: string } {
  return { name: model.name, ...(model.description === undefined ? {} : { description: model.description }), file };
}

/** The figures of `nines analyze --json`: availability at the top level, data protection and cost beside it. */
export function analysisJson(analysis: Analysis): AvailabilityResult & { dataProtection?: DataProtectionResult; cost: CostResult | null } {
  return {
    ...analysis.availability,
    ...(analysis.dataProtection === undefined ? {} : { dataProtection: analysis.dataProtection }),
    cost: analysis.cost ?? null,
  };
}
