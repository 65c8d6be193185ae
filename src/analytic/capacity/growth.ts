/**
 * Compound growth and the time it crosses a limit (DESIGN §4, "Capacity over time").
 */
import type { Growth } from '../../model/types.js';

/**
 * x(t) = x0 · (1 + g)^(t / P).
 * @example grownAt(1500, { rate: 0.4, periodSeconds: 31_536_000 }, 31_536_000) // 2100
 */
export function grownAt(x0: number, growth: Growth | undefined, t: number): number {
  if (growth === undefined || growth.rate === 0) return x0;
  return x0 * Math.exp((t / growth.periodSeconds) * Math.log1p(growth.rate));
}

/**
 * The first t ≥ 0 at which x(t) = x0 · (1 + g)^(t / P) exceeds `limit`:
 * t* = P · ln(limit / x0) / ln(1 + g); 0 when x0 already exceeds it; Infinity when it never does.
 * @example crossingTime(1500, { rate: 0.4, periodSeconds: 31_536_000 }, 2100) // 31_536_000
 */
export function crossingTime(x0: number, growth: Growth | undefined, limit: number): number {
  if (x0 > limit) return 0;
  if (growth === undefined || growth.rate === 0 || x0 <= 0) return Infinity;
  return (growth.periodSeconds * Math.log(limit / x0)) / Math.log1p(growth.rate);
}
