import { SECONDS_PER_YEAR } from '../../units/conventions.js';
import { figuresFromLogs } from './durability-figures.js';
import { log1mExp, logAtLeastOnce, logBinomialTails } from '../log-math.js';
import type { WindowDurability } from './types.js';

/** A storage group: n shards (replicas or data + parity) of which m may be lost. */
export type ShardGroup = {
  readonly shards: number;
  readonly tolerated: number;
  /** λ: failures per second of one shard. */
  readonly failureRatePerSecond: number;
  /** T: time to rebuild one lost shard. */
  readonly rebuildSeconds: number;
  /** G: independent groups the data is spread over. */
  readonly groups: number;
  /** Bytes of user data in one group. */
  readonly bytesPerGroup: number;
};

/**
 * Window model (Backblaze, "Backblaze Durability is 99.999999999%", 2018; their
 * erasure-coding-durability calculator): per-shard p = 1 − e^(−λT) = −expm1(−λT);
 * P_w = P(more than m of n fail within T), binomial tail in log space; over a year of
 * 365 d / T windows and G groups, P = 1 − (1 − P_w)^(G·365 d/T). MTTDL = T / (−G·ln(1 − P_w)).
 * @example windowDurability({ shards: 20, tolerated: 3, failureRatePerSecond: 0.00405 / 31_536_000,
 *   rebuildSeconds: 6.5 * 86_400, groups: 1, bytesPerGroup: 1 }).nines // 11
 */
export function windowDurability(group: ShardGroup): WindowDurability {
  const { shards: n, tolerated: m, failureRatePerSecond: lambda, rebuildSeconds: t, groups } = group;
  const p = -Math.expm1(-lambda * t);
  const { logUpper: logWindow } = logBinomialTails(n, m, p);
  const windowsPerYear = SECONDS_PER_YEAR / t;
  const logAnnual = logAtLeastOnce(logWindow, windowsPerYear * groups);
  // −ln(1 − P_w): first order P_w when tiny, exact otherwise.
  const logNegLog1m = logWindow < -700 ? logWindow : Math.log(-log1mExp(logWindow));
  const logMttdl = Math.log(t) - Math.log(groups) - logNegLog1m;
  const windowProbability = Math.exp(logWindow);
  return {
    ...figuresFromLogs(logAnnual, logMttdl, group.bytesPerGroup),
    shardFailureProbability: p,
    windowLossProbability: windowProbability,
    log10WindowLossProbability: windowProbability > 0 ? Math.log10(windowProbability) : logWindow / Math.LN10,
    windowsPerYear,
  };
}
