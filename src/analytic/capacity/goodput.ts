/**
 * Goodput of a training job that needs all its accelerators at once and restarts from its
 * last checkpoint after any interruption (DESIGN §4; Young 1974, Daly 2006).
 *
 * Notation: τ compute between checkpoints, δ time to write one, R restart, M the job's mean
 * time between interruptions (exponential: interruptions form a Poisson process of rate 1/M,
 * during compute, checkpoints and restarts alike).
 *
 * - First order (Young 1974): waste ≈ δ/τ + (τ/2 + R)/M; optimum τ_Y = √(2δM).
 * - Complete model (Daly 2006, "A higher order estimate of the optimum checkpoint interval for
 *   restart dumps", FGCS 22(3)): a segment of w = τ + δ costs in expectation
 *   E[W] = M·e^(R/M)·(e^(w/M) − 1) of wall time, so goodput G(τ) = τ / E[W] exactly;
 *   optimum τ_D = √(2δM)·[1 + ⅓·√(δ/2M) + (1/9)·(δ/2M)] − δ for δ < 2M, else M.
 */
import type { Job } from '../../model/types.js';

export type GoodputAt = {
  readonly checkpointEverySeconds: number;
  /** Exact (complete model) share of wall time that advances training. */
  readonly goodput: number;
  /** First-order goodput 1 − δ/τ − (τ/2 + R)/M (can be negative when M is short). */
  readonly firstOrderGoodput: number;
};

export type JobResult = {
  readonly tier: string;
  /** Accelerators the job needs at once. */
  readonly nodes: number;
  readonly interruptionsPerDay: number;
  readonly mtbiSeconds: number;
  readonly checkpointCostSeconds: number;
  readonly restartSeconds: number;
  /** First-order lost time per interruption: τ/2 + R. */
  readonly lostPerInterruptionSeconds: number;
  /** Exact expected wall time lost per interruption: (E[W] − w)·M / E[W]. */
  readonly exactLostPerInterruptionSeconds: number;
  readonly current: GoodputAt;
  /** At Young's and Daly's optimum; null when nothing interrupts the job (M = ∞). */
  readonly young: GoodputAt | null;
  readonly daly: GoodputAt | null;
};

/**
 * G(τ) = τ / (M·e^(R/M)·(e^((τ+δ)/M) − 1)), with expm1 so that long M loses no digits.
 * @example dalyGoodput(1800, 20, 600, Infinity) // 1800 / 1820 (no interruptions: only checkpoints)
 */
export function dalyGoodput(tau: number, delta: number, restart: number, mtbi: number): number {
  if (!Number.isFinite(mtbi)) return tau / (tau + delta);
  return tau / (mtbi * Math.exp(restart / mtbi) * Math.expm1((tau + delta) / mtbi));
}

/** 1 − δ/τ − (τ/2 + R)/M. */
export function firstOrderGoodput(tau: number, delta: number, restart: number, mtbi: number): number {
  return 1 - delta / tau - (tau / 2 + restart) / mtbi;
}

/** τ_Y = √(2δM) (Young 1974). */
export function youngInterval(delta: number, mtbi: number): number {
  return Math.sqrt(2 * delta * mtbi);
}

/** τ_D = √(2δM)·[1 + ⅓√(δ/2M) + (δ/2M)/9] − δ for δ < 2M, else M (Daly 2006). */
export function dalyInterval(delta: number, mtbi: number): number {
  if (delta >= 2 * mtbi) return mtbi;
  const x = delta / (2 * mtbi);
  return Math.sqrt(2 * delta * mtbi) * (1 + Math.sqrt(x) / 3 + x / 9) - delta;
}

function at(tau: number, job: Job, mtbi: number): GoodputAt {
  return {
    checkpointEverySeconds: tau,
    goodput: dalyGoodput(tau, job.checkpointCostSeconds, job.restartSeconds, mtbi),
    firstOrderGoodput: firstOrderGoodput(tau, job.checkpointCostSeconds, job.restartSeconds, mtbi),
  };
}

/** Goodput figures of a job interrupted at rate `interruptionRate` (per second). */
export function analyzeJob(tier: string, nodes: number, job: Job, interruptionRate: number): JobResult {
  const M = interruptionRate > 0 ? 1 / interruptionRate : Infinity;
  const tau = job.checkpointEverySeconds;
  const w = tau + job.checkpointCostSeconds;
  const wall = Number.isFinite(M) ? M * Math.exp(job.restartSeconds / M) * Math.expm1(w / M) : w;
  return {
    tier,
    nodes,
    interruptionsPerDay: interruptionRate * 86_400,
    mtbiSeconds: M,
    checkpointCostSeconds: job.checkpointCostSeconds,
    restartSeconds: job.restartSeconds,
    lostPerInterruptionSeconds: tau / 2 + job.restartSeconds,
    exactLostPerInterruptionSeconds: Number.isFinite(M) ? ((wall - w) * M) / wall : 0,
    current: at(tau, job, M),
    young: Number.isFinite(M) ? at(youngInterval(job.checkpointCostSeconds, M), job, M) : null,
    daly: Number.isFinite(M) ? at(dalyInterval(job.checkpointCostSeconds, M), job, M) : null,
  };
}
