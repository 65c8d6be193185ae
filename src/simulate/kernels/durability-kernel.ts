/**
 * The durability kernel: busy periods of one storage group of n shards tolerating m losses.
 *
 * With exponential shard lifetimes the group regenerates every time all n shards are up, so
 * its history is a sequence of i.i.d. cycles: an idle period Exp(nλ) with all shards up, then
 * a busy period from the first failure until every shard is rebuilt, or until more than m are
 * down at once (data loss). Rebuilds run one at a time in failure order, each taking a draw
 * from the repair distribution with mean T (the convention of the analytic Markov model,
 * src/analytic/data-protection/durability-markov.ts); while j shards are down the others fail
 * at rate (n − j)λ. Only busy periods are simulated: the idle periods are handled exactly.
 *
 * Rare losses are reached by balanced failure biasing with forcing (Shahabuddin, "Importance
 * sampling for the simulation of highly reliable Markovian systems", Management Science 40(3),
 * 1994; Nicola, Shahabuddin & Heidelberger 1993 for non-exponential repairs): while a rebuild
 * has r seconds left, the true probability that another shard fails first is
 * π = 1 − e^(−(n−j)λr); the biased run takes that branch with v = max(π, θ) and, if taken,
 * draws the failure time from the exponential truncated to [0, r). The likelihood ratio picks
 * up π/v or (1 − π)/(1 − v) per branch, so every weight is bounded and E_v[W·1{loss}] is the
 * true loss probability exactly (Rubinstein & Kroese, Simulation and the Monte Carlo Method,
 * 3rd ed., §5.7).
 */
import { DIST_EXPONENTIAL, drawDuration } from '../random/distributions.js';
import { rngFor, type Rng } from '../random/rng.js';
import type { DurabilityParams } from '../compile/data-loss-setup.js';

/** θ: biased probability of the failure branch (balanced failure biasing). */
export const FAILURE_BIAS = 0.5;

/** Sums over one chunk of busy periods. */
export type DurabilitySums = {
  /** Busy periods run for the loss probability (biased when `biased`). */
  readonly trials: number;
  readonly hits: number;
  /** Σ W·1{loss}, Σ (W·1{loss})². */
  readonly sumW: number;
  readonly sumW2: number;
  /** Unbiased busy periods run for the mean busy time (the same count). */
  readonly naiveHits: number;
  /** Σ B, Σ B² of their lengths (until rebuilt or lost), seconds. */
  readonly sumB: number;
  readonly sumB2: number;
};

/** One busy period: 1 if it ends in loss; its length and log-likelihood ratio in `out`. */
function busyPeriod(p: DurabilityParams, rng: Rng, biased: boolean, out: Float64Array): number {
  const {
    shards: n,
    tolerated: m,
    failureRatePerSecond: lambda,
    rebuildSeconds: mean,
    repairKind: kind,
    repairParam: param,
  } = p;
  const draw = (): number =>
    kind === DIST_EXPONENTIAL ? -mean * Math.log(rng.uniform53()) : drawDuration(rng, kind, param, mean);
  let j = 1;
  let t = 0;
  let logW = 0;
  let r = draw();
  for (;;) {
    const a = (n - j) * lambda;
    const pi = -Math.expm1(-a * r);
    const v = biased && pi < FAILURE_BIAS ? FAILURE_BIAS : pi;
    if (rng.uniform53() < v) {
      // Another shard fails first, at e ~ Exp(a) truncated to [0, r): F(e) = (1 − e^(−ae)) / π.
      if (v !== pi) logW += Math.log(pi / v);
      const e = -Math.log1p(-rng.uniform53() * pi) / a;
      t += e;
      r -= e;
      j++;
      if (j > m) {
        out[0] = t;
        out[1] = logW;
        return 1;
      }
    } else {
      if (v !== pi) logW += Math.log1p(-pi) - Math.log1p(-v);
      t += r;
      j--;
      if (j === 0) {
        out[0] = t;
        out[1] = logW;
        return 0;
      }
      r = draw();
    }
  }
}

/**
 * Runs `trials` busy periods for the loss probability and `trials` unbiased ones for the mean
 * busy time, from the generator of (seed, stream, chunk).
 * @example runDurabilityChunk(params, 1, 3, 0, 4096).sumW / 4096 // P(a busy period ends in loss)
 */
export function runDurabilityChunk(
  p: DurabilityParams,
  seed: number,
  stream: number,
  chunk: number,
  trials: number,
): DurabilitySums {
  const rng = rngFor(seed, stream, chunk);
  const out = new Float64Array(2);
  let naiveHits = 0;
  let sumB = 0;
  let sumB2 = 0;
  for (let i = 0; i < trials; i++) {
    naiveHits += busyPeriod(p, rng, false, out);
    const b = out[0] ?? 0;
    sumB += b;
    sumB2 += b * b;
  }
  if (!p.biased) return { trials, hits: naiveHits, sumW: naiveHits, sumW2: naiveHits, naiveHits, sumB, sumB2 };
  let hits = 0;
  let sumW = 0;
  let sumW2 = 0;
  for (let i = 0; i < trials; i++) {
    if (busyPeriod(p, rng, true, out) === 0) continue;
    const w = Math.exp(out[1] ?? 0);
    hits++;
    sumW += w;
    sumW2 += w * w;
  }
  return { trials, hits, sumW, sumW2, naiveHits, sumB, sumB2 };
}
