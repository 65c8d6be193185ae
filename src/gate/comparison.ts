/**
 * Comparison of a measured figure with its threshold, in the space the figure is measured in:
 * availability and durability in unavailability (probability of loss) space, so that
 * 99.9999999% keeps its digits: A ≥ T ⇔ q = 1 − A ≤ 1 − T.
 */
import { METRICS } from '../model/metrics.js';
import type { Target, TargetMetric } from '../model/types.js';

export type Operator = '>=' | '<=';

/** Metrics compared through their complement (1 − value): the registry's `compared`. */
export function comparesComplement(metric: TargetMetric): boolean {
  return METRICS[metric].compared === 'complement';
}

/**
 * The threshold and operator in the compared space. For availability and durability the
 * complement 1 − T (exact from the text when the target has it) with the operator flipped.
 * @example comparedThreshold({ metric: 'availability', operator: '>=', threshold: 0.9995, thresholdComplement: 5e-4 }) // { threshold: 5e-4, operator: '<=' }
 */
export function comparedThreshold(target: Pick<Target, 'metric' | 'operator' | 'threshold' | 'thresholdComplement'>): {
  threshold: number;
  operator: Operator;
} {
  if (!comparesComplement(target.metric)) return { threshold: target.threshold, operator: target.operator };
  return {
    threshold: target.thresholdComplement ?? 1 - target.threshold,
    operator: target.operator === '>=' ? '<=' : '>=',
  };
}

/**
 * `value operator threshold`; equality meets the target (a budget of exactly 4 h is met by 4 h).
 * @example meets(3600, '<=', 3600) // true
 */
export function meets(value: number, operator: Operator, threshold: number): boolean {
  return operator === '<=' ? value <= threshold : value >= threshold;
}
