/**
 * Estimators with honest uncertainty (DESIGN §3 rule 7): every estimate carries a standard
 * error and a 95% interval; zero events give the rule-of-three upper bound 3/N.
 */
import type { ProportionEstimate, QuantileEstimate } from '../types.js';

/** z for a two-sided 95% normal interval. */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval for k events in n trials (Wilson 1927, JASA 22:209):
 * (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n).
 * @example wilson(0, 100) // [0, 0.0370...]
 */
export function wilson(k: number, n: number, z = Z95): readonly [number, number] {
  if (n <= 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const den = 1 + z2 / n;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, (centre - half) / den), Math.min(1, (centre + half) / den)];
}

/**
 * k events in n trials: p̂ = k/n, SE = √(p̂(1−p̂)/n), Wilson 95% interval; 3/n bound when k = 0.
 * @example proportion(3, 1000).estimate // 0.003
 */
export function proportion(k: number, n: number): ProportionEstimate {
  const p = n > 0 ? k / n : 0;
  const base = {
    estimate: p,
    stdErr: n > 0 ? Math.sqrt((p * (1 - p)) / n) : Infinity,
    trials: n,
    events: k,
  };
  if (k === 0) return { ...base, ci: [0, Math.min(1, 3 / n)], upperBound: Math.min(1, 3 / n) };
  return { ...base, ci: wilson(k, n) };
}

/** A mean of i.i.d. replications: x̄, SE = s/√n, x̄ ± z·SE. */
export type MeanEstimate = {
  readonly estimate: number;
  readonly stdErr: number;
  readonly ci: readonly [number, number];
  readonly trials: number;
};

/** Mean with standard error from Σx, Σx² over n replications (sample variance, n − 1). */
export function meanEstimate(sum: number, sumSq: number, n: number): MeanEstimate {
  const mean = n > 0 ? sum / n : 0;
  const variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : Infinity;
  const se = Math.sqrt(variance / n);
  return { estimate: mean, stdErr: se, ci: [Math.max(0, mean - Z95 * se), mean + Z95 * se], trials: n };
}

/**
 * The q-quantile of sorted values by the nearest-rank method (⌈q·n⌉-th smallest).
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5) // 2
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const rank = Math.min(n, Math.max(1, Math.ceil(q * n)));
  return sorted[rank - 1] ?? NaN;
}

/** Half-width of the 95% interval relative to the estimate (Infinity while the estimate is 0). */
export function relativeHalfWidth(estimate: number, ci: readonly [number, number]): number {
  return estimate > 0 ? (ci[1] - ci[0]) / 2 / estimate : Infinity;
}

/**
 * The q-quantile of sorted values (nearest rank) with the order-statistic 95% interval
 * [x_(l), x_(u)], l = ⌊nq − z√(nq(1−q))⌋, u = ⌈nq + z√(nq(1−q))⌉ + 1, clipped to [1, n]
 * (normal approximation to the binomial count below the quantile; Conover, Practical
 * Nonparametric Statistics, 3rd ed., §3.2).
 * @example quantileWithCi(Float64Array.of(1, 2, 3, 4), 0.5).estimate // 2
 */
export function quantileWithCi(sorted: ArrayLike<number>, q: number, z = Z95): QuantileEstimate {
  const n = sorted.length;
  const centre = n * q;
  const half = z * Math.sqrt(centre * (1 - q));
  const at = (rank: number): number => sorted[Math.min(n, Math.max(1, rank)) - 1] ?? NaN;
  return { estimate: quantileSorted(sorted, q), ci: [at(Math.floor(centre - half)), at(Math.ceil(centre + half) + 1)] };
}
