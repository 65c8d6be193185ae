import { SECONDS_PER_YEAR } from '../../units/conventions.js';
import { cappedExp, figuresFromLogs } from './durability-figures.js';
import type { ShardGroup } from './durability-window.js';
import { logPoissonAtLeastOne, logSumExp } from '../log-math.js';
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
  const logB = (j: number): number => Math.log((n - j) * lambda);
  const logMu = Math.log(mu);
  const terms: number[] = [];
  for (let i = 0; i <= m; i++) {
    // Σ_{k=j+1..i} (log μ − log b_k), built from j = i downwards.
    let ratio = 0;
    for (let j = i; j >= 0; j--) {
      terms.push(ratio - logB(j));
      ratio += logMu - logB(j);
    }
  }
  return logSumExp(terms);
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
