import { bd0, stirlingError } from '../log-math.js';

/**
 * log MTTDL of the birth–death chain of durability-markov.ts (n shards, failure rate
 * (n − j)·λ in state j, one repair at rate μ, absorbing at m + 1 down) without a sum over the
 * m + 1 states. With ρ = μ/λ and L₀ = n − m, the mean time to absorption
 *   MTTDL = Σ_{i=0..m} T_i,  T_i = (1/(λL)) Σ_{c=L..n} ρ^{c−L} L!/c!  (L = n − i)
 * (T_i the mean passage from i to i + 1 down; Trivedi §8.4) becomes, exchanging the sums and
 * telescoping Σ_L 1/(L(L+1)…(L+k)) = (1/k)[1/(L)_k − 1/(L+1)_k] (derived for this file):
 *   MTTDL = (1/λ) [ H_n − H_{L₀−1} + Σ_{k=1..m} (ρ^k / k) (1/(L₀)_k − (n − k)!/n!) ]
 * with (x)_k the rising factorial. Mirror (n = 2, m = 1): (1/λ)(3/2 + ρ/2) = (3λ + μ)/(2λ²).
 * Both sums have positive terms: u_k = ρ^k/(k (L₀)_k) rises to a mode near k = ρ − L₀ and
 * falls; v_k = ρ^k (n − k)!/(k n!) falls then rises (its maxima at the ends). Each is summed
 * from its maxima outwards until a term is below e^−60 of the largest, so the cost is
 * O(√min(n, ρ)) terms instead of m (≤ 10⁹): see {@link sumFromPeaks}.
 * @example Math.exp(logMarkovMttdlSeries(2, 1, 1e-5, 0.1)) // (3e-5 + 0.1) / 2e-10 = 5.0015e8
 */
export function logMarkovMttdlSeries(n: number, m: number, lambda: number, mu: number): number {
  const rho = mu / lambda;
  const l0 = n - m;
  const logH = Math.log(harmonicRange(l0, n));
  if (m < 1) return logH - Math.log(lambda);
  const lnRho = Math.log(rho);
  // u_k: ratio u_{k+1}/u_k = ρk / ((k + 1)(L₀ + k)) ≥ 1 between the roots of
  // k² + (L₀ + 1 − ρ)k + L₀ = 0: the interior mode just after the upper root.
  const bU = l0 + 1 - rho;
  const discU = bU * bU - 4 * l0;
  const upper = discU >= 0 ? (-bU + Math.sqrt(discU)) / 2 : 0;
  const logU = sumFromPeaks(
    1,
    m,
    (k) => logPowerOverRising(rho, l0 - 1, l0 - 1 + k) - Math.log(k),
    (k) => lnRho + Math.log(k / (k + 1)) - Math.log(l0 + k),
    [1, m, Math.floor(upper), Math.floor(upper) + 1],
  );
  // v_k: ratio ρk / ((k + 1)(n − k)) increases with k: maxima at the ends only.
  const logV = sumFromPeaks(
    1,
    m,
    (k) => logPowerOverRising(rho, n - k, n) - Math.log(k),
    (k) => lnRho + Math.log(k / (k + 1)) - Math.log(n - k),
    [1, m],
  );
  const logPositive = logAdd(logH, logU);
  // v_k < u_k term by term (u_k / v_k = Π_{j<k} (n − j)/(L₀ + j) > 1), so the difference is positive.
  const diff = logV - logPositive;
  const logTotal = diff < 0 ? logPositive + Math.log1p(-Math.exp(diff)) : logPositive;
  return logTotal - Math.log(lambda);
}

/** Cut below the largest term: e^−60 ≈ 9e-27, times at most 10⁹ terms is under a double's precision. */
const CUT = 60;

/**
 * log Σ_{k=lo..hi} t_k of positive terms whose local maxima are among `starts` (clamped to
 * [lo, hi]): from each start, walk both ways while the term is within e^−60 of the largest
 * start's, then sum the union of the walked ranges once. `logTerm` evaluates one term directly,
 * `logStep(k)` = log(t_{k+1}/t_k) walks between neighbours.
 */
export function sumFromPeaks(
  lo: number,
  hi: number,
  logTerm: (k: number) => number,
  logStep: (k: number) => number,
  starts: readonly number[],
): number {
  const points = [...new Set(starts.map((s) => Math.min(hi, Math.max(lo, s))))];
  let top = -Infinity;
  for (const p of points) top = Math.max(top, logTerm(p));
  if (top === -Infinity || Number.isNaN(top)) return top;
  const floor = top - CUT;
  const ranges: [number, number][] = points.map((p) => {
    let a = p;
    let t = logTerm(p);
    while (a > lo && t > floor) {
      t -= logStep(a - 1);
      a--;
    }
    let b = p;
    t = logTerm(p);
    while (b < hi && t > floor) {
      t += logStep(b);
      b++;
    }
    return [a, b];
  });
  ranges.sort((x, y) => x[0] - y[0]);
  let logSum = -Infinity;
  let reached = lo - 1;
  for (const [a0, b] of ranges) {
    const a = Math.max(a0, reached + 1);
    if (a > b) continue;
    let t = logTerm(a);
    let scaled = 0;
    for (let k = a; k <= b; k++) {
      if (k > a) t += logStep(k - 1);
      scaled += Math.exp(t - top);
    }
    logSum = logAdd(logSum, top + Math.log(scaled));
    reached = b;
  }
  return logSum;
}

/**
 * log(ρ^c · A! / B!) with c = B − A ≥ 0, in O(1) without cancellation (Loader's Stirling error
 * δ and deviance bd0): ln B! − ln A! = c ln B − bd0(A, B) + ½ ln(B/A) + δ(B) − δ(A) for A ≥ 1.
 * @example Math.exp(logPowerOverRising(10, 1, 3)) // 10² · 1!/3! = 16.67
 */
export function logPowerOverRising(rho: number, a: number, b: number): number {
  const c = b - a;
  if (c === 0) return 0;
  if (a === 0) return c * Math.log(rho) - logFactorial(b);
  return c * Math.log(rho / b) + bd0(a, b) - 0.5 * Math.log(b / a) - stirlingError(b) + stirlingError(a);
}

/** ln n! = (n + ½) ln n − n + ln √(2π) + δ(n) (δ exact below 16, see stirlingError). */
function logFactorial(n: number): number {
  if (n < 2) return 0;
  return (n + 0.5) * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI) + stirlingError(n);
}

/**
 * H_b − H_{a−1} = Σ_{L=a..b} 1/L = ψ(b + 1) − ψ(a): summed directly for short ranges, else the
 * first terms below 40 directly and ψ's asymptotic series (Abramowitz & Stegun 6.3.18,
 * truncation error < 1/(132 x¹⁰) ≈ 7e-19 at x = 40) with ln((b + 1)/a) as log1p.
 * @example harmonicRange(1, 3) // 1 + 1/2 + 1/3
 */
export function harmonicRange(a: number, b: number): number {
  let s = 0;
  let x = a;
  if (b - a < 64) {
    for (let L = b; L >= a; L--) s += 1 / L;
    return s;
  }
  for (; x < 40; x++) s += 1 / x;
  const y = b + 1;
  return s + Math.log1p((y - x) / x) + psiTail(y) - psiTail(x);
}

/** ψ(x) − ln x for x ≥ 40: −1/2x − 1/12x² + 1/120x⁴ − 1/252x⁶ + 1/240x⁸ − 1/132x¹⁰. */
function psiTail(x: number): number {
  const r = 1 / (x * x);
  return -0.5 / x - r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r / 132))));
}

/** log(e^a + e^b), stable. */
function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const hi = Math.max(a, b);
  return hi + Math.log1p(Math.exp(Math.min(a, b) - hi));
}
