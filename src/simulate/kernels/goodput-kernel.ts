/**
 * Timeline simulation of a checkpointed job (the referee of Daly's complete model, see
 * src/analytic/capacity/goodput.ts): interruptions arrive as a Poisson process of rate 1/M at
 * any time (compute, checkpoint or restart); the job computes τ then writes a checkpoint for
 * δ; an interruption loses everything since the last completed checkpoint and costs a restart
 * R (itself restarted if interrupted). Each replication runs until `segments` checkpoints are
 * done; goodput = work / wall time, estimated as τ / mean wall time per segment (a ratio
 * estimator: replications are i.i.d., SE by the delta method).
 */
import { meanEstimate, Z95 } from '../estimate/estimators.js';
import { rngFor, type Rng } from '../random/rng.js';

export type GoodputSimulationSpec = {
  readonly checkpointEverySeconds: number;
  readonly checkpointCostSeconds: number;
  readonly restartSeconds: number;
  readonly mtbiSeconds: number;
};

export type GoodputEstimate = {
  readonly estimate: number;
  readonly stdErr: number;
  readonly ci: readonly [number, number];
  /** Replications (each `segments` checkpoints long). */
  readonly trials: number;
  readonly interruptions: number;
};

const STREAM_GOODPUT = 0x600d;

/**
 * @example simulateGoodput({ checkpointEverySeconds: 1800, checkpointCostSeconds: 20,
 *   restartSeconds: 300, mtbiSeconds: 11_135 }, { seed: 1, replications: 400, segments: 200 }).estimate // ≈ 0.886
 */
export function simulateGoodput(
  spec: GoodputSimulationSpec,
  options: { readonly seed: number; readonly replications: number; readonly segments: number },
): GoodputEstimate {
  const tau = spec.checkpointEverySeconds;
  const w = tau + spec.checkpointCostSeconds;
  const R = spec.restartSeconds;
  const M = spec.mtbiSeconds;
  let sum = 0;
  let sumSq = 0;
  let interruptions = 0;
  for (let r = 0; r < options.replications; r++) {
    const rng = rngFor(options.seed, STREAM_GOODPUT, r);
    let clock = 0;
    let nextFailure = exp(rng, M);
    for (let done = 0; done < options.segments; ) {
      if (clock + w <= nextFailure) {
        clock += w;
        done++;
        continue;
      }
      // Interrupted: the partial segment is lost; restart until R passes uninterrupted.
      clock = nextFailure;
      interruptions++;
      nextFailure = clock + exp(rng, M);
      while (nextFailure < clock + R) {
        clock = nextFailure;
        interruptions++;
        nextFailure = clock + exp(rng, M);
      }
      clock += R;
    }
    const perSegment = clock / options.segments;
    sum += perSegment;
    sumSq += perSegment * perSegment;
  }
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

function exp(rng: Rng, mean: number): number {
  return Number.isFinite(mean) ? -mean * Math.log(rng.uniform()) : Infinity;
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
