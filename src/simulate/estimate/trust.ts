/**
 * Whether a Monte Carlo figure can be trusted at all (the gate's and the simulator's rule). An interval is only as good as the
 * estimator behind it: a zero-width interval from a collapsed importance sampler, a tiny
 * effective sample size, or an estimate that disagrees with the exact analytic figure says
 * nothing about the threshold, so the gate calls such a target inconclusive (exit 3).
 */

/** The fields of a simulated unavailability the gate judges (see UnavailabilityEstimate). */
export type McEstimate = {
  readonly estimate: number;
  readonly stdErr: number;
  readonly ci: readonly [number, number];
  readonly trials: number;
  readonly events?: number;
  readonly estimator?: 'naive' | 'importance-sampling';
  readonly effectiveSampleSize?: number;
  readonly analytic?: number;
  readonly agrees?: boolean;
};

/** Below this Kish effective sample size an importance-sampling interval is not trusted. */
export const MIN_EFFECTIVE_SAMPLE_SIZE = 100;

/**
 * Why the estimator collapsed, or `undefined`: no finite standard error, an importance-sampling
 * effective sample size below 100, or a zero-width interval despite events that the analytic
 * figure contradicts. (A zero-width interval alone can be exact: a cut-set proposal whose
 * weights are all equal, as for a single cut set, has zero variance.)
 * @example collapsed({ estimate: 1e-214, stdErr: 0, ci: [1e-214, 1e-214], trials: 1e6, events: 3, analytic: 1.5e-19, agrees: false }) // 'a degenerate (zero-width) interval from 3 events'
 */
export function collapsed(e: McEstimate): string | undefined {
  const [lo, hi] = e.ci;
  if (![e.estimate, e.stdErr, lo, hi].every(Number.isFinite)) return 'the estimate has no finite standard error';
  if (e.estimator === 'importance-sampling' && (e.effectiveSampleSize ?? 0) < MIN_EFFECTIVE_SAMPLE_SIZE) {
    return `an effective sample size of only ${Math.round(e.effectiveSampleSize ?? 0)} (needs ${MIN_EFFECTIVE_SAMPLE_SIZE})`;
  }
  if (degenerate(e) && e.agrees === false) return degenerateReason(e);
  return undefined;
}

/**
 * Why the figure cannot decide a target, or `undefined` when it can: a collapse (above), a
 * zero-width interval that no analytic figure confirms, or an estimate more than 4 standard
 * errors from the exact analytic figure.
 * @example distrust({ estimate: 1e-5, stdErr: 1e-7, ci: [9.8e-6, 1.02e-5], trials: 1e9, analytic: 2e-5, agrees: false }) // 'the estimate 1.00e-5 disagrees …'
 */
export function distrust(e: McEstimate): string | undefined {
  const collapse = collapsed(e);
  if (collapse !== undefined) return collapse;
  if (degenerate(e) && e.agrees !== true) return degenerateReason(e);
  if (e.agrees === false && e.analytic !== undefined) {
    const z = e.stdErr > 0 ? Math.abs(e.estimate - e.analytic) / e.stdErr : Infinity;
    return `the estimate ${e.estimate.toPrecision(3)} disagrees with the analytic ${e.analytic.toPrecision(3)} (${Number.isFinite(z) ? z.toFixed(1) : '∞'} standard errors)`;
  }
  return undefined;
}

/** Events were seen, yet the interval has no width. */
function degenerate(e: McEstimate): boolean {
  return (e.events ?? 0) > 0 && !(e.ci[1] > e.ci[0]);
}

function degenerateReason(e: McEstimate): string {
  return `a degenerate (zero-width) interval from ${(e.events ?? 0).toLocaleString('en-US')} events`;
}
