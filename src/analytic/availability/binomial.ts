/**
 * Binomial probabilities for k-of-n tiers, accurate in both tails: each term is computed in
 * log space (or exactly in linear space when nothing can under- or overflow) and tails are
 * sums of positive terms, never complements.
 */
import { logBinomialPmfLoader, logChoose } from '../log-math.js';

export { logChoose };

/** Below this, exp() underflows to 0 (exp(−745.2) is the smallest subnormal). */
const LOG_UNDERFLOW = -745.2;

/** C(n, j) as a double by the running product (exact for small results, ~m ulps otherwise). */
function choose(n: number, j: number): number {
  const m = Math.min(j, n - j);
  let c = 1;
  for (let i = 1; i <= m; i++) c = (c * (n - m + i)) / i;
  return c;
}

/**
 * P(X = j) for X ~ Binomial(n, p): C(n, j) p^j (1 − p)^(n − j).
 * Linear space when safe (so p itself comes back exactly for n = j = 1), log space otherwise;
 * beyond 64 factors Loader's O(1) saddle-point form, so a tier of 10⁹ nodes costs no more.
 * @example binomialPmf(1, 1, 1e-15) // 1e-15
 */
export function binomialPmf(n: number, j: number, p: number): number {
  if (j < 0 || j > n) return 0;
  if (p <= 0) return j === 0 ? 1 : 0;
  if (p >= 1) return j === n ? 1 : 0;
  if (Math.min(j, n - j) > 64) {
    const lt = logBinomialPmfLoader(n, j, p);
    return lt < LOG_UNDERFLOW ? 0 : Math.exp(lt);
  }
  const lc = logChoose(n, j);
  const lp = j * Math.log(p);
  const lq = (n - j) * Math.log1p(-p);
  const lt = lc + lp + lq;
  if (lt < LOG_UNDERFLOW) return 0;
  if (lc < 700 && lp > -700 && lq > -700) {
    return choose(n, j) * Math.pow(p, j) * Math.exp(lq);
  }
  return Math.exp(lt);
}

/** The mode of Binomial(n, p): floor((n + 1) p), clamped to [0, n]. */
function mode(n: number, p: number): number {
  return Math.min(n, Math.max(0, Math.floor((n + 1) * p)));
}

/** Relative size below which a further term of a decreasing tail is dropped. */
const NEGLIGIBLE = 1e-18;

/**
 * Σ_{j=lo}^{hi} P(X = j), X ~ Binomial(n, p), as a sum of positive terms: it starts at the
 * point of [lo, hi] nearest the mode (the largest term, the pmf being unimodal) and walks
 * outwards by the term ratio (n − j)/(j + 1) · p/(1 − p), stopping once terms are negligible.
 * @example binomialRange(3, 0.1, 2, 3) // 3·0.01·0.9 + 0.001 = 0.028
 */
export function binomialRange(n: number, p: number, lo: number, hi: number): number {
  const from = Math.max(0, lo);
  const to = Math.min(n, hi);
  if (from > to) return 0;
  if (p <= 0) return from === 0 ? 1 : 0;
  if (p >= 1) return to === n ? 1 : 0;
  const start = Math.min(to, Math.max(from, mode(n, p)));
  const t0 = binomialPmf(n, start, p);
  if (t0 === 0) return 0;
  const odds = p / (1 - p);
  let sum = t0;
  let t = t0;
  for (let j = start; j < to; j++) {
    t *= ((n - j) / (j + 1)) * odds;
    sum += t;
    if (t < sum * NEGLIGIBLE) break;
  }
  t = t0;
  for (let j = start; j > from; j--) {
    t *= j / (n - j + 1) / odds;
    sum += t;
    if (t < sum * NEGLIGIBLE) break;
  }
  return sum;
}

/**
 * The pmf of Binomial(n, p) on 0..min(n, upTo), by recurrence outwards from the largest term.
 * @example binomialPmfArray(2, 0.5, 2) // [0.25, 0.5, 0.25]
 */
export function binomialPmfArray(n: number, p: number, upTo: number): number[] {
  const top = Math.min(n, upTo);
  const out = new Array<number>(top + 1).fill(0);
  if (top < 0) return out;
  if (p <= 0 || p >= 1) {
    for (let j = 0; j <= top; j++) out[j] = binomialPmf(n, j, p);
    return out;
  }
  const start = Math.min(top, mode(n, p));
  const t0 = binomialPmf(n, start, p);
  out[start] = t0;
  const odds = p / (1 - p);
  let t = t0;
  for (let j = start; j < top; j++) {
    t *= ((n - j) / (j + 1)) * odds;
    out[j + 1] = t;
  }
  t = t0;
  for (let j = start; j > 0; j--) {
    t *= j / (n - j + 1) / odds;
    out[j - 1] = t;
  }
  return out;
}
