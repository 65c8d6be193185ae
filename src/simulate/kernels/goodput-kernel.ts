/**
 * Timeline simulation of a checkpointed job (the referee of Daly's complete model, see
 * src/analytic/capacity/goodput.ts): interruptions arrive as a Poisson process of rate 1/M at
 * any time (compute, checkpoint or restart); the job computes τ then writes a checkpoint for
 * δ; an interruption loses everything since the last completed checkpoint and costs a restart
 * R (itself restarted if interrupted). Each replication runs until `segments` checkpoints are
 * done and yields its wall time per segment; estimate/goodput.ts turns the sums into goodput.
 */
import { rngFor, type Rng } from '../random/rng.js';

export type GoodputSimulationSpec = {
  readonly checkpointEverySeconds: number;
  readonly checkpointCostSeconds: number;
  readonly restartSeconds: number;
  readonly mtbiSeconds: number;
};

/** Σ W, Σ W² of the wall time W per segment over the replications, and the interruptions. */
export type GoodputSums = { readonly sum: number; readonly sumSq: number; readonly interruptions: number };

const STREAM_GOODPUT = 0x600d;

/**
 * Runs `replications` i.i.d. replications of `segments` checkpoint segments each.
 * @example runGoodputReplications({ checkpointEverySeconds: 1800, checkpointCostSeconds: 20,
 *   restartSeconds: 300, mtbiSeconds: Infinity }, { seed: 1, replications: 2, segments: 10 }).sum // 3640
 */
export function runGoodputReplications(
  spec: GoodputSimulationSpec,
  options: { readonly seed: number; readonly replications: number; readonly segments: number },
): GoodputSums {
  const w = spec.checkpointEverySeconds + spec.checkpointCostSeconds;
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
  return { sum, sumSq, interruptions };
}

function exp(rng: Rng, mean: number): number {
  return Number.isFinite(mean) ? -mean * Math.log(rng.uniform()) : Infinity;
}
