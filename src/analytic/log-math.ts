/**
 * Log-space helpers for probabilities that may be far below 1e-300: everything stays a
 * finite logarithm until the caller asks for the number.
 */

/** log(Σ e^xᵢ), stable: the largest term is factored out. −Infinity for no terms. */
export function logSumExp(xs: readonly number[]): number {
  let max = -Infinity;
  for (const x of xs) if (x > max) max = x;
  if (max === -Infinity) return -Infinity;
  if (max === Infinity) return Infinity;
  let sum = 0;
  for (const x of xs) sum += Math.exp(x - max);
  return max + Math.log(sum);
}

/**
 * log(1 − e^a) for a ≤ 0, accurate at both ends (Mächler, "Accurately computing
 * log(1 − exp(−|a|))", 2012): log(−expm1(a)) near 0, log1p(−e^a) below −ln 2.
 * @example log1mExp(Math.log(1e-20)) // ≈ −1e-20
 */
export function log1mExp(a: number): number {
  if (a > 0) return NaN;
  return a > -Math.LN2 ? Math.log(-Math.expm1(a)) : Math.log1p(-Math.exp(a));
}

/** Below this many factors, log C(n, k) is the exact running sum; above, the O(1) Stirling form. */
const DIRECT_CHOOSE = 64;
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Stirling's error δ(n) = ln n! − ((n + ½) ln n − n + ln √(2π)), by the series
 * 1/12n − 1/360n³ + 1/1260n⁵ − 1/1680n⁷ + 1/1188n⁹ for n > 15 (Abramowitz & Stegun 6.1.41;
 * the form of Loader, "Fast and accurate computation of binomial probabilities", 2000), and from
 * the exact ln n! below.
 * @example stirlingError(1) // 1 − ln √(2π) ≈ 0.0810614667953
 */
export function stirlingError(n: number): number {
  if (n <= 15) {
    let lf = 0;
    for (let i = 2; i <= n; i++) lf += Math.log(i);
    return lf - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
  }
  const nn = n * n;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / 1188 / nn) / nn) / nn) / nn) / n;
}

/**
 * Loader's deviance term bd0(x, M) = x ln(x / M) + M − x, without cancellation near x = M
 * (series in v = (x − M)/(x + M) there).
 * @example bd0(10, 10) // 0
 */
export function bd0(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    const v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    const v2 = v * v;
    for (let j = 1; j < 1000; j++) {
      ej *= v2;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/**
 * log C(n, k): the exact Σᵢ₌₁ᵏ log((n − k + i) / i) for min(k, n − k) ≤ 64, else in O(1),
 * k ln(n/k) − m log1p(−k/n) + ½ ln(n / (2π k m)) + δ(n) − δ(k) − δ(m) with m = n − k and δ
 * Stirling's error ({@link stirlingError}): no sum grows with n.
 * @example logChoose(5, 2) // ln 10
 */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  const kk = Math.min(k, n - k);
  if (kk <= DIRECT_CHOOSE) {
    let s = 0;
    for (let i = 1; i <= kk; i++) s += Math.log((n - kk + i) / i);
    return s;
  }
  const m = n - kk;
  return (
    kk * Math.log(n / kk) -
    m * Math.log1p(-kk / n) +
    0.5 * Math.log(n / (2 * Math.PI * kk * m)) +
    stirlingError(n) -
    stirlingError(kk) -
    stirlingError(m)
  );
}

/**
 * log P(X = j) for X ~ Binomial(n, p) in O(1) by Loader's saddle-point form:
 * δ(n) − δ(j) − δ(n − j) − bd0(j, np) − bd0(n − j, n(1 − p)) + ½ ln(n / (2π j (n − j))),
 * accurate to a few ulps for every n (Loader 2000; R's dbinom). Needs 0 < j < n, 0 < p < 1.
 * @example Math.exp(logBinomialPmfLoader(4, 2, 0.5)) // 0.375
 */
export function logBinomialPmfLoader(n: number, j: number, p: number): number {
  return (
    stirlingError(n) -
    stirlingError(j) -
    stirlingError(n - j) -
    bd0(j, n * p) -
    bd0(n - j, n * (1 - p)) +
    0.5 * Math.log(n / (2 * Math.PI * j * (n - j)))
  );
}

/**
 * log P(X > m) and log P(X ≤ m) for X ~ Binomial(n, p), each side summed in log space
 * (all terms positive, so neither side suffers cancellation). Each side starts at its largest
 * term (the mode, clamped to the side: the pmf is unimodal) and walks outwards until a term is
 * below e^−45 of it (under a double's precision), so the cost does not grow with n.
 * @example Math.exp(logBinomialTails(2, 0, 0.5).logUpper) // 0.75
 */
export function logBinomialTails(
  n: number,
  m: number,
  p: number,
): { readonly logUpper: number; readonly logLower: number } {
  return { logUpper: logBinomialSide(n, p, m + 1, n), logLower: logBinomialSide(n, p, 0, m) };
}

/** log P(X = j), X ~ Binomial(n, p), in O(1) (Loader's form beyond 64 factors). */
function logBinomialTerm(n: number, j: number, p: number, logP: number, logQ: number): number {
  if (p > 0 && p < 1 && Math.min(j, n - j) > DIRECT_CHOOSE) return logBinomialPmfLoader(n, j, p);
  return logChoose(n, j) + (j === 0 ? 0 : j * logP) + (n - j === 0 ? 0 : (n - j) * logQ);
}

/** log Σ_{j=lo}^{hi} P(X = j) from the largest term outwards. */
function logBinomialSide(n: number, p: number, lo: number, hi: number): number {
  if (lo > hi) return -Infinity;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  const start = Math.min(hi, Math.max(lo, Math.floor((n + 1) * p)));
  const top = logBinomialTerm(n, start, p, logP, logQ);
  if (top === -Infinity) return -Infinity;
  const terms = [top];
  for (let j = start + 1; j <= hi; j++) {
    const t = logBinomialTerm(n, j, p, logP, logQ);
    terms.push(t);
    if (t < top - 45) break;
  }
  for (let j = start - 1; j >= lo; j--) {
    const t = logBinomialTerm(n, j, p, logP, logQ);
    terms.push(t);
    if (t < top - 45) break;
  }
  return logSumExp(terms);
}

/**
 * log(1 − (1 − P)^N) from log P: log(−expm1(N·log1p(−P))); below e^−700, where P itself
 * would underflow, the first-order log N + log P (relative error ≈ N·P, i.e. none).
 * @example Math.exp(logAtLeastOnce(Math.log(1e-20), 200)) // 2e-18
 */
export function logAtLeastOnce(logP: number, trials: number): number {
  if (logP === -Infinity) return -Infinity;
  if (logP < -700) return Math.log(trials) + logP;
  const logOneMinusP = log1mExp(logP);
  return log1mExp(trials * logOneMinusP);
}

/** log(1 − e^(−x)) from log x: the probability of at least one event of a Poisson process. */
export function logPoissonAtLeastOne(logX: number): number {
  if (logX === -Infinity) return -Infinity;
  if (logX < -700) return logX;
  return log1mExp(-Math.exp(logX));
}
