import type { Model } from '../model/types.js';
import { analyzeAvailability, type AvailabilityResult } from './availability/index.js';
import { analyzeDataProtection, type DataProtectionResult } from './data-protection/index.js';

export type Analysis = {
  readonly availability: AvailabilityResult;
  /** `undefined` when the model has no `data` section. */
  readonly dataProtection: DataProtectionResult | undefined;
};

export type AnalysisOptions = {
  /** Backup-storage horizon in years (default: the model's horizon, at least one year). */
  readonly years?: number | undefined;
};

/** Every analytic figure of a model: availability (issue 3) and data protection (issue 4). */
export function analyzeModel(model: Model, options: AnalysisOptions = {}): Analysis {
  return {
    availability: analyzeAvailability(model),
    dataProtection: analyzeDataProtection(model, options.years === undefined ? {} : { years: options.years }),
  };
}
