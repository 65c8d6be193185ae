/**
 * Turns accumulated counts into estimates: naive proportions, importance-sampling estimates
 * and the timeline's per-year distributions, each with its analytic cross-check when given.
 */
import { meanEstimate, proportion, quantileSorted, Z95 } from './estimators.js';
import type { WeightedSums } from '../kernels/importance-kernel.js';
import type { TimelineChunk } from '../kernels/timeline-chunk.js';
import type {
  FailoverSummary,
  Quantiles,
  SimulationResult,
  TimelineSummary,
  UnavailabilityEstimate,
} from '../types.js';

/** Timeline accumulator: the chunks in order, and Σu, Σu² of the per-trial unavailability u. */
export type TimelineAcc = {
  readonly chunks: TimelineChunk[];
  readonly trials: number;
  readonly sumU: number;
  readonly sumU2: number;
};

/**
 * Relative slack of the agreement check: an exactly determined estimate (SE = 0) may still
 * differ from the analytic figure in its last bits.
 */
const ROUNDING = 1e-9;

/** Agreement within 4 standard errors (the larger of the estimate's and the analytic one's). */
export function agreement(
  estimate: number,
  stdErr: number,
  analytic: number | undefined,
  trials: number,
): { analytic?: number; agrees?: boolean } {
  if (analytic === undefined) return {};
  const seAnalytic = Math.sqrt((analytic * (1 - analytic)) / trials);
  return {
    analytic,
    agrees: Math.abs(estimate - analytic) <= 4 * Math.max(stdErr, seAnalytic) + ROUNDING * Math.abs(analytic),
  };
}

/** A naive snapshot estimate: k events in n trials. */
export function naiveEstimate(k: number, n: number, analytic: number | undefined): UnavailabilityEstimate {
  const p = proportion(k, n);
  return { ...p, estimator: 'naive', ...agreement(p.estimate, p.stdErr, analytic, n) };
}

/**
 * An importance-sampling estimate: p̂ = ΣW/N, SE = √((ΣW² − N·p̂²) / (N(N − 1))), p̂ ± z·SE;
 * ESS = (ΣW)²/ΣW²; variance reduction = (p̂(1 − p̂)/N) / SE².
 */
export function weightedEstimate(acc: WeightedSums, analytic: number | undefined): UnavailabilityEstimate {
  const n = acc.trials;
  const p = acc.sumW / n;
  const variance = n > 1 ? Math.max(0, (acc.sumW2 - n * p * p) / (n - 1)) : Infinity;
  const se = Math.sqrt(variance / n);
  const ess = effectiveSampleSize(acc);
  return {
    estimate: p,
    stdErr: se,
    ci: [Math.max(0, p - Z95 * se), Math.min(1, p + Z95 * se)],
    trials: n,
    events: acc.hits,
    estimator: 'importance-sampling',
    effectiveSampleSize: ess,
    ...(se > 0 ? { varianceReduction: (p * (1 - p)) / n / (se * se) } : {}),
    ...(analytic === undefined
      ? {}
      : { analytic, agrees: Math.abs(p - analytic) <= 4 * se + ROUNDING * Math.abs(analytic) }),
  };
}

/** Kish effective sample size of importance weights: (ΣW)² / ΣW². */
export function effectiveSampleSize(acc: WeightedSums): number {
  return acc.sumW2 > 0 ? (acc.sumW * acc.sumW) / acc.sumW2 : 0;
}

/** Half-width of the importance estimate relative to it. */
export function weightedRelError(acc: WeightedSums): number {
  if (acc.hits < 50 || acc.sumW <= 0) return Infinity;
  const n = acc.trials;
  const p = acc.sumW / n;
  const se = Math.sqrt(Math.max(0, (acc.sumW2 - n * p * p) / (n - 1)) / n);
  return (Z95 * se) / p;
}

function quantiles(sorted: Float64Array, scale: number): Quantiles {
  let sum = 0;
  const n = sorted.length;
  for (let i = 0; i < n; i++) sum += sorted[i] as number;
  return {
    mean: (sum / n) * scale,
    p50: quantileSorted(sorted, 0.5) * scale,
    p90: quantileSorted(sorted, 0.9) * scale,
    p99: quantileSorted(sorted, 0.99) * scale,
    p999: quantileSorted(sorted, 0.999) * scale,
    max: (sorted[n - 1] ?? NaN) * scale,
  };
}

type TimelineFields = Pick<
  SimulationResult,
  'annualDowntimeSeconds' | 'annualDowntimeHistogram' | 'outagesPerYear' | 'longestOutageSeconds' | 'missProbability'
> & {
  readonly timeline: TimelineSummary;
};

/** The timeline's estimates and distributions from its chunks, in chunk order. */
export function summariseTimeline(
  acc: TimelineAcc,
  horizon: number,
  years: number,
  start: TimelineSummary['start'],
  availabilityTarget: { readonly target: number; readonly unavailability: number } | undefined,
  analytic: number | undefined,
): TimelineFields {
  const n = acc.trials;
  const downtime = new Float64Array(n);
  const outages = new Float64Array(n);
  const longest = new Float64Array(n);
  let withOutage = 0;
  let missed = 0;
  let i = 0;
  for (const c of acc.chunks) {
    for (let j = 0; j < c.trials; j++, i++) {
      const dt = c.downtime[j] ?? 0;
      downtime[i] = dt;
      outages[i] = c.outages[j] ?? 0;
      longest[i] = c.longest[j] ?? 0;
      if ((c.firstOutage[j] ?? Infinity) < Infinity) withOutage++;
      // Missed: the horizon's unavailability downtime/horizon exceeds the target's complement.
      if (availabilityTarget !== undefined && dt / horizon > availabilityTarget.unavailability) missed++;
    }
  }
  sortMostlyZeros(downtime);
  sortMostlyZeros(outages);
  sortMostlyZeros(longest);
  // Outage counts per year, ascending: the runs of the sorted counts.
  const histogram: { outages: number; trials: number }[] = [];
  for (let from = 0; from < n; ) {
    const k = outages[from] as number;
    let to = from + 1;
    while (to < n && outages[to] === k) to++;
    histogram.push({ outages: k, trials: to - from });
    from = to;
  }
  const mean = meanEstimate(acc.sumU, acc.sumU2, n);
  // Zero downtime in every trial: the time-average is at most P(a trial has an outage) ≤ 3/N.
  const unavailability = {
    ...mean,
    // A time-average of a fraction: its interval stays in [0, 1] (an always-down service).
    ci: [mean.ci[0], Math.min(1, mean.ci[1])] as const,
    ...(acc.sumU === 0 ? { ci: [0, Math.min(1, 3 / n)] as const, upperBound: Math.min(1, 3 / n) } : {}),
    ...agreement(mean.estimate, mean.stdErr, analytic, n),
  };
  return {
    timeline: { trials: n, years, start, unavailability, outageWithinHorizon: proportion(withOutage, n) },
    annualDowntimeSeconds: quantiles(downtime, 1 / years),
    annualDowntimeHistogram: histogramOf(downtime, 1 / years),
    outagesPerYear: {
      ...quantiles(outages, 1 / years),
      histogram,
    },
    longestOutageSeconds: quantiles(longest, 1),
    ...(availabilityTarget === undefined
      ? {}
      : { missProbability: { ...proportion(missed, n), target: availabilityTarget.target } }),
  };
}

/**
 * Sorts non-negative values in place, as `a.sort()` would: most timeline years have no outage,
 * so the nonzero values are gathered at the front, sorted alone and moved behind the zeros.
 */
export function sortMostlyZeros(a: Float64Array): void {
  let w = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    if (x !== 0) a[w++] = x;
  }
  a.subarray(0, w).sort();
  a.copyWithin(a.length - w, 0, w);
  a.fill(0, 0, a.length - w);
}

const HISTOGRAM_BINS = 8;

/** Zero bin, then up to 8 log-spaced bins [from, to) between the smallest and largest nonzero value. */
export function histogramOf(
  sorted: Float64Array,
  scale: number,
): { fromSeconds: number; toSeconds: number; trials: number }[] {
  let zeros = 0;
  while (zeros < sorted.length && (sorted[zeros] ?? 0) <= 0) zeros++;
  const bins = [{ fromSeconds: 0, toSeconds: 0, trials: zeros }];
  if (zeros === sorted.length) return bins;
  const lo = (sorted[zeros] ?? 0) * scale;
  const hi = (sorted[sorted.length - 1] ?? 0) * scale;
  const k = hi > lo ? HISTOGRAM_BINS : 1;
  const ratio = hi > lo ? Math.pow(hi / lo, 1 / k) : 1;
  const edges = Array.from({ length: k + 1 }, (_, i) => (i === k ? hi : lo * Math.pow(ratio, i)));
  const counts = new Array<number>(k).fill(0);
  for (let i = zeros; i < sorted.length; i++) {
    const x = (sorted[i] ?? 0) * scale;
    const b = hi > lo ? Math.min(k - 1, Math.floor(Math.log(x / lo) / Math.log(ratio))) : 0;
    counts[b] = (counts[b] ?? 0) + 1;
  }
  for (const [i, trials] of counts.entries())
    bins.push({ fromSeconds: edges[i] ?? lo, toSeconds: edges[i + 1] ?? hi, trials });
  return bins;
}

/**
 * Per failover node over the timeline trials: switchovers started (primary failures), their
 * mean realised RTO (the node's down time per primary failure: the switchover window, or the
 * whole outage when the switchover failed or the standby was down) and the node's downtime a year.
 */
export function summariseFailovers(chunks: readonly TimelineChunk[], count: number, years: number): FailoverSummary[] {
  const episodes = new Float64Array(count);
  const down = new Float64Array(count);
  let trials = 0;
  for (const c of chunks) {
    trials += c.trials;
    for (let f = 0; f < count; f++) {
      episodes[f] = (episodes[f] ?? 0) + (c.failoverEpisodes?.[f] ?? 0);
      down[f] = (down[f] ?? 0) + (c.failoverDownSeconds?.[f] ?? 0);
    }
  }
  return Array.from(episodes, (e, f) => ({
    switchovers: e,
    meanRealisedRtoSeconds: e > 0 ? (down[f] ?? 0) / e : null,
    downtimeSecondsPerYear: trials > 0 && years > 0 ? (down[f] ?? 0) / trials / years : 0,
  }));
}
