/**
 * Actual values of target metrics: the registry (src/model/metrics.ts) says what each needs,
 * its figure (figures.ts) extracts it from the engines' results.
 */
import { METRICS } from '../model/metrics.js';
import type { TargetMetric } from '../model/types.js';
import { FIGURES, type Figure, type TargetRef } from './figures.js';
import { type Measured, missing } from './measured.js';
import type { GateFigures } from './types.js';

export type { AnalyticBound, McInterval, Measured } from './measured.js';
export type { TargetRef } from './figures.js';

/**
 * The figure a target measures: `compared` is in the space of `comparedThreshold(target)`. A
 * metric on data is missing, with the reason, when the model has no `data` section.
 * @example measure({ metric: 'rto', scenario: 'region', tier: undefined }, figures) // { kind: 'value', value: 5400, … }
 */
export function measure(target: TargetRef, figures: GateFigures): Measured {
  const figure = FIGURES[target.metric] as Figure<TargetMetric>;
  if (METRICS[target.metric].source !== 'data') return figure(target, figures);
  const { dataProtection } = figures;
  if (dataProtection === undefined) return missing(`the ${target.metric} target needs a 'data' section to measure`);
  return figure(target, { ...figures, dataProtection });
}
