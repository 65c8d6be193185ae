import type { Analysis } from '../../analytic/analyze-model.js';
import type { Model } from '../../model/types.js';

/** The model block of every report. */
export function modelInfo(model: Model, file: string): { name: string; description?: string; file: string } {
  return { name: model.name, ...(model.description === undefined ? {} : { description: model.description }), file };
}

/** The figures of `nines analyze --json`: availability at the top level, data protection and cost beside it. */
export function analysisJson(analysis: Analysis): Record<string, unknown> {
  return {
    ...analysis.availability,
    ...(analysis.dataProtection === undefined ? {} : { dataProtection: analysis.dataProtection }),
    cost: analysis.cost ?? null,
  };
}
