/**
 * Human wording of targets and figures: ids (`rpo[region]`), thresholds and actual values in
 * the metric's unit. Pure; used by the gate's messages and by the renderers.
 */
import type { Target, TargetMetric } from '../model/types.js';
import {
  formatAmount,
  formatBytes,
  formatCount,
  formatDuration,
  formatPercentFromUnavailability,
} from '../units/format.js';

/** `availability`, `availability[db]`, `rpo[region]`. */
export function targetId(target: Pick<Target, 'metric' | 'scenario' | 'tier'>): string {
  const scope = target.tier ?? target.scenario;
  return scope === undefined ? target.metric : `${target.metric}[${scope}]`;
}

/**
 * A figure of a metric in its unit: availability as a percentage built from its complement
 * (so it never rounds up to 100%), durability as nines, durations, sizes and counts.
 * @example formatMetric('rto', 5400) // "1.5 h"
 */
export function formatMetric(metric: TargetMetric, value: number, complement?: number): string {
  switch (metric) {
    case 'availability':
      return formatPercentFromUnavailability(complement ?? 1 - value);
    case 'durability': {
      const p = complement ?? 1 - value;
      return p <= 0 ? '∞ nines' : `${(-Math.log10(p)).toFixed(2).replace(/\.?0+$/, '')} nines`;
    }
    case 'downtimePerYear':
    case 'rpo':
    case 'rto':
    case 'runway':
      return formatDuration(value);
    case 'dataAtRisk':
    case 'backupStorage':
      return formatBytes(value);
    case 'dataLossPerYear':
      return `${formatBytes(value)}/y`;
    case 'outagesPerYear':
      return `${formatCount(value)}/y`;
    case 'errorBudget':
    case 'budgetExhaustionProbability':
      return formatShare(value);
    case 'costPerMonth':
      return `${formatAmount(value)}/month`;
    default: {
      const never: never = metric;
      throw new Error(`unknown metric ${String(never)}`);
    }
  }
}

/** A share as a percentage with three significant digits: "12.5%", "0.0123%". */
function formatShare(x: number): string {
  if (x === 0) return '0%';
  return `${Number((x * 100).toPrecision(3))}%`;
}

/** `≥ 99.95%`, `≤ 1 h`. */
export function formatThreshold(target: {
  readonly metric: TargetMetric;
  readonly operator: '>=' | '<=';
  readonly threshold: number;
  readonly thresholdComplement?: number | undefined;
}): string {
  const op = target.operator === '>=' ? '≥' : '≤';
  return `${op} ${formatMetric(target.metric, target.threshold, target.thresholdComplement)}`;
}
