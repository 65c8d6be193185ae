/**
 * Chernoff bounds on the tails of X = Σ Binomial(count_c, q_c), used to skip a convolution
 * whose answer is below the smallest double anyway (a tier of a million nodes needing 60% of
 * them up: P(down) < e⁻⁷⁴⁶ is 0 in floating point, and no pmf need be built to say so).
 */
import type { NodeClass } from './poisson-binomial.js';

/** Below this log-probability a double is 0 (the smallest subnormal is e^−744.4). */
export const LOG_ZERO = -746;

/**
 * log of the Chernoff bound on P(X ≤ x) (side 'lower', x below the mean) or P(X ≥ x)
 * ('upper', x above the mean): min over t ≥ 0 of ∓t·x + Σ count·log(1 + q·(e^(±t) − 1))
 * (Chernoff 1952), the minimum found by bisection on the derivative (the exponent is convex).
 * Returns 0 (the trivial bound) when x is on the other side of the mean.
 * @example Math.exp(logChernoff([{ q: 0.5, count: 100 }], 10, 'lower')) // ≥ P(X ≤ 10), ≈ 2.4e-17
 */
export function logChernoff(classes: readonly NodeClass[], x: number, side: 'lower' | 'upper'): number {
  const sign = side === 'lower' ? -1 : 1;
  const mean = classes.reduce((s, c) => s + c.count * c.q, 0);
  if (sign * (x - mean) <= 0) return 0;
  const exponent = (t: number): number => {
    let s = -sign * t * x;
    for (const c of classes) s += c.count * Math.log1p(c.q * Math.expm1(sign * t));
    return s;
  };
  // d/dt: −sign·x + Σ count·sign·q·e^(sign·t) / (1 + q·(e^(sign·t) − 1)), increasing in t.
  const slope = (t: number): number => {
    let s = -sign * x;
    const e = Math.exp(sign * t);
    for (const c of classes) s += (c.count * sign * c.q * e) / (1 + c.q * (e - 1));
    return s;
  };
  let lo = 0;
  let hi = 1;
  while (slope(hi) < 0 && hi < 700) hi *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (slope(mid) < 0) lo = mid;
    else hi = mid;
  }
  return Math.min(0, exponent(hi), exponent(lo));
}

/**
 * Is the Chernoff bound on the tail below `limit` (a log-probability)? The tail holds the
 * extreme outcome, no node down (side 'lower') or every node down ('upper'), so its log is at
 * least Σ count·log(1 − q), or Σ count·log q, and so is the bound: when that is above the limit
 * (every tier of a few nodes), the bisection of {@link logChernoff} is not needed to say no.
 * @example chernoffBelow([{ q: 0.01, count: 3 }], 2, 'upper', LOG_ZERO) // false: P(X = 3) = 1e-6
 */
export function chernoffBelow(
  classes: readonly NodeClass[],
  x: number,
  side: 'lower' | 'upper',
  limit: number,
): boolean {
  let extreme = 0;
  for (const c of classes) extreme += c.count * (side === 'lower' ? Math.log1p(-c.q) : Math.log(c.q));
  // A margin of 1 in log space: far above the rounding of either sum.
  if (extreme > limit + 1) return false;
  return logChernoff(classes, x, side) < limit;
}
