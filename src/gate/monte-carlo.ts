/**
 * Deciding a target from a Monte Carlo 95% interval [lo, hi] of the compared quantity.
 */
import { meets, type Operator } from './comparison.js';
import type { McDecision } from './types.js';

export type McOutcome = {
  readonly decision: 'pass' | 'fail' | 'inconclusive';
  /** The value the decision used. */
  readonly decidingValue: number;
  /** The threshold lies inside the interval: one bound meets the target, the other misses it. */
  readonly straddles: boolean;
  readonly trialsNeeded: number | null;
};

/**
 * Decides `estimate operator threshold` from a 95% interval.
 *
 * The unfavourable bound is hi for `<=` (lower is better) and lo for `>=`.
 * - pessimistic: pass when the unfavourable bound meets the threshold, fail when even the
 *   favourable bound misses it, inconclusive when the interval straddles it;
 * - point: the estimate alone decides;
 * - optimistic: the favourable bound decides.
 *
 * Trials that would settle a straddle: the half-width h shrinks as 1/√N, so the interval clears
 * the threshold when h·√(N/N′) < |estimate − threshold|, i.e.
 * N′ ≈ N·(h / |estimate − threshold|)² (rounded up); null when the estimate equals the threshold.
 * @example decideMonteCarlo({ estimate: 4e-4, ci: [3e-4, 6e-4], trials: 1e6 }, '<=', 5e-4, 'pessimistic') // inconclusive, trialsNeeded 2.25e6
 */
export function decideMonteCarlo(
  interval: { readonly estimate: number; readonly ci: readonly [number, number]; readonly trials: number },
  operator: Operator,
  threshold: number,
  mode: McDecision,
): McOutcome {
  const [lo, hi] = interval.ci;
  const favourable = operator === '<=' ? lo : hi;
  const unfavourable = operator === '<=' ? hi : lo;
  const straddles = meets(favourable, operator, threshold) && !meets(unfavourable, operator, threshold);
  const distance = Math.abs(interval.estimate - threshold);
  const halfWidth = (hi - lo) / 2;
  const trialsNeeded = straddles && distance > 0 ? Math.ceil(interval.trials * (halfWidth / distance) ** 2) : null;
  let decision: McOutcome['decision'];
  let decidingValue: number;
  switch (mode) {
    case 'pessimistic':
      decidingValue = unfavourable;
      decision = meets(unfavourable, operator, threshold)
        ? 'pass'
        : meets(favourable, operator, threshold)
          ? 'inconclusive'
          : 'fail';
      break;
    case 'point':
      decidingValue = interval.estimate;
      decision = meets(interval.estimate, operator, threshold) ? 'pass' : 'fail';
      break;
    case 'optimistic':
      decidingValue = favourable;
      decision = meets(favourable, operator, threshold) ? 'pass' : 'fail';
      break;
    default: {
      const never: never = mode;
      throw new Error(`unknown decision ${String(never)}`);
    }
  }
  return { decision, decidingValue, straddles, trialsNeeded };
}
