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

/** log C(n, k) = Σᵢ₌₁ᵏ log((n − k + i) / i); exact enough for the n of a storage group. */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  const kk = Math.min(k, n - k);
  let s = 0;
  for (let i = 1; i <= kk; i++) s += Math.log((n - kk + i) / i);
  return s;
}

/**
 * log P(X > m) and log P(X ≤ m) for X ~ Binomial(n, p), each side summed in log space
 * (all terms positive, so neither side suffers cancellation).
 * @example Math.exp(logBinomialTails(2, 0, 0.5).logUpper) // 0.75
 */
export function logBinomialTails(
  n: number,
  m: number,
  p: number,
): { readonly logUpper: number; readonly logLower: number } {
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  const term = (j: number): number =>
    logChoose(n, j) + (j === 0 ? 0 : j * logP) + (n - j === 0 ? 0 : (n - j) * logQ);
  const upper: number[] = [];
  const lower: number[] = [];
  for (let j = 0; j <= n; j++) (j > m ? upper : lower).push(term(j));
  return { logUpper: logSumExp(upper), logLower: logSumExp(lower) };
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
