/**
 * The simulated goodput of a checkpointed job (kernels/goodput-kernel.ts runs the
 * replications): goodput = work / wall time, estimated as τ / mean wall time per segment (a
 * ratio estimator: replications are i.i.d., SE by the delta method).
 */
import { type GoodputSimulationSpec, runGoodputReplications } from '../kernels/goodput-kernel.js';
import { meanEstimate, Z95 } from './estimators.js';

export type GoodputEstimate = {
  readonly estimate: number;
  readonly stdErr: number;
  readonly ci: readonly [number, number];
  /** Replications (each `segments` checkpoints long). */
  readonly trials: number;
  readonly interruptions: number;
};

/**
 * @example simulateGoodput({ checkpointEverySeconds: 1800, checkpointCostSeconds: 20,
 *   restartSeconds: 300, mtbiSeconds: 11_135 }, { seed: 1, replications: 400, segments: 200 }).estimate // ≈ 0.886
 */
export function simulateGoodput(
  spec: GoodputSimulationSpec,
  options: { readonly seed: number; readonly replications: number; readonly segments: number },
): GoodputEstimate {
  const tau = spec.checkpointEverySeconds;
  const { sum, sumSq, interruptions } = runGoodputReplications(spec, options);
  // Wall time per segment W̄ ± SE; goodput τ/W̄ with SE τ·SE(W̄)/W̄² (delta method).
  const wall = meanEstimate(sum, sumSq, options.replications);
  const estimate = tau / wall.estimate;
  const stdErr = (estimate * wall.stdErr) / wall.estimate;
  return {
    estimate,
    stdErr,
    ci: [estimate - Z95 * stdErr, estimate + Z95 * stdErr],
    trials: options.replications,
    interruptions,
  };
}

/** A job's simulated goodput against the analytic (Daly) figure. */
export type JobSimulation = {
  readonly tier: string;
  readonly checkpointEverySeconds: number;
  readonly goodput: GoodputEstimate;
  readonly analytic: number;
  /** |estimate − analytic| ≤ 4 SE. */
  readonly agrees: boolean;
};

/** Simulates a job's goodput and compares it with `analytic`. */
export function checkJobGoodput(
  tier: string,
  spec: GoodputSimulationSpec,
  analytic: number,
  seed: number,
): JobSimulation {
  const goodput = simulateGoodput(spec, { seed, replications: 400, segments: 200 });
  return {
    tier,
    checkpointEverySeconds: spec.checkpointEverySeconds,
    goodput,
    analytic,
    agrees: Math.abs(goodput.estimate - analytic) <= 4 * goodput.stdErr,
  };
}
