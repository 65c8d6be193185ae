/**
 * Human wording of targets and figures: ids (`rpo[region]`), thresholds and actual values in
 * the metric's unit. Pure; used by the gate's messages and by the renderers.
 */
import { METRICS } from '../model/metrics.js';
import type { Target, TargetMetric } from '../model/types.js';
import {
  formatAmount,
  formatBytes,
  formatCount,
  formatDuration,
  formatNinesTrimmed,
  formatPercentFromUnavailability,
} from '../units/format.js';

/** `availability`, `availability[db]`, `rpo[region]`. */
export function targetId(target: Pick<Target, 'metric' | 'scenario' | 'tier'>): string {
  const scope = target.tier ?? target.scenario;
  return scope === undefined ? target.metric : `${target.metric}[${scope}]`;
}

/**
 * A figure of a metric in its unit (the registry's `format`): availability as a percentage built
 * from its complement (so it never rounds up to 100%), durability as nines, durations, sizes and counts.
 * @example formatMetric('rto', 5400) // "1.5 h"
 */
export function formatMetric(metric: TargetMetric, value: number, complement?: number): string {
  const format = METRICS[metric].format;
  switch (format) {
    case 'percent':
      return formatPercentFromUnavailability(complement ?? 1 - value);
    case 'nines':
      return formatNinesTrimmed(complement ?? 1 - value);
    case 'duration':
      return formatDuration(value);
    case 'bytes':
      return formatBytes(value);
    case 'bytesPerYear':
      return `${formatBytes(value)}/y`;
    case 'countPerYear':
      return `${formatCount(value)}/y`;
    case 'share':
      return formatShare(value);
    case 'costPerMonth':
      return `${formatAmount(value)}/month`;
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
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
