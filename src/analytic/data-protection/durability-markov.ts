import { SECONDS_PER_YEAR } from '../../units/conventions.js';
import { cappedExp, figuresFromLogs } from './durability-figures.js';
import type { ShardGroup } from './durability-window.js';
import { logPoissonAtLeastOne } from '../log-math.js';
import { logMarkovMttdlSeries } from './durability-markov-series.js';
import type { MarkovDurability } from './types.js';

/**
 * log MTTDL of one group as a birth–death chain: state j = shards down, failure rate
 * b_j = (n − j)·λ, one repair at a time at rate μ, absorbing at m + 1 down. The mean time to
 * absorption from state 0 is (standard birth–death result, e.g. Trivedi, "Probability and
 * Statistics with Reliability, Queuing and Computer Science Applications", §8.4)
 *   MTTDL = Σ_{i=0..m} Σ_{j=0..i} (1 / b_j) · Π_{k=j+1..i} (μ / b_k),
 * every term positive, summed in log space. Mirror (n = 2, m = 1): (3λ + μ) / (2λ²).
 * @example Math.exp(logMarkovMttdl(2, 1, 1e-5, 0.1)) // (3e-5 + 0.1) / 2e-10 = 5.0015e8
 */
export function logMarkovMttdl(n: number, m: number, lambda: number, mu: number): number {
  return m <= RECURRENCE_MAX ? logMarkovMttdlRecurrence(n, m, lambda, mu) : logMarkovMttdlSeries(n, m, lambda, mu);
}

/**
 * Up to this many tolerated failures the O(m) recurrence (exact, microseconds); beyond, the
 * closed form of durability-markov-series.ts, whose cost does not grow with m (a tier of 10⁹
 * nodes holding n − k + 1 copies tolerates ~10⁹ losses).
 */
export const RECURRENCE_MAX = 100_000;

/** {@link logMarkovMttdl} by the one-pass recurrence over the m + 1 transient states. */
export function logMarkovMttdlRecurrence(n: number, m: number, lambda: number, mu: number): number {
  // T_i = Σ_{j≤i} (1/b_j) Π_{k=j+1..i} (μ/b_k) obeys T_i = T_{i−1}·μ/b_i + 1/b_i, so the double
  // sum is one pass: MTTDL = Σ_i T_i, each step a log-sum of two positive terms.
  const logMu = Math.log(mu);
  let logT = -Infinity;
  let logSum = -Infinity;
  for (let i = 0; i <= m; i++) {
    const logB = Math.log((n - i) * lambda);
    logT = logAddExp(logT + logMu - logB, -logB);
    logSum = logAddExp(logSum, logT);
  }
  return logSum;
}

/** log(e^a + e^b), stable. */
function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const hi = Math.max(a, b);
  return hi + Math.log1p(Math.exp(Math.min(a, b) - hi));
}

/**
 * Markov model: MTTDL of one group from {@link logMarkovMttdl} with μ = 1 / rebuild time;
 * G groups divide it by G; P(loss within a year) = 1 − e^(−year / MTTDL).
 * @example markovDurability({ shards: 2, tolerated: 1, failureRatePerSecond: 1e-9,
 *   rebuildSeconds: 86_400, groups: 1, bytesPerGroup: 1 }).groupMttdlSeconds // (3e-9 + 1/86 400) / 2e-18 ≈ 5.789e12
 */
export function markovDurability(group: ShardGroup): MarkovDurability {
  const mu = 1 / group.rebuildSeconds;
  const logGroup = logMarkovMttdl(group.shards, group.tolerated, group.failureRatePerSecond, mu);
  const logTotal = logGroup - Math.log(group.groups);
  const logAnnual = logPoissonAtLeastOne(Math.log(SECONDS_PER_YEAR) - logTotal);
  return {
    ...figuresFromLogs(logAnnual, logTotal, group.bytesPerGroup),
    groupMttdlSeconds: cappedExp(logGroup),
    failureRatePerSecond: group.failureRatePerSecond,
    repairRatePerSecond: mu,
  };
}
