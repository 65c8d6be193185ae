/**
 * The gate: targets × figures → one record per target and an overall status (lighthouse-ci
 * assertions style). A missing figure is a failed record with the reason, never an exception.
 */
import { comparedThreshold, meets } from './comparison.js';
import { formatMetric, formatThreshold, targetId } from './describe.js';
import { type AnalyticBound, type McInterval, type Measured, measure } from './metrics.js';
import { decideMonteCarlo } from './monte-carlo.js';
import type { Target } from '../model/types.js';
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

/** The record of one target: its head, then the figure decided exactly, by its bound or by Monte Carlo. */
function evaluateOne(gt: GateTarget, id: string, figures: GateFigures, options: GateOptions): GateRecord {
  const { target, source } = gt;
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
  const measured = measure(target, figures);
  if (measured.kind === 'missing') {
    const message = `${id} ${formatThreshold(target)}: no figure: ${measured.reason}`;
    return { ...head, actual: null, status: missedStatus(target), method: 'analytic', message };
  }
  const figure = {
    ...head,
    actual: measured.value,
    ...(measured.complement === undefined ? {} : { actualComplement: measured.complement }),
    ...(target.scenario === undefined && measured.scenario !== undefined ? { worstScenario: measured.scenario } : {}),
    method: measured.method,
  };
  const shown: Shown = {
    id,
    value: formatMetric(target.metric, measured.value, measured.complement),
    where: measured.scenario !== undefined && target.scenario === undefined ? ` (worst: ${measured.scenario})` : '',
    wanted: formatThreshold(target),
  };
  if (measured.interval !== undefined)
    return { ...figure, ...decideInterval(target, measured, measured.interval, shown, options) };
  if (measured.bound !== undefined) return { ...figure, ...decideBound(target, measured, measured.bound, shown) };
  return { ...figure, ...decideExact(target, measured, shown) };
}

type ValueMeasured = Extract<Measured, { kind: 'value' }>;

/** The wording of a record: its id, the figure in its unit, the worst scenario, the threshold. */
type Shown = { readonly id: string; readonly value: string; readonly where: string; readonly wanted: string };

/** What a decision adds to a record's figure. */
type Decided = Pick<GateRecord, 'status' | 'message' | 'analyticBound' | 'monteCarlo'>;

const missedStatus = (target: Target): GateStatus => (target.level === 'error' ? 'fail' : 'warn');
const missedVerdict = (target: Target): string => (target.level === 'error' ? 'missed' : 'missed (warning)');

/** `lo–hi` of the compared quantity in the metric's unit; a complement range is shown as values. */
function rangeText(target: Target, measured: ValueMeasured, lo: number, hi: number): string {
  return measured.complement !== undefined
    ? `${formatMetric(target.metric, 1 - hi, hi)}–${formatMetric(target.metric, 1 - lo, lo)}`
    : `${formatMetric(target.metric, lo)}–${formatMetric(target.metric, hi)}`;
}

/** An exact figure: met or missed. A miss reads as the comparison that holds: "5 min > 1 min (target ≤ 1 min)". */
function decideExact(target: Target, measured: ValueMeasured, shown: Shown): Decided {
  const { threshold, operator } = comparedThreshold(target);
  const ok = meets(measured.compared, operator, threshold);
  const verdict = ok ? 'met' : missedVerdict(target);
  const comparison = ok
    ? shown.wanted
    : `${target.operator === '<=' ? '>' : '<'} ${formatMetric(target.metric, target.threshold, target.thresholdComplement)} (target ${shown.wanted})`;
  return {
    status: ok ? 'pass' : missedStatus(target),
    message: `${shown.id} ${shown.value}${shown.where} ${comparison}: ${verdict}`,
  };
}

/** Not exact: decided only when the whole rigorous interval is on one side of the threshold. */
function decideBound(target: Target, measured: ValueMeasured, bound: AnalyticBound, shown: Shown): Decided {
  const { threshold, operator } = comparedThreshold(target);
  const { lower, upper, skippedProbability } = bound;
  const low = meets(lower, operator, threshold);
  const high = meets(upper, operator, threshold);
  const range = `bound ${rangeText(target, measured, lower, upper)}`;
  const straddles = low !== high;
  const status: GateStatus = straddles
    ? target.level === 'error'
      ? 'inconclusive'
      : 'warn'
    : low
      ? 'pass'
      : missedStatus(target);
  const verdict = straddles
    ? `inconclusive: the analytic figure is a bound (zone/region states of probability ${skippedProbability.toExponential(2)} were skipped) and it straddles the threshold; simulate, or model fewer distinct zones`
    : low
      ? 'met'
      : missedVerdict(target);
  return {
    status,
    message: `${shown.id} ${shown.value}${shown.where} (${range}) ${shown.wanted}: ${verdict}`,
    analyticBound: { lower, upper, straddles },
  };
}

/** A Monte Carlo interval, decided by the --mc-decision rule (see {@link decideMonteCarlo}). */
function decideInterval(
  target: Target,
  measured: ValueMeasured,
  interval: McInterval,
  shown: Shown,
  options: GateOptions,
): Decided {
  const { threshold, operator } = comparedThreshold(target);
  const mode = options.mcDecision ?? 'pessimistic';
  const decided = decideMonteCarlo(interval, operator, threshold, mode);
  // A figure the simulation itself flags decides nothing, whichever side of the threshold it is on.
  const doubt = interval.doubt;
  const mc = doubt === undefined ? decided : { ...decided, decision: 'inconclusive' as const, trialsNeeded: null };
  const [lo, hi] = interval.ci;
  // Availability intervals are of the unavailability q: the availability range is [1 − hi, 1 − lo].
  const range = `95% interval ${rangeText(target, measured, lo, hi)}`;
  let status: GateStatus;
  let verdict: string;
  switch (mc.decision) {
    case 'pass':
      status = 'pass';
      verdict = 'met';
      break;
    case 'fail':
      status = missedStatus(target);
      verdict = missedVerdict(target);
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
    status,
    message: `${shown.id} ${shown.value} (${range}, ${mode}) ${shown.wanted}: ${verdict}`,
    monteCarlo: {
      estimate: interval.estimate,
      ci: [lo, hi],
      trials: interval.trials,
      decision: mode,
      decidingValue: mc.decidingValue,
      straddles: mc.straddles,
      trialsNeeded: mc.trialsNeeded,
      ...(doubt === undefined ? {} : { inconclusiveReason: doubt }),
    },
  };
}
