/**
 * The gate: targets × figures → one record per target and an overall status (lighthouse-ci
 * assertions style). A missing figure is a failed record with the reason, never an exception.
 */
import { comparedThreshold, meets } from './comparison.js';
import { formatMetric, formatThreshold, targetId } from './describe.js';
import { measure } from './metrics.js';
import { decideMonteCarlo } from './monte-carlo.js';
import type {
  GateFigures,
  GateOptions,
  GateRecord,
  GateResult,
  GateStatus,
  GateStatusOverall,
  GateTarget,
} from './types.js';

/**
 * Checks every target against the figures. A met target passes; a missed one fails (level
 * `error`) or warns (level `warn`); with a simulation, service and tier availability and
 * downtime are decided from the Monte Carlo interval (see {@link decideMonteCarlo}) and may be
 * inconclusive. Overall: fail if any record failed, else inconclusive, else warn, else pass.
 * @example evaluateTargets(targets, { availability, dataProtection }).status // 'pass'
 */
export function evaluateTargets(
  targets: readonly GateTarget[],
  figures: GateFigures,
  options: GateOptions = {},
): GateResult {
  const seen = new Map<string, number>();
  const records = targets.map((gt) => {
    const base = targetId(gt.target);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return evaluateOne(gt, n === 1 ? base : `${base}#${n}`, figures, options);
  });
  const count = (s: GateStatus): number => records.filter((r) => r.status === s).length;
  const summary = {
    total: records.length,
    passed: count('pass'),
    failed: count('fail'),
    warnings: count('warn'),
    inconclusive: count('inconclusive'),
  };
  const status: GateStatusOverall =
    summary.failed > 0 ? 'fail' : summary.inconclusive > 0 ? 'inconclusive' : summary.warnings > 0 ? 'warn' : 'pass';
  return { status, records, summary };
}

function evaluateOne(gt: GateTarget, id: string, figures: GateFigures, options: GateOptions): GateRecord {
  const { target, source } = gt;
  const missed: GateStatus = target.level === 'error' ? 'fail' : 'warn';
  const head = {
    id,
    metric: target.metric,
    ...(target.scenario === undefined ? {} : { scenario: target.scenario }),
    ...(target.tier === undefined ? {} : { tier: target.tier }),
    operator: target.operator,
    threshold: target.threshold,
    ...(target.thresholdComplement === undefined ? {} : { thresholdComplement: target.thresholdComplement }),
    level: target.level,
    source,
  };
  const wanted = formatThreshold(target);
  const measured = measure(target, figures);
  if (measured.kind === 'missing') {
    return {
      ...head,
      actual: null,
      status: missed,
      method: 'analytic',
      message: `${id} ${wanted}: no figure: ${measured.reason}`,
    };
  }
  const { threshold, operator } = comparedThreshold(target);
  const shown = formatMetric(target.metric, measured.value, measured.complement);
  const where =
    measured.scenario !== undefined && target.scenario === undefined ? ` (worst: ${measured.scenario})` : '';
  const figure = {
    ...head,
    actual: measured.value,
    ...(measured.complement === undefined ? {} : { actualComplement: measured.complement }),
    ...(target.scenario === undefined && measured.scenario !== undefined ? { worstScenario: measured.scenario } : {}),
    method: measured.method,
  };
  if (measured.interval === undefined && measured.bound !== undefined) {
    // Not exact: decided only when the whole rigorous interval is on one side of the threshold.
    const { lower, upper, skippedProbability } = measured.bound;
    const low = meets(lower, operator, threshold);
    const high = meets(upper, operator, threshold);
    const range =
      measured.complement !== undefined
        ? `bound ${formatMetric(target.metric, 1 - upper, upper)}–${formatMetric(target.metric, 1 - lower, lower)}`
        : `bound ${formatMetric(target.metric, lower)}–${formatMetric(target.metric, upper)}`;
    const straddles = low !== high;
    const status: GateStatus = straddles ? (target.level === 'error' ? 'inconclusive' : 'warn') : low ? 'pass' : missed;
    const verdict = straddles
      ? `inconclusive: the analytic figure is a bound (zone/region states of probability ${skippedProbability.toExponential(2)} were skipped) and it straddles the threshold; simulate, or model fewer distinct zones`
      : low
        ? 'met'
        : target.level === 'error'
          ? 'missed'
          : 'missed (warning)';
    return {
      ...figure,
      status,
      message: `${id} ${shown}${where} (${range}) ${wanted}: ${verdict}`,
      analyticBound: { lower, upper, straddles },
    };
  }
  if (measured.interval === undefined) {
    const ok = meets(measured.compared, operator, threshold);
    const verdict = ok ? 'met' : target.level === 'error' ? 'missed' : 'missed (warning)';
    // A miss reads as the comparison that holds: "5 min > 1 min (target ≤ 1 min)".
    const comparison = ok
      ? wanted
      : `${target.operator === '<=' ? '>' : '<'} ${formatMetric(target.metric, target.threshold, target.thresholdComplement)} (target ${wanted})`;
    return { ...figure, status: ok ? 'pass' : missed, message: `${id} ${shown}${where} ${comparison}: ${verdict}` };
  }
  const mode = options.mcDecision ?? 'pessimistic';
  const decided = decideMonteCarlo(measured.interval, operator, threshold, mode);
  // A figure the simulation itself flags decides nothing, whichever side of the threshold it is on.
  const doubt = measured.interval.doubt;
  const mc = doubt === undefined ? decided : { ...decided, decision: 'inconclusive' as const, trialsNeeded: null };
  const [lo, hi] = measured.interval.ci;
  // Availability intervals are of the unavailability q: the availability range is [1 − hi, 1 − lo].
  const range =
    measured.complement !== undefined
      ? `95% interval ${formatMetric(target.metric, 1 - hi, hi)}–${formatMetric(target.metric, 1 - lo, lo)}`
      : `95% interval ${formatMetric(target.metric, lo)}–${formatMetric(target.metric, hi)}`;
  let status: GateStatus;
  let verdict: string;
  switch (mc.decision) {
    case 'pass':
      status = 'pass';
      verdict = 'met';
      break;
    case 'fail':
      status = missed;
      verdict = target.level === 'error' ? 'missed' : 'missed (warning)';
      break;
    case 'inconclusive':
      status = target.level === 'error' ? 'inconclusive' : 'warn';
      verdict =
        doubt !== undefined
          ? `inconclusive: the simulation cannot be trusted here: ${doubt}`
          : `inconclusive: the interval straddles the threshold; about ${mc.trialsNeeded === null ? 'infinitely many' : mc.trialsNeeded.toLocaleString('en-US')} trials would settle it`;
      break;
    default: {
      const never: never = mc.decision;
      throw new Error(`unknown decision ${String(never)}`);
    }
  }
  return {
    ...figure,
    status,
    message: `${id} ${shown} (${range}, ${mode}) ${wanted}: ${verdict}`,
    monteCarlo: {
      estimate: measured.interval.estimate,
      ci: [lo, hi],
      trials: measured.interval.trials,
      decision: mode,
      decidingValue: mc.decidingValue,
      straddles: mc.straddles,
      trialsNeeded: mc.trialsNeeded,
      ...(doubt === undefined ? {} : { inconclusiveReason: doubt }),
    },
  };
}
