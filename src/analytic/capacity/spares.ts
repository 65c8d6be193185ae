/**
 * Hot spares for a tier that must stay whole (DESIGN §4, "Capacity over time").
 *
 * A tier of n nodes needing k, with s hot spares: a failed node is replaced by a spare at
 * once and repaired in the background, so n + s nodes alternate independently between up and
 * in repair, and the tier is short when fewer than k are up. With each node down with
 * probability q = MTTR / (MTBF + MTTR), the number in repair X ~ Binomial(n + s, q) exactly
 * (independent alternating renewal nodes with unlimited repair crews, whatever the shapes of
 * the distributions), so P(shortage) = P(X > n + s − k) and E[X] = (n + s)·q. The availability
 * engine sees the same n + s nodes (with zones), so the two agree when no zone fails.
 * Poisson((n + s)·q) is within (n + s)·q² of it in total variation (Le Cam 1960); the
 * textbook Poisson(n·λ·MTTR) also leaves out the spares' own failures.
 */
import type { Tier } from '../../model/types.js';
import { binomialRange } from '../availability/binomial.js';

export type SparesResult = {
  readonly tier: string;
  /** n: nodes the tier runs on (without spares). */
  readonly nodes: number;
  readonly spares: number;
  readonly minHealthy: number;
  /** q of one node. */
  readonly nodeUnavailability: number;
  /** P(fewer than k of n + s up), node failures only (zones up). */
  readonly shortageProbability: number;
  /** The same without the spares: P(fewer than k of n up). */
  readonly shortageProbabilityWithoutSpares: number;
  /** E[X] = (n + s)·q: nodes in repair on average. */
  readonly expectedInRepair: number;
  /** Spares needed to bring P(shortage) below each probability; null beyond the search limit. */
  readonly sparesNeeded: readonly { readonly probability: number; readonly spares: number | null }[];
};

/** Probabilities the spares table answers for, plus the tier's own target if any. */
export const SPARE_PROBABILITIES: readonly number[] = [1e-2, 1e-3, 1e-4, 1e-6];

/**
 * P(fewer than k of n + s nodes up) for nodes down with probability q each.
 * @example shortageProbability(2, 1, 2, 0.1) // P(Bin(3, 0.1) ≥ 2) = 3·0.01·0.9 + 0.001 = 0.028
 */
export function shortageProbability(n: number, s: number, k: number, q: number): number {
  const total = n + s;
  if (k <= 0) return 0;
  if (k > total) return 1;
  return binomialRange(total, q, total - k + 1, total);
}

/**
 * Least s with P(shortage) < p: P falls as s grows, so a doubling then bisection search.
 * @example sparesFor(16384, 16384, 1e-4, 1e-3) // the Poisson(1.64) 0.999 quantile, 6
 */
export function sparesFor(n: number, k: number, q: number, p: number, limit = 1_000_000): number | null {
  const short = (s: number): boolean => shortageProbability(n, s, k, q) >= p;
  if (!short(0)) return 0;
  let hi = 1;
  while (short(hi)) {
    hi *= 2;
    if (hi > limit) return null;
  }
  let lo = hi / 2;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (short(mid)) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Spares figures of a tier (its own failure spec; node groups that override it are ignored). */
export function analyzeSpares(tier: Tier, extraProbabilities: readonly number[] = []): SparesResult {
  const s = tier.spares ?? 0;
  const n = tier.nodes - s;
  const k = tier.minHealthy;
  const q = tier.failure.unavailability;
  const probabilities = [...new Set([...SPARE_PROBABILITIES, ...extraProbabilities])].sort((a, b) => b - a);
  return {
    tier: tier.name,
    nodes: n,
    spares: s,
    minHealthy: k,
    nodeUnavailability: q,
    shortageProbability: shortageProbability(n, s, k, q),
    shortageProbabilityWithoutSpares: shortageProbability(n, 0, k, q),
    expectedInRepair: (n + s) * q,
    sparesNeeded: probabilities.map((probability) => ({ probability, spares: sparesFor(n, k, q, probability) })),
  };
}
