import type { Model } from '../model/types.js';
import { analyzeAvailability, type AvailabilityResult } from './availability/index.js';
import { analyzeDataProtection, type DataProtectionResult } from './data-protection/index.js';
import { costOf, type CostResult } from './cost.js';

export type Analysis = {
  readonly availability: AvailabilityResult;
  /** `undefined` when the model has no `data` section. */
  readonly dataProtection: DataProtectionResult | undefined;
  /** `undefined` when the model prices nothing (issue 14). */
  readonly cost: CostResult | undefined;
};

export type AnalysisOptions = {
  /** Backup-storage horizon in years (default: the model's horizon, at least one year). */
  readonly years?: number | undefined;
  /** true: enumerate the service's minimal cut sets too (analyze, explain); else `cutSets.complete` is false. */
  readonly cutSets?: boolean | undefined;
};

/** Every analytic figure of a model: availability (issue 3), data protection (issue 4), cost (issue 14). */
export function analyzeModel(model: Model, options: AnalysisOptions = {}): Analysis {
  const availability = analyzeAvailability(model, { cutSets: options.cutSets === true });
  const dataProtection = analyzeDataProtection(model, options.years === undefined ? {} : { years: options.years });
  return { availability, dataProtection, cost: costOf(model, availability, dataProtection) };
}
