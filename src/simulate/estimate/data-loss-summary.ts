/**
 * Turns the data-loss samples into estimates: durability from busy periods (regenerative
 * estimator) and realised RPO / RTO distributions per scenario.
 */
import type { DurabilityResult } from '../../analytic/data-protection/types.js';
import type { Distribution } from '../../model/component.js';
import { SECONDS_PER_YEAR } from '../../units/conventions.js';
import type { DurabilityParams, RecoveryScenario } from '../compile/data-loss-setup.js';
import type { DurabilitySums } from '../kernels/durability-kernel.js';
import { meanEstimate, proportion, quantileWithCi, Z95 } from './estimators.js';
import type { RecoverySamples } from '../kernels/recovery-sampling.js';
import type { CheckedEstimate, DistributionSummary, DurabilitySimulation, RecoverySimulation } from '../types.js';

const REBUILD_TYPES: readonly Distribution['type'][] = ['exponential', 'fixed', 'weibull', 'lognormal'];

/**
 * Durability of G groups from N busy periods (renewal-reward theorem; Ross, Stochastic
 * Processes, 2nd ed., §3.6): a cycle is an idle period of mean 1/(nλ) plus a busy period B
 * (until rebuilt or lost), a fraction p of cycles ends in loss, so one group loses data at
 * rate p / E[C] with E[C] = 1/(nλ) + E[B], and MTTDL = E[C] / p (for a mirror with
 * exponential rebuilds p = λ/(λ + μ), E[B] = 1/(λ + μ): MTTDL = (3λ + μ)/(2λ²)).
 * Loss events of G groups: Λ = G·p / E[C]; P(loss within H) = 1 − e^(−ΛH), the Poisson
 * approximation (exact to first order in p, and the analytic model's own formula).
 * Interval: p's interval (Wilson naive, normal for importance sampling) over E[C]'s interval.
 */
export function summariseDurability(
  s: DurabilitySums,
  trials: number,
  p: DurabilityParams,
  analytic: DurabilityResult,
  horizon: number,
): DurabilitySimulation {
  const n = trials;
  const busy = meanEstimate(s.sumB, s.sumB2, n);
  const idle = 1 / (p.shards * p.failureRatePerSecond);
  const cycle = idle + busy.estimate;
  const cycleLo = idle + busy.ci[0];
  const cycleHi = idle + busy.ci[1];
  const loss = p.biased ? weighted(s, n) : proportion(s.hits, n);
  const perSecond = (prob: number, c: number): number => (p.groups * prob) / c;
  const lambda = perSecond(loss.estimate, cycle);
  const relSe = loss.estimate > 0 ? Math.hypot(loss.stdErr / loss.estimate, busy.stdErr / cycle) : 0;
  const lo = perSecond(loss.ci[0], cycleHi);
  const hi = perSecond(loss.ci[1], cycleLo);
  const markovLogMttdl = analytic.markov.log10MttdlSeconds * Math.LN10;
  const markovPerSecond = Math.exp(-markovLogMttdl);
  const applies = p.repairKind === 0;
  const check = (
    est: number,
    se: number,
    bound: number | undefined,
    exact: number,
  ): Pick<CheckedEstimate, 'analytic' | 'agrees'> =>
    applies
      ? { analytic: exact, agrees: bound !== undefined ? exact <= bound : Math.abs(est - exact) <= 4 * se }
      : { analytic: exact };
  const zero = s.hits === 0;
  const bound = zero && !p.biased ? perSecond(Math.min(1, 3 / n), cycleLo) : undefined;
  const yearOf = (x: number): number => x * SECONDS_PER_YEAR;
  const within = (x: number): number => -Math.expm1(-x * horizon);
  const eventsPerYear: CheckedEstimate = {
    estimate: yearOf(lambda),
    stdErr: yearOf(lambda * relSe),
    ci: [yearOf(lo), yearOf(hi)],
    ...(bound === undefined ? {} : { upperBound: yearOf(bound) }),
    ...check(
      yearOf(lambda),
      yearOf(lambda * relSe),
      bound === undefined ? undefined : yearOf(bound),
      yearOf(markovPerSecond),
    ),
  };
  const withinSe = horizon * Math.exp(-lambda * horizon) * lambda * relSe;
  const lossWithinHorizon = {
    estimate: within(lambda),
    stdErr: withinSe,
    ci: [within(lo), within(hi)] as const,
    ...(bound === undefined ? {} : { upperBound: within(bound) }),
    ...check(within(lambda), withinSe, bound === undefined ? undefined : within(bound), within(markovPerSecond)),
    horizonSeconds: horizon,
  };
  const cap = (x: number): number => (Number.isFinite(x) ? x : Number.MAX_VALUE);
  return {
    estimator: p.biased ? 'importance-sampling' : 'naive',
    method: 'busy-periods',
    shards: p.shards,
    toleratedFailures: p.tolerated,
    groups: p.groups,
    failureRatePerSecond: p.failureRatePerSecond,
    rebuildSeconds: p.rebuildSeconds,
    rebuildDistribution: REBUILD_TYPES[p.repairKind] ?? 'exponential',
    rebuilds: 'one-at-a-time',
    busyPeriodLoss: loss,
    meanBusyPeriodSeconds: busy,
    eventsPerYear,
    lossWithinHorizon,
    ...(zero ? {} : { mttdlSeconds: { estimate: cap(1 / lambda), ci: [cap(1 / hi), cap(1 / lo)] as const } }),
    analytic: {
      markovMttdlSeconds: analytic.markov.mttdlSeconds,
      markovAnnualLossProbability: analytic.markov.annualLossProbability,
      windowAnnualLossProbability: analytic.window.annualLossProbability,
      markovApplies: applies,
    },
  };
}

/** The importance-sampling estimate of p: ΣW/N with SE √((ΣW² − N·p̂²)/(N(N − 1))); ESS (ΣW)²/ΣW². */
function weighted(s: DurabilitySums, n: number): DurabilitySimulation['busyPeriodLoss'] {
  const p = s.sumW / n;
  const se = n > 1 ? Math.sqrt(Math.max(0, (s.sumW2 - n * p * p) / (n - 1)) / n) : Infinity;
  const base = { estimate: p, stdErr: se, trials: n, events: s.hits };
  if (s.hits === 0) return { ...base, ci: [0, 1] };
  return {
    ...base,
    ci: [Math.max(0, p - Z95 * se), Math.min(1, p + Z95 * se)],
    effectiveSampleSize: (s.sumW * s.sumW) / s.sumW2,
    ...(se > 0 ? { varianceReduction: (p * (1 - p)) / n / (se * se) } : {}),
  };
}

/** Mean with its SE and the 50th, 90th and 99th percentiles with order-statistic intervals. */
export function summariseDistribution(values: Float64Array): DistributionSummary {
  let sum = 0;
  let sumSq = 0;
  for (const x of values) {
    sum += x;
    sumSq += x * x;
  }
  const mean = meanEstimate(sum, sumSq, values.length);
  const sorted = values.slice().sort();
  return {
    mean: { estimate: mean.estimate, stdErr: mean.stdErr, ci: mean.ci },
    p50: quantileWithCi(sorted, 0.5),
    p90: quantileWithCi(sorted, 0.9),
    p99: quantileWithCi(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/** One scenario's realised RPO / RTO (no samples when nothing survives it). */
export function summariseRecovery(s: RecoveryScenario, samples: RecoverySamples | undefined): RecoverySimulation {
  const n = samples?.rpo.length ?? 0;
  const base = {
    scenario: s.scenario,
    failureDomain: s.failureDomain,
    survives: s.survives,
    disruptions: n,
    analytic: s.analytic,
  };
  if (samples === undefined || n === 0) return { ...base, recoveredBy: [] };
  return {
    ...base,
    rpoSeconds: summariseDistribution(samples.rpo),
    rtoSeconds: summariseDistribution(samples.rto),
    recoveredBy: s.mechanisms.map((m, i) => ({ kind: m.kind, name: m.name, share: (samples.recoveredBy[i] ?? 0) / n })),
  };
}
